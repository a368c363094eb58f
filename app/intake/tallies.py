"""Importing tallies kept on paper at an event: a CSV file, all rows or none.

Header ``date,channel,public,age,gender,commune,themes,answers`` (``;`` works too, as
French Excel writes it); themes and answers are separated by ``|``. The date is
``AAAA-MM-JJ`` (time unknown), ``AAAA-MM-JJTHH:MM`` or ``JJ/MM/AAAA [HH:MM]``. UTF-8 (with or
without BOM) or Windows-1252.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from app.intake.contact import ContactDraft
from app.intake.service import IntakeService
from core.errors import DeskError, ValidationFailed
from core.textfile import delimiter, read_text

# Rows written at a time, in the one transaction of an import.
BATCH = 2000
HEADER = ("date", "channel", "public", "age", "gender", "commune", "themes", "answers")
MAX_BYTES = 20 * 1024 * 1024
_FORMATS = (
    ("%Y-%m-%d", False),
    ("%Y-%m-%dT%H:%M", True),
    ("%Y-%m-%d %H:%M", True),
    ("%Y-%m-%dT%H:%M:%S", True),
    ("%d/%m/%Y", False),
    ("%d/%m/%Y %H:%M", True),
)


@dataclass
class ImportRefused(Exception):
    """The file was refused as a whole; ``errors`` names each line in error."""

    errors: list[DeskError]

    @property
    def line_count(self) -> int:
        """How many lines of the file are in error (a file-level error counts as one)."""
        return len({e.params.get("line") for e in self.errors}) or 1

    def lines(self, lang: str = "fr") -> list[str]:
        return [error.text(lang) for error in self.errors]


# The forms a spreadsheet writes (2026-11-20, 2026-11-20T14:30, 2026-11-20 14:30), read
# without strptime; any other, and any date these cannot build, go through _FORMATS.
_ISO = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})(?:[T ]([0-9]{2}):([0-9]{2}))?")


def _parse_moment(value: str) -> tuple[datetime, bool]:
    value = value.strip()
    iso = _ISO.fullmatch(value)
    if iso:
        year, month, day, hour, minute = iso.groups()
        try:
            if hour is None:
                return datetime(int(year), int(month), int(day), 12), False
            return datetime(int(year), int(month), int(day), int(hour), int(minute)), True
        except ValueError:
            pass  # read by strptime, which refuses it with the same words
    for fmt, with_time in _FORMATS:
        try:
            moment = datetime.strptime(value, fmt)
        except ValueError:
            continue
        # A tally with a date only is put at noon and marked: it counts in its day only.
        return (moment if with_time else moment.replace(hour=12)), with_time
    raise DeskError("csv_bad_date", value=value)


def _split(cell: str) -> list[str]:
    return [part.strip() for part in cell.split("|") if part.strip()]


def _trim(row: list[str]) -> list[str]:
    """Without the empty cells Excel leaves at the end of a line (``a;b;c;``)."""
    while row and not row[-1].strip():
        row = row[:-1]
    return row


def read_rows(path: Path) -> Iterator[tuple[int, list[str]]]:
    """The data rows of the file with their line numbers, one at a time; errors are
    :class:`DeskError` (the header's as soon as it is read)."""
    text = read_text(path, MAX_BYTES)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter(text))
    del text  # the reader keeps its own copy
    try:
        header = next(reader, None)
        if header is None:
            raise DeskError("csv_empty")
        found = tuple(cell.strip().lower() for cell in _trim(header))
        if found != HEADER:
            raise DeskError("csv_header", expected=",".join(HEADER), found=",".join(found))
        empty = True
        for row in reader:
            if any(cell.strip() for cell in row):
                empty = False
                yield reader.line_num, _trim(row)
    except csv.Error as error:
        problem = DeskError("csv_cell", reason=str(error))
        raise DeskError("csv_line", line=reader.line_num, message=problem) from None
    if empty:
        raise DeskError("csv_empty")


def _draft(line: int, row: list[str], intake: IntakeService, now: datetime) -> ContactDraft:
    """The row's visit, checked against the desk's time ``now`` (read once for the whole
    file) and with its aware local moment; :class:`ValidationFailed` names each problem,
    with its line."""
    if len(row) != len(HEADER):
        problem = DeskError("csv_columns", found=len(row), expected=len(HEADER))
        raise ValidationFailed([DeskError("csv_line", line=line, message=problem)])
    cells = dict(zip(HEADER, row, strict=True))
    try:
        moment, time_known = _parse_moment(cells["date"])
        return intake.checked(
            ContactDraft(
                channel=cells["channel"],
                public=cells["public"],
                age=cells["age"],
                gender=cells["gender"],
                commune=cells["commune"],
                themes=_split(cells["themes"]),
                answers=_split(cells["answers"]),
                moment=moment,
                time_known=time_known,
            ),
            now,
        )
    except ValidationFailed as failed:
        raise ValidationFailed(
            [DeskError("csv_line", line=line, message=p) for p in failed.problems]
        ) from None
    except DeskError as error:
        raise ValidationFailed([DeskError("csv_line", line=line, message=error)]) from None


def import_contacts(path: Path, intake: IntakeService) -> int:
    """Store every row of the file as a contact, or none of them (:class:`ImportRefused`).

    Every row is read and checked first, every line in error named; only then are the
    visits written, a batch at a time in one short transaction, so that a window open on
    the same desk is never kept waiting for the file to be read. A checked visit is a
    small record, so 100,000 tallies stay well within the memory of a counter PC."""
    errors: list[DeskError] = []
    drafts: list[ContactDraft] = []
    now = intake.now()
    try:
        for line, row in read_rows(path):
            try:
                draft = _draft(line, row, intake, now)
            except ValidationFailed as failed:
                errors.extend(failed.problems)
                continue
            if not errors:
                drafts.append(draft)
    except DeskError as error:
        raise ImportRefused([*errors, error]) from error
    if errors:
        raise ImportRefused(errors)
    with intake.adding() as add:
        for start in range(0, len(drafts), BATCH):
            add(drafts[start : start + BATCH])
    return len(drafts)
