"""The directory in time, in a real browser (headless Chromium, Playwright) against the hub
under uvicorn on PostgreSQL: the coordinator closes the Mission locale over Christmas from
its record's page and publishes a forum on the « Événements » page; a desk's next sync
brings both down: the Mission locale's services leave « ouvert maintenant » while the
closure runs and the forum is « à venir »."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from sqlalchemy.orm import Session

from app.desk import Desk
from app.directory.events import EventQuery
from app.directory.search import SearchQuery
from app.sync import run
from core.hours import PARIS
from core.resources import resource
from hub import directory
from hub.console import accounts
from tests.hub.conftest import Hub
from tests.hub.console_kit import PASSWORD, SERVICE
from tests.hub.test_console_browser import CHROMIUM, go, page, shot
from tests.hub.test_sync import enrolled

if TYPE_CHECKING:
    from playwright.sync_api import Page

pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed")
__all__ = ["page"]  # the browser, from the console's test


def test_the_coordinator_publishes_a_closure_and_a_forum_and_a_desk_pulls_them(
    hub: Hub, page: Page, desk: Desk, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("AIGUILLAGE_NO_KEYRING", "1")
    with Session(hub.engine) as session, session.begin():
        accounts.add_coordinator(session, "claire.m", "Claire Martin", PASSWORD)
        directory.import_directory(session, hub.engine, Path(resource("demo")))
    enrolled(desk, hub)
    run.sync_once(desk)

    close_for_christmas(page, hub)
    go(page, "Événements")
    form = page.get_by_role("region", name="Publier un événement")
    form.get_by_label("Titre").fill("Forum de l’orientation")
    form.get_by_label("Jour", exact=True).fill("2027-03-09")
    form.get_by_label("Début").fill("09:00")
    form.get_by_label("Fin", exact=True).fill("17:00")
    form.get_by_label("Commune (code INSEE)").fill("13047")
    form.get_by_label("Lieu et adresse").fill("Halle polyvalente")
    form.get_by_label("Organisé par").fill("Cité des métiers Ouest Provence")
    form.get_by_label("Thématiques (codes data·inclusion, séparés par |)").fill("choisir-un-metier")
    form.get_by_role("button", name="Publier l’événement").click()
    assert "Événement publié" in page.get_by_role("status").inner_text()
    row = page.get_by_role("row", name="Forum de l’orientation")
    assert "mardi 9 mars 2027, 9\u00a0h–17\u00a0h" in row.inner_text()
    assert "Istres" in row.inner_text()
    shot(page, "evenements")

    assert run.sync_once(desk).pulled == 2
    christmas = datetime(2026, 12, 29, 10, 0, tzinfo=PARIS)
    hits = desk.directory_search(
        SearchQuery(text="accompagnement 16-25", open_at=christmas, limit=50), now=christmas
    )
    assert SERVICE not in [h.service_id for h in hits]
    [forum] = desk.upcoming_events(
        EventQuery(now=datetime(2027, 3, 1, 9, 0), days=30, theme="decouvrir-metiers")
    )
    assert (forum.event.title, forum.event.commune) == ("Forum de l’orientation", "Istres")


def close_for_christmas(page: Page, hub: Hub) -> None:
    """The Mission locale closed over Christmas from its record's page: a wrong last day
    refused in words, what was typed kept to be mended."""
    page.goto(f"{hub.url}/console/login")
    page.get_by_label("Identifiant").fill("claire.m")
    page.get_by_label("Mot de passe").fill(PASSWORD)
    page.get_by_role("button", name="Se connecter").click()
    page.wait_for_url("**/console/sites")
    go(page, "Annuaire")
    page.get_by_label("Chercher une structure ou un service").fill("ouest provence")
    page.get_by_role("button", name="Chercher").click()
    page.get_by_role("link", name="Mission locale Ouest Provence").click()
    closure = page.get_by_role("region", name="Informations temporaires")
    closure.get_by_label("Nature").select_option("closed")
    closure.get_by_label("Premier jour").fill("2026-12-24")
    closure.get_by_label("Dernier jour (inclus)").fill("2026-12-20")  # a slip of the hand
    closure.get_by_label("Message (facultatif pour une fermeture)").fill("Fermeture annuelle")
    closure.get_by_role("button", name="Publier l’information").click()
    alert = page.get_by_role("alert")
    assert "la fin précède le début" in alert.inner_text()
    closure = page.get_by_role("region", name="Informations temporaires")
    assert closure.get_by_label("Message (facultatif pour une fermeture)").input_value() == (
        "Fermeture annuelle"
    )  # what was typed stays to be mended
    closure.get_by_label("Dernier jour (inclus)").fill("2027-01-03")
    closure.get_by_role("button", name="Publier l’information").click()
    assert "Information publiée" in page.get_by_role("status").inner_text()
    told = page.get_by_role("region", name="Informations temporaires").inner_text()
    assert "Fermé du 24 décembre 2026 au 3 janvier 2027 inclus (toute la structure)" in told
    shot(page, "information-temporaire", whole=False)
