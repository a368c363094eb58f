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
import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from core.hours import evaluator, reading
from core.hours.days import (
    OSM_MONTHS,
    add_months,
    clock_changes,
    day_plans,
    day_runs,
    has_fallback,
    has_rank,
    mode,
    nights,
    own_day,
    rank_order,
    runs_past_midnight,
    sampled_plans,
    seasonal,
    week_parity,
)
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
    DAYS,
    OPEN,
    SHUT,
    UNKNOWN,
    WORDS,
    Plan,
    Span,
    listing,
    month,
    ordinal,
    period_words,
    plan_words,
    quote,
    span_words,
    week_words,
)

__all__ = ["ALWAYS", "CLOSED", "Explained", "Plan", "Span", "explain"]
MAX_DATES = 8
STAND_IN_ZONE = "C"


@dataclass(frozen=True, slots=True)
class Explained:
    """The words for a value; ``week`` is the usual-week part alone, and ``exceptional`` the
    days (of the twelve months evaluated) it does not describe."""

    text: str
    week: str = ""
    exceptional: frozenset[date] = field(default_factory=frozenset)


_OPEN_END = re.compile(r"(\d\d):(\d\d)\+")
_RANKS = re.compile(r"\[([-\d,\s]+)\]")


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
    today = today or date.today()
    tz = timezone_for(commune)
    zone = school_zone_for(commune) if school_zone is None else school_zone
    # Where the place is not known, its school holidays are written from a zone's dates:
    # the words (« fermé pendant les vacances scolaires ») do not name the dates.
    zone = zone or STAND_IN_ZONE
    parsed = evaluator(read.text, zone, tz.key)
    first = today.replace(day=1)
    last = add_months(first, 12)
    count = (last - first).days
    days = [first + timedelta(n) for n in range(count)]
    # A day before and after the year, so that a night on either edge is whole.
    around = day_plans(parsed, first - timedelta(1), count + 2, tz.key)
    if has_fallback(read.text):
        around = sampled_plans(parsed, read.text, first - timedelta(1), count + 2, tz.key) or around
    fallback = _fallback(read.text)
    if fallback is not None:
        around = [tuple(s for s in plan if s[2:] != fallback[2:]) for plan in around]
    if runs_past_midnight(read.text):
        around = nights(around)
    plans = dict(zip(days, around[1:-1], strict=True))
    open_ends = frozenset(int(h) * 60 + int(m) for h, m in _OPEN_END.findall(read.text))

    holiday_probe = evaluator("PH", "", tz.key)
    holidays = {d for d in days if holiday_probe.is_open(datetime.combine(d, time(12), tz))}
    uses_school = "SH" in read.text
    school = {d for d in days if uses_school and is_school_holiday(d, zone)} - holidays
    ordinary = [d for d in days if d not in holidays and d not in school]
    usual = {
        parity: [mode(plans[d] for d in ordinary if week_parity(d) == parity and d.weekday() == w)
                 for w in range(7)]
        for parity in (0, 1)
    }  # fmt: skip
    if seasonal(read.text):
        usual = {0: [CLOSED] * 7, 1: [CLOSED] * 7}
    elif not _alternate(usual, ordinary, plans):
        usual = {0: usual[0], 1: usual[0]}
    if usual[0] == usual[1]:
        week = week_words(usual[0], lang, open_ends)
    else:
        week = words["separator"].join(
            words[name]
            + words["colon"]
            + (week_words(usual[parity], lang, open_ends) or words["closed"])
            for name, parity in (("odd", 1), ("even", 0))
        )

    def expected(day: date) -> Plan:
        return usual[week_parity(day)][day.weekday()]

    # The night the clocks change, the evaluator's hours shift by the hour skipped or
    # repeated: that is not an exception to tell a visitor about.
    # A night across midnight (``22:00-26:00``) shifts with the change of the day after it.
    nightly = runs_past_midnight(read.text)
    changing = {
        d for d in days if clock_changes(d, tz) or (nightly and clock_changes(d + timedelta(1), tz))
    }
    deviating = {d for d in days if plans[d] != expected(d)} - changing
    parts: list[tuple[int, str]] = []  # each with where the value says it, for order
    at = _place_in(read.text)
    if fallback is not None:
        otherwise = plan_words((fallback,), lang)
        parts.append((at("||"), words["otherwise"].format(c=otherwise)))
    left = set(deviating)
    holidays_said = False
    # Public holidays, the same way every time
    if deviating & holidays or "PH" in read.text:
        kinds = {plans[d] for d in holidays}
        # ``Mo-Sa 17:15-01:00, PH,Su 17:15-24:00``: the holidays' own hours, the same on
        # every one of them, beside a night that runs on from the day before or into the next
        own_kinds = {own_day(plans[d]) for d in holidays}
        if len(kinds) > 1 and len(own_kinds) == 1 and not deviating & holidays:
            kinds = own_kinds
        if len(kinds) == 1:
            plan = kinds.pop()
            parts.append(
                (
                    at("PH"),
                    words["holidays_closed"]
                    if plan == CLOSED
                    else words["holidays"] + words["colon"] + plan_words(plan, lang, open_ends),
                )
            )
            left -= holidays
            holidays_said = True
            # the night before or after a holiday, shortened by it, is part of it
            left -= {d for d in left if own_day(plans[d]) == own_day(expected(d))
                     and {d - timedelta(1), d + timedelta(1)} & holidays}  # fmt: skip
    # School holidays, a week of their own
    if uses_school and not school_holidays_known(zone, today):
        parts.append((at("SH"), words["school_unknown"]))
    elif deviating & school:
        by_day = [mode(plans[d] for d in school if d.weekday() == w) for w in range(7)]
        if all(plans[d] == by_day[d.weekday()] for d in school):
            parts.append(
                (
                    at("SH"),
                    words["school_closed"]
                    if set(by_day) == {CLOSED}
                    else words["school"] + words["colon"] + period_words(by_day, lang, open_ends),
                )
            )
            # a public holiday within them is explained too when it is alike
            dates = {d for d in days if is_school_holiday(d, zone)}
            left -= {d for d in dates if plans[d] == by_day[d.weekday()]}
    # A seasonal value's own periods, when the evaluator's year agrees with them
    said = None
    if seasonal(read.text):
        skip = (deviating - left) | changing | (holidays if holidays_said else set())
        said = periods(read.text, days, plans, skip, lang, open_ends)
    if said is not None:
        parts += said
    else:
        claimed = _months(
            parts, left, days, ordinary, plans, usual, first, read.text, lang, open_ends
        )
        _nth_weekdays(parts, left, deviating, ordinary, claimed, plans, read.text, lang)
        _dated(parts, left, plans, expected, today, first, last, read.text, lang)
    shown = {span[3] for d in days for span in plans[d]} | {fallback[3] if fallback else ""}
    unseen = [c for c in read.comments if c not in shown]
    if unseen:
        parts.append((len(read.text), ", ".join(quote(c, lang) for c in unseen)))
    if not week:
        week = "" if parts else words["closed"]
    ordered = [p for _, p in sorted(parts, key=lambda part: part[0])]
    text = words["separator"].join(p for p in [week, *ordered] if p)
    return Explained(text, week, frozenset(deviating | changing))


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


