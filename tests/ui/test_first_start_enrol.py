"""The first start's hub choice against a real hub under uvicorn: « Commencer » enrols right
there, the page says how it went, and a code kept while the hub was away enrols at the next
start."""

from __future__ import annotations

import shutil
import ssl
import subprocess
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWizard
from pytestqt.qtbot import QtBot

from app.desk import Desk
from app.paths import DeskPaths
from hub.config import make_engine
from hub.localpg import free_port
from tests.conftest import FakeClock
from tests.hub import conftest as hub_fixtures
from tests.hub.conftest import Hub, serve_hub
from tests.hub.test_sync import code_for
from ui.first_start import FirstStartWizard, ModePage
from ui.main_window import MainWindow

# A real PostgreSQL and the hub under uvicorn, as in tests/hub.
postgres, hub_url_db, hub = hub_fixtures.postgres, hub_fixtures.hub_url_db, hub_fixtures.hub

BUSY = "Inscription auprès du hub…"
REFUSED = (
    "Code d’inscription refusé par le hub\u00a0: il est inconnu, déjà utilisé ou expiré."
    " Demandez un nouveau code à la coordination régionale et saisissez-le ci-dessus,"
    " ou travaillez hors ligne en attendant."
)


@pytest.fixture(autouse=True)
def no_keyring(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AIGUILLAGE_NO_KEYRING", "1")


def hub_page(qtbot: QtBot, window: MainWindow) -> tuple[FirstStartWizard, ModePage]:
    """The wizard on its second page, the site named with the keyboard."""
    window.first_start()
    wizard = window.wizard
    qtbot.waitExposed(wizard)
    name = wizard.identity_page.identity.name
    qtbot.keyClicks(name, "CIO Arles")
    qtbot.keyClick(name, Qt.Key.Key_Return)  # « Suivant »
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.mode_page)
    return wizard, wizard.mode_page


def choose_hub(qtbot: QtBot, wizard: FirstStartWizard, url: str, code: str) -> None:
    """« S’inscrire auprès du hub », the address, the code, then Enter (« Commencer »); the page is left busy."""
    mode = wizard.mode_page
    qtbot.keyClick(mode.hub, Qt.Key.Key_Space)
    assert mode.hub.isChecked()
    for field, text in ((mode.url, url), (mode.code, code)):
        field.selectAll()
        qtbot.keyClicks(field, text)
    qtbot.keyClick(mode.code, Qt.Key.Key_Return)


def assert_busy(wizard: FirstStartWizard) -> None:
    """While the hub is asked: the words, a busy bar, nothing to press but « Plus tard »."""
    mode = wizard.mode_page
    assert mode.status.text() == BUSY
    assert mode.progress.isVisible() and mode.progress.maximum() == 0
    assert not wizard.button(QWizard.WizardButton.FinishButton).isEnabled()
    assert not wizard.button(QWizard.WizardButton.BackButton).isEnabled()
    assert wizard.button(QWizard.WizardButton.CancelButton).isEnabled()
    assert not mode.url.isEnabled() and not mode.offline.isEnabled()


def start(qtbot: QtBot, wizard: FirstStartWizard) -> None:
    """« Commencer » again, from the keyboard, once the outcome is shown."""
    finish = wizard.button(QWizard.WizardButton.FinishButton)
    assert finish.isEnabled() and finish.hasFocus()
    with qtbot.waitSignal(wizard.finished, timeout=10_000):
        qtbot.keyClick(finish, Qt.Key.Key_Return)


def test_a_good_code_enrols_at_the_end_of_the_wizard_and_says_so(
    qtbot: QtBot, window: MainWindow, desk: Desk, hub: Hub
) -> None:
    site_id, code = code_for(hub, "Cité des métiers de Marseille")
    assert window.sync_state.text() == "Hors ligne (pas de hub)"
    wizard, mode = hub_page(qtbot, window)
    with qtbot.waitSignal(window.sync.scheduler.sig_enrolled, timeout=15_000):
        choose_hub(qtbot, wizard, hub.url, code)
        assert_busy(wizard)
        assert window.sync_state.text() == BUSY
    assert not mode.progress.isVisible()
    assert mode.status.text() == (
        "Poste inscrit auprès du hub régional\u00a0: site «\u00a0Cité des métiers de"
        " Marseille\u00a0». L’annuaire de la région est en cours de récupération\u202f;"
        " il remplacera l’annuaire de démonstration."
    )
    assert not mode.error.isVisible()
    assert not mode.offline.isEnabled() and not mode.code.isEnabled()  # nothing to change now
    assert desk.settings.get("site.id") == site_id
    assert desk.settings.get("hub.url") == hub.url
    assert desk.settings.get("hub.pending_code") == ""
    assert (desk.paths.data / "hub-token").read_text().strip()
    qtbot.waitUntil(lambda: window.sync_state.text() == "Hub\u00a0: à jour", timeout=15_000)
    start(qtbot, wizard)
    assert desk.settings.get("site.configured") is True
    assert desk.settings.get("site.name") == "CIO Arles"  # the name the agent typed


