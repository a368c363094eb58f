"""``aiguillage bench``: the design's performance figures, measured on this machine.

Each figure is measured on data the bench generates under ``AIGUILLAGE_HOME`` (never a
user's data), and beside it, where one exists, the raw cost of the same work without the
desk's code (a bare FTS5 query…), with the ratio of the two.
"""

from __future__ import annotations

import random
import statistics
import time
from collections.abc import Callable
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import delete, insert, select, text

from app.desk import Desk
from app.directory.hours import PARIS
from app.directory.search import SearchQuery, match_expression, reindex, search
from db.models import (
    Commune,
    Service,
    ServiceMode,
    ServicePublic,
    ServiceThematique,
    ServiceZone,
    Structure,
)

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
_WORDS = [
    "accompagnement",
    "orientation",
    "formation",
    "emploi",
    "apprentissage",
    "alternance",
    "métiers",
    "jeunes",
    "insertion",
    "conseil",
    "évolution",
    "professionnelle",
    "reconversion",
    "bilan",
    "compétences",
    "atelier",
    "information",
    "numérique",
    "mobilité",
    "logement",
    "santé",
    "handicap",
    "entreprise",
    "création",
    "artisanat",
    "commerce",
    "industrie",
    "aéronautique",
    "maritime",
    "logistique",
    "transport",
    "santé",
    "social",
    "aide",
    "soignant",
    "infirmier",
    "agriculture",
    "viticulture",
    "hôtellerie",
    "restauration",
    "tourisme",
    "bâtiment",
    "énergie",
    "informatique",
    "développement",
    "sécurité",
    "propreté",
    "petite",
    "enfance",
    "animation",
    "sport",
    "culture",
]
_STRUCTURES = (
    "Mission locale", "CIO", "Cap emploi", "France Travail", "Maison de l’emploi", "CCI",
    "Chambre de métiers", "Point information jeunesse", "Cité des métiers", "Espace emploi",
)  # fmt: skip
_HOURS = (
    "Mo-Fr 09:00-12:30,13:30-17:00; PH off",
    "Mo-Th 08:30-12:00,13:30-17:30; Fr 08:30-12:00; PH off",
    "Tu,Th 14:00-17:00",
    "Mo-Sa 09:00-18:00; PH off",
)


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def generate_directory(desk: Desk, services: int | None = None, seed: int = 7) -> None:
    """Replace the directory with ``services`` generated services over real communes."""
    services = services or SEARCH_SERVICES
    rng = random.Random(seed)
    with desk.sessions.begin() as session:
        for model in (ServiceZone, ServiceMode, ServicePublic, ServiceThematique, Service):
            session.execute(delete(model))
        session.execute(delete(Structure))
        communes = session.execute(
            select(Commune.insee, Commune.name, Commune.epci, Commune.departement).where(
                Commune.region == "93"
            )
        ).all()
        thematiques = session.scalars(
            text("SELECT DISTINCT value FROM nomenclature_mapping WHERE target = 'thematique'")
        ).all()
        now = datetime.now()
        structure_rows, service_rows = [], []
        zones, themes, publics, modes = [], [], [], []
        per_structure = 10
        for s in range(services // per_structure):
            insee, name, epci, dep = rng.choice(communes)
            structure_id = f"bench--s{s}"
            structure_rows.append({
                "id": structure_id, "source": "bench", "nom": f"{rng.choice(_STRUCTURES)} {name}",
                "commune": name, "code_insee": insee, "is_local": False, "updated_at": now,
                "reseaux_porteurs": [], "horaires_accueil": rng.choice(_HOURS),
            })  # fmt: skip
            for k in range(per_structure):
                service_id = f"{structure_id}-{k}"
                words = rng.sample(_WORDS, 12)
                service_rows.append({
                    "id": service_id, "structure_id": structure_id, "source": "bench",
                    "nom": " ".join(words[:3]).capitalize(), "description": " ".join(words),
                    "commune": name, "code_insee": insee, "is_local": False,
                    "updated_at": now, "mobilisable_par": [], "documents": [],
                    "date_maj": date.today() - timedelta(days=rng.randint(0, 400)),
                    "horaires_accueil": rng.choice(_HOURS),
                })  # fmt: skip
                zone = rng.choice([insee, epci or dep, dep, "france"])
                zones.append({"service_id": service_id, "code": zone})
                for code in rng.sample(list(thematiques), 2):
                    themes.append({"service_id": service_id, "code": code})
                publics.append(
                    {"service_id": service_id, "code": rng.choice(["tous-publics", "jeunes"])}
                )
                modes.append({"service_id": service_id, "kind": "accueil", "code": "en-presentiel"})
        connection = session.connection()
        connection.execute(insert(Structure), structure_rows)
        tables: list[tuple[type[Any], list[dict[str, Any]]]] = [
            (Service, service_rows),
            (ServiceZone, zones),
            (ServiceThematique, themes),
            (ServicePublic, publics),
            (ServiceMode, modes),
        ]
        for model, rows in tables:
            connection.execute(insert(model), rows)
        reindex(session)


def bench_search(desk: Desk) -> dict[str, Any]:
    """``search_p95_ms``: one search per keystroke of realistic queries over 50,000
    services, half of them for a visitor's commune; and a bare FTS5 query for comparison."""
    generate_directory(desk)
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
    p95 = _percentile(timings, 0.95)
    raw_p95 = _percentile(raw, 0.95)
    return {
        "search_p95_ms": round(p95, 2),
        "search_median_ms": round(statistics.median(timings), 2),
        "search_queries": len(timings),
        "search_raw_fts_p95_ms": round(raw_p95, 2),
        "search_ratio": round(p95 / raw_p95, 1) if raw_p95 else None,
    }


def bench_slip(desk: Desk) -> dict[str, Any]:
    """``slip_ms``: one A4 slip PDF of a full demo record, warm, median of 40; beside it a
    bare reportlab page with one paragraph in the same embedded font."""
    import io

    from reportlab.platypus import Paragraph, SimpleDocTemplate

    from app.directory import records
    from app.directory.demo import load_demo
    from app.slip import Site, _styles, render_slip

    service_id = "demo-spro-etm--ml-ouest-provence-cej"
    with desk.sessions.begin() as session:
        if session.get(Service, service_id) is None:
            load_demo(session)
    with desk.sessions() as session:
        detail = records.detail(session, service_id)
    site = Site("Cité des métiers d’Istres", "Place fictive, 13800 Istres", "0465710000")
    timings, raw = [], []
    style = _styles("a4", False)["body"]
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
        "slip_ratio": round(slip_ms / raw_ms, 1) if raw_ms else None,
    }


