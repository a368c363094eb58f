"""The schema: Alembic owns it, the models agree with it, and SQLite is set up safely."""

from __future__ import annotations

from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import text

from db import migrate
from db.engine import create_desk_engine
from db.models import Base


def test_models_and_migrations_agree(tmp_path: Path) -> None:
    engine = create_desk_engine(tmp_path / "fresh.sqlite3")
    migrate.upgrade(engine)
    with engine.connect() as connection:
        context = MigrationContext.configure(
            connection, opts={"compare_type": True, "include_name": migrate.include_name}
        )
        differences = compare_metadata(context, Base.metadata)
    assert differences == []


def test_head_constant_is_the_scripts_head() -> None:
    assert migrate.script_head() == migrate.HEAD
    assert migrate.HEAD in migrate.known_revisions()


def test_upgrade_records_the_head_and_downgrade_returns_to_empty(tmp_path: Path) -> None:
    engine = create_desk_engine(tmp_path / "round.sqlite3")
    migrate.upgrade(engine)
    assert not migrate.needs_upgrade(engine)
    from alembic import command

    command.downgrade(migrate.alembic_config(engine), "base")
    with engine.connect() as connection:
        tables = connection.execute(
            text(
                "SELECT name FROM sqlite_master WHERE type='table' AND name != 'alembic_version'"
                " AND name NOT LIKE 'sqlite_%'"
            )
        ).all()
    assert tables == []
    migrate.upgrade(engine)
    assert not migrate.needs_upgrade(engine)


def test_sqlite_runs_in_wal_with_foreign_keys_and_full_sync(tmp_path: Path) -> None:
    engine = create_desk_engine(tmp_path / "pragmas.sqlite3")
    with engine.connect() as connection:
        assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert connection.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert connection.execute(text("PRAGMA synchronous")).scalar() == 2  # FULL
        assert connection.execute(text("PRAGMA busy_timeout")).scalar() == 5000


def test_partial_indexes_keep_their_condition(tmp_path: Path) -> None:
    # compare_metadata does not look at sqlite_where: check the SQL itself.
    engine = create_desk_engine(tmp_path / "indexes.sqlite3")
    migrate.upgrade(engine)
    with engine.connect() as connection:
        sql: dict[str, str] = dict(
            connection.execute(
                text("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL")
            ).all()
        )
    assert sql["ix_contact_pending"].endswith("WHERE synced_version < version")
    assert sql["ix_contact_note"].endswith("WHERE note IS NOT NULL")


def test_the_statistics_triggers_are_in_place_at_head(tmp_path: Path) -> None:
    # A batch migration recreating a table would drop them silently: check they are there.
    from db import stat_triggers

    engine = create_desk_engine(tmp_path / "triggers.sqlite3")
    migrate.upgrade(engine)
    with engine.connect() as connection:
        names = connection.execute(
            text("SELECT name FROM sqlite_master WHERE type = 'trigger'")
        ).scalars()
        assert sorted(names) == sorted(stat_triggers.NAMES)


def test_a_desk_of_protocol_4_reads_the_directory_s_stream_again_once(tmp_path: Path) -> None:
    """An older desk was moved past the notices, stops and events a newer hub published:
    upgraded (0009), it reads the stream from its start once, and misses none of them."""
    from alembic import command

    engine = create_desk_engine(tmp_path / "older.sqlite3")
    command.upgrade(migrate.alembic_config(engine), "0008")
    with engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO sync_state (stream, cursor, etag) VALUES"
                " ('directory', '4210', '\"4210\"'), ('outcomes', '2026-11-30', NULL)"
            )
        )
    migrate.upgrade(engine)
    with engine.connect() as connection:
        rows: dict[str, str | None] = {
            stream: cursor
            for stream, cursor in connection.execute(text("SELECT stream, cursor FROM sync_state"))
        }
    assert rows == {"directory": None, "outcomes": "2026-11-30"}
