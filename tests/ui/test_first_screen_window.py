"""The window's first screen, shown before the desk is open: what the agent sees is the
desk's day, and a visit typed with the keys and saved at once, before the desk is open, is
kept whole (the save opens the desk and waits for it)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMenu
from pytestqt.qtbot import QtBot

from app.desk import Desk
from app.first_screen import read_first_screen
from app.paths import DeskPaths
from tests.conftest import FakeClock
from tests.ui.visit_keys import save_one
from ui.main_window import MainWindow
from ui.style import apply_style


@pytest.fixture
def paths(home: Path) -> DeskPaths:
    return DeskPaths(data=home, logs=home / "logs")


@pytest.fixture
def opened() -> Iterator[list[Desk]]:
    desks: list[Desk] = []
    yield desks
    for desk in desks:
        desk.close()


def first_window(
    qtbot: QtBot, qapp: QApplication, paths: DeskPaths, clock: FakeClock, opened: list[Desk]
) -> MainWindow:
    """The window on the first screen, the desk opened only when something needs it."""
    first = read_first_screen(paths.database, clock().date())
    assert first is not None
    apply_style(qapp)
    window = MainWindow(first)

    def open_now() -> None:
        opened.append(Desk.open(paths, clock=clock, monotonic=clock.monotonic))
        window.attach(opened[-1])

    window.open_desk_now = open_now
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    return window


def test_a_visit_typed_and_saved_before_the_desk_is_open_is_kept_whole(
    qtbot: QtBot, qapp: QApplication, paths: DeskPaths, clock: FakeClock, opened: list[Desk]
) -> None:
    window = first_window(qtbot, qapp, paths, clock, opened)
    form = window.form
    try:
        assert not window.opened and window.focusWidget() is form.public
        qtbot.keyClick(form.public, Qt.Key.Key_4)  # demandeur·se d’emploi
        qtbot.keyClick(form.age, Qt.Key.Key_3)  # 26-44
        qtbot.keyClick(form.gender, Qt.Key.Key_1)  # femme
        assert window.focusWidget() is form.commune
        qtbot.keyClicks(form.commune, "13800")  # Istres's postcode
        form.themes.setFocus()
        qtbot.keyClick(form.themes, Qt.Key.Key_3)
        qtbot.keyClick(form.themes, Qt.Key.Key_4)
        qtbot.keyClick(form.themes, Qt.Key.Key_Tab)
        qtbot.keyClick(form.answers, Qt.Key.Key_1)  # information
        assert not window.opened and not opened  # all typed on the first screen
        with qtbot.waitSignal(window.sig_saved, timeout=15_000) as saved:
            qtbot.keyClick(form.answers, Qt.Key.Key_Return)
        assert window.opened and len(opened) == 1
        record = opened[0].intake.get(str(saved.args[0]))
        assert (record.channel, record.public, record.age, record.gender, record.commune) == (
            "sur-place",
            "demandeur-emploi",
            "26-44",
            "femme",
            "13047",
        )
        assert record.themes == ("financer-formation", "trouver-formation")
        assert record.answers == ("information",)
        assert window.journal.model.rowCount() == 1
        assert window.day_count.text() == "Aujourd’hui : 1 accueil"
    finally:
        window.tasks.shutdown()


def test_the_first_screen_shows_the_day_the_desk_shows(
    qtbot: QtBot, qapp: QApplication, desk: Desk, paths: DeskPaths, clock: FakeClock
) -> None:
    with_desk = MainWindow(desk)
    qtbot.addWidget(with_desk)
    first = save_one(qtbot, with_desk)
    save_one(qtbot, with_desk)
    with qtbot.waitSignal(with_desk.sig_refreshed, timeout=15_000):
        desk.intake.cancel(first)
        with_desk.refresh()
    with_desk.tasks.shutdown()
    desks: list[Desk] = []
    window = first_window(qtbot, qapp, paths, clock, desks)
    try:
        assert not window.opened
        model, shown = window.journal.model, with_desk.journal.model
        assert model.rowCount() == shown.rowCount() == 2
        for row in range(2):
            for column in range(model.columnCount()):
                cell = model.index(row, column).data()
                assert cell == shown.index(row, column).data(), (row, column)
        assert window.day_count.text() == with_desk.day_count.text() == "Aujourd’hui : 1 accueil"
        assert window.windowTitle() == with_desk.windowTitle()
        assert not desks, "the first screen opened the desk"
    finally:
        window.tasks.shutdown()
        for opened_desk in desks:
            opened_desk.close()


def test_nothing_moves_under_the_agent_s_eyes_when_the_desk_opens(
    qtbot: QtBot, qapp: QApplication, paths: DeskPaths, clock: FakeClock, opened: list[Desk]
) -> None:
    """The menus are in the bar from the first paint (their items come with the desk):
    the form does not jump down when the desk opens behind it."""
    window = first_window(qtbot, qapp, paths, clock, opened)
    try:
        titles = [action.text() for action in window.menuBar().actions()]
        assert titles == ["&Aiguillage", "A&ffichage", "A&ide"]
        where = window.form.public.mapTo(window, window.form.public.rect().topLeft())
        window.open_desk_now()
        qapp.processEvents()
        assert window.opened
        assert window.form.public.mapTo(window, window.form.public.rect().topLeft()) == where
        assert [action.text() for action in window.menuBar().actions()] == titles
        menu = window.menuBar().actions()[0].menu()
        assert isinstance(menu, QMenu) and menu.actions()  # now with its items
    finally:
        window.tasks.shutdown()
