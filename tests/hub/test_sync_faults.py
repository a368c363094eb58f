"""A hub that fails (HTTP 500) on one record of a batch, over real HTTP to uvicorn on
PostgreSQL: the desk finds that record, holds it in quarantine with its reason, and every
other record goes up. A hub that fails on everything, or is down behind its proxy, is only
tried again later: nothing is quarantined."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from typing import Any

import httpx
import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.desk import Desk
from app.directory import records
from app.sync import client as sync_client
from app.sync import credentials, run
from app.sync.queue import pending_count, quarantined
from core.wire import PushRecord
from db.models import Contact, DirectoryFlag, SyncQuarantine
from hub import push_store
from tests.conftest import FakeClock
from tests.hub.conftest import Hub
from tests.hub.proxy import FaultyProxy
from tests.hub.test_sync import VISIT, code_for, enrolled, hub_records

SERVICE = "demo-spro-etm--ml-ouest-provence-cej"


@pytest.fixture(autouse=True)
def no_keyring(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AIGUILLAGE_NO_KEYRING", "1")
    monkeypatch.setattr(sync_client, "TIMEOUT", httpx.Timeout(5.0, connect=1.0))


class Poison:
    """Makes the hub's store fail, as a bug on some value would, for the records whose id
    is in ``ids`` (or for every record); counts the pushes that carried records."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.ids: set[str] = set()
        self.everything = False
        self.pushes = 0
        real = push_store.store_push

        def store_push(
            session: Session, engine: Any, site: Any, batch: list[PushRecord], *rest: Any
        ) -> list[Any]:
            if batch:
                self.pushes += 1
            if self.everything or any(r.id in self.ids for r in batch):
                raise RuntimeError("the hub trips on this record")
            return real(session, engine, site, batch, *rest)

        monkeypatch.setattr(push_store, "store_push", store_push)


@pytest.fixture
def poison(monkeypatch: pytest.MonkeyPatch) -> Poison:
    return Poison(monkeypatch)


def visits(desk: Desk, clock: FakeClock, count: int) -> list[str]:
    """``count`` contacts, each a minute after the other (the order they go up in)."""
    ids = []
    for minute in range(count):
        draft = replace(VISIT, public="salarie" if minute % 2 else "demandeur-emploi")
        ids.append(desk.intake.save(draft).id)
        clock.advance(60)
    return ids


def held(desk: Desk) -> dict[str, tuple[str, str | None]]:
    with desk.sessions() as session:
        return {q.record_id: (q.outcome, q.reason) for q in quarantined(session)}


@pytest.mark.parametrize(
    "bad",
    [
        pytest.param([17], id="one-in-the-middle"),
        pytest.param([0], id="the-oldest"),
        pytest.param([39], id="the-newest"),
        pytest.param([3, 30], id="one-in-each-half"),
        pytest.param(list(range(12)), id="twelve-in-a-row-first"),
        pytest.param([1, 6, 11, 16, 21, 26, 31, 36], id="eight-spread"),
    ],
)
def test_the_record_the_hub_fails_on_is_quarantined_and_the_others_go_up(
    desk: Desk, clock: FakeClock, hub: Hub, poison: Poison, bad: list[int]
) -> None:
    enrolled(desk, hub)
    ids = visits(desk, clock, 40)
    poison.ids = {ids[i] for i in bad}
    summary = run.sync_once(desk)
    assert (summary.pending, summary.rejected) == (0, len(bad))
    stored = {r.id for r in hub_records(hub, "contact")}
    assert stored == set(ids) - poison.ids
    reason = "le hub n’a pas pu enregistrer cet enregistrement (erreur 500)"
    assert held(desk) == {i: ("rejected", reason) for i in poison.ids}
    # Nothing waits any more: the next sync sends nothing and fails on nothing.
    assert run.sync_once(desk).pushed == 0


def test_a_flag_the_hub_fails_on_holds_back_neither_contacts_nor_other_flags(
    desk: Desk, clock: FakeClock, hub: Hub, poison: Poison
) -> None:
    enrolled(desk, hub)
    ids = visits(desk, clock, 5)
    with desk.sessions.begin() as session:
        bad = records.flag(session, SERVICE, "hours", "Fermé le lundi")
        good = records.flag(session, SERVICE, "closed", None)
    poison.ids = {bad}
    summary = run.sync_once(desk)
    assert (summary.pushed, summary.rejected, summary.pending) == (6, 1, 0)
    assert {r.id for r in hub_records(hub)} == {*ids, good}
    assert set(held(desk)) == {bad}
    with desk.sessions() as session:
        flag = session.get(DirectoryFlag, bad)
        assert flag is not None and flag.synced_version == 0


