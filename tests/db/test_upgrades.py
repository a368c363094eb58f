"""A database from every release opens with the current code, every record in it.

``fixtures/`` keeps one desk database per released schema version, gzip-compressed, made
by ``python -m tests.db.make_fixture`` with that release, beside a manifest of the records
it must hold. Each is opened as a desk would open it after an upgrade.
"""

from __future__ import annotations

import gzip
import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from alembic import command

from app.backup.health import problems
from app.desk import Desk
from app.directory.search import SearchQuery, search
from app.paths import DeskPaths
from app.stats.queries import compute
from core.places import GEOGRAPHY_EDITION
from db import migrate
from db.engine import create_desk_engine
from db.models import (
    DirectoryFlag,
    Favourite,
    Referral,
    Service,
    SyncQuarantine,
    SyncState,
)

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = Path(__file__).parent / "fixtures"
MANIFESTS = sorted(FIXTURES.glob("aiguillage-*.json"))


def _load(path: Path) -> dict[str, Any]:
    content: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return content


def test_the_current_schema_has_its_fixture() -> None:
    revisions = {_load(path)["revision"] for path in MANIFESTS}
    assert migrate.HEAD in revisions, (
        f"no fixture of schema {migrate.HEAD}: make it with"
        " `python -m tests.db.make_fixture tests/db/fixtures` and keep the older ones"
    )


