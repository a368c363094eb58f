"""The console in a real browser: headless Chromium (Debian's) driven by Playwright,
against the hub under uvicorn on loopback, with a real desk enrolling and syncing.

With ``AIGUILLAGE_SCREENSHOTS=folder`` set, each page is also saved there (``make
screenshots`` keeps those of ``docs/`` current).
"""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from sqlalchemy.orm import Session

from app.desk import Desk
from app.directory import records
from app.intake.contact import ContactDraft
from app.sync import run
from core.errors import DeskError
from core.resources import resource
from hub import directory
from hub.console import accounts
from tests.hub.conftest import Hub
from tests.hub.console_kit import PASSWORD, push, visit

if TYPE_CHECKING:  # Playwright is imported where a browser is started
    from playwright.sync_api import Page

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed")
FLAGGED = "demo-spro-etm--ml-ouest-provence-cej"


def fill_region(hub: Hub) -> None:
    """A month of visits at three more sites, for the activity page's screenshot."""
    today = "2026-11-24"  # the desk's day in these tests
    publics = ["demandeur-emploi"] * 9 + ["scolaire"] * 6 + ["salarie"] * 4 + ["etudiant"] * 2
    for name, share in (("Mission locale d’Arles", 3), ("CIO de Martigues", 2),
                        ("Espace régional d’orientation de Salon", 1)):  # fmt: skip
        visits = [visit(p, "13004", ["trouver-emploi"], day=today) for p in publics * share]
        push(hub, name, "contact", visits)


@pytest.fixture
def page() -> Iterator[Page]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=["--lang=fr-FR", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run"],
        )  # fmt: skip
        context = browser.new_context(locale="fr-FR", viewport={"width": 1280, "height": 800})
        try:
            yield context.new_page()
        finally:
            context.close()
            browser.close()


def go(page: Page, section: str) -> None:
    """Follow one of the console's sections in its navigation bar."""
    nav = page.get_by_role("navigation", name="Rubriques")
    nav.get_by_role("link", name=section, exact=True).click()


def shot(page: Page, name: str, *, whole: bool = True) -> None:
    """The page (its first screen only when not ``whole``) into the screenshots folder."""
    folder = os.environ.get("AIGUILLAGE_SCREENSHOTS")
    if folder:
        path = str(Path(folder) / f"console-{name}.png")
        page.screenshot(path=path, full_page=whole)


