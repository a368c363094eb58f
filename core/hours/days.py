"""Each day's hours as the evaluator computes them, and the calendar arithmetic the words
are built on: nights across midnight, clock changes, nth weekdays, runs of days alike."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import opening_hours

from core.hours.reading import split_rules
from core.hours.words import CLOSED, OPEN, SHUT, UNKNOWN, Plan, Span

OSM_MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


_WRAPPING = re.compile(r"(\d\d):(\d\d)-(\d\d):(\d\d)")


def runs_past_midnight(text: str) -> bool:
    """Whether the value writes a range on into the night (``18:00-06:00``, ``22:00-26:00``)."""
    for h1, m1, h2, m2 in _WRAPPING.findall(text):
        start, end = int(h1) * 60 + int(m1), int(h2) * 60 + int(m2)
        if end > 1440 or 0 < end <= start:
            return True
    return False


def clock_changes(day: date, tz: ZoneInfo) -> bool:
    start = datetime.combine(day, time(0), tz)
    return start.utcoffset() != (start + timedelta(days=1)).utcoffset()


def day_plans(
    parsed: opening_hours.OpeningHours, first: date, count: int, tz_key: str
) -> list[Plan]:
    """Each day's spans as the evaluator computes them; a closed time is kept only when it
    carries a comment (« jeu. fermé « en travaux » »)."""
    tz = ZoneInfo(tz_key)
    start = datetime.combine(first, time(0), tz)
    end = datetime.combine(first + timedelta(count), time(0), tz)
    spans: list[list[Span]] = [[] for _ in range(count)]
    for begin, finish, state, comment in parsed.intervals(start, end):
        begin, finish = max(begin, start), min(finish or end, end)
        kind = {opening_hours.State.OPEN: OPEN, opening_hours.State.UNKNOWN: UNKNOWN}.get(
            state, SHUT
        )
        while begin < finish:
            index = (begin.date() - first).days
            midnight = datetime.combine(begin.date() + timedelta(1), time(0), tz)
            stop = min(finish, midnight)
            if kind != SHUT or comment:
                a = begin.hour * 60 + begin.minute
                b = 1440 if stop >= midnight else stop.hour * 60 + stop.minute
                day = spans[index]
                if day and day[-1][1] == a and day[-1][2:] == (kind, comment):
                    day[-1] = (day[-1][0], b, kind, comment)
                else:
                    day.append((a, b, kind, comment))
            begin = stop
    return [tuple(day) for day in spans]


def nights(plans: list[Plan]) -> list[Plan]:
    """A day open until midnight takes the next day's hours from midnight: « 18 h–6 h »."""
    out = [list(plan) for plan in plans]
    for index in range(len(out) - 1):
        today, tomorrow = out[index], out[index + 1]
        if today and tomorrow and today[-1][1] == 1440 and today[-1][0] > 0:
            night = tomorrow[0]
            if night[0] == 0 and night[1] < 1440 and night[2:] == today[-1][2:]:
                today[-1] = (today[-1][0], 1440 + night[1], *night[2:])
                del tomorrow[0]
    return [tuple(plan) for plan in out]


_SEASON = re.compile(r"^\s*(?:\d{4}\s*)?(?:" + "|".join(OSM_MONTHS) + r")\b")


def seasonal(text: str) -> bool:
    """Whether every rule (but those of holidays) holds in some months only: there is then
    no usual week, only periods (« juil.–janv. : … »)."""
    rules = [r.strip() for r in split_rules(text)[0] if r.strip()]
    rules = [r for r in rules if not re.match(r"(PH|SH)\b", r)]
    return bool(rules) and all(_SEASON.match(r) for r in rules)


def own_day(plan: Plan) -> Plan:
    """A day's hours without those that belong to a night across midnight."""
    return tuple((a, min(b, 1440), state, note) for a, b, state, note in plan if a > 0)


def mode(plans: Iterable[Plan]) -> Plan:
    counted = Counter(plans).most_common(1)
    return counted[0][0] if counted else CLOSED


def week_parity(day: date) -> int:
    return day.isocalendar().week % 2


def has_rank(day: date, rank: int) -> bool:
    if rank > 0:
        return (day.day - 1) // 7 + 1 == rank
    return (day + timedelta(7 * -rank)).month != day.month and (
        rank == -1 or (day + timedelta(7 * (-rank - 1))).month == day.month
    )


def rank_order(rank: int) -> int:
    return 9 - rank if rank < 0 else rank


def add_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def day_runs(days: list[date], plans: dict[date, Plan]) -> list[tuple[date, date, Plan]]:
    """Consecutive days alike; a day that is so anyway (a Sunday closed within a closed
    fortnight) does not break a run."""
    runs: list[tuple[date, date, Plan]] = []
    for day in days:
        if runs:
            a, b, plan = runs[-1]
            gap = [b + timedelta(n) for n in range(1, (day - b).days)]
            if plans[day] == plan and all(plans.get(g) == plan for g in gap):
                runs[-1] = (a, day, plan)
                continue
        runs.append((day, day, plans[day]))
    return runs


_CHANGE = re.compile(r"(?<![\d:])(\d\d):(\d\d)")
_SUN = re.compile(r"sunrise|sunset|dawn|dusk")


def has_fallback(text: str) -> bool:
    return "||" in split_rules(text)[1]


def sampled_plans(
    parsed: opening_hours.OpeningHours, text: str, first: date, count: int, tz_key: str
) -> list[Plan] | None:
    """Each day's spans from the evaluator's state at every time the value names. Its
    intervals are wrong across a fallback rule (``Mo 19:00+ || "…"`` runs on for days), its
    state at a moment is right; None when the value names times no list can hold (sunset)."""
    if _SUN.search(text):
        return None
    minutes = {0} | {(int(h) * 60 + int(m)) % 1440 for h, m in _CHANGE.findall(text)}
    points = sorted(minutes)
    tz = ZoneInfo(tz_key)
    out: list[Plan] = []
    for n in range(count):
        day = first + timedelta(n)
        spans: list[Span] = []
        for at, until in zip(points, [*points[1:], 1440], strict=True):
            moment = datetime.combine(day, time(at // 60, at % 60), tz)
            state, comment = parsed.state(moment)
            kind = {opening_hours.State.OPEN: OPEN, opening_hours.State.UNKNOWN: UNKNOWN}.get(
                state, SHUT
            )
            if kind == SHUT and not comment:
                continue
            if spans and spans[-1][1] == at and spans[-1][2:] == (kind, comment):
                spans[-1] = (spans[-1][0], until, kind, comment)
            else:
                spans.append((at, until, kind, comment))
        out.append(tuple(spans))
    return out
