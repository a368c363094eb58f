"""A real PostgreSQL, started by the test run from the system's binaries, and the hub
served by uvicorn on loopback.

PostgreSQL refuses to run as root, as CI does: the server then runs as the system's
``postgres`` user (Debian's package creates it). Each test gets its own database, made and
dropped by pytest-postgresql's janitor.
"""

from __future__ import annotations

import contextlib
import os
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass

import httpx
import pytest
import uvicorn
from pytest_postgresql.janitor import DatabaseJanitor
from sqlalchemy import Engine
from sqlalchemy.orm import Session
from starlette.types import ASGIApp, Receive, Scope, Send

from core.wire import API, HubProtocol
from hub.api import create_app
from hub.config import make_engine
from hub.localpg import LocalPostgres, binary, free_port, local_postgres
from hub.migrate import upgrade

# The hub's key for enrolment codes: never a file in the user's own data folder.
os.environ.setdefault("AIGUILLAGE_HUB_SECRET", "tests-" + "k" * 58)


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


def before_protocol_address(app: ASGIApp) -> ASGIApp:
    """``app`` as a hub from before protocol 2 answers: ``GET /protocol`` is an unknown
    address (404), as any other."""

    async def older(scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["path"] == f"{API}/protocol":
            scope = {**scope, "path": f"{API}/no-such-address", "raw_path": b""}
        await app(scope, receive, send)

    return older


@contextlib.contextmanager
def serve_hub(
    engine: Engine,
    port: int,
    speaks: HubProtocol | None = None,
    *,
    states: bool = True,
    pushes: int | None = None,
) -> Iterator[Hub]:
    """The hub's API under uvicorn on loopback ``port``, until the block ends; ``speaks``
    plays a hub of another protocol (this version's when None), one from before
    ``GET /protocol`` when not ``states``; ``pushes`` bounds the pushes it stores at once."""
    app: ASGIApp = create_app(engine, speaks, pushes)
    if not states:
        app = before_protocol_address(app)
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
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


# Two sites of the region, for the tests that store pushes straight through the hub's code.
SITES = ("Istres", "Martigues")


@pytest.fixture
def engine(hub_url_db: str) -> Iterator[Engine]:
    """The hub's database (no server), with :data:`SITES` in it."""
    from hub import service

    engine = make_engine(hub_url_db)
    with Session(engine) as session, session.begin():
        for name in SITES:
            service.add_site(session, name)
    try:
        yield engine
    finally:
        engine.dispose()


@pytest.fixture
def hub(hub_url_db: str) -> Iterator[Hub]:
    """The hub's API under uvicorn on loopback, on its own PostgreSQL database."""
    engine = make_engine(hub_url_db)
    try:
        with serve_hub(engine, free_port()) as served:
            yield served
    finally:
        engine.dispose()


@pytest.fixture
def coordinator(hub: Hub) -> str:
    """A coordinator's account on the hub (« Claire Martin »); its login."""
    from hub.console import accounts
    from tests.hub.console_kit import PASSWORD

    with Session(hub.engine) as session, session.begin():
        accounts.add_coordinator(session, "claire.m", "Claire Martin", PASSWORD)
    return "claire.m"


@pytest.fixture
def browser(hub: Hub) -> Iterator[httpx.Client]:
    """A client of the hub that keeps its cookies and does not follow redirects."""
    with httpx.Client(base_url=hub.url, follow_redirects=False, timeout=30) as client:
        yield client


@pytest.fixture
def signed_in(browser: httpx.Client, coordinator: str) -> httpx.Client:
    """:func:`browser`, logged in as the coordinator."""
    from tests.hub.console_kit import log_in

    assert log_in(browser, coordinator).status_code == 303
    return browser
