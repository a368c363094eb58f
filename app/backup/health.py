"""Whether a desk database or a backup is sound: a SQLite file whose integrity check passes and
which holds the desk's tables; what is wrong with it otherwise, in the agent's words.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from core.errors import DeskError, Said
from core.i18n import N_
from core.lang import plural

REQUIRED_TABLES = ("alembic_version", "contact", "setting")


def open_readonly(path: Path) -> sqlite3.Connection:
    """A read-only connection: looking at a file never changes it."""
    return sqlite3.connect(f"file:{path}?mode=ro", uri=True)


SQLITE_MAGIC = b"SQLite format 3\x00"
EMPTY_FILE = "fichier vide (0\u00a0octet)"


def file_problems(path: Path) -> list[str]:
    """What the first bytes and the size of a database file say before SQLite reads it.

    SQLite takes a zero-byte file for a new, empty database, and sees a file cut short
    only when a query reaches the missing pages: the desk would start afresh beside its
    good backups. A desk database is never empty nor shorter than its header says."""
    wal = path.with_name(path.name + "-wal")
    if wal.is_file() and wal.stat().st_size > 0:
        return []  # SQLite rebuilds the file from its journal: its own check judges it
    size = path.stat().st_size
    if size == 0:
        return [EMPTY_FILE]
    with path.open("rb") as file:
        header = file.read(100)
    if len(header) < 100 or not header.startswith(SQLITE_MAGIC):
        return ["pas un fichier SQLite"]
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(header[28:32], "big")
    # The page count is valid only when written by the same change as the counter.
    counted = header[24:28] == header[92:96] and pages > 0
    if page_size < 512 or size % page_size or (counted and pages * page_size > size):
        return [f"fichier tronqué ({size}\u00a0octets)"]
    return []


def problems(path: Path, *, quick: bool = False) -> list[str]:
    """What is wrong with the SQLite file at ``path`` (an empty list when it is sound)."""
    if not path.is_file():
        return ["fichier absent"]
    try:
        if found := file_problems(path):
            return found
    except OSError as error:
        return [error.strerror or str(error)]
    try:
        connection = open_readonly(path)
    except sqlite3.Error as error:
        return [str(error)]
    try:
        pragma = "quick_check" if quick else "integrity_check"
        rows = [r[0] for r in connection.execute(f"PRAGMA {pragma}")]
        found = [] if rows == ["ok"] else rows[:20]
        if not quick:
            bad_keys = connection.execute("PRAGMA foreign_key_check").fetchall()
            if bad_keys:
                found.append(
                    plural(
                        len(bad_keys), "fr", ("{count} référence brisée",
                        "{count} références brisées", "", "")
                    )
                )  # fmt: skip
        return found
    except sqlite3.DatabaseError as error:
        return [str(error)]
    finally:
        connection.close()


def check_backup(path: Path) -> None:
    """Refuse, with the reason, a file that is not a sound desk database."""
    found = problems(path)
    if found:
        raise DeskError("backup_unsound", reason="; ".join(found))
    connection = open_readonly(path)
    try:
        tables = {r[0] for r in connection.execute("SELECT name FROM sqlite_master")}
        missing = [t for t in REQUIRED_TABLES if t not in tables]
        if missing:
            raise DeskError("backup_unsound", reason=Said(N_("pas une base Aiguillage")))
        revision = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    finally:
        connection.close()
    from db.migrate import known_revisions

    if revision is None or revision[0] not in known_revisions():
        raise DeskError("database_newer", revision=revision[0] if revision else "?")


# Up to this size the quick check runs before the desk opens or a command runs (well
# under half a second); a larger database is checked by the window once it is up, and by
# a command only when SQLite has failed on it.
QUICK_CHECK_BEFORE_MB = 150


def small_enough_to_check(database: Path) -> bool:
    try:
        return database.stat().st_size < QUICK_CHECK_BEFORE_MB * 1_000_000
    except OSError:
        return False
