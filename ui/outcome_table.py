"""The statistics tab's « Suites des orientations »: the period's referrals of this desk by
partner, and what the partners said of them once the desk pulled it from the hub (venu·e,
accompagné·e…), the share of people who came beside each partner."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem

from core.formatting import number, percent
from core.i18n import gettext
from core.outcomes import CAME, COLUMNS, STATUSES


class OutcomeTable(QTableWidget):
    """Read-only: a line per partner, its referrals, each status's count, who came."""

    def __init__(self, lang: str) -> None:
        super().__init__()
        self.lang = lang
        self.setAccessibleName(self.tr("Suites des orientations"))
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.verticalHeader().setVisible(False)
        headers = [self.tr("Partenaire"), self.tr("Orientations"), self.tr("Venues")]
        headers += [gettext(COLUMNS[code], lang) for code in STATUSES]
        self.setColumnCount(len(headers))
        self.setHorizontalHeaderLabels(headers)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.setMinimumHeight(self.fontMetrics().height() * 8)

    def set_rows(self, rows: list[tuple[str, dict[str, int]]]) -> None:
        self.setRowCount(len(rows))
        for line, (partner, counts) in enumerate(rows):
            issued = sum(counts.values())
            came = sum(counts.get(code, 0) for code in CAME)
            cells = [partner, number(issued, self.lang), percent(came, issued, self.lang)]
            cells += [number(counts.get(code, 0), self.lang) for code in STATUSES]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.setItem(line, column, item)
