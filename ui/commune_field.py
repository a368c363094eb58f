"""The commune picker: completes by name or postcode as one types.

Return (or Tab) in the list takes the commune the agent highlighted with the arrows, or
the first one when the agent did not move in the list (Qt's own highlight of a name
that starts with the typed text is no choice: « charleval » highlights the first of two
Charleval); with the field empty, the site's own commune is proposed first.

Signals: ``sig_chosen(str)`` with the INSEE code (or ``hors-region`` / ``non-precise``)
when a commune is picked from the list.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractListModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import QCompleter, QLineEdit, QWidget

from app.geography import Geography
from core.errors import DeskError
from core.lists import COMMUNE_SPECIAL
from core.places import CommuneInfo, search_key

CODE_ROLE = Qt.ItemDataRole.UserRole + 1
_MOVES = (
    Qt.Key.Key_Up,
    Qt.Key.Key_Down,
    Qt.Key.Key_PageUp,
    Qt.Key.Key_PageDown,
    Qt.Key.Key_Home,
    Qt.Key.Key_End,
)
_Index = QModelIndex | QPersistentModelIndex


class CommuneListModel(QAbstractListModel):
    """The communes matching the text typed so far, with the special answers."""

    def __init__(self, geography: Geography, lang: str = "fr", parent: QWidget | None = None):
        super().__init__(parent)
        self._geo = geography
        self._lang = lang
        self._rows: list[tuple[str, str]] = []  # (code, shown text)
        self.near: str | None = None
        self.home: str | None = None

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        code, shown = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return shown
        if role == CODE_ROLE:
            return code
        return None

    def update_for(self, text: str) -> None:
        rows: list[tuple[str, str]] = []
        key = search_key(text)
        for code, label_fr, label_en in COMMUNE_SPECIAL:
            label = label_en if self._lang == "en" else label_fr
            if key and search_key(label).startswith(key):
                rows.append((code, label))
        for commune in self._geo.search(text, limit=12, near=self.near):
            rows.append((commune.insee, self.shown(commune, text)))
        self._set_rows(rows)

    def propose(self, home: str | None) -> None:
        """What to offer on an empty field: the site's own commune, then the special answers."""
        rows: list[tuple[str, str]] = []
        commune = self._geo.get(home) if home else None
        if commune is not None:
            rows.append((commune.insee, commune.display))
        rows += [(c, en if self._lang == "en" else fr) for c, fr, en in COMMUNE_SPECIAL]
        self._set_rows(rows)

    def ambiguous(self, typed: str) -> bool:
        """Whether taking the first proposal would be a guess: a postcode shared by several
        communes, or a first commune whose name others bear too (homonyms)."""
        typed = typed.strip()
        if len(self._rows) < 2 or not typed:
            return False
        if typed.isdigit():
            return len(typed) == 5 and sum(f"({typed})" in shown for _c, shown in self._rows) > 1
        names = [shown.rsplit(" (", 1)[0] for _code, shown in self._rows]
        return names.count(names[0]) > 1

    def _set_rows(self, rows: list[tuple[str, str]]) -> None:
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    @staticmethod
    def shown(commune: CommuneInfo, typed: str = "") -> str:
        typed = typed.strip()
        if typed.isdigit():
            for postcode in commune.postcodes:
                if postcode.startswith(typed):
                    return f"{commune.name} ({postcode})"
        return commune.display


class CommuneField(QLineEdit):
    """A line edit whose completions are communes; :meth:`code` is the chosen one."""

    sig_chosen = Signal(str)

    def __init__(self, geography: Geography, lang: str = "fr", parent: QWidget | None = None):
        super().__init__(parent)
        self._geo = geography
        self._lang = lang
        self._code: str | None = None
        self._shown = ""
        self._moved = False  # the agent moved in the list since the text last changed
        self.model = CommuneListModel(geography, lang, self)
        completer = QCompleter(self.model, self)
        completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setMaxVisibleItems(12)
        completer.activated[QModelIndex].connect(self._activated)  # type: ignore[index]
        self.setCompleter(completer)
        popup = completer.popup()
        assert popup is not None
        popup.installEventFilter(self)
        self.textEdited.connect(self._edited)

    def _edited(self, text: str) -> None:
        self._code = None
        self._moved = False
        if text.strip():
            self.model.update_for(text)
        else:  # emptied: the site's own commune again, as on arriving in the field
            self.model.propose(self.model.home)
        if self.model.rowCount():
            self.completer().complete()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        popup = self.completer().popup()
        if watched is popup and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            keys = (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Tab)
            if event.key() in _MOVES:
                self._moved = True
            if event.key() in keys and self.model.rowCount():
                index = popup.currentIndex()
                if not index.isValid() or not self._moved:
                    if self.model.ambiguous(self.text()):
                        return True  # several communes fit: the agent picks one in the list
                    index = self.model.index(0, 0)
                popup.hide()
                self._activated(index)
                return True
        return super().eventFilter(watched, event)

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        if not self.text() and event.reason() != Qt.FocusReason.PopupFocusReason:
            self._moved = False
            self.model.propose(self.model.home)
            self.completer().complete()

    def _activated(self, index: QModelIndex) -> None:
        code = index.data(CODE_ROLE)
        if code:
            self.set_code(str(code), str(index.data()))

    def set_code(self, code: str | None, shown: str | None = None) -> None:
        """Choose a commune by its code (the text shows its name)."""
        self._code = code
        if code is None:
            self._shown = ""
        elif shown is None:
            commune = self._geo.get(code)
            self._shown = commune.display if commune else self._geo.label(code, self._lang)
        else:
            self._shown = shown
        self.setText(self._shown)
        if code:
            self.sig_chosen.emit(code)

    def code(self) -> str | None:
        """The chosen commune, or the one the typed text names without doubt; else None."""
        try:
            return self.resolve()
        except DeskError:
            return None

    def resolve(self) -> str | None:
        """The chosen commune; None when the field is empty; :class:`DeskError` when what
        was typed names no commune, or several (the agent then picks from the list)."""
        if self._code and self.text() == self._shown:
            return self._code
        if not self.text().strip():
            return None
        return self._geo.resolve_typed(self.text())
