"""A region's year at the hub, for ``aiguillage-hub bench`` (:mod:`devtools.hub_bench`).

1,200 reception sites of skewed sizes and their visits over one year, with their themes,
answers and referrals, all drawn from a seeded generator, stored through the hub's own
storing code (:func:`hub.push_store.store_push`, in large batches, not over HTTP).
"""

from __future__ import annotations

import random
import uuid
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import Engine, text
from sqlalchemy.orm import Session

from core.lists import DEFAULT_LISTS
from core.places import SMALL_COMMUNE, load_geography_file
from core.wire import PushRecord
from hub import push_store
from hub.config import make_engine
from hub.models import Site

# Last year: within what the hub keeps by default (hub.retention), whatever today is.
YEAR = date.today().year - 1
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
    # A counter sends most visitors to the partners of its own area, a few further away.
    nearby = rng.sample(partners, 30)
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
                    "structure_id": rng.choice(nearby if rng.random() < 0.85 else partners),
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


def largest_sites(url: str) -> list[str]:
    """The region's sites, the one with the most visits first."""
    engine = make_engine(url)
    with engine.connect() as connection:
        rows = connection.execute(
            text("SELECT site_id FROM contact_fact GROUP BY site_id ORDER BY count(*) DESC")
        )
        found = [str(site) for (site,) in rows]
    engine.dispose()
    return found