@pytest.mark.parametrize("manifest_path", MANIFESTS, ids=lambda path: path.stem)
def test_a_database_of_a_release_opens_with_every_record(
    manifest_path: Path, tmp_path: Path
) -> None:
    manifest = _load(manifest_path)
    home = tmp_path / "home"
    database = unpack(manifest, home)

    desk = Desk.open(DeskPaths(data=home, logs=home / "logs"), load_demo=False)
    try:
        with desk.engine.connect() as connection:
            assert migrate.current_revision(connection) == migrate.HEAD
        check_backup(desk, manifest)
        check_contacts(desk, manifest)
        check_directory(desk, manifest)
        check_settings_and_sync(desk, manifest)
        # The geography left out of the file is back.
        assert desk.settings.get("geography.edition") == GEOGRAPHY_EDITION
        assert desk.geography.check_code("13047") == "13047"
        with desk.sessions() as session:
            total = compute(session, date(2000, 1, 1), date.today() + timedelta(days=1), [])
        assert total.total == manifest["active_contacts"]
    finally:
        desk.close()
    check_sound(database)


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL to kill a desk")
def test_a_desk_killed_during_an_upgrade_keeps_its_database_as_it_was(tmp_path: Path) -> None:
    manifest = _load(FIXTURES / f"aiguillage-{migrate.HEAD}.json")
    home = tmp_path / "home"
    database = unpack(manifest, home)
    # The schema one step behind, as the current scripts take it back.
    engine = create_desk_engine(database)
    command.downgrade(migrate.alembic_config(engine), "-1")
    engine.dispose()
    before = schema(database)

    killed = subprocess.run(
        [sys.executable, "-m", "tests.db.upgrade_killer", str(home)],
        cwd=ROOT,
        env={**os.environ, "AIGUILLAGE_HOME": str(home), "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert killed.returncode == -signal.SIGKILL, killed.stderr[-3000:]
    # Nothing of the upgrade stayed: no table half made, the old revision.
    assert schema(database) == before
    check_sound(database)

    desk = Desk.open(DeskPaths(data=home, logs=home / "logs"), load_demo=False)
    try:
        with desk.engine.connect() as connection:
            assert migrate.current_revision(connection) == migrate.HEAD
        assert len(desk.backups_made) == 1
        check_contacts(desk, manifest)
    finally:
        desk.close()


def unpack(manifest: dict[str, Any], home: Path) -> Path:
    """The fixture's database, decompressed as the desk database under ``home``."""
    home.mkdir()
    database = home / "aiguillage.sqlite3"
    with gzip.open(FIXTURES / manifest["database"]) as packed, database.open("wb") as target:
        shutil.copyfileobj(packed, target)
    return database


def schema(database: Path) -> tuple[str, list[tuple[str, str]]]:
    """The revision and every table, index and trigger of ``database``."""
    connection = sqlite3.connect(database)
    try:
        revision = connection.execute("SELECT version_num FROM alembic_version").fetchone()[0]
        names = connection.execute("SELECT type, name FROM sqlite_master ORDER BY type, name")
        return revision, names.fetchall()
    finally:
        connection.close()


def check_sound(database: Path) -> None:
    """SQLite's integrity check and foreign keys, as ``aiguillage check`` reads them."""
    assert problems(database) == []


def check_backup(desk: Desk, manifest: dict[str, Any]) -> None:
    """A database older than the code is copied, as it was, before it is upgraded."""
    if manifest["revision"] == migrate.HEAD:
        assert desk.backups_made == []
        return
    assert len(desk.backups_made) == 1
    copy = sqlite3.connect(f"file:{desk.backups_made[0]}?mode=ro", uri=True)
    try:
        revision = copy.execute("SELECT version_num FROM alembic_version").fetchone()
        contacts = copy.execute("SELECT count(*) FROM contact").fetchone()
    finally:
        copy.close()
    assert (revision[0], contacts[0]) == (manifest["revision"], len(manifest["contacts"]))


def held(row: Any, expected: dict[str, Any]) -> dict[str, Any]:
    """The fields of ``row`` the manifest names, as JSON holds them."""
    found = {}
    for key in expected:
        value = getattr(row, key)
        if isinstance(value, date | datetime):
            value = value.isoformat()
        found[key] = list(value) if isinstance(value, tuple) else value
    return found


def check_contacts(desk: Desk, manifest: dict[str, Any]) -> None:
    for expected in manifest["contacts"]:
        assert held(desk.intake.get(expected["id"]), expected) == expected
    with desk.sessions() as session:
        for expected in manifest["referrals"]:
            referral = session.get(Referral, expected["id"])
            assert referral is not None, expected["id"]
            assert held(referral, expected) == expected


def check_directory(desk: Desk, manifest: dict[str, Any]) -> None:
    with desk.sessions() as session:
        for expected in manifest["directory_flags"]:
            flag = session.get(DirectoryFlag, expected["id"])
            assert flag is not None, expected["id"]
            assert held(flag, expected) == expected
        for service_id in manifest["favourites"]:
            assert session.get(Favourite, service_id) is not None, service_id
            assert session.get(Service, service_id) is not None, service_id
        for expected in manifest["local_services"]:
            service = session.get(Service, expected["id"])
            assert service is not None, expected["id"]
            fields = {k: v for k, v in expected.items() if k not in ("structure_nom", "search")}
            assert held(service, fields) == fields
            assert service.structure.nom == expected["structure_nom"]
            assert service.is_local and service.structure.is_local
            # Still found by the agent's search (its full-text index came through).
            hits = search(session, SearchQuery(text=expected["search"]))
            assert expected["id"] in [hit.service_id for hit in hits]


def check_settings_and_sync(desk: Desk, manifest: dict[str, Any]) -> None:
    for key, value in manifest["settings"].items():
        assert desk.settings.get(key) == value, key
    with desk.sessions() as session:
        for expected in manifest["sync_quarantine"]:
            row = session.get(
                SyncQuarantine, (expected["kind"], expected["record_id"], expected["version"])
            )
            assert row is not None, expected
            assert held(row, expected) == expected
        for expected in manifest["sync_state"]:
            state = session.get(SyncState, expected["stream"])
            assert state is not None, expected["stream"]
            if expected["stream"] == "directory" and manifest["revision"] < "0009":
                # 0009 reads the directory's stream again once (a desk of protocol 4 was
                # moved past the kinds it did not know): its cursor, and only it, is reset.
                expected = {**expected, "cursor": None, "etag": None}
            assert held(state, expected) == expected
