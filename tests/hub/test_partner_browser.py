"""The partner's loop in a real browser (headless Chromium, Playwright), against the hub
under uvicorn on PostgreSQL: a desk refers a visit and syncs its slip code; the
coordinator gives the partner its link; the partner, in a browser of its own, types the
code from the slip and says that the person came and was taken in hand."""

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
from hub import directory
from hub.console import accounts
from hub.models import ReferralOutcome
from tests.hub.conftest import Hub
from tests.hub.console_kit import PASSWORD
from tests.hub.test_console_browser import CHROMIUM, go, page, shot
from tests.hub.test_sync import VISIT, enrolled

if TYPE_CHECKING:
    from playwright.sync_api import Page

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
    enrolled(desk, hub)
    desk.intake.save(replace(VISIT, referrals=[SERVICE]))
    assert run.sync_once(desk).pushed == 2
    with desk.sessions() as session:
        code = session.scalars(select(Referral.slip_code)).one()
    link = give_the_link(page, hub)
    browser = page.context.browser
    assert browser is not None
    # The partner's own browser: none of the coordinator's cookies.
    partner = browser.new_context(locale="fr-FR", viewport={"width": 1280, "height": 800})
    try:
        confirm(partner.new_page(), link, code)
    finally:
        partner.close()
    with Session(hub.engine) as session:
        said = session.scalars(select(ReferralOutcome)).one()
    assert said.outcome == "accompagnee" and said.presented_on is not None


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
    assert page.get_by_text("Mission locale Ouest Provence").is_visible()
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
