"""Copies of the desk database, made and restored with SQLite's backup API.

A copy is taken before every schema upgrade and every restore, and on demand; each is a
whole, consistent SQLite file in the ``backups`` folder, named after its moment and reason.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from app.backup.health import (
    check_backup,
    open_readonly,
    problems,
)
from app.paths import private
from core.errors import DeskError

_NAME = re.compile(r"^aiguillage-(\d{8}-\d{6})(?:-\d+)?-([a-z-]+)\.sqlite3$")


@dataclass(frozen=True, slots=True)
class BackupFile:
    path: Path
    moment: datetime
    reason: str
    size: int


def _copy(source: sqlite3.Connection, target_path: Path, now: datetime | None = None) -> None:
    target = sqlite3.connect(target_path)
    try:
        private(target_path)
        source.backup(target)
        # A copy is one file: reading it never leaves -wal and -shm files beside it.
        target.execute("PRAGMA journal_mode=DELETE")
        if now is not None:
            _erase_notes(target, now - timedelta(days=_retention_days(target)))
    finally:
        target.close()


# --- notes never outlive their retention period, in any copy -------------------------


def _retention_days(connection: sqlite3.Connection) -> int:
    """The site's retention period for notes, as the database at hand records it."""
    from app.settings import SPECS

    default = int(SPECS["notes.retention_days"].default)
    try:
        row = connection.execute(
            "SELECT value FROM setting WHERE key = 'notes.retention_days'"
        ).fetchone()
        return int(json.loads(row[0])) if row else default
    except (sqlite3.Error, ValueError, TypeError):
        return default


def _limit_text(limit: datetime) -> str:
    # As SQLAlchemy writes a DateTime in SQLite, so that text comparison is by time.
    return limit.strftime("%Y-%m-%d %H:%M:%S.%f")


def _old_notes(connection: sqlite3.Connection, limit: datetime) -> int:
    try:
        row = connection.execute(
            "SELECT count(*) FROM contact WHERE note IS NOT NULL AND moment_local < ?",
            (_limit_text(limit),),
        ).fetchone()
    except sqlite3.OperationalError:  # a schema with no notes at all
        return 0
    return int(row[0])


def _erase_notes(connection: sqlite3.Connection, limit: datetime) -> int:
    """Erase the notes written before ``limit``; their bytes are overwritten (secure
    delete) and the file rebuilt (VACUUM), so no free page keeps their text."""
    if not _old_notes(connection, limit):
        return 0
    connection.execute("PRAGMA secure_delete = ON")
    with connection:
        erased = connection.execute(
            "UPDATE contact SET note = NULL WHERE note IS NOT NULL AND moment_local < ?",
            (_limit_text(limit),),
        ).rowcount
    connection.execute("VACUUM")
    return int(erased)


def scrub_backups(folder: Path, limit: datetime) -> list[Path]:
    """Erase the notes written before ``limit`` from every backup in ``folder``; returns
    the copies changed. Each is scrubbed in a copy beside it, checked sound, then put in
    its place in one step (its name, hence its moment, kept): a crash leaves either the
    old copy or the new, never half of one."""
    changed = []
    for backup in list_backups(folder):
        try:
            source = open_readonly(backup.path)
            try:
                if not _old_notes(source, limit):
                    continue
            finally:
                source.close()
        except sqlite3.Error:
            continue  # an unsound copy is never offered for a restore
        partial = backup.path.with_name(backup.path.name + ".partial")
        stat = backup.path.stat()
        shutil.copyfile(backup.path, partial)
        private(partial)
        try:
            connection = sqlite3.connect(partial)
            try:
                _erase_notes(connection, limit)
            finally:
                connection.close()
            if problems(partial):
                raise sqlite3.DatabaseError("scrubbed copy unsound")
        except sqlite3.Error:
            partial.unlink(missing_ok=True)
            continue
        os.utime(partial, ns=(stat.st_atime_ns, stat.st_mtime_ns))
        partial.replace(backup.path)
        changed.append(backup.path)
    return changed


def make_backup(
    database: Path,
    folder: Path,
    reason: str = "manuelle",
    now: Callable[[], datetime] = datetime.now,
) -> Path:
    """A consistent copy of ``database`` in ``folder``; returns its path."""
    folder.mkdir(parents=True, exist_ok=True)
    stamp = now().strftime("%Y%m%d-%H%M%S")
    target = folder / f"aiguillage-{stamp}-{reason}.sqlite3"
    counter = 1
    while target.exists():
        target = folder / f"aiguillage-{stamp}-{counter}-{reason}.sqlite3"
        counter += 1
    partial = target.with_suffix(".partial")
    source = open_readonly(database)
    try:
        # A copy never holds a note past the retention period, even when taken before
        # the desk's own purge (or from a desk that was not opened for weeks).
        _copy(source, partial, now())
    finally:
        source.close()
    # Only a complete copy gets its final name.
    partial.replace(target)
    return target


def list_backups(folder: Path) -> list[BackupFile]:
    """The copies in ``folder``, newest first."""
    found: list[BackupFile] = []
    if not folder.is_dir():
        return found
    for path in folder.iterdir():
        match = _NAME.match(path.name)
        if match:
            moment = datetime.strptime(match.group(1), "%Y%m%d-%H%M%S")
            found.append(BackupFile(path, moment, match.group(2), path.stat().st_size))
    found.sort(key=lambda b: (b.moment, b.path.stat().st_mtime, b.path.name), reverse=True)
    return found


