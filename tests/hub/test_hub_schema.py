"""The hub's migrations build exactly the schema its models describe (on PostgreSQL)."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from hub import partner_models, time_models  # noqa: F401 (their tables are the hub's too)
from hub.config import make_engine
from hub.models import HubBase


def test_the_migrated_hub_database_matches_the_models(hub_url_db: str) -> None:
    engine = make_engine(hub_url_db)
    try:
        with engine.connect() as connection:
            differences = compare_metadata(MigrationContext.configure(connection), HubBase.metadata)
    finally:
        engine.dispose()
    assert differences == []
