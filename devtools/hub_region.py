"""A region's year at the hub, and how long the console takes on it.

Generates a region (1,200 reception sites of skewed sizes, ``--contacts`` visits over one
year with their themes, answers and referrals, all drawn from a seeded generator) into a
PostgreSQL it starts with production settings (fsync on), stores it through the hub's own
storing code (:func:`hub.push_store.store_push`, in large batches, not over HTTP), then
times each of the console's activity tables for the whole year, for the region and for
one site, the CSV and XLSX downloads and a table of two dimensions, each beside a bare
``count(*)`` over the same rows in the same run.

    python -m devtools.hub_region --contacts 300000 [--json]
"""

from __future__ import annotations

import argparse
import json
import random
import time
import uuid
from collections.abc import Callable, Iterator
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import Engine, text
from sqlalchemy.orm import Session

from core.exports import write
from core.lists import DEFAULT_LISTS
from core.places import SMALL_COMMUNE, load_geography_file
from core.wire import PushRecord
from hub import push_store, stats
from hub.config import make_engine
from hub.console.activity_pages import NAMES
from hub.labels import RegionLabeller
from hub.localpg import local_postgres
from hub.migrate import upgrade
from hub.models import Site

YEAR = 2025
_NOW = datetime(YEAR + 1, 1, 2)
SITES = 1200
BATCH = 5000  # records per call of the storing code


def codes(name: str) -> list[str]:
    return [item[0] for item in DEFAULT_LISTS[name]]


def places() -> list[str]:
    """Where visitors live: the region's larger communes, some EPCI, special answers."""
    data = load_geography_file()
    communes = [row[0] for row in data["communes"] if int(row[5] or 0) >= SMALL_COMMUNE]
    epci = [row[0] for row in data["epci"]][:200]
    return communes[:1500] + epci + ["hors-region", "non-precise"]


def skewed(rng: random.Random, items: list[str]) -> str:
    """One of ``items``, the first the most often (the lists put the usual ones first)."""
    return rng.choices(items, [1 / (n + 1) for n in range(len(items))])[0]


def site_sizes(rng: random.Random, contacts: int) -> list[int]:
    """Visits per site: a few large Cités des métiers, many small counters (Zipf-like)."""
    weights = [1 / (n + 1) ** 0.9 for n in range(SITES)]
    drawn = rng.choices(range(SITES), weights, k=contacts)
    sizes = [0] * SITES
    for site in drawn:
        sizes[site] += 1
    return sizes


def records_of(rng: random.Random, size: int, where: list[str]) -> Iterator[PushRecord]:
    """One site's year: its visits and their referrals (about 37 in 100 visits)."""
    channel, public, age, gender = codes("channel"), codes("public"), codes("age"), codes("gender")
    theme, answer, duration = codes("theme"), codes("answer"), codes("duration")
    partners = [f"structure-{n:04d}" for n in range(400)]
    local = rng.sample(where, 12)
    first = date(YEAR, 1, 1)
    for _ in range(size):
        contact_id = str(uuid.UUID(int=rng.getrandbits(128), version=4))
        day = (first + timedelta(days=rng.randrange(365))).isoformat()
        payload: dict[str, Any] = {
            "day": day,
            "channel": skewed(rng, channel),
            "public": skewed(rng, public),
            "age": rng.choice(age),
            "gender": rng.choice(gender),
            "commune": rng.choice(local) if rng.random() < 0.85 else rng.choice(where),
            "themes": rng.sample(theme, rng.choice([1, 1, 1, 2, 3])),
            "answers": rng.sample(answer, rng.choice([1, 1, 2])),
            "duration": rng.choice([*duration, None]),
        }
        yield PushRecord(kind="contact", id=contact_id, version=1, payload=payload)
        if rng.random() < 0.37:
            for _n in range(rng.choice([1, 1, 1, 2])):
                referral: dict[str, object] = {
                    "day": day,
                    "contact_id": contact_id,
                    "service_id": f"service-{rng.randrange(2000):04d}",
                    "structure_id": rng.choice(partners),
                }
                yield PushRecord(
                    kind="referral",
                    id=str(uuid.UUID(int=rng.getrandbits(128), version=4)),
                    version=1,
                    payload=referral,
                )


