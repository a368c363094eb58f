"""A referral's slip code goes up with it (protocol 3), the only link between the paper in
the visitor's hand and the record: kept at the hub with the desk that printed it, the same
code from two desks kept for each, never twice for one desk; a hub of protocol 2 receives
the referral without it rather than the desk holding it back."""

from __future__ import annotations

import uuid
from dataclasses import replace

import pytest
from sqlalchemy import Engine, select, text
from sqlalchemy.orm import Session, sessionmaker

from app.desk import Desk
from app.sync import run
from core.wire import PushRecord, protocol_of
from db.models import Referral
from hub import push_store, service
from hub.localpg import free_port
from hub.models import Site, SiteToken, referral_slip
from tests.hub.conftest import serve_hub
from tests.hub.test_sync import VISIT, enrolled

SERVICE = "demo-spro-etm--ml-ouest-provence-cej"


@pytest.fixture(autouse=True)
def no_keyring(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AIGUILLAGE_NO_KEYRING", "1")


def slips(engine: Engine) -> list[tuple[str, str, str]]:
    with engine.connect() as connection:
        rows = connection.execute(
            select(referral_slip.c.record_id, referral_slip.c.code, referral_slip.c.desk_id)
        )
        return sorted((str(a), str(b), str(c)) for a, b, c in rows)


def test_a_referral_s_slip_code_reaches_the_hub_with_the_desk_that_printed_it(
    desk: Desk, engine: Engine
) -> None:
    with serve_hub(engine, free_port()) as hub:
        enrolled(desk, hub)
        sent = desk.intake.save(replace(VISIT, referrals=[SERVICE]))
        assert run.sync_once(desk).pushed == 2
        with desk.sessions() as session:
            referral = session.scalars(select(Referral)).one()
        with Session(engine) as session:
            desk_id = session.scalars(select(SiteToken.desk_id)).one()
        assert slips(engine) == [(referral.id, referral.slip_code, desk_id)]
        # Taken back on the desk, the referral's code is no longer one a partner can find.
        desk.intake.edit(sent.id, replace(VISIT, referrals=[]))
        assert run.sync_once(desk).pushed == 2
    assert slips(engine) == []


def test_a_hub_of_protocol_two_gets_the_referral_without_its_code(
    desk: Desk, engine: Engine
) -> None:
    with serve_hub(engine, free_port(), protocol_of(2)) as old:
        enrolled(desk, old)
        desk.intake.save(replace(VISIT, referrals=[SERVICE]))
        summary = run.sync_once(desk)
    assert (summary.pushed, summary.held, summary.pending) == (2, 0, 0)
    with engine.connect() as connection:
        payload = connection.execute(
            text("SELECT payload FROM record WHERE kind = 'referral'")
        ).scalar_one()
    assert "slip_code" not in payload and payload["service_id"] == SERVICE
    assert slips(engine) == []


def test_one_code_from_two_desks_is_kept_for_each_and_never_twice_for_one(
    engine: Engine,
) -> None:
    sessions = sessionmaker(engine, expire_on_commit=False)
    with sessions.begin() as session:
        site_id, _code = code_for_engine(session)
    first_desk, second_desk = str(uuid.uuid4()), str(uuid.uuid4())

    def refer(desk_id: str, code: str) -> tuple[str, str]:
        contact, referral = str(uuid.uuid4()), str(uuid.uuid4())
        visit: dict[str, object] = {"day": "2026-11-24", "channel": "sur-place", "public": "salarie",
                 "age": "26-44", "gender": "femme", "commune": "13004",
                 "themes": ["vae"], "answers": ["orientation-partenaire"]}  # fmt: skip
        sent: dict[str, object] = {"day": "2026-11-24", "contact_id": contact, "service_id": SERVICE,
                "slip_code": code}  # fmt: skip
        with sessions.begin() as session:
            site = session.get(Site, site_id)
            assert site is not None
            answers = push_store.store_push(session, engine, site, [
                PushRecord(kind="contact", id=contact, version=1, payload=visit),
                PushRecord(kind="referral", id=referral, version=1, payload=sent),
            ], desk=desk_id)  # fmt: skip
            assert {a.outcome for a in answers} == {"accepted"}
        return contact, referral

    _c1, one = refer(first_desk, "K7M-42Q")
    _c2, other = refer(second_desk, "K7M-42Q")
    _c3, again = refer(first_desk, "K7M-42Q")  # a desk restored from an old copy, say
    assert slips(engine) == sorted([(one, "K7M-42Q", first_desk), (other, "K7M-42Q", second_desk)])
    assert again not in {row[0] for row in slips(engine)}


def code_for_engine(session: Session) -> tuple[str, str]:
    site = service.add_site(session, "CIO d’Arles")
    code, _expires = service.new_enrol_code(session, site.id)
    return site.id, code
