"""The activity report's words and typography, French and English.

French typography: a no-break space before « : ; ? ! » and inside « », the apostrophe ’,
numbers grouped by a narrow no-break space (1 234) with a decimal comma (12,5 %).
"""

from __future__ import annotations

import calendar
from datetime import date
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph

from core import fields
from core.errors import pick
from core.lang import day_text, french_date
from core.report.charts import TEXT
from core.report.style import ACCENT, MUTED, fonts
from core.stats.labels import MONTHS, WEEKDAYS, month_name

NBSP, NNBSP = "\u00a0", "\u202f"

# key -> (French, English)
TEXTS: dict[str, tuple[str, str]] = {
    "month_title": ("Rapport d’activité — {month}", "Activity report — {month}"),
    "year_title": ("Rapport d’activité — année {year}", "Activity report — year {year}"),
    "day_title": ("Rapport d’activité du {day}", "Activity report for {day}"),
    "period_title": (
        "Rapport d’activité du {start} au {end}",
        "Activity report from {start} to {end}",
    ),
    "made": ("Édité le {day} avec Aiguillage.", "Made on {day} with Aiguillage."),
    "threshold": (
        "Les effectifs inférieurs à {n} sont masqués («\u00a0masqué\u00a0»), et d’autres"
        " avec eux là où un calcul les retrouverait.",
        "Counts under {n} are hidden (“hidden”), and others with them where arithmetic"
        " would find them again.",
    ),
    "hidden_mark": ("masqué", "hidden"),
    "no_threshold": ("Aucun effectif n’est masqué.", "No count is hidden."),
    "visits": ("accueils sur la période", "visits in the period"),
    "visits_one": ("accueil sur la période", "visit in the period"),
    "days": ("jours avec au moins un accueil", "days with at least one visit"),
    "days_one": ("jour avec au moins un accueil", "day with at least one visit"),
    "mean_per_day": (
        "accueils par jour d’accueil, en moyenne",
        "visits per day with visits, on average",
    ),
    "no_visit": (
        "Aucun accueil n’a été enregistré sur cette période.",
        "No visit was recorded in this period.",
    ),
    "no_data": ("Aucune donnée sur la période.", "No data for the period."),
    "no_partner": (
        "Aucune orientation vers un partenaire sur la période.",
        "No referral to a partner in the period.",
    ),
    "all_hidden": (
        "Tous les effectifs sont masqués (seuil de {n})\u00a0: pas de graphique.",
        "Every count is hidden (threshold of {n}): no chart.",
    ),
    "count": ("Nombre", "Count"),
    "share": ("Part", "Share"),
    "total": ("Total", "Total"),
    "total_visits": ("Total des accueils", "All visits"),
    "top_commune": ("{title}\u00a0: les {n} premières", "{title}: top {n}"),
    "top_epci": ("{title}\u00a0: les {n} premiers", "{title}: top {n}"),
    "top_partner": ("{title}\u00a0: les {n} premiers", "{title}: top {n}"),
    "note_theme": (
        "Un accueil peut porter sur plusieurs thèmes\u00a0: il compte sous chacun, et les"
        " parts additionnées peuvent dépasser 100\u00a0%.",
        "A visit may concern several themes: it counts under each, so the shares can add"
        " up to more than 100%.",
    ),
    "note_answer": (
        "Un accueil peut recevoir plusieurs réponses\u00a0: il compte sous chacune, et les"
        " parts additionnées peuvent dépasser 100\u00a0%.",
        "A visit may receive several answers: it counts under each, so the shares can add"
        " up to more than 100%.",
    ),
    "note_partner": (
        "Part des accueils orientés vers chaque partenaire\u00a0; un accueil orienté vers"
        " deux partenaires compte sous chacun.",
        "Share of the visits referred to each partner; a visit referred to two partners"
        " counts under each.",
    ),
    "no_time": ("sans heure", "no time"),
    "grid_caption": (
        "Accueils par jour de la semaine et heure d’arrivée. Case vide\u00a0: aucun"
        " accueil\u00a0; «\u00a0masqué\u00a0»\u00a0: effectif masqué.",
        "Visits by weekday and hour of arrival. Empty cell: no visit; “hidden”: hidden count.",
    ),
    "per_day": ("Accueils par jour", "Visits per day"),
    "per_week": ("Accueils par semaine", "Visits per week"),
    "per_month": ("Accueils par mois", "Visits per month"),
    "head_day": ("Jour", "Day"),
    "head_week": ("Semaine du", "Week of"),
    "head_month": ("Mois", "Month"),
    "hidden_day": (
        "En gris\u00a0: un jour de moins de {n} accueils, dont l’effectif est masqué.",
        "In grey: a day with fewer than {n} visits, its count hidden.",
    ),
    "hidden_week": (
        "En gris\u00a0: une semaine de moins de {n} accueils, dont l’effectif est masqué.",
        "In grey: a week with fewer than {n} visits, its count hidden.",
    ),
    "hidden_month": (
        "En gris\u00a0: un mois de moins de {n} accueils, dont l’effectif est masqué.",
        "In grey: a month with fewer than {n} visits, its count hidden.",
    ),
    "about": ("À propos de ces chiffres", "About these figures"),
    "note_anonymous": (
        "Les chiffres comptent des premiers accueils anonymes\u00a0: chaque accueil est une"
        " personne reçue, sur place ou à distance, sans rien qui permette de la reconnaître.",
        "The figures count anonymous first contacts: each visit is a person received, in"
        " person or remotely, with nothing that could identify them.",
    ),
    "note_multiple": (
        "Un accueil qui porte sur deux thèmes compte une fois sous chaque thème\u00a0: les"
        " parts des thèmes peuvent donc dépasser 100\u00a0% au total. Il en va de même des"
        " réponses apportées et des partenaires vers lesquels la personne a été orientée."
        " Le total des accueils, lui, compte chaque accueil une seule fois, et les parts"
        " sont calculées sur ce total.",
        "A visit about two themes counts once under each theme: the themes’ shares can"
        " therefore add up to more than 100%. The same goes for the answers given and the"
        " partners the person was referred to. The total of visits counts each visit once,"
        " and the shares are worked out on that total.",
    ),
    "note_cancelled": (
        "Les accueils annulés ne comptent jamais.",
        "Cancelled visits never count.",
    ),
    "note_threshold": (
        "Pour qu’aucune personne ne puisse être reconnue, les effectifs inférieurs à {n}"
        " sont masqués («\u00a0masqué\u00a0»), et d’autres avec eux là où une soustraction"
        " les retrouverait\u00a0; «\u00a0≥\u00a0» précède une somme"
        " dont une partie est masquée.",
        "So that no one can be recognised, counts under {n} are hidden (“hidden”), and"
        " others with them where a subtraction would find them again; “≥”"
        " comes before a sum of which a part is hidden.",
    ),
    "page": ("page {page} sur {pages}", "page {page} of {pages}"),
}

