"""Reporting an error in the directory: the comment goes up to the hub, so personal data
typed in it is refused as in a visit's note; the dialog stays open with the text."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app.desk import Desk
from db.models import DirectoryFlag
from tests.ui.test_directory_panel import search_for
from ui.directory_dialogs import FlagDialog
from ui.main_window import MainWindow


def open_dialog(qtbot: QtBot, window: MainWindow) -> FlagDialog:
    search_for(qtbot, window, "contrat engagement jeune")
    qtbot.mouseClick(window.directory.flag_button, Qt.MouseButton.LeftButton)
    dialog = window.directory.dialog
    assert isinstance(dialog, FlagDialog) and dialog.isVisible()
    return dialog


def click_ok(qtbot: QtBot, dialog: FlagDialog) -> None:
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)


def flags(desk: Desk) -> list[tuple[str, str | None]]:
    with desk.sessions() as session:
        return [(f.reason, f.comment) for f in session.scalars(select(DirectoryFlag))]


@pytest.mark.parametrize(
    ("comment", "kind", "found"),
    [
        ("À rappeler au 06 12 34 56 78 après 17 h", "un numéro de téléphone",
         "06 12 34 56 78"),
        ("Écrire au jeune : theo.martin@gmail.com", "une adresse électronique",
         "theo.martin@gmail.com"),
    ],
)  # fmt: skip
def test_a_comment_with_personal_data_is_refused_and_the_dialog_keeps_it(
    qtbot: QtBot, window: MainWindow, desk: Desk, comment: str, kind: str, found: str
) -> None:
    dialog = open_dialog(qtbot, window)
    dialog.reasons.button(4).setChecked(True)  # other
    dialog.comment.setPlainText(comment)
    click_ok(qtbot, dialog)
    qtbot.waitUntil(dialog.error.isVisible, timeout=15_000)
    message = dialog.error.text()
    assert message.startswith("Commentaire refusé\u00a0: il semble contenir " + kind)
    assert f"«\u00a0{found}\u00a0»" in message
    assert dialog.isVisible() and dialog.comment.toPlainText() == comment
    assert not dialog.busy  # the agent can mend the text and try again
    assert flags(desk) == []
    # Mended, the same dialog sends the report.
    dialog.comment.setPlainText("Le service ne reçoit plus le jeudi après-midi.")
    with qtbot.waitSignal(dialog.accepted, timeout=15_000):
        click_ok(qtbot, dialog)
    assert flags(desk) == [("other", "Le service ne reçoit plus le jeudi après-midi.")]
