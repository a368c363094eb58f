"""The region's activity, across sites: counts of the visits desks pushed, over a period,
by one dimension, with small cells hidden.

A visit with two themes counts once under each theme; the total counts it once.
Cancelled visits never count. The partner table counts the visits referred to each
partner (a visit referred twice to one partner counts once).

**Hiding.** A count under the threshold (``min_cell``, 5 by default) is hidden. In a table
whose rows add up to the total (site, EPCI, public, channel…), one hidden count could be
found again by subtracting the others from the total: so the smallest shown counts are
hidden too, until at least two are hidden and the hidden ones add up to the threshold at
least (every hidden count is then somewhere between 1 and their sum). The themes, answers
and partners do not add up to the total (a visit may hold several), so no second count is
hidden there.
"""

from __future__ import annotations

import gzip
import json
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import Any

from sqlalchemy import text
from sqlalchemy.orm import Session

from app.geography import GEOGRAPHY_FILE
from app.stats import StatsResult

MIN_CELL = 5
# dimension -> the payload's field (``None``: worked out otherwise)
FIELDS = {
    "channel": "channel", "public": "public", "age": "age", "gender": "gender",
    "commune": "commune", "duration": "duration", "theme": "themes", "answer": "answers",
}  # fmt: skip
MULTIPLE = {"theme", "answer", "partner"}
TIME = ("day", "week", "month")
DIMENSIONS = ("site", "epci", "commune", "public", "theme", "channel", "partner", "age",
              "gender", "answer", "duration", "day", "week", "month")  # fmt: skip
# The dimensions the console offers, in its order.
OFFERED = ("site", "epci", "public", "theme", "channel", "partner", "age", "gender", "answer",
           "month")  # fmt: skip


@dataclass(frozen=True)
class Places:
    """The shipped geography, read once: each commune's EPCI, and names."""

    epci_of: dict[str, str]
    names: dict[str, str]


@lru_cache(maxsize=1)
def places() -> Places:
    with gzip.open(GEOGRAPHY_FILE, "rt", encoding="utf-8") as handle:
        data = json.load(handle)
    epci_of = {insee: epci for insee, _n, _d, _r, epci, _p, _c in data["communes"] if epci}
    names = {insee: name for insee, name, *_rest in data["communes"]}
    names.update({code: name for code, name, _kind in data["epci"]})
    return Places(epci_of, names)


def _sql(dialect: str) -> dict[str, Callable[[str], str]]:
    if dialect == "postgresql":
        return {
            "field": lambda f: f"r.payload->>'{f}'",
            "elements": lambda f: (
                f"CROSS JOIN LATERAL jsonb_array_elements_text(r.payload->'{f}') AS v(value)"
            ),
            "live": lambda _f: "COALESCE((r.payload->>'cancelled')::boolean, false) = false",
        }
    return {
        "field": lambda f: f"json_extract(r.payload, '$.{f}')",
        "elements": lambda f: f"CROSS JOIN json_each(r.payload, '$.{f}') AS v",
        "live": lambda _f: "COALESCE(json_extract(r.payload, '$.cancelled'), 0) = 0",
    }


def _where(session: Session, site: str | None) -> str:
    live = _sql(session.get_bind().dialect.name)["live"]("")
    return f"r.day BETWEEN :start AND :end AND {live}" + (" AND r.site_id = :site" if site else "")


def total(session: Session, start: date, end: date, site: str | None = None) -> int:
    """The period's visits (cancelled ones left out)."""
    sql = f"SELECT count(*) FROM record r WHERE r.kind = 'contact' AND {_where(session, site)}"
    params = {"start": start, "end": end, "site": site}
    return int(session.execute(text(sql), params).scalar_one())


