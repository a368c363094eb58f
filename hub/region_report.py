"""The region's activity report: the shared report (:mod:`core.report.activity`), counted
across every site by the hub, with a section by site first."""

from __future__ import annotations

from datetime import date
from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Paragraph, Table
from sqlalchemy.orm import Session

from core.formatting import number, percent
from core.i18n import gettext
from core.outcomes import COLUMNS
from core.report.activity import build_pdf, story
from core.report.sections import WIDTH, Writer
from core.report.style import MUTED, fonts
from core.report.text import styles
from core.stats.tables import StatsResult
from hub import referral_figures, retention, stats
from hub.labels import RegionLabeller

SECTIONS: tuple[tuple[str, ...], ...] = (
    ("site",), ("public",), ("theme",), ("channel",), ("age",), ("gender",), ("epci",),
    ("partner",), ("answer",), ("day",),
)  # fmt: skip
REGION = "Ensemble des sites de la région"
# The columns of « Suites des orientations », after the partner, issued, and who came.
SHOWN = ("accompagnee", "reorientee", "non-eligible", "pas-de-place", "sans-nouvelles")


def render_region_report(
    session: Session, start: date, end: date, made_on: date,
    min_cell: int = stats.MIN_CELL, lang: str = "fr", site: str | None = None,
) -> bytes:  # fmt: skip
    """The report over ``start``..``end`` as PDF bytes, small counts hidden; one site's
    with ``site`` (then without the section by site)."""
    labeller = RegionLabeller(session, lang)
    known = stats.totals(session, start, end)

    def count(by: tuple[str, ...]) -> StatsResult:
        return stats.compute(session, start, end, by, min_cell, site, known)

    sections = SECTIONS[1:] if site else SECTIONS
    heading = labeller("site", site) if site else REGION
    followed = referral_figures.figures(
        session, start, end, "partner", made_on, retention.read(session).no_news_days,
        min_cell, site,
    )  # fmt: skip

    def outcomes(writer: Writer, number_: int) -> list[Flowable]:
        return referral_section(writer, number_, followed, labeller)

    flowables, title = story(
        count, labeller, labeller.lists, start, end, min_cell, heading, made_on, sections,
        outcomes,
    )  # fmt: skip
    return build_pdf(flowables, title, heading, lang)


def referral_section(
    writer: Writer, number_: int, made: referral_figures.Figures, labeller: RegionLabeller
) -> list[Flowable]:
    """« Suites des orientations »: by partner, the referrals issued, the share of people
    who came, each outcome and those with no news, hidden as the console hides them."""
    lang = writer.lang
    heading = writer.heading(number_, gettext("Suites des orientations", lang))
    if not made.rows:
        return [heading, writer.para(gettext("Aucune orientation suivie sur cette période.", lang))]
    hidden = writer.say("hidden_mark")

    def line(label: str, row: referral_figures.Row) -> list[Any]:
        def text(n: int | None) -> str:
            return hidden if n is None else number(n, lang)

        came = "—" if row.came is None else percent(round(row.came * 1000), 1000, lang)
        return [writer.para(label, "td"), text(row.issued), came,
                *(text(row.counts[c]) for c in SHOWN)]  # fmt: skip

    head = [gettext("Partenaire", lang), gettext("Émises", lang), gettext("Taux de venue", lang)]
    head += [gettext(COLUMNS[state], lang) for state in SHOWN]
    small = ParagraphStyle("th-small", parent=styles()["th"], fontSize=6.0, leading=7.4)
    data: list[list[Any]] = [[Paragraph(h, small) for h in head]]
    data += [line(labeller("partner", row.code), row) for row in made.rows]
    data.append(line(gettext("Ensemble", lang), made.total))
    numbers = (WIDTH * 0.8) / (len(head) - 1)
    table = Table(data, colWidths=[WIDTH * 0.2, *[numbers] * (len(head) - 1)], repeatRows=1)
    regular, bold = fonts()
    table.setStyle([
        ("FONT", (1, 1), (-1, -1), regular, 8.5), ("FONT", (1, -1), (-1, -1), bold, 8.5),
        ("ALIGN", (1, 1), (-1, -1), "RIGHT"),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("LINEBELOW", (0, 0), (-1, 0), 0.6, MUTED),
        ("LINEABOVE", (0, -1), (-1, -1), 0.6, MUTED),
        ("LEFTPADDING", (1, 0), (-1, -1), 2), ("RIGHTPADDING", (0, 0), (-1, -1), 2),
    ])  # fmt: skip
    table.hAlign = "LEFT"
    note = gettext(
        "Chaque orientation compte une fois, sous ce que le partenaire en a dit\u00a0;"
        " «\u00a0sans nouvelles\u00a0» {days} jours après sa fiche si personne ne l’a"
        " confirmée. Seules les orientations envoyées avec leur code sont suivies.",
        lang,
    ).format(days=made.no_news_days)
    return [heading, table, writer.para(note, "note")]
