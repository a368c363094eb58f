"""Dialogs that run their own loop (``exec``): opened, looked at, and closed."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QDeadlineTimer, QEventLoop, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QWidget


def in_modal(open_it: Callable[[], object], look: Callable[[QWidget], list[str]]) -> list[str]:
    """Open a modal dialog with ``open_it``, return what ``look`` finds in it, close it. A
    dialog opened once a read is done (the cancel question) is waited for."""
    seen: list[str] = []
    done: list[bool] = []

    def check() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(10, check)
            return
        seen.extend(look(dialog))
        assert isinstance(dialog, QDialog)
        dialog.reject()
        done.append(True)

    QTimer.singleShot(0, check)
    open_it()
    patience = QDeadlineTimer(15_000)
    while not done and not patience.hasExpired():
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
    assert done, "no dialog opened"
    return seen
