"""The hub's two databases, PostgreSQL for a region and SQLite for a trial: what differs
between them is asked here, once."""

from __future__ import annotations

from typing import Any

from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session


def on_postgres(session: Session) -> bool:
    return session.get_bind().dialect.name == "postgresql"


def insert(session: Session, table: Any) -> Any:
    """An ``INSERT`` that takes ``ON CONFLICT`` clauses, in the session's database's words."""
    return (postgresql.insert if on_postgres(session) else sqlite.insert)(table)
