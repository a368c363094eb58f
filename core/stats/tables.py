"""Statistics tables as the desk and the hub both read them: a table's shape
(:class:`StatsResult`), the dimensions a contact may hold several values of, the codes a
dimension may take, the tables of the activity report, and the periods and steps of time."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from core.errors import DeskError

# The dimensions a contact may hold several values of, and their bit in ``first``.
MULTIPLE = {"theme": 1, "answer": 2, "partner": 4}


@dataclass(frozen=True)
class StatsResult:
    start: date
    end: date
    by: tuple[str, ...]
    total: int
    rows: list[dict[str, Any]] = field(default_factory=list)
    min_cell: int | None = None

    def as_json(self) -> dict[str, Any]:
        return {
            "from": self.start.isoformat(),
            "to": self.end.isoformat(),
            "by": list(self.by),
            "total": self.total,
            "min_cell": self.min_cell,
            "rows": self.rows,
        }


# The days statistics can be asked about (a contact is never older than 2000).
FIRST_DAY, LAST_DAY = date(2000, 1, 1), date(2099, 12, 31)


def parse_day(value: str) -> date:
    for shape in ("%Y-%m-%d", "%d/%m/%Y"):
        try:
            day = datetime.strptime(value.strip(), shape).date()
        except ValueError:
            continue
        if not FIRST_DAY <= day <= LAST_DAY:
            break
        return day
    raise DeskError("bad_day", value=value)


def parse_month(value: str) -> tuple[date, date]:
    """The first and last days of a month written ``YYYY-MM`` (or ``MM/YYYY``)."""
    for shape in ("%Y-%m", "%m/%Y"):
        try:
            first = datetime.strptime(value.strip(), shape).date()
        except ValueError:
            continue
        if not FIRST_DAY <= first <= LAST_DAY:
            break
        following = (first + timedelta(days=32)).replace(day=1)
        return first, following - timedelta(days=1)
    raise DeskError("bad_month", value=value)


def domain(dim: str, start: date, end: date) -> list[str]:
    """The codes a reader knows a dimension may take over a period: a code not listed
    counts zero. Offered to be hidden as a last resort."""
    if dim in ("day", "week", "month"):
        return [step_code(moment, dim) for moment in time_steps(start, end, dim)]
    if dim == "weekday":
        return [str(n) for n in range(1, 8)]
    if dim == "hour":
        return [f"{n:02d}" for n in range(24)] + ["non-precise"]
    from core.lists import DEFAULT_LISTS

    codes = [item[0] for item in DEFAULT_LISTS.get(dim, [])]
    return codes + (["non-precise"] if dim in ("age", "gender", "commune", "epci") else [])


def alone(dim: str, start: date, end: date, counts: dict[str, int]) -> dict[str, int]:
    """A dimension's counts as its own table hides them: every code a reader knows of
    first (zeros), in the same order whether the table is asked for alone or as the
    margin of a pair."""
    cells = {code: 0 for code in domain(dim, start, end)}
    cells.update(counts)
    return cells


# The tables of the activity report, in its order.
REPORT_TABLES: tuple[tuple[str, ...], ...] = (
    ("public",), ("theme",), ("channel",), ("age",), ("gender",), ("commune",), ("epci",),
    ("weekday", "hour"), ("partner",), ("answer",), ("day",),
)  # fmt: skip


# --- periods and steps of time ----------------------------------------------------------


def previous_month(today: date) -> tuple[date, date]:
    """The calendar month before ``today``'s: what a monthly report covers by default."""
    last = today.replace(day=1) - timedelta(days=1)
    return last.replace(day=1), last


def time_step(start: date, end: date) -> str:
    """The dimension a period reads best over time by: days up to two months, weeks up to
    a year and a half, months beyond."""
    days = (end - start).days + 1
    return "day" if days <= 62 else "week" if days <= 550 else "month"


def time_steps(start: date, end: date, step: str) -> list[date]:
    """Every day, week (its Monday) or month (its first day) of the period, visits or
    not, so that a chart shows the quiet ones as zero."""
    if step == "month":
        months, moment = [], start.replace(day=1)
        while moment <= end:
            months.append(moment)
            moment = (moment + timedelta(days=32)).replace(day=1)
        return months
    first = start - timedelta(days=start.weekday()) if step == "week" else start
    every = 7 if step == "week" else 1
    return [first + timedelta(days=n) for n in range(0, (end - first).days + 1, every)]


def step_code(moment: date, step: str) -> str:
    """The code a day, week or month has in the counts (``2026-11-24``, ``2026-11``)."""
    return moment.isoformat()[: 7 if step == "month" else 10]