def test_a_hub_that_does_not_answer_keeps_the_code_and_the_next_start_enrols(
    qtbot: QtBot, window: MainWindow, desk: Desk, home: Path, clock: FakeClock, hub_url_db: str
) -> None:
    port = free_port()  # nothing listens there yet
    url = f"http://127.0.0.1:{port}"
    wizard, mode = hub_page(qtbot, window)
    engine = make_engine(hub_url_db)
    site_id, code = code_for(Hub(url, engine))
    with qtbot.waitSignal(window.sync.scheduler.sig_enrolled, timeout=15_000):
        choose_hub(qtbot, wizard, url, code)
        assert_busy(wizard)
    assert mode.status.text() == (
        f"Le hub régional ne répond pas pour l’instant ({url}). En attendant, ce poste"
        " fonctionne hors ligne avec l’annuaire de démonstration. L’inscription sera"
        " retentée à chaque démarrage, ou depuis le menu Aiguillage\u00a0› S’inscrire auprès"
        " du hub, sans rien ressaisir\u00a0: le code est gardé."
    )
    assert not mode.error.isVisible() and not mode.progress.isVisible()
    assert desk.settings.get("hub.url") == url
    assert desk.settings.get("hub.pending_code") == code
    assert desk.settings.get("site.id") == "local"
    assert window.sync_state.text() == "Hub injoignable\u00a0: inscription en attente"
    assert window.sync_state.toolTip().startswith("Le hub régional ne répond pas")
    start(qtbot, wizard)
    assert desk.settings.get("site.configured") is True
    assert window.sync_state.text() == "Hub injoignable\u00a0: inscription en attente"

    # The next start, the hub still away: tried again, and the status bar says the truth.
    again = reopen(qtbot, window, desk, home, clock)
    qtbot.waitUntil(
        lambda: again.sync_state.text() == "Hub injoignable\u00a0: inscription en attente",
        timeout=15_000,
    )
    assert again.desk.settings.get("hub.pending_code") == code

    # The start after, the hub is there: enrolled with nothing typed again.
    with serve_hub(engine, port):
        latest = reopen(qtbot, again, again.desk, home, clock)
        qtbot.waitUntil(lambda: latest.sync_state.text() == "Hub\u00a0: à jour", timeout=20_000)
        assert latest.desk.settings.get("site.id") == site_id
        assert latest.desk.settings.get("hub.pending_code") == ""
        latest.close()
        latest.desk.close()
    engine.dispose()


def reopen(
    qtbot: QtBot,
    window: MainWindow,
    desk: Desk,
    home: Path,
    clock: FakeClock,
) -> MainWindow:
    """Close the window and the desk, then start again on the same folder."""
    window.close()
    desk.close()
    reopened = Desk.open(DeskPaths(data=home, logs=home / "logs"), clock=clock)
    again = MainWindow(reopened)
    qtbot.addWidget(again)
    again.show()
    qtbot.waitExposed(again)
    return again


def test_a_refused_code_keeps_the_page_open_and_stores_nothing(
    qtbot: QtBot, window: MainWindow, desk: Desk, hub: Hub
) -> None:
    site_id, code = code_for(hub)
    wizard, mode = hub_page(qtbot, window)
    with qtbot.waitSignal(window.sync.scheduler.sig_enrolled, timeout=15_000):
        choose_hub(qtbot, wizard, hub.url, "ZZZZ-9999")
    assert mode.error.isVisible() and mode.error.text() == REFUSED
    assert not mode.status.isVisible()
    assert wizard.isVisible() and wizard.currentPage() is mode
    assert mode.code.hasFocus() and mode.code.selectedText() == "ZZZZ-9999"
    assert desk.settings.get("site.id") == "local"
    assert desk.settings.get("hub.url") == ""
    assert desk.settings.get("hub.pending_code") == ""
    assert desk.settings.get("site.configured") is False
    assert window.sync_state.text() == "Hors ligne (pas de hub)"
    # The new code from the coordination, typed over the refused one.
    with qtbot.waitSignal(window.sync.scheduler.sig_enrolled, timeout=15_000):
        qtbot.keyClicks(mode.code, code)
        qtbot.keyClick(mode.code, Qt.Key.Key_Return)
    assert mode.status.text().startswith("Poste inscrit auprès du hub régional")
    assert not mode.error.isVisible()
    assert desk.settings.get("site.id") == site_id
    qtbot.waitUntil(lambda: window.sync_state.text() == "Hub\u00a0: à jour", timeout=15_000)


