"""``aiguillage bench``: the design's performance figures, measured on this machine.

Each figure is measured on data the bench generates under ``AIGUILLAGE_HOME`` (never a
user's data, see :mod:`devtools.bench_data`), and beside it, where one exists, the raw cost of
the same work without the desk's code (a bare FTS5 query, an empty Qt window…), with the
ratio of the two. Every figure of the design's table comes with its goal and whether this
machine meets it.
"""

from __future__ import annotations

import os
import statistics
import time
from collections.abc import Callable
from datetime import datetime
from typing import Any

from sqlalchemy import text

from app.desk import Desk
from app.directory.search import SearchQuery, search
from app.directory.search_index import match_expression
from core.hours import PARIS
from db.models import Service
from devtools.bench_data import fill_contacts, generate_contacts, generate_directory
from devtools.bench_desk import bench_contact_save, bench_first_start, bench_startup
from devtools.bench_import import bench_import
from devtools.measure import percentile, ratio

# The design's table ("What fast and safe mean here"): each figure is to stay below its goal.
GOALS: dict[str, float] = {
    "startup_s": 0.6,
    "startup_ratio": 4,
    "first_start_s": 1.2,
    "rss_mb": 250,
    "contact_save_ms_p99": 20,
    "contact_import_100k_s": 20,
    "contact_import_100k_mb": 300,
    "search_p95_ms": 30,
    "slip_ms": 100,
    "stats_year_ms": 500,
    "sync_push_100k_s": 30,
}

SEARCH_SERVICES = 50_000
# What agents type, a keystroke at a time (typos included, as they happen).
QUERIES = (
    "mission locale",
    "apprentissage",
    "cap emploi",
    "validation des acquis",
    "aeronotique",
    "formation aide soignant",
    "permis de conduire",
    "creation entreprise",
    "orientation scolaire",
    "logement jeunes",
)


def bench_search(desk: Desk) -> dict[str, Any]:
    """``search_p95_ms``: one search per keystroke of realistic queries over 50,000
    services, half of them for a visitor's commune; and a bare FTS5 query for comparison."""
    generate_directory(desk, SEARCH_SERVICES)
    typed = [q[:n] for q in QUERIES for n in range(2, len(q) + 1) if not q[:n].endswith(" ")]
    now = datetime(2026, 11, 24, 10, tzinfo=PARIS)
    timings: list[float] = []
    raw: list[float] = []
    with desk.sessions() as session:
        connection = session.connection()
        for round_ in range(2):
            for index, prefix in enumerate(typed):
                commune = "13047" if (index + round_) % 2 else None
                start = time.perf_counter()
                search(session, SearchQuery(text=prefix, commune=commune, limit=30), now=now)
                timings.append((time.perf_counter() - start) * 1000)
                expression = match_expression(session, prefix)
                if not expression:
                    continue
                start = time.perf_counter()
                connection.execute(
                    text(
                        "SELECT service_id FROM service_fts WHERE service_fts MATCH :q"
                        " ORDER BY rank LIMIT 30"
                    ),
                    {"q": expression},
                ).all()
                raw.append((time.perf_counter() - start) * 1000)
    p95 = percentile(timings, 0.95)
    raw_p95 = percentile(raw, 0.95)
    return {
        "search_p95_ms": round(p95, 2),
        "search_median_ms": round(statistics.median(timings), 2),
        "search_queries": len(timings),
        "search_raw_fts_p95_ms": round(raw_p95, 2),
        "search_ratio": ratio(p95, raw_p95),
    }


def bench_slip(desk: Desk) -> dict[str, Any]:
    """``slip_ms``: one A4 slip PDF of a full demo record, warm, median of 40; beside it a
    bare reportlab page with one paragraph in the same embedded font."""
    import io

    from reportlab.platypus import Paragraph, SimpleDocTemplate

    from app.directory import records
    from app.directory.demo import load_demo
    from app.referrals.slip import Site, render_slip
    from app.referrals.slip_story import styles_for

    service_id = "demo-spro-etm--ml-ouest-provence-cej"
    with desk.sessions.begin() as session:
        if session.get(Service, service_id) is None:
            load_demo(session)
    with desk.sessions() as session:
        detail = records.detail(session, service_id)
    site = Site("Cité des métiers d’Istres", "Place fictive, 13800 Istres", "0465710000")
    timings, raw = [], []
    style = styles_for("a4", False)["body"]
    for _ in range(41):
        start = time.perf_counter()
        render_slip(detail, site, "K7M-42Q", fmt="a4")
        timings.append((time.perf_counter() - start) * 1000)
        start = time.perf_counter()
        SimpleDocTemplate(io.BytesIO()).build([Paragraph("Vous êtes orienté·e vers", style)])
        raw.append((time.perf_counter() - start) * 1000)
    slip_ms = statistics.median(timings[1:])
    raw_ms = statistics.median(raw[1:])
    return {
        "slip_ms": round(slip_ms, 1),
        "slip_raw_reportlab_ms": round(raw_ms, 1),
        "slip_ratio": ratio(slip_ms, raw_ms),
    }


SYNC_CONTACTS = 100_000


