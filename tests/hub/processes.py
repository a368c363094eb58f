"""The hub as it is deployed: ``aiguillage-hub serve`` in processes of its own, and
Debian's nginx on loopback in front of several of them (started from a configuration in a
scratch folder, no system file touched)."""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from hub.localpg import free_port


def _wait_until_up(url: str, process: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the hub stopped: {log.read_text('utf-8', 'replace')}")
        with contextlib.suppress(httpx.HTTPError):
            if httpx.get(f"{url}/api/v1/health", timeout=2).status_code == 200:
                return
        time.sleep(0.05)  # the process starting, not the behaviour under test
    raise RuntimeError(f"the hub did not start: {log.read_text('utf-8', 'replace')}")


@contextlib.contextmanager
def hub_process(database_url: str, workers: int = 1) -> Iterator[tuple[str, int]]:
    """``aiguillage-hub serve --workers N`` on a free loopback port, on ``database_url``,
    until the block ends; its address and the serving process's id."""
    folder = Path(tempfile.mkdtemp(prefix="aiguillage-hub-"))
    port = free_port()
    env = {**os.environ, "AIGUILLAGE_HUB_DATABASE_URL": database_url,
           "AIGUILLAGE_HUB_HOME": str(folder)}  # fmt: skip
    command = [sys.executable, "-m", "hub.cli", "serve", "--port", str(port),
               "--workers", str(workers)]  # fmt: skip
    log = folder / "log"
    with log.open("wb") as out:
        process = subprocess.Popen(command, env=env, stdout=out, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_until_up(url, process, log)
        yield url, process.pid
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        shutil.rmtree(folder, ignore_errors=True)


def children(pid: int) -> list[int]:
    """The processes whose parent is ``pid`` (read from /proc)."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            with contextlib.suppress(OSError):
                stat = (entry / "stat").read_text()
                if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                    found.append(int(entry.name))
    return found


def command_line(pid: int) -> str:
    with contextlib.suppress(OSError):
        return (Path("/proc") / str(pid) / "cmdline").read_bytes().replace(b"\0", b" ").decode()
    return ""


NGINX_CONF = """
daemon off;
{user}
worker_processes 1;
pid {folder}/nginx.pid;
error_log {folder}/error.log warn;
events {{ worker_connections 512; }}
http {{
    access_log off;
    client_body_temp_path {folder}/body;
    proxy_temp_path {folder}/proxy;
    fastcgi_temp_path {folder}/fastcgi;
    uwsgi_temp_path {folder}/uwsgi;
    scgi_temp_path {folder}/scgi;
    upstream hub {{
        {servers}
    }}
    server {{
        listen 127.0.0.1:{port};
        client_max_body_size 64m;
        location / {{
            proxy_pass http://hub;
            proxy_set_header Host $http_host;
            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
            add_header X-Upstream $upstream_addr always;
        }}
    }}
}}
"""


@contextlib.contextmanager
def nginx(upstreams: list[str]) -> Iterator[str]:
    """Debian's nginx on a free loopback port, sharing requests in turn between the
    ``upstreams`` (``http://127.0.0.1:PORT``); each answer says which one served it in
    ``X-Upstream``. Its address."""
    binary = shutil.which("nginx") or "/usr/sbin/nginx"
    if not Path(binary).exists():
        pytest.skip("nginx is not installed (make test installs it)")
    folder = Path(tempfile.mkdtemp(prefix="aiguillage-nginx-"))
    port = free_port()
    servers = "\n        ".join(f"server {u.removeprefix('http://')};" for u in upstreams)
    user = "user root;" if os.geteuid() == 0 else ""  # its scratch folder is root's
    conf = folder / "nginx.conf"
    conf.write_text(NGINX_CONF.format(folder=folder, port=port, servers=servers, user=user))
    process = subprocess.Popen(
        [binary, "-p", str(folder), "-c", str(conf), "-e", str(folder / "error.log")],
        stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT,
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    try:
        log = folder / "error.log"
        deadline = time.monotonic() + 15
        while True:
            if process.poll() is not None:
                raise RuntimeError(f"nginx stopped: {log.read_text('utf-8', 'replace')}")
            with contextlib.suppress(httpx.HTTPError):
                if httpx.get(f"{url}/api/v1/health", timeout=2).status_code == 200:
                    break
            if time.monotonic() > deadline:
                raise RuntimeError("nginx did not start")
            time.sleep(0.05)  # nginx starting, not the behaviour under test
        yield url
    finally:
        process.terminate()
        process.wait(timeout=15)
        shutil.rmtree(folder, ignore_errors=True)
