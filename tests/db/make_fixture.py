"""Make the upgrade-test fixture of the current schema: a desk database with a record in
every table an agent cares about, and a manifest of what it must hold after an upgrade.

    python -m tests.db.make_fixture tests/db/fixtures

writes ``aiguillage-<revision>.sqlite3.gz`` and ``aiguillage-<revision>.json`` there. Run it
once per released schema version (each new migration), and keep the files of every earlier
release: ``test_upgrades`` opens each of them with the current code.

To keep the file small, the geography is taken out, together with its ``geography.edition``
setting: a desk opening a database whose edition differs from the shipped one loads the
geography again (``Desk.open``). The demo directory stays: a desk never loads it again once
it has (``directory.demo_loaded``), so the referrals, flags and favourites keep pointing at
services that exist.
"""

from __future__ import annotations

import gzip
import json
import shutil
import sqlite3
import sys
import tempfile
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import select

from app.desk import Desk
from app.directory import records
from app.intake.contact import ContactDraft
from app.intake.service import IntakeService
from app.paths import DeskPaths
from app.referrals.records import mark_printed
from app.stats.queries import compute
from app.sync.pull import STREAM
from app.sync.push import apply_results
from core.wire import PushResult
from db import migrate
from db.models import (
    Contact,
    DirectoryFlag,
    Favourite,
    Referral,
    Service,
    Setting,
    SyncQuarantine,
    SyncState,
)

PARIS = ZoneInfo("Europe/Paris")
NOW = datetime(2026, 11, 24, 10, 15, tzinfo=PARIS)
CEJ = "demo-spro-etm--ml-ouest-provence-cej"
CIO = "demo-spro-etm--cio-salon-entretien-orientation"
VAE = "demo-spro-etm--mde-ouest-provence-vae"
GEOGRAPHY = ("commune_alias", "commune_postcode", "commune", "epci", "departement", "region")
SETTINGS: dict[str, Any] = {
    "site.name": "Cité des métiers d’Istres",
    "site.address": "Allée Jean Jaurès, 13800 Istres",
    "site.phone": "04 42 00 00 00",
    "site.commune": "13047",
    "ui.language": "en",
    "defaults.channel": "telephone",
    "notes.retention_days": 90,
    "slip.format": "a5",
    "slip.direct": True,
    "stats.min_cell": 3,
    "hub.url": "https://hub.spro-etm.example.org",
    "site.id": "istres-cdm",
    "desk.id": "7d1f3c1e-2b7a-4f4e-9a43-0c6f55d2a001",
    "site.configured": True,
}
LOCAL_STRUCTURE = {
    "nom": "Point Info Jeunesse de Fos",
    "commune": "Fos-sur-Mer",
    "code_insee": "13039",
    "telephone": "04 65 71 99 01",
}
LOCAL_SERVICE = {
    "nom": "Permanence jobs d’été",
    "description": "Aide à la recherche d’un job d’été et à la rédaction du CV, sans"
    " rendez-vous le mercredi.",
    "horaires_accueil": "We 14:00-17:00",
    "documents": ["CV"],
}
REFUSAL = "commune inconnue du hub"


def _plain(value: Any) -> Any:
    return value.isoformat() if isinstance(value, date | datetime) else value


def pick(row: Any, keys: str) -> dict[str, Any]:
    """Some columns of a row, as JSON holds them (moments in ISO form)."""
    return {key: _plain(getattr(row, key)) for key in keys.split()}


CONTACT_KEYS = (
    "id status version synced_version moment_local time_known channel public age gender"
    " commune duration first_visit agent_code note"
)
REFERRAL_KEYS = (
    "id contact_id service_id structure_id service_name slip_code status version printed_at"
)
FLAG_KEYS = "id service_id reason comment status"
QUARANTINE_KEYS = "kind record_id version outcome reason"
SYNC_STATE_KEYS = "stream cursor etag last_success"


def draft(who: str, themes: str, answers: str, **extra: Any) -> ContactDraft:
    """A draft from ``"channel public age gender commune"`` and space-separated codes."""
    channel, public, age, gender, commune = who.split()
    return ContactDraft(
        channel, public, age, gender, commune, themes.split(), answers.split(), **extra
    )


def _printed_edited_cancelled(intake: IntakeService) -> list[str]:
    """A contact with its slip to print, one edited to a second version (its first referral
    cancelled, another one made), one cancelled."""
    printed = intake.save(
        draft(
            "sur-place jeune-non-scolarise 16-25 homme 13047",
            "alternance trouver-formation",
            "information orientation-partenaire",
            duration="15-30",
            first_visit=True,
            agent_code="MB",
            referrals=[CEJ],
        )
    )
    # Edited to a second version; its first referral is cancelled, another one made.
    edited = intake.save(
        draft("telephone salarie 26-44 femme 13103", "vae", "information", referrals=[CIO])
    )
    intake.edit(
        edited.id,
        draft(
            "telephone reconversion 26-44 femme 13004",
            "vae evolution-professionnelle",
            "orientation-partenaire",
            referrals=[VAE],
        ),
    )
    cancelled = intake.save(
        draft(
            "courriel etudiant 16-25 non-precise hors-region",
            "mobilite-internationale",
            "documentation",
        )
    )
    intake.cancel(cancelled.id)
    return [printed.id, edited.id, cancelled.id]


