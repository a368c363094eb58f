"""« Accueillir une personne orientée » at a partner's counter, with the keyboard alone: the
code typed as a person reads it, what followed chosen, Enter keeps it (offline); a code
that is none is said and nothing is kept; the list says what waits to be sent."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app.desk import Desk
from db.models import Arrival
from tests.ui.test_accessibility import unnamed_controls
from ui.arrival_dialog import ArrivalDialog
from ui.main_window import MainWindow


def opened(qtbot: QtBot, window: MainWindow) -> ArrivalDialog:
    keys = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(window, Qt.Key.Key_A, keys)
    qtbot.waitUntil(lambda: getattr(window, "arrival_dialog", None) is not None, timeout=5000)
    dialog = window.arrival_dialog
    qtbot.waitUntil(dialog.isVisible, timeout=5000)
    return dialog


def arrivals(desk: Desk) -> list[tuple[str, str, str | None]]:
    with desk.sessions() as session:
        rows = session.scalars(select(Arrival).order_by(Arrival.created_at)).all()
        return [(r.slip_code, r.said, r.answer) for r in rows]


def test_a_partner_s_counter_says_who_came_with_the_keyboard(
    qtbot: QtBot, window: MainWindow, desk: Desk
) -> None:
    dialog = opened(qtbot, window)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.code, timeout=5000)
    assert unnamed_controls(dialog) == []
    qtbot.keyClicks(dialog.code, "k7m 42q")  # as a person reads it aloud
    qtbot.keyClick(dialog.code, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is dialog.said
    qtbot.keyClick(dialog.said, Qt.Key.Key_Down)  # « Présentée, et accompagnée »
    qtbot.keyClick(dialog.said, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: arrivals(desk) == [("K7M-42Q", "accompagnee", None)], timeout=5000)
    qtbot.waitUntil(lambda: dialog.message.text() == "Enregistré\u00a0: K7M-42Q.", timeout=5000)
    qtbot.waitUntil(lambda: dialog.last.count() == 1, timeout=5000)
    assert "K7M-42Q · Présentée, et accompagnée · à envoyer" in dialog.last.item(0).text()
    assert dialog.code.text() == "" and QApplication.focusWidget() is dialog.code
    # A code that cannot be one: said in words, nothing kept.
    qtbot.keyClicks(dialog.code, "K0M-42Q")
    qtbot.keyClick(dialog.code, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "n’en est pas un" in dialog.message.text(), timeout=5000)
    assert len(arrivals(desk)) == 1
    # A scanned slip: the QR code's address, the code after its « # ».
    dialog.code.clear()
    qtbot.keyClicks(dialog.code, "https://ml.example.org/cej#ABC-DEF")
    qtbot.keyClick(dialog.code, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(arrivals(desk)) == 2, timeout=5000)
    assert arrivals(desk)[1] == ("ABC-DEF", "presentee", None)  # the first choice: came
