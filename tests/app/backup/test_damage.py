"""A damaged, cut or empty database: named as damage with the latest sound backup, and the
way back to it; an empty file never backed up is a first start."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from app.backup.copies import list_backups, make_backup
from app.backup.health import problems
from app.desk import Desk
from app.paths import DeskPaths
from tests.app.backup.visits import contact_ids, visit


def damage(database: Path) -> None:
    """Overwrite pages in the middle of the file, as a failing disk would."""
    raw = bytearray(database.read_bytes())
    middle = len(raw) // 2
    raw[middle : middle + 16384] = b"\xde\xad\xbe\xef" * 4096
    database.write_bytes(bytes(raw))


def test_a_damaged_database_is_named_with_the_latest_sound_backup(desk: Desk, home: Path) -> None:
    import subprocess
    import sys

    from app.backup.copies import latest_sound

    kept = desk.intake.save(visit()).id
    sound = make_backup(desk.paths.database, desk.paths.backups)
    newer = desk.paths.backups / "aiguillage-20991231-235959-manuelle.sqlite3"
    newer.write_bytes(b"not a database at all")
    desk.close()
    damage(desk.paths.database)
    assert problems(desk.paths.database, quick=True)
    found = latest_sound(desk.paths.backups)
    assert found is not None and found.path == sound
    env = dict(os.environ, AIGUILLAGE_HOME=str(home), AIGUILLAGE_LANG="fr")
    command = [sys.executable, "-m", "ui.launcher"]
    done = subprocess.run(
        [*command, "stats"], capture_output=True, text=True, env=env, timeout=120, check=False
    )
    assert done.returncode == 1
    assert "La base de données est endommagée" in done.stderr
    assert f"Dernière sauvegarde saine\u00a0: {sound}" in done.stderr
    assert "aiguillage restore --latest" in done.stderr
    done = subprocess.run(
        [*command, "restore", "--latest"],
        capture_output=True, text=True, env=env, timeout=120, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert contact_ids(desk.paths.database) == {kept}
    # The damaged file is set aside, never deleted.
    assert list(desk.paths.database.parent.glob("aiguillage.sqlite3.endommagee-*"))


def test_a_large_damaged_database_is_named_when_sqlite_fails_on_it(
    desk: Desk, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Over the size checked before each command, the check comes when SQLite fails."""
    import app.backup.health
    from app.cli.main import main

    desk.intake.save(visit())
    sound = make_backup(desk.paths.database, desk.paths.backups)
    desk.close()
    raw = bytearray(desk.paths.database.read_bytes())
    raw[100:4096] = b"\xde\xad\xbe\xef" * 999  # the schema's own page: every read fails
    desk.paths.database.write_bytes(bytes(raw))
    monkeypatch.setattr(app.backup.health, "QUICK_CHECK_BEFORE_MB", 0)
    assert main(["stats", "--by", "public"]) == 1
    error = capsys.readouterr().err
    assert "La base de données est endommagée" in error
    assert f"Dernière sauvegarde saine\u00a0: {sound}" in error


def cut(database: Path, kind: str) -> None:
    """A desk file of zero bytes, cut short by a full disk, or overwritten by another file."""
    for suffix in ("-wal", "-shm"):
        Path(f"{database}{suffix}").unlink(missing_ok=True)
    raw = database.read_bytes()
    database.write_bytes(
        {"vide": b"", "tronqué": raw[: len(raw) // 3], "autre": b"Bonjour\n" * 600}[kind]
    )


@pytest.mark.parametrize(
    ("kind", "reason"),
    [
        ("vide", "fichier vide (0\u00a0octet)"),
        ("tronqué", "fichier tronqué"),
        ("autre", "pas un fichier SQLite"),
    ],
)
def test_check_calls_an_empty_or_cut_database_damage_and_names_the_backup(
    desk: Desk, home: Path, kind: str, reason: str
) -> None:
    from tests.cli.test_commands import ADD, aiguillage

    kept = desk.intake.save(visit()).id
    sound = make_backup(desk.paths.database, desk.paths.backups)
    desk.close()
    cut(desk.paths.database, kind)
    before = desk.paths.database.read_bytes()
    checked = aiguillage(home, "check")
    assert checked.returncode == 1
    last = checked.stderr.strip().splitlines()[-1]
    assert last.startswith(f"Erreur\u00a0: La base de données est endommagée ({reason}")
    assert f"Dernière sauvegarde saine\u00a0: {sound}" in last
    assert "aiguillage restore --latest" in last
    # No command starts a new, empty database beside the good backups.
    added = aiguillage(home, *ADD)
    assert added.returncode == 1 and "endommagée" in added.stderr
    assert desk.paths.database.read_bytes() == before
    assert [b.path for b in list_backups(desk.paths.backups)] == [sound]
    restored = aiguillage(home, "restore", "--latest")
    assert restored.returncode == 0, restored.stderr
    assert contact_ids(desk.paths.database) == {kept}
    assert aiguillage(home, "check").stdout.startswith("Base de données saine")


@pytest.mark.parametrize("left", ["nothing", "an empty file"])
def test_a_missing_database_or_an_empty_one_never_backed_up_is_a_first_start(
    tmp_path: Path, left: str
) -> None:
    """A first start cut short may leave an empty file and no backup: nothing was ever
    saved, so the desk starts afresh instead of sending the agent to the support."""
    paths = DeskPaths(data=tmp_path / "neuf", logs=tmp_path / "neuf" / "logs")
    if left == "an empty file":
        paths.ensure().database.write_bytes(b"")
    desk = Desk.open(paths, load_demo=False)
    try:
        assert desk.intake.save(visit()).id in contact_ids(paths.database)
    finally:
        desk.close()
    assert problems(paths.database) == []
