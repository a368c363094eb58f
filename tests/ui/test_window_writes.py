"""What the window writes and what it reads again: one writer for every dialog, the last
folder of a file dialog stored only when it changed, and each change refreshing only the
panels it concerns."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot
from sqlalchemy import event

from app.desk import Desk
from tests.ui.test_directory_panel import search_for
from tests.ui.visit_keys import save_one
from ui import file_dialogs
from ui.main_window import MainWindow
from ui.settings_dialog import SettingsDialog


class Writes:
    """The statements that change the desk's database, each with its thread."""

    def __init__(self) -> None:
        self.seen: list[tuple[int, str]] = []

    def __call__(self, _conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        if statement.split()[0] in ("INSERT", "UPDATE", "DELETE"):
            self.seen.append((threading.get_ident(), statement))

    def to(self, table: str) -> list[str]:
        return [s for _t, s in self.seen if f" {table} " in f" {s} ".replace("(", " ")]

    def threads(self) -> set[int]:
        return {thread for thread, _s in self.seen}


@pytest.fixture
def writes(desk: Desk) -> Iterator[Writes]:
    watch = Writes()
    event.listen(desk.engine, "before_cursor_execute", watch)
    yield watch
    event.remove(desk.engine, "before_cursor_execute", watch)


def drained(qtbot: QtBot, window: MainWindow) -> None:
    """Every write asked for so far is done: the writer runs them in order."""
    done: list[int] = []
    window.ops.write(lambda: None).success(lambda _r: done.append(1)).run(window)
    qtbot.waitUntil(lambda: done == [1], timeout=15_000)


def save_name_with_keys(qtbot: QtBot, dialog: SettingsDialog, name: str) -> None:
    qtbot.waitExposed(dialog)
    dialog.identity.name.setFocus()
    dialog.identity.name.selectAll()
    qtbot.keyClicks(dialog.identity.name, name)
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        qtbot.keyClick(dialog.identity.name, Qt.Key.Key_Return)


def test_dialogs_write_through_the_window_s_one_writer(
    qtbot: QtBot, window: MainWindow, desk: Desk, writes: Writes
) -> None:
    window.open_settings()
    save_name_with_keys(qtbot, window.settings_dialog, "CIO Istres")
    # A dialog shown with no window above it, on the same desk.
    alone = SettingsDialog(desk)
    qtbot.addWidget(alone)
    alone.identity.name.setText("Cité des métiers")
    with qtbot.waitSignal(alone.accepted, timeout=10_000):
        alone.save()
    assert alone.ops is window.ops
    assert desk.settings.get("site.name") == "Cité des métiers"
    assert len(writes.to("setting")) >= 2
    assert len(writes.threads()) == 1
    assert writes.threads() != {threading.main_thread().ident}


def chosen_by_agent(monkeypatch: pytest.MonkeyPatch, path: Path) -> list[str]:
    """The save dialog answers ``path``; the folders it was opened in, in order."""
    opened: list[str] = []

    def answer(_parent: Any, _title: str, suggested: str, _filters: str) -> tuple[str, str]:
        opened.append(str(Path(suggested).parent))
        return str(path), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", answer)
    return opened


def test_the_last_folder_is_stored_only_when_it_changes(
    qtbot: QtBot,
    window: MainWindow,
    desk: Desk,
    writes: Writes,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    opened = chosen_by_agent(monkeypatch, tmp_path / "fiche.pdf")
    save: Callable[[], Path | None] = lambda: file_dialogs.save_file(  # noqa: E731
        window, desk, "Enregistrer", "fiche.pdf", "PDF (*.pdf)"
    )
    assert save() == tmp_path / "fiche.pdf"
    drained(qtbot, window)
    assert desk.settings.get(file_dialogs.LAST_FOLDER) == str(tmp_path)
    assert len(writes.to("setting")) == 1
    assert save() == tmp_path / "fiche.pdf"
    assert save() == tmp_path / "fiche.pdf"
    drained(qtbot, window)
    assert len(writes.to("setting")) == 1  # the same folder: nothing written again
    assert opened[1:] == [str(tmp_path), str(tmp_path)]
    elsewhere = tmp_path / "ailleurs"
    elsewhere.mkdir()
    chosen_by_agent(monkeypatch, elsewhere / "fiche.pdf")
    save()
    drained(qtbot, window)
    assert desk.settings.get(file_dialogs.LAST_FOLDER) == str(elsewhere)
    assert len(writes.to("setting")) == 2


class Reloads:
    """How many times the journal (the day) and the directory's results are read."""

    def __init__(self, window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
        self.days = self.searches = 0
        ops, panel = window.ops, window.directory
        real_day, real_search = ops.day_view, panel.run_search

        def day_view(*args: Any) -> Any:
            self.days += 1
            return real_day(*args)

        def run_search() -> None:
            self.searches += 1
            real_search()

        monkeypatch.setattr(ops, "day_view", day_view)
        monkeypatch.setattr(panel, "run_search", run_search)


def test_each_change_reloads_only_what_it_concerns(
    qtbot: QtBot, window: MainWindow, desk: Desk, monkeypatch: pytest.MonkeyPatch
) -> None:
    search_for(qtbot, window, "contrat engagement jeune")
    window.show_tab(0)
    reloads = Reloads(window, monkeypatch)
    # A setting saved with the keys: neither the day nor the directory is read again.
    window.open_settings()
    save_name_with_keys(qtbot, window.settings_dialog, "CIO Istres")
    drained(qtbot, window)
    assert (reloads.days, reloads.searches) == (0, 0)
    assert window.windowTitle().endswith("CIO Istres")
    # A favourite ticked: the directory's results only, and its count in the status bar.
    panel = window.directory
    with qtbot.waitSignal(panel.sig_searched, timeout=15_000):
        qtbot.mouseClick(panel.favourite_button, Qt.MouseButton.LeftButton)
    drained(qtbot, window)
    assert (reloads.days, reloads.searches) == (0, 1)
    assert panel.model.index(0, 0).data() == "★"
    # A visit saved: the day, once.
    save_one(qtbot, window)
    assert (reloads.days, reloads.searches) == (1, 1)
