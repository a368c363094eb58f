"""Opening hours written out from what the evaluator computes, never from the syntax.

Each day of the coming twelve months is evaluated; the usual week is what each weekday
most often is; every other day is then explained, in this order: public holidays, school
holidays, whole months, the nth weekday of the month, and dated days or ranges. Comments
are kept after a dash (« lun.–ven. 9 h–12 h — sans rendez-vous »).
"""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import opening_hours
from babel.dates import get_month_names

from app.directory.hours import evaluator, reading
from app.directory.hours.places import (
    is_school_holiday,
    school_holidays_known,
    school_zone_for,
    timezone_for,
)

Span = tuple[int, int, bool]  # start and end minute (end 1440 = midnight), True when unknown
Plan = tuple[tuple[Span, ...], tuple[str, ...]]  # a day's spans, and its comments
CLOSED: Plan = ((), ())

DAYS = {
    "fr": ("lun.", "mar.", "mer.", "jeu.", "ven.", "sam.", "dim."),
    "en": ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"),
}
WORDS = {
    "fr": {
        "and": " et ",
        "separator": "\u202f; ",
        "colon": "\u00a0: ",
        "always": "7 j/7, 24 h/24",
        "closed": "fermé",
        "unknown": "horaires à confirmer",
        "to_confirm": " (à confirmer)",
        "holidays_closed": "fermé les jours fériés",
        "holidays": "jours fériés",
        "school": "vacances scolaires",
        "school_unknown": "vacances scolaires\u00a0: dates non connues pour cette zone",
        "odd": "semaines impaires",
        "even": "semaines paires",
        "nth": "{ranks} {day} du mois",
        "closed_range": "fermé du {a} au {b}",
        "closed_day": "fermé le {a}",
        "range": "du {a} au {b}",
        "day": "le {a}",
        "more": "et {n} autres dates",
        "unreadable": "horaires non reconnus\u00a0: {raw}",
    },
    "en": {
        "and": " and ",
        "separator": "; ",
        "colon": ": ",
        "always": "24/7",
        "closed": "closed",
        "unknown": "hours to be confirmed",
        "to_confirm": " (to be confirmed)",
        "holidays_closed": "closed on public holidays",
        "holidays": "public holidays",
        "school": "school holidays",
        "school_unknown": "school holidays: dates not known for this zone",
        "odd": "odd weeks",
        "even": "even weeks",
        "nth": "{ranks} {day} of the month",
        "closed_range": "closed from {a} to {b}",
        "closed_day": "closed on {a}",
        "range": "from {a} to {b}",
        "day": "on {a}",
        "more": "and {n} other dates",
        "unreadable": "unrecognised hours: {raw}",
    },
}
MAX_DATES = 8


@dataclass(frozen=True, slots=True)
class Explained:
    """The words for a value; ``week`` is the usual-week part alone, and ``exceptional`` the
    days (of the twelve months evaluated) it does not describe."""

    text: str
    week: str = ""
    exceptional: frozenset[date] = field(default_factory=frozenset)