def _months(
    parts: list[tuple[int, str]],
    left: set[date],
    days: list[date],
    ordinary: list[date],
    plans: dict[date, Plan],
    usual: dict[int, list[Plan]],
    first: date,
    text: str,
    lang: str,
    open_ends: frozenset[int],
) -> set[date]:
    """Whole months that keep a week of their own; the days they explain."""
    months: list[tuple[date, date, list[Plan]]] = []
    claimed: set[date] = set()
    for month_start in sorted({d.replace(day=1) for d in left}):
        days_of = [d for d in ordinary if d.replace(day=1) == month_start]
        by_day = [mode(plans[d] for d in days_of if d.weekday() == w) for w in range(7)]
        if (
            len(days_of) >= 20
            and by_day not in (usual[0], usual[1])
            and all(plans[d] == by_day[d.weekday()] for d in days_of)
        ):
            claimed |= set(days_of)
            left -= {
                d
                for d in days
                if d.replace(day=1) == month_start and plans[d] == by_day[d.weekday()]
            }
            begin, end, before = months[-1] if months else (first, first, [])
            if before == by_day and add_months(end, 1) == month_start:
                months[-1] = (begin, month_start, by_day)
            else:
                months.append((month_start, month_start, by_day))
    left -= claimed
    # A period running on past the end of the year evaluated joins its start (Nov–Feb).
    if (
        len(months) > 1
        and months[0][0] == first
        and months[-1][2] == months[0][2]
        and add_months(months[-1][1], 1) == add_months(first, 12)
    ):
        months[0] = (months[-1][0], months[0][1], months[0][2])
        months.pop()
    for begin, end, by_day in months:
        names = month(begin.month, lang)
        if end != begin:
            names += "–" + month(end.month, lang)
        where = _place_in(text)(OSM_MONTHS[begin.month - 1])
        parts.append((where, names + WORDS[lang]["colon"] + period_words(by_day, lang, open_ends)))
    return claimed


