"""The region's activity as the hub keeps it at push time: counts by site and code of one
dimension, the period's visits and referrals by site, volumes by time. Whole months are
read from the counts by site and month (:mod:`hub.monthly`), the days a period cuts off a
month from the facts (:mod:`hub.facts`); months kept only as a summary
(:mod:`hub.retention`) are read like any other. Nothing here is hidden yet:
:mod:`hub.stats` does it.

Counts come sorted by site and code: which counts a table hides depends on their order
where two are alike, and a table asked for twice must hide the same ones whatever order
PostgreSQL's parallel workers happened to return them in (or the two answers together
would show more than either)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy import text
from sqlalchemy.orm import Session

from core.fields import COUNTED
from core.stats import tables as stats_tables
from hub import dialect, monthly, retention
from hub.places import epci_json, epci_of

# dimension -> its contact field, a column of the facts (``contact_fact``)
FIELDS = COUNTED
MULTIPLE = frozenset(stats_tables.MULTIPLE)  # those a visit may hold several of
TIME = ("day", "week", "month")


# The facts (hub/facts.py): one row per live contact, one per code of its many-valued
# dimensions (themes, answers, partners), each with the contact's site and day.
PERIOD = "f.day BETWEEN :start AND :end"


@dataclass(frozen=True)
class Span:
    """A period as its whole months, read from the counts by month (:mod:`hub.monthly`),
    and the days left at either end, read from the facts."""

    months: tuple[date, date] | None  # the first days of the first and last whole months
    days: tuple[tuple[date, date], ...]  # from, to (both included)

    def facts(self, alias: str = "f") -> tuple[str, dict[str, date]]:
        """The facts' condition for the days, and its parameters."""
        params: dict[str, date] = {}
        for index, (first, last) in enumerate(self.days):
            params[f"from{index}"], params[f"to{index}"] = first, last
        said = " OR ".join(
            f"{alias}.day BETWEEN :from{index} AND :to{index}" for index in range(len(self.days))
        )
        return f"({said})", params


def span(start: date, end: date) -> Span:
    first = start if start.day == 1 else monthly.next_month(start)
    after = monthly.month_start(end + timedelta(days=1))  # the day after the last whole month
    if first >= after:
        return Span(None, ((start, end),))
    days = [(start, first - timedelta(days=1))] if start < first else []
    if after <= end:
        days.append((after, end))
    return Span((first, monthly.month_start(after, 1)), tuple(days))


def column(dim: str, alias: str = "f") -> str:
    """A one-valued dimension's column of ``contact_fact`` (time as the day, EPCI as the
    commune: :func:`recoded` names them)."""
    if dim == "site":
        return f"{alias}.site_id"
    if dim in TIME:
        return f"{alias}.day"  # read back as a date: its ISO text whatever the server's style
    return f"{alias}.{FIELDS['commune' if dim == 'epci' else dim]}"


def code_of(value: Any) -> str:
    return "non-precise" if value is None else str(value)


@dataclass(frozen=True)
class Totals:
    """The period's visits and the referrals of those visits, by site: read once, shared
    by a page's table and its key figures (and by every table of a file)."""

    visits: dict[str, int]
    referrals: dict[str, int]

    def of(self, site: str | None = None) -> tuple[int, int]:
        """Visits and referrals of one site, or of the region."""
        if site:
            return self.visits.get(site, 0), self.referrals.get(site, 0)
        return sum(self.visits.values()), sum(self.referrals.values())


def totals(session: Session, start: date, end: date) -> Totals:
    """Every site's visits and referrals over the period (cancelled visits left out)."""
    retention.summarised(session, start, end, monthly.VISITS)  # a summarised month cut: refused
    period = span(start, end)
    visits: Counter[str] = Counter()
    referrals: Counter[str] = Counter()
    if period.days:
        where, params = period.facts()
        rows = session.execute(
            text(
                "SELECT f.site_id, count(*), COALESCE(sum(f.referrals), 0) FROM contact_fact f"
                f" WHERE {where} GROUP BY f.site_id"
            ),
            params,
        )
        for site, n, referred in rows:
            visits[str(site)] += int(n)
            referrals[str(site)] += int(referred)
    for kind, into in ((monthly.VISITS, visits), (monthly.REFERRALS, referrals)):
        for (site, _month, _code), n in by_month(session, period, kind).items():
            into[site] += n
    return Totals(dict(visits), dict(referrals))


def _facts_cells(where: str, dim: str) -> str:
    """The rows (site, code, count) of ``dim`` in the facts ``where`` picks."""
    if dim in MULTIPLE:  # a contact's code is held once, however often it was sent
        return (
            "SELECT f.site_id AS site, f.code AS code, count(*) AS n FROM contact_code f"
            f" WHERE f.dim = :dim AND {where} GROUP BY f.site_id, f.code"
        )
    key = column(dim)
    if dim not in TIME:  # a value missing and « non-precise » are one code
        key = f"COALESCE({key}, 'non-precise')"
    return (
        f"SELECT f.site_id AS site, {key} AS code, count(*) AS n FROM contact_fact f"
        f" WHERE {where} GROUP BY 1, 2"
    )


