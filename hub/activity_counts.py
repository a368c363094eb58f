"""The region's activity as the facts kept at push time hold it (:mod:`hub.facts`):
counts by site and code of one dimension, the period's visits and referrals by site,
volumes by time, each in one statement, months kept only as a summary
(:mod:`hub.retention`) added in. Nothing here is hidden yet: :mod:`hub.stats` does it.

Counts come sorted by site and code: which counts a table hides depends on their order
where two are alike, and a table asked for twice must hide the same ones whatever order
PostgreSQL's parallel workers happened to return them in (or the two answers together
would show more than either)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import Any

from sqlalchemy import text
from sqlalchemy.orm import Session

from core.fields import COUNTED
from core.places import load_geography_file
from core.stats import tables as stats_tables
from hub import dialect, retention

# dimension -> its contact field, a column of the facts (``contact_fact``)
FIELDS = COUNTED
MULTIPLE = frozenset(stats_tables.MULTIPLE)  # those a visit may hold several of
TIME = ("day", "week", "month")


@dataclass(frozen=True)
class Places:
    """The shipped geography, read once: each commune's EPCI, and names."""

    epci_of: dict[str, str]
    names: dict[str, str]


@lru_cache(maxsize=1)
def places() -> Places:
    data = load_geography_file()
    epci_of = {insee: epci for insee, _n, _d, _r, epci, _p, _c in data["communes"] if epci}
    names = {insee: name for insee, name, *_rest in data["communes"]}
    names.update({code: name for code, name, _kind in data["epci"]})
    names.update({code: name for code, name, _region in data["departements"]})
    return Places(epci_of, names)


# The facts (hub/facts.py): one row per live contact, one per code of its many-valued
# dimensions (themes, answers, partners), each with the contact's site and day.
PERIOD = "f.day BETWEEN :start AND :end"


def column(dim: str, alias: str = "f") -> str:
    """A one-valued dimension's column of ``contact_fact`` (time as the day, EPCI as the
    commune: :func:`_recode` names them)."""
    if dim == "site":
        return f"{alias}.site_id"
    if dim in TIME:
        return f"{alias}.day"  # read back as a date: its ISO text whatever the server's style
    return f"{alias}.{FIELDS['commune' if dim == 'epci' else dim]}"


def code_of(value: Any) -> str:
    return "non-precise" if value is None else str(value)


@dataclass(frozen=True)
class Totals:
    """The period's visits and the referrals of those visits, by site: one pass over the
    facts, shared by a page's table and its key figures (and by every table of a file)."""

    visits: dict[str, int]
    referrals: dict[str, int]

    def of(self, site: str | None = None) -> tuple[int, int]:
        """Visits and referrals of one site, or of the region."""
        if site:
            return self.visits.get(site, 0), self.referrals.get(site, 0)
        return sum(self.visits.values()), sum(self.referrals.values())


def totals(session: Session, start: date, end: date) -> Totals:
    """Every site's visits and referrals over the period (cancelled visits left out)."""
    rows = session.execute(
        text(
            "SELECT f.site_id, count(*), COALESCE(sum(f.referrals), 0) FROM contact_fact f"
            f" WHERE {PERIOD} GROUP BY f.site_id"
        ),
        {"start": start, "end": end},
    ).all()
    visits: Counter[str] = Counter({str(s): int(n) for s, n, _r in rows})
    referrals: Counter[str] = Counter({str(s): int(r) for s, _n, r in rows})
    # and the months kept only as a summary (hub.retention)
    for kind, into in ((retention.VISITS, visits), (retention.REFERRALS, referrals)):
        for (site, _month), n in summarised(session, start, end, kind).items():
            into[site] += n
    return Totals(dict(visits), dict(referrals))


def _in_order(session: Session, *columns: str) -> str:
    """``ORDER BY`` these columns as text by code point (the order Python sorts strings
    in, whatever the database's collation)."""
    collate = ' COLLATE "C"' if dialect.on_postgres(session) else ""
    return " ORDER BY " + ", ".join(f"CAST({c} AS TEXT){collate}" for c in columns)


