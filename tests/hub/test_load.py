"""200 desks syncing at once against one hub process on loopback: no error, nothing lost.

Each desk is the real sync client (enrolment, then batches of contacts through
``HubClient``), started together behind a barrier. The hub here turns no push away: the
desks' 200 threads share its process, and turning most of them away (tests/hub/test_busy.py
does, and devtools/hub_burst.py measures it with the desks in a process of their own) would
measure the interpreter's lock rather than the hub.
"""

from __future__ import annotations

import threading
import time
import uuid
from collections.abc import Iterator

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import sessionmaker

from app.sync.client import HubClient, Transient
from core.wire import PushRecord
from hub import service
from hub.config import make_engine
from hub.localpg import free_port
from hub.models import Record
from tests.hub.conftest import Hub, serve_hub

DESKS = 200
RECORDS = 40
PAYLOAD: dict[str, object] = {
    "day": "2026-11-24", "channel": "sur-place", "public": "scolaire", "age": "16-25",
    "gender": "femme", "commune": "13047", "themes": ["decouvrir-metiers"],
    "answers": ["information"],
}  # fmt: skip


@pytest.fixture
def roomy_hub(hub_url_db: str) -> Iterator[Hub]:
    """The hub storing every desk's push at once."""
    engine = make_engine(hub_url_db)
    try:
        with serve_hub(engine, free_port(), pushes=DESKS) as served:
            yield served
    finally:
        engine.dispose()


def test_two_hundred_desks_sync_at_once_and_nothing_is_lost(roomy_hub: Hub) -> None:
    hub = roomy_hub
    sessions = sessionmaker(hub.engine, expire_on_commit=False)
    codes = []
    with sessions.begin() as session:
        for n in range(DESKS):
            site = service.add_site(session, f"Site {n}")
            codes.append(service.new_enrol_code(session, site.id)[0])
    barrier = threading.Barrier(DESKS)
    errors: list[str] = []
    pushed = [0] * DESKS

    def desk(n: int) -> None:
        client = HubClient(hub.url)
        try:
            barrier.wait(timeout=60)
            client.token = client.enrol(codes[n], str(uuid.uuid4()), "load").token
            records = [
                PushRecord(kind="contact", id=str(uuid.uuid4()), version=1, payload=PAYLOAD)
                for _ in range(RECORDS)
            ]
            for start in range(0, RECORDS, RECORDS // 2):
                batch = records[start : start + RECORDS // 2]
                for _attempt in range(20):
                    try:
                        answer = client.push(batch)
                        break
                    except Transient:
                        time.sleep(0.2)
                else:
                    raise RuntimeError("never answered")
                pushed[n] += sum(r.outcome in ("accepted", "already_had") for r in answer.results)
        except Exception as error:  # collected and reported below
            errors.append(f"desk {n}: {error!r}")
        finally:
            client.close()

    started = time.perf_counter()
    threads = [threading.Thread(target=desk, args=(n,)) for n in range(DESKS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=300)
    elapsed = time.perf_counter() - started
    assert errors == []
    assert pushed == [RECORDS] * DESKS
    with sessions() as session:
        total = session.scalar(select(func.count()).select_from(Record))
        per_site = session.execute(
            select(Record.site_id, func.count()).group_by(Record.site_id)
        ).all()
    assert total == DESKS * RECORDS
    assert {count for _site, count in per_site} == {RECORDS} and len(per_site) == DESKS
    print(f"\n{DESKS} desks, {DESKS * RECORDS} records in {elapsed:.1f} s")
