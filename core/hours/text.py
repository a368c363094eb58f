"""Opening hours written out from what the evaluator computes, never from the syntax.

Each day of the twelve months from the reference day's month is evaluated; the usual week
is what each weekday most often is; every other day is then explained, in this order:
public holidays, school holidays, whole months, the nth weekday of the month, and dated
days or ranges (past days left out: they do not matter to a visitor). The value's syntax
only chooses between words that say the same thing: a range written past midnight stays on
the day it starts (« ven. 18 h–6 h »), an open end is « à partir de 22 h ». The words
themselves are in :mod:`.words`, the days and their calendar in :mod:`.days`.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from core.hours import evaluator, reading
from core.hours.days import (
    add_months,
    clock_changes,
    day_plans,
    has_fallback,
    mode,
    nights,
    own_day,
    runs_past_midnight,
    sampled_plans,
    seasonal,
    week_parity,
)
from core.hours.exceptions import dated_days, nth_weekdays, place_in, whole_months
from core.hours.periods import periods
from core.hours.places import (
    is_school_holiday,
    school_holidays_known,
    school_zone_for,
    timezone_for,
)
from core.hours.reading import split_rules
from core.hours.words import (
    ALWAYS,
    CLOSED,
    OPEN,
    SHUT,
    UNKNOWN,
    WORDS,
    Plan,
    Span,
    period_words,
    plan_words,
    quote,
    week_words,
)

__all__ = ["ALWAYS", "CLOSED", "Explained", "Plan", "Span", "explain"]
STAND_IN_ZONE = "C"


@dataclass(frozen=True, slots=True)
class Explained:
    """The words for a value; ``week`` is the usual-week part alone, and ``exceptional`` the
    days (of the twelve months evaluated) it does not describe."""

    text: str
    week: str = ""
    exceptional: frozenset[date] = field(default_factory=frozenset)


_OPEN_END = re.compile(r"(\d\d):(\d\d)\+")


@functools.lru_cache(maxsize=2048)
def explain(
    hours: str,
    lang: str = "fr",
    today: date | None = None,
    *,
    commune: str | None = None,
    school_zone: str | None = None,
) -> Explained:
    """The words for ``hours`` as a visitor reads them on ``today`` (by default the real
    day): what is past is left out."""
    lang = "en" if lang == "en" else "fr"
    words = WORDS[lang]
    read = reading(hours)
    if read.text is None:
        return Explained(words["unreadable"].format(raw=hours.strip()))
    year = _evaluate(read.text, lang, today or date.today(), commune, school_zone)
    week = _week(year)
    parts: list[tuple[int, str]] = []  # each with where the value says it, for order
    if year.fallback is not None:
        otherwise = plan_words((year.fallback,), lang)
        parts.append((place_in(read.text)("||"), words["otherwise"].format(c=otherwise)))
    left = set(year.deviating)
    holidays_said = _public_holidays(year, parts, left)
    _school_holidays(year, parts, left)
    # A seasonal value's own periods, when the evaluator's year agrees with them
    said = None
    if seasonal(read.text):
        skip = (year.deviating - left) | year.changing | (year.holidays if holidays_said else set())
        said = periods(read.text, year.days, year.plans, skip, lang, year.open_ends)
    if said is not None:
        parts += said
    else:
        _other_days(year, parts, left)
    shown = {span[3] for d in year.days for span in year.plans[d]}
    shown.add(year.fallback[3] if year.fallback else "")
    unseen = [c for c in read.comments if c not in shown]
    if unseen:
        parts.append((len(read.text), ", ".join(quote(c, lang) for c in unseen)))
    if not week:
        week = "" if parts else words["closed"]
    ordered = [p for _, p in sorted(parts, key=lambda part: part[0])]
    text = words["separator"].join(p for p in [week, *ordered] if p)
    return Explained(text, week, frozenset(year.deviating | year.changing))


@dataclass(slots=True)
class _Year:
    """The twelve months evaluated from the reference day's month: each day's plan, which
    days are holidays, the usual week, and the days it does not describe."""

    text: str  # the value as read
    lang: str
    today: date
    zone: str  # the school-holiday zone
    days: list[date]
    plans: dict[date, Plan]
    holidays: set[date]
    school: set[date]
    ordinary: list[date]
    usual: dict[int, list[Plan]]  # by week parity, each weekday's plan
    fallback: Span | None
    open_ends: frozenset[int]
    changing: set[date] = field(default_factory=set)  # the clocks change that night
    deviating: set[date] = field(default_factory=set)

    @property
    def first(self) -> date:
        return self.days[0]

    @property
    def last(self) -> date:
        """The day after the last one evaluated."""
        return self.days[-1] + timedelta(1)

    def expected(self, day: date) -> Plan:
        return self.usual[week_parity(day)][day.weekday()]


def _evaluate(
    text: str, lang: str, today: date, commune: str | None, school_zone: str | None
) -> _Year:
    tz = timezone_for(commune)
    zone = school_zone_for(commune) if school_zone is None else school_zone
    # Where the place is not known, its school holidays are written from a zone's dates:
    # the words (« fermé pendant les vacances scolaires ») do not name the dates.
    zone = zone or STAND_IN_ZONE
    parsed = evaluator(text, zone, tz.key)
    first = today.replace(day=1)
    count = (add_months(first, 12) - first).days
    days = [first + timedelta(n) for n in range(count)]
    # A day before and after the year, so that a night on either edge is whole.
    around = day_plans(parsed, first - timedelta(1), count + 2, tz.key)
    if has_fallback(text):
        around = sampled_plans(parsed, text, first - timedelta(1), count + 2, tz.key) or around
    fallback = _fallback(text)
    if fallback is not None:
        around = [tuple(s for s in plan if s[2:] != fallback[2:]) for plan in around]
    if runs_past_midnight(text):
        around = nights(around)
    plans = dict(zip(days, around[1:-1], strict=True))
    open_ends = frozenset(int(h) * 60 + int(m) for h, m in _OPEN_END.findall(text))
    holiday_probe = evaluator("PH", "", tz.key)
    holidays = {d for d in days if holiday_probe.is_open(datetime.combine(d, time(12), tz))}
    uses_school = "SH" in text
    school = {d for d in days if uses_school and is_school_holiday(d, zone)} - holidays
    ordinary = [d for d in days if d not in holidays and d not in school]
    usual = _usual(text, ordinary, plans)
    year = _Year(text, lang, today, zone, days, plans, holidays, school, ordinary, usual,
                 fallback, open_ends)  # fmt: skip
    # The night the clocks change, the evaluator's hours shift by the hour skipped or
    # repeated: that is not an exception to tell a visitor about.
    # A night across midnight (``22:00-26:00``) shifts with the change of the day after it.
    nightly = runs_past_midnight(text)
    year.changing = {
        d for d in days if clock_changes(d, tz) or (nightly and clock_changes(d + timedelta(1), tz))
    }
    year.deviating = {d for d in days if plans[d] != year.expected(d)} - year.changing
    return year


def _usual(text: str, ordinary: list[date], plans: dict[date, Plan]) -> dict[int, list[Plan]]:
    """Each weekday's most frequent plan, for odd and even weeks when they differ."""
    usual = {
        parity: [mode(plans[d] for d in ordinary if week_parity(d) == parity and d.weekday() == w)
                 for w in range(7)]
        for parity in (0, 1)
    }  # fmt: skip
    if seasonal(text):
        return {0: [CLOSED] * 7, 1: [CLOSED] * 7}
    if not _alternate(usual, ordinary, plans):
        return {0: usual[0], 1: usual[0]}
    return usual