SYNC_CONTACTS = 100_000


def generate_contacts(
    desk: Desk,
    count: int,
    seed: int = 11,
    start: datetime = datetime(2025, 11, 24, 9, 0),
    step: timedelta = timedelta(minutes=5),
) -> None:
    """``count`` pending contacts, ``step`` apart from ``start``, written straight to the
    tables."""
    import uuid

    from db.models import Contact, ContactAnswer, ContactTheme

    rng = random.Random(seed)
    lists = {
        name: desk.lists.active_codes(name)
        for name in ("channel", "public", "age", "gender", "theme", "answer")
    }
    communes = ["13047", "13004", "13103", "13056", "13063", "13006", "13039", "hors-region"]
    with desk.sessions.begin() as session:
        connection = session.connection()
        for offset in range(0, count, 5000):
            contacts, themes, answers = [], [], []
            for n in range(offset, min(count, offset + 5000)):
                moment = start + step * n
                contact_id = str(uuid.UUID(int=rng.getrandbits(128), version=4))
                contacts.append({
                    "id": contact_id, "site_id": "bench", "moment_local": moment,
                    "moment_utc": moment - timedelta(hours=1), "time_known": True,
                    "channel": rng.choice(lists["channel"]), "public": rng.choice(lists["public"]),
                    "age": rng.choice(lists["age"]), "gender": rng.choice(lists["gender"]),
                    "commune": rng.choice(communes), "status": "active", "version": 1,
                    "synced_version": 0, "created_at": moment, "updated_at": moment,
                })  # fmt: skip
                themes.append({"contact_id": contact_id, "code": rng.choice(lists["theme"])})
                answers.append({"contact_id": contact_id, "code": rng.choice(lists["answer"])})
            connection.execute(insert(Contact), contacts)
            connection.execute(insert(ContactTheme), themes)
            connection.execute(insert(ContactAnswer), answers)


