"""The statistics tab's exports: the cross-table as CSV, every table as XLSX, the activity
report as PDF. Each is written on the read pool, so that an export never queues ahead of a
visit's save, and hides the cells under the site's threshold (``stats.min_cell``): it is
meant to leave the site.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import SignalInstance
from PySide6.QtWidgets import QComboBox, QLabel, QMessageBox, QWidget

from app.desk import Desk
from core.errors import DeskError
from ui.file_dialogs import save_file
from ui.operations import DeskOps

# The mixin is the statistics panel's part: typed as a widget, built as a plain class.
if TYPE_CHECKING:
    _Panel = QWidget
else:
    _Panel = object


class StatsExports(_Panel):
    """The exports of ``StatsPanel`` (whose desk, period, dimensions and note it uses)."""

    desk: Desk
    ops: DeskOps
    lang: str
    rows_dim: QComboBox
    cols_dim: QComboBox
    export_note: QLabel
    sig_exported: SignalInstance

    def bounds(self) -> tuple[date, date]:
        raise NotImplementedError

    def _threshold(self) -> int:
        return int(self.desk.settings.get("stats.min_cell"))

    def _suggested(self, suffix: str) -> str:
        start, end = self.bounds()
        stem = self.tr("statistiques") if suffix != "pdf" else self.tr("rapport-activite")
        return f"{stem}-{start.isoformat()}-{end.isoformat()}.{suffix}"

    def _ask_path(self, suffix: str, kind: str) -> Path | None:
        return save_file(self, self.desk, self.tr("Exporter"), self._suggested(suffix), kind)

    def export_csv(self, path: Path | None = None) -> None:
        """The cross-table as French Excel opens it, codes as words."""
        path = path or self._ask_path("csv", self.tr("Tableur CSV (*.csv)"))
        if path is None:
            return
        self._export_tables(path, "csv")

    def export_xlsx(self, path: Path | None = None) -> None:
        """Every table of the report and the cross-table, a sheet each."""
        path = path or self._ask_path("xlsx", self.tr("Classeur Excel (*.xlsx)"))
        if path is None:
            return
        self._export_tables(path, "xlsx")

    def export_pdf(self, path: Path | None = None) -> None:
        """The activity report of the period."""
        path = path or self._ask_path("pdf", self.tr("Document PDF (*.pdf)"))
        if path is None:
            return
        start, end = self.bounds()
        # The worker gets the desk and plain values, not this panel.
        desk, lang, min_cell = self.desk, self.lang, self._threshold()

        def write() -> None:
            from app.stats.report import write_report

            write_report(desk, start, end, path, lang=lang, min_cell=min_cell)

        self._export(path, write)

    def _export_tables(self, path: Path, fmt: str) -> None:
        start, end = self.bounds()
        by = list(dict.fromkeys([self.rows_dim.currentData(), self.cols_dim.currentData()]))
        desk, lang, min_cell = self.desk, self.lang, self._threshold()

        def write() -> None:
            from app.stats.exports import export_tables

            export_tables(desk, start, end, path, fmt, by, min_cell, lang)

        self._export(path, write)

    def _export(self, path: Path, work: Callable[[], object]) -> None:
        def done(_result: object) -> None:
            self.export_note.setText(
                self.tr(
                    "Fichier enregistré : %1. Les effectifs inférieurs à %2 y sont masqués,"
                    " et d’autres avec eux là où une soustraction les retrouverait."
                )
                .replace("%1", str(path))
                .replace("%2", str(self._threshold()))
            )
            self.sig_exported.emit(str(path))

        def failed(error: BaseException) -> None:
            text = error.text(self.lang) if isinstance(error, DeskError) else str(error)
            if isinstance(error, DeskError) and error.key == "file_error":
                text = self.tr("Le fichier n’a pas pu être écrit (%1).").replace(
                    "%1", str(error.params.get("reason", ""))
                )
            self.export_note.setText(text)
            QMessageBox.warning(self, self.tr("Export impossible"), text)

        self.ops.long_read(work).success(done).failure(failed).run(self)
