"""The desk's statistics to a file: its counts, labelled from its own database, written
by the format's writer of :mod:`core.exports`."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from core.files import write_atomically

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
    """The period's counts to a file in the format ``fmt`` of the registry, codes as words:
    one table (``by``, as CSV), or every table of the report, plus ``by`` when it is a
    pair the report does not hold (as XLSX). The window and the command line both write
    through here, so that their files hold the same."""
    from app.stats import queries as stats
    from app.stats.labels import DeskLabeller
    from core.exports import FORMATS, write
    from core.stats.tables import REPORT_TABLES

    kind = FORMATS[fmt]
    with desk.sessions() as session:
        labels = DeskLabeller(session, desk.lists, desk.geography, lang)
        if kind.content == "table":
            tables = [stats.compute(session, start, end, by, min_cell)]
        else:
            tables = stats.report_tables(session, start, end, min_cell)
            if by and tuple(by) not in REPORT_TABLES:
                tables.append(stats.compute(session, start, end, by, min_cell))
        content = write(fmt, tables, lang, labels)
    return write_atomically(path, content)
