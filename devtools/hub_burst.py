"""500 desks pushing at once: ``push_burst_p95_s``, the 95th percentile of a push's answer
time, against ``aiguillage-hub serve --workers N`` on a PostgreSQL with fsync on (as a
real hub runs), beside a bare ``count(*)`` of the rows stored, in the same run.

Each desk is a coroutine with its own token and 50 contacts, all sent together; a desk
the hub turns away (503) comes back after its ``Retry-After``, as the desk's sync does.
The figures: each push's answer time (the successful ones: what a desk waits for before
its 20 s timeout), each desk's time from its first try to its records stored, how many
were turned away, and whether every record is stored once.

    python -m devtools.hub_burst [--desks 500] [--records 50] [--workers 2] [--json]
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import httpx
from sqlalchemy import func, select, text
from sqlalchemy.orm import sessionmaker

from core.wire import API, PROTOCOL
from hub import service
from hub.config import make_engine
from hub.localpg import LocalPostgres, free_port, local_postgres
from hub.migrate import upgrade
from hub.models import Record, SiteToken

GOAL_P95_S = 5.0
PAYLOAD: dict[str, object] = {
    "day": "2026-11-24", "channel": "sur-place", "public": "scolaire", "age": "16-25",
    "gender": "femme", "commune": "13047", "themes": ["decouvrir-metiers"],
    "answers": ["information"],
}  # fmt: skip


def _tokens(url: str, desks: int) -> list[str]:
    """A site and a desk's token for each desk, written straight into the database."""
    engine = make_engine(url)
    upgrade(engine)
    tokens = []
    with sessionmaker(engine).begin() as session:
        moment = service.now()
        for n in range(desks):
            site = service.add_site(session, f"Site {n:04d}")
            session.flush()
            token = f"burst-{n:04d}-{uuid.uuid4().hex}"
            session.add(
                SiteToken(
                    token_hash=service.digest(token),
                    site_id=site.id,
                    desk_id=f"desk-{n:04d}",
                    created_at=moment,
                )
            )
            tokens.append(token)
    engine.dispose()
    return tokens


@contextlib.contextmanager
def served(url: str, workers: int, tree: str | None) -> Iterator[str]:
    """``aiguillage-hub serve`` in a process of its own (from another checkout's ``tree``
    when given, to measure it before a change)."""
    folder = Path(tempfile.mkdtemp(prefix="aiguillage-burst-"))
    port = free_port()
    env = {
        **os.environ,
        "AIGUILLAGE_HUB_DATABASE_URL": url,
        "AIGUILLAGE_HUB_HOME": str(folder),
        "AIGUILLAGE_HUB_SECRET": os.environ.get("AIGUILLAGE_HUB_SECRET", "burst-" + "k" * 58),
    }
    if tree:
        env["PYTHONPATH"] = tree
    command = [sys.executable, "-m", "hub.cli", "serve", "--port", str(port),
               "--workers", str(workers)]  # fmt: skip
    log = (folder / "log").open("wb")
    process = subprocess.Popen(command, env=env, stdout=log, stderr=subprocess.STDOUT, cwd=tree)
    address = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError((folder / "log").read_text("utf-8", "replace"))
            with contextlib.suppress(httpx.HTTPError):
                if httpx.get(f"{address}{API}/health", timeout=2).status_code == 200:
                    break
            time.sleep(0.1)
        time.sleep(2)  # every worker up, not only the first
        yield address
    finally:
        process.terminate()
        process.wait(timeout=30)
        log.close()
        shutil.rmtree(folder, ignore_errors=True)


async def _desk(
    client: httpx.AsyncClient, address: str, token: str, body: bytes, start: asyncio.Event
) -> dict[str, Any]:
    headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}
    await start.wait()
    first = time.perf_counter()
    turned_away, answers = 0, []
    while True:
        sent = time.perf_counter()
        answer = await client.post(f"{address}{API}/push", content=body, headers=headers)
        if answer.status_code == 503 and answer.headers.get("retry-after", "").isdigit():
            turned_away += 1
            await asyncio.sleep(int(answer.headers["retry-after"]))
            continue
        answers.append(time.perf_counter() - sent)
        answer.raise_for_status()
        outcomes = [r["outcome"] for r in answer.json()["results"]]
        return {
            "answer_s": answers[-1],
            "done_s": time.perf_counter() - first,
            "turned_away": turned_away,
            "stored": sum(o in ("accepted", "already_had") for o in outcomes),
        }


