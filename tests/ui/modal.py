"""Dialogs that run their own loop (``exec``): opened, looked at, and closed."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog, QWidget


def in_modal(open_it: Callable[[], object], look: Callable[[QWidget], list[str]]) -> list[str]:
    """Open a modal dialog with ``open_it``, return what ``look`` finds in it, close it."""
    seen: list[str] = []

    def check() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(10, check)
            return
        seen.extend(look(dialog))
        assert isinstance(dialog, QDialog)
        dialog.reject()

    QTimer.singleShot(0, check)
    open_it()
    return seen
