"""Where the hub keeps its data: ``AIGUILLAGE_HUB_DATABASE_URL`` (a SQLAlchemy URL, normally
PostgreSQL), or a SQLite file under ``AIGUILLAGE_HUB_HOME`` for a quick local try."""

from __future__ import annotations

import os
from pathlib import Path

from sqlalchemy import Engine, create_engine, event


def database_url() -> str:
    url = os.environ.get("AIGUILLAGE_HUB_DATABASE_URL")
    if url:
        return url
    home = os.environ.get("AIGUILLAGE_HUB_HOME")
    if home:
        folder = Path(home)
    else:
        import platformdirs

        folder = Path(platformdirs.user_data_dir("Aiguillage-hub", appauthor=False))
    folder.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{folder / 'hub.sqlite3'}"


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
    return create_engine(url, pool_size=10, max_overflow=20, pool_pre_ping=True)