@pytest.fixture
def not_a_hub() -> Iterator[str]:
    """A web server on loopback that is not an Aiguillage hub (a page not found)."""

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *_args: object) -> None:
            pass

        def do_POST(self) -> None:
            body = b"<html><body>Not Found</body></html>"
            self.send_response(404)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def test_an_address_that_is_not_a_hub_has_its_own_words(
    qtbot: QtBot, window: MainWindow, desk: Desk, not_a_hub: str
) -> None:
    wizard, mode = hub_page(qtbot, window)
    with qtbot.waitSignal(window.sync.scheduler.sig_enrolled, timeout=15_000):
        choose_hub(qtbot, wizard, not_a_hub, "MDQ7-AAC3")
    assert mode.error.text() == (
        f"«\u00a0{not_a_hub}\u00a0» ne répond pas comme un hub Aiguillage. Vérifiez"
        " l’adresse donnée par la coordination régionale."
    )
    assert wizard.currentPage() is mode and mode.url.isEnabled()
    assert desk.settings.get("hub.url") == ""
    assert desk.settings.get("hub.pending_code") == ""
    # The agent gives up the hub for today: offline, nothing kept.
    qtbot.keyClick(mode.offline, Qt.Key.Key_Space)
    assert mode.offline.isChecked()
    with qtbot.waitSignal(wizard.finished, timeout=10_000):
        qtbot.keyClick(wizard.button(QWizard.WizardButton.FinishButton), Qt.Key.Key_Return)
    assert desk.settings.get("site.configured") is True
    assert window.sync_state.text() == "Hors ligne (pas de hub)"


def test_the_menu_enrols_with_the_kept_code_and_nothing_typed_again(
    qtbot: QtBot, window: MainWindow, desk: Desk, hub_url_db: str
) -> None:
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    engine = make_engine(hub_url_db)
    site_id, code = code_for(Hub(url, engine))
    wizard, _mode = hub_page(qtbot, window)
    with qtbot.waitSignal(window.sync.scheduler.sig_enrolled, timeout=15_000):
        choose_hub(qtbot, wizard, url, code)
    start(qtbot, wizard)
    assert window.sync_state.text() == "Hub injoignable\u00a0: inscription en attente"
    with serve_hub(engine, port):
        (action,) = [
            a for a in window.findChildren(QAction) if a.text() == "S’inscrire auprès du &hub…"
        ]
        action.trigger()
        dialog = window.sync.enrol_dialog
        assert (dialog.url.text(), dialog.code.text()) == (url, code)
        with qtbot.waitSignal(dialog.accepted, timeout=15_000):
            qtbot.keyClick(dialog.code, Qt.Key.Key_Return)  # « S’inscrire »
        assert desk.settings.get("site.id") == site_id
        assert desk.settings.get("hub.pending_code") == ""
        qtbot.waitUntil(lambda: window.sync_state.text() == "Hub\u00a0: à jour", timeout=20_000)
    engine.dispose()


@pytest.fixture
def self_signed(tmp_path: Path) -> Iterator[str]:
    """An HTTPS server on loopback whose certificate no authority signed."""
    openssl = shutil.which("openssl")
    if openssl is None:
        pytest.skip("openssl is not installed")
    key, cert = tmp_path / "key.pem", tmp_path / "cert.pem"
    subprocess.run(
        [openssl, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
         "-subj", "/CN=127.0.0.1", "-keyout", str(key), "-out", str(cert)],
        check=True, capture_output=True,
    )  # fmt: skip
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    server = ThreadingHTTPServer(("127.0.0.1", 0), BaseHTTPRequestHandler)
    server.socket = context.wrap_socket(server.socket, server_side=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"https://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def test_a_refused_certificate_has_its_own_words_and_keeps_nothing(
    qtbot: QtBot, window: MainWindow, desk: Desk, self_signed: str
) -> None:
    wizard, mode = hub_page(qtbot, window)
    with qtbot.waitSignal(window.sync.scheduler.sig_enrolled, timeout=15_000):
        choose_hub(qtbot, wizard, self_signed, "MDQ7-AAC3")
    assert mode.error.text() == (
        f"Connexion sécurisée impossible avec «\u00a0{self_signed}\u00a0»\u00a0: son"
        " certificat est refusé. Vérifiez l’adresse donnée par la coordination régionale."
    )
    assert wizard.currentPage() is mode and not mode.status.isVisible()
    assert desk.settings.get("hub.pending_code") == ""
    assert window.sync_state.text() == "Hors ligne (pas de hub)"
