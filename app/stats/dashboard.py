"""What the statistics tab shows for a period, read in one go on the desk's thread: the
totals, the series of its charts and a cross-table, with codes already as words."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import TYPE_CHECKING

from sqlalchemy.orm import Session

from app.stats import queries as stats
from app.stats.labels import DeskLabeller
from core.stats import tables
from core.stats.labels import Labeller

if TYPE_CHECKING:
    from app.desk import Desk

# The periods the tab offers, by key.
PERIODS = ("today", "week", "month", "last-month", "year", "custom")


def period_bounds(key: str, today: date) -> tuple[date, date]:
    """First and last day of a named period that contains (or just precedes) ``today``."""
    if key == "today":
        return today, today
    if key == "week":
        return today - timedelta(days=today.weekday()), today
    if key == "month":
        return today.replace(day=1), today
    if key == "last-month":
        return tables.previous_month(today)
    if key == "year":
        return today.replace(month=1, day=1), today
    raise ValueError(key)


Series = list[tuple[str, int]]


@dataclass
class CrossTable:
    rows_dim: str
    cols_dim: str
    rows: list[tuple[str, str]] = field(default_factory=list)  # (code, label)
    cols: list[tuple[str, str]] = field(default_factory=list)
    cells: dict[tuple[str, str], int] = field(default_factory=dict)
    row_totals: dict[str, int] = field(default_factory=dict)
    col_totals: dict[str, int] = field(default_factory=dict)
    total: int = 0


@dataclass
class Dashboard:
    start: date
    end: date
    total: int
    days_open: int
    referrals: int
    contacts_referred: int
    publics: Series
    themes: Series
    step: str
    over_time: Series
    # (ISO weekday 1-7, hour 0-23) -> count; visits with no precise hour are apart.
    grid: dict[tuple[int, int], int]
    no_hour: int
    cross: CrossTable
    # Each partner's referrals of the period and where they stand (core.outcomes).
    outcomes: list[tuple[str, dict[str, int]]] = field(default_factory=list)


def dashboard(
    desk: Desk, start: date, end: date, rows_dim: str, cols_dim: str, lang: str = "fr"
) -> Dashboard:
    with desk.sessions() as session:
        label = DeskLabeller(session, desk.lists, desk.geography, lang)

        def series(by: str) -> Series:
            result = stats.compute(session, start, end, [by])
            rows = sorted(result.rows, key=lambda r: (-r["count"], r[by]))
            return [(label(by, r[by]), int(r["count"])) for r in rows]

        total = stats.compute(session, start, end, []).total
        by_day = stats.compute(session, start, end, ["day"])
        step = tables.time_step(start, end)
        steps = by_day if step == "day" else stats.compute(session, start, end, [step])
        counted = {r[step]: int(r["count"]) for r in steps.rows}
        codes = [tables.step_code(m, step) for m in tables.time_steps(start, end, step)]
        over_time = [(label(step, code), counted.get(code, 0)) for code in codes]
        grid: dict[tuple[int, int], int] = {}
        no_hour = 0
        for row in stats.compute(session, start, end, ["weekday", "hour"]).rows:
            if row["hour"] == "non-precise":
                no_hour += int(row["count"])
            else:
                grid[(int(row["weekday"]), int(row["hour"]))] = int(row["count"])
        cross = cross_table(session, label, start, end, rows_dim, cols_dim)
        return Dashboard(
            start=start,
            end=end,
            total=total,
            days_open=len(by_day.rows),
            referrals=stats.referrals_in(session, start, end),
            contacts_referred=stats.contacts_with(session, start, end, "partner"),
            publics=series("public"),
            themes=series("theme"),
            step=step,
            over_time=over_time,
            grid=grid,
            no_hour=no_hour,
            cross=cross,
            outcomes=stats.referral_outcomes(session, start, end, desk.intake.today()),
        )


def cross_table(
    session: Session,
    label: Labeller,
    start: date,
    end: date,
    rows_dim: str,
    cols_dim: str,
) -> CrossTable:
    """Counts of ``rows_dim`` × ``cols_dim``, with each line's and column's own total (a
    visit with two themes counts once in a theme's total, not twice)."""
    table = CrossTable(rows_dim, cols_dim)
    if rows_dim == cols_dim:
        return table
    result = stats.compute(session, start, end, [rows_dim, cols_dim])
    table.total = result.total
    table.cells = {(r[rows_dim], r[cols_dim]): int(r["count"]) for r in result.rows}
    for dim, totals in ((rows_dim, table.row_totals), (cols_dim, table.col_totals)):
        for row in stats.compute(session, start, end, [dim]).rows:
            totals[row[dim]] = int(row["count"])
    for dim, totals, line in (
        (rows_dim, table.row_totals, table.rows),
        (cols_dim, table.col_totals, table.cols),
    ):
        line.extend((code, label(dim, code)) for code in _ordered(label, dim, totals))
    return table


def _ordered(label: Labeller, dim: str, totals: dict[str, int]) -> list[str]:
    return sorted(totals, key=lambda code: label.order(dim, code, totals[code]))
