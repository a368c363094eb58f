"""A desk's sync against a busy hub (503 with Retry-After, as the hub or its proxy says):
the desk waits what it is asked, sends again, and nothing is quarantined or lost."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import select

from app.desk import Desk
from app.sync import client as sync_client
from app.sync import credentials, run
from app.sync.queue import pending_count
from db.models import SyncQuarantine
from tests.conftest import FakeClock
from tests.hub.conftest import Hub
from tests.hub.proxy import BUSY_S, FaultyProxy
from tests.hub.test_sync import code_for, hub_records
from tests.hub.test_sync_faults import visits


@pytest.fixture
def waits(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """The waits the desk's client makes, noted instead of slept."""
    noted: list[float] = []
    monkeypatch.setenv("AIGUILLAGE_NO_KEYRING", "1")
    monkeypatch.setattr(sync_client, "pause", noted.append)
    return noted


@pytest.fixture
def behind_proxy(desk: Desk, hub: Hub) -> Iterator[FaultyProxy]:
    """The desk enrolled with the hub, then reaching it through a proxy."""
    proxy = FaultyProxy(hub.url)
    proxy.forward_reads = True  # the pull's pages, after the push
    run.enrol(desk, hub.url, code_for(hub)[1])
    token = (desk.paths.data / "hub-token").read_text()
    desk.settings.set("hub.url", proxy.url)
    credentials.save_token(desk.paths.data, run._account(desk), token)
    yield proxy
    proxy.close()


def test_a_desk_waits_for_a_busy_hub_then_sends_everything_once(
    desk: Desk, clock: FakeClock, hub: Hub, behind_proxy: FaultyProxy, waits: list[float]
) -> None:
    ids = visits(desk, clock, 30)
    behind_proxy.schedule = ["busy503"] * 3
    summary = run.sync_once(desk)
    assert waits == [BUSY_S] * 3
    assert (summary.pushed, summary.pending, summary.rejected) == (30, 0, 0)
    assert sorted(r.id for r in hub_records(hub, "contact")) == sorted(ids)


def test_a_hub_busy_for_long_stops_the_sync_and_keeps_every_record(
    desk: Desk, clock: FakeClock, hub: Hub, behind_proxy: FaultyProxy, waits: list[float]
) -> None:
    visits(desk, clock, 30)
    behind_proxy.schedule = ["busy503"] * 50
    with pytest.raises(sync_client.HubBusy) as stopped:
        run.sync_once(desk)
    assert len(behind_proxy.seen) == sync_client.BUSY_TRIES
    assert waits == [BUSY_S] * (sync_client.BUSY_TRIES - 1)
    assert "nouvel essai dans 3\u00a0s, rien n’est perdu" in stopped.value.text("fr")
    assert "trying again in 3 s, nothing is lost" in stopped.value.text("en")
    assert hub_records(hub, "contact") == []
    with desk.sessions() as session:
        assert pending_count(session) == 30
        assert session.scalars(select(SyncQuarantine)).first() is None
