"""A busy hub says so: past its bound of pushes at once it answers 503 with Retry-After at
once, and desks come back then; nothing is lost or stored twice."""

from __future__ import annotations

import asyncio
import json
import threading
import uuid
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import sessionmaker
from starlette.types import Receive, Scope, Send

from app.sync.client import BUSY_TRIES, HubBusy, HubClient
from core.wire import PushRecord
from hub import service
from hub.api import RETRY_AFTER_S, PushGate, create_app
from hub.config import make_engine
from hub.localpg import free_port
from hub.models import Record
from tests.hub.conftest import Hub, serve_hub
from tests.hub.test_load import PAYLOAD


def test_a_push_past_the_bound_is_answered_503_with_retry_after_at_once() -> None:
    let_go = asyncio.Event()

    async def storing(scope: Scope, receive: Receive, send: Send) -> None:
        if scope["path"] == "/api/v1/push":
            await let_go.wait()  # the push being stored
        await send({"type": "http.response.start", "status": 200, "headers": []})
        await send({"type": "http.response.body", "body": b"{}"})

    async def burst() -> tuple[list[httpx.Response], httpx.Response]:
        gate = PushGate(storing, limit=2)
        transport = httpx.ASGITransport(app=gate)
        async with httpx.AsyncClient(transport=transport, base_url="http://hub") as client:
            first = [asyncio.create_task(client.post("/api/v1/push")) for _ in range(2)]
            while gate.active < 2:
                await asyncio.sleep(0)  # let the two pushes in
            # Answered at once, while the two others are still being stored.
            third = await asyncio.wait_for(client.post("/api/v1/push"), 5)
            elsewhere = await asyncio.wait_for(client.get("/api/v1/health"), 1)
            let_go.set()
            assert elsewhere.status_code == 200  # only pushes are bounded
            return list(await asyncio.gather(*first)), third

    stored, turned_away = asyncio.run(burst())
    assert [a.status_code for a in stored] == [200, 200]
    assert turned_away.status_code == 503
    seconds = int(turned_away.headers["Retry-After"])
    assert RETRY_AFTER_S[0] <= seconds <= RETRY_AFTER_S[1]
    problem = turned_away.json()
    assert problem["code"] == "busy"
    assert f"nouvel essai dans {seconds}\u00a0s" in problem["message"]


@pytest.fixture
def narrow_hub(hub_url_db: str) -> Iterator[Hub]:
    """The hub storing one push at a time."""
    engine = make_engine(hub_url_db)
    try:
        with serve_hub(engine, free_port(), pushes=1) as served:
            yield served
    finally:
        engine.dispose()


def test_desks_turned_away_by_a_busy_hub_come_back_and_every_record_arrives_once(
    narrow_hub: Hub,
) -> None:
    desks, records = 30, 20
    sessions = sessionmaker(narrow_hub.engine, expire_on_commit=False)
    tokens = []
    with sessions.begin() as session:
        for n in range(desks):
            site = service.add_site(session, f"Site {n}")
            code, _ = service.new_enrol_code(session, site.id)
            tokens.append(service.enrol(session, code, f"desk-{n}", "test")[1])
    barrier = threading.Barrier(desks)
    waits: list[float] = []
    accepted = [0] * desks
    errors: list[str] = []

    def desk(n: int) -> None:
        # Each wait a busy hub asks for is noted and not slept: the desk comes back at once.
        client = HubClient(narrow_hub.url, tokens[n], wait=waits.append)
        sent = [
            PushRecord(kind="contact", id=str(uuid.uuid4()), version=1, payload=PAYLOAD)
            for _ in range(records)
        ]
        try:
            barrier.wait(timeout=60)
            while True:  # the sync's scheduler, which tries again after a HubBusy
                try:
                    answer = client.push(sent)
                    break
                except HubBusy:
                    continue
            accepted[n] = sum(r.outcome == "accepted" for r in answer.results)
        except Exception as error:  # reported below
            errors.append(f"desk {n}: {error!r}")
        finally:
            client.close()

    threads = [threading.Thread(target=desk, args=(n,)) for n in range(desks)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert errors == []
    assert waits and all(RETRY_AFTER_S[0] <= w <= RETRY_AFTER_S[1] for w in waits)
    assert accepted == [records] * desks
    with sessions() as session:
        stored = session.scalar(select(func.count()).select_from(Record))
        distinct = session.scalar(select(func.count(func.distinct(Record.id))))
    assert stored == distinct == desks * records


def busy_then(answers: list[httpx.Response]) -> httpx.MockTransport:
    def handler(request: httpx.Request) -> httpx.Response:
        return answers.pop(0) if answers else busy(7)

    return httpx.MockTransport(handler)


def busy(seconds: int) -> httpx.Response:
    problem = {"code": "busy", "message": "Le hub est occupé"}
    return httpx.Response(503, json=problem, headers={"Retry-After": str(seconds)})


def client_on(transport: httpx.MockTransport, waits: list[float]) -> HubClient:
    client = HubClient("https://hub.example", "token", wait=waits.append)
    client._options["transport"] = transport  # every connection the client opens
    client._http = httpx.Client(**client._options)
    return client


def test_the_desk_waits_what_a_busy_hub_asks_then_sends_again() -> None:
    record = PushRecord(kind="contact", id=str(uuid.uuid4()), version=1, payload=PAYLOAD)
    result = {"kind": "contact", "id": record.id, "version": 1, "outcome": "accepted"}
    stored = httpx.Response(200, content=json.dumps({"results": [result]}).encode())
    waits: list[float] = []
    client = client_on(busy_then([busy(7), busy(300), stored]), waits)
    answer = client.push([record])
    assert [r.outcome for r in answer.results] == ["accepted"]
    assert waits == [7, 60]  # what the hub asked, within a minute


def test_a_hub_busy_too_long_stops_the_sync_with_when_it_tries_again() -> None:
    record = PushRecord(kind="contact", id=str(uuid.uuid4()), version=1, payload=PAYLOAD)
    waits: list[float] = []
    client = client_on(busy_then([]), waits)
    with pytest.raises(HubBusy) as stopped:
        client.push([record])
    assert waits == [7] * (BUSY_TRIES - 1)
    assert stopped.value.text("fr") == (
        "Le hub régional est occupé\u202f; nouvel essai dans 7\u00a0s, rien n’est perdu."
    )
    assert "busy" in stopped.value.text("en") and "7" in stopped.value.text("en")


def test_a_busy_hub_says_so_in_the_desks_language(hub_url_db: str) -> None:
    engine = make_engine(hub_url_db)
    app = create_app(engine, pushes=1)
    app.middleware_stack = stack = app.build_middleware_stack()
    gate: Any = stack
    while not isinstance(gate, PushGate):
        gate = gate.app
    gate.active = 1  # a push being stored

    async def push() -> httpx.Response:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://hub") as client:
            return await client.post("/api/v1/push", headers={"Accept-Language": "en"})

    try:
        answer = asyncio.run(push())
    finally:
        engine.dispose()
    assert answer.status_code == 503
    assert answer.json()["message"].startswith("The hub is busy: trying again in ")
