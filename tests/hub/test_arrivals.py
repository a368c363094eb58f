"""A partner that runs Aiguillage, at the hub, over real HTTP on PostgreSQL: the region's
coordination says that the Mission locale's site is its structure of the directory; that
site's desk says, by a slip code, that a person came and was taken in hand; the hub notes
it, dated the day it was said at the counter, and the desk that printed the slip is told
at its next pull. Another partner's code is unknown, a site that is no partner is told so
in words, and unknown codes past the pace wait for the next sync."""

from __future__ import annotations

import uuid
from datetime import date, timedelta

import httpx
import pytest
from sqlalchemy.orm import Session

from app.desk import Desk
from app.referrals import arrivals
from app.sync import run
from app.sync.client import HubClient
from core.errors import DeskError
from core.wire import ArrivalWire
from hub import service
from hub.checks import today
from hub.models import Site
from hub.partner_models import ReferralOutcome
from tests.hub.conftest import Hub
from tests.hub.console_kit import DESK, STRUCTURE, csrf_of, import_demo, push, text_of, visit
from tests.hub.test_sync import enrolled

ISTRES, ML_SITE = "Cité des métiers d’Istres", "Mission locale Ouest Provence, Istres"


def desk_of(hub: Hub, site_name: str) -> HubClient:
    with Session(hub.engine) as session, session.begin():
        site_id = service.slugify(site_name)
        if session.get(Site, site_id) is None:
            service.add_site(session, site_name)
            session.flush()
        code, _expires = service.new_enrol_code(session, site_id)
    client = HubClient(hub.url)
    client.token = client.enrol(code, str(uuid.uuid4()), "0.9").token
    client.learn_protocol()
    return client


def arrival(code: str, said: str = "accompagnee", day: date | None = None) -> ArrivalWire:
    return ArrivalWire(id=str(uuid.uuid4()), slip_code=code, said=said, day=day or today())  # type: ignore[arg-type]


@pytest.fixture
def referred(hub: Hub) -> str:
    """A visit of Istres referred to the Mission locale Ouest Provence, slip K7M-42Q."""
    import_demo(hub)
    [contact] = push(hub, ISTRES, "contact", [visit("demandeur-emploi", "13047", ["alternance"])])
    [referral] = push(hub, ISTRES, "referral", [
        {"day": "2026-11-18", "contact_id": contact, "service_id": f"{STRUCTURE}-cej",
         "structure_id": STRUCTURE, "slip_code": "K7M-42Q"},
    ], desk=DESK)  # fmt: skip
    return referral


def test_a_partner_s_desk_says_a_person_came_and_the_referring_desk_is_told(
    hub: Hub, signed_in: httpx.Client, referred: str
) -> None:
    partner = desk_of(hub, ML_SITE)
    try:
        with pytest.raises(DeskError) as refused:  # not yet a partner's site
            partner.arrivals([arrival("K7M-42Q")])
        assert "n’est pas une structure partenaire" in str(refused.value.text("fr"))
        page = signed_in.get("/console/sites/mission-locale-ouest-provence-istres")
        unknown = signed_in.post(
            "/console/sites/mission-locale-ouest-provence-istres/partenaire",
            data={"csrf": csrf_of(page), "partenaire": "nulle-part"},
        )
        assert unknown.status_code == 404 and "Structure inconnue" in text_of(unknown)
        saved = signed_in.post(
            "/console/sites/mission-locale-ouest-provence-istres/partenaire",
            data={"csrf": csrf_of(page), "partenaire": STRUCTURE},
        )
        assert saved.status_code == 303
        shown = text_of(signed_in.get(saved.headers["location"]))
        assert "Structure partenaire enregistrée." in shown
        assert f"Structure partenaire Mission locale Ouest Provence ( {STRUCTURE} )" in shown
        came = today() - timedelta(days=2)  # said offline two days ago
        answers = partner.arrivals([arrival("K7M-42Q", day=came), arrival("ABC-DEF")])
        assert [a.answer for a in answers.answers] == ["notee", "inconnue"]
    finally:
        partner.close()
    with Session(hub.engine) as session:
        said = session.get(ReferralOutcome, referred)
        assert said is not None
        assert (said.presented_on, said.outcome, said.outcome_on) == (came, "accompagnee", came)
        assert said.changed_on == today()  # so that the referring desk pulls it now
    referring = HubClient(hub.url)
    try:
        with Session(hub.engine) as session, session.begin():
            code, _expires = service.new_enrol_code(session, "cite-des-metiers-d-istres")
        referring.token = referring.enrol(code, DESK, "0.9").token
        referring.learn_protocol()
        [told] = referring.outcomes(date(2000, 1, 1), "").outcomes
        assert (told.id, told.presented_on, told.outcome) == (referred, came, "accompagnee")
    finally:
        referring.close()


