"""The commune picker: completes by name or postcode as one types.

Return (or Tab) in the list takes the commune the agent highlighted with the arrows, or
the first one when the agent did not move in the list (Qt's own highlight of a name
that starts with the typed text is no choice: « charleval » highlights the first of two
Charleval); with the field empty, the site's own commune is proposed first.

Signals: ``sig_chosen(str)`` with the INSEE code (or ``hors-region`` / ``non-precise``)
when a commune is picked from the list.
"""

from __future__ import annotations

from concurrent.futures import Future

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
from PySide6.QtWidgets import QApplication, QCompleter, QLineEdit, QWidget

from core.errors import DeskError
from core.lists import COMMUNE_SPECIAL
from core.places import CommuneInfo, search_key
from ui.places import Places

CODE_ROLE = Qt.ItemDataRole.UserRole + 1
_MOVES = (
    Qt.Key.Key_Up,
    Qt.Key.Key_Down,
    Qt.Key.Key_PageUp,
    Qt.Key.Key_PageDown,
    Qt.Key.Key_Home,
    Qt.Key.Key_End,
)
_TAKE = (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Tab)
_Index = QModelIndex | QPersistentModelIndex


class CommuneListModel(QAbstractListModel):
    """The communes matching the text typed so far, with the special answers.

    The communes are searched on the read pool: the list is shown when they come back
    (``sig_found``); ``settle`` waits for the search asked last, for a key that acts on it.

    Signals: ``sig_found()`` once the communes of the text typed last are in the list.
    """

    sig_found = Signal()

    def __init__(self, places: Places, lang: str = "fr", parent: QWidget | None = None):
        super().__init__(parent)
        self._places = places
        self._pending: Future[list[CommuneInfo]] | None = None
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
        """Search the communes matching ``text``; the list follows once they are read."""
        rows: list[tuple[str, str]] = []
        key = search_key(text)
        for code, label_fr, label_en in COMMUNE_SPECIAL:
            label = label_en if self._lang == "en" else label_fr
            if key and search_key(label).startswith(key):
                rows.append((code, label))
        pending: Future[list[CommuneInfo]] | None = None

        def found(communes: list[CommuneInfo]) -> None:
            if pending is not self._pending:
                return  # the agent has typed on meanwhile
            self._pending = None
            self._set_rows(rows + [(c.insee, self.shown(c, text)) for c in communes])
            self.sig_found.emit()

        pending = self._pending = self._places.search(text, self.near, found)

    def settle(self) -> None:
        """The communes of the text typed last, in the list now."""
        self._places.settle(self._pending)

    def propose(self, home: str | None) -> None:
        """What to offer on an empty field: the site's own commune, then the special answers."""
        self._pending = None
        rows: list[tuple[str, str]] = []
        commune = self._places.get(home) if home else None
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

    def __init__(self, places: Places, lang: str = "fr", parent: QWidget | None = None):
        super().__init__(parent)
        self._places = places
        self._lang = lang
        self._code: str | None = None
        self._shown = ""
        self._moved = False  # the agent moved in the list since the text last changed
        self._forwarding = False  # a key on its way to the list (``event``)
        self.model = CommuneListModel(places, lang, self)
        self.model.sig_found.connect(self._found)
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
            self.model.update_for(text)  # the list follows once the communes are read
            return
        # Emptied: the site's own commune again, as on arriving in the field.
        self.model.propose(self.model.home)
        self._found()

    def _found(self) -> None:
        if self.model.rowCount() and self.hasFocus():
            self.completer().complete()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        popup = self.completer().popup()
        if watched is popup and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() in _MOVES:
                self._moved = True
            if event.key() in _TAKE and self._take(popup.currentIndex()):
                return True
        return super().eventFilter(watched, event)

    def event(self, event: QEvent) -> bool:
        # Typed faster than the communes were read: Return, Tab or an arrow acts on the
        # list as it is once read (Tab before it moves the focus on).
        # The completer hands a key the list did not take back to this field: it is not
        # sent to the list a second time (it would come back, and back again).
        if event.type() == QEvent.Type.KeyPress and not self._forwarding:
            assert isinstance(event, QKeyEvent)
            if event.key() in _TAKE or event.key() in _MOVES:
                self.model.settle()
                popup = self.completer().popup()
                if popup is not None and popup.isVisible():
                    self._forwarding = True
                    try:
                        QApplication.sendEvent(popup, event)
                    finally:
                        self._forwarding = False
                    return True
        return super().event(event)

    def _take(self, index: QModelIndex) -> bool:
        """Return or Tab in the list: the commune highlighted, or the first. Whether taken
        (or held: several communes fit and the agent must pick one)."""
        self.model.settle()
        if not self.model.rowCount():
            return False
        if not index.isValid() or not self._moved:
            if self.model.ambiguous(self.text()):
                return True  # several communes fit: the agent picks one in the list
            index = self.model.index(0, 0)
        popup = self.completer().popup()
        assert popup is not None
        popup.hide()
        self._activated(index)
        return True

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
            commune = self._places.get(code)
            self._shown = commune.display if commune else self._places.label(code, self._lang)
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
        return self._places.resolve_typed(self.text())
