"""A directory record written out for the detail pane (HTML), with what can be copied."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from html import escape
from urllib.parse import urlsplit

from PySide6.QtCore import QCoreApplication

from app.directory import display, markdown
from app.directory.records import ServiceDetail
from core.lang import day_text
from ui.places import Places

# The detail pane's lines: a title and its HTML value.
Rows = list[tuple[str, str]]


def detail_html(detail: ServiceDetail, geography: Places, lang: str) -> tuple[str, dict[str, str]]:
    """The HTML of the detail pane and the address, phone and e-mail to copy."""
    service, structure = detail.service, detail.structure

    def pick(name: str) -> str:
        return str(service.get(name) or structure.get(name) or "")

    address = display.postal_address(pick)
    phone = display.format_phone(pick("telephone"))
    email = pick("courriel")
    rows: Rows = []
    _reaching(rows, detail, pick, (address, phone, email), lang)
    _eligibility(rows, detail, geography, lang)
    _record(rows, detail, lang)
    parts = [
        f"<h2>{escape(str(service.get('nom') or ''))}</h2>",
        f"<p><b>{escape(str(structure.get('nom') or ''))}</b></p>",
    ]
    for note in detail.notice_lines(lang):
        parts.append(f'<p style="color:#a15c00"><b>{escape(note)}</b></p>')
    # The partner's Markdown, as headings, paragraphs and bullets: no link to follow and
    # nothing to load, whatever it holds.
    parts.append(markdown.to_html(str(service.get("description") or "")))
    parts.append("<table cellspacing='4'>")
    for title, value in rows:
        parts.append(f"<tr><td valign='top'><b>{escape(title)}</b></td><td>{value}</td></tr>")
    parts.append("</table>")
    return "".join(parts), {"address": address, "phone": phone, "email": email}


def _row(rows: Rows, title: str, value: str, *, raw: bool = False) -> None:
    """A line, if it has a value: escaped unless it is already HTML."""
    if value:
        rows.append((title, value if raw else escape(value)))


def _reaching(
    rows: Rows,
    detail: ServiceDetail,
    pick: Callable[[str], str],
    contact: tuple[str, str, str],
    lang: str,
) -> None:
    """How to reach the service: address, phone, e-mail, website, map, hours, modes."""
    service, structure = detail.service, detail.structure
    address, phone, email = contact
    website = str(structure.get("site_web") or service.get("lien_source") or "")
    link = display.map_link(
        service.get("latitude") or structure.get("latitude"),
        service.get("longitude") or structure.get("longitude"),
        pick("adresse"),
        pick("commune"),
    )
    row = partial(_row, rows)
    opening = detail.hours_words(lang)
    row(QCoreApplication.translate("DirectoryDetail", "Adresse"), address)
    row(QCoreApplication.translate("DirectoryDetail", "Téléphone"), phone)
    if email:
        row(
            QCoreApplication.translate("DirectoryDetail", "Courriel"),
            f'<a href="mailto:{escape(email)}">{escape(email)}</a>',
            raw=True,
        )
    if website:
        row(QCoreApplication.translate("DirectoryDetail", "Site web"), _link(website), raw=True)
    if link:
        see = QCoreApplication.translate("DirectoryDetail", "Voir sur la carte")
        row(
            QCoreApplication.translate("DirectoryDetail", "Plan"),
            f'<a href="{escape(link)}">{escape(see)}</a>',
            raw=True,
        )
    row(QCoreApplication.translate("DirectoryDetail", "Horaires"), opening)
    row(
        QCoreApplication.translate("DirectoryDetail", "Prochaines dates"),
        detail.next_dates_words(lang),
    )
    row(
        QCoreApplication.translate("DirectoryDetail", "Prochains arrêts"),
        "<br>".join(escape(w) for w in detail.stops_words(lang)),
        raw=True,
    )
    row(
        QCoreApplication.translate("DirectoryDetail", "Accueil"),
        ", ".join(display.label(display.MODES, m, lang) for m in detail.modes_accueil),
    )
    row(
        QCoreApplication.translate("DirectoryDetail", "Pour s’y rendre"),
        ", ".join(display.label(display.MODES, m, lang) for m in detail.modes_mobilisation),
    )
    lien = str(service.get("lien_mobilisation") or "")
    if lien:
        row(QCoreApplication.translate("DirectoryDetail", "Inscription"), _link(lien), raw=True)


def _eligibility(rows: Rows, detail: ServiceDetail, geography: Places, lang: str) -> None:
    """Who the service is for and on what terms: publics, conditions, cost, themes, area."""
    service = detail.service
    row = partial(_row, rows)
    row(
        QCoreApplication.translate("DirectoryDetail", "Publics"),
        ", ".join(display.label(display.PUBLICS, p, lang) for p in detail.publics),
    )
    row(
        QCoreApplication.translate("DirectoryDetail", "Précisions"),
        str(service.get("publics_precisions") or ""),
    )
    row(
        QCoreApplication.translate("DirectoryDetail", "Conditions"),
        str(service.get("conditions_acces") or ""),
    )
    row(QCoreApplication.translate("DirectoryDetail", "À apporter"), " ; ".join(detail.documents))
    frais = str(service.get("frais") or "")
    row(
        QCoreApplication.translate("DirectoryDetail", "Coût"),
        display.label(display.FRAIS, frais, lang) if frais else "",
    )
    row(
        QCoreApplication.translate("DirectoryDetail", "Thématiques"),
        " ; ".join(display.label({}, t, lang) for t in detail.thematiques),
    )
    row(
        QCoreApplication.translate("DirectoryDetail", "Territoire"),
        ", ".join(_zone(code, geography, lang) for code in detail.zone_eligibilite)
        if detail.zone_given
        else QCoreApplication.translate(
            "DirectoryDetail", "Zone non renseignée : autour de son adresse (son département)"
        ),
    )


def _record(rows: Rows, detail: ServiceDetail, lang: str) -> None:
    """The record itself: the SPRO referent the agents call, when it was checked, where it
    comes from, the flags on it."""
    service, structure = detail.service, detail.structure
    row = partial(_row, rows)
    referent = [
        str(structure.get("referent_nom") or ""),
        display.format_phone(str(structure.get("referent_telephone") or "")),
        str(structure.get("referent_courriel") or ""),
    ]
    if referent[0]:  # for this desk's agents: never on the slip
        row(
            QCoreApplication.translate("DirectoryDetail", "Référent SPRO"),
            " · ".join(part for part in referent if part),
        )
    checked = day_text(detail.checked_on, lang) if detail.checked_on else "—"
    row(
        QCoreApplication.translate("DirectoryDetail", "Mise à jour"),
        QCoreApplication.translate("DirectoryDetail", "À vérifier (%1)").replace("%1", checked)
        if detail.stale
        else checked,
    )
    row(
        QCoreApplication.translate("DirectoryDetail", "Source"),
        str(service.get("source") or "")
        + (
            QCoreApplication.translate("DirectoryDetail", " (entrée locale)")
            if detail.is_local
            else ""
        ),
    )
    if detail.flags:
        row(QCoreApplication.translate("DirectoryDetail", "Signalements"), str(detail.flags))


def _link(url: str) -> str:
    """A web address as a link; any other scheme (``file:``, ``javascript:``…) from the
    directory would open a program on the desk when clicked, so it stays text."""
    if urlsplit(url.strip()).scheme.lower() in ("http", "https"):
        return f'<a href="{escape(url.strip())}">{escape(url)}</a>'
    return escape(url)


def _zone(code: str, geography: Places, lang: str) -> str:
    if code in ("france", "99100"):
        return "France"
    commune = geography.get(code) if len(code) == 5 else None
    if commune is not None:
        return commune.name
    return code