def load(engine: Engine, contacts: int, seed: int) -> list[str]:
    """The region stored; its sites' ids, the largest first."""
    rng = random.Random(seed)
    where = places()
    ids = [f"site-{n:04d}" for n in range(SITES)]
    with Session(engine) as session, session.begin():
        for site_id in ids:
            session.add(Site(id=site_id, name=f"Accueil {site_id}", created_at=_NOW))
    for site_id, size in zip(ids, site_sizes(rng, contacts), strict=True):
        batch: list[PushRecord] = []
        for record in records_of(rng, size, where):
            batch.append(record)
            if len(batch) == BATCH:
                _store(engine, site_id, batch)
                batch = []
        if batch:
            _store(engine, site_id, batch)
    with engine.connect() as connection:
        connection.execution_options(isolation_level="AUTOCOMMIT").execute(text("VACUUM ANALYZE"))
    return ids


def _store(engine: Engine, site_id: str, batch: list[PushRecord]) -> None:
    with Session(engine) as session, session.begin():
        site = session.get_one(Site, site_id)
        answers = push_store.store_push(session, engine, site, batch)
        refused = [a for a in answers if a.outcome != "accepted"]
        if refused:
            raise RuntimeError(f"not stored: {refused[0]}")


def timed(work: Callable[[], object], repeat: int = 3) -> float:
    """The best of ``repeat`` runs, in seconds (the first warms the caches)."""
    best = float("inf")
    for _ in range(repeat):
        began = time.perf_counter()
        work()
        best = min(best, time.perf_counter() - began)
    return best


def measure(engine: Engine, site: str) -> dict[str, Any]:
    start, end = date(YEAR, 1, 1), date(YEAR, 12, 31)
    figures: dict[str, Any] = {}
    with Session(engine) as session:
        labeller = RegionLabeller(session)

        def page(dim: str, where: str | None) -> None:
            stats.compute(session, start, end, [dim], site=where)
            stats.key_figures(session, start, end, where)

        def bare(sql: str) -> float:
            return timed(lambda: session.execute(text(sql)).scalar_one())

        period = f"day BETWEEN '{start}' AND '{end}'"
        figures["count_records_s"] = bare(
            f"SELECT count(*) FROM record WHERE kind = 'contact' AND {period}"
        )
        figures["count_facts_s"] = bare(f"SELECT count(*) FROM contact_fact WHERE {period}")
        pages: dict[str, float] = {}
        for dim in NAMES:
            pages[f"region/{dim}"] = timed(lambda d=dim: page(d, None))  # type: ignore[misc]
            if dim != "site":
                pages[f"site/{dim}"] = timed(lambda d=dim: page(d, site))  # type: ignore[misc]
        figures["pages_s"] = pages
        # Of which the statement alone (the rest is hiding small cells, in Python).
        figures["statements_s"] = {
            dim: timed(lambda d=dim: stats._cells(session, start, end, d))  # type: ignore[misc]
            for dim in NAMES
        }
        figures["activity_page_s"] = max(pages.values())
        figures["csv_theme_s"] = timed(
            lambda: write("csv", [stats.compute(session, start, end, ["theme"])], "fr", labeller)
        )
        figures["pair_public_theme_s"] = timed(
            lambda: stats.compute(session, start, end, ["public", "theme"])
        )

        def every_table() -> bytes:
            tables = [stats.compute(session, start, end, by) for by in ([], *([d] for d in NAMES))]
            return write("xlsx", tables, "fr", labeller)

        figures["xlsx_year_s"] = timed(every_table, repeat=1)
        size = session.execute(text("SELECT pg_database_size(current_database())")).scalar_one()
        figures["database_mb"] = round(int(size) / 2**20)
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--contacts", type=int, default=300_000)
    parser.add_argument("--seed", type=int, default=2025)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    with local_postgres(durable=True) as server:
        admin = make_engine(server.url("postgres"))
        with admin.connect() as connection:
            connection.execution_options(isolation_level="AUTOCOMMIT").execute(
                text("CREATE DATABASE region")
            )
        admin.dispose()
        engine = make_engine(server.url("region"))
        try:
            upgrade(engine)
            began = time.perf_counter()
            ids = load(engine, args.contacts, args.seed)
            loaded = time.perf_counter() - began
            figures = {"contacts": args.contacts, "sites": SITES, "load_s": round(loaded, 1)}
            figures.update(measure(engine, ids[0]))
        finally:
            engine.dispose()
    if args.json:
        print(json.dumps(figures, indent=2))
        return
    for key, value in figures.items():
        if isinstance(value, dict):
            for name, seconds in value.items():
                print(f"  {name:28} {seconds:8.3f} s")
        else:
            print(f"{key:30} {value}")


if __name__ == "__main__":
    main()
