"""Reading a CSV file the way every directory format here does (the delimiter guessed, cells
trimmed, required columns named when missing), and the slug that makes identifiers of names.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from pathlib import Path

from app.directory.importing import read_text
from core.errors import DeskError
from core.textfile import delimiter


def csv_rows(path: Path, required: set[str]) -> list[dict[str, str]]:
    text = read_text(path)
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter(text))
    try:
        header = {(h or "").strip() for h in reader.fieldnames or []}
        missing = sorted(required - header)
        if missing:
            raise DeskError("missing_columns", path=path.name, columns=", ".join(missing))
        return [
            {(k or "").strip(): (v or "").strip() for k, v in row.items() if k is not None}
            for row in reader
        ]
    except csv.Error as error:
        problem = DeskError("csv_cell", reason=str(error))
        raise DeskError("csv_line", line=reader.line_num, message=problem) from None


def slug(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.replace("’", "'"))
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")[:60]
