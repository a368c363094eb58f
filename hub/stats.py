"""The region's activity, across sites: counts of the visits desks pushed, over a period,
by one dimension or two, with small cells hidden. They are read from the facts kept as
records arrive (:mod:`hub.facts`), one statement per table.

A visit with two themes counts once under each theme; the total counts it once.
Cancelled visits never count. The partner table counts the visits referred to each
partner (a visit referred twice to one partner counts once).

**Hiding.** What is hidden is what the visitors are: their public, age, gender, commune
or EPCI, themes, channel, answers and the partners they were sent to. How busy each
counter was (visits by site, day, week or month, and totals) is shown whole: it says
nothing of anyone. A count of a visitors' table under the threshold (``min_cell``, 5 by
default) is hidden, and others with it so that none can be worked out from the shown
counts and totals (:mod:`core.disclosure`, the desk's rule too); themes, answers and
partners, though a visit may hold several, are treated as if they added up.
The region's table and each site's are hidden together, as one table of sites by codes
with its margins (:func:`hide`): none can be worked out from the others. Comparing two
different periods, though, can narrow a hidden count down: a table meant for publication
covers one period. A table of two dimensions is hidden around its margins, the tables of
each dimension alone as shown (:func:`pair`), as the desk does. The console crosses two
dimensions for the region only (and sites by a characteristic, the sites' joint table):
one site's crossed table beside the region's would give away by subtraction a count the
site's hides.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import Any

from sqlalchemy import text
from sqlalchemy.orm import Session

from core import disclosure
from core.fields import COUNTED
from core.places import load_geography_file
from core.stats import tables as stats_tables
from core.stats.tables import StatsResult
from hub import retention

MIN_CELL = 5
# dimension -> its contact field, a column of the facts (``contact_fact``)
FIELDS = COUNTED
MULTIPLE = frozenset(stats_tables.MULTIPLE)  # those a visit may hold several of
TIME = ("day", "week", "month")
# How busy counters were, not who came: shown whole.
VOLUMES = frozenset({"site", *TIME})
DIMENSIONS = ("site", "epci", "commune", "public", "theme", "channel", "partner", "age",
              "gender", "answer", "duration", "day", "week", "month")  # fmt: skip


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
_PERIOD = "f.day BETWEEN :start AND :end"


def _column(dim: str, alias: str = "f") -> str:
    """A one-valued dimension's column of ``contact_fact`` (time as the day, EPCI as the
    commune: :func:`_recode` names them)."""
    if dim == "site":
        return f"{alias}.site_id"
    if dim in TIME:
        return f"{alias}.day"  # read back as a date: its ISO text whatever the server's style
    return f"{alias}.{FIELDS['commune' if dim == 'epci' else dim]}"


def _code(value: Any) -> str:
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
            f" WHERE {_PERIOD} GROUP BY f.site_id"
        ),
        {"start": start, "end": end},
    ).all()
    visits: Counter[str] = Counter({str(s): int(n) for s, n, _r in rows})
    referrals: Counter[str] = Counter({str(s): int(r) for s, _n, r in rows})
    # and the months kept only as a summary (hub.retention)
    for kind, into in ((retention.VISITS, visits), (retention.REFERRALS, referrals)):
        for (site, _month), n in _summarised(session, start, end, kind).items():
            into[site] += n
    return Totals(dict(visits), dict(referrals))


def total(session: Session, start: date, end: date, site: str | None = None) -> int:
    """The period's visits (cancelled ones left out)."""
    return totals(session, start, end).of(site)[0]


def _cells(session: Session, start: date, end: date, dim: str) -> Counter[tuple[str, str]]:
    """Raw counts per site and code of ``dim`` (time as days), in one pass."""
    params: dict[str, Any] = {"start": start, "end": end, "dim": dim}
    if dim in MULTIPLE:  # a contact's code is held once, however often it was sent
        sql = (
            "SELECT f.site_id, f.code, count(*) FROM contact_code f"
            f" WHERE f.dim = :dim AND {_PERIOD} GROUP BY f.site_id, f.code"
        )
    else:
        key = _column(dim)
        sql = (
            f"SELECT f.site_id, {key}, count(*) FROM contact_fact f"
            f" WHERE {_PERIOD} GROUP BY f.site_id, {key}"
        )
    rows = session.execute(text(sql), params)
    counts = Counter({(str(s), _code(k)): int(n) for s, k, n in rows})
    return counts + _summarised(session, start, end, dim)


