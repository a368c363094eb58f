"""The periods a seasonal value names itself (``Jul 23-Jan 3: …``, ``Nov-Mar off``,
``Apr,May,Sep,Oct Tu-Su …``, ``Dec 22 off``), said as the value says them.

A value whose every rule holds in some months or dates has no usual week: each of its rules
is a period, written « du 23 juil. au 3 janv. : … », « avr., mai, sept. et oct. : … »,
« nov.–mars : fermé », « fermé le 22 déc. ». The words still come from the evaluator: each
period's week is what the evaluator computes on its days (those a later rule does not take
over), and the periods are said only when every day of the year agrees with them — else
the caller words the days itself, by months and dates.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

import opening_hours

from core.hours.days import OSM_MONTHS, mode
from core.hours.reading import split_rules
from core.hours.words import (
    CLOSED,
    WORDS,
    Plan,
    day_words,
    listing,
    month,
    period_words,
    span_words,
)

_MONTH = "(" + "|".join(OSM_MONTHS) + ")"
# A day of the month, not the hour of a time (``Dec 24 10:00`` is not the 24th at 10)
_DAY = r"(\d{1,2})(?!\d|:\d)"
_PIECE = re.compile(
    rf"{_MONTH}(?:\s+{_DAY})?(?:\s*-\s*(?:{_MONTH}(?:\s+{_DAY})?|{_DAY}))?|(easter)(?![\w\s]*[+-]\s*\d)"
)
_OFF = re.compile(r"^(?:off|closed)$")
# A leap year, so that ``Feb 29`` can be named
_ANY_YEAR = 2000


@dataclass(frozen=True, slots=True)
class Piece:
    """One item of a rule's date selector: a month or months (``day`` 0), a date, a range of
    dates (from month/day to month/day), or Easter Sunday."""

    start: tuple[int, int]
    end: tuple[int, int]
    whole_months: bool = False
    is_easter: bool = False

    def days(self, first: date, last: date) -> set[date]:
        """Its days from ``first`` (included) to ``last`` (excluded)."""
        out: set[date] = set()
        for year in range(first.year - 1, last.year + 1):
            if self.is_easter:
                spans = [(easter(year), easter(year))]
            else:
                a = _on(year, *self.start)
                b = _on(year + (self.end < self.start), *self.end)
                if self.whole_months:
                    b = _on(b.year + (b.month == 12), b.month % 12 + 1, 1) - timedelta(1)
                spans = [(a, b)]
            for a, b in spans:
                day = max(a, first)
                while day <= b and day < last:
                    out.add(day)
                    day += timedelta(1)
        return out

    def words(self, lang: str, *, closed: bool = False) -> str:
        w = WORDS[lang]
        if self.is_easter:
            return w["easter_the" if closed else "easter"]
        if self.whole_months:
            names = month(self.start[0], lang)
            return names + ("–" + month(self.end[0], lang) if self.end != self.start else "")
        a, b = date(_ANY_YEAR, *self.start), date(_ANY_YEAR, *self.end)
        if a == b:
            one = day_words(a, lang)
            return w["the"].format(a=one) if closed else one
        return w["range"].format(
            a=day_words(a, lang, with_month=a.month != b.month), b=day_words(b, lang)
        )


def _exists(day: tuple[int, int]) -> bool:
    try:
        date(_ANY_YEAR, *day)
    except ValueError:
        return False
    return True


@functools.cache
def easter(year: int) -> date:
    """Easter Sunday as the evaluator reckons it (between 22 March and 25 April)."""
    probe = opening_hours.OpeningHours("easter")
    day = date(year, 3, 22)
    while not probe.is_open(datetime.combine(day, time(12))):
        day += timedelta(1)
    return day


def _on(year: int, month_number: int, day: int) -> date:
    return date(year, month_number, min(day, 28 if month_number == 2 and year % 4 else 31))


@dataclass(frozen=True, slots=True)
class Rule:
    pieces: tuple[Piece, ...]
    off: bool
    where: int

    def single_days(self) -> bool:
        return all(p.is_easter or (p.start == p.end and not p.whole_months) for p in self.pieces)


def _pieces(selector: str) -> tuple[Piece, ...] | None:
    out: list[Piece] = []
    for item in selector.split(","):
        found = _PIECE.fullmatch(item.strip())
        if not found:
            return None
        m1, d1, m2, d2, d_only, is_easter = found.groups()
        if is_easter:
            out.append(Piece((4, 1), (4, 1), is_easter=True))
            continue
        start_month = OSM_MONTHS.index(m1) + 1
        if d1 is None:
            if d2 is not None or d_only is not None:
                return None
            end_month = OSM_MONTHS.index(m2) + 1 if m2 else start_month
            out.append(Piece((start_month, 1), (end_month, 1), whole_months=True))
            continue
        start = (start_month, int(d1))
        if m2:
            if d2 is None:
                return None
            end = (OSM_MONTHS.index(m2) + 1, int(d2))
        else:
            end = (start_month, int(d_only)) if d_only else start
        if (2, 29) in (start, end) or not _exists(start) or not _exists(end):
            return None  # a day some years lack: the caller words it by dates
        out.append(Piece(start, end))
    # Ranges that adjoin are one period (``Jan 23-Feb 11,Feb 12``: « du 23 janv. au 12 févr. »)
    merged: list[Piece] = []
    for piece in out:
        before = merged[-1] if merged else None
        if (
            before
            and not (before.whole_months or piece.whole_months)
            and not (before.is_easter or piece.is_easter)
            and date(_ANY_YEAR, *before.end) + timedelta(1) == date(_ANY_YEAR, *piece.start)
        ):
            merged[-1] = Piece(before.start, piece.end)
        else:
            merged.append(piece)
    return tuple(merged)


_SELECTOR = re.compile(
    rf"^\s*((?:{_PIECE.pattern})(?:\s*,\s*(?:{_PIECE.pattern}))*)\s*:?(?=\s|$)(?P<rest>.*)$"
)


def value_rules(text: str) -> list[Rule] | None:
    """The value's dated rules, or None when a rule is not one (a week, ``PH``, a year, an
    additional or fallback rule, a week number…). ``PH`` rules are left to the caller."""
    rules, separators = split_rules(text)
    if any(s != ";" for s in separators) or "SH" in text:
        return None
    out: list[Rule] = []
    offset = 0
    for rule in rules:
        where = text.find(rule, offset)
        offset = where + len(rule)
        body = rule.strip()
        if not body or re.match(r"PH\b", body):
            continue
        found = _SELECTOR.match(body)
        if not found:
            return None
        pieces = _pieces(found.group(1))
        rest = found.group("rest").strip()
        if pieces is None or ", " in rest or re.search(r"\b(week|PH|SH|easter)\b|\[", rest):
            return None
        out.append(Rule(pieces, bool(_OFF.match(rest)), where))
    return out or None


def periods(
    text: str,
    days: list[date],
    plans: dict[date, Plan],
    skip: set[date],
    lang: str,
    open_ends: frozenset[int],
) -> list[tuple[int, str]] | None:
    """The words of each period the value names, with where it says it; None unless every day
    of ``days`` (but those in ``skip``, explained otherwise) is as they say."""
    rules = value_rules(text)
    if rules is None:
        return None
    first, last = days[0], days[-1] + timedelta(1)
    owner: dict[date, int] = {}
    for index, rule in enumerate(rules):
        for piece in rule.pieces:
            for day in piece.days(first, last):
                owner[day] = index  # a later rule takes the day over
    weeks: list[list[Plan]] = []
    for index in range(len(rules)):
        own = [d for d in days if owner.get(d) == index and d not in skip]
        alike = {plans[d] for d in own}
        if len(alike) == 1:
            # the same hours every day of it, though a short period lacks some weekdays
            weeks.append([alike.pop()] * 7)
            continue
        weeks.append([mode(plans[d] for d in own if d.weekday() == w) for w in range(7)])
    for day in days:
        if day in skip:
            continue
        ruled = owner.get(day)
        if plans[day] != (CLOSED if ruled is None else weeks[ruled][day.weekday()]):
            return None
    w = WORDS[lang]
    out: list[tuple[int, str]] = []
    for rule, week in zip(rules, weeks, strict=True):
        closed = rule.off or not any(week)
        if closed and rule.single_days():
            named = listing([p.words(lang, closed=True) for p in rule.pieces], lang)
            out.append((rule.where, w["closed_day"].format(a=named)))
            continue
        if closed and len(rule.pieces) == 1 and not rule.pieces[0].whole_months:
            a, b = (date(_ANY_YEAR, *end) for end in (rule.pieces[0].start, rule.pieces[0].end))
            # « fermé du 24 au 26 déc. », as the dated ranges of a week are said
            out.append((rule.where, span_words(a, b, CLOSED, lang)))
            continue
        names = listing([p.words(lang) for p in rule.pieces], lang)
        said = w["closed"] if closed else period_words(week, lang, open_ends)
        out.append((rule.where, names + w["colon"] + said))
    return out
