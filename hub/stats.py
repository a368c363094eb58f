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

import hashlib
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import text
from sqlalchemy.orm import Session

from core import disclosure
from core.stats import tables as stats_tables
from core.stats.tables import StatsResult
from hub import activity_counts as counts_of
from hub import dialect, monthly, pair_counts, retention
from hub.activity_counts import FIELDS as FIELDS
from hub.activity_counts import MULTIPLE as MULTIPLE
from hub.activity_counts import PERIOD
from hub.activity_counts import TIME as TIME
from hub.activity_counts import Totals as Totals
from hub.activity_counts import totals as totals
from hub.memo import Kept

MIN_CELL = 5
# How busy counters were, not who came: shown whole.
VOLUMES = frozenset({"site", *TIME})
DIMENSIONS = ("site", "epci", "commune", "public", "theme", "channel", "partner", "age",
              "gender", "answer", "duration", "place", "event", "day", "week",
              "month")  # fmt: skip


REGION = disclosure.MARGIN  # the row of the region's own table, among the sites'


def hide(
    cells: dict[tuple[str, str], int], min_cell: int, codes: Iterable[str] = ()
) -> set[tuple[str, str]]:
    """The counts hidden in a table of (site, code) counts and in the region's table (its
    row :data:`REGION`, the sum of the sites'), by the rule every published table follows
    (:mod:`core.disclosure`): the sites' totals are shown, the region's counts are the
    margins of the codes; a code a site did not see (or one of ``codes``, the list's) is a
    zero it may hide.

    The region's page and each site's page of a dimension hide the same table: worked out
    once, the answer is kept (:data:`_HIDDEN`) under a digest of all it depends on, the
    counts in their order included, so that a table whose counts changed is worked out
    again and a table asked for again is hidden the same way."""
    codes = tuple(codes)
    digest = hashlib.blake2b(repr((min_cell, codes, list(cells.items()))).encode()).digest()
    return set(_HIDDEN.get(digest, lambda: _hidden_in(cells, min_cell, codes)))


_HIDDEN: Kept[frozenset[tuple[str, str]]] = Kept()


def _hidden_in(
    cells: dict[tuple[str, str], int], min_cell: int, codes: tuple[str, ...],
    region: Counter[str] | None = None,
) -> frozenset[tuple[str, str]]:  # fmt: skip
    """:func:`hide`'s work (``region``: the codes' sums, when the caller has them)."""
    if region is None:
        region = Counter()
        for (_site, code), count in cells.items():
            region[code] += count
    return frozenset(
        disclosure.hide(disclosure.two_way(cells, None, region, ((), codes)), min_cell)
    )


@dataclass(frozen=True)
class _Table:
    """A dimension's table of sites by codes, hidden: each row's counts and hidden codes
    (the region's row :data:`REGION` among the sites')."""

    counts: dict[str, Counter[str]]
    hidden: dict[str, frozenset[str]]


def _table(session: Session, start: date, end: date, dim: str, min_cell: int) -> _Table:
    """The table every page of ``dim`` over the period shows a row of, worked out once
    while no push changes its months (:func:`hub.monthly.changes`, read first)."""
    codes = tuple(stats_tables.domain(dim, start, end))
    changed = (dialect.identity(session), *sorted(monthly.changes(session, start, end).items()))

    def work() -> _Table:
        cells = counts_of.cells(session, start, end, dim)  # communes as their EPCI already
        counts: dict[str, Counter[str]] = {REGION: Counter()}
        for (where, code), count in cells.items():
            counts.setdefault(where, Counter())[code] += count
            counts[REGION][code] += count
        hidden: dict[str, set[str]] = {}  # kept under the months' changes: no digest
        for where, code in _hidden_in(dict(cells), min_cell, codes, counts[REGION]):
            hidden.setdefault(where, set()).add(code)
        return _Table(counts, {where: frozenset(held) for where, held in hidden.items()})

    retention.summarised(session, start, end, dim)  # refused where it cannot be read
    return _TABLES.get((start, end, dim, min_cell, codes, changed), work)


_TABLES: Kept[_Table] = Kept()


def _one_way(
    session: Session, start: date, end: date, dim: str, min_cell: int, row: str,
    known: Totals,
) -> tuple[Counter[str], set[str]]:  # fmt: skip
    """A dimension's counts in ``row`` (a site, or :data:`REGION`) and those hidden there,
    hidden with every site's table."""
    if dim in VOLUMES:  # shown whole: the row asked for is all there is to count
        return counts_of.volumes(
            session, start, end, dim, None if row == REGION else row, known
        ), set()
    table = _table(session, start, end, dim, min_cell)
    return Counter(table.counts.get(row, {})), set(table.hidden.get(row, ()))


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


def pair(
    session: Session, start: date, end: date, dims: tuple[str, str], min_cell: int,
    site: str | None, known: Totals,
) -> StatsResult:  # fmt: skip
    """The table of two dimensions of the region or of one site. Its margins are the
    tables of each dimension alone, shown or hidden as those are (with every site's);
    its inner counts are hidden by :func:`core.disclosure.hide` around them. By site and
    a characteristic, it is the table of sites by codes those tables are hidden with."""
    row = REGION if site is None else site
    counts = pair_counts.cells(session, start, end, dims, site)
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
    where = PERIOD + (" AND f.site_id = :site" if site else "")
    flags = session.execute(
        text(f"SELECT count(*) FROM flag_fact f WHERE {where}"),
        {"start": start, "end": end, "site": site},
    )
    active = [s for s, n in known.visits.items() if n and site in (None, s)]
    return {"contact": contacts, "referral": referrals, "flag": int(flags.scalar_one()),
            "sites": len(active)}  # fmt: skip