async def _burst(address: str, tokens: list[str], records: int) -> list[dict[str, Any]]:
    limits = httpx.Limits(max_connections=len(tokens) + 10, max_keepalive_connections=0)
    timeout = httpx.Timeout(120.0, connect=60.0)
    async with httpx.AsyncClient(limits=limits, timeout=timeout) as client:
        start = asyncio.Event()
        bodies = [
            json.dumps(
                {
                    "protocol": PROTOCOL,
                    "records": [
                        {
                            "kind": "contact",
                            "id": str(uuid.uuid4()),
                            "version": 1,
                            "payload": PAYLOAD,
                        }
                        for _ in range(records)
                    ],
                }
            ).encode()
            for _ in tokens
        ]
        desks = [
            asyncio.create_task(_desk(client, address, token, body, start))
            for token, body in zip(tokens, bodies, strict=True)
        ]
        await asyncio.sleep(0.5)
        start.set()
        return list(await asyncio.gather(*desks))


def _quantile(values: list[float], q: float) -> float:
    return round(statistics.quantiles(values, n=100, method="inclusive")[int(q * 100) - 1], 3)


def burst(
    postgres: LocalPostgres, desks: int = 500, records: int = 50, workers: int = 2,
    tree: str | None = None,
) -> dict[str, Any]:  # fmt: skip
    """The burst's figures, on a fresh database of ``postgres``."""
    import psycopg

    name = f"hub_burst_{datetime.now():%H%M%S}"
    with psycopg.connect(host=postgres.host, port=postgres.port, user=postgres.user,
                         dbname="postgres", autocommit=True) as pg:  # fmt: skip
        pg.execute(f"CREATE DATABASE {name}")
    url = postgres.url(name)
    tokens = _tokens(url, desks)
    with served(url, workers, tree) as address:
        started = time.perf_counter()
        done = asyncio.run(_burst(address, tokens, records))
        wall = time.perf_counter() - started
    engine = make_engine(url)
    with engine.connect() as connection:
        begin = time.perf_counter()
        stored = int(connection.scalar(select(func.count()).select_from(Record)) or 0)
        count_s = time.perf_counter() - begin
        distinct = int(connection.scalar(select(func.count(func.distinct(Record.id)))) or 0)
        connection.execute(text("SELECT 1"))
    engine.dispose()
    answers = [d["answer_s"] for d in done]
    p95 = _quantile(answers, 0.95)
    return {
        "desks": desks,
        "records_each": records,
        "workers": workers,
        "push_burst_min_s": round(min(answers), 3),
        "push_burst_p50_s": _quantile(answers, 0.50),
        "push_burst_p95_s": p95,
        "push_burst_goal_s": GOAL_P95_S,
        "push_burst_ratio": round(p95 / GOAL_P95_S, 2),
        "desk_done_p95_s": _quantile([d["done_s"] for d in done], 0.95),
        "turned_away": sum(d["turned_away"] for d in done),
        "burst_wall_s": round(wall, 2),
        "expected": desks * records,
        "stored": stored,
        "distinct": distinct,
        "confirmed": sum(d["stored"] for d in done),
        "count_star_s": round(count_s, 6),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m devtools.hub_burst")
    parser.add_argument("--desks", type=int, default=500)
    parser.add_argument("--records", type=int, default=50)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--tree", help="serve the hub of another checkout (a figure before)")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    with local_postgres(durable=True) as postgres:
        figures = burst(postgres, args.desks, args.records, args.workers, args.tree)
    if args.json:
        print(json.dumps(figures))
    else:
        for key, value in figures.items():
            print(f"{key:>20}  {value}")
    return 0 if figures["stored"] == figures["distinct"] == figures["expected"] else 1


if __name__ == "__main__":
    sys.exit(main())
