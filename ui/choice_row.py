"""A row of large toggle buttons for one list (single or multiple choice).

The row is one stop in the tab order. Inside it, the arrow keys move, Space toggles, and
each button has a visible key (1–9, then A, B, C…) that picks it directly: a whole visit
can be logged without the mouse. In a multiple-choice row a second press of a key unticks
its button, and a line under the row says so (a tick gone unnoticed is a wrong record).

Signals: ``sig_changed()`` when the selection changes; ``sig_picked()`` when a
single-choice row was answered by its key, so that the form can move on to the next row.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import QGridLayout, QLabel, QPushButton, QSizePolicy, QWidget

KEYS = "123456789ABCDEFGHJKLMNPQRSTUVWXYZ"


class ChoiceRow(QWidget):
    """Toggle buttons for the codes of one list."""

    sig_changed = Signal()
    sig_picked = Signal()

    def __init__(
        self,
        title: str,
        choices: list[tuple[str, str]],
        *,
        multiple: bool = False,
        columns: int = 6,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.multiple = multiple
        self.title = title
        self._codes = [code for code, _label in choices]
        self._buttons: list[QPushButton] = []
        self._current = 0
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName(title)
        self.setObjectName("choiceRow")
        layout = QGridLayout(self)
        layout.setContentsMargins(3, 1, 3, 1)
        layout.setHorizontalSpacing(4)
        layout.setVerticalSpacing(3)
        for index, (code, label) in enumerate(choices):
            key = KEYS[index] if index < len(KEYS) else ""
            button = QPushButton(f"{key}  {label}" if key else label, self)
            button.setCheckable(True)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setProperty("code", code)
            button.setAccessibleName(label)
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            button.setMinimumHeight(28)
            button.clicked.connect(lambda _checked=False, i=index: self._pick(i))
            layout.addWidget(button, index // columns, index % columns)
            self._buttons.append(button)
        self.status = QLabel(self)
        self.status.setObjectName("rowStatus")
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setAccessibleName(self.tr("Dernier changement"))
        self.status.hide()
        rows = (len(choices) + columns - 1) // max(columns, 1)
        layout.addWidget(self.status, rows, 0, 1, columns)

    # --- selection ----------------------------------------------------------------

    def value(self) -> str | None:
        """The chosen code of a single-choice row."""
        chosen = self.values()
        return chosen[0] if chosen else None

    def values(self) -> list[str]:
        return [str(b.property("code")) for b in self._buttons if b.isChecked()]

    def set_values(self, codes: list[str] | str | None) -> None:
        wanted = {codes} if isinstance(codes, str) else set(codes or [])
        for button in self._buttons:
            button.setChecked(str(button.property("code")) in wanted)
        self.status.hide()
        self.sig_changed.emit()

    def clear(self) -> None:
        self.set_values(None)
        self._move(0)

    def _pick(self, index: int) -> None:
        button = self._buttons[index]
        if not self.multiple:
            for other in self._buttons:
                other.setChecked(other is button)
        self._move(index)
        self.sig_changed.emit()

    # --- keyboard -----------------------------------------------------------------

    def _move(self, index: int) -> None:
        if not self._buttons:
            return
        self._current = max(0, min(index, len(self._buttons) - 1))
        for i, button in enumerate(self._buttons):
            button.setProperty("current", i == self._current and self.hasFocus())
            button.style().unpolish(button)
            button.style().polish(button)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        text = event.text().upper()
        columns = self._columns()
        moves = {
            Qt.Key.Key_Left: -1,
            Qt.Key.Key_Right: 1,
            Qt.Key.Key_Up: -columns,
            Qt.Key.Key_Down: columns,
        }
        if key in moves:
            self._move(self._current + moves[Qt.Key(key)])
            if not self.multiple:
                self._pick(self._current)
            event.accept()
        elif key == Qt.Key.Key_Space:
            if self.multiple:
                self._toggle(self._current)
            self._pick(self._current)
            event.accept()
        elif (
            text
            and text in KEYS[: len(self._buttons)]
            and not event.modifiers()
            & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)
        ):
            index = KEYS.index(text)
            if self.multiple:
                self._toggle(index)
            self._pick(index)
            event.accept()
            if not self.multiple:
                self.sig_picked.emit()
        else:
            super().keyPressEvent(event)

    def _toggle(self, index: int) -> None:
        button = self._buttons[index]
        button.toggle()
        if button.isChecked():
            self.status.hide()
        else:
            label = button.accessibleName()
            self.status.setText(self.tr("Décoché : %1").replace("%1", label))
            self.status.show()

    def _columns(self) -> int:
        layout = self.layout()
        return layout.columnCount() if isinstance(layout, QGridLayout) else 1

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self._move(self._current)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self._move(self._current)


def row_label(text: str, buddy: QWidget) -> QLabel:
    label = QLabel(text)
    label.setBuddy(buddy)
    label.setObjectName("rowLabel")
    return label
