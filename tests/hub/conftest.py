"""A real PostgreSQL, started by the test run from the system's binaries, and the hub
served by uvicorn on loopback.

PostgreSQL refuses to run as root, as CI does: the server then runs as the system's
``postgres`` user (Debian's package creates it). Each test gets its own database, made and
dropped by pytest-postgresql's janitor.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import uvicorn
from pytest_postgresql.janitor import DatabaseJanitor
from sqlalchemy import Engine

from hub.api import create_app
from hub.config import make_engine
from hub.migrate import upgrade


def _bin(name: str) -> str:
    for folder in sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True):
        if Path(folder, name).exists():
            return str(Path(folder, name))
    found = shutil.which(name)
    if found is None:
        pytest.skip(f"PostgreSQL's {name} is not installed (make test installs it)")
    return found


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass(frozen=True)
class Postgres:
    host: str
    port: int
    user: str = "postgres"


@pytest.fixture(scope="session")
def postgres() -> Iterator[Postgres]:
    root = os.geteuid() == 0
    folder = Path(tempfile.mkdtemp(prefix="aiguillage-pg-"))
    data = folder / "data"
    run_as: dict[str, object] = {}
    if root:
        owner = pwd.getpwnam("postgres")
        os.chown(folder, owner.pw_uid, owner.pw_gid)
        run_as = {"user": owner.pw_uid, "group": owner.pw_gid}
    port = free_port()
    subprocess.run(
        [_bin("initdb"), "-D", str(data), "-U", "postgres", "--auth=trust", "-E", "UTF8",
         "--no-instructions"],
        check=True, capture_output=True, **run_as,  # type: ignore[arg-type]
    )  # fmt: skip
    options = (
        f"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=300"
    )
    subprocess.run(
        [_bin("pg_ctl"), "-D", str(data), "-o", options, "-l", str(folder / "log"), "-w", "start"],
        check=True, capture_output=True, **run_as,  # type: ignore[arg-type]
    )  # fmt: skip
    try:
        yield Postgres("127.0.0.1", port)
    finally:
        subprocess.run(
            [_bin("pg_ctl"), "-D", str(data), "-m", "fast", "-w", "stop"],
            capture_output=True, **run_as,  # type: ignore[arg-type]
        )  # fmt: skip
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def hub_url_db(postgres: Postgres, request: pytest.FixtureRequest) -> Iterator[str]:
    """A fresh, migrated hub database for one test; its SQLAlchemy URL."""
    name = "hub_" + "".join(c if c.isalnum() else "_" for c in request.node.name)[-40:].lower()
    with DatabaseJanitor(user=postgres.user, host=postgres.host, port=postgres.port, dbname=name):
        url = f"postgresql+psycopg://{postgres.user}@{postgres.host}:{postgres.port}/{name}"
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
