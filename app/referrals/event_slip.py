"""A slip for an event of the region (« Forum de l’orientation, Istres, mardi 9 mars 2027,
9 h–17 h »), in the referral slip's formats and type: who gives it, the event, when and
where, who organises it, for whom, its description, and a QR code to its link."""

from __future__ import annotations

from datetime import date
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from app.directory import display, markdown
from app.referrals.slip import FORMATS, layout_pdf
from app.referrals.slip_story import Site, paragraphs, qr_code, shorten, styles_for
from core.events import Event, when_words
from core.lang import french_date

DESCRIPTION_LONGEST = 700


def event_story(
    event: Event, site: Site, day: date, fmt: str, large: bool, width: float
) -> list[Flowable]:
    styles = styles_for(fmt, large)
    para = paragraphs(styles)
    flowables: list[Flowable] = []
    if site.name:
        flowables.append(para(site.name, "site"))
    flowables.append(para("Un événement pour vous", "intro"))
    flowables.append(para(event.title, "title"))
    flowables.append(para(when_words(event.starts_at, event.ends_at, "fr"), "service"))
    flowables.append(Spacer(1, 4))
    place = ", ".join(p for p in (event.adresse, event.commune) if p)
    publics = ", ".join(display.label(display.PUBLICS, p) for p in event.publics)
    for label, value in (
        ("Lieu", place),
        ("Organisé par", event.organisateur),
        ("Pour qui", publics.capitalize()),
        ("En savoir plus", event.lien),
    ):
        if value:
            flowables.append(para(f"{label}\u00a0: {value}", "body"))
    described = " ".join(b.text for b in markdown.blocks(event.description))
    if described:
        flowables.append(Spacer(1, 4))
        flowables.append(para(shorten(described, DESCRIPTION_LONGEST), "body"))
    flowables.append(Spacer(1, 6))
    flowables.append(para(f"Fiche remise le {french_date(day)}", "small"))
    if event.lien:
        flowables.append(Spacer(1, 4))
        flowables.append(qr_code(event.lien, 30 * mm))
    return flowables


def render_event_slip(
    event: Event, site: Site, *, fmt: str = "a4", large: bool = False, day: date | None = None
) -> bytes:
    """The event's slip as PDF bytes."""
    if fmt not in FORMATS:
        raise ValueError(fmt)
    day = day or date.today()
    meta: dict[str, Any] = {
        "title": event.title,
        "author": site.name or "Aiguillage",
        "subject": when_words(event.starts_at, event.ends_at, "fr"),
        "creator": "Aiguillage",
    }
    pdf, _size = layout_pdf(
        fmt, large, meta, lambda width: event_story(event, site, day, fmt, large, width)
    )
    return pdf