def _tally_noted_synced(intake: IntakeService) -> list[str]:
    """A tally of an earlier day, a contact with a note, one the hub will take."""
    # A tally of an earlier day, with no time of day.
    tally = intake.save(
        draft(
            "hors-les-murs scolaire moins-16 non-precise 13056",
            "decouvrir-metiers",
            "information",
            moment=datetime(2026, 11, 20),
            time_known=False,
        )
    )
    noted = intake.save(
        draft(
            "visio demandeur-emploi 45-54 homme 13063",
            "trouver-emploi",
            "rendez-vous",
            note="Documentation VAE remise, revient mardi",
        )
    )
    synced = intake.save(
        draft(
            "sur-place proche 55-plus femme 13201",
            "decrochage",
            "outil-autonomie",
            duration="moins-5",
            first_visit=False,
        )
    )
    return [tally.id, noted.id, synced.id]


def fill(desk: Desk) -> dict[str, Any]:
    """Put one of each record in the desk; returns the manifest of what it holds."""
    for key, value in SETTINGS.items():
        desk.settings.set(key, value)
    contact_ids = [*_printed_edited_cancelled(desk.intake), *_tally_noted_synced(desk.intake)]
    printed, noted, synced = contact_ids[0], contact_ids[4], contact_ids[5]

    with desk.sessions() as session:
        slip = session.scalars(select(Referral.id).where(Referral.contact_id == printed)).one()
    mark_printed(desk, [slip])
    with desk.sessions.begin() as session:
        flag_id = records.flag(session, CIO, "hours", "Fermé le vendredi après-midi")
        records.toggle_favourite(session, CEJ)
        records.toggle_favourite(session, VAE)
        local_id = records.add_local(session, LOCAL_STRUCTURE, LOCAL_SERVICE)
        stamp = NOW.astimezone(UTC).replace(tzinfo=None)
        # The hub took one contact and refused another's version (kept in quarantine).
        accepted = PushResult(kind="contact", id=synced, version=1, outcome="accepted")
        refused = PushResult(
            kind="contact", id=noted, version=1, outcome="rejected", reason=REFUSAL
        )
        apply_results(session, [accepted, refused], stamp)
        session.add(SyncState(stream=STREAM, cursor="000184", etag='W/"184"', last_success=stamp))
    with desk.sessions() as session:
        # A desk that showed its statistics once holds their facts.
        compute(session, date(2000, 1, 1), NOW.date(), [])
    return manifest(desk, contact_ids, flag_id, local_id)


def manifest(desk: Desk, contact_ids: list[str], flag_id: str, local_id: str) -> dict[str, Any]:
    with desk.sessions() as session:
        contacts = [session.get(Contact, i) for i in contact_ids]
        flag = session.get(DirectoryFlag, flag_id)
        local = session.get(Service, local_id)
        assert flag is not None and local is not None and None not in contacts
        stored = {s.key: s.value for s in session.scalars(select(Setting))}
        referrals = session.scalars(select(Referral).order_by(Referral.created_at))
        return {
            "revision": migrate.HEAD,
            "database": f"aiguillage-{migrate.HEAD}.sqlite3.gz",
            "made_with": "python -m tests.db.make_fixture tests/db/fixtures",
            "left_out": {
                "tables": list(GEOGRAPHY),
                "settings": ["geography.edition", "geography.centres"],
            },
            "active_contacts": sum(1 for c in contacts if c and c.status == "active"),
            "contacts": [
                {
                    **pick(c, CONTACT_KEYS),
                    "themes": [t.code for t in c.themes],
                    "answers": [a.code for a in c.answers],
                }
                for c in contacts
                if c is not None
            ],
            "referrals": [pick(r, REFERRAL_KEYS) for r in referrals],
            "directory_flags": [pick(flag, FLAG_KEYS)],
            "favourites": list(
                session.scalars(select(Favourite.service_id).order_by("service_id"))
            ),
            "local_services": [
                {
                    **pick(local, "id nom structure_id documents"),
                    "structure_nom": local.structure.nom,
                    "search": "jobs d ete",
                }
            ],
            "settings": {key: stored[key] for key in SETTINGS},
            "sync_quarantine": [
                pick(q, QUARANTINE_KEYS) for q in session.scalars(select(SyncQuarantine))
            ],
            "sync_state": [pick(s, SYNC_STATE_KEYS) for s in session.scalars(select(SyncState))],
        }


def shrink(database: Path) -> None:
    """Take out what a desk loads again on opening, and compact the file."""
    connection = sqlite3.connect(database)
    try:
        with connection:
            for table in GEOGRAPHY:
                connection.execute(f"DELETE FROM {table}")
            connection.execute(
                "DELETE FROM setting WHERE key IN ('geography.edition', 'geography.centres')"
            )
        connection.execute("VACUUM")
        # Everything in the file itself, which stays in WAL mode as a desk's does.
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        connection.close()


def make(folder: Path) -> Path:
    """Write the fixture of the current schema and its manifest in ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as work:
        home = Path(work)
        desk = Desk.open(DeskPaths(data=home, logs=home / "logs"), clock=lambda: NOW)
        try:
            content = fill(desk)
        finally:
            desk.close()
        shrink(home / "aiguillage.sqlite3")
        target: Path = folder / content["database"]
        # No file name and no time in the gzip header: nothing of this machine.
        with (
            (home / "aiguillage.sqlite3").open("rb") as source,
            target.open("wb") as raw,
            gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0) as packed,
        ):
            shutil.copyfileobj(source, packed)
    text = json.dumps(content, ensure_ascii=False, indent=1) + "\n"
    (folder / f"aiguillage-{migrate.HEAD}.json").write_text(text, encoding="utf-8")
    return target


if __name__ == "__main__":
    made = make(Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).parent / "fixtures")
    print(f"{made} ({made.stat().st_size // 1024} KB)")
