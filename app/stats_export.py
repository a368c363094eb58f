"""The desk's statistics to a file: its counts, labelled from its own database, written
by :mod:`core.stats.export`."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from core.files import write_atomically
from core.stats.export import to_csv, to_xlsx

if TYPE_CHECKING:
    from app.desk import Desk


def export_tables(
    desk: Desk,
    start: date,
    end: date,
    path: Path,
    fmt: str,
    by: list[str],
    min_cell: int | None,
    lang: str = "fr",
) -> Path:
    """The period's counts to a file, codes as words: CSV of one table (``by``), or XLSX
    of every table of the report, plus ``by`` when it is a pair the report does not
    hold."""
    from app import stats
    from app.stats_labels import DeskLabeller
    from core.stats.tables import REPORT_TABLES

    with desk.sessions() as session:
        labels = DeskLabeller(session, desk.lists, desk.geography, lang)
        if fmt == "csv":
            result = stats.compute(session, start, end, by, min_cell)
            return write_atomically(path, to_csv(result, lang, labels))
        tables = stats.report_tables(session, start, end, min_cell)
        if by and tuple(by) not in REPORT_TABLES:
            tables.append(stats.compute(session, start, end, by, min_cell))
        to_xlsx(tables, path, lang, labels)
    return path
