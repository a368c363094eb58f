"""The partner's loop in a real browser (headless Chromium, Playwright), against the hub
under uvicorn on PostgreSQL: a desk refers visits and syncs their slip codes; the
coordinator gives the partner its link; the partner, in a browser of its own, types the
code from a slip and says that the person came and was taken in hand, then proposes new
hours for its structure; the coordinator reads the show-up rate; the desk says « venu·e »
after its next sync; another partner cannot find the code; a site's coordinator cannot
open another site's page."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.desk import Desk
from app.sync import run
from core.resources import resource
from db.models import Referral
from hub import directory, partners, service
from hub.console import accounts
from hub.partner_models import ReferralOutcome
from tests.hub.conftest import Hub
from tests.hub.console_kit import PASSWORD, STRUCTURE
from tests.hub.test_console_browser import CHROMIUM, go, page, shot
from tests.hub.test_sync import VISIT, enrolled

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed")
__all__ = ["page"]  # the browser, from the console's test
SERVICE = "demo-spro-etm--ml-ouest-provence-cej"


def test_a_partner_confirms_with_the_slip_code_the_desk_printed(
    hub: Hub, page: Page, desk: Desk, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("AIGUILLAGE_NO_KEYRING", "1")
    with Session(hub.engine) as session, session.begin():
        accounts.add_coordinator(session, "claire.m", "Claire Martin", PASSWORD)
        directory.import_directory(session, hub.engine, Path(resource("demo")))
    site = enrolled(desk, hub)
    for _ in range(5):  # five: a table of five shows its rate, one of fewer hides it
        desk.intake.save(replace(VISIT, referrals=[SERVICE]))
    assert run.sync_once(desk).pushed == 10
    with desk.sessions() as session:
        code, *others = session.scalars(select(Referral.slip_code).order_by(Referral.slip_code))
    link = give_the_link(page, hub)
    browser = page.context.browser
    assert browser is not None
    # The partner's own browser: none of the coordinator's cookies.
    partner = browser.new_context(locale="fr-FR", viewport={"width": 1366, "height": 768})
    try:
        confirm(partner.new_page(), link, code)
    finally:
        partner.close()
    with Session(hub.engine) as session, session.begin():
        said = session.scalars(select(ReferralOutcome)).one()
        assert said.outcome == "accompagnee" and said.presented_on is not None
        for other in others:  # the four others, said by the partner at its counter
            [slip] = partners.find(session, STRUCTURE, other)
            partners.record(session, STRUCTURE, slip.id, "accompagnee")
        other_link = partners.give_link(session, "demo-spro-etm--cio-arles", "Claire Martin")
        accounts.add_coordinator(session, "julie.i", "Julie", PASSWORD, "site", site)
        service.add_site(session, "Mission locale de Martigues")
    the_rate(page)
    # The desk that printed the slips says so after its next sync.
    run.sync_once(desk)
    with desk.sessions() as session:
        told = session.scalars(select(Referral.outcome).where(Referral.slip_code == code)).one()
    assert told == "accompagnee"
    strangers(browser, hub, other_link, code)


def the_rate(page: Page) -> None:
    """The coordinator reads the show-up rate and the outcomes on « Orientations »."""
    page.set_viewport_size({"width": 1366, "height": 768})
    go(page, "Orientations")
    page.get_by_role("link", name="Année 2026").click()
    row = page.get_by_role("row", name=re.compile("Mission locale Ouest Provence"))
    cells = row.get_by_role("cell").all_inner_texts()
    assert cells[0] == "5" and cells[1] == "5" and cells[-1] == "100,0\u202f%", cells
    assert "5\norientations suivies\n100,0\u202f%" in page.locator("ul.figures").inner_text()
    shot(page, "orientations")


def strangers(browser: Browser, hub: Hub, other_link: str, code: str) -> None:
    """Another partner does not find the code; a site's coordinator not another site."""
    context = browser.new_context(locale="fr-FR", viewport={"width": 1366, "height": 768})
    try:
        other = context.new_page()
        other.goto(f"{hub.url}/console/partenaire/lien/{other_link}")
        other.get_by_label("Code de la fiche").fill(code)
        other.keyboard.press("Enter")
        assert other.get_by_role("alert").inner_text().startswith("Code inconnu")
        other.goto(f"{hub.url}/console/login")
        other.get_by_label("Identifiant").fill("julie.i")
        other.get_by_label("Mot de passe").fill(PASSWORD)
        other.get_by_role("button", name="Se connecter").click()
        other.wait_for_url("**/console/sites/*")
        other.goto(f"{hub.url}/console/sites/mission-locale-de-martigues")
        assert other.get_by_text("Cette page n’est pas ouverte à votre compte.").is_visible()
    finally:
        context.close()


def give_the_link(page: Page, hub: Hub) -> str:
    page.goto(f"{hub.url}/console/login")
    page.get_by_label("Identifiant").fill("claire.m")
    page.get_by_label("Mot de passe").fill(PASSWORD)
    page.get_by_role("button", name="Se connecter").click()
    page.wait_for_url("**/console/sites")
    go(page, "Annuaire")
    page.get_by_label("Chercher une structure ou un service").fill("ouest provence")
    page.get_by_role("button", name="Chercher").click()
    page.get_by_role("link", name="Mission locale Ouest Provence").click()
    assert page.get_by_text("Ce partenaire n’a pas de lien.").is_visible()
    page.get_by_role("button", name="Donner un lien").click()
    link = page.get_by_label("Lien à envoyer").input_value()
    assert re.fullmatch(rf"{re.escape(hub.url)}/console/partenaire/lien/[\w-]+", link)
    shot(page, "lien-partenaire")
    return link


def confirm(page: Page, link: str, code: str) -> None:
    page.goto(link)
    assert page.url.endswith("/console/partenaire")  # the secret out of the address
    assert page.locator("p.lead").inner_text() == "Mission locale Ouest Provence"
    page.get_by_label("Code de la fiche").fill(code.lower().replace("-", " "))
    page.keyboard.press("Enter")
    slip = page.locator("section.slip")
    assert f"Fiche {code}" in slip.inner_text()
    assert "CIO d’Arles" in slip.inner_text()  # the site that referred
    assert "émise, pas encore venue" in slip.inner_text()
    page.get_by_role("button", name="La personne s’est présentée").click()
    assert (
        page.get_by_role("status").inner_text() == "C’est noté\u00a0: la personne s’est présentée."
    )
    page.get_by_role("button", name="accompagné·e").click()
    assert "accompagné·e" in page.locator("section.slip").inner_text()
    shot(page, "partenaire")
    # Its own record: new hours proposed, for the coordination to read.
    page.get_by_role("link", name="Mission locale Ouest Provence", exact=True).click()
    page.get_by_label("Horaires d’accueil").fill("Mo-Fr 09:00-12:30,14:00-17:30; PH off")
    page.get_by_label("Téléphone").fill("04 65 71 02 00")
    shot(page, "proposition")
    page.get_by_role("button", name="Proposer la mise à jour").click()
    assert "relira votre proposition" in page.get_by_role("status").inner_text()