def _nth_weekdays(
    parts: list[tuple[int, str]],
    left: set[date],
    deviating: set[date],
    ordinary: list[date],
    claimed: set[date],
    plans: dict[date, Plan],
    text: str,
    lang: str,
) -> None:
    """« 3e et dernier jeu. du mois » : the fewest ranks that name exactly the days alike,
    the ranks the value writes first."""
    written = {int(r) for group in _RANKS.findall(text) for r in group.split(",") if r.strip()}
    taken: set[date] = set()
    for weekday in range(7):
        candidates = [d for d in ordinary if d.weekday() == weekday and d not in claimed | taken]
        for plan in dict.fromkeys(plans[d] for d in candidates if d in deviating):
            target = {d for d in candidates if d in deviating and plans[d] == plan}
            if len(target) < 3:
                continue
            best: tuple[int, ...] | None = None
            for size in (1, 2, 3):
                found = [
                    ranks
                    for ranks in itertools.combinations((1, 2, 3, 4, 5, -1, -2), size)
                    if {d for d in candidates if any(has_rank(d, r) for r in ranks)} == target
                ]
                if found:
                    best = min(found, key=lambda rs: sum(r not in written for r in rs))
                    break
            if best is None:
                continue
            left -= target
            label = WORDS[lang]["nth"].format(
                ranks=listing([ordinal(r, lang) for r in sorted(best, key=rank_order)], lang),
                day=DAYS[lang][weekday],
            )
            # ``Sa[1],Sa[1] +1 day``: the day after each is the value's too
            ranked = {
                d for d in plans if d.weekday() == weekday and any(has_rank(d, r) for r in best)
            }
            # a public holiday of that rank with the same hours is the rule's, not a date
            left -= {d for d in ranked if plans[d] == plan}
            after = {d + timedelta(1) for d in ranked} & set(plans)
            if "+1 day" in text and all(plans[d] == plan for d in after):
                left -= after
                taken |= after
                label += WORDS[lang]["next_day"]
            parts.append(
                (_place_in(text)("["), label + WORDS[lang]["colon"] + plan_words(plan, lang))
            )


def _dated(
    parts: list[tuple[int, str]],
    left: set[date],
    plans: dict[date, Plan],
    expected: Callable[[date], Plan],
    today: date,
    first: date,
    last: date,
    text: str,
    lang: str,
) -> None:
    """Dated days and ranges still to come; closed single days said together."""
    runs = day_runs(sorted(left), plans)
    yearly = not re.search(r"\b(19|20)\d\d\b", text)
    if yearly and len(runs) > 1:
        a, b, plan = runs[-1]
        if b == last - timedelta(1) and runs[0][0] == first and runs[0][2] == plan:
            runs[0] = (a, runs[0][1], plan)
            runs.pop()
    dated = [(a, b, plan) for a, b, plan in runs if b >= today]
    if yearly:
        dated.sort(key=lambda run: (run[0].month, run[0].day))
    closed_days: list[date] = []
    for a, b, plan in dated[:MAX_DATES]:
        if a == b and plan == CLOSED:
            closed_days.append(a)
            continue
        if closed_days:
            parts.append(_closed_days(closed_days, lang, text))
            closed_days = []
        parts.append((_place_in(text)(OSM_MONTHS[a.month - 1]), span_words(a, b, plan, lang)))
    if closed_days:
        parts.append(_closed_days(closed_days, lang, text))
    if len(dated) > MAX_DATES:
        more = len(dated) - MAX_DATES
        key = "more_one" if more == 1 else "more"
        parts.append((len(text), WORDS[lang][key].format(n=more)))


def _closed_days(days: list[date], lang: str, text: str) -> tuple[int, str]:
    """« fermé le 1er janv., le 1er mai et le 25 déc. »"""
    words = WORDS[lang]
    named = [words["the"].format(a=span_words(d, d, ALWAYS, lang).split(words["colon"])[0])
             for d in days]  # fmt: skip
    where = _place_in(text)(OSM_MONTHS[days[0].month - 1])
    return where, words["closed_day"].format(a=listing(named, lang))


def _place_in(text: str) -> Callable[[str], int]:
    """Where the value first says ``token`` (its end when it does not)."""

    def place(token: str) -> int:
        found = text.find(token)
        return found if found >= 0 else len(text)

    return place


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
