"""The wire evolves safely: a desk sends a hub only the fields it knows, holds (without
losing) what it cannot send yet, and sends it by itself once the hub is upgraded; a hub
serves an older desk and refuses, clearly, a newer one it cannot serve. Real HTTP, real
PostgreSQL, a hub played one protocol back by its own setting."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import datetime

import httpx
import pytest
from sqlalchemy import select
from sqlalchemy.orm import sessionmaker

from app.desk import Desk
from app.intake.contact import ContactDraft
from app.sync import run
from app.sync.client import HubClient
from app.sync.queue import held, pending_count, quarantined
from core import fields
from core.errors import DeskError
from core.wire import API, PROTOCOL, PushRecord, fields_of, protocol_of
from db.models import SyncQuarantine
from hub.config import make_engine
from hub.localpg import free_port
from hub.models import Record, SiteToken
from tests.hub.conftest import Hub, serve_hub
from tests.hub.test_sync import code_for, enrolled

VISIT = ContactDraft(
    "sur-place", "demandeur-emploi", "26-44", "femme", "13004", ["trouver-formation"],
    ["orientation-partenaire"],
)  # fmt: skip
# The field played as the one protocol 2 added: every field of this version came with
# protocol 1, so the table is given one that came later (``since=2``), and each side reads
# what a peer of protocol 1 knows from that table, never from a list written here.
NEW_FIELD = "first_visit"


@pytest.fixture(autouse=True)
def protocol_two_added_a_field(monkeypatch: pytest.MonkeyPatch) -> None:
    table = tuple(replace(f, since=2) if f.name == NEW_FIELD else f for f in fields.CONTACT_FIELDS)
    monkeypatch.setattr(fields, "CONTACT_FIELDS", table)
    assert NEW_FIELD not in protocol_of(1).accepted("contact")
    assert NEW_FIELD in protocol_of(2).accepted("contact")


@pytest.fixture(autouse=True)
def no_keyring(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AIGUILLAGE_NO_KEYRING", "1")


@pytest.fixture
def engine(hub_url_db: str) -> Iterator[object]:
    engine = make_engine(hub_url_db)
    yield engine
    engine.dispose()


def stored(hub: Hub) -> dict[str, dict[str, object]]:
    with sessionmaker(hub.engine)() as session:
        rows = session.scalars(select(Record).where(Record.kind == "contact"))
        return {r.id: dict(r.payload) for r in rows}


def told(hub: Hub) -> tuple[int | None, int | None]:
    """What the desk last told the hub: records waiting, records in quarantine."""
    with sessionmaker(hub.engine)() as session:
        token = session.scalars(select(SiteToken)).one()
        return token.pending, token.quarantined


def held_since(desk: Desk) -> dict[str, datetime]:
    """When each record waiting for the hub's upgrade was first held."""
    with desk.sessions() as session:
        return {h.record_id: h.at for h in session.scalars(select(SyncQuarantine))}


@pytest.mark.parametrize("states", [True, False], ids=["stating-protocol-1", "silent"])
def test_an_old_hub_gets_what_it_knows_and_the_rest_goes_up_after_its_upgrade(
    desk: Desk, engine: object, states: bool
) -> None:
    """A hub of protocol 1: one that states it, and one from before ``GET /protocol``
    (404), which the desk takes to speak protocol 1 as its own table describes it."""
    port = free_port()
    with serve_hub(engine, port, protocol_of(1), states=states) as old:  # type: ignore[arg-type]
        enrolled(desk, old)
        plain = desk.intake.save(VISIT)  # first visit not said: the field at its default
        first = desk.intake.save(replace(VISIT, first_visit=True))
        again = desk.intake.save(replace(VISIT, first_visit=False))
        summary = run.sync_once(desk)
        assert (summary.pushed, summary.held, summary.rejected, summary.pending) == (1, 2, 0, 2)
        assert set(stored(old)) == {plain.id}
        assert NEW_FIELD not in stored(old)[plain.id]
        with desk.sessions() as session:
            assert quarantined(session) == []  # nothing for the agent to edit
            waiting = {h.record_id: (h.outcome, h.reason) for h in held(session)}
            assert pending_count(session) == 2
        assert set(waiting) == {first.id, again.id}
        outcome, reason = waiting[first.id]
        assert outcome == "held" and "mise à jour du hub" in (reason or "")
        assert "«\u00a0Première visite\u00a0»" in (reason or "")
        assert told(old) == (2, 0)  # the console reads two waiting, none refused
        first_held = held_since(desk)
        # Another sync with the same hub sends nothing twice and still holds them, since
        # the day they were first held.
        again_summary = run.sync_once(desk)
        assert (again_summary.pushed, again_summary.held) == (0, 2)
        assert held_since(desk) == first_held
    # The hub is upgraded: the same database, the same address, the whole protocol.
    with serve_hub(engine, port) as new:  # type: ignore[arg-type]
        summary = run.sync_once(desk)
        assert (summary.pushed, summary.held, summary.pending, summary.rejected) == (2, 0, 0, 0)
        payloads = stored(new)
        assert payloads[first.id][NEW_FIELD] is True
        assert payloads[again.id][NEW_FIELD] is False
        assert NEW_FIELD not in payloads[plain.id]  # stored as the old hub had it
        with desk.sessions() as session:
            assert held(session) == [] and quarantined(session) == []
        assert told(new) == (0, 0)
        # The record the old hub stored, sent again with the field at its default, is the
        # same record, not a conflict.
        client = HubClient(new.url, (desk.paths.data / "hub-token").read_text())
        try:
            client.learn_protocol()
            payload = {**payloads[plain.id], NEW_FIELD: None}
            answer = client.push(
                [PushRecord(kind="contact", id=plain.id, version=1, payload=payload)]
            )
        finally:
            client.close()
        assert answer.results[0].outcome == "already_had"


