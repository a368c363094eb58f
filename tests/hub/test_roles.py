"""Three kinds of console account, over real HTTP on PostgreSQL: the region's
coordination sees everything; a site's coordinator its own site's desks, codes, activity
and referrals, and nothing of another site, whatever id it writes in the address; a
partner structure its own referrals only. Every route of the console is tried with each
account: a route that forgets to check the role fails here."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from fastapi.routing import APIRoute
from sqlalchemy.orm import Session

from hub.api import create_app
from hub.checks import today
from hub.console import accounts
from tests.hub.conftest import Hub
from tests.hub.console_kit import (
    PASSWORD,
    STRUCTURE,
    csrf_of,
    import_demo,
    log_in,
    push,
    text_of,
    visit,
)

ISTRES, MARTIGUES = "Cité des métiers d’Istres", "Mission locale de Martigues"
OTHER_PARTNER = "demo-spro-etm--cio-arles"
SERVICE = "demo-spro-etm--ml-ouest-provence-cej"
NOT_YOURS = "Cette page n’est pas ouverte à votre compte."
# What each account may open (every other console route refuses it); the login and the
# partner's link are open to anyone, and checked by their own tests.
OPEN = {("GET", "/console/login"), ("POST", "/console/login"),
        ("GET", "/console/partenaire/lien/{token}")}  # fmt: skip
MAY = {
    "site": {
        ("GET", "/console"), ("GET", "/console/"), ("POST", "/console/logout"),
        ("GET", "/console/sites/{site_id}"), ("POST", "/console/sites/{site_id}/codes"),
        ("POST", "/console/sites/{site_id}/desks/{desk_id}/revoke"),
        ("GET", "/console/activite"), ("GET", "/console/activite/export.csv"),
        ("GET", "/console/activite/export.xlsx"), ("GET", "/console/activite/rapport.pdf"),
        ("GET", "/console/orientations"),
    },
    "partner": {
        ("GET", "/console"), ("GET", "/console/"), ("POST", "/console/logout"),
        ("GET", "/console/partenaire"), ("POST", "/console/partenaire/suite"),
        ("GET", "/console/partenaire/fiche"), ("POST", "/console/partenaire/fiche"),
        ("POST", "/console/partenaire/a-jour"), ("POST", "/console/partenaire/information"),
    },
}  # fmt: skip


def console_routes(hub: Hub) -> list[tuple[str, str]]:
    """Every route of the console, as the app answers it (routers included in routers)."""

    def walk(routes: list[Any], prefix: str = "") -> Iterator[tuple[str, str]]:
        for route in routes:
            if isinstance(route, APIRoute):
                yield from ((method, prefix + route.path) for method in route.methods or ())
            elif hasattr(route, "original_router"):  # FastAPI's router included lazily
                yield from walk(route.original_router.routes, prefix + route.include_context.prefix)

    found = sorted(r for r in walk(create_app(hub.engine).routes) if r[1].startswith("/console"))
    assert len(found) > 30
    return found


@pytest.fixture
def region(hub: Hub) -> str:
    """Both sites, the demo directory and a referral of Istres to the Mission locale."""
    import_demo(hub)
    [contact] = push(hub, ISTRES, "contact", [visit("demandeur-emploi", "13047", ["alternance"])])
    push(hub, ISTRES, "referral", [
        {"day": "2026-11-18", "contact_id": contact, "service_id": SERVICE,
         "structure_id": STRUCTURE, "slip_code": "K7M-42Q"},
    ])  # fmt: skip
    [other] = push(hub, MARTIGUES, "contact", [visit("demandeur-emploi", "13056", ["alternance"])])
    push(hub, MARTIGUES, "referral", [
        {"day": "2026-11-18", "contact_id": other, "service_id": SERVICE,
         "structure_id": STRUCTURE, "slip_code": "M4R-7GQ"},
    ])  # fmt: skip
    with Session(hub.engine) as session, session.begin():
        accounts.add_coordinator(session, "claire.m", "Claire Martin", PASSWORD)
        site = accounts.add_coordinator(
            session, "julie.i", "Julie, Istres", PASSWORD, "site", "cite-des-metiers-d-istres"
        )
        accounts.add_coordinator(session, "ml.ouest", "ML Ouest", PASSWORD, "partner", STRUCTURE)
        accounts.add_coordinator(session, "cio.arles", "CIO", PASSWORD, "partner", OTHER_PARTNER)
        assert site.site_id == "cite-des-metiers-d-istres"
    return "mission-locale-de-martigues"


def client_of(hub: Hub, login: str) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=hub.url, follow_redirects=False, timeout=30) as client:
        answer = log_in(client, login)
        assert answer.status_code == 303, answer.text[:300]
        yield client


@pytest.fixture
def site_coordinator(hub: Hub, region: str) -> Iterator[httpx.Client]:
    yield from client_of(hub, "julie.i")


@pytest.fixture
def partner(hub: Hub, region: str) -> Iterator[httpx.Client]:
    yield from client_of(hub, "ml.ouest")


def filled(path: str, other_site: str) -> str:
    return (
        path.replace("{site_id}", other_site)
        .replace("{desk_id}", "0d0d0d0d-0000-4000-8000-000000000009")
        .replace("{token}", "x")
    )


def refused_everywhere_else(client: httpx.Client, hub: Hub, role: str, home: str) -> None:
    csrf = csrf_of(client.get(home))
    tried = 0
    for method, path in console_routes(hub):
        if (method, path) in OPEN or (method, path) in MAY[role]:
            continue
        url = filled(path, "cite-des-metiers-d-istres")
        answer = client.get(url) if method == "GET" else client.post(url, data={"csrf": csrf})
        assert answer.status_code == 403, (method, path, answer.status_code)
        assert NOT_YOURS in text_of(answer), (method, path)
        tried += 1
    assert tried >= 15  # the directory, lists, retention, sites, links… all of them


def test_a_site_coordinator_is_refused_every_page_but_its_own_sites(
    hub: Hub, site_coordinator: httpx.Client, region: str
) -> None:
    refused_everywhere_else(site_coordinator, hub, "site", "/console/activite")
    # Its own pages, with another site's id written in the address: refused alike.
    csrf = csrf_of(site_coordinator.get("/console/activite"))
    for method, path in MAY["site"]:
        if "{site_id}" not in path:
            continue
        url = filled(path, region)
        answer = (
            site_coordinator.get(url)
            if method == "GET"
            else site_coordinator.post(url, data={"csrf": csrf})
        )
        assert answer.status_code == 403 and NOT_YOURS in text_of(answer), (method, path)
    for path in ("/console/activite", "/console/activite/export.csv",
                 "/console/activite/export.xlsx", "/console/activite/rapport.pdf"):  # fmt: skip
        answer = site_coordinator.get(path, params={"site": region, "par": "public"})
        assert answer.status_code == 403 and NOT_YOURS in text_of(answer), path


def test_a_site_coordinator_sees_its_own_site_desks_activity_and_referrals(
    site_coordinator: httpx.Client,
) -> None:
    home = site_coordinator.get("/console/")
    assert home.headers["location"] == "/console/sites/cite-des-metiers-d-istres"
    page = site_coordinator.get(home.headers["location"])
    assert page.status_code == 200 and ISTRES in text_of(page)
    nav = re.findall(r"<nav[^>]*>(.*?)</nav>", page.text, re.S)[0]
    assert "Mon site" in nav and "Annuaire" not in nav and "Listes" not in nav
    code = site_coordinator.post(
        "/console/sites/cite-des-metiers-d-istres/codes", data={"csrf": csrf_of(page)}
    )
    assert code.status_code == 200 and "Code d’inscription" in text_of(code)
    activity = site_coordinator.get("/console/activite", params={"du": "2026-11-01"})
    shown = text_of(activity)
    assert f"Activité de {ISTRES}" in shown and "1 accueil" in shown
    assert MARTIGUES not in shown  # not even in the choice of sites
    table = site_coordinator.get("/console/activite/export.csv", params={"du": "2026-11-01"})
    assert table.status_code == 200
    assert "activite-cite-des-metiers-d-istres" in table.headers["content-disposition"]
    # The region's page asked first: what the hub keeps of it is not the site's.
    with httpx.Client(base_url=site_coordinator.base_url, follow_redirects=False) as region:
        assert log_in(region, "claire.m").status_code == 303
        whole = region.get("/console/orientations", params={"du": "2026-11-01"})
        assert "2 orientations suivies" in text_of(whole)
    referrals = site_coordinator.get("/console/orientations", params={"du": "2026-11-01"})
    shown = text_of(referrals)
    assert f"Orientations de {ISTRES}" in shown and "Mission locale Ouest Provence" in shown
    assert "1 orientation suivie" in shown  # its own; Martigues's second is not counted


def test_a_partner_account_finds_its_own_referrals_only(
    hub: Hub, partner: httpx.Client, region: str
) -> None:
    refused_everywhere_else(partner, hub, "partner", "/console/partenaire")
    own = {"type": "structure", "id": STRUCTURE}
    assert partner.get("/console/partenaire/fiche", params=own).status_code == 200
    theirs = {"type": "structure", "id": OTHER_PARTNER}
    assert partner.get("/console/partenaire/fiche", params=theirs).status_code == 404
    page = partner.get("/console/partenaire", params={"code": "K7M-42Q"})
    assert "Fiche K7M-42Q du 18/11/2026" in text_of(page)
    nav = re.findall(r"<nav[^>]*>(.*?)</nav>", page.text, re.S)[0]
    assert "Sites" not in nav and "Activité" not in nav
    referral = re.search(r'name="referral" value="([^"]+)"', page.text)
    assert referral is not None
    said = partner.post(
        "/console/partenaire/suite",
        data={"key": csrf_of(page), "referral": referral.group(1), "said": "accompagnee",
              "code": "K7M-42Q"},
    )  # fmt: skip
    assert said.status_code == 303
    again = partner.get(said.headers["location"])
    assert f"Où en est-elle venue le {today():%d/%m/%Y}, accompagné·e" in text_of(again)
    # Another partner's account does not find it, and cannot write on it.
    with httpx.Client(base_url=hub.url, follow_redirects=False, timeout=30) as other:
        assert log_in(other, "cio.arles").status_code == 303
        page = other.get("/console/partenaire", params={"code": "K7M-42Q"})
        assert "Code inconnu" in text_of(page)
        forged = other.post(
            "/console/partenaire/suite",
            data={"key": csrf_of(page), "referral": referral.group(1), "said": "pas-de-place"},
        )
        assert forged.status_code == 404
    shown = text_of(partner.get("/console/partenaire", params={"code": "K7M42Q"}))
    assert f"venue le {today():%d/%m/%Y}, accompagné·e" in shown  # the forged form changed nothing


def test_an_account_of_a_site_or_partner_that_does_not_exist_is_refused(hub: Hub) -> None:
    from hub.service import HubError

    with Session(hub.engine) as session, session.begin():
        for role, scope in (("site", "nulle-part"), ("partner", "inconnu"), ("chef", None),
                            ("region", "cite-des-metiers-d-istres")):  # fmt: skip
            with pytest.raises(HubError):
                accounts.add_coordinator(session, f"x.{role}", "X", PASSWORD, role, scope)