@functools.lru_cache(maxsize=2048)
def explain(
    hours: str,
    lang: str = "fr",
    today: date | None = None,
    *,
    commune: str | None = None,
    school_zone: str | None = None,
) -> Explained:
    lang = "en" if lang == "en" else "fr"
    words = WORDS[lang]
    read = reading(hours)
    if read.text is None:
        return Explained(words["unreadable"].format(raw=hours.strip()))
    today = today or date.today()
    tz = timezone_for(commune)
    zone = school_zone_for(commune) if school_zone is None else school_zone
    parsed = evaluator(read.text, zone, tz.key)
    first = today.replace(day=1)
    last = _add_months(first, 12)
    days = [first + timedelta(n) for n in range((last - first).days)]
    plans = dict(zip(days, _plans(parsed, first, len(days), tz.key), strict=True))

    holiday_probe = evaluator("PH", "", tz.key)
    holidays = {d for d in days if holiday_probe.is_open(datetime.combine(d, time(12), tz))}
    uses_school = "SH" in read.text
    school = {d for d in days if uses_school and is_school_holiday(d, zone)} - holidays
    ordinary = [d for d in days if d not in holidays and d not in school]
    usual = {
        parity: [_mode(plans[d] for d in ordinary if _parity(d) == parity and d.weekday() == w)
                 for w in range(7)]
        for parity in (0, 1)
    }  # fmt: skip
    if not _alternate(usual, ordinary, plans):
        usual = {0: usual[0], 1: usual[0]}
    if usual[0] == usual[1]:
        week = _week(usual[0], lang)
    else:
        week = words["separator"].join(
            f"{words[name]}{words['colon']}{_week(usual[parity], lang) or words['closed']}"
            for name, parity in (("odd", 1), ("even", 0))
        )

    def expected(day: date) -> Plan:
        return usual[_parity(day)][day.weekday()]

    # The night the clocks change, the evaluator's hours shift by the hour skipped or
    # repeated: that is not an exception to tell a visitor about.
    changing = {d for d in days if _clock_changes(d, tz)}
    deviating = {d for d in days if plans[d] != expected(d)} - changing
    parts: list[str] = []
    left = set(deviating)
    # Public holidays, the same way every time
    if deviating & holidays or "PH" in read.text:
        kinds = {plans[d] for d in holidays}
        if len(kinds) == 1:
            plan = kinds.pop()
            parts.append(
                words["holidays_closed"]
                if plan == CLOSED
                else words["holidays"] + words["colon"] + _plan(plan, lang)
            )
            left -= holidays
    # School holidays, a week of their own
    if uses_school and not school_holidays_known(zone, today):
        parts.append(words["school_unknown"])
    elif deviating & school:
        by_day = [_mode(plans[d] for d in school if d.weekday() == w) for w in range(7)]
        if all(plans[d] == by_day[d.weekday()] for d in school):
            parts.append(words["school"] + words["colon"] + _special(by_day, lang))
            # a public holiday within them is explained too when it is alike
            dates = {d for d in days if is_school_holiday(d, zone)}
            left -= {d for d in dates if plans[d] == by_day[d.weekday()]}
    # Whole months
    months: list[tuple[date, date, list[Plan]]] = []
    claimed: set[date] = set()
    for month_start in sorted({d.replace(day=1) for d in left}):
        month = [d for d in ordinary if d.replace(day=1) == month_start]
        by_day = [_mode(plans[d] for d in month if d.weekday() == w) for w in range(7)]
        if (
            len(month) >= 20
            and by_day not in (usual[0], usual[1])
            and all(plans[d] == by_day[d.weekday()] for d in month)
        ):
            claimed |= set(month)
            left -= {
                d
                for d in days
                if d.replace(day=1) == month_start and plans[d] == by_day[d.weekday()]
            }
            begin, end, before = months[-1] if months else (first, first, [])
            if before == by_day and _add_months(end, 1) == month_start:
                months[-1] = (begin, month_start, by_day)
            else:
                months.append((month_start, month_start, by_day))
    left -= claimed
    for begin, end, by_day in months:
        names = _month(begin.month, lang)
        if end != begin:
            names += "–" + _month(end.month, lang)
        parts.append(names + words["colon"] + _special(by_day, lang))
    # The nth weekday of the month
    for weekday in range(7):
        candidates = [d for d in ordinary if d.weekday() == weekday and d not in claimed]
        found: dict[Plan, list[int]] = {}
        for rank in (-1, 1, 2, 3, 4, 5):
            every = [d for d in candidates if _rank(d, rank)]
            kinds = {plans[d] for d in every}
            if len(every) >= 3 and all(d in left for d in every) and len(kinds) == 1:
                plan = kinds.pop()
                found.setdefault(plan, []).append(rank)
                left -= {
                    d
                    for d in days
                    if d.weekday() == weekday and _rank(d, rank) and plans[d] == plan
                }
        for plan, ranks in found.items():
            label = words["nth"].format(
                ranks=words["and"].join(_ordinal(r, lang) for r in sorted(ranks, key=_order)),
                day=DAYS[lang][weekday],
            )
            parts.append(label + words["colon"] + _plan(plan, lang))
    # Dated days and ranges
    dated = [(a, b, plan) for a, b, plan in _runs(sorted(left), plans, expected) if b >= today]
    for a, b, plan in dated[:MAX_DATES]:
        one, other = _date(a, lang), _date(b, lang)
        if plan == CLOSED:
            parts.append(
                words["closed_day"].format(a=one)
                if a == b
                else words["closed_range"].format(a=one, b=other)
            )
        else:
            when = words["day"].format(a=one) if a == b else words["range"].format(a=one, b=other)
            parts.append(when + words["colon"] + _plan(plan, lang))
    if len(dated) > MAX_DATES:
        parts.append(words["more"].format(n=len(dated) - MAX_DATES))
    shown = [c for d in days for c in plans[d][1]]
    unseen = [c for c in read.comments if c not in shown]
    if unseen:
        parts.append(", ".join(unseen))
    if not week:
        week = "" if parts else words["closed"]
    text = words["separator"].join(p for p in [week, *parts] if p)
    return Explained(text, week, frozenset(deviating | changing))


