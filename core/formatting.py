"""Numbers, percents, hours, day and month names and long dates, French or English, as
Babel's CLDR data writes them (never the machine's locale, never by hand).

French: ``1 234`` and ``12,5 %`` (a narrow no-break space), ``9 h``, ``mardi 1er décembre
2026``. English: ``1,234``, ``12.5%``, ``09:00``, ``Tuesday 1 December 2026``.
"""

from __future__ import annotations

from datetime import date, time
from functools import cache
from typing import Literal

from babel.dates import format_date, format_time, get_day_names, get_month_names
from babel.numbers import format_decimal

LOCALES = {"fr": "fr_FR", "en": "en_GB"}
NNBSP = "\u202f"


def locale(lang: str) -> str:
    """Babel's locale for the desk's language: France's French, British English (a
    day-month order an English reader cannot take for month-day)."""
    return LOCALES["en" if lang == "en" else "fr"]


def number(value: float, lang: str = "fr", decimals: int = 0) -> str:
    """``1 234`` (narrow no-break space) and ``12,5`` in French; ``1,234`` and ``12.5``."""
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    return format_decimal(value, pattern, locale=locale(lang), group_separator=True)


def percent(count: int, total: int, lang: str = "fr") -> str:
    """``12,5 %`` (narrow no-break space) in French, ``12.5%`` in English; one decimal;
    ``–`` for a share of nothing."""
    value = number(100 * count / total, lang, 1) if total else "–"
    return f"{value}%" if lang == "en" else f"{value}{NNBSP}%"


def decimal_share(count: int | None, total: int) -> str:
    """``12,5``: a percentage with the decimal comma French Excel reads as a number (and
    no grouping, which it would not); empty when there is nothing to share."""
    if count is None or not total:
        return ""
    return format_decimal(100 * count / total, "0.0", locale="fr_FR")


def hour_text(hour: int, lang: str = "fr") -> str:
    """``9 h`` (no-break space) in French, ``09:00`` in English."""
    pattern = "H\u00a0'h'" if lang != "en" else "HH:mm"
    return format_time(time(hour), pattern, locale=locale(lang))


@cache
def weekday_names(
    lang: str = "fr", width: Literal["abbreviated", "wide"] = "wide"
) -> tuple[str, ...]:
    """Monday first: ``lundi`` …, ``Monday`` …; abbreviated: ``lun.`` …, ``Mon`` …"""
    names = get_day_names(width, locale=locale(lang))
    return tuple(str(names[day]) for day in range(7))


def month_names(lang: str = "fr") -> tuple[str, ...]:
    """January first: ``janvier`` …; ``January`` …"""
    names = get_month_names("wide", locale=locale(lang))
    return tuple(str(names[month]) for month in range(1, 13))


def month_title(year: int, month: int, lang: str = "fr") -> str:
    """``novembre 2026``; ``November 2026``."""
    return format_date(date(year, month, 1), "LLLL y", locale=locale(lang))


def long_date(day: date, lang: str = "fr", *, weekday: bool = True) -> str:
    """``mardi 24 novembre 2026``; ``Tuesday 24 November 2026`` (without ``weekday``:
    ``24 novembre 2026``).

    CLDR writes the first of a month « 1 » in French; French usage (and the Imprimerie
    nationale's rules) write it « 1er »: the one rule kept by hand."""
    first = "d'er'" if lang != "en" and day.day == 1 else "d"
    pattern = f"{first} MMMM y"
    return format_date(day, f"EEEE {pattern}" if weekday else pattern, locale=locale(lang))
