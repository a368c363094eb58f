"""The days a usual week does not describe, in words: whole months, the nth weekday of
the month, and dated days or ranges still to come (:func:`core.hours.text.explain` says the
week, the public and the school holidays first). Each finder appends ``(where, words)``
to ``parts``, ``where`` being the place in the value that says it (for the order), and
takes the days it explains out of ``left``."""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from datetime import date, timedelta

from core.hours.days import (
    OSM_MONTHS,
    add_months,
    day_runs,
    has_rank,
    mode,
    rank_order,
)
from core.hours.words import (
    ALWAYS,
    CLOSED,
    DAYS,
    WORDS,
    Plan,
    listing,
    month,
    ordinal,
    period_words,
    plan_words,
    span_words,
)

MAX_DATES = 8
_RANKS = re.compile(r"\[([-\d,\s]+)\]")


def whole_months(
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
        where = place_in(text)(OSM_MONTHS[begin.month - 1])
        parts.append((where, names + WORDS[lang]["colon"] + period_words(by_day, lang, open_ends)))
    return claimed


def nth_weekdays(
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
                (place_in(text)("["), label + WORDS[lang]["colon"] + plan_words(plan, lang))
            )


def dated_days(
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
        parts.append((place_in(text)(OSM_MONTHS[a.month - 1]), span_words(a, b, plan, lang)))
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
    where = place_in(text)(OSM_MONTHS[days[0].month - 1])
    return where, words["closed_day"].format(a=listing(named, lang))


def place_in(text: str) -> Callable[[str], int]:
    """Where the value first says ``token`` (its end when it does not)."""

    def place(token: str) -> int:
        found = text.find(token)
        return found if found >= 0 else len(text)

    return place
