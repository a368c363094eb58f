"""UI fixtures: the real main window on a real desk, offscreen."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QTranslator
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.desk import Desk
from core.resources import resource
from ui.main_window import MainWindow
from ui.style import apply_style
from ui.taskman import TaskManager


@pytest.fixture(scope="session", autouse=True)
def french_plurals(qapp: QApplication) -> Iterator[QTranslator]:
    """The desk's French catalogue, as the window loads it: the plural forms of the
    messages that count (« 1 accueil », « 2 accueils »; the source says « accueil(s) »)."""
    translator = QTranslator(qapp)
    assert translator.load(str(resource("translations", "aiguillage_fr.qm")))
    qapp.installTranslator(translator)
    yield translator
    qapp.removeTranslator(translator)


@pytest.fixture(scope="session", autouse=True)
def workers_get_plain_data() -> Iterator[None]:
    """Every test of the window refuses work for a worker that holds a Qt object: a widget
    freed, or a pixmap made, off the GUI thread crashes the window."""
    TaskManager.check_callables = True
    yield
    TaskManager.check_callables = False


@pytest.fixture(autouse=True)
def automatic_collection_after_each_test() -> Iterator[None]:
    """A window switches Python's automatic collection off for its life (``ui.gui_gc``); once
    a test's window and its threads are gone, it is switched on again, so that tests run
    after it (the hub's, the desk's services') collect as any program does."""
    yield
    gc.collect()
    gc.enable()


def shown_window(qtbot: QtBot, desk: Desk, qapp: QApplication) -> MainWindow:
    """The main window on ``desk``, shown at 1366 × 768 once its day is on screen."""
    apply_style(qapp)
    window = MainWindow(desk)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    # The journal and the counters are read on the desk's thread: wait until shown.
    qtbot.waitUntil(lambda: window.refreshes > 0, timeout=15_000)
    return window


@pytest.fixture
def window(qtbot: QtBot, desk: Desk, qapp: QApplication) -> Iterator[MainWindow]:
    window = shown_window(qtbot, desk, qapp)
    yield window
    window.tasks.shutdown()
