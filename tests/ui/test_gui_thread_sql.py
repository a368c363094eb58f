"""No SQL runs on the window's thread once it is shown: every statement the desk's engine
sends is noted with its thread while an agent logs a visit with the keys, corrects it,
and opens each dialog (settings, slip, directory, statistics, sync).

The rule is for the window once its desk is open. Before: the first screen is read with
``sqlite3`` on the window's thread before its event loop starts (``ui.main.first_screen``,
no engine), and the desk is opened on that thread just after the first paint, or when a key
needs it first (``ui.window_opening``), as it was opened before the window was shown."""

from __future__ import annotations

import threading
import traceback
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from shiboken6 import isValid
from sqlalchemy import event

from app.desk import Desk
from tests.ui.test_directory_panel import search_for
from tests.ui.visit_keys import young_visitor_f4
from ui.main_window import MainWindow


class GuiThreadSql:
    """The statements run on the main thread while switched on, each with the window's
    code that asked for it."""

    def __init__(self) -> None:
        self.on = False
        self.statements: list[str] = []
        self.others = 0

    def __call__(self, _conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        if not self.on:
            return
        if threading.current_thread() is not threading.main_thread():
            self.others += 1
            return
        frames = [
            f
            for f in traceback.extract_stack()
            if Path(f.filename).parent.name == "ui" and "tests" not in f.filename
        ]
        where = " < ".join(f"{Path(f.filename).name}:{f.lineno}" for f in frames[-5:])
        self.statements.append(f"{statement.split()[0]} … from {where}")


@pytest.fixture
def gui_sql(desk: Desk) -> Iterator[GuiThreadSql]:
    watch = GuiThreadSql()
    event.listen(desk.engine, "before_cursor_execute", watch)
    yield watch
    event.remove(desk.engine, "before_cursor_execute", watch)


def closed(qtbot: QtBot) -> None:
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None, timeout=10_000)


def test_no_sql_on_the_window_s_thread_once_it_is_shown(
    qtbot: QtBot, desk: Desk, qapp: QApplication, gui_sql: GuiThreadSql
) -> None:
    from tests.ui.conftest import shown_window

    window: MainWindow = shown_window(qtbot, desk, qapp)
    try:
        gui_sql.on = True
        visit_with_keys(qtbot, window)
        every_dialog(qtbot, window)
        gui_sql.on = False
    finally:
        window.tasks.shutdown()
    assert gui_sql.others > 0, "the engine was not watched"
    assert not gui_sql.statements, "\n".join(sorted(set(gui_sql.statements)))


def visit_with_keys(qtbot: QtBot, window: MainWindow) -> None:
    """A young jobseeker referred with F4 and saved with Enter, the slip previewed and
    closed, then the visit corrected from the journal and taken back."""
    form = window.form
    dialog = young_visitor_f4(qtbot, window)
    qtbot.keyClicks(dialog.search, "artisanat")
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        qtbot.keyClick(dialog.search, Qt.Key.Key_Return)
    with qtbot.waitSignal(window.sig_saved, timeout=15_000) as saved:
        qtbot.keyClick(form.save_button, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.slip_dialog.slips != [], timeout=15_000)
    window.slip_dialog.reject()
    closed(qtbot)
    contact_id = str(saved.args[0])
    window.edit(contact_id)
    qtbot.waitUntil(
        lambda: form.editing is not None and form.editing.id == contact_id, timeout=10_000
    )
    form.commune.setFocus()
    form.commune.clear()
    qtbot.keyClicks(form.commune, "istr")
    qtbot.waitUntil(lambda: form.commune.model.rowCount() > 0, timeout=10_000)
    qtbot.keyClick(form.commune.completer().popup(), Qt.Key.Key_Return)
    with qtbot.waitSignal(window.sig_saved, timeout=15_000):
        form.submit()
    window.open_slips(contact_id)
    qtbot.waitUntil(
        lambda: isValid(window.slip_dialog) and window.slip_dialog.slips != [], timeout=15_000
    )
    window.slip_dialog.reject()
    closed(qtbot)


def every_dialog(qtbot: QtBot, window: MainWindow) -> None:
    """The directory searched and a record read, the statistics, the settings, the sync."""
    search_for(qtbot, window, "contrat engagement jeune")
    panel = window.directory
    with qtbot.waitSignal(panel.sig_searched, timeout=15_000):
        qtbot.mouseClick(panel.favourite_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(window.statistics().sig_shown, timeout=15_000):
        window.show_tab(2)
    window.show_tab(0)
    window.open_settings()
    settings = window.settings_dialog
    qtbot.waitExposed(settings)
    settings.identity.name.setText("CIO d’Istres")
    with qtbot.waitSignal(settings.accepted, timeout=10_000):
        settings.save()
    window.sync.open_panel()
    sync_panel = window.sync.panel
    qtbot.waitExposed(sync_panel)
    sync_panel.reject()
    window.sync.open_enrol()
    enrol = window.sync.enrol_dialog
    qtbot.waitExposed(enrol)
    enrol.reject()
