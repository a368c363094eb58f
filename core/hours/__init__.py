"""Opening hours: OSM ``opening_hours`` values as real directories write them, open or closed
at a moment in the place's own time zone, and written out in plain French or English.

Parsing and evaluation are done by ``opening-hours-py`` (a well-kept implementation of the
OSM specification), with the French public holidays for ``PH`` and the school holidays of
the place's zone for ``SH``. What is written out is read back from the evaluator
(:mod:`.text`), so the words can never disagree with « ouvert maintenant ».
"""

from __future__ import annotations

import functools
import re
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import opening_hours

from core.hours.places import PARIS, SCHOOL_ZONES, school_holidays, school_zone_for, timezone_for
from core.hours.reading import Reading, read, split_rules

__all__ = [
    "PARIS",
    "SCHOOL_ZONES",
    "Reading",
    "describe",
    "evaluator",
    "is_valid",
    "open_at",
    "reading",
    "school_zone_for",
    "timezone_for",
    "wall_clock",
]

_OSM_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


@functools.lru_cache(maxsize=4096)
def reading(hours: str) -> Reading:
    """``hours`` as read, repaired if need be (see :mod:`.reading`)."""
    return read(hours)


def is_valid(hours: str) -> bool:
    return reading(hours).valid


@functools.lru_cache(maxsize=4096)
def evaluator(text: str, zone: str = "", tz: str = "Europe/Paris") -> opening_hours.OpeningHours:
    """The evaluator of a value already read (``Reading.text``), ``SH`` dated for ``zone``."""
    return opening_hours.OpeningHours(
        _school_dates(text, zone), timezone=ZoneInfo(tz), country="FR", auto_country=False
    )


def _school_dates(text: str, zone: str) -> str:
    """``SH`` written as the zone's own dates, which the evaluator does not know."""
    spans = school_holidays(zone)
    if "SH" not in text or not spans:
        return text
    dates = ",".join(
        f"{a.year} {_OSM_MONTHS[a.month - 1]} {a.day:02d}-"
        f"{b.year} {_OSM_MONTHS[b.month - 1]} {b.day:02d}"
        for a, b in spans
    )
    rules, separators = split_rules(text)
    out = ""
    for rule, separator in zip(rules, [*separators, ""], strict=True):
        # ``SH Tu, SH Th 15:00-18:00``, ``Mo-Fr 08:00-12:00, Sa,SH 14:00-16:00``: an
        # additional rule names SH too, among its days
        added = _ADDITIONAL_SH.split(rule.strip())
        rule = ", ".join(
            _school_rule(piece, dates, additional=n > 0) for n, piece in enumerate(added)
        )
        out += rule.strip() + (f" {separator} " if separator == "||" else separator and "; ")
    return out


# The ``, `` before an additional rule whose days name SH (``, SH``, ``, Sa,SH``, ``, PH,SH``)
_ADDITIONAL_SH = re.compile(r"(?<=\S),\s+(?=(?:[A-Za-z]{2}(?:-[A-Za-z]{2})?(?:\[[^\]]*\])?,)*SH\b)")


def _school_rule(rule: str, dates: str, *, additional: bool = False) -> str:
    """``Sa,SH 10:00-12:00`` is Saturdays and every day of the school holidays: two rules,
    the second one on the holidays' dates. An additional rule stays additional (``, ``)."""
    first, _, rest = rule.strip().partition(" ")
    items = first.split(",")
    if "SH" not in items:
        return rule
    others = ",".join(item for item in items if item != "SH")
    pieces = [f"{others} {rest}".strip()] if others else []
    pieces.append(f"{dates} {rest}".strip())
    return (", " if additional else "; ").join(pieces)


def wall_clock(moment: datetime, tz: ZoneInfo = PARIS) -> datetime:
    """``moment`` on the place's clock. A naive moment is read on that clock; one that does
    not exist there (the hour skipped in spring) moves on by the hour skipped, and one that
    happens twice (autumn) is its first time."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=tz, fold=0)
    return moment.astimezone(UTC).astimezone(tz)


def open_at(
    hours: str | None,
    moment: datetime,
    *,
    commune: str | None = None,
    school_zone: str | None = None,
) -> bool | None:
    """Open at ``moment`` (True/False), or None when the hours cannot say (unknown,
    appointment only, unreadable). ``commune`` (the place's) sets the clock and, unless
    ``school_zone`` is given, the school holidays."""
    if not hours:
        return None
    text = reading(hours).text
    if text is None:
        return None
    tz = timezone_for(commune)
    zone = school_zone_for(commune) if school_zone is None else school_zone
    state = evaluator(text, zone, tz.key).state(wall_clock(moment, tz))[0]
    if state == opening_hours.State.OPEN:
        return True
    if state == opening_hours.State.CLOSED:
        return False
    return None


def describe(
    hours: str | None,
    lang: str = "fr",
    today: date | None = None,
    *,
    commune: str | None = None,
    school_zone: str | None = None,
) -> str:
    """The hours in plain words: the usual week, then the exceptions of the coming twelve
    months and every comment; « horaires non reconnus » with the raw value when unreadable."""
    from core.hours.text import explain

    if not hours:
        return ""
    return explain(hours, lang, today, commune=commune, school_zone=school_zone).text