def cells(session: Session, start: date, end: date, dim: str) -> Counter[tuple[str, str]]:
    """Raw counts per site and code of ``dim`` (time as days, communes as their EPCI), in
    one statement and sorted: a visitors' characteristic from the counts by month for the
    whole months and from the facts for the days left; a volume (by site or time) from
    the facts alone."""
    retention.summarised(session, start, end, dim)  # refused where it cannot be read
    dialect.for_counting(session)
    params: dict[str, Any] = {"dim": dim}
    parts = []
    if dim in TIME or dim == "site":
        period = Span(None, ((start, end),))
    else:
        period = span(start, end)
        if period.months is not None:
            parts.append(
                "SELECT s.site_id AS site, s.code AS code, s.count AS n FROM contact_summary s"
                " WHERE s.dim = :dim AND s.month BETWEEN :first AND :last AND s.count <> 0"
            )
            params.update(first=period.months[0], last=period.months[1])
    if period.days:
        where, days = period.facts()
        parts.append(_facts_cells(where, dim))
        params.update(days)
    code = "u.code"
    join = ""
    if dim == "epci" and period.days:  # the days' communes as their EPCI, in the statement
        code = "COALESCE(m.value, u.code)"
        join = f" LEFT JOIN {dialect.json_pairs(session, ':epci')} AS m ON m.key = u.code"
        params["epci"] = epci_json()
    if dim in TIME:  # dates, in their own order
        order = _in_order(session, "u.site") + ", u.code"
    else:
        order = _in_order(session, "u.site", code)
    sql = (
        f"SELECT u.site, {code}, sum(u.n) FROM ({' UNION ALL '.join(parts)}) AS u{join}"
        f" GROUP BY u.site, {code}{order}"
    )
    rows = session.execute(text(sql), params).all()
    return Counter({(str(site), code_of(value)): int(n) for site, value, n in rows})


def _in_order(session: Session, *columns: str) -> str:
    """``ORDER BY`` these columns as text by code point (the order Python sorts strings
    in, whatever the database's collation)."""
    collate = ' COLLATE "C"' if dialect.on_postgres(session) else ""
    return " ORDER BY " + ", ".join(f"{c}{collate}" for c in columns)


def by_month(
    session: Session, period: Span, dim: str, site: str | None = None
) -> Counter[tuple[str, str, str]]:
    """Counts per site, month (its first day) and code of ``dim`` over the period's whole
    months, from the counts kept by month (:mod:`hub.monthly`)."""
    if period.months is None:
        return Counter()
    sql = (
        "SELECT s.site_id, s.month, s.code, s.count FROM contact_summary s"
        " WHERE s.dim = :dim AND s.month BETWEEN :first AND :last"
        + (" AND s.site_id = :site" if site else "")
    )
    first, last = period.months
    params = {"dim": dim, "first": first, "last": last, "site": site}
    counts: Counter[tuple[str, str, str]] = Counter()
    for where, month, code, n in session.execute(text(sql), params):
        counts[str(where), str(month)[:10], str(code)] += int(n)
    return counts


def volumes(
    session: Session, start: date, end: date, dim: str, site: str | None, known: Totals
) -> Counter[str]:
    """Visits by site or time, of the region or of one site."""
    if dim == "site":
        return Counter({code: n for code, n in known.visits.items() if site in (None, code)})
    retention.summarised(session, start, end, dim)  # by day or week: refused over a summary
    period = span(start, end) if dim == "month" else Span(None, ((start, end),))
    counts: Counter[str] = Counter()
    for (_site, month, _code), n in by_month(session, period, monthly.VISITS, site).items():
        counts[recoded(dim, month)] += n
    if period.days:
        where, params = period.facts()
        key = column(dim)
        where += " AND f.site_id = :site" if site else ""
        rows = session.execute(
            text(f"SELECT {key}, count(*) FROM contact_fact f WHERE {where} GROUP BY {key}"),
            {**params, "site": site},
        )
        for code, n in rows:
            counts[recoded(dim, code_of(code))] += int(n)
    return counts


def recoded(dim: str, code: str) -> str:
    """A day as its week or month; a commune as its EPCI (a small one already went up as
    its EPCI; a commune in none, or a special answer, stands for itself)."""
    if dim == "epci":
        return epci_of(code)
    if dim == "month":
        return code[:7]
    if dim == "week":
        day = date.fromisoformat(code)
        return (day - timedelta(days=day.weekday())).isoformat()
    return code