def _week(year: _Year) -> str:
    """The usual week, or the odd and even weeks when they differ."""
    words, usual = WORDS[year.lang], year.usual
    if usual[0] == usual[1]:
        return week_words(usual[0], year.lang, year.open_ends)
    return words["separator"].join(
        words[name]
        + words["colon"]
        + (week_words(usual[parity], year.lang, year.open_ends) or words["closed"])
        for name, parity in (("odd", 1), ("even", 0))
    )


def _public_holidays(year: _Year, parts: list[tuple[int, str]], left: set[date]) -> bool:
    """Public holidays, when they are the same way every time; whether they were said."""
    words, plans, holidays = WORDS[year.lang], year.plans, year.holidays
    if not (year.deviating & holidays or "PH" in year.text):
        return False
    kinds = {plans[d] for d in holidays}
    # ``Mo-Sa 17:15-01:00, PH,Su 17:15-24:00``: the holidays' own hours, the same on
    # every one of them, beside a night that runs on from the day before or into the next
    own_kinds = {own_day(plans[d]) for d in holidays}
    if len(kinds) > 1 and len(own_kinds) == 1 and not year.deviating & holidays:
        kinds = own_kinds
    if len(kinds) != 1:
        return False
    plan = kinds.pop()
    parts.append(
        (
            place_in(year.text)("PH"),
            words["holidays_closed"]
            if plan == CLOSED
            else words["holidays"] + words["colon"] + plan_words(plan, year.lang, year.open_ends),
        )
    )
    left -= holidays
    # the night before or after a holiday, shortened by it, is part of it
    left -= {d for d in left if own_day(plans[d]) == own_day(year.expected(d))
             and {d - timedelta(1), d + timedelta(1)} & holidays}  # fmt: skip
    return True


