"""The hub's two databases, PostgreSQL for a region and SQLite for a trial: what differs
between them is asked here, once."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import text
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session


def on_postgres(session: Session) -> bool:
    return session.get_bind().dialect.name == "postgresql"


def identity(session: Session) -> tuple[str, int]:
    """Which database this is, for what a process keeps of it (:mod:`hub.memo`): its
    address, and on PostgreSQL its number, new each time a database of that name is made."""
    bind = session.get_bind()
    address = str(bind.engine.url)
    if not on_postgres(session):
        return address, 0
    number = session.scalar(text("SELECT oid FROM pg_database WHERE datname = current_database()"))
    return address, int(number or 0)


def json_pairs(session: Session, parameter: str) -> str:
    """The (``key``, ``value``) rows of a JSON object given as a text ``parameter``."""
    if on_postgres(session):
        return f"jsonb_each_text(CAST({parameter} AS jsonb))"
    return f"json_each({parameter})"


def insert(session: Session, table: Any) -> Any:
    """An ``INSERT`` that takes ``ON CONFLICT`` clauses, in the session's database's words."""
    return (postgresql.insert if on_postgres(session) else sqlite.insert)(table)


def hold(session: Session, keys: Iterable[str]) -> None:
    """Hold a lock on each of ``keys`` until the transaction ends, taken in one order so
    that two transactions never wait on each other (PostgreSQL's advisory locks; SQLite
    has one writer at a time already)."""
    keys = sorted(set(keys))
    if not keys or not on_postgres(session):
        return
    session.execute(
        text(
            "SELECT pg_advisory_xact_lock(h) FROM (SELECT DISTINCT hashtextextended(x, 0) AS h"
            " FROM unnest(CAST(:keys AS text[])) AS x ORDER BY h) AS held"
        ),
        {"keys": keys},
    )


def for_counting(session: Session) -> None:
    """Let this transaction's statements sort and group a region's counts in memory
    (PostgreSQL's default ``work_mem`` of 4 MB sends a year's site × commune counts to
    disk) and not compile them (JIT costs more than such a statement's run)."""
    if on_postgres(session):
        # SET LOCAL twice, in one round trip
        session.execute(
            text("SELECT set_config('work_mem', '64MB', true), set_config('jit', 'off', true)")
        )
