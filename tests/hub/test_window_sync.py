"""The window's sync: enrolment dialog, background sync, status bar, revoked desk."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtGui import QAction
from pytestqt.qtbot import QtBot
from sqlalchemy.orm import sessionmaker

from app.desk import Desk
from app.sync.client import HubBusy, Transient
from hub import service
from tests.hub.conftest import Hub
from tests.hub.test_sync import VISIT, code_for, hub_records
from ui.main_window import MainWindow
from ui.sync_worker import backoff, retry_delay


@pytest.fixture
def window(qtbot: QtBot, desk: Desk, monkeypatch: pytest.MonkeyPatch) -> Iterator[MainWindow]:
    monkeypatch.setenv("AIGUILLAGE_NO_KEYRING", "1")
    window = MainWindow(desk)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    yield window
    window.tasks.shutdown()


def test_enrol_from_the_window_then_sync_in_the_background(
    qtbot: QtBot, window: MainWindow, desk: Desk, hub: Hub
) -> None:
    site_id, code = code_for(hub)
    assert window.sync_state.text() == "Hors ligne (pas de hub)"
    window.sync.open_enrol()
    dialog = window.sync.enrol_dialog
    dialog.url.setText(hub.url)
    dialog.code.setText(code)
    with qtbot.waitSignal(window.sync.scheduler.sig_state, timeout=10_000):
        dialog.submit()
    assert desk.settings.get("site.id") == site_id
    qtbot.waitUntil(lambda: window.sync_state.text() == "Hub\u00a0: à jour", timeout=15_000)
    desk.intake.save(VISIT)
    window.refresh()
    qtbot.waitUntil(lambda: window.pending.text() == "1 à envoyer", timeout=10_000)
    assert window.sync_state.text() == "Hub\u00a0: en attente d’envoi"
    (action,) = [a for a in window.findChildren(QAction) if a.text() == "&Synchroniser maintenant"]
    assert action.shortcut().toString() == "F5"
    with qtbot.waitSignal(window.sync.scheduler.sig_state, timeout=10_000):
        action.trigger()
    assert len(hub_records(hub, "contact")) == 1
    # The sync's end refreshes the counters: nothing waits, the status bar agrees.
    qtbot.waitUntil(lambda: window.pending.text() == "0 à envoyer", timeout=10_000)
    assert window.sync_state.text() == "Hub\u00a0: à jour"
    qtbot.waitUntil(
        lambda: window.last_sync.text().startswith("Dernière synchro\u00a0: "), timeout=15_000
    )
    with sessionmaker(hub.engine).begin() as session:
        service.revoke(session, site_id)
    desk.intake.save(VISIT)
    with qtbot.waitSignal(window.sync.scheduler.sig_state, timeout=10_000):
        window.sync.scheduler.sync_now()
    assert window.sync_state.text() == "Poste révoqué par la coordination"
    assert window.sync_state.toolTip().startswith(
        "Ce poste a été révoqué par la coordination régionale"
    )
    window.sync.open_panel()
    assert window.sync.panel.summary.text().startswith("Ce poste a été révoqué")


def test_backoff_grows_from_seconds_to_an_hour_with_jitter() -> None:
    import random

    rng = random.Random(3)
    delays = [backoff(n, rng) for n in range(1, 15)]
    assert 4 <= delays[0] <= 6
    assert all(
        0.8 * min(3600, 5 * 2 ** (n - 1)) <= d <= 1.2 * min(3600, 5 * 2 ** (n - 1))
        for n, d in enumerate(delays, 1)
    )
    assert max(delays) <= 3600 * 1.2 and delays[-1] >= 3600 * 0.8


def test_after_a_busy_hub_the_next_try_comes_when_the_hub_asked() -> None:
    assert retry_delay(HubBusy(3), failures=4) == 3.0
    later = retry_delay(Transient("hub_unavailable", url="https://hub", status=502), failures=4)
    assert 0.8 * 40 <= later <= 1.2 * 40
