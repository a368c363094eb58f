"""Spreadsheet cells that cannot act: text from a directory or a partner written so that
Excel or LibreOffice never reads it as a formula (CSV and formula injection, OWASP).

Names reach the exports from directories that anyone upstream may have written: a
structure called ``=HYPERLINK("http://…")`` must reach the coordinator's spreadsheet as
those very characters. Used by every CSV and XLSX writer of the desk and the hub.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

# What a spreadsheet takes for the start of a formula (or a DDE call), and the
# full-width forms some versions of Excel read the same way.
FORMULA_STARTS = frozenset("=+-@\t\r\n\uff1d\uff0b\uff0d\uff20")


def risky(text: str) -> bool:
    """Whether a spreadsheet could read ``text`` as a formula: it starts with one of
    :data:`FORMULA_STARTS`, spaces before it or not (some spreadsheets drop them)."""
    stripped = text.lstrip(" \u00a0\u202f\u3000")
    return bool(stripped) and (stripped[0] in FORMULA_STARTS or text[0] in FORMULA_STARTS)


def csv_cell(value: Any) -> Any:
    """A CSV cell: a risky text gets a leading apostrophe, which spreadsheets show as
    text (OWASP's advice); numbers and other values pass unchanged, negative ones too."""
    if isinstance(value, str) and risky(value):
        return "'" + value
    return value


def csv_row(values: Iterable[Any]) -> list[Any]:
    return [csv_cell(value) for value in values]


def append_row(sheet: Any, values: Iterable[Any]) -> None:
    """Append a row to an openpyxl sheet with every text stored as text: openpyxl makes
    any string that starts with ``=`` a formula, which Excel would run."""
    row = list(values)
    sheet.append(row)
    for cell, value in zip(sheet[sheet.max_row], row, strict=False):
        if isinstance(value, str) and cell.data_type != "s":
            cell.data_type = "s"
        if isinstance(value, str) and risky(value):
            # Kept as text if someone edits the cell in Excel, too.
            cell.quotePrefix = True