def _groups(session: Session, start: date, end: date, dim: str, site: str | None) -> Counter[str]:
    """Raw counts per code of ``dim`` (time as days)."""
    sql = _sql(session.get_bind().dialect.name)
    field, where = sql["field"], _where(session, site)
    params: dict[str, Any] = {"start": start, "end": end, "site": site}
    contacts = "FROM record r {join} WHERE r.kind = 'contact' AND " + where
    if dim == "partner":
        key, join = f"COALESCE({field('structure_id')}, {field('service_id')})", ""
        counted = f"count(DISTINCT {field('contact_id')})"
        source = f"FROM record r WHERE r.kind = 'referral' AND {where}"
    else:
        if dim in ("theme", "answer"):
            key, join = "v.value", sql["elements"](FIELDS[dim])
        elif dim == "site":
            key, join = "r.site_id", ""
        elif dim in TIME:
            key, join = "CAST(r.day AS TEXT)", ""
        else:
            key, join = field(FIELDS["commune" if dim == "epci" else dim]), ""
        counted = "count(DISTINCT r.id)" if dim in MULTIPLE else "count(*)"
        source = contacts.format(join=join)
    rows = session.execute(text(f"SELECT {key} AS k, {counted} {source} GROUP BY k"), params)
    return Counter({str(k) if k is not None else "non-precise": int(n) for k, n in rows})


def _recode(dim: str, groups: Counter[str]) -> Counter[str]:
    """Days as weeks or months; communes as their EPCI (a small one already went up as
    its EPCI; a commune in none, or a special answer, stands for itself)."""
    if dim not in ("week", "month", "epci"):
        return groups
    out: Counter[str] = Counter()
    epci_of = places().epci_of
    for code, count in groups.items():
        if dim == "epci":
            out[epci_of.get(code, code)] += count
        elif dim == "month":
            out[code[:7]] += count
        else:
            day = date.fromisoformat(code)
            out[(day - timedelta(days=day.weekday())).isoformat()] += count
    return out


def hide(counts: dict[str, int], min_cell: int, adds_up: bool) -> set[str]:
    """The codes whose count is hidden: those under ``min_cell``, and, in a table that
    adds up to its total, the smallest others until no hidden count can be worked out."""
    if min_cell <= 1:
        return set()
    hidden = {code for code, n in counts.items() if 0 < n < min_cell}
    if not adds_up or not hidden:
        return hidden
    shown = sorted((n, code) for code, n in counts.items() if code not in hidden and n > 0)
    while shown and (len(hidden) < 2 or sum(counts[c] for c in hidden) < min_cell):
        hidden.add(shown.pop(0)[1])
    return hidden


def compute(
    session: Session, start: date, end: date, by: list[str] | tuple[str, ...],
    min_cell: int = MIN_CELL, site: str | None = None,
) -> StatsResult:  # fmt: skip
    """The region's counts over ``start``..``end`` (both included) by at most one
    dimension, the small cells hidden; one site's with ``site``."""
    dims = tuple(by)
    if len(dims) > 1 or any(d not in DIMENSIONS for d in dims):
        raise ValueError(f"unknown dimensions: {dims}")
    visits = total(session, start, end, site)
    if not dims:
        return StatsResult(start, end, (), visits, [], min_cell)
    dim = dims[0]
    counts = dict(_recode(dim, _groups(session, start, end, dim, site)))
    hidden = hide(counts, min_cell, adds_up=dim not in MULTIPLE)
    rows: list[dict[str, Any]] = []
    for code in sorted(counts):
        if code in hidden:
            rows.append({dim: code, "count": None, "suppressed": True})
        else:
            rows.append({dim: code, "count": counts[code]})
    return StatsResult(start, end, dims, visits, rows, min_cell)


def key_figures(
    session: Session, start: date, end: date, site: str | None = None
) -> dict[str, int]:
    """Visits, referrals, flags and the sites that sent visits, over the period."""
    rows = session.execute(
        text(
            "SELECT r.kind, count(*), count(DISTINCT r.site_id) FROM record r"
            f" WHERE {_where(session, site)}"
            " GROUP BY r.kind"
        ),
        {"start": start, "end": end, "site": site},
    )
    figures = {"contact": 0, "referral": 0, "flag": 0, "sites": 0}
    for kind, count, sites in rows:
        figures[str(kind)] = int(count)
        if kind == "contact":
            figures["sites"] = int(sites)
    return figures
