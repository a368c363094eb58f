"""Alembic environment of the hub database (PostgreSQL; SQLite for a quick try)."""

from __future__ import annotations

from alembic import context
from sqlalchemy import Engine, create_engine

from hub import partner_models, time_models  # noqa: F401 (their tables are the hub's too)
from hub.models import HubBase

config = context.config
engine: Engine | None = config.attributes.get("engine")
if engine is None:
    engine = create_engine(config.get_main_option("sqlalchemy.url") or "sqlite://")

with engine.connect() as connection:
    context.configure(
        connection=connection,
        target_metadata=HubBase.metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()
    connection.commit()