def _alternate(usual: dict[int, list[Plan]], ordinary: list[date], plans: dict[date, Plan]) -> bool:
    """Whether odd and even weeks really differ (``week 1-53/2``), not by chance of a tie."""
    if usual[0] == usual[1]:
        return False
    for weekday in range(7):
        if usual[0][weekday] == usual[1][weekday]:
            continue
        days = [d for d in ordinary if d.weekday() == weekday]
        alike = sum(plans[d] == usual[_parity(d)][weekday] for d in days)
        if alike < 0.9 * len(days):
            return False
    return True


def _clock_changes(day: date, tz: ZoneInfo) -> bool:
    start = datetime.combine(day, time(0), tz)
    return start.utcoffset() != (start + timedelta(days=1)).utcoffset()


def _plans(parsed: opening_hours.OpeningHours, first: date, count: int, tz_key: str) -> list[Plan]:
    tz = ZoneInfo(tz_key)
    start = datetime.combine(first, time(0), tz)
    end = datetime.combine(first + timedelta(count), time(0), tz)
    spans: list[list[tuple[int, int, bool, str]]] = [[] for _ in range(count)]
    comments: list[list[str]] = [[] for _ in range(count)]
    for begin, finish, state, comment in parsed.intervals(start, end):
        begin, finish = max(begin, start), min(finish or end, end)
        while begin < finish:
            index = (begin.date() - first).days
            midnight = datetime.combine(begin.date() + timedelta(1), time(0), tz)
            stop = min(finish, midnight)
            if comment and comment not in comments[index]:
                comments[index].append(comment)
            if state != opening_hours.State.CLOSED:
                a = begin.hour * 60 + begin.minute
                b = 1440 if stop >= midnight else stop.hour * 60 + stop.minute
                unknown = state == opening_hours.State.UNKNOWN
                day = spans[index]
                if day and day[-1][1] == a and day[-1][2] == unknown:
                    day[-1] = (day[-1][0], b, unknown, comment)
                else:
                    day.append((a, b, unknown, comment))
            begin = stop
    return [
        (tuple((a, b, u) for a, b, u, _c in day), tuple(notes))
        for day, notes in zip(spans, comments, strict=True)
    ]


def _mode(plans: Iterable[Plan]) -> Plan:
    counted = Counter(plans).most_common(1)
    return counted[0][0] if counted else CLOSED


