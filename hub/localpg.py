"""A throw-away PostgreSQL server from the system's binaries, for tests and the bench.

PostgreSQL refuses to run as root: when root, the server runs as the ``postgres`` user
that Debian's package creates. The server is made in the C locale with UTF-8 text, whatever
the machine's ``LANG``: ``initdb`` refuses a French locale that is not generated, as on many
servers. When it cannot start, :class:`PostgresFailed` carries PostgreSQL's own words.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path


def binary(name: str) -> str | None:
    for folder in sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True):
        if Path(folder, name).exists():
            return str(Path(folder, name))
    return shutil.which(name)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class PostgresFailed(RuntimeError):
    """The server could not be made or started; the message is the command's own output."""


@dataclass(frozen=True)
class LocalPostgres:
    host: str
    port: int
    user: str = "postgres"

    def url(self, dbname: str) -> str:
        return f"postgresql+psycopg://{self.user}@{self.host}:{self.port}/{dbname}"


@contextmanager
def local_postgres(durable: bool = False, keep: Path | None = None) -> Iterator[LocalPostgres]:
    """A server on a free loopback port, removed on exit. ``durable`` keeps PostgreSQL's
    default ``fsync`` and synchronous commits, as a real hub runs (the bench); the tests
    go without them. ``keep``: a folder whose cluster is kept after the server stops, and
    started again next time (a bench's generated region, loaded once)."""
    initdb, pg_ctl = binary("initdb"), binary("pg_ctl")
    if initdb is None or pg_ctl is None:
        raise FileNotFoundError("PostgreSQL (initdb, pg_ctl) is not installed")
    if keep is not None:
        keep.mkdir(parents=True, exist_ok=True)
    folder = keep or Path(tempfile.mkdtemp(prefix="aiguillage-pg-"))
    data = folder / "data"
    kept = keep is not None and (data / "PG_VERSION").exists()
    user: int | None = None
    group: int | None = None
    if os.geteuid() == 0:
        owner = pwd.getpwnam("postgres")
        os.chown(folder, owner.pw_uid, owner.pw_gid)
        user, group = owner.pw_uid, owner.pw_gid
    # The C locale for the tools too: their messages in English, and no locale to check.
    env = {**os.environ, "LC_ALL": "C", "LANG": "C", "LANGUAGE": ""}

    def run(command: list[str], check: bool = True) -> None:
        done = subprocess.run(command, capture_output=True, user=user, group=group, env=env)
        if check and done.returncode != 0:
            said = (done.stderr or done.stdout).decode("utf-8", "replace").strip()
            log = folder / "log"
            if log.exists():
                said += "\n" + log.read_text("utf-8", "replace").strip()
            name = Path(command[0]).name
            raise PostgresFailed(f"{name} failed ({done.returncode}): {said}".strip())

    port = free_port()
    try:
        if not kept:
            run([initdb, "-D", str(data), "-U", "postgres", "--auth=trust", "-E", "UTF8",
                 "--no-locale"])  # fmt: skip
        options = f"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c max_connections=300"
        if not durable:
            options += " -c fsync=off -c synchronous_commit=off"
        run([pg_ctl, "-D", str(data), "-o", options, "-l", str(folder / "log"), "-w", "start"])
    except BaseException:
        if keep is None:
            shutil.rmtree(folder, ignore_errors=True)
        raise
    try:
        yield LocalPostgres("127.0.0.1", port)
    finally:
        run([pg_ctl, "-D", str(data), "-m", "fast", "-w", "stop"], check=False)
        if keep is None:
            shutil.rmtree(folder, ignore_errors=True)
