"""The export formats of the statistics, registered once: the command line
(``aiguillage stats --format``), the window's export buttons and the hub console's downloads
read this table, so that a format is added in one place and written the same everywhere.

A format holds one table (the cross-table asked for), every table of the activity report
(labelled, a sheet each), or the activity report itself (a PDF, written by the report's own
writer from the desk's or the region's figures).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Literal

from core.stats.export import to_csv, xlsx_bytes

# tables (``StatsResult``), language, ``labels(dimension, code)`` or None → the file
Writer = Callable[[list[Any], str, Any], bytes]
Content = Literal["table", "tables", "report"]


@dataclass(frozen=True, slots=True)
class ExportFormat:
    """One format: its name on the command line, its file's extension and MIME type, what
    it holds, and the writer of its tables (None for the report, written by its own)."""

    name: str
    extension: str
    mime: str
    content: Content
    write: Writer | None

    def file_name(self, stem: str) -> str:
        return f"{stem}.{self.extension}"


def _csv(tables: list[Any], lang: str, labels: Any) -> bytes:
    return to_csv(tables[0], lang, labels)


def _xlsx(tables: list[Any], lang: str, labels: Any) -> bytes:
    return xlsx_bytes(tables, lang, labels)


XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
FORMATS: dict[str, ExportFormat] = {
    f.name: f
    for f in (
        ExportFormat("csv", "csv", "text/csv; charset=utf-8", "table", _csv),
        ExportFormat("xlsx", "xlsx", XLSX_MIME, "tables", _xlsx),
        ExportFormat("pdf", "pdf", "application/pdf", "report", None),
    )
}


def write(name: str, tables: list[Any], lang: str, labels: Any) -> bytes:
    """``tables`` as a file of the format ``name`` (not the report: it has its own writer)."""
    writer = FORMATS[name].write
    if writer is None:
        raise ValueError(f"{name}: the report is written by its own writer")
    return writer(tables if FORMATS[name].content == "tables" else tables[:1], lang, labels)