def _parity(day: date) -> int:
    return day.isocalendar().week % 2


def _rank(day: date, rank: int) -> bool:
    if rank > 0:
        return (day.day - 1) // 7 + 1 == rank
    return (day + timedelta(7)).month != day.month


def _order(rank: int) -> int:
    return 9 if rank < 0 else rank


def _ordinal(rank: int, lang: str) -> str:
    if lang == "en":
        return "last" if rank < 0 else {1: "1st", 2: "2nd", 3: "3rd"}.get(rank, f"{rank}th")
    return "dernier" if rank < 0 else ("1er" if rank == 1 else f"{rank}e")


def _add_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def _month(month: int, lang: str) -> str:
    return str(get_month_names("abbreviated", locale=lang)[month])


def _date(day: date, lang: str) -> str:
    if lang == "en":
        return f"{_month(day.month, lang)} {day.day}"
    return f"{'1er' if day.day == 1 else day.day}\u00a0{_month(day.month, lang)}"


def _runs(
    days: list[date], plans: dict[date, Plan], expected: object
) -> list[tuple[date, date, Plan]]:
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


def _clock(minute: int, lang: str) -> str:
    hour, minutes = divmod(minute, 60)
    if lang == "en":
        return f"{hour}:{minutes:02d}"
    return f"{hour}\u00a0h" + (f"\u00a0{minutes:02d}" if minutes else "")


def _plan(plan: Plan, lang: str) -> str:
    """One day's hours without the day: « 9 h–12 h et 14 h–17 h — sans rendez-vous »."""
    words = WORDS[lang]
    spans, comments = plan
    if not spans:
        text = words["closed"]
    elif spans == ((0, 1440, True),):
        text = "" if comments else words["unknown"]
    else:
        times = [
            f"{_clock(a, lang)}–{_clock(b, lang)}" + (words["to_confirm"] if unknown else "")
            for a, b, unknown in spans
        ]
        text = ", ".join(times[:-1]) + words["and"] + times[-1] if len(times) > 1 else times[0]
    note = ", ".join(comments)
    return f"{text} — {note}" if text and note else text or note


def _special(by_day: list[Plan], lang: str) -> str:
    """A week that holds in some period: its hours alone when every day is alike."""
    if len(set(by_day)) == 1:
        return _plan(by_day[0], lang)
    return _week(by_day, lang) or WORDS[lang]["closed"]


def _week(by_day: list[Plan], lang: str) -> str:
    words = WORDS[lang]
    if len(set(by_day)) == 1 and by_day[0] != CLOSED:
        plan = by_day[0]
        if plan == (((0, 1440, False),), ()):
            return words["always"]
        if plan[0] in ((), ((0, 1440, True),)):
            return _plan(plan, lang)
    groups: list[tuple[list[int], Plan]] = []
    for weekday, plan in enumerate(by_day):
        if plan == CLOSED:
            continue
        for weekdays, seen in groups:
            if seen == plan:
                weekdays.append(weekday)
                break
        else:
            groups.append(([weekday], plan))
    parts = []
    for weekdays, plan in groups:
        hours = _plan(plan, lang)
        bare = not plan[0] or plan[0] == ((0, 1440, True),)
        parts.append(_days(weekdays, lang) + (words["colon"] if bare else " ") + hours)
    return words["separator"].join(parts)


def _days(weekdays: list[int], lang: str) -> str:
    names = DAYS[lang]
    runs: list[list[int]] = []
    for day in weekdays:
        if runs and runs[-1][-1] == day - 1:
            runs[-1].append(day)
        else:
            runs.append([day])
    pieces = [
        f"{names[run[0]]}–{names[run[-1]]}" if len(run) > 1 else names[run[0]] for run in runs
    ]
    if len(pieces) == 1:
        return pieces[0]
    return ", ".join(pieces[:-1]) + WORDS[lang]["and"] + pieces[-1]
