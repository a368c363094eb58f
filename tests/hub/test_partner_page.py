"""The partner's loop over real HTTP, on a real PostgreSQL: a coordinator gives a partner
its link; the partner, with it and nothing else, types a slip code, sees only what the
slip says and records that the person came and what followed; another partner, a guesser,
an old link and a forged form get nothing and change nothing."""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta

import httpx
import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from hub.asgi import HiddenLinks
from hub.partner_models import PartnerAccess, ReferralOutcome
from tests.hub.conftest import Hub
from tests.hub.console_kit import STRUCTURE, csrf_of, import_demo, push, text_of, visit

SERVICE = "demo-spro-etm--ml-ouest-provence-cej"
OTHER = "demo-spro-etm--cio-arles"
CODE = "K7M-42Q"


@pytest.fixture
def referred(hub: Hub) -> str:
    """A visit of Istres referred to the Mission locale Ouest Provence, slip K7M-42Q."""
    import_demo(hub)
    [contact] = push(hub, "Cité des métiers d’Istres", "contact",
                     [visit("demandeur-emploi", "13047", ["trouver-emploi", "alternance"])])  # fmt: skip
    [referral] = push(hub, "Cité des métiers d’Istres", "referral", [
        {"day": "2026-11-18", "contact_id": contact, "service_id": SERVICE,
         "structure_id": STRUCTURE, "slip_code": CODE},
    ])  # fmt: skip
    return referral


def link_for(signed_in: httpx.Client, record_id: str, kind: str = "structure") -> str:
    """The link the console gives a partner, as the coordinator reads it on the page."""
    record = signed_in.get("/console/directory/fiche", params={"type": kind, "id": record_id})
    assert record.status_code == 200
    given = signed_in.post(
        "/console/directory/fiche/lien",
        data={"csrf": csrf_of(record), "type": kind, "id": record_id},
    )
    assert given.status_code == 200, given.text[:300]
    found = re.search(r'value="(http[^"]+/console/partenaire/lien/[^"]+)"', given.text)
    assert found is not None
    return found.group(1)


@pytest.fixture
def partner(hub: Hub) -> Iterator[httpx.Client]:
    """Another browser: the partner's, who has no account."""
    with httpx.Client(base_url=hub.url, follow_redirects=False, timeout=30) as client:
        yield client


def opened(client: httpx.Client, link: str) -> httpx.Client:
    answer = client.get(link.split("/console", 1)[1].join(["/console", ""]))
    assert answer.status_code == 303 and answer.headers["location"] == "/console/partenaire"
    return client


def test_the_partner_confirms_a_referral_by_its_code_and_sees_only_the_slip(
    hub: Hub, signed_in: httpx.Client, partner: httpx.Client, referred: str
) -> None:
    link = link_for(signed_in, STRUCTURE)
    opened(partner, link)
    home = partner.get("/console/partenaire")
    assert home.status_code == 200 and "Mission locale" in text_of(home)
    # Typed as a person types it: lower case, without its dash.
    page = partner.get("/console/partenaire", params={"code": "k7m42q"})
    shown = text_of(page)
    assert "Fiche K7M-42Q du 18/11/2026" in shown
    assert "Cité des métiers d’Istres" in shown
    assert "Alternance" in shown and "Trouver un emploi" in shown
    assert "émise, pas encore venue" in shown
    # Nothing else of the visit: not its public, age, gender nor commune (the partner's own
    # records, listed below the slip, may name an age band: they are not the visit's).
    slip = shown.split("Vos fiches dans l’annuaire régional")[0]
    for private in ("demandeur", "16-25", "femme", "13047", "Istres (13)"):
        assert private not in slip
    key = re.search(r'name="key" value="([^"]+)"', page.text)
    assert key is not None
    form = {"key": key.group(1), "referral": referred, "code": CODE}
    # An id that is none, or a control character: refused in words, never a 500.
    for odd in ("../../x", "a" * 36, "\x00", "é" * 36, referred + "\x00"):
        refused = partner.post(
            "/console/partenaire/suite", data={**form, "referral": odd, "said": "presentee"}
        )
        assert refused.status_code in (400, 404), (odd, refused.status_code)
    came = partner.post("/console/partenaire/suite", data={**form, "said": "presentee"})
    assert came.status_code == 303
    page = partner.get(came.headers["location"])
    assert "la personne s’est présentée" in text_of(page) and "venue le" in text_of(page)
    partner.post("/console/partenaire/suite", data={**form, "said": "accompagnee"})
    with Session(hub.engine) as session:
        said = session.scalars(select(ReferralOutcome)).one()
    assert (said.record_id, said.outcome) == (referred, "accompagnee")
    assert said.presented_on is not None
    assert "accompagné·e" in text_of(partner.get("/console/partenaire", params={"code": CODE}))


