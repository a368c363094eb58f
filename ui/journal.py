"""The journal: the visits of one day, newest first; a visit can be corrected or cancelled.

Signals (``JournalPanel``): ``sig_day_changed(QDate)``; ``sig_edit(str)``,
``sig_cancel(str)`` and ``sig_slips(str)`` with the id of the visit to correct, to cancel,
or whose slips to print.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import (
    QDate,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
    SignalInstance,
)
from PySide6.QtGui import QColor, QFont, QKeyEvent, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.intake.contact import ContactRecord
from app.nomenclature import Nomenclatures
from core.lang import day_text
from ui.places import Places
from ui.table_model import ColumnsModel

_Index = QModelIndex | QPersistentModelIndex
ID_ROLE = Qt.ItemDataRole.UserRole + 1


JOURNAL_ROWS_MEASURED = 100


class JournalModel(ColumnsModel[ContactRecord]):
    """Contacts of a day as table rows (a checked Qt item model)."""

    # What the issue of the day needs first: when, who, asking what, told what, sent where.
    COLUMNS = ("time", "public", "themes", "answers", "referrals", "commune", "age")

    def __init__(
        self,
        lists: Nomenclatures,
        places: Places,
        lang: str = "fr",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            {
                "time": self.tr("Heure"),
                "public": self.tr("Public"),
                "age": self.tr("Âge"),
                "themes": self.tr("Thèmes"),
                "answers": self.tr("Réponses"),
                "commune": self.tr("Commune"),
                "referrals": self.tr("Orientations"),
            },
            parent,
        )
        self.lists = lists
        self._geo = places
        self._lang = lang
        self._communes: dict[str, str] = {}

    @property
    def lang(self) -> str:
        return self._lang

    def set_contacts(self, contacts: list[ContactRecord]) -> None:
        self.set_rows(sorted(contacts, key=lambda c: c.moment_local, reverse=True))

    def contact(self, row: int) -> ContactRecord:
        return self.row_at(row)

    def cell(self, contact: ContactRecord, column: str, role: int) -> object:
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(contact, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            text = self._text(contact, column)
            return self.tr("Accueil annulé — %1").replace("%1", text) if contact.cancelled else text
        if role == Qt.ItemDataRole.FontRole and contact.cancelled:
            font = QFont()
            font.setStrikeOut(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and contact.cancelled:
            return QColor(QPalette().color(QPalette.ColorRole.PlaceholderText))
        if role == ID_ROLE:
            return contact.id
        return None

    def _text(self, contact: ContactRecord, column: str) -> str:
        lang = self._lang
        if column == "time":
            return contact.moment_local.strftime("%H:%M") if contact.time_known else "—"
        if column == "public":
            return self.lists.label("public", contact.public, lang)
        if column == "age":
            return self.lists.label("age", contact.age, lang)
        if column == "themes":
            return ", ".join(self.lists.labels("theme", contact.themes, lang))
        if column == "answers":
            return ", ".join(self.lists.labels("answer", contact.answers, lang))
        if column == "commune":
            return self._commune_name(contact.commune)
        return ", ".join(r.title(lang) for r in contact.referrals)

    def _commune_name(self, code: str) -> str:
        if code not in self._communes:
            self._communes[code] = self._geo.label(code, self._lang)
        return self._communes[code]


class JournalPanel(QWidget):
    """The journal of a day, with the day picker and the day's count."""

    sig_day_changed = Signal(QDate)
    sig_edit = Signal(str)
    sig_cancel = Signal(str)
    sig_slips = Signal(str)

    def __init__(
        self, model: JournalModel, today: Callable[[], date], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.model = model
        self._today = today
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self._day_bar(layout)
        self._table(layout)
        self._actions(layout)
        self.edit_button.clicked.connect(lambda: self._emit_for_current(self.sig_edit))
        self.cancel_button.clicked.connect(lambda: self._emit_for_current(self.sig_cancel))
        self.slips_button.clicked.connect(lambda: self._emit_for_current(self.sig_slips))
        self.table.doubleClicked.connect(lambda _index: self._emit_for_current(self.sig_edit))
        self.table.installEventFilter(self)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_actions())
        self._update_actions()
        self.previous.clicked.connect(lambda: self.day.setDate(self.day.date().addDays(-1)))
        self.following.clicked.connect(lambda: self.day.setDate(self.day.date().addDays(1)))
        self.today.clicked.connect(lambda: self.show_today())
        self.day.dateChanged.connect(self.sig_day_changed.emit)

    def _day_bar(self, layout: QVBoxLayout) -> None:
        """The title and the day's count, then the day shown and the buttons to change it."""
        bar = QHBoxLayout()
        self.title = QLabel(self.tr("Journal du jour"))
        self.title.setObjectName("panelTitle")
        self.count = QLabel()
        self.count.setObjectName("dayCount")
        self.previous = QPushButton("◀")
        self.previous.setToolTip(self.tr("Jour précédent"))
        self.previous.setAccessibleName(self.tr("Jour précédent"))
        self.day = QDateEdit()
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("d MMM yyyy" if self.model.lang == "en" else "dd/MM/yyyy")
        self.day.setAccessibleName(self.tr("Jour affiché"))
        self.following = QPushButton("▶")
        self.following.setToolTip(self.tr("Jour suivant"))
        self.following.setAccessibleName(self.tr("Jour suivant"))
        self.today = QPushButton(self.tr("Aujourd’hui"))
        heading = QHBoxLayout()
        heading.addWidget(self.title)
        heading.addStretch(1)
        heading.addWidget(self.count)
        for widget in (self.previous, self.day, self.following, self.today):
            bar.addWidget(widget)
        bar.addStretch(1)
        layout.addLayout(heading)
        layout.addLayout(bar)

    def _table(self, layout: QVBoxLayout) -> None:
        """The day's visits, a row each."""
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Accueils du jour"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        # Columns fitted to the rows an agent sees first, not to a busy day's every row (a
        # forum stand's two thousand would hold the window's first paint for half a second).
        header.setResizeContentsPrecision(JOURNAL_ROWS_MEASURED)
        layout.addWidget(self.table, 1)

    def _actions(self, layout: QVBoxLayout) -> None:
        """What can be done with the visit chosen: correct it, cancel it, print its slips."""
        actions = QHBoxLayout()
        self.edit_button = QPushButton(self.tr("Modifier  (Entrée)"))
        self.edit_button.setAccessibleName(self.tr("Modifier l’accueil choisi"))
        self.cancel_button = QPushButton(self.tr("Annu&ler l’accueil  (Suppr)"))
        self.cancel_button.setAccessibleName(self.tr("Annuler l’accueil choisi"))
        self.slips_button = QPushButton(self.tr("Fic&hes…  (F6)"))
        self.slips_button.setAccessibleName(self.tr("Imprimer les fiches de l’accueil choisi"))
        actions.addWidget(self.edit_button)
        actions.addWidget(self.cancel_button)
        actions.addWidget(self.slips_button)
        actions.addStretch(1)
        layout.addLayout(actions)

    def current(self) -> ContactRecord | None:
        index = self.table.currentIndex()
        if not index.isValid() or not self.table.selectionModel().isRowSelected(index.row()):
            return None
        return self.model.contact(index.row())

    def _emit_for_current(self, signal: SignalInstance) -> None:
        contact = self.current()
        if contact is not None and not contact.cancelled:
            signal.emit(contact.id)

    def _update_actions(self) -> None:
        contact = self.current()
        usable = contact is not None and not contact.cancelled
        self.edit_button.setEnabled(usable)
        self.cancel_button.setEnabled(usable)
        self.slips_button.setEnabled(usable and bool(contact and contact.referrals))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.table and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self._emit_for_current(self.sig_edit)
                return True
            if event.key() == Qt.Key.Key_Delete:
                self._emit_for_current(self.sig_cancel)
                return True
        return super().eventFilter(watched, event)

    def select_newest(self) -> None:
        """The newest visit (the top row) selected, the table holding the focus."""
        self.table.setFocus(Qt.FocusReason.ShortcutFocusReason)
        if self.model.rowCount():
            self.table.selectRow(0)
            self.table.scrollToTop()

    def show_today(self, *, quiet: bool = False) -> None:
        """Show the desk's today; ``quiet`` leaves the refresh to the caller."""
        today = self._today()
        if quiet:
            self.day.blockSignals(True)
        self.day.setDate(QDate(today.year, today.month, today.day))
        self.day.blockSignals(False)

    def shown_day(self) -> date:
        day = self.day.date().toPython()
        assert isinstance(day, date)
        return day

    def show_contacts(self, day: date, contacts: list[ContactRecord], active: int) -> None:
        self.model.set_contacts(contacts)
        today = day == self._today()
        self.title.setText(
            self.tr("Journal du jour")
            if today
            else self.tr("Journal du %1").replace("%1", day_text(day, self.model.lang))
        )
        self.count.setText(self.tr("%n accueil(s)", "", active))
        self._update_actions()
        self.table.resizeColumnsToContents()
        for column in range(self.model.columnCount()):
            # Long lists of themes are cut here and read in full in the tooltip.
            self.table.setColumnWidth(column, min(self.table.columnWidth(column), 180))
