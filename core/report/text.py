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
from core.errors import said as say
from core.formatting import long_date, number, percent
from core.i18n import N_, Counted, Nn_
from core.lang import day_text
from core.report.charts import TEXT
from core.report.style import ACCENT, MUTED, fonts
from core.stats.labels import month_name

__all__ = ["number", "percent"]  # Babel's, from core.formatting
NBSP, NNBSP = "\u00a0", "\u202f"

# key -> French message, translated through the catalogue (core.i18n)
TEXTS: dict[str, str | Counted] = {
    "month_title": N_("Rapport d’activité — {month}"),
    "year_title": N_("Rapport d’activité — année {year}"),
    "day_title": N_("Rapport d’activité du {day}"),
    "period_title": N_("Rapport d’activité du {start} au {end}"),
    "made": N_("Édité le {day} avec Aiguillage."),
    "threshold": N_(
        "Les effectifs inférieurs à {n} sont masqués («\u00a0masqué\u00a0»), et d’autres"
        " avec eux là où un calcul les retrouverait."
    ),
    "hidden_mark": N_("masqué"),
    "no_threshold": N_("Aucun effectif n’est masqué."),
    "visits": Nn_("accueil sur la période", "accueils sur la période"),
    "days": Nn_("jour avec au moins un accueil", "jours avec au moins un accueil"),
    "mean_per_day": N_("accueils par jour d’accueil, en moyenne"),
    "no_visit": N_("Aucun accueil n’a été enregistré sur cette période."),
    "no_data": N_("Aucune donnée sur la période."),
    "no_partner": N_("Aucune orientation vers un partenaire sur la période."),
    "all_hidden": N_("Tous les effectifs sont masqués (seuil de {n})\u00a0: pas de graphique."),
    "count": N_("Nombre"),
    "share": N_("Part"),
    "total": N_("Total"),
    "total_visits": N_("Total des accueils"),
    "top_commune": N_("{title}\u00a0: les {n} premières"),
    "top_epci": N_("{title}\u00a0: les {n} premiers"),
    "top_partner": N_("{title}\u00a0: les {n} premiers"),
    "top_site": N_("{title}\u00a0: les {n} plus fréquentés"),
    "note_theme": N_(
        "Un accueil peut porter sur plusieurs thèmes\u00a0: il compte sous chacun, et les"
        " parts additionnées peuvent dépasser 100\u00a0%."
    ),
    "note_answer": N_(
        "Un accueil peut recevoir plusieurs réponses\u00a0: il compte sous chacune, et les"
        " parts additionnées peuvent dépasser 100\u00a0%."
    ),
    "note_partner": N_(
        "Part des accueils orientés vers chaque partenaire\u00a0; un accueil orienté vers"
        " deux partenaires compte sous chacun."
    ),
    "no_time": N_("sans heure"),
    "grid_caption": N_(
        "Accueils par jour de la semaine et heure d’arrivée. Case vide\u00a0: aucun"
        " accueil\u00a0; «\u00a0masqué\u00a0»\u00a0: effectif masqué."
    ),
    "per_day": N_("Accueils par jour"),
    "per_week": N_("Accueils par semaine"),
    "per_month": N_("Accueils par mois"),
    "head_day": N_("Jour"),
    "head_week": N_("Semaine du"),
    "head_month": N_("Mois"),
    "hidden_day": N_(
        "En gris\u00a0: un jour de moins de {n} accueils, dont l’effectif est masqué."
    ),
    "hidden_week": N_(
        "En gris\u00a0: une semaine de moins de {n} accueils, dont l’effectif est masqué."
    ),
    "hidden_month": N_(
        "En gris\u00a0: un mois de moins de {n} accueils, dont l’effectif est masqué."
    ),
    "about": N_("À propos de ces chiffres"),
    "note_anonymous": N_(
        "Les chiffres comptent des premiers accueils anonymes\u00a0: chaque accueil est une"
        " personne reçue, sur place ou à distance, sans rien qui permette de la reconnaître."
    ),
    "note_multiple": N_(
        "Un accueil qui porte sur deux thèmes compte une fois sous chaque thème\u00a0: les"
        " parts des thèmes peuvent donc dépasser 100\u00a0% au total. Il en va de même des"
        " réponses apportées et des partenaires vers lesquels la personne a été orientée."
        " Le total des accueils, lui, compte chaque accueil une seule fois, et les parts"
        " sont calculées sur ce total."
    ),
    "note_cancelled": N_("Les accueils annulés ne comptent jamais."),
    "note_threshold": N_(
        "Pour qu’aucune personne ne puisse être reconnue, les effectifs inférieurs à {n}"
        " sont masqués («\u00a0masqué\u00a0»), et d’autres avec eux là où une soustraction"
        " les retrouverait\u00a0; «\u00a0≥\u00a0» précède une somme"
        " dont une partie est masquée."
    ),
    "page": N_("page {page} sur {pages}"),
}

# dimension -> the title of its section, translated when read
# (a contact field's section is in its row of core/fields.py)
SECTIONS: dict[str, str] = {
    "site": N_("Accueils par site"),
    **fields.SECTIONS,
    "epci": N_("Intercommunalités (EPCI)"),
    "weekday": N_("Jours et heures d’affluence"),
    "partner": N_("Orientations par partenaire"),
}
# dimension -> "N others", counted
OTHERS: dict[str, Counted] = {
    "commune": Nn_("{count:,} autre commune", "{count:,} autres communes"),
    "epci": Nn_("{count:,} autre EPCI", "{count:,} autres EPCI"),
    "partner": Nn_("{count:,} autre partenaire", "{count:,} autres partenaires"),
    "site": Nn_("{count:,} autre site", "{count:,} autres sites"),
}


def said(key: str, lang: str, /, **params: Any) -> str:
    return say(TEXTS[key], lang, **params)


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
    return long_date(day, lang)


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
