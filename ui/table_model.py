"""A read-only table model of rows and named columns, for the journal and the directory."""

from __future__ import annotations

from typing import Any, Generic, TypeVar

from PySide6 import QtGui
from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

Row = TypeVar("Row")
Index = QModelIndex | QPersistentModelIndex


def plain_tooltip(text: str) -> str:
    """A tooltip that shows ``text`` as it is: Qt renders one that looks like HTML as rich
    text, and names come from the directory, which anyone upstream may have written."""
    rich = QtGui.Qt.mightBeRichText(text)
    return QtGui.Qt.convertFromPlainText(text) if rich else text


class ColumnsModel(QAbstractTableModel, Generic[Row]):
    """Rows shown in the columns ``COLUMNS``; subclasses say what a cell holds."""

    COLUMNS: tuple[str, ...] = ()

    def __init__(self, headers: dict[str, str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._headers = headers
        self._rows: list[Row] = []

    def set_rows(self, rows: list[Row]) -> None:
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def row_at(self, row: int) -> Row:
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
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

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        if not 0 <= index.column() < len(self.COLUMNS):
            return None
        value = self.cell(self._rows[index.row()], self.COLUMNS[index.column()], role)
        if role == Qt.ItemDataRole.ToolTipRole and isinstance(value, str):
            return plain_tooltip(value)
        return value

    def cell(self, row: Row, column: str, role: int) -> Any:
        raise NotImplementedError


def rows_view(model: QAbstractTableModel, name: str) -> QTableView:
    """A read-only table of ``model``'s rows, one chosen at a time (the directory's
    services, the events to come): no row numbers, no wrapping, columns the agent sizes."""
    table = QTableView()
    table.setModel(model)
    table.setAccessibleName(name)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().setVisible(False)
    table.setWordWrap(False)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    table.horizontalHeader().setStretchLastSection(True)
    return table
