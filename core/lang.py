"""The desk's language, and dates and counts written the way it writes them (Babel).

``AIGUILLAGE_LANG`` wins over the ``ui.language`` setting, for the window as for the command
line. Dates are Babel's, never the machine's locale: « 24/11/2026 » in French, « 24 Nov
2026 » in English (a day-month order an English reader cannot take for month-day).
"""

from __future__ import annotations

import os
from datetime import date, datetime

from babel import Locale
from babel.dates import format_date, format_datetime, format_time

from core.formatting import LOCALES, locale, long_date, month_names, weekday_names

__all__ = ["LOCALES", "locale"]
FRENCH_WEEKDAYS = weekday_names("fr")
FRENCH_MONTHS = month_names("fr")


def chosen_language() -> str:
    """``AIGUILLAGE_LANG`` as the desk reads it: "en" for any English, "fr" for anything
    else that is set, "" when it is not set."""
    chosen = os.environ.get("AIGUILLAGE_LANG", "").strip().lower()
    if not chosen:
        return ""
    return "en" if chosen.startswith("en") else "fr"


def day_text(day: date, lang: str = "fr") -> str:
    """``24/11/2026``; ``24 Nov 2026``."""
    return format_date(day, "short" if lang != "en" else "medium", locale=locale(lang))


def moment_text(moment: datetime, lang: str = "fr") -> str:
    """``24/11/2026 09:05``; ``24 Nov 2026, 09:05`` (the clock time as it is held)."""
    if lang != "en":
        return format_datetime(moment.replace(tzinfo=None), "short", locale=locale(lang))
    naive = moment.replace(tzinfo=None)
    return f"{day_text(naive.date(), lang)}, {format_time(naive, 'short', locale=locale(lang))}"


def plural(count: int, lang: str, forms: tuple[str, str, str, str]) -> str:
    """One of (French one, French other, English one, English other), chosen by the
    language's plural rule (French: 0 and 1 take the singular; English: 1 alone), with
    ``{count}`` filled in."""
    rule = Locale.parse(locale(lang)).plural_form(count)
    one, other = forms[2:] if lang == "en" else forms[:2]
    return (one if rule == "one" else other).replace("{count}", str(count))


def french_date(day: date) -> str:
    """``mardi 24 novembre 2026`` (``1er`` for the first of the month): a slip's and a
    report's date, written out."""
    return long_date(day, "fr")
