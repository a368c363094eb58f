"""Activity statistics: counts of contacts over a period, by one or two dimensions.

A contact with two themes counts once under each theme; the total counts it once.
Cancelled contacts never count. A threshold hides any cell under N (``suppressed``), as
anything meant to leave the site must.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import text
from sqlalchemy.orm import Session

from app.errors import DeskError

_WEEKDAY = "CAST((CAST(strftime('%w', c.moment_local) AS INTEGER) + 6) % 7 + 1 AS TEXT)"
# A tally with a date only has no hour.
_HOUR = "CASE WHEN c.time_known THEN strftime('%H', c.moment_local) ELSE 'non-precise' END"
# dimension -> (SQL expression of its code, the join it needs)
_JOINS = {
    "theme": "JOIN contact_theme t ON t.contact_id = c.id",
    "answer": "JOIN contact_answer a ON a.contact_id = c.id",
    "partner": "JOIN referral r ON r.contact_id = c.id AND r.status = 'active'",
    "epci": "LEFT JOIN commune g ON g.insee = c.commune",
}
DIMENSIONS: dict[str, tuple[str, str | None]] = {
    "channel": ("c.channel", None),
    "public": ("c.public", None),
    "age": ("c.age", None),
    "gender": ("c.gender", None),
    "commune": ("c.commune", None),
    "epci": ("COALESCE(g.epci, c.commune)", "epci"),
    "theme": ("t.code", "theme"),
    "answer": ("a.code", "answer"),
    "duration": ("COALESCE(c.duration, 'non-precise')", None),
    "partner": ("COALESCE(r.structure_id, r.service_id)", "partner"),
    # Monday is 1, Sunday 7 (ISO).
    "weekday": (_WEEKDAY, None),
    "hour": (_HOUR, None),
    "day": ("date(c.moment_local)", None),
    # A week is named by its Monday.
    "week": ("date(c.moment_local, '-6 days', 'weekday 1')", None),
    "month": ("strftime('%Y-%m', c.moment_local)", None),
}  # fmt: skip


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


def parse_day(value: str) -> date:
    for shape in ("%Y-%m-%d", "%d/%m/%Y"):
        try:
            return datetime.strptime(value.strip(), shape).date()
        except ValueError:
            continue
    raise DeskError("bad_day", value=value)


def check_dimensions(by: list[str]) -> tuple[str, ...]:
    if len(by) > 2:
        raise DeskError("too_many_dimensions")
    for name in by:
        if name not in DIMENSIONS:
            raise DeskError("unknown_dimension", name=name, choices=", ".join(DIMENSIONS))
    if len(set(by)) != len(by):
        raise DeskError("too_many_dimensions")
    return tuple(by)


def compute(
    session: Session, start: date, end: date, by: list[str], min_cell: int | None = None
) -> StatsResult:
    """Counts of the active contacts of ``start``..``end`` (both included, local dates)."""
    dims = check_dimensions(by)
    if end < start:
        raise DeskError("bad_period", start=start.isoformat(), end=end.isoformat())
    params = {
        "start": datetime.combine(start, datetime.min.time()),
        "end": datetime.combine(end + timedelta(days=1), datetime.min.time()),
    }
    where = "c.status = 'active' AND c.moment_local >= :start AND c.moment_local < :end"
    total = session.execute(
        text(f"SELECT count(*) FROM contact c WHERE {where}"), params
    ).scalar_one()
    rows: list[dict[str, Any]] = []
    if dims:
        joins = " ".join(dict.fromkeys(_JOINS[j] for d in dims if (j := DIMENSIONS[d][1])))
        columns = ", ".join(f"{DIMENSIONS[d][0]} AS d{i}" for i, d in enumerate(dims))
        groups = ", ".join(f"d{i}" for i in range(len(dims)))
        sql = (
            f"SELECT {columns}, count(DISTINCT c.id) FROM contact c {joins} WHERE {where}"
            f" GROUP BY {groups} ORDER BY {groups}"
        )
        for values in session.execute(text(sql), params):
            row: dict[str, Any] = {name: values[i] for i, name in enumerate(dims)}
            count = int(values[len(dims)])
            if min_cell is not None and count < min_cell:
                row.update(count=None, suppressed=True)
            else:
                row["count"] = count
            rows.append(row)
    shown_total: int = int(total)
    return StatsResult(start, end, dims, shown_total, rows, min_cell)
