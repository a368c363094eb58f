"""The journal: the visits of one day, newest first.

Signals (``JournalPanel``): ``sig_day_changed(QDate)``.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import (
    QAbstractTableModel,
    QDate,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QPalette
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

from app.geography import Geography
from app.intake import ContactRecord
from app.nomenclature import COMMUNE_SPECIAL, Nomenclatures

_Index = QModelIndex | QPersistentModelIndex
ID_ROLE = Qt.ItemDataRole.UserRole + 1


class JournalModel(QAbstractTableModel):
    """Contacts of a day as table rows (a checked Qt item model)."""

    COLUMNS = ("time", "public", "age", "themes", "answers", "commune", "referrals")

    def __init__(
        self,
        lists: Nomenclatures,
        geography: Geography,
        lang: str = "fr",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._lists = lists
        self._geo = geography
        self._lang = lang
        self._rows: list[ContactRecord] = []
        self._communes: dict[str, str] = {c: fr for c, fr, _en in COMMUNE_SPECIAL}
        self._headers = {
            "time": self.tr("Heure"),
            "public": self.tr("Public"),
            "age": self.tr("Âge"),
            "themes": self.tr("Thèmes"),
            "answers": self.tr("Réponses"),
            "commune": self.tr("Commune"),
            "referrals": self.tr("Orientations"),
        }

    def set_contacts(self, contacts: list[ContactRecord]) -> None:
        self.beginResetModel()
        self._rows = sorted(contacts, key=lambda c: c.moment_local, reverse=True)
        self.endResetModel()

    def contact(self, row: int) -> ContactRecord:
        return self._rows[row]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(self.COLUMNS)
        ):
            return self._headers[self.COLUMNS[section]]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        if not 0 <= index.column() < len(self.COLUMNS):
            return None
        contact = self._rows[index.row()]
        column = self.COLUMNS[index.column()]
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
            return self._lists.label("public", contact.public, lang)
        if column == "age":
            return self._lists.label("age", contact.age, lang)
        if column == "themes":
            return ", ".join(self._lists.labels("theme", contact.themes, lang))
        if column == "answers":
            return ", ".join(self._lists.labels("answer", contact.answers, lang))
        if column == "commune":
            return self._commune_name(contact.commune)
        return ", ".join(r.structure_name or r.service_name for r in contact.referrals)

    def _commune_name(self, code: str) -> str:
        if code not in self._communes:
            commune = self._geo.get(code)
            self._communes[code] = commune.name if commune else code
        return self._communes[code]


class JournalPanel(QWidget):
    """The journal of a day, with the day picker and the day's count."""

    sig_day_changed = Signal(QDate)

    def __init__(self, model: JournalModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
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
        self.day.setDisplayFormat("dd/MM/yyyy")
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
        self.table = QTableView()
        self.table.setModel(model)
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
        layout.addWidget(self.table, 1)
        self.previous.clicked.connect(lambda: self.day.setDate(self.day.date().addDays(-1)))
        self.following.clicked.connect(lambda: self.day.setDate(self.day.date().addDays(1)))
        self.today.clicked.connect(lambda: self.day.setDate(QDate.currentDate()))
        self.day.dateChanged.connect(self.sig_day_changed.emit)

    def shown_day(self) -> date:
        return self.day.date().toPython()  # type: ignore[no-any-return]

    def show_contacts(self, day: date, contacts: list[ContactRecord], active: int) -> None:
        self.model.set_contacts(contacts)
        today = day == date.today()
        self.title.setText(
            self.tr("Journal du jour")
            if today
            else self.tr("Journal du %1").replace("%1", day.strftime("%d/%m/%Y"))
        )
        self.count.setText(self.tr("%n accueil(s)", "", active))
        self.table.resizeColumnsToContents()
        for column in range(self.model.columnCount()):
            # Long lists of themes are cut here and read in full in the tooltip.
            self.table.setColumnWidth(column, min(self.table.columnWidth(column), 220))
