"""The console's counts worked out from the records' payloads (PostgreSQL's JSONB), as the
hub read them before it kept facts: what the facts must agree with."""

from __future__ import annotations

from collections import Counter
from datetime import date
from typing import Any

from sqlalchemy import text
from sqlalchemy.orm import Session

from core.fields import COUNTED
from hub.stats import MULTIPLE, TIME


def _field(name: str, alias: str = "r") -> str:
    return f"{alias}.payload->>'{name}'"


def _live(alias: str = "r") -> str:
    return f"COALESCE(({alias}.payload->>'cancelled')::boolean, false) = false"


def _where(site: str | None, alias: str = "r") -> str:
    where = f"{alias}.day BETWEEN :start AND :end AND {_live(alias)}"
    return where + (f" AND {alias}.site_id = :site" if site else "")


def _referred(site: str | None) -> str:
    return (
        f"FROM record r JOIN record c ON c.id = {_field('contact_id')}"
        f" AND c.kind = 'contact' AND c.site_id = r.site_id"
        f" WHERE r.kind = 'referral' AND {_live()} AND {_where(site, 'c')}"
    )


def cells(session: Session, start: date, end: date, dim: str) -> Counter[tuple[str, str]]:
    """Counts per site and code of ``dim`` (time as days, EPCI as communes)."""
    params: dict[str, Any] = {"start": start, "end": end}
    if dim == "partner":
        key = f"COALESCE({_field('structure_id')}, {_field('service_id')})"
        counted, source = f"count(DISTINCT {_field('contact_id')})", _referred(None)
    else:
        join = ""
        if dim in ("theme", "answer"):
            key = "v.value"
            join = (
                "CROSS JOIN LATERAL"
                f" jsonb_array_elements_text(r.payload->'{COUNTED[dim]}') AS v(value)"
            )
        elif dim == "site":
            key = "r.site_id"
        elif dim in TIME:
            key = "r.day"
        else:
            key = _field(COUNTED["commune" if dim == "epci" else dim])
        counted = "count(DISTINCT r.id)" if dim in MULTIPLE else "count(*)"
        source = f"FROM record r {join} WHERE r.kind = 'contact' AND {_where(None)}"
    rows = session.execute(
        text(f"SELECT r.site_id AS s, {key} AS k, {counted} {source} GROUP BY r.site_id, k"),
        params,
    )
    return Counter({(str(s), "non-precise" if k is None else str(k)): int(n) for s, k, n in rows})


def key_figures(
    session: Session, start: date, end: date, site: str | None = None
) -> dict[str, int]:
    params = {"start": start, "end": end, "site": site}
    rows = session.execute(
        text(
            "SELECT r.kind, count(*), count(DISTINCT r.site_id) FROM record r"
            f" WHERE r.kind IN ('contact', 'flag') AND {_where(site)} GROUP BY r.kind"
        ),
        params,
    )
    figures = {"contact": 0, "referral": 0, "flag": 0, "sites": 0}
    for kind, count, sites in rows:
        figures[str(kind)] = int(count)
        if kind == "contact":
            figures["sites"] = int(sites)
    referred = text(f"SELECT count(*) {_referred(site)}")
    figures["referral"] = int(session.execute(referred, params).scalar_one())
    return figures