def snapshot(desk: Desk) -> list[tuple[str, int]]:
    with desk.sessions() as session:
        rows = session.execute(select(Contact.id, Contact.synced_version))
        return sorted((row[0], row[1]) for row in rows)


def test_a_hub_failing_on_everything_quarantines_nothing(
    desk: Desk, clock: FakeClock, hub: Hub, poison: Poison
) -> None:
    enrolled(desk, hub)
    ids = visits(desk, clock, 300)
    before = snapshot(desk)
    poison.everything = True
    with pytest.raises(sync_client.Transient) as caught:
        run.sync_once(desk)
    assert "nouvel essai plus tard" in caught.value.text("fr")
    assert held(desk) == {} and snapshot(desk) == before
    with desk.sessions() as session:
        assert pending_count(session) == 300
    # It gave up after a few tries, not one per record.
    assert poison.pushes <= 2 * (300).bit_length() + 2
    # Mended, the hub takes everything.
    poison.everything = False
    assert run.sync_once(desk).pushed == 300
    assert {r.id for r in hub_records(hub, "contact")} == set(ids)


@pytest.fixture
def proxy(hub: Hub) -> Iterator[FaultyProxy]:
    proxy = FaultyProxy(hub.url)
    yield proxy
    proxy.close()


@pytest.mark.parametrize("fault", ["error502", "error503", "cut_before", "stall"])
def test_a_hub_down_behind_its_proxy_quarantines_nothing(
    desk: Desk,
    clock: FakeClock,
    hub: Hub,
    proxy: FaultyProxy,
    poison: Poison,
    fault: str,
) -> None:
    _site, code = code_for(hub)
    run.enrol(desk, hub.url, code)
    token = (desk.paths.data / "hub-token").read_text()
    desk.settings.set("hub.url", proxy.url)
    credentials.save_token(desk.paths.data, run._account(desk), token)
    ids = visits(desk, clock, 30)
    # One record would trip the hub too: a proxy's answer must not be read as that.
    poison.ids = {ids[4]}
    proxy.stall_s = 6.0
    proxy.schedule = [fault] * 50
    with pytest.raises(sync_client.Transient):
        run.sync_once(desk)
    assert held(desk) == {}
    assert len(proxy.seen) == 1  # tried once, then later with the backoff
    with desk.sessions() as session:
        assert pending_count(session) == 30
        assert session.scalars(select(SyncQuarantine)).first() is None


def test_a_flag_queued_with_personal_data_by_an_older_desk_never_leaves(
    desk: Desk, clock: FakeClock, hub: Hub
) -> None:
    enrolled(desk, hub)
    ids = visits(desk, clock, 3)
    with desk.sessions.begin() as session:
        clean = records.flag(session, SERVICE, "hours", "Fermé le lundi matin")
        # As a desk of the previous version queued it: the comment was never checked.
        old = records.flag(session, SERVICE, "other", "Fermé le lundi matin")
        session.flush()
        session.get(DirectoryFlag, old).comment = "Rappeler au 06 12 34 56 78"  # type: ignore[union-attr]
    summary = run.sync_once(desk)
    assert (summary.pushed, summary.rejected, summary.pending) == (4, 1, 0)
    assert {r.id for r in hub_records(hub)} == {*ids, clean}
    assert "06 12" not in str([r.payload for r in hub_records(hub)])
    assert held(desk) == {
        old: ("rejected", "commentaire non envoyé\u00a0: il semble contenir un numéro de téléphone")
    }


def test_visits_from_islands_are_stored_at_the_hub_as_their_departement(
    desk: Desk, hub: Hub
) -> None:
    enrolled(desk, hub)
    places = {"29083": "29", "22016": "22", "98741": "987", "13006": "241300375"}
    sent = {desk.intake.save(replace(VISIT, commune=c)).id: p for c, p in places.items()}
    assert run.sync_once(desk).rejected == 0
    assert {r.id: r.payload["commune"] for r in hub_records(hub, "contact")} == sent
