"""The data ``aiguillage bench`` measures on: a generated directory, stored contacts, and the
varied drafts an agent saves. Written under ``AIGUILLAGE_HOME``, never on a user's data.

Rows go in with ``executemany`` in one transaction per table batch, already in the form the
tables store (SQLAlchemy's SQLite date format), so that a million contacts take about a
minute.
"""

from __future__ import annotations

import random
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import Connection, delete, func, insert, select, text

from app.desk import Desk
from app.directory.search_index import reindex
from app.intake.contact import ContactDraft
from db.models import (
    Commune,
    Contact,
    Service,
    ServiceMode,
    ServicePublic,
    ServiceThematique,
    ServiceZone,
    Structure,
)

_WORDS = [
    "accompagnement", "orientation", "formation", "emploi", "apprentissage", "alternance",
    "métiers", "jeunes", "insertion", "conseil", "évolution", "professionnelle",
    "reconversion", "bilan", "compétences", "atelier", "information", "numérique",
    "mobilité", "logement", "santé", "handicap", "entreprise", "création", "artisanat",
    "commerce", "industrie", "aéronautique", "maritime", "logistique", "transport", "santé",
    "social", "aide", "soignant", "infirmier", "agriculture", "viticulture", "hôtellerie",
    "restauration", "tourisme", "bâtiment", "énergie", "informatique", "développement",
    "sécurité", "propreté", "petite", "enfance", "animation", "sport", "culture",
]  # fmt: skip
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
# Where the visitors of a desk in the Bouches-du-Rhône come from.
_COMMUNES = ["13047", "13004", "13103", "13056", "13063", "13006", "13039", "hors-region"]
# Notes are rare, short, and name nobody (the intake service refuses those that do).
_NOTES = (
    "Revient la semaine prochaine avec son CV",
    "Souhaite un rendez-vous avec un conseiller en évolution professionnelle",
    "Intéressée par l’alternance dans la logistique",
    "Rappeler pour l’atelier du mardi",
    "Dossier de VAE à compléter",
)
# Contacts per executemany: big enough to amortise, small enough to keep memory flat.
_CHUNK = 20_000
# Page cache while generating (KiB): random ids land all over the indexes.
_GENERATE_CACHE_KIB = 400_000


@contextmanager
def _large_cache(connection: Connection) -> Iterator[None]:
    """A large page cache on this pooled connection while generating, then its own back
    (the figures measured next must see the desk's usual cache)."""
    before = connection.exec_driver_sql("PRAGMA cache_size").scalar_one()
    connection.exec_driver_sql(f"PRAGMA cache_size=-{_GENERATE_CACHE_KIB}")
    try:
        yield
    finally:
        connection.exec_driver_sql(f"PRAGMA cache_size={int(before)}")


def generate_directory(desk: Desk, services: int, seed: int = 7) -> None:
    """Replace the directory with ``services`` generated services over real communes."""
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


def _stamp(moment: datetime) -> str:
    # How SQLAlchemy stores a DateTime in SQLite: comparisons must see the same text.
    return moment.isoformat(" ", "microseconds")


_INSERT_CONTACT = (
    "INSERT INTO contact (id, site_id, moment_local, moment_utc, time_known, channel, public,"
    " age, gender, commune, status, version, synced_version, created_at, updated_at)"
    " VALUES (?, 'bench', ?, ?, 1, ?, ?, ?, ?, ?, 'active', 1, 0, ?, ?)"
)


def generate_contacts(
    desk: Desk,
    count: int,
    seed: int = 11,
    start: datetime = datetime(2025, 11, 24, 9, 0),
    step: timedelta = timedelta(minutes=5),
) -> None:
    """``count`` pending contacts (one theme, one answer each), ``step`` apart from
    ``start``, written straight to the tables (the statistics' triggers fire as usual)."""
    rng = random.Random(seed)
    lists = {
        name: desk.lists.active_codes(name)
        for name in ("channel", "public", "age", "gender", "theme", "answer")
    }
    choice = rng.choice
    hour = timedelta(hours=1)
    with desk.sessions.begin() as session:
        connection = session.connection()
        with _large_cache(connection):
            for offset in range(0, count, _CHUNK):
                contacts, themes, answers = [], [], []
                for n in range(offset, min(count, offset + _CHUNK)):
                    moment = start + step * n
                    local = _stamp(moment)
                    contact_id = str(uuid.UUID(int=rng.getrandbits(128), version=4))
                    contacts.append((
                        contact_id, local, _stamp(moment - hour), choice(lists["channel"]),
                        choice(lists["public"]), choice(lists["age"]), choice(lists["gender"]),
                        choice(_COMMUNES), local, local,
                    ))  # fmt: skip
                    themes.append((contact_id, choice(lists["theme"])))
                    answers.append((contact_id, choice(lists["answer"])))
                connection.exec_driver_sql(_INSERT_CONTACT, contacts)
                connection.exec_driver_sql(
                    "INSERT INTO contact_theme (contact_id, code) VALUES (?, ?)", themes
                )
                connection.exec_driver_sql(
                    "INSERT INTO contact_answer (contact_id, code) VALUES (?, ?)", answers
                )


def stored_contacts(desk: Desk) -> int:
    with desk.sessions() as session:
        return int(session.scalar(select(func.count()).select_from(Contact)) or 0)


def fill_contacts(desk: Desk, target: int) -> int:
    """Bring the desk to ``target`` stored contacts; returns how many were added. The new
    ones all fall in 2026, the year the statistics bench counts: the worst case, a year as
    busy as a whole region."""
    stored = stored_contacts(desk)
    if stored >= target:
        return 0
    year = timedelta(days=365) / target
    generate_contacts(desk, target - stored, seed=stored + 1, start=datetime(2026, 1, 1), step=year)
    return target - stored


def contact_drafts(desk: Desk, count: int, seed: int = 23) -> list[ContactDraft]:
    """``count`` drafts as agents fill them in: one to three themes, one or two answers,
    a duration most of the time, now and then a note or an agent's code, and a referral
    to a directory service for about one visit in four (when the directory has any)."""
    rng = random.Random(seed)
    lists = {
        name: desk.lists.active_codes(name)
        for name in ("channel", "public", "age", "gender", "theme", "answer", "duration")
    }
    with desk.sessions() as session:
        services = list(
            session.scalars(
                select(Service.id)
                .where(Service.retired_at.is_(None))
                .order_by(func.random())
                .limit(300)
            )
        )
    drafts = []
    for _ in range(count):
        answers = rng.sample(lists["answer"], rng.choice((1, 1, 2)))
        referrals: list[str] = []
        if services and rng.random() < 0.25:
            referrals = rng.sample(services, rng.choice((1, 1, 1, 2)))
            if "orientation-partenaire" not in answers:
                answers.append("orientation-partenaire")
        drafts.append(
            ContactDraft(
                channel=rng.choice(lists["channel"]),
                public=rng.choice(lists["public"]),
                age=rng.choice(lists["age"]),
                gender=rng.choice(lists["gender"]),
                commune=rng.choice(_COMMUNES),
                themes=rng.sample(lists["theme"], rng.choice((1, 1, 2, 3))),
                answers=answers,
                duration=rng.choice(lists["duration"]) if rng.random() < 0.8 else None,
                first_visit=rng.choice((True, False, None)),
                agent_code=rng.choice(("AB", "CD1", None, None)),
                note=rng.choice(_NOTES) if rng.random() < 0.1 else None,
                referrals=referrals,
            )
        )
    return drafts
