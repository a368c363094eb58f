"""The window's work goes through operations: no database session on the GUI thread, an
export never holds up a save, and a failure is shown with the desk's own words."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy.exc import OperationalError

from app.desk import Desk
from core.errors import DeskError
from tests.ui.test_directory_panel import search_for
from tests.ui.visit_keys import fill, young_visitor_f4
from ui.main_window import MainWindow


class SessionSpy:
    """``desk.sessions`` that notes on which thread each session is opened."""

    def __init__(self, sessions: Any) -> None:
        self._sessions = sessions
        self.threads: list[str] = []

    def _note(self) -> None:
        on_gui = threading.current_thread() is threading.main_thread()
        self.threads.append("gui" if on_gui else threading.current_thread().name)

    def __call__(self) -> AbstractContextManager[Any]:
        self._note()
        return self._sessions()  # type: ignore[no-any-return]

    def begin(self) -> AbstractContextManager[Any]:
        self._note()
        return self._sessions.begin()  # type: ignore[no-any-return]


@pytest.fixture
def spy(desk: Desk) -> Iterator[SessionSpy]:
    real = desk.sessions
    watched = SessionSpy(real)
    desk.sessions = watched  # type: ignore[assignment]
    yield watched
    desk.sessions = real


def test_the_window_opens_no_session_on_its_thread(
    qtbot: QtBot, window: MainWindow, desk: Desk, spy: SessionSpy
) -> None:
    # A visit saved with F4's partner, as an agent does it with the keyboard.
    form = window.form
    dialog = young_visitor_f4(qtbot, window)
    qtbot.keyClicks(dialog.search, "artisanat")
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        qtbot.keyClick(dialog.search, Qt.Key.Key_Return)
    with qtbot.waitSignal(window.sig_saved, timeout=15_000):
        qtbot.keyClick(form.save_button, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.slip_dialog.slips != [], timeout=15_000)
    window.slip_dialog.reject()
    # The directory searched, a record read, a favourite ticked.
    search_for(qtbot, window, "contrat engagement jeune")
    panel = window.directory
    with qtbot.waitSignal(panel.sig_searched, timeout=15_000):
        qtbot.mouseClick(panel.favourite_button, Qt.MouseButton.LeftButton)
    assert panel.model.index(0, 0).data() == "★"
    # The site's settings saved.
    window.open_settings()
    settings = window.settings_dialog
    qtbot.waitExposed(settings)
    settings.identity.name.setText("CIO d’Istres")
    with qtbot.waitSignal(settings.accepted, timeout=10_000):
        settings.save()
    assert desk.settings.get("site.name") == "CIO d’Istres"
    assert spy.threads, "the desk's sessions were not watched"
    assert "gui" not in spy.threads
    assert any(name.startswith("desk-writer") for name in spy.threads)
    assert any(name.startswith("desk-reader") for name in spy.threads)


def test_an_export_running_does_not_hold_up_a_save(
    qtbot: QtBot, window: MainWindow, desk: Desk, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import app.stats.exports

    started, release = threading.Event(), threading.Event()
    real: Callable[..., Any] = app.stats.exports.export_tables

    def slow_export(*args: Any, **kwargs: Any) -> Any:
        started.set()
        assert release.wait(30)
        return real(*args, **kwargs)

    monkeypatch.setattr(app.stats.exports, "export_tables", slow_export)
    window.show_tab(2)
    panel = window.statistics()
    panel.export_xlsx(tmp_path / "activite.xlsx")
    assert started.wait(15)
    window.show_tab(0)
    form = window.form
    fill(form, "salarie", "26-44", "femme", "13047", ["vae"], ["information"])
    try:
        with qtbot.waitSignal(window.sig_saved, timeout=10_000) as saved:
            qtbot.keyClick(form.save_button, Qt.Key.Key_Return)
        # Saved, and in the day's journal, while the export is still being written.
        assert not release.is_set()
        assert saved.args[0] in {c.id for c in desk.intake.contacts_on(desk.intake.today())}
        assert not (tmp_path / "activite.xlsx").exists()
    finally:
        release.set()
    with qtbot.waitSignal(panel.sig_exported, timeout=15_000):
        pass
    assert (tmp_path / "activite.xlsx").exists()


def test_f4_answers_while_two_exports_are_being_written(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import app.stats.exports

    started, release = threading.Semaphore(0), threading.Event()
    real: Callable[..., Any] = app.stats.exports.export_tables

    def slow_export(*args: Any, **kwargs: Any) -> Any:
        started.release()
        assert release.wait(30)
        return real(*args, **kwargs)

    monkeypatch.setattr(app.stats.exports, "export_tables", slow_export)
    window.show_tab(2)
    panel = window.statistics()
    panel.export_xlsx(tmp_path / "activite.xlsx")
    panel.export_csv(tmp_path / "activite.csv")
    assert started.acquire(timeout=15) and started.acquire(timeout=15)
    window.show_tab(0)
    try:
        # Both exports still being written, F4 lists its suggestions.
        dialog = young_visitor_f4(qtbot, window)
        assert not release.is_set()
        assert "apprentissage" in dialog.model.suggestion(0).service_name.lower()
        dialog.reject()
    finally:
        release.set()
    qtbot.waitUntil(lambda: (tmp_path / "activite.csv").exists(), timeout=15_000)


def test_a_database_failure_is_shown_with_the_desk_s_words(
    qtbot: QtBot, window: MainWindow, desk: Desk, monkeypatch: pytest.MonkeyPatch
) -> None:
    def locked(_service_id: str) -> bool:
        raise OperationalError("UPDATE", {}, sqlite3.OperationalError("database is locked"))

    search_for(qtbot, window, "contrat engagement jeune")
    monkeypatch.setattr(desk, "toggle_favourite", locked)
    panel = window.directory
    qtbot.keyClick(panel.table, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.ops.failure_box is not None, timeout=15_000)
    box = window.ops.failure_box
    assert box is not None and box.isVisible()
    assert box.windowTitle() == "Opération impossible"
    assert box.text() == DeskError("database_error", reason="database is locked").text("fr")
    assert box.text().startswith("La base de données ne répond pas (database is locked)")
    box.reject()
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None)
