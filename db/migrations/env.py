"""Alembic environment of the desk database (batch mode, for SQLite)."""

from __future__ import annotations

from alembic import context
from sqlalchemy import Engine

from db.migrate import include_name
from db.models import Base

config = context.config
engine: Engine | None = config.attributes.get("engine")
if engine is None:
    from sqlalchemy import create_engine

    engine = create_engine(config.get_main_option("sqlalchemy.url") or "sqlite://")

with engine.connect() as connection:
    # One transaction around the whole upgrade, so that a desk killed half-way keeps its
    # database as it was: pysqlite begins one only before INSERT, UPDATE or DELETE, and
    # would commit every CREATE or DROP on its own.
    connection.exec_driver_sql("BEGIN IMMEDIATE")
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=True,
        compare_type=True,
        include_name=include_name,
        transactional_ddl=True,
    )
    with context.begin_transaction():
        context.run_migrations()
    connection.commit()
