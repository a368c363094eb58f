"""The desk makes its next batch while the hub stores the one on its way, over real HTTP to
uvicorn on PostgreSQL: no record goes up twice, and each is marked sent by the hub's answer
for it only."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from functools import partial
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.desk import Desk
from app.sync import push, run
from core.wire import PushRecord
from db.models import Contact
from hub import push_store
from tests.conftest import FakeClock
from tests.hub.conftest import Hub
from tests.hub.test_sync import VISIT, enrolled, hub_records


@pytest.fixture(autouse=True)
def no_keyring(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AIGUILLAGE_NO_KEYRING", "1")


def test_no_record_goes_up_twice_while_the_next_batch_is_made(
    desk: Desk, clock: FakeClock, hub: Hub, monkeypatch: pytest.MonkeyPatch
) -> None:
    enrolled(desk, hub)
    ids = []
    for _ in range(7):
        ids.append(desk.intake.save(replace(VISIT, public="salarie")).id)
        clock.advance(60)
    received: list[list[str]] = []
    real = push_store.store_push

    def store_push(
        session: Session, engine: Any, site: Any, batch: list[PushRecord], *rest: Any
    ) -> list[Any]:
        if batch:
            received.append([record.id for record in batch])
        return real(session, engine, site, batch, *rest)

    monkeypatch.setattr(push_store, "store_push", store_push)
    monkeypatch.setattr(run, "push_all", partial(push.push_all, batch_size=3))
    summary = run.sync_once(desk)
    assert (summary.pushed, summary.pending) == (7, 0)
    # Oldest first, three at a time, each record once.
    assert received == [ids[0:3], ids[3:6], ids[6:7]]
    assert Counter(r.id for r in hub_records(hub, "contact")) == Counter(ids)
    with desk.sessions() as session:
        rows = session.execute(select(Contact.id, Contact.version, Contact.synced_version))
        assert {row.id: row.synced_version for row in rows} == dict.fromkeys(ids, 1)
