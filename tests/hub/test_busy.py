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

from app.sync.client import BUSY_TRIES, HubBusy, HubClient
from core.wire import PushRecord
from hub import service
from hub.api import RETRY_AFTER_S, create_app
from hub.config import make_engine
from hub.localpg import free_port
from hub.models import Record
from tests.hub.conftest import Hub, serve_hub
from tests.hub.test_load import PAYLOAD


def _token(engine: Any) -> str:
    """An enrolled desk's token."""
    with sessionmaker(engine).begin() as db:
        site = service.add_site(db, "Cité des métiers d’Istres")
        code, _expires = service.new_enrol_code(db, site.id)
    with sessionmaker(engine).begin() as db:
        return service.enrol(db, code, str(uuid.uuid4()), "test")[1]


def test_a_push_past_the_bound_is_answered_503_with_retry_after_in_the_desks_language(
    hub_url_db: str,
) -> None:
    engine = make_engine(hub_url_db)
    app = create_app(engine, pushes=1)
    token = _token(engine)
    assert app.state.push_slots._free.acquire(blocking=False)  # a push being stored
    body = {"protocol": 1, "records": []}

    async def ask() -> list[httpx.Response]:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://hub") as client:
            desk = {"Authorization": f"Bearer {token}"}
            return [
                await client.post("/api/v1/push", json=body, headers=desk),
                await client.post(
                    "/api/v1/push", json=body, headers={**desk, "Accept-Language": "en"}
                ),
                # Without a token nobody is told « busy », nor takes a place.
                await client.post("/api/v1/push", json=body),
                await client.get("/api/v1/health"),
            ]

    try:
        french, english, stranger, health = asyncio.run(ask())
    finally:
        engine.dispose()
    assert (french.status_code, english.status_code) == (503, 503)
    seconds = int(french.headers["Retry-After"])
    assert RETRY_AFTER_S[0] <= seconds <= RETRY_AFTER_S[1]
    assert french.json()["code"] == "busy"
    assert f"nouvel essai dans {seconds}\u00a0s" in french.json()["message"]
    assert english.json()["message"].startswith("The hub is busy: trying again in ")
    assert stranger.status_code == 401 and health.status_code == 200


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


@pytest.mark.parametrize(
    ("header", "seconds"),
    [("7", 7), (" 0 ", 1), ("3600", 60), ("²", None), ("1" * 5000, None), ("-5", None),
     ("Wed, 21 Oct 2026 07:28:00 GMT", None), (None, None), ("", None)],
)  # fmt: skip
def test_a_retry_after_from_a_hostile_or_broken_hub_is_read_safely(
    header: str | None, seconds: int | None
) -> None:
    from app.sync.client import retry_after

    assert retry_after(header) == seconds