def bench_sync(desk: Desk) -> dict[str, Any]:
    """``sync_push_100k_s``: 100,000 pending contacts pushed to a hub served in a process
    of its own (``aiguillage-hub serve``) on loopback, on a PostgreSQL started from the
    system's binaries with fsync on, as a real hub runs. When PostgreSQL cannot start, its
    own words are the figure's."""
    from hub.localpg import PostgresFailed

    try:
        return _bench_sync(desk)
    except (PostgresFailed, FileNotFoundError) as error:
        return {"sync_push_100k_s": None, "sync_error": str(error)}


def _bench_sync(desk: Desk) -> dict[str, Any]:
    from unittest.mock import patch

    from sqlalchemy.orm import sessionmaker

    from app.sync import run as sync
    from devtools.hub_burst import served
    from hub import service
    from hub.config import make_engine
    from hub.localpg import local_postgres
    from hub.migrate import upgrade

    generate_contacts(desk, SYNC_CONTACTS)
    # The enrolment code is hashed here and checked by the hub's process: one key for both
    # (and none written to the user's folder).
    key = {"AIGUILLAGE_HUB_SECRET": os.environ.get("AIGUILLAGE_HUB_SECRET", "bench-" + "k" * 58)}
    with patch.dict(os.environ, key), local_postgres(durable=True) as postgres:
        import psycopg

        with psycopg.connect(
            host=postgres.host,
            port=postgres.port,
            user=postgres.user,
            dbname="postgres",
            autocommit=True,
        ) as pg:
            pg.execute("CREATE DATABASE hub_bench")
        url = postgres.url("hub_bench")
        engine = make_engine(url)
        upgrade(engine)
        with sessionmaker(engine).begin() as session:
            site = service.add_site(session, "Bench")
            code, _expires = service.new_enrol_code(session, site.id)
        engine.dispose()
        # The hub in a process of its own, as a desk meets it: its work is not the desk's.
        with served(url, workers=1, tree=None) as address:
            sync.enrol(desk, address, code)
            start = time.perf_counter()
            summary = sync.sync_once(desk)
            seconds = time.perf_counter() - start
    return {
        "sync_push_100k_s": round(seconds, 1),
        "sync_pushed": summary.pushed,
        "sync_pending_after": summary.pending,
        "sync_records_per_s": round(summary.pushed / seconds) if seconds else None,
    }


STATS_CONTACTS = 1_000_000


def bench_stats(desk: Desk) -> dict[str, Any]:
    """``stats_year_ms``: a year's statistics by two dimensions (public × theme) over
    1,000,000 stored contacts; beside it a bare one-column GROUP BY on the same rows."""
    from datetime import date

    from app.stats.queries import compute, refresh

    fill_contacts(desk, STATS_CONTACTS)
    # The facts of new contacts are built at the first count after them: timed apart.
    with desk.sessions() as session:
        begin = time.perf_counter()
        built = refresh(session)
        refresh_s = time.perf_counter() - begin
    start, end = date(2026, 1, 1), date(2026, 12, 31)
    timings, raw = [], []
    with desk.sessions() as session:
        for _ in range(4):
            begin = time.perf_counter()
            compute(session, start, end, ["public", "theme"])
            timings.append((time.perf_counter() - begin) * 1000)
            begin = time.perf_counter()
            session.execute(
                text(
                    "SELECT public, count(*) FROM contact WHERE moment_local >= :a"
                    " AND moment_local < :b GROUP BY public"
                ),
                {"a": datetime(2026, 1, 1), "b": datetime(2027, 1, 1)},
            ).all()
            raw.append((time.perf_counter() - begin) * 1000)
    ms, raw_ms = statistics.median(timings[1:]), statistics.median(raw[1:])
    return {
        "stats_year_ms": round(ms, 1),
        "stats_contacts": STATS_CONTACTS,
        "stats_raw_group_by_ms": round(raw_ms, 1),
        "stats_ratio": ratio(ms, raw_ms),
        "stats_facts_built": built,
        "stats_facts_build_s": round(refresh_s, 1),
    }


# In this order, the stored contacts reach 1,000,000 once (stats), the saves then find them
# there, and the window starts last, on the fullest desk.
BENCHES: dict[str, Callable[[Desk], dict[str, Any]]] = {
    "first_start": bench_first_start,
    "slip": bench_slip,
    "search": bench_search,
    "sync": bench_sync,
    "contact_import": bench_import,
    "stats": bench_stats,
    "contact_save": bench_contact_save,
    "startup": bench_startup,
}


def judge(figures: dict[str, Any]) -> dict[str, Any]:
    """The figures with the goals of those measured, and whether each is met."""
    measured = {key: goal for key, goal in GOALS.items() if figures.get(key) is not None}
    return {
        **figures,
        "goals": measured,
        "goals_met": {key: figures[key] <= goal for key, goal in measured.items()},
    }


def run(only: list[str] | None = None) -> dict[str, Any]:
    """Run the benches (all, or those named) on a desk under ``AIGUILLAGE_HOME``."""
    # The bench's hub token must not land in the user's keyring.
    os.environ["AIGUILLAGE_NO_KEYRING"] = "1"
    begin = time.perf_counter()
    desk = Desk.open(load_demo=False)
    figures: dict[str, Any] = {}
    try:
        for name, bench in BENCHES.items():
            if only and name not in only:
                continue
            figures.update(bench(desk))
    finally:
        desk.close()
    figures["bench_wall_s"] = round(time.perf_counter() - begin, 1)
    return judge(figures)