def _summarised(
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
    )
    params = {"dim": kept, "start": start, "end": end, "site": site}
    counts: Counter[tuple[str, str]] = Counter()
    for where, month, code, n in session.execute(text(sql), params):
        counts[str(where), str(month) if kept == retention.VISITS else code] += int(n)
    return counts


def _volumes(
    session: Session, start: date, end: date, dim: str, site: str | None, known: Totals
) -> Counter[str]:
    """Visits by site or time, of the region or of one site."""
    if dim == "site":
        return Counter({code: n for code, n in known.visits.items() if site in (None, code)})
    key = _column(dim)
    where = _PERIOD + (" AND f.site_id = :site" if site else "")
    rows = session.execute(
        text(f"SELECT {key}, count(*) FROM contact_fact f WHERE {where} GROUP BY {key}"),
        {"start": start, "end": end, "site": site},
    )
    counts: Counter[str] = Counter()
    for code, n in rows:
        counts[_recoded(dim, _code(code))] += int(n)
    for (where, month), n in _summarised(session, start, end, dim, site).items():
        counts[_recoded(dim, where if dim == "site" else month)] += n
    return counts


def _recoded(dim: str, code: str) -> str:
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


def _recode(dim: str, cells: Counter[tuple[str, str]]) -> Counter[tuple[str, str]]:
    if dim not in ("week", "month", "epci"):
        return cells
    out: Counter[tuple[str, str]] = Counter()
    for (site, code), count in cells.items():
        out[site, _recoded(dim, code)] += count
    return out


REGION = disclosure.MARGIN  # the row of the region's own table, among the sites'


def hide(
    cells: dict[tuple[str, str], int], min_cell: int, codes: Iterable[str] = ()
) -> set[tuple[str, str]]:
    """The counts hidden in a table of (site, code) counts and in the region's table (its
    row :data:`REGION`, the sum of the sites'), by the rule every published table follows
    (:mod:`core.disclosure`): the sites' totals are shown, the region's counts are the
    margins of the codes; a code a site did not see (or one of ``codes``, the list's) is a
    zero it may hide."""
    region: Counter[str] = Counter()
    for (_site, code), count in cells.items():
        region[code] += count
    table = disclosure.two_way(cells, None, region, ((), codes))
    return disclosure.hide(table, min_cell)


def _one_way(
    session: Session, start: date, end: date, dim: str, min_cell: int, row: str,
    known: Totals,
) -> tuple[Counter[str], set[str]]:  # fmt: skip
    """A dimension's counts in ``row`` (a site, or :data:`REGION`) and those hidden there,
    hidden with every site's table."""
    if dim in VOLUMES:  # shown whole: the row asked for is all there is to count
        return _volumes(session, start, end, dim, None if row == REGION else row, known), set()
    cells = _recode(dim, _cells(session, start, end, dim))
    counts: Counter[str] = Counter()
    for (where, code), count in cells.items():
        if row in (REGION, where):
            counts[code] += count
    held = hide(dict(cells), min_cell, stats_tables.domain(dim, start, end))
    return counts, {code for where, code in held if where == row}


def compute(
    session: Session, start: date, end: date, by: list[str] | tuple[str, ...],
    min_cell: int = MIN_CELL, site: str | None = None, known: Totals | None = None,
) -> StatsResult:  # fmt: skip
    """The region's counts over ``start``..``end`` (both included) by at most two
    dimensions; one site's with ``site``. Volumes (by site, by day, week or month) are
    shown whole; the visitors' characteristics have their small counts hidden, the same
    way in the region's table and in each site's, so that one cannot be worked out from
    the other. A table of two dimensions keeps its margins as each dimension's own table
    shows or hides them (:func:`pair`). ``known``: the period's :func:`totals`, when the
    caller has them already."""
    dims = tuple(by)
    if len(dims) > 2 or len(set(dims)) < len(dims) or any(d not in DIMENSIONS for d in dims):
        raise ValueError(f"unknown dimensions: {dims}")
    if site and "site" in dims:
        raise ValueError("one site by site")
    known = known or totals(session, start, end)
    visits = known.of(site)[0]
    if not dims:
        return StatsResult(start, end, (), visits, [], min_cell)
    if len(dims) == 2:
        return pair(session, start, end, (dims[0], dims[1]), min_cell, site, known)
    dim = dims[0]
    row = REGION if site is None else site
    counts, hidden = _one_way(session, start, end, dim, min_cell, row, known)
    rows: list[dict[str, Any]] = []
    for code in sorted(counts.keys() | hidden):
        if code in hidden:
            rows.append({dim: code, "count": None, "suppressed": True})
        else:
            rows.append({dim: code, "count": counts[code]})
    return StatsResult(start, end, dims, visits, rows, min_cell)


