"""The statistics tab's cross-table as a Qt model: lines of one dimension, columns of
another, each line's and column's total last."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QWidget

from app.stats.dashboard import CrossTable
from core.report.text import number

_Index = QModelIndex | QPersistentModelIndex


class CrossModel(QAbstractTableModel):
    """Lines of one dimension, columns of another, and each line's and column's total."""

    def __init__(self, total_word: str, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.total_word = total_word
        self.lang = lang
        self.table = CrossTable("", "")

    def set_table(self, table: CrossTable) -> None:
        self.beginResetModel()
        self.table = table
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or not self.table.rows else len(self.table.rows) + 1

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or not self.table.cols else len(self.table.cols) + 1

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        line = self.table.cols if orientation == Qt.Orientation.Horizontal else self.table.rows
        return line[section][1] if section < len(line) else self.total_word

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        row, column = index.row(), index.column()
        table = self.table
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return None
        last_row, last_column = row == len(table.rows), column == len(table.cols)
        if last_row and last_column:
            value = table.total
        elif last_row:
            value = table.col_totals.get(table.cols[column][0], 0)
        elif last_column:
            value = table.row_totals.get(table.rows[row][0], 0)
        else:
            value = table.cells.get((table.rows[row][0], table.cols[column][0]), 0)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{self.headerData(row, Qt.Orientation.Vertical)}, " + (
                f"{self.headerData(column, Qt.Orientation.Horizontal)}, {value}"
            )
        return number(value, self.lang) if value else ""
