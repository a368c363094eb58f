"""Every control can be named by a screen reader and reached with the keyboard."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QAbstractSpinBox, QComboBox, QLabel, QWidget
from pytestqt.qtbot import QtBot

from app.desk import Desk
from ui.main_window import MainWindow
from ui.settings_dialog import SettingsDialog


def unnamed_controls(root: QWidget) -> list[str]:
    buddies = {id(label.buddy()) for label in root.findChildren(QLabel) if label.buddy()}
    missing = []
    for widget in [root, *root.findChildren(QWidget)]:
        if widget.focusPolicy() == Qt.FocusPolicy.NoFocus or not widget.isVisibleTo(root):
            continue
        if widget.accessibleName() or id(widget) in buddies:
            continue
        if isinstance(widget, QAbstractButton) and widget.text().strip():
            continue
        # The line edit inside a spin box, date edit or combo box speaks with its parent's name.
        if isinstance(widget.parent(), QAbstractSpinBox | QComboBox):
            continue
        missing.append(f"{type(widget).__name__} {widget.objectName()!r}")
    return missing


def test_every_control_of_the_main_window_has_a_name(window: MainWindow) -> None:
    central = window.centralWidget()
    assert central is not None
    assert unnamed_controls(central) == []


def test_every_control_of_the_settings_dialog_has_a_name(qtbot: QtBot, desk: Desk) -> None:
    dialog = SettingsDialog(desk)
    qtbot.addWidget(dialog)
    dialog.show()
    assert unnamed_controls(dialog) == []


def test_the_tab_order_follows_the_form(window: MainWindow) -> None:
    form = window.form
    expected = [
        form.channel,
        form.public,
        form.age,
        form.gender,
        form.commune,
        form.themes,
        form.answers,
        form.duration,
        form.first_visit,
        form.note,
        form.agent_code,
        form.orient_button,
        form.save_button,
    ]
    seen: list[QWidget] = [form.channel]
    widget: QWidget = form.channel

    def after(widget: QWidget) -> QWidget:
        following = widget.nextInFocusChain()
        assert following is not None
        return following

    for _ in range(len(expected) - 1):
        widget = after(widget)
        while widget.focusPolicy() == Qt.FocusPolicy.NoFocus or not widget.isVisible():
            widget = after(widget)
        seen.append(widget)
    assert seen == expected
