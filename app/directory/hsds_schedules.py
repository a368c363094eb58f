"""HSDS schedules made opening hours: a weekly schedule row (HSDS 3.0 ``byday``, or the
1.x ``weekday``) read as days and times, and the rows of a place or a service written as
one OSM ``opening_hours`` string. What is no plain weekly opening is told apart, with why,
for the import summary to say.
"""

from __future__ import annotations

import re
from collections import defaultdict

from core.hours import is_valid

Row = dict[str, str]

_WEEKDAYS = {
    **{str(n): day for n, day in enumerate(("MO", "TU", "WE", "TH", "FR", "SA", "SU"), 1)},
    **{name: day for name, day in zip(
        ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"),
        ("MO", "TU", "WE", "TH", "FR", "SA", "SU"), strict=True,
    )},
}  # fmt: skip
_RFC_DAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
_OSM_DAYS = ("Mo", "Tu", "We", "Th", "Fr", "Sa", "Su")
_TIME = re.compile(r"(\d{1,2}):(\d{2})(?::\d{2}(?:\.\d+)?)?")


def _weekday_as_byday(row: Row) -> Row:
    """An HSDS 1.x row (``weekday``) as the 3.0 weekly rule it means."""
    weekday = row.get("weekday", "").strip().lower()
    if weekday and not row.get("byday"):
        day = _WEEKDAYS.get(weekday) or _WEEKDAYS.get(weekday[:3] + "day", "")
        return {**row, "byday": day or weekday.upper(), "freq": row.get("freq") or "WEEKLY"}
    return row


def _weekly(row: Row) -> tuple[list[str], str, str] | tuple[str, str]:
    """A schedule row as (days, opens, closes), or why it is no plain weekly opening (a
    French and an English phrase)."""
    freq = row.get("freq", "").strip().upper()
    if freq not in ("", "WEEKLY"):
        return f"fréquence «\u00a0{freq}\u00a0»", f"frequency “{freq}”"
    raw_days = row.get("byday", "").strip()
    byday = [d.strip().upper() for d in raw_days.split(",") if d.strip()]
    if not byday:
        return "sans jour", "no day"
    if not all(d in _RFC_DAYS for d in byday):
        return f"jours «\u00a0{raw_days}\u00a0»", f"days “{raw_days}”"
    if not (row.get("opens_at", "").strip() or row.get("closes_at", "").strip()):
        return "sans heures (jour fermé)", "no times (closed day)"
    opens, closes = _clock(row.get("opens_at", "")), _clock(row.get("closes_at", ""))
    if not (opens and closes):
        return "heures illisibles", "unreadable times"
    if opens >= closes:  # « 9:00 » to « 5:00 »: 5 pm, most likely, but not guessed
        return "fermeture avant l’ouverture", "closing before opening"
    return byday, opens, closes


def _opening_hours(rows: list[Row]) -> str | None:
    """Weekly HSDS schedules as an OSM ``opening_hours`` string; what RFC 5545 says beyond
    a plain week (the first Monday of the month…) is left out rather than guessed, and
    said in the import summary."""
    spans: dict[int, set[tuple[str, str]]] = defaultdict(set)
    for row in rows:
        weekly = _weekly(row)
        if len(weekly) == 3:
            byday, opens, closes = weekly
            for name in byday:
                spans[_RFC_DAYS.index(name)].add((opens, closes))
    groups: dict[tuple[tuple[str, str], ...], list[int]] = {}
    for weekday in sorted(spans):
        groups.setdefault(tuple(sorted(spans[weekday])), []).append(weekday)
    rules = [f"{_days(d)} {','.join(f'{a}-{b}' for a, b in t)}" for t, d in groups.items()]
    text = "; ".join(rules)
    return text if text and is_valid(text) else None


def _days(days: list[int]) -> str:
    """``Mo-Fr`` for consecutive days, ``Mo,We,Fr`` otherwise."""
    runs: list[list[int]] = []
    for day in days:
        if runs and day == runs[-1][-1] + 1:
            runs[-1].append(day)
        else:
            runs.append([day])
    return ",".join(
        _OSM_DAYS[r[0]] if len(r) == 1 else f"{_OSM_DAYS[r[0]]}-{_OSM_DAYS[r[-1]]}" for r in runs
    )


def _clock(value: str) -> str | None:
    match = _TIME.fullmatch(value.strip())
    if not match or int(match[1]) > 23 or int(match[2]) > 59:
        return None
    return f"{int(match[1]):02d}:{match[2]}"
