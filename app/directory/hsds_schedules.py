"""HSDS schedules made opening hours: a weekly schedule row (HSDS 3.0 ``byday``, or the
1.x ``weekday``) read as days and times, and the rows of a place or a service written as
one OSM ``opening_hours`` string. What is no plain weekly opening is told apart, with why,
for the import summary to say.
"""

from __future__ import annotations

import re
from collections import defaultdict
from datetime import date

from app.directory.batch import Told, told
from core.hours import is_valid
from core.i18n import N_

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
_OSM_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov",
               "Dec")  # fmt: skip


def _weekday_as_byday(row: Row) -> Row:
    """An HSDS 1.x row (``weekday``) as the 3.0 weekly rule it means."""
    weekday = row.get("weekday", "").strip().lower()
    if weekday and not row.get("byday"):
        day = _WEEKDAYS.get(weekday) or _WEEKDAYS.get(weekday[:3] + "day", "")
        return {**row, "byday": day or weekday.upper(), "freq": row.get("freq") or "WEEKLY"}
    return row


def _weekly(row: Row, today: date) -> tuple[list[str], str, str, str] | Told:
    """A schedule row as (days, opens, closes, the OSM date range it is valid in, or ""), or
    why it is no plain weekly opening now."""
    freq = row.get("freq", "").strip().upper()
    if freq not in ("", "WEEKLY"):
        return told(N_("fréquence «\u00a0{freq}\u00a0»"), freq=freq)
    window = _validity(row, today)
    if isinstance(window, Told):
        return window
    raw_days = row.get("byday", "").strip()
    byday = [d.strip().upper() for d in raw_days.split(",") if d.strip()]
    if not byday:
        return told(N_("sans jour"))
    if not all(d in _RFC_DAYS for d in byday):
        return told(N_("jours «\u00a0{days}\u00a0»"), days=raw_days)
    if not (row.get("opens_at", "").strip() or row.get("closes_at", "").strip()):
        return told(N_("sans heures (jour fermé)"))
    opens, closes = _clock(row.get("opens_at", "")), _clock(row.get("closes_at", ""))
    if not (opens and closes):
        return told(N_("heures illisibles"))
    if opens >= closes:  # « 9:00 » to « 5:00 »: 5 pm, most likely, but not guessed
        return told(N_("fermeture avant l’ouverture"))
    return byday, opens, closes, window


def _validity(row: Row, today: date) -> str | Told:
    """The OSM date range of a row's ``valid_from``/``valid_to`` ("" when it gives none),
    or why the row gives no hours: its validity is over, or its dates are unreadable."""
    raw = (row.get("valid_from", "").strip(), row.get("valid_to", "").strip())
    if not any(raw):
        return ""
    try:
        start, end = (date.fromisoformat(v[:10]) if v else None for v in raw)
    except ValueError:
        return told(N_("dates de validité illisibles"))
    if end is not None and end < today:
        return told(N_("validité terminée"))
    if start is not None and end is not None and end < start:
        return told(N_("validité terminée avant de commencer"))
    if start is not None and start > today and end is None:
        return f"{_osm_date(start)}+"
    if end is None:
        return ""  # valid since a past day, with no end: valid now, as a plain week
    return f"{_osm_date(max(start or today, today))}-{_osm_date(end)}"


def _osm_date(day: date) -> str:
    return f"{day.year} {_OSM_MONTHS[day.month - 1]} {day.day:02d}"


def _opening_hours(rows: list[Row], today: date) -> str | None:
    """Weekly HSDS schedules as an OSM ``opening_hours`` string; what RFC 5545 says beyond
    a plain week (the first Monday of the month…) is left out rather than guessed, and
    said in the import summary. A schedule valid for a period only (``valid_from``,
    ``valid_to``) gives its hours in that period, after the plain week it then replaces;
    one whose validity is over gives none."""
    spans: dict[str, dict[int, set[tuple[str, str]]]] = defaultdict(lambda: defaultdict(set))
    for row in rows:
        weekly = _weekly(row, today)
        if not isinstance(weekly, Told):
            byday, opens, closes, window = weekly
            for name in byday:
                spans[window][_RFC_DAYS.index(name)].add((opens, closes))
    rules = []
    for window in sorted(spans):  # the plain week ("") first: a period overrides it
        groups: dict[tuple[tuple[str, str], ...], list[int]] = {}
        for weekday in sorted(spans[window]):
            groups.setdefault(tuple(sorted(spans[window][weekday])), []).append(weekday)
        prefix = f"{window}: " if window else ""
        rules += [f"{prefix}{_days(d)} {','.join(f'{a}-{b}' for a, b in t)}" for t, d in
                  groups.items()]  # fmt: skip
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