def test_a_coordinator_enrols_a_desk_sees_its_activity_and_revokes_it(
    hub: Hub, page: Page, desk: Desk, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("AIGUILLAGE_NO_KEYRING", "1")
    with Session(hub.engine) as session, session.begin():
        accounts.add_coordinator(session, "claire.m", "Claire Martin", PASSWORD)
    log_in(page, hub)
    enrolment = add_site_and_its_code(page)
    enrol_log_a_visit_and_flag_a_service(hub, desk, enrolment)
    see_the_site_synced(page)
    see_the_activity(page, hub)
    handle_the_flag(page)
    verify_a_record(page)
    import_a_file(page)
    set_the_retention(page)
    retire_a_code(page)
    revoke_the_desk(page, desk)
    log_out(page, hub)


def set_the_retention(page: Page) -> None:
    """Referrals kept three years; then longer than the visits' detail, which is refused
    with why, the form keeping what was typed."""
    go(page, "Conservation")
    assert page.get_by_label("Orientations (mois)").input_value() == "24"
    page.get_by_label("Orientations (mois)").fill("36")
    page.get_by_role("button", name="Enregistrer").click()
    assert page.get_by_role("status").inner_text() == "Durées de conservation enregistrées."
    assert page.get_by_label("Orientations (mois)").input_value() == "36"
    shot(page, "conservation")
    page.get_by_label("Orientations (mois)").fill("120")
    page.get_by_role("button", name="Enregistrer").click()
    assert page.get_by_role("alert").inner_text() == (
        "Les orientations ne peuvent être gardées plus longtemps que le détail des accueils"
        " (60 mois)."
    )
    assert page.get_by_label("Orientations (mois)").input_value() == "120"


def log_in(page: Page, hub: Hub) -> None:
    """A page asks for the login; a wrong password first, then the right one."""
    page.goto(f"{hub.url}/console/sites")
    assert "/console/login" in page.url
    shot(page, "connexion")
    page.get_by_label("Identifiant").fill("claire.m")
    page.get_by_label("Mot de passe").fill("pas le bon")
    page.get_by_role("button", name="Se connecter").click()
    assert page.get_by_role("alert").inner_text() == "Identifiant ou mot de passe incorrect."
    page.get_by_label("Mot de passe").fill(PASSWORD)
    page.get_by_role("button", name="Se connecter").click()
    page.wait_for_url("**/console/sites")
    assert page.get_by_text("Claire Martin").is_visible()


def add_site_and_its_code(page: Page) -> str:
    """A site, then its enrolment code: the enrolment string its QR code holds."""
    page.get_by_label("Nom du site").fill("Cité des métiers d’Istres")
    page.get_by_role("button", name="Ajouter le site").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Cité des métiers d’Istres"
    assert page.get_by_role("status").inner_text() == "Site créé."
    page.get_by_role("button", name="Créer un code d’inscription").click()
    code = page.get_by_label("Code d’inscription").inner_text()
    assert re.fullmatch(r"[A-Z0-9]{4}-[A-Z0-9]{4}", code)
    # The QR code, read back from the page as a phone would, holds the enrolment string.
    import io

    import zxingcpp
    from PIL import Image

    qr = page.get_by_role("img", name="QR code de la chaîne d’inscription")
    read = zxingcpp.read_barcodes(Image.open(io.BytesIO(qr.screenshot())))
    enrolment = page.locator("figcaption").inner_text()
    assert [r.text for r in read] == [enrolment]
    assert enrolment.startswith("aiguillage://enrol?hub=http") and f"code={code}" in enrolment
    shot(page, "code-inscription")
    return enrolment


def enrol_log_a_visit_and_flag_a_service(hub: Hub, desk: Desk, enrolment: str) -> None:
    """The agent enrols the desk with what the QR code holds, logs a visit and syncs; then
    flags a service whose hours changed (the hub holds the directory) and syncs again."""
    assert run.enrol(desk, enrolment, "")["site_id"] == "cite-des-metiers-d-istres"
    assert desk.settings.get("hub.url") == hub.url
    desk.intake.save(
        ContactDraft("sur-place", "salarie", "26-44", "femme", "13047", ["vae"], ["information"])
    )
    assert run.sync_once(desk).pushed >= 1
    with Session(hub.engine) as session, session.begin():
        directory.import_directory(session, hub.engine, Path(resource("demo")))
    with desk.sessions.begin() as session:
        records.flag(session, FLAGGED, "hours", "Fermé le lundi matin désormais")
    assert run.sync_once(desk).pushed == 1


def see_the_site_synced(page: Page) -> None:
    """The coordinator sees the site's sync and its visit."""
    go(page, "Sites")
    row = page.get_by_role("row", name=re.compile("Cité des métiers d’Istres"))
    cells = row.get_by_role("cell").all_inner_texts()
    assert cells[0] == "1"  # one active desk
    assert cells[1] != "jamais" and cells[5] == "1"  # synced, one visit received
    assert (cells[3], cells[4], cells[6]) == ("0", "0", "1")  # nothing waiting or held; a flag
    shot(page, "sites")


def see_the_activity(page: Page, hub: Hub) -> None:
    """The region's activity: one visit at one site (how busy a counter was is no secret),
    but a public of one is."""
    go(page, "Activité")
    page.get_by_label("Du").fill("2026-11-01")  # the desk's clock says 24 November 2026
    page.get_by_label("Au").fill("2026-11-30")
    page.get_by_role("button", name="Afficher").click()
    # Read as words: whether the figure sits above its label depends on the style sheet
    # having come yet (under load, it may not have).
    figures = " ".join(page.locator("ul.figures").inner_text().split())
    assert "1 accueil" in figures and "1 site actif" in figures
    site_row = page.get_by_role("row", name=re.compile("Cité des métiers d’Istres"))
    assert site_row.get_by_role("cell").first.inner_text() == "1"
    page.get_by_label("Par").select_option("public")
    page.get_by_role("button", name="Afficher").click()
    assert page.get_by_role("heading", level=2, name="Public").is_visible()
    public_row = page.get_by_role("row", name=re.compile("Salarié"))
    assert public_row.get_by_role("cell").first.inner_text() == "secret"
    if os.environ.get("AIGUILLAGE_SCREENSHOTS"):
        fill_region(hub)  # a month of the region, for a screenshot worth looking at
        page.get_by_label("Par").select_option("site")
        page.get_by_role("button", name="Afficher").click()
        shot(page, "activite")


def handle_the_flag(page: Page) -> None:
    """The flag: read, then handled with what was done."""
    go(page, "Annuaire")
    page.get_by_role("link", name=re.compile(r"Signalements des postes\s: 1 à traiter")).click()
    flag_row = page.locator("tr", has_text="Fermé le lundi matin")
    assert "Les horaires ont changé" in flag_row.inner_text()
    assert "Cité des métiers d’Istres" in flag_row.inner_text()
    shot(page, "signalements")
    flag_row.get_by_label("Suite donnée").fill("Horaires corrigés à la source")
    flag_row.get_by_role("button", name="Marquer traité").click()
    assert page.get_by_role("status").inner_text() == "Signalement marqué traité."
    assert page.get_by_text("Aucun signalement à traiter.").is_visible()
    page.get_by_role("link", name="Traités").click()
    assert page.get_by_text(re.compile(r"par Claire Martin\s: Horaires corrigés")).is_visible()


def verify_a_record(page: Page) -> None:
    """A record found and marked verified."""
    go(page, "Annuaire")
    page.get_by_label("Chercher une structure ou un service").fill("ouest provence")
    page.get_by_role("button", name="Chercher").click()
    shot(page, "annuaire")
    page.get_by_role("link", name="Mission locale Ouest Provence").click()
    page.get_by_role("link", name="Contrat d’engagement jeune (CEJ)").click()
    page.get_by_role("button", name="Marquer la fiche vérifiée").click()
    assert page.get_by_role("status").inner_text().startswith("Fiche marquée vérifiée")
    shot(page, "fiche")


def import_a_file(page: Page) -> None:
    """An import, with its summary."""
    go(page, "Annuaire")
    page.get_by_role("link", name="Importer un fichier").click()
    demo = Path(resource("demo"))
    page.get_by_label("Fichier(s)").set_input_files(
        [demo / "structures.json", demo / "services.json"]
    )
    page.get_by_role("button", name="Importer").click()
    summary = page.get_by_role("status").inner_text()
    assert "Import terminé" in summary and "Inchangées\n87" in summary  # the verified one too
    shot(page, "import")


def retire_a_code(page: Page) -> None:
    """The region's lists: a code retired stays listed, with its labels; desks stop
    offering it."""
    go(page, "Listes")
    assert page.get_by_role("heading", level=2, name=re.compile("Canal")).is_visible()
    visio = page.locator("tr#code-channel-visio")
    visio.get_by_role("button", name=re.compile("Retirer")).click()
    visio = page.locator("tr#code-channel-visio")
    assert "retiré" in visio.inner_text() and "Visio" in visio.inner_text()
    page.evaluate("window.scrollTo(0, 0)")
    shot(page, "listes", whole=False)


def revoke_the_desk(page: Page, desk: Desk) -> None:
    """The desk revoked: its next sync is refused with the reason."""
    go(page, "Sites")
    page.get_by_role("link", name="Cité des métiers d’Istres").click()
    desk_row = page.get_by_role("row", name=re.compile("actif"))
    assert desk_row.count() == 1
    shot(page, "site")
    desk_row.get_by_role("button", name=re.compile("Révoquer")).click()
    assert page.get_by_role("status").inner_text() == "Poste révoqué."
    assert page.get_by_role("row", name=re.compile("révoqué le")).count() == 1
    desk.intake.save(
        ContactDraft("telephone", "scolaire", "16-25", "homme", "13047", ["vae"], ["information"])
    )
    with pytest.raises(DeskError) as refused:
        run.sync_once(desk)
    assert "révoqué" in refused.value.text("fr")


def log_out(page: Page, hub: Hub) -> None:
    """Logging out: the pages are closed again."""
    page.get_by_role("button", name="Se déconnecter").click()
    page.wait_for_url("**/console/login")
    page.goto(f"{hub.url}/console/sites")
    assert "/console/login" in page.url
