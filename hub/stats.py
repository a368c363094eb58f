"""The region's activity, across sites: counts of the visits desks pushed, over a period,
by one dimension, with small cells hidden.

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
covers one period.
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

MIN_CELL = 5
# dimension -> the contact payload's field
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


@dataclass(frozen=True)
class _Json:
    """SQL over a record's payload: PostgreSQL's JSONB, or SQLite's JSON (a quick try)."""

    postgres: bool

    def field(self, name: str, alias: str = "r") -> str:
        if self.postgres:
            return f"{alias}.payload->>'{name}'"
        return f"json_extract({alias}.payload, '$.{name}')"

    def elements(self, name: str) -> str:
        """A join giving each item of a list field as ``v.value``."""
        if self.postgres:
            return f"CROSS JOIN LATERAL jsonb_array_elements_text(r.payload->'{name}') AS v(value)"
        return f"CROSS JOIN json_each(r.payload, '$.{name}') AS v"

    def live(self, alias: str = "r") -> str:
        """Not cancelled."""
        if self.postgres:
            return f"COALESCE(({alias}.payload->>'cancelled')::boolean, false) = false"
        return f"COALESCE(json_extract({alias}.payload, '$.cancelled'), 0) = 0"


def _json(session: Session) -> _Json:
    return _Json(session.get_bind().dialect.name == "postgresql")


def _where(session: Session, site: str | None, alias: str = "r") -> str:
    where = f"{alias}.day BETWEEN :start AND :end AND {_json(session).live(alias)}"
    return where + (f" AND {alias}.site_id = :site" if site else "")


def total(session: Session, start: date, end: date, site: str | None = None) -> int:
    """The period's visits (cancelled ones left out)."""
    sql = f"SELECT count(*) FROM record r WHERE r.kind = 'contact' AND {_where(session, site)}"
    params = {"start": start, "end": end, "site": site}
    return int(session.execute(text(sql), params).scalar_one())


def _referred(session: Session, site: str | None) -> str:
    """The live referrals of the period's live visits (by the visit's day: cancelling a
    visit on a desk leaves its referrals as they were)."""
    json = _json(session)
    return (
        f"FROM record r JOIN record c ON c.id = {json.field('contact_id')}"
        f" AND c.kind = 'contact' AND c.site_id = r.site_id"
        f" WHERE r.kind = 'referral' AND {json.live()} AND {_where(session, site, 'c')}"
    )


def _cells(session: Session, start: date, end: date, dim: str) -> Counter[tuple[str, str]]:
    """Raw counts per site and code of ``dim`` (time as days)."""
    json = _json(session)
    field = json.field
    params: dict[str, Any] = {"start": start, "end": end}
    if dim == "partner":
        key = f"COALESCE({field('structure_id')}, {field('service_id')})"
        counted, source = f"count(DISTINCT {field('contact_id')})", _referred(session, None)
    else:
        join = ""
        if dim in ("theme", "answer"):
            key, join = "v.value", json.elements(FIELDS[dim])
        elif dim == "site":
            key = "r.site_id"
        elif dim in TIME:
            key = "r.day"  # read back as a date: its ISO text whatever the server's style
        else:
            key = field(FIELDS["commune" if dim == "epci" else dim])
        counted = "count(DISTINCT r.id)" if dim in MULTIPLE else "count(*)"
        source = f"FROM record r {join} WHERE r.kind = 'contact' AND {_where(session, None)}"
    rows = session.execute(
        text(f"SELECT r.site_id AS s, {key} AS k, {counted} {source} GROUP BY r.site_id, k"),
        params,
    )
    return Counter({(str(s), "non-precise" if k is None else str(k)): int(n) for s, k, n in rows})


def _recode(dim: str, cells: Counter[tuple[str, str]]) -> Counter[tuple[str, str]]:
    """Days as weeks or months; communes as their EPCI (a small one already went up as
    its EPCI; a commune in none, or a special answer, stands for itself)."""
    if dim not in ("week", "month", "epci"):
        return cells
    out: Counter[tuple[str, str]] = Counter()
    epci_of = places().epci_of
    for (site, code), count in cells.items():
        if dim == "epci":
            out[site, epci_of.get(code, code)] += count
        elif dim == "month":
            out[site, code[:7]] += count
        else:
            day = date.fromisoformat(code)
            out[site, (day - timedelta(days=day.weekday())).isoformat()] += count
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


def compute(
    session: Session, start: date, end: date, by: list[str] | tuple[str, ...],
    min_cell: int = MIN_CELL, site: str | None = None,
) -> StatsResult:  # fmt: skip
    """The region's counts over ``start``..``end`` (both included) by at most one
    dimension; one site's with ``site``. Volumes (by site, by day, week or month) are
    shown whole; the visitors' characteristics have their small counts hidden, the same
    way in the region's table and in each site's, so that one cannot be worked out from
    the other."""
    dims = tuple(by)
    if len(dims) > 1 or any(d not in DIMENSIONS for d in dims):
        raise ValueError(f"unknown dimensions: {dims}")
    visits = total(session, start, end, site)
    if not dims:
        return StatsResult(start, end, (), visits, [], min_cell)
    dim = dims[0]
    cells = _recode(dim, _cells(session, start, end, dim))
    row = REGION if site is None else site
    counts: Counter[str] = Counter()
    for (where, code), count in cells.items():
        if row in (REGION, where):
            counts[code] += count
    hidden: set[str] = set()
    if dim not in VOLUMES:
        held = hide(dict(cells), min_cell, stats_tables.domain(dim, start, end))
        hidden = {code for where, code in held if where == row}
    rows: list[dict[str, Any]] = []
    for code in sorted(counts.keys() | hidden):
        if code in hidden:
            rows.append({dim: code, "count": None, "suppressed": True})
        else:
            rows.append({dim: code, "count": counts[code]})
    return StatsResult(start, end, dims, visits, rows, min_cell)


def key_figures(
    session: Session, start: date, end: date, site: str | None = None
) -> dict[str, int]:
    """Visits, referrals (of those visits), flags and the sites that sent visits, over the
    period."""
    params = {"start": start, "end": end, "site": site}
    rows = session.execute(
        text(
            "SELECT r.kind, count(*), count(DISTINCT r.site_id) FROM record r"
            f" WHERE r.kind IN ('contact', 'flag') AND {_where(session, site)}"
            " GROUP BY r.kind"
        ),
        params,
    )
    figures = {"contact": 0, "referral": 0, "flag": 0, "sites": 0}
    for kind, count, sites in rows:
        figures[str(kind)] = int(count)
        if kind == "contact":
            figures["sites"] = int(sites)
    referred = text(f"SELECT count(*) {_referred(session, site)}")
    figures["referral"] = int(session.execute(referred, params).scalar_one())
    return figures