def _with_summary(
    counts: Counter[tuple[str, str]], summary: Counter[tuple[str, str]]
) -> Counter[tuple[str, str]]:
    """Counts read in detail and from the summary, in one order (site, code)."""
    if not summary:
        return counts
    return Counter(dict(sorted((counts + summary).items())))


def cells(session: Session, start: date, end: date, dim: str) -> Counter[tuple[str, str]]:
    """Raw counts per site and code of ``dim`` (time as days), in one pass."""
    params: dict[str, Any] = {"start": start, "end": end, "dim": dim}
    if dim in MULTIPLE:  # a contact's code is held once, however often it was sent
        sql = (
            "SELECT f.site_id, f.code, count(*) FROM contact_code f"
            f" WHERE f.dim = :dim AND {PERIOD} GROUP BY f.site_id, f.code"
            f"{_in_order(session, 'f.site_id', 'f.code')}"
        )
    else:
        key = column(dim)
        sql = (
            f"SELECT f.site_id, {key}, count(*) FROM contact_fact f"
            f" WHERE {PERIOD} GROUP BY f.site_id, {key}"
            f"{_in_order(session, 'f.site_id', key)}"
        )
    rows = session.execute(text(sql), params)
    counts: Counter[tuple[str, str]] = Counter()
    for site, code, n in rows:  # a value missing and « non-precise » are one code
        counts[str(site), code_of(code)] += int(n)
    return _with_summary(counts, summarised(session, start, end, dim))


def summarised(
    session: Session, start: date, end: date, dim: str, site: str | None = None
) -> Counter[tuple[str, str]]:
    """Counts per site and code of ``dim`` in the period's months kept only as a summary
    (:mod:`hub.retention`; communes for EPCI, the month's first day by site or month, as
    the facts give them); none when it holds no such month, refused when it cannot be
    read from them (by day, by week, a month cut in two)."""
    if not retention.summarised(session, start, end, dim):
        return Counter()
    kept = {"epci": "commune", "site": retention.VISITS, "month": retention.VISITS}.get(dim, dim)
    sql = (
        "SELECT s.site_id, s.month, s.code, sum(s.count) FROM contact_summary s"
        " WHERE s.dim = :dim AND s.month BETWEEN :start AND :end"
        + (" AND s.site_id = :site" if site else "")
        + " GROUP BY s.site_id, s.month, s.code"
        + _in_order(session, "s.site_id", "s.code", "s.month")
    )
    params = {"dim": kept, "start": start, "end": end, "site": site}
    counts: Counter[tuple[str, str]] = Counter()
    for where, month, code, n in session.execute(text(sql), params):
        counts[str(where), str(month) if kept == retention.VISITS else code] += int(n)
    return counts


def volumes(
    session: Session, start: date, end: date, dim: str, site: str | None, known: Totals
) -> Counter[str]:
    """Visits by site or time, of the region or of one site."""
    if dim == "site":
        return Counter({code: n for code, n in known.visits.items() if site in (None, code)})
    key = column(dim)
    where = PERIOD + (" AND f.site_id = :site" if site else "")
    rows = session.execute(
        text(f"SELECT {key}, count(*) FROM contact_fact f WHERE {where} GROUP BY {key}"),
        {"start": start, "end": end, "site": site},
    )
    counts: Counter[str] = Counter()
    for code, n in rows:
        counts[recoded(dim, code_of(code))] += int(n)
    for (_site, month), n in summarised(session, start, end, dim, site).items():
        counts[recoded(dim, month)] += n
    return counts


def recoded(dim: str, code: str) -> str:
    """A day as its week or month; a commune as its EPCI (a small one already went up as
    its EPCI; a commune in none, or a special answer, stands for itself)."""
    if dim == "epci":
        return places().epci_of.get(code, code)
    if dim == "month":
        return code[:7]
    if dim == "week":
        day = date.fromisoformat(code)
        return (day - timedelta(days=day.weekday())).isoformat()
    return code


def recode(dim: str, cells: Counter[tuple[str, str]]) -> Counter[tuple[str, str]]:
    if dim not in ("week", "month", "epci"):
        return cells
    out: Counter[tuple[str, str]] = Counter()
    for (site, code), count in cells.items():
        out[site, recoded(dim, code)] += count
    return out
