"""The line under the intake form saying what was just done, with its undo button.

An undoable notice stays 10 seconds; while a modal dialog is open (the slip preview that
follows a save, a confirmation box) the countdown waits, and it starts again, whole, once
the window is back in the agent's hands.

Signals: ``sig_undo()`` when the agent asks to undo (the button or Ctrl+Z);
``sig_restarted()`` when the countdown of an undoable notice starts again after a dialog;
``sig_expired()`` when the notice goes.
"""

from __future__ import annotations

from PySide6.QtCore import QElapsedTimer, Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication, QHBoxLayout, QLabel, QPushButton, QWidget

# Often enough that the countdown restarts as the dialog closes, seldom enough to cost
# nothing.
_POLL_MS = 200


class SaveNotice(QWidget):
    """A message and, when what was done can be undone, an « Annuler (Ctrl+Z) » button."""

    sig_undo = Signal()
    sig_restarted = Signal()
    sig_expired = Signal()

    def __init__(self, seconds: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("saveNotice")
        self._seconds = seconds
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        self.text = QLabel()
        self.text.setAccessibleName(self.tr("Message"))
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.undo_button = QPushButton(self.tr("Annuler (Ctrl+Z)"))
        layout.addWidget(self.text, 1)
        layout.addWidget(self.undo_button)
        self.undo_button.clicked.connect(self.sig_undo.emit)
        self.hide()
        self._elapsed = QElapsedTimer()
        self._shown = False
        self._waiting = False  # a modal dialog holds the window: the countdown waits
        self._tick = QTimer(self)
        self._tick.setInterval(_POLL_MS)
        self._tick.timeout.connect(self._check)

    @property
    def undoable(self) -> bool:
        return self._shown and not self.undo_button.isHidden()

    def show_text(self, text: str, *, undo: bool) -> None:
        self.text.setText(text)
        self.undo_button.setVisible(undo)
        self.show()
        self._shown = True
        self._waiting = False
        self._elapsed.start()
        self._tick.start()
        self._check()

    def hold(self) -> None:
        """A dialog is opening: the countdown waits for it, however briefly it stays."""
        if self._shown:
            self._waiting = True

    def dismiss(self) -> None:
        self._tick.stop()
        self._shown = False
        self.hide()

    def _check(self) -> None:
        if QApplication.activeModalWidget() is not None:
            self._waiting = True
            return
        if self._waiting:
            self._waiting = False
            self._elapsed.start()
            if not self.undo_button.isHidden():
                self.sig_restarted.emit()
            return
        if self._elapsed.elapsed() >= self._seconds * 1000:
            self.dismiss()
            self.sig_expired.emit()