def test_another_partner_a_forged_form_and_an_old_link_find_nothing(
    hub: Hub, signed_in: httpx.Client, partner: httpx.Client, referred: str
) -> None:
    opened(partner, link_for(signed_in, OTHER))
    page = partner.get("/console/partenaire", params={"code": CODE})
    assert "Code inconnu" in text_of(page) and "Istres" not in text_of(page)
    # Its form, sent with the other partner's referral: refused as unknown, nothing kept.
    key = re.search(r'name="key" value="([^"]+)"', page.text)
    forged = {"referral": referred, "code": CODE, "said": "presentee"}
    if key is not None:
        forged["key"] = key.group(1)
    answer = partner.post("/console/partenaire/suite", data=forged)
    assert answer.status_code in (403, 404)

    with Session(hub.engine) as session:
        assert session.scalars(select(ReferralOutcome)).all() == []
    # A new link for the Mission locale ends the first one.
    first = link_for(signed_in, STRUCTURE)
    second = link_for(signed_in, STRUCTURE)
    with httpx.Client(base_url=hub.url, follow_redirects=False) as stale:
        old = stale.get(first.split(hub.url, 1)[1])
        assert old.status_code == 403 and "demandez-en un nouveau" in text_of(old)
        assert stale.get("/console/partenaire").status_code == 403
    with httpx.Client(base_url=hub.url, follow_redirects=False) as fresh:
        opened(fresh, second)
        assert "Fiche K7M-42Q" in text_of(fresh.get("/console/partenaire", params={"code": CODE}))


def test_codes_tried_too_fast_are_turned_away(
    signed_in: httpx.Client, partner: httpx.Client, referred: str
) -> None:
    opened(partner, link_for(signed_in, STRUCTURE))
    # A code found is no guess: a partner at work is never slowed down.
    for _ in range(10):
        assert partner.get("/console/partenaire", params={"code": CODE}).status_code == 200
    answers = [
        partner.get("/console/partenaire", params={"code": f"ABC-DE{c}"}) for c in "23456789"
    ]
    assert [a.status_code for a in answers[:6]] == [200] * 6
    assert answers[-1].status_code == 429
    assert "Trop de codes inconnus" in text_of(answers[-1])
    # Even the right code waits out the minute.
    assert partner.get("/console/partenaire", params={"code": CODE}).status_code == 429


def test_the_coordinator_sees_the_link_and_can_take_it_back(
    signed_in: httpx.Client, partner: httpx.Client, referred: str
) -> None:
    link = link_for(signed_in, STRUCTURE)
    record = signed_in.get(
        "/console/directory/fiche", params={"type": "structure", "id": STRUCTURE}
    )
    assert "Jamais ouvert" in text_of(record) and link not in record.text
    opened(partner, link)
    partner.get("/console/partenaire")
    record = signed_in.get(
        "/console/directory/fiche", params={"type": "structure", "id": STRUCTURE}
    )
    assert "Dernière visite" in text_of(record)
    taken = signed_in.post(
        "/console/directory/fiche/lien/retirer",
        data={"csrf": csrf_of(record), "type": "structure", "id": STRUCTURE},
    )
    assert taken.status_code == 303
    assert partner.get("/console/partenaire").status_code == 403


def test_a_scanner_reading_the_slip_s_qr_code_finds_the_slip(
    signed_in: httpx.Client, partner: httpx.Client, referred: str
) -> None:
    """The QR code holds the service's page with the code after a ``#``: typed by a
    scanner into the code field, it finds the slip, and the field shows the code."""
    opened(partner, link_for(signed_in, STRUCTURE))
    scanned = f"https://ml-ouest-provence.example.org/cej#{CODE}"
    page = partner.get("/console/partenaire", params={"code": scanned})
    assert f"Fiche {CODE} du 18/11/2026" in text_of(page)
    assert f'value="{CODE}"' in page.text


def test_a_link_s_address_opens_the_page_once_and_its_cookie_goes_on(
    hub: Hub, signed_in: httpx.Client, referred: str
) -> None:
    link = link_for(signed_in, STRUCTURE).split(hub.url, 1)[1]
    with httpx.Client(base_url=hub.url, follow_redirects=False) as first:
        opened(first, f"{hub.url}{link}")
        assert first.get("/console/partenaire").status_code == 200
        # Opened again at once (a double click, another browser): the newest cookie only.
        with httpx.Client(base_url=hub.url, follow_redirects=False) as second:
            opened(second, f"{hub.url}{link}")
            assert second.get("/console/partenaire").status_code == 200
            assert first.get("/console/partenaire").status_code == 403
        # Later, the address found in a log or a history opens nothing; the cookie goes on.
        with Session(hub.engine) as session, session.begin():
            row = session.scalars(select(PartnerAccess)).one()
            assert row.opened_at is not None
            row.opened_at -= timedelta(minutes=20)
        late = first.get(link)
        assert late.status_code == 403 and "il a déjà servi" in text_of(late)


def test_the_access_log_writes_a_link_without_its_secret() -> None:
    record = logging.LogRecord(
        "uvicorn.access", logging.INFO, __file__, 1, '%s - "%s %s HTTP/%s" %d',
        ("127.0.0.1:5000", "GET", "/console/partenaire/lien/s3cr3t-T0ken?x=1", "1.1", 303),
        None,
    )  # fmt: skip
    assert HiddenLinks().filter(record)
    assert "s3cr3t" not in record.getMessage()
    assert "/console/partenaire/lien/…?x=1" in record.getMessage()


def test_misses_sent_at_once_do_not_slip_under_the_limit(
    signed_in: httpx.Client, partner: httpx.Client, referred: str
) -> None:
    opened(partner, link_for(signed_in, STRUCTURE))
    codes = [f"ABC-{a}{b}{c}" for a in "DEF" for b in "GHJ" for c in "KM"][:18]
    with ThreadPoolExecutor(max_workers=9) as pool:
        answers = list(
            pool.map(lambda c: partner.get("/console/partenaire", params={"code": c}), codes)
        )
    statuses = [a.status_code for a in answers]
    assert statuses.count(200) <= 6 and set(statuses) <= {200, 429}
