"""Directory data is shown as written: a name carrying HTML is never rendered as HTML
(big red text with a premium-rate number) in the referral dialog (F4), the intake
form, the directory's list, tooltips or detail pane."""

from __future__ import annotations

from pathlib import Path

from PySide6 import QtGui
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from app.desk import Desk
from app.intake.contact import ContactDraft
from tests.core.test_cells import HTML_NAME, hostile_directory
from tests.ui.test_directory_panel import search_for
from ui.main_window import MainWindow
from ui.referral_dialog import ReferralDialog


def seen(text: str, text_format: Qt.TextFormat) -> str:
    """What Qt shows for ``text`` in that format (rich text loses its tags)."""
    document = QtGui.QTextDocument()
    rich = text_format == Qt.TextFormat.RichText or (
        text_format == Qt.TextFormat.AutoText and QtGui.Qt.mightBeRichText(text)
    )
    if rich:
        document.setHtml(text)
    else:
        document.setPlainText(text)
    return document.toPlainText()


def shown(label: QLabel) -> str:
    return seen(label.text(), label.textFormat())


def test_the_referral_dialog_shows_a_name_with_html_as_plain_text(
    qtbot: QtBot, window: MainWindow, desk: Desk, tmp_path: Path
) -> None:
    hostile_directory(desk, tmp_path)
    draft = ContactDraft(
        "sur-place", "jeune-non-scolarise", "16-25", "femme", "13047",
        ["trouver-formation"], ["information"],
    )  # fmt: skip
    dialog = ReferralDialog(desk, draft, {}, window)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.search, "Appelez le 08 99")
    row = next(
        n for n in range(dialog.model.rowCount())
        if dialog.model.suggestion(n).structure_name == HTML_NAME
    )  # fmt: skip
    dialog.list.setCurrentIndex(dialog.model.index(row, 0))
    assert "<h1" in dialog.detail.text()
    assert shown(dialog.detail).startswith(HTML_NAME)
    # Ticked, it is named in the intake form as written, too.
    dialog.model.setData(
        dialog.model.index(row, 0), Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole
    )
    window.form.set_referrals(dialog.chosen())
    assert HTML_NAME in shown(window.form.referral_list)


def test_the_directory_list_tooltip_and_detail_show_html_as_text(
    qtbot: QtBot, window: MainWindow, desk: Desk, tmp_path: Path
) -> None:
    hostile_directory(desk, tmp_path)
    search_for(qtbot, window, "Appelez le 08 99")
    panel = window.directory
    model = panel.model
    column = model.COLUMNS.index("structure")
    rows = [n for n in range(model.rowCount()) if model.hit(n).structure_name == HTML_NAME]
    assert rows
    index = model.index(rows[0], column)
    assert index.data() == HTML_NAME  # the list's own delegate draws plain text
    tooltip = index.data(Qt.ItemDataRole.ToolTipRole)
    assert seen(tooltip, Qt.TextFormat.AutoText) == HTML_NAME
    panel.table.setCurrentIndex(index)
    qtbot.waitUntil(lambda: HTML_NAME in panel.detail.toPlainText(), timeout=15_000)