def _key(dim: str, index: int) -> tuple[str, str]:
    """A dimension's value in a query of two, and the join it needs."""
    if dim not in MULTIPLE:
        return _column(dim), ""
    alias = f"k{index}"
    join = (
        f" JOIN contact_code {alias} ON {alias}.record_id = f.record_id AND {alias}.dim = '{dim}'"
    )
    return f"{alias}.code", join


def pair_cells(
    session: Session, start: date, end: date, dims: tuple[str, str], site: str | None = None
) -> Counter[tuple[str, str, str]]:
    """Raw counts per site and pair of codes (time as days, communes as such), in one
    statement: the site when ``site`` is given, every site otherwise."""
    retention.summarised(session, start, end, "pair")  # refused over summarised months
    (first, join_first), (second, join_second) = _key(dims[0], 0), _key(dims[1], 1)
    where = _PERIOD + (" AND f.site_id = :site" if site else "")
    sql = (
        f"SELECT f.site_id, {first}, {second}, count(*) FROM contact_fact f"
        f"{join_first}{join_second} WHERE {where} GROUP BY f.site_id, {first}, {second}"
    )
    out: Counter[tuple[str, str, str]] = Counter()
    for where_, a, b, n in session.execute(text(sql), {"start": start, "end": end, "site": site}):
        out[str(where_), _recoded(dims[0], _code(a)), _recoded(dims[1], _code(b))] += int(n)
    return out


def pair(
    session: Session, start: date, end: date, dims: tuple[str, str], min_cell: int,
    site: str | None, known: Totals,
) -> StatsResult:  # fmt: skip
    """The table of two dimensions of the region or of one site. Its margins are the
    tables of each dimension alone, shown or hidden as those are (with every site's);
    its inner counts are hidden by :func:`core.disclosure.hide` around them. By site and
    a characteristic, it is the table of sites by codes those tables are hidden with."""
    row = REGION if site is None else site
    raw = pair_cells(session, start, end, dims, site)
    counts: Counter[tuple[str, str]] = Counter()
    for (_where, a, b), n in raw.items():
        counts[a, b] += n
    hidden: set[tuple[str, str]] = set()
    characteristics = [d for d in dims if d not in VOLUMES]
    if "site" in dims and characteristics:
        flip = dims[0] != "site"
        cells = {(b, a) if flip else (a, b): n for (a, b), n in counts.items()}
        domain = stats_tables.domain(characteristics[0], start, end)
        held = {(s, c) for s, c in hide(cells, min_cell, domain) if s != REGION}
        hidden = {(c, s) for s, c in held} if flip else held
    elif characteristics:
        codes = tuple(stats_tables.domain(d, start, end) for d in dims)
        margins = [_one_way(session, start, end, d, min_cell, row, known) for d in dims]
        table = disclosure.two_way(dict(counts), margins[0][0], margins[1][0], (codes[0], codes[1]))
        for a, b in table.margins:
            side, code = (1, b) if a == disclosure.MARGIN else (0, a)
            table.published[a, b] = code in margins[side][1]
        held = disclosure.hide(table, min_cell)
        hidden = {(a, b) for a, b in held if disclosure.MARGIN not in (a, b)}
    rows: list[dict[str, Any]] = []
    for a, b in sorted(counts.keys() | hidden):
        values: dict[str, Any] = {dims[0]: a, dims[1]: b}
        if (a, b) in hidden:
            rows.append({**values, "count": None, "suppressed": True})
        else:
            rows.append({**values, "count": counts[a, b]})
    return StatsResult(start, end, dims, known.of(site)[0], rows, min_cell)


def key_figures(
    session: Session, start: date, end: date, site: str | None = None,
    known: Totals | None = None,
) -> dict[str, int]:  # fmt: skip
    """Visits, referrals (of those visits), flags and the sites that sent visits, over the
    period (``known``: its :func:`totals`, when the caller has them)."""
    known = known or totals(session, start, end)
    contacts, referrals = known.of(site)
    where = _PERIOD + (" AND f.site_id = :site" if site else "")
    flags = session.execute(
        text(f"SELECT count(*) FROM flag_fact f WHERE {where}"),
        {"start": start, "end": end, "site": site},
    )
    active = [s for s, n in known.visits.items() if n and site in (None, s)]
    return {"contact": contacts, "referral": referrals, "flag": int(flags.scalar_one()),
            "sites": len(active)}  # fmt: skip
