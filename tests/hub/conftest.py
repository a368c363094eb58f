"""A real PostgreSQL, started by the test run from the system's binaries, and the hub
served by uvicorn on loopback.

PostgreSQL refuses to run as root, as CI does: the server then runs as the system's
``postgres`` user (Debian's package creates it). Each test gets its own database, made and
dropped by pytest-postgresql's janitor.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
import uvicorn
from pytest_postgresql.janitor import DatabaseJanitor
from sqlalchemy import Engine

from hub.api import create_app
from hub.config import make_engine
from hub.localpg import LocalPostgres, binary, free_port, local_postgres
from hub.migrate import upgrade


@pytest.fixture(scope="session")
def postgres() -> Iterator[LocalPostgres]:
    if binary("initdb") is None:
        pytest.skip("PostgreSQL is not installed (make test installs it)")
    with local_postgres() as server:
        yield server


@pytest.fixture
def hub_url_db(postgres: LocalPostgres, request: pytest.FixtureRequest) -> Iterator[str]:
    """A fresh, migrated hub database for one test; its SQLAlchemy URL."""
    name = "hub_" + "".join(c if c.isalnum() else "_" for c in request.node.name)[-40:].lower()
    with DatabaseJanitor(user=postgres.user, host=postgres.host, port=postgres.port, dbname=name):
        url = postgres.url(name)
        engine = make_engine(url)
        upgrade(engine)
        engine.dispose()
        yield url


@dataclass
class Hub:
    url: str
    engine: Engine


@pytest.fixture
def hub(hub_url_db: str) -> Iterator[Hub]:
    """The hub's API under uvicorn on loopback, on its own PostgreSQL database."""
    engine = make_engine(hub_url_db)
    port = free_port()
    server = uvicorn.Server(
        uvicorn.Config(create_app(engine), host="127.0.0.1", port=port, log_level="warning")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        if time.monotonic() > deadline:
            raise RuntimeError("the hub did not start")
        time.sleep(0.02)
    try:
        yield Hub(f"http://127.0.0.1:{port}", engine)
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        engine.dispose()
