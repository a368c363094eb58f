"""Backups: made with SQLite's backup API, restored safely, taken before an upgrade."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from app.backup.copies import list_backups, make_backup, restore_backup
from app.backup.health import problems
from app.desk import Desk
from app.paths import DeskPaths
from app.stats import queries as stats
from core.errors import DeskError
from db import migrate
from tests.app.backup.visits import contact_ids, visit
from tests.conftest import FakeClock


def test_a_backup_is_a_sound_copy_holding_every_contact(desk: Desk) -> None:
    saved = {desk.intake.save(visit()).id for _ in range(3)}
    path = make_backup(desk.paths.database, desk.paths.backups)
    assert problems(path) == []
    assert contact_ids(path) == saved
    assert [b.path for b in list_backups(desk.paths.backups)] == [path]


def test_restore_puts_the_backup_back_and_keeps_a_copy_of_the_current_database(
    desk: Desk,
) -> None:
    first = desk.intake.save(visit()).id
    backup = make_backup(desk.paths.database, desk.paths.backups)
    later = desk.intake.save(visit("salarie")).id
    desk.close()
    safety = restore_backup(backup, desk.paths.database, desk.paths.backups)
    assert contact_ids(desk.paths.database) == {first}
    assert safety is not None and contact_ids(safety) == {first, later}


def test_an_unsound_backup_is_refused_and_changes_nothing(desk: Desk, tmp_path: Path) -> None:
    kept = desk.intake.save(visit()).id
    bogus = tmp_path / "aiguillage-20261124-101500-manuelle.sqlite3"
    bogus.write_bytes(b"SQLite format 3\x00" + b"\x00" * 200)
    with pytest.raises(DeskError) as caught:
        restore_backup(bogus, desk.paths.database, desk.paths.backups)
    assert caught.value.text("fr").startswith("Cette sauvegarde est inutilisable")
    other = tmp_path / "other.sqlite3"
    sqlite3.connect(other).execute("CREATE TABLE t (x)").connection.commit()
    with pytest.raises(DeskError) as caught:
        restore_backup(other, desk.paths.database, desk.paths.backups)
    assert "pas une base Aiguillage" in caught.value.text("fr")
    with pytest.raises(DeskError) as caught:
        restore_backup(tmp_path / "absent.sqlite3", desk.paths.database, desk.paths.backups)
    assert caught.value.text("fr").startswith("Sauvegarde introuvable")
    assert contact_ids(desk.paths.database) == {kept}
    assert list_backups(desk.paths.backups) == []


def test_restore_over_a_damaged_database_sets_the_damaged_file_aside(desk: Desk) -> None:
    kept = desk.intake.save(visit()).id
    backup = make_backup(desk.paths.database, desk.paths.backups)
    desk.close()
    database = desk.paths.database
    for suffix in ("-wal", "-shm"):
        Path(f"{database}{suffix}").unlink(missing_ok=True)
    raw = bytearray(database.read_bytes())
    raw[4096 : 4096 * 3] = b"\xff" * (4096 * 2)
    database.write_bytes(bytes(raw))
    assert problems(database)
    assert restore_backup(backup, database, desk.paths.backups) is None
    assert contact_ids(database) == {kept}
    assert list(database.parent.glob("aiguillage.sqlite3.endommagee-*"))


def test_start_up_backs_up_then_really_upgrades_an_older_database(tmp_path: Path) -> None:
    from db.engine import create_desk_engine

    paths = DeskPaths(data=tmp_path, logs=tmp_path / "logs")
    engine = create_desk_engine(paths.database)
    migrate.upgrade(engine, "0001")  # the schema of the first release
    with engine.begin() as connection:
        connection.exec_driver_sql(
            "INSERT INTO contact (id, site_id, moment_local, moment_utc, time_known, channel,"
            " public, age, gender, commune, status, version, synced_version, created_at,"
            " updated_at) VALUES ('11111111-1111-4111-8111-111111111111', 'local',"
            " '2026-01-05 10:00:00', '2026-01-05 09:00:00', 1, 'sur-place', 'scolaire',"
            " 'moins-16', 'femme', '13047', 'active', 1, 0, '2026-01-05 09:00:00',"
            " '2026-01-05 09:00:00')"
        )
    engine.dispose()
    desk = Desk.open(paths, load_demo=False)
    try:
        assert not migrate.needs_upgrade(desk.engine)
        assert desk.intake.get("11111111-1111-4111-8111-111111111111").commune == "13047"
        with desk.sessions() as session:  # counted by the statistics of migration 0005
            day = date(2026, 1, 5)
            assert stats.compute(session, day, day, ["public"]).rows == [
                {"public": "scolaire", "count": 1}
            ]
    finally:
        desk.close()
    (backup,) = list_backups(paths.backups)
    assert backup.reason == "avant-mise-a-jour" and problems(backup.path) == []
    assert contact_ids(backup.path) == {"11111111-1111-4111-8111-111111111111"}
    copy = sqlite3.connect(backup.path)
    assert copy.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)
    copy.close()


def test_a_backup_from_a_newer_release_is_refused_before_anything_changes(desk: Desk) -> None:
    kept = desk.intake.save(visit()).id
    backup = make_backup(desk.paths.database, desk.paths.backups)
    connection = sqlite3.connect(backup)
    connection.execute("UPDATE alembic_version SET version_num = '9999'")
    connection.commit()
    connection.close()
    with pytest.raises(DeskError) as caught:
        restore_backup(backup, desk.paths.database, desk.paths.backups)
    assert "version plus récente" in caught.value.text("fr")
    assert contact_ids(desk.paths.database) == {kept}
    assert len(list_backups(desk.paths.backups)) == 1


def test_a_database_from_a_newer_release_is_refused_untouched(home: Path) -> None:
    database = home / "aiguillage.sqlite3"
    connection = sqlite3.connect(database)
    connection.execute("UPDATE alembic_version SET version_num = '9999'")
    connection.commit()
    connection.close()
    with pytest.raises(DeskError) as caught:
        Desk.open(DeskPaths(data=home, logs=home / "logs"))
    assert "version plus récente d’Aiguillage (9999)" in caught.value.text("fr")
    assert list_backups(home / "backups") == []


def test_a_file_that_is_not_a_database_is_reported_as_damaged(home: Path) -> None:
    database = home / "aiguillage.sqlite3"
    database.write_bytes(b"this is not a database" * 100)
    with pytest.raises(DeskError) as caught:
        Desk.open(DeskPaths(data=home, logs=home / "logs"))
    assert caught.value.text("fr").startswith("La base de données est endommagée")


def test_the_rotation_keeps_seven_days_four_weeks_and_every_manual_copy(
    desk: Desk, tmp_path: Path
) -> None:
    from datetime import datetime, timedelta

    from app.backup.copies import DAILY, prune

    folder = tmp_path / "backups"
    first = datetime(2026, 9, 1, 8, 30)

    def at(moment: datetime) -> Callable[[], datetime]:
        return lambda: moment

    # Eighty-five days of daily copies, upgrades now and then, two manual copies.
    for n in range(85):
        make_backup(desk.paths.database, folder, DAILY, at(first + timedelta(days=n)))
    for n in range(0, 85, 10):
        make_backup(desk.paths.database, folder, "avant-mise-a-jour",
                    at(first + timedelta(days=n, hours=2)))  # fmt: skip
    for n in (3, 50):
        make_backup(desk.paths.database, folder, "manuelle",
                    at(first + timedelta(days=n, hours=3)))  # fmt: skip
    prune(folder)
    kept = list_backups(folder)
    daily = sorted(b.moment.date() for b in kept if b.reason == DAILY)
    last = (first + timedelta(days=84)).date()
    # The last seven days, then the newest older copy of each of the four weeks before.
    assert daily[-7:] == [last - timedelta(days=n) for n in range(6, -1, -1)]
    weekly = daily[:-7]
    assert len(weekly) == 4
    assert len({d.isocalendar()[:2] for d in weekly}) == 4
    assert all(d.weekday() == 6 or d == last - timedelta(days=7) for d in weekly)
    assert len([b for b in kept if b.reason == "avant-mise-a-jour"]) == 5
    assert len([b for b in kept if b.reason == "manuelle"]) == 2


def test_the_daily_copy_is_taken_once_a_day(desk: Desk) -> None:
    from datetime import datetime

    from app.backup.copies import daily_backup

    day_one = lambda: datetime(2026, 11, 23, 8, 0)  # noqa: E731
    day_two = lambda: datetime(2026, 11, 24, 8, 0)  # noqa: E731
    assert daily_backup(desk.paths.database, desk.paths.backups, day_one) is not None
    assert daily_backup(desk.paths.database, desk.paths.backups, day_one) is None
    made = daily_backup(desk.paths.database, desk.paths.backups, day_two)
    assert made is not None and problems(made) == []
    assert [b.reason for b in list_backups(desk.paths.backups)] == ["quotidienne"] * 2


OLD_NOTE = "ancienne remarque : atelier cv à préparer"
RECENT_NOTE = "récente remarque : revoir l’offre de formation"


def holds(path: Path, text: str) -> bool:
    """Whether the file's bytes hold ``text`` anywhere, free pages included."""
    return text.encode("utf-8") in path.read_bytes()