def restore_backup(
    backup: Path,
    database: Path,
    folder: Path,
    now: Callable[[], datetime] = datetime.now,
) -> Path | None:
    """Put ``backup`` in place of ``database``, after a copy of the current one (returned).
    Nothing changes when the backup is not sound."""
    if not backup.is_file():
        raise DeskError("backup_not_found", path=str(backup))
    check_backup(backup)
    safety = None
    if database.exists():
        if problems(database, quick=True):
            _set_aside(database, now().strftime("%Y%m%d-%H%M%S"))
        else:
            safety = make_backup(database, folder, "avant-restauration", now)
    source = open_readonly(backup)
    try:
        target = sqlite3.connect(database)
        try:
            # The backup API writes through the live database's own journal (WAL): a
            # reader never sees half a restore.
            source.backup(target)
        finally:
            target.close()
    finally:
        source.close()
    return safety


_ASIDE = re.compile(r"\.endommagee-(\d{8}-\d{6})$")


def expire_set_aside(database: Path, limit: datetime) -> list[Path]:
    """Delete the damaged files set aside before ``limit``: they cannot be scrubbed of
    their notes, so they are kept for the support no longer than a note would be."""
    removed = []
    for path in database.parent.glob(f"{database.name}*.endommagee-*"):
        match = _ASIDE.search(path.name)
        if match and datetime.strptime(match.group(1), "%Y%m%d-%H%M%S") < limit:
            path.unlink(missing_ok=True)
            removed.append(path)
    return removed


def _set_aside(database: Path, stamp: str) -> None:
    """Move a damaged database (and its journal files) out of the way, never delete it."""
    for suffix in ("", "-wal", "-shm"):
        path = Path(f"{database}{suffix}")
        if path.exists():
            path.replace(path.with_name(f"{path.name}.endommagee-{stamp}"))


# --- the rolling copies ------------------------------------------------------------------

DAILY = "quotidienne"
KEEP_DAILY = 7
KEEP_WEEKLY = 4
# Copies taken before an upgrade or a restore: the newest few of each are kept. Copies an
# agent asked for (``manuelle``) are never removed by the desk.
KEEP_BEFORE = 5


def daily_backup(
    database: Path, folder: Path, now: Callable[[], datetime] = datetime.now
) -> Path | None:
    """The day's copy, taken once a day (at the first start, or the first check after
    midnight), then the old copies pruned. ``None`` when today's copy is already there."""
    today = now().date()
    if any(b.reason == DAILY and b.moment.date() == today for b in list_backups(folder)):
        return None
    made = make_backup(database, folder, DAILY, now)
    prune(folder)
    return made


def prune(folder: Path) -> list[Path]:
    """Remove the copies the rotation no longer keeps; returns them. Kept: the newest
    daily copy of each of the last :data:`KEEP_DAILY` days that have one, then the newest
    older copy of each of the :data:`KEEP_WEEKLY` weeks before, the :data:`KEEP_BEFORE`
    newest copies taken before an upgrade and before a restore, and every manual copy."""
    backups = list_backups(folder)  # newest first
    keep: set[Path] = set()
    daily = [b for b in backups if b.reason == DAILY]
    days: list[object] = []
    for backup in daily:
        day = backup.moment.date()
        if day not in days and len(days) < KEEP_DAILY:
            days.append(day)
            keep.add(backup.path)
    oldest_daily = min((b.moment for b in daily if b.path in keep), default=None)
    weeks: list[object] = []
    for backup in daily:
        week = backup.moment.isocalendar()[:2]
        if oldest_daily is not None and backup.moment >= oldest_daily:
            continue
        if week not in weeks and len(weeks) < KEEP_WEEKLY:
            weeks.append(week)
            keep.add(backup.path)
    for reason in {b.reason for b in backups} - {DAILY}:
        same = [b for b in backups if b.reason == reason]
        keep.update(b.path for b in (same if reason == "manuelle" else same[:KEEP_BEFORE]))
    removed = []
    for backup in backups:
        if backup.path not in keep:
            backup.path.unlink(missing_ok=True)
            removed.append(backup.path)
    # A copy cut short by a crash never got its final name.
    for partial in folder.glob("aiguillage-*.partial"):
        if partial.stat().st_mtime < datetime.now().timestamp() - 24 * 3600:
            partial.unlink(missing_ok=True)
    return removed


def latest_sound(folder: Path) -> BackupFile | None:
    """The newest copy that is a sound desk database this release can open."""
    for backup in list_backups(folder):
        try:
            check_backup(backup.path)
        except DeskError:
            continue
        return backup
    return None


def damage_report(database: Path, folder: Path) -> DeskError | None:
    """``None`` when the database passes SQLite's quick check (or is not there yet);
    otherwise the error to show, naming the latest sound backup when there is one."""
    if not database.exists():
        return None
    found = problems(database, quick=True)
    if not found:
        return None
    return damage_error(found, folder)


def damage_error(found: list[str], folder: Path) -> DeskError:
    """The error that says what is wrong and names the latest sound backup, if any."""
    # One line: SQLite's own report may span several.
    reason = " ".join(line.strip() for line in "; ".join(found).splitlines())[:200]
    backup = latest_sound(folder)
    if backup is None:
        return DeskError("database_damaged_no_backup", reason=reason)
    moment = backup.moment.strftime("%d/%m/%Y %H:%M")
    return DeskError("database_damaged_backup", reason=reason, path=str(backup.path), moment=moment)
