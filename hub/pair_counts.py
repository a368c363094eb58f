"""The counts of a table of two dimensions (public × theme…), read from the facts
(:mod:`hub.facts`): one site's from its facts; the region's month by month, each month
kept once worked out (:data:`hub.models.pair_count`) until a push changes it.

A month's table is kept with the sum of its sites' changes (:data:`hub.models.month_change`,
one more for every push that touches a site's month) read *before* its facts: a push that
lands between the two leaves the table marked older than it holds, and the next ask works
it out again; a table is never marked newer than what it holds. Only the region's months
are kept this way: a coordinator's year of the region is 12 months of a few hundred rows,
where one statement over the year would join millions of facts."""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta
from typing import Any

from sqlalchemy import text
from sqlalchemy.orm import Session

from hub import activity_counts as counts_of
from hub import dialect, monthly, retention
from hub.activity_counts import MULTIPLE, PERIOD
from hub.models import pair_count

Cells = Counter[tuple[str, str]]
Rows = list[tuple[str, str, int]]  # first code, second code, count


def _key(dim: str, index: int) -> tuple[str, str]:
    """A dimension's value in a query of two, and the join it needs."""
    if dim not in MULTIPLE:
        return counts_of.column(dim), ""
    alias = f"k{index}"
    join = (
        f" JOIN contact_code {alias} ON {alias}.record_id = f.record_id AND {alias}.dim = '{dim}'"
    )
    return f"{alias}.code", join


def _from_facts(
    session: Session, start: date, end: date, dims: tuple[str, str], site: str | None = None
) -> list[tuple[Any, Any, int]]:
    """The raw counts per pair of codes over ``start``..``end``, as the facts hold them."""
    return [(a, b, n) for _m, a, b, n in _facts(session, start, end, dims, site)]


def _facts(
    session: Session,
    start: date,
    end: date,
    dims: tuple[str, str],
    site: str | None = None,
    by_month: bool = False,
) -> list[tuple[date | None, Any, Any, int]]:
    """The same, with each count's month (its first day) when ``by_month``: one pass over
    the facts for the months of a year."""
    (first, join_first), (second, join_second) = _key(dims[0], 0), _key(dims[1], 1)
    month = "NULL"
    if by_month:
        on_pg = dialect.on_postgres(session)
        month = (
            "CAST(date_trunc('month', f.day) AS date)" if on_pg else "strftime('%Y-%m-01', f.day)"
        )
    where = PERIOD + (" AND f.site_id = :site" if site else "")
    sql = (
        f"SELECT {month}, {first}, {second}, count(*) FROM contact_fact f"
        f"{join_first}{join_second} WHERE {where} GROUP BY 1, {first}, {second}"
    )
    rows = session.execute(text(sql), {"start": start, "end": end, "site": site})
    return [(None if m is None else monthly.as_day(m), a, b, int(n)) for m, a, b, n in rows]


def _kept(
    session: Session, dims: str, months: dict[date, int]
) -> dict[date, list[tuple[str, str, int]]]:
    """The months' tables kept at their present sums of changes."""
    found: dict[date, Rows] = {}
    if not months:
        return found
    rows = session.execute(
        text(
            "SELECT month, changes, first, second, count FROM pair_count"
            " WHERE dims = :dims AND month BETWEEN :first AND :last"
        ),
        {"dims": dims, "first": min(months), "last": max(months)},
    )
    for month, changes, a, b, n in rows:
        day = monthly.as_day(month)
        if months.get(day) == int(changes):
            found.setdefault(day, []).append((str(a), str(b), int(n)))
    return found


def _keep(session: Session, dims: str, month: date, changes: int, rows: Rows) -> None:
    """Keep a month's table at ``changes``, and drop its older ones. Two asks of one month
    at once write the same rows, in the same order: the second's are skipped."""
    session.execute(
        text("DELETE FROM pair_count WHERE month = :month AND dims = :dims AND changes < :changes"),
        {"month": month, "dims": dims, "changes": changes},
    )
    if rows:
        key = {"month": month, "dims": dims, "changes": changes}
        values = [{**key, "first": a, "second": b, "count": n} for a, b, n in sorted(rows)]
        session.execute(dialect.insert(session, pair_count).on_conflict_do_nothing(), values)


def _coded(rows: list[tuple[Any, Any, int]]) -> Rows:
    return [(counts_of.code_of(a), counts_of.code_of(b), n) for a, b, n in rows]


def cells(
    session: Session, start: date, end: date, dims: tuple[str, str], site: str | None = None
) -> Cells:
    """Raw counts per pair of codes (time as days, communes as such) over the period: of
    the site when ``site`` is given, of the region otherwise (by site, when one of the two
    dimensions is the site)."""
    retention.summarised(session, start, end, "pair")  # refused over summarised months
    dialect.for_counting(session)
    rows: Rows = []
    period = counts_of.span(start, end)
    if site or period.months is None:
        rows += _coded(_from_facts(session, start, end, dims, site))
    else:
        first, last = period.months
        months = {m: 0 for m in _months(first, last)}
        months.update(monthly.changes(session, first, last))  # before the facts: see above
        name = "×".join(dims)
        kept = _kept(session, name, months)
        missing = [month for month in months if month not in kept]
        if missing:  # one pass over the facts of the months not kept (or changed since)
            after = monthly.next_month(missing[-1]) - timedelta(days=1)
            found: dict[date | None, Rows] = {month: [] for month in missing}
            for month, a, b, n in _facts(session, missing[0], after, dims, by_month=True):
                if month in found:
                    found[month].append((counts_of.code_of(a), counts_of.code_of(b), n))
            for month in missing:
                kept[month] = found[month]
                _keep(session, name, month, months[month], kept[month])
        for month in months:
            rows += kept[month]
        for day_from, day_to in period.days:
            rows += _coded(_from_facts(session, day_from, day_to, dims))
    out: Cells = Counter()
    for a, b, n in rows:
        out[counts_of.recoded(dims[0], a), counts_of.recoded(dims[1], b)] += n
    return Counter(dict(sorted(out.items())))


def _months(first: date, last: date) -> list[date]:
    months, month = [], first
    while month <= last:
        months.append(month)
        month = monthly.next_month(month)
    return months