def test_another_partner_s_code_is_unknown_and_guesses_wait(hub: Hub, referred: str) -> None:
    with Session(hub.engine) as session, session.begin():
        site = service.add_site(session, "CIO d’Arles")
        site.partner = "demo-spro-etm--cio-arles"
    other = desk_of(hub, "CIO d’Arles")
    try:
        first = other.arrivals([arrival("K7M-42Q")])
        assert [a.answer for a in first.answers] == ["inconnue"]
        guesses = other.arrivals([arrival(f"ABC-DE{c}") for c in "23456789"])
        answers = [a.answer for a in guesses.answers]
        assert answers.count("inconnue") == 5 and answers[5:] == ["plus-tard"] * 3
    finally:
        other.close()
    with Session(hub.engine) as session:
        assert session.get(ReferralOutcome, referred) is None


def test_a_partner_s_desk_sends_what_it_noted_offline_at_its_next_sync(
    hub: Hub, desk: Desk, referred: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("AIGUILLAGE_NO_KEYRING", "1")
    for typed in ("k7m42q", "ABC-DEF"):  # offline: kept, nothing sent yet
        arrivals.note(desk.sessions, typed, "accompagnee", desk.intake.now())
    site_id = enrolled(desk, hub)
    run.sync_once(desk)  # the site is no partner yet: both kept, to send again
    assert {line.answer for line in arrivals.recent(desk.sessions)} == {"pas-partenaire"}
    with Session(hub.engine) as session, session.begin():
        site = session.get(Site, site_id)
        assert site is not None
        site.partner = STRUCTURE
    run.sync_once(desk)
    answers = {line.code: line.answer for line in arrivals.recent(desk.sessions)}
    assert answers == {"K7M-42Q": "notee", "ABC-DEF": "inconnue"}
    with Session(hub.engine) as session:
        said = session.get(ReferralOutcome, referred)
        assert said is not None and said.outcome == "accompagnee"
    run.sync_once(desk)  # nothing more to send: what was answered stays answered
    assert {line.code: line.answer for line in arrivals.recent(desk.sessions)} == answers


def test_a_desk_with_a_wrong_clock_dates_nothing_before_the_slip_nor_after_today(
    hub: Hub, referred: str
) -> None:
    with Session(hub.engine) as session, session.begin():
        site = service.add_site(session, ML_SITE)
        site.partner = STRUCTURE
    partner = desk_of(hub, ML_SITE)
    try:
        said = partner.arrivals([arrival("K7M-42Q", "presentee", date(2099, 1, 1))])
        assert [a.answer for a in said.answers] == ["notee"]
        with Session(hub.engine) as session:
            row = session.get(ReferralOutcome, referred)
            assert row is not None and row.presented_on == today()
            session.delete(row)
            session.commit()
        partner.arrivals([arrival("K7M-42Q", "accompagnee", date(2020, 1, 1))])
    finally:
        partner.close()
    with Session(hub.engine) as session:
        row = session.get(ReferralOutcome, referred)
        assert row is not None
        assert row.presented_on == row.outcome_on == date(2026, 11, 18)  # the slip's day
