"""The « À venir » tab: the region's events (forums, information days, workshops) pulled
from the hub, by date, département and theme, soonest first; the one selected in full,
and a slip naming it to hand the visitor (Ctrl+P)."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.desk import Desk
from app.directory import display
from app.directory.events import EventLine, EventQuery
from core.events import when_words
from ui.operations import DeskOps
from ui.table_model import ColumnsModel, plain_tooltip, rows_view


class EventsModel(ColumnsModel[EventLine]):
    COLUMNS = ("when", "title", "place", "by")

    def __init__(self, parent: QWidget | None = None, lang: str = "fr") -> None:
        super().__init__(
            {
                "when": self.tr("Quand"),
                "title": self.tr("Événement"),
                "place": self.tr("Où"),
                "by": self.tr("Organisé par"),
            },
            parent,
        )
        self.lang = lang

    def cell(self, line: EventLine, column: str, role: int) -> object:
        if role == Qt.ItemDataRole.ToolTipRole:  # the hub's words, shown as they are
            shown = self.cell(line, column, Qt.ItemDataRole.DisplayRole)
            return plain_tooltip(str(shown))
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        event = line.event
        if column == "when":
            return when_words(event.starts_at, event.ends_at, self.lang)
        if column == "title":
            return event.title
        if column == "place":
            return event.commune
        return event.organisateur


class EventsPanel(QWidget):
    """The events to come; ``sig_print(event id)`` asks for a slip naming one."""

    sig_print = Signal(str)

    def __init__(self, desk: Desk, ops: DeskOps, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk, self.ops, self.lang = desk, ops, desk.language
        self._asked = 0
        self.lines: list[EventLine] = []
        self.period = QComboBox()
        self.period.setAccessibleName(self.tr("Période"))
        for label, days in (
            (self.tr("Les 7 prochains jours"), 7),
            (self.tr("Les 30 prochains jours"), 30),
            (self.tr("Les 3 prochains mois"), 92),
            (self.tr("Tout ce qui vient"), None),
        ):
            self.period.addItem(label, days)
        self.period.setCurrentIndex(1)
        self.place = QComboBox()
        self.place.setAccessibleName(self.tr("Département"))
        self.place.addItem(self.tr("Tous les départements"), None)
        self.theme = QComboBox()
        self.theme.setAccessibleName(self.tr("Thème"))
        self.theme.addItem(self.tr("Tous les thèmes"), None)
        for item in desk.lists.items("theme"):
            self.theme.addItem(item.label(self.lang), item.code)
        for combo in (self.period, self.place, self.theme):
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(12)
        self.model = EventsModel(self, self.lang)
        self.table = rows_view(self.model, self.tr("Événements à venir"))
        self.detail = QTextBrowser()
        self.detail.setOpenExternalLinks(True)
        self.detail.setAccessibleName(self.tr("Détail de l’événement"))
        self.empty = QLabel()
        self.empty.setWordWrap(True)
        self.print_button = QPushButton(self.tr("Imprimer une fic&he…  (Ctrl+P)"))
        self._lay_out()
        self.period.currentIndexChanged.connect(lambda _i: self.reload())
        self.theme.currentIndexChanged.connect(lambda _i: self.reload())
        self.place.currentIndexChanged.connect(lambda _i: self._show())
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show_detail())
        self.print_button.clicked.connect(self.print_current)
        QShortcut(QKeySequence("Ctrl+P"), self, self.print_current)

    def _lay_out(self) -> None:
        filters = QHBoxLayout()
        for combo in (self.period, self.place, self.theme):
            filters.addWidget(combo, 1)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.detail, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.print_button)
        buttons.addStretch(1)
        right_layout.addLayout(buttons)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.table)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.empty)
        layout.addWidget(splitter, 1)

    def focus_first(self) -> None:
        self.period.setFocus()
        self.reload()

    def reload(self) -> None:
        """The events of the period and theme, read off the window's thread."""
        query = EventQuery(
            now=self.desk.intake.now().replace(tzinfo=None),
            days=self.period.currentData(),
            theme=self.theme.currentData(),
        )
        desk = self.desk
        self._asked += 1
        asked = self._asked

        def found(lines: list[EventLine]) -> None:
            if asked == self._asked:
                self.lines = lines
                self._places(lines)
                self._show()

        self.ops.read(lambda: desk.upcoming_events(query)).success(found).run(self)

    def _places(self, lines: list[EventLine]) -> None:
        """The départements of the events found, the one chosen kept."""
        chosen = self.place.currentData()
        self.place.blockSignals(True)
        while self.place.count() > 1:
            self.place.removeItem(1)
        for code, name in sorted({(ln.departement, ln.departement_name) for ln in lines}):
            if code:
                self.place.addItem(f"{code} – {name}" if name else code, code)
        self.place.setCurrentIndex(max(0, self.place.findData(chosen)))
        self.place.blockSignals(False)

    def _show(self) -> None:
        code = self.place.currentData()
        shown = [ln for ln in self.lines if not code or ln.departement == code]
        self.model.set_rows(shown)
        self.table.resizeColumnsToContents()
        for column, widest in ((0, 260), (1, 260), (2, 140)):
            self.table.setColumnWidth(column, min(self.table.columnWidth(column), widest))
        self.empty.setText(
            self.tr("Aucun événement à venir sur ces critères.") if not shown else ""
        )
        self.empty.setVisible(not shown)
        if shown:
            self.table.selectRow(0)
        self._show_detail()

    def current(self) -> EventLine | None:
        index = self.table.currentIndex()
        return self.model.row_at(index.row()) if index.isValid() else None

    def _show_detail(self) -> None:
        line = self.current()
        self.print_button.setEnabled(line is not None)
        if line is None:
            self.detail.clear()
            return
        event = line.event
        rows = [
            (self.tr("Quand"), when_words(event.starts_at, event.ends_at, self.lang)),
            (self.tr("Où"), ", ".join(p for p in (event.adresse, event.commune) if p)),
            (self.tr("Organisé par"), event.organisateur),
            (
                self.tr("Pour qui"),
                ", ".join(display.label(display.PUBLICS, p, self.lang) for p in event.publics),
            ),
        ]
        parts = [f"<h2>{escape(event.title)}</h2><table cellspacing='4'>"]
        for title, value in rows:
            if value:
                parts.append(f"<tr><td><b>{escape(title)}</b></td><td>{escape(value)}</td></tr>")
        if event.lien.startswith(("https://", "http://")):
            link, label = escape(event.lien, quote=True), escape(self.tr("Lien"))
            anchor = f"<a href='{link}'>{escape(event.lien)}</a>"
            parts.append(f"<tr><td><b>{label}</b></td><td>{anchor}</td></tr>")
        parts.append("</table>")
        parts.append(f"<p>{escape(event.description)}</p>" if event.description else "")
        self.detail.setHtml("".join(parts))

    def print_current(self) -> None:
        line = self.current()
        if line is not None:
            self.sig_print.emit(line.event.id)