def _school_holidays(year: _Year, parts: list[tuple[int, str]], left: set[date]) -> None:
    """School holidays, a week of their own."""
    words, plans, school = WORDS[year.lang], year.plans, year.school
    if "SH" in year.text and not school_holidays_known(year.zone, year.today):
        parts.append((place_in(year.text)("SH"), words["school_unknown"]))
        return
    if not year.deviating & school:
        return
    by_day = [mode(plans[d] for d in school if d.weekday() == w) for w in range(7)]
    if all(plans[d] == by_day[d.weekday()] for d in school):
        parts.append(
            (
                place_in(year.text)("SH"),
                words["school_closed"]
                if set(by_day) == {CLOSED}
                else words["school"]
                + words["colon"]
                + period_words(by_day, year.lang, year.open_ends),
            )
        )
        # a public holiday within them is explained too when it is alike
        dates = {d for d in year.days if is_school_holiday(d, year.zone)}
        left -= {d for d in dates if plans[d] == by_day[d.weekday()]}


def _other_days(year: _Year, parts: list[tuple[int, str]], left: set[date]) -> None:
    """Whole months, the nth weekdays of the month, then dated days."""
    text, lang, plans = year.text, year.lang, year.plans
    claimed = whole_months(
        parts, left, year.days, year.ordinary, plans, year.usual, year.first, text, lang,
        year.open_ends,
    )  # fmt: skip
    nth_weekdays(parts, left, year.deviating, year.ordinary, claimed, plans, text, lang)
    dated_days(parts, left, plans, year.expected, year.today, year.first, year.last, text, lang)


_STATE_ONLY = re.compile(r'^(open|unknown|closed|off)?\s*(?:"([^"]*)")?$')


def _fallback(text: str) -> Span | None:
    """The span a fallback rule with no days nor hours gives (``|| "please call"``): it is
    said once, « sinon « please call » », not as the days it fills."""
    rules, separators = split_rules(text)
    for rule, separator in zip(rules[1:], separators, strict=True):
        found = _STATE_ONLY.match(rule.strip())
        if separator == "||" and found and rule.strip():
            state, comment = found.group(1) or "open", found.group(2) or ""
            kind = {"open": OPEN, "unknown": UNKNOWN}.get(state, SHUT)
            if kind == SHUT and not comment:
                return None
            return (0, 1440, kind, comment)
    return None


def _alternate(usual: dict[int, list[Plan]], ordinary: list[date], plans: dict[date, Plan]) -> bool:
    """Whether odd and even weeks really differ (``week 1-53/2``), not by chance of a tie."""
    if usual[0] == usual[1]:
        return False
    for weekday in range(7):
        if usual[0][weekday] == usual[1][weekday]:
            continue
        days = [d for d in ordinary if d.weekday() == weekday]
        alike = sum(plans[d] == usual[week_parity(d)][weekday] for d in days)
        if alike < 0.9 * len(days):
            return False
    return True
