"""A partner keeps its own records fresh, over real HTTP on PostgreSQL: with its link, it
proposes new hours and a new phone number for its structure; what cannot be read is
refused in words and kept nowhere; another partner's record is unknown to it; the
coordinator reads the proposal beside the record as it stands and accepts it; a desk's
next sync brings the record down, changed. A refusal changes nothing."""

from __future__ import annotations

import re

import httpx
import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.desk import Desk
from app.sync import run
from db.models import Structure
from hub.partner_models import DirectoryProposal
from tests.hub.conftest import Hub
from tests.hub.console_kit import STRUCTURE, csrf_of, import_demo, text_of
from tests.hub.test_partner_page import link_for, opened
from tests.hub.test_sync import enrolled

HOURS = "Mo-Fr 09:00-12:30,14:00-17:30; PH off"
OTHER = "demo-spro-etm--cio-arles"


@pytest.fixture(autouse=True)
def no_keyring(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AIGUILLAGE_NO_KEYRING", "1")


@pytest.fixture
def partner(hub: Hub, signed_in: httpx.Client) -> httpx.Client:
    """The Mission locale Ouest Provence's browser, opened with the link it was sent."""
    import_demo(hub)
    client = httpx.Client(base_url=hub.url, follow_redirects=False, timeout=30)
    return opened(client, link_for(signed_in, STRUCTURE))


def form_of(partner: httpx.Client, kind: str, record_id: str) -> httpx.Response:
    return partner.get("/console/partenaire/fiche", params={"type": kind, "id": record_id})


def key_of(page: httpx.Response) -> str:
    found = re.search(r'name="key" value="([^"]+)"', page.text)
    assert found is not None
    return found.group(1)


def proposals(hub: Hub) -> list[DirectoryProposal]:
    with Session(hub.engine) as session:
        return list(session.scalars(select(DirectoryProposal)))


def test_a_partner_s_proposal_accepted_reaches_a_desk(
    hub: Hub, desk: Desk, signed_in: httpx.Client, partner: httpx.Client
) -> None:
    home = partner.get("/console/partenaire")
    assert "Vos fiches dans l’annuaire régional" in text_of(home)
    assert "Accompagnement des 16-25 ans" in text_of(home)  # its services too
    page = form_of(partner, "structure", STRUCTURE)
    assert page.status_code == 200 and "Mo-Fr 08:30-12:00,13:30-17:00; PH off" in page.text
    form = {"key": key_of(page), "type": "structure", "id": STRUCTURE,
            "horaires_accueil": "lundi matin", "telephone": "04 65 71 02 00",
            "courriel": "accueil@ml-ouest-provence.example.org"}  # fmt: skip
    refused = partner.post("/console/partenaire/fiche", data=form)
    assert refused.status_code == 400 and "«\u00a0lundi matin\u00a0» ne se lit pas" in text_of(
        refused
    )
    assert 'value="04 65 71 02 00"' in refused.text  # what was typed stays to be corrected
    bad_phone = partner.post("/console/partenaire/fiche", data={**form, "horaires_accueil": HOURS,
                                                                "telephone": "12"})  # fmt: skip
    assert bad_phone.status_code == 400 and "n’est pas un numéro valide" in text_of(bad_phone)
    assert proposals(hub) == []
    sent = partner.post("/console/partenaire/fiche", data={**form, "horaires_accueil": HOURS})
    assert sent.status_code == 303
    assert "la coordination régionale relira" in text_of(partner.get(sent.headers["location"]))
    [kept] = proposals(hub)
    assert kept.changes == {"horaires_accueil": HOURS, "telephone": "+33465710200"}

    enrolled(desk, hub)
    run.sync_once(desk)  # the desk holds the record as it stands
    waiting = signed_in.get("/console/directory/propositions")
    shown = text_of(waiting)
    assert "Mission locale Ouest Provence" in shown
    assert "Mo-Fr 08:30-12:00,13:30-17:00; PH off" in shown and HOURS in shown
    assert "+33465710100" in shown and "+33465710200" in shown
    assert "1 en attente" in text_of(signed_in.get("/console/directory"))
    accepted = signed_in.post(
        "/console/directory/propositions",
        data={"csrf": csrf_of(waiting), "proposition": str(kept.id), "decision": "accepter"},
    )
    assert accepted.status_code == 303
    assert "Aucune proposition en attente" in text_of(signed_in.get(accepted.headers["location"]))
    assert run.sync_once(desk).pulled == 1
    with desk.sessions() as session:
        structure = session.get(Structure, STRUCTURE)
        assert structure is not None
        assert (structure.horaires_accueil, structure.telephone) == (HOURS, "+33465710200")
    again = signed_in.post(
        "/console/directory/propositions",
        data={"csrf": csrf_of(waiting), "proposition": str(kept.id), "decision": "refuser"},
    )
    assert again.status_code == 409  # decided once


def test_a_refused_proposal_changes_nothing_and_another_s_record_is_unknown(
    hub: Hub, signed_in: httpx.Client, partner: httpx.Client
) -> None:
    assert form_of(partner, "structure", OTHER).status_code == 404
    page = form_of(partner, "structure", STRUCTURE)
    forged = partner.post(
        "/console/partenaire/fiche",
        data={"key": key_of(page), "type": "structure", "id": OTHER, "telephone": "0490000000"},
    )
    assert forged.status_code == 404 and "Fiche inconnue" in text_of(forged)
    same = partner.post(
        "/console/partenaire/fiche",
        data={"key": key_of(page), "type": "structure", "id": STRUCTURE,
              "telephone": "+33465710100"},
    )  # fmt: skip
    assert same.status_code == 400 and "Rien n’a changé" in text_of(same)
    service = "demo-spro-etm--ml-ouest-provence-cej"
    page = form_of(partner, "service", service)
    area = partner.post(
        "/console/partenaire/fiche",
        data={"key": key_of(page), "type": "service", "id": service,
              "zone_eligibilite": "13047, 13063, 99999"},
    )  # fmt: skip
    assert area.status_code == 400 and "«\u00a099999\u00a0» n’est ni une commune" in text_of(area)
    sent = partner.post(
        "/console/partenaire/fiche",
        data={"key": key_of(page), "type": "service", "id": service,
              "zone_eligibilite": "13047 13063"},
    )  # fmt: skip
    assert sent.status_code == 303
    # Sent again, changed: it takes the waiting one's place (one waits per record).
    again = partner.post(
        "/console/partenaire/fiche",
        data={"key": key_of(page), "type": "service", "id": service,
              "zone_eligibilite": "13047 13063 13039"},
    )  # fmt: skip
    assert again.status_code == 303
    [kept] = proposals(hub)
    assert kept.changes == {"zone_eligibilite": ["13047", "13063", "13039"]}
    hidden = partner.post(
        "/console/partenaire/fiche",
        data={"key": key_of(page), "type": "service", "id": service,
              "horaires_accueil": 'Mo-Fr 09:00-12:00 "\u202eferme\u200b"'},
    )  # fmt: skip
    assert hidden.status_code == 400 and "caractère invisible" in text_of(hidden)
    waiting = signed_in.get("/console/directory/propositions")
    huge = signed_in.post(
        "/console/directory/propositions",
        data={"csrf": csrf_of(waiting), "proposition": "2147483648", "decision": "accepter"},
    )
    assert huge.status_code == 404
    refused = signed_in.post(
        "/console/directory/propositions",
        data={"csrf": csrf_of(waiting), "proposition": str(kept.id), "decision": "refuser"},
    )
    assert refused.status_code == 303
    assert "rien n’a changé" in text_of(signed_in.get(refused.headers["location"]))
    record = signed_in.get("/console/directory/fiche", params={"type": "service", "id": service})
    assert "13047, 13063, 13039, 13078, 13044, 13029" in text_of(record)  # the area as it was


def test_a_partner_proposes_a_closure_the_coordinator_accepts_and_a_desk_heeds_it(
    hub: Hub, desk: Desk, signed_in: httpx.Client, partner: httpx.Client
) -> None:
    from datetime import date, datetime

    from app.directory.search import SearchQuery
    from core.hours import PARIS

    page = form_of(partner, "structure", STRUCTURE)
    closure = {"key": key_of(page), "type": "structure", "id": STRUCTURE, "nature": "closed",
               "debut": "2026-12-24", "fin": "2027-01-03", "message": "Fermeture annuelle"}  # fmt: skip
    refused = partner.post("/console/partenaire/information", data={**closure, "fin": "2026-12-01"})
    assert refused.status_code == 400 and "la fin précède le début" in text_of(refused)
    assert 'value="Fermeture annuelle"' in refused.text  # what was typed stays
    assert proposals(hub) == []
    other = partner.post("/console/partenaire/information", data={**closure, "id": OTHER})
    assert other.status_code == 404  # another partner's record
    assert partner.post("/console/partenaire/information", data=closure).status_code == 303
    [kept] = proposals(hub)
    waiting = signed_in.get("/console/directory/propositions")
    assert ("Fermé du 24 décembre 2026 au 3 janvier 2027 inclus (toute la structure)"
            " — Fermeture annuelle") in text_of(waiting)  # fmt: skip
    enrolled(desk, hub)
    run.sync_once(desk)
    accepted = signed_in.post(
        "/console/directory/propositions",
        data={"csrf": csrf_of(waiting), "proposition": str(kept.id), "decision": "accepter"},
    )
    assert accepted.status_code == 303
    assert run.sync_once(desk).pulled == 1
    christmas = datetime(2026, 12, 29, 10, 0, tzinfo=PARIS)
    [hit] = [
        h
        for h in desk.directory_search(SearchQuery(text="ouest provence", limit=50), now=christmas)
        if h.service_id == "demo-spro-etm--ml-ouest-provence-cej"
    ]
    assert (hit.open_now, hit.closed_until) == (False, date(2027, 1, 3))