def test_no_backup_keeps_a_note_past_the_retention_period(desk: Desk, clock: FakeClock) -> None:
    from dataclasses import replace
    from datetime import timedelta

    from app.backup.health import check_backup

    aged = (clock.now - timedelta(days=25)).replace(tzinfo=None)
    old = desk.intake.save(replace(visit(), note=OLD_NOTE, moment=aged)).id
    recent = desk.intake.save(replace(visit("salarie"), note=RECENT_NOTE)).id
    manual = make_backup(desk.paths.database, desk.paths.backups, now=desk.intake.local_now)
    # Damaged files set aside 25 days ago and today: they cannot be scrubbed.
    aside = {
        when: desk.paths.database.with_name(
            f"{desk.paths.database.name}.endommagee-{moment:%Y%m%d-%H%M%S}"
        )
        for when, moment in (("old", aged), ("new", clock.now))
    }
    for path in aside.values():
        path.write_bytes(OLD_NOTE.encode())
    daily = desk.keep_backups()
    assert daily is not None
    assert holds(manual, OLD_NOTE) and holds(daily, OLD_NOTE)  # 25 days: still kept
    clock.advance(10 * 24 * 3600)  # the old note is now 35 days old, past 30
    # A copy taken before the desk's own purge holds it no more.
    early = make_backup(desk.paths.database, desk.paths.backups, "manuelle", desk.intake.local_now)
    assert not holds(early, OLD_NOTE) and holds(early, RECENT_NOTE)
    assert desk.purge_notes() == 1
    assert desk.keep_backups() is not None  # the new day's copy, then every copy scrubbed
    # The file set aside before the retention period is gone, the recent one kept.
    assert not aside["old"].exists() and aside["new"].exists()
    backups = list_backups(desk.paths.backups)
    assert {manual, daily, early} <= {b.path for b in backups} and len(backups) == 4
    for backup in backups:
        assert not holds(backup.path, OLD_NOTE), backup.path.name
        assert holds(backup.path, RECENT_NOTE)
        assert problems(backup.path) == []
        check_backup(backup.path)
        assert not list(desk.paths.backups.glob("*.partial"))
    # The live database keeps no trace either, journal included.
    for suffix in ("", "-wal"):
        live = Path(f"{desk.paths.database}{suffix}")
        assert not (live.exists() and holds(live, OLD_NOTE)), suffix
    # A scrubbed copy restores: the visits all there, the old note gone, the recent kept.
    desk.close()
    restore_backup(manual, desk.paths.database, desk.paths.backups)
    connection = sqlite3.connect(desk.paths.database)
    try:
        notes = dict(connection.execute("SELECT id, note FROM contact").fetchall())
    finally:
        connection.close()
    assert notes == {old: None, recent: RECENT_NOTE}


@pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")
def test_the_desk_s_files_are_readable_by_the_user_only(tmp_path: Path) -> None:
    import logging

    from app.logs import LOG_NAME, logger, setup_logging

    def mode(path: Path) -> int:
        return path.stat().st_mode & 0o777

    before = os.umask(0o022)  # a usual desktop: files readable by every account
    try:
        paths = DeskPaths(data=tmp_path / "poste", logs=tmp_path / "journaux")
        desk = Desk.open(paths, load_demo=False)
        try:
            desk.intake.save(visit())
            made = make_backup(paths.database, paths.backups)
            log = setup_logging(paths)
            logger("test").info("une ligne")
            for handler in logging.getLogger("aiguillage").handlers:
                handler.flush()
            database = paths.database
            files = [database, Path(f"{database}-wal"), Path(f"{database}-shm"), made, log]
            assert {f.name: mode(f) for f in files} == {f.name: 0o600 for f in files}
            folders = [paths.data, paths.backups, paths.logs]
            assert {str(f): mode(f) for f in folders} == {str(f): 0o700 for f in folders}
        finally:
            desk.close()
            for handler in list(logging.getLogger("aiguillage").handlers):
                if getattr(handler, "baseFilename", "").endswith(LOG_NAME):
                    logging.getLogger("aiguillage").removeHandler(handler)
                    handler.close()
        # Files of an older release, readable by all, are tightened at the next start.
        for path in [*files, *folders]:
            if path.exists():
                path.chmod(0o755 if path.is_dir() else 0o644)
        desk = Desk.open(paths, load_demo=False)
        try:
            desk.intake.save(visit())
            assert {f.name: mode(f) for f in files} == {f.name: 0o600 for f in files}
            assert {str(f): mode(f) for f in folders} == {str(f): 0o700 for f in folders}
        finally:
            desk.close()
    finally:
        os.umask(before)
