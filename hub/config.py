"""Where the hub keeps its data: ``AIGUILLAGE_HUB_DATABASE_URL`` (a SQLAlchemy URL, normally
PostgreSQL), or a SQLite file under ``AIGUILLAGE_HUB_HOME`` for a quick local try; its
secret key (``AIGUILLAGE_HUB_SECRET``, else a file made once beside its data); whether it
publishes its API's description (``AIGUILLAGE_HUB_DOCS=1``); how many pushes each of its
processes stores at once (``AIGUILLAGE_HUB_PUSHES``)."""

from __future__ import annotations

import os
import secrets
import tempfile
from pathlib import Path

from sqlalchemy import Engine, create_engine, event

SECRET_FILE = "hub-secret"


def data_folder() -> Path:
    """``AIGUILLAGE_HUB_HOME``, else the user's data folder; made when missing."""
    home = os.environ.get("AIGUILLAGE_HUB_HOME")
    if home:
        folder = Path(home)
    else:
        import platformdirs

        folder = Path(platformdirs.user_data_dir("Aiguillage-hub", appauthor=False))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def database_url() -> str:
    url = os.environ.get("AIGUILLAGE_HUB_DATABASE_URL")
    if url:
        return url
    return f"sqlite:///{data_folder() / 'hub.sqlite3'}"


def secret_key() -> bytes:
    """The key of the hub's keyed hashes (enrolment codes): ``AIGUILLAGE_HUB_SECRET`` (the
    same for every process of a region), else a random key written once, readable by the
    hub's user only, in its data folder. A stolen database alone then gives no code back."""
    value = os.environ.get("AIGUILLAGE_HUB_SECRET", "").strip()
    if value:
        return value.encode()
    folder = data_folder()
    path = folder / SECRET_FILE
    if not path.exists():
        # Written whole, then linked into place: two processes starting at once agree.
        descriptor, scratch = tempfile.mkstemp(dir=folder, prefix=".secret-")  # mode 0600
        try:
            with os.fdopen(descriptor, "w", encoding="ascii") as handle:
                handle.write(secrets.token_hex(32))
            os.link(scratch, path)
        except FileExistsError:
            pass
        finally:
            os.unlink(scratch)
    key = path.read_text(encoding="ascii").strip()
    if len(key) < 32:
        raise RuntimeError(f"clé secrète du hub trop courte\u00a0: {path}")
    return key.encode()


def docs_enabled() -> bool:
    """The API's description pages (``/docs``, ``/redoc``, ``/openapi.json``) are served
    only when ``AIGUILLAGE_HUB_DOCS`` is 1: they map the attack surface for anyone."""
    return os.environ.get("AIGUILLAGE_HUB_DOCS", "").strip().lower() in ("1", "true", "oui")


# Pushes one process stores at once: its pool holds 10 connections, and a push beyond
# these is answered 503 at once (with Retry-After) rather than queued towards a timeout.
PUSHES_PER_PROCESS = 8


def pushes_at_once() -> int:
    """``AIGUILLAGE_HUB_PUSHES`` (a whole number, at least 1), else ``PUSHES_PER_PROCESS``."""
    value = os.environ.get("AIGUILLAGE_HUB_PUSHES", "").strip()
    return max(1, int(value)) if value.isdigit() else PUSHES_PER_PROCESS


def make_engine(url: str | None = None) -> Engine:
    url = url or database_url()
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url.removeprefix("postgresql://")
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 30})

        @event.listens_for(engine, "connect")
        def _pragmas(connection: object, _record: object) -> None:
            cursor = connection.cursor()  # type: ignore[attr-defined]
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.close()

        return engine
    # A request that waits 10 s for a connection is answered 503 (busy), not left to the
    # desk's 20 s timeout.
    return create_engine(url, pool_size=10, max_overflow=20, pool_timeout=10, pool_pre_ping=True)
