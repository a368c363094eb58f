"""A visit of the journal corrected, given up or cancelled, with the keyboard."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from app.desk import Desk
from tests.ui.visit_keys import save_one
from ui.main_window import MainWindow


def test_a_visit_is_corrected_from_the_journal_as_a_new_version(
    qtbot: QtBot, window: MainWindow, desk: Desk
) -> None:
    contact_id = save_one(qtbot, window)
    table = window.journal.table
    table.setFocus()
    table.selectRow(0)
    qtbot.keyClick(table, Qt.Key.Key_Return)
    form = window.form
    assert form.editing is not None and form.editing.id == contact_id
    assert form.edit_banner.isVisible()
    assert (
        form.edit_banner.text()
        == "Modification de l’accueil du 24/11/2026 10:15 — Échap pour abandonner"
    )
    assert form.public.value() == "salarie" and form.commune.code() == "13004"
    form.themes.set_values(["vae", "financer-formation"])
    with qtbot.waitSignal(window.sig_saved, timeout=15_000):
        qtbot.keyClick(form.themes, Qt.Key.Key_Return)
    record = desk.intake.get(contact_id)
    assert (record.version, record.themes) == (2, ("financer-formation", "vae"))
    assert window.journal.model.rowCount() == 1
    assert window.notice_text.text() == "Accueil de 10:15 modifié."
    assert form.editing is None and not form.edit_banner.isVisible()


def test_escape_gives_up_a_correction_and_changes_nothing(
    qtbot: QtBot, window: MainWindow, desk: Desk
) -> None:
    contact_id = save_one(qtbot, window)
    window.edit(contact_id)
    window.form.public.set_values("retraite")
    qtbot.keyClick(window.form.public, Qt.Key.Key_Escape)
    assert window.form.editing is None and window.form.public.value() is None
    assert desk.intake.get(contact_id).version == 1


def test_a_visit_is_cancelled_after_confirmation(
    qtbot: QtBot, window: MainWindow, desk: Desk, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QMessageBox

    contact_id = save_one(qtbot, window)
    answers = [QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes]
    asked: list[str] = []

    def question(
        _parent: QWidget, title: str, text: str, *_args: object
    ) -> QMessageBox.StandardButton:
        asked.append(text)
        return answers.pop(0)

    monkeypatch.setattr(QMessageBox, "question", question)
    table = window.journal.table
    table.setFocus()
    table.selectRow(0)
    qtbot.keyClick(table, Qt.Key.Key_Delete)  # the agent says no
    assert desk.intake.get(contact_id).status == "active"
    qtbot.keyClick(table, Qt.Key.Key_Delete)  # then yes
    qtbot.waitUntil(lambda: desk.intake.get(contact_id).status == "cancelled", timeout=15_000)
    qtbot.waitUntil(lambda: window.journal.count.text() == "0 accueil", timeout=15_000)
    assert asked[0].startswith("Annuler l’accueil de 10:15 ?")
    model = window.journal.model
    assert model.rowCount() == 1  # kept, struck through
    assert model.index(0, 0).data(Qt.ItemDataRole.FontRole).strikeOut()
    table.selectRow(0)
    assert not window.journal.cancel_button.isEnabled()
    assert not window.journal.edit_button.isEnabled()