def test_a_record_held_for_the_hub_is_released_when_edited_back_to_what_it_knows(
    desk: Desk, engine: object
) -> None:
    with serve_hub(engine, free_port(), protocol_of(1)) as old:  # type: ignore[arg-type]
        enrolled(desk, old)
        first = desk.intake.save(replace(VISIT, first_visit=True))
        assert run.sync_once(desk).held == 1
        desk.intake.edit(first.id, replace(VISIT, first_visit=None))
        summary = run.sync_once(desk)
        assert (summary.pushed, summary.held, summary.pending) == (1, 0, 0)
        assert held_since(desk) == {}
        assert NEW_FIELD not in stored(old)[first.id]


def test_a_new_hub_serves_an_old_desk_the_missing_field_taking_its_default(hub: Hub) -> None:
    _site, code = code_for(hub)
    client = HubClient(hub.url)
    client.speaks = PROTOCOL - 1  # an older desk: it never asks what the hub speaks
    try:
        token = client.enrol(code, "6f1c2a4e-8b0d-4c39-9d57-2e6f1a3b4c5d", "0.9").token
        client.token = token
        # What this version's desk sends, as a desk of protocol 1 knew it: the fields its
        # table gave protocol 1, none of those added since.
        full: dict[str, object] = {
            "day": "2026-11-24", "channel": "sur-place", "public": "demandeur-emploi",
            "age": "26-44", "gender": "femme", "commune": "13004",
            "themes": ["trouver-formation"], "answers": ["orientation-partenaire"],
            "duration": None, NEW_FIELD: True, "cancelled": False,
        }  # fmt: skip
        payload = {k: v for k, v in full.items() if k in fields_of("contact", 1)}
        assert NEW_FIELD not in payload and "duration" in payload
        record_id = "0b6f1a3b-4c5d-4e39-9d57-2e6f1c2a4e8b"
        answer = client.push([PushRecord(kind="contact", id=record_id, version=1, payload=payload)])
    finally:
        client.close()
    assert answer.results[0].outcome == "accepted"
    assert stored(hub)[record_id][NEW_FIELD] is None
    assert stored(hub)[record_id]["duration"] is None


def test_a_desk_newer_than_the_hub_can_serve_is_told_so_and_keeps_its_records(
    desk: Desk, engine: object
) -> None:
    with serve_hub(engine, free_port(), protocol_of(1)) as old:  # type: ignore[arg-type]
        enrolled(desk, old)
        desk.intake.save(replace(VISIT, first_visit=True))
        # A desk that did not read what the hub speaks, as this version before a sync does.
        raw = httpx.post(
            f"{old.url}{API}/push",
            json={"protocol": PROTOCOL, "records": []},
            headers={"Authorization": "Bearer " + (desk.paths.data / "hub-token").read_text()},
        )
        assert raw.status_code == 409 and raw.json()["code"] == "too_new"
        client = HubClient(old.url, (desk.paths.data / "hub-token").read_text())
        try:
            with pytest.raises(DeskError) as refused:
                client.push([])
        finally:
            client.close()
        assert "mettre à jour" in refused.value.text("fr")
        assert "must update it" in refused.value.text("en")
        assert "Nothing is lost" in refused.value.text("en")
        # The hub says what it speaks; the desk, reading it, speaks that.
        spoken = httpx.get(f"{old.url}{API}/protocol").json()
        assert spoken["protocol"] == 1 and NEW_FIELD not in spoken["fields"]["contact"]
        with desk.sessions() as session:
            assert pending_count(session) == 1