def bench_sync(desk: Desk) -> dict[str, Any]:
    """``sync_push_100k_s``: 100,000 pending contacts pushed to a hub under uvicorn on
    loopback, on a PostgreSQL started from the system's binaries."""
    import threading

    import uvicorn
    from sqlalchemy.orm import sessionmaker

    from app.sync import run as sync
    from hub import service
    from hub.api import create_app
    from hub.config import make_engine
    from hub.localpg import free_port, local_postgres
    from hub.migrate import upgrade

    generate_contacts(desk, SYNC_CONTACTS)
    with local_postgres() as postgres:
        import psycopg

        with psycopg.connect(
            host=postgres.host,
            port=postgres.port,
            user=postgres.user,
            dbname="postgres",
            autocommit=True,
        ) as pg:
            pg.execute("CREATE DATABASE hub_bench")
        engine = make_engine(postgres.url("hub_bench"))
        upgrade(engine)
        with sessionmaker(engine).begin() as session:
            site = service.add_site(session, "Bench")
            code, _expires = service.new_enrol_code(session, site.id)
        port = free_port()
        server = uvicorn.Server(
            uvicorn.Config(create_app(engine), host="127.0.0.1", port=port, log_level="warning")
        )
        thread = threading.Thread(target=server.run, daemon=True)
        thread.start()
        while not server.started:
            time.sleep(0.05)
        try:
            sync.enrol(desk, f"http://127.0.0.1:{port}", code)
            start = time.perf_counter()
            summary = sync.sync_once(desk)
            seconds = time.perf_counter() - start
        finally:
            server.should_exit = True
            thread.join(timeout=30)
            engine.dispose()
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

    from sqlalchemy import func

    from app.stats import compute, refresh
    from db.models import Contact

    with desk.sessions() as session:
        stored = session.scalar(select(func.count()).select_from(Contact)) or 0
    if stored < STATS_CONTACTS:
        # All in the year measured: the worst case, a year as busy as a whole region.
        year = timedelta(days=365) / STATS_CONTACTS
        generate_contacts(
            desk, STATS_CONTACTS - stored, seed=stored + 1, start=datetime(2026, 1, 1), step=year
        )
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
        "stats_ratio": round(ms / raw_ms, 1) if raw_ms else None,
        "stats_facts_built": built,
        "stats_facts_build_s": round(refresh_s, 1),
    }


BENCHES: dict[str, Callable[[Desk], dict[str, Any]]] = {
    "slip": bench_slip,
    "search": bench_search,
    "sync": bench_sync,
    "stats": bench_stats,
}


def run(only: list[str] | None = None) -> dict[str, Any]:
    """Run the benches (all, or those named) on a desk under ``AIGUILLAGE_HOME``."""
    import os

    # The bench's hub token must not land in the user's keyring.
    os.environ["AIGUILLAGE_NO_KEYRING"] = "1"
    desk = Desk.open(load_demo=False)
    figures: dict[str, Any] = {}
    try:
        for name, bench in BENCHES.items():
            if only and name not in only:
                continue
            figures.update(bench(desk))
    finally:
        desk.close()
    return figures