# dimension -> (French title, English title) of its section
# (a contact field's section is in its row of core/fields.py)
SECTIONS: dict[str, tuple[str, str]] = {
    "site": ("Accueils par site", "Visits by site"),
    **fields.SECTIONS,
    "epci": ("Intercommunalités (EPCI)", "Intercommunal bodies (EPCI)"),
    "weekday": ("Jours et heures d’affluence", "Busy days and hours"),
    "partner": ("Orientations par partenaire", "Referrals by partner"),
}
# dimension -> ((French singular, plural), (English singular, plural)) of "N others"
OTHERS: dict[str, tuple[tuple[str, str], tuple[str, str]]] = {
    "commune": (("autre commune", "autres communes"), ("other commune", "other communes")),
    "epci": (("autre EPCI", "autres EPCI"), ("other EPCI", "other EPCIs")),
    "partner": (("autre partenaire", "autres partenaires"), ("other partner", "other partners")),
}


def said(key: str, lang: str, /, **params: Any) -> str:
    return pick(TEXTS[key], lang, **params)


def number(value: float, lang: str = "fr", decimals: int = 0) -> str:
    """``1 234`` (narrow no-break space) and ``12,5`` in French; ``1,234`` and ``12.5``."""
    text = f"{value:,.{decimals}f}"
    return text if lang == "en" else text.replace(",", NNBSP).replace(".", ",")


def percent(count: int, total: int, lang: str = "fr") -> str:
    """``12,5 %`` in French, ``12.5%`` in English; one decimal."""
    value = number(100 * count / total, lang, 1) if total else "–"
    return f"{value}%" if lang == "en" else f"{value}{NNBSP}%"


def period_title(start: date, end: date, lang: str = "fr") -> str:
    """« Rapport d’activité — novembre 2026 » for a calendar month (or year), else the
    first and last days."""
    last = calendar.monthrange(start.year, start.month)[1]
    if start.day == 1 and end == start.replace(day=last):
        return said("month_title", lang, month=month_name(start.year, start.month, lang))
    if (start.month, start.day) == (1, 1) and end == start.replace(month=12, day=31):
        return said("year_title", lang, year=start.year)
    if start == end:
        return said("day_title", lang, day=day_text(start, lang))
    return said("period_title", lang, start=day_text(start, lang), end=day_text(end, lang))


def written_on(day: date, lang: str = "fr") -> str:
    """``jeudi 3 décembre 2026``; ``Thursday 3 December 2026``."""
    if lang != "en":
        return french_date(day)
    return f"{WEEKDAYS[1][day.weekday()]} {day.day} {MONTHS[1][day.month - 1]} {day.year}"


def styles() -> dict[str, ParagraphStyle]:
    regular, bold = fonts()

    def style(name: str, size: float, font: str = regular, **more: Any) -> ParagraphStyle:
        more.setdefault("leading", size * 1.3)
        return ParagraphStyle(name, fontName=font, fontSize=size, **more)

    return {
        "site": style("site", 11, bold, textColor=MUTED),
        "title": style("title", 18, bold, textColor=ACCENT, spaceBefore=2, spaceAfter=6),
        "body": style("body", 9.5, textColor=TEXT),
        "lead": style("lead", 11, textColor=TEXT, spaceBefore=8),
        "small": style("small", 8, textColor=MUTED, spaceBefore=3),
        "caption": style("caption", 8.5, textColor=MUTED),
        "note": style("note", 8.5, textColor=TEXT, spaceAfter=4),
        "h2": style("h2", 12.5, bold, textColor=ACCENT, spaceBefore=16, spaceAfter=6),
        "th": style("th", 8.5, bold, textColor=TEXT, leading=10.5),
        "td": style("td", 8.5, textColor=TEXT, leading=10.5),
    }


def para(text: str, style: ParagraphStyle) -> Paragraph:
    # reportlab breaks lines at a narrow no-break space; a plain one it keeps whole.
    return Paragraph(escape(text.replace(NNBSP, NBSP)), style)
