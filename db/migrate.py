"""Alembic, run from code: the schema is brought to ``head`` at start-up, as in the tests."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, inspect, text

from core.resources import shipped

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS = shipped("db", "migrations")

# The newest revision, so that start-up can tell an up-to-date database without loading
# Alembic; a test checks it against the scripts.
HEAD = "0009"


def include_name(name: str | None, type_: str, _parents: object) -> bool:
    """Leave the FTS5 tables (and their shadow tables) out of schema comparisons."""
    from db.models import FTS_TABLES

    return not (type_ == "table" and name is not None and name.startswith(FTS_TABLES))


def _scripts_config() -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def alembic_config(engine: Engine) -> Config:
    config = _scripts_config()
    config.set_main_option("sqlalchemy.url", engine.url.render_as_string(hide_password=False))
    config.attributes["engine"] = engine
    return config


def current_revision(connection: Connection) -> str | None:
    if not inspect(connection).has_table("alembic_version"):
        return None
    return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()


def needs_upgrade(engine: Engine) -> bool:
    with engine.connect() as connection:
        return current_revision(connection) != HEAD


def upgrade(engine: Engine, revision: str = "head") -> None:
    from alembic import command

    command.upgrade(alembic_config(engine), revision)


def known_revisions() -> set[str]:
    """Every revision the migration scripts know (a database at another is newer)."""
    from alembic.script import ScriptDirectory

    scripts = ScriptDirectory.from_config(_scripts_config())
    return {script.revision for script in scripts.walk_revisions()}


def script_head() -> str | None:
    """The head revision as the migration scripts define it."""
    from alembic.script import ScriptDirectory

    head: str | None = ScriptDirectory.from_config(_scripts_config()).get_current_head()
    return head
