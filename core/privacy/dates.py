"""Birth dates: any full date old enough to be one, or a recent one after « né le »."""

import re
from collections.abc import Iterator
from datetime import date

from core.privacy.base import Span

_MONTHS = {
    "janvier": 1, "janv": 1, "jan": 1, "fevrier": 2, "fevr": 2, "fev": 2, "mars": 3,
    "avril": 4, "avr": 4, "mai": 5, "juin": 6, "juillet": 7, "juil": 7, "aout": 8,
    "septembre": 9, "sept": 9, "sep": 9, "octobre": 10, "oct": 10, "novembre": 11,
    "nov": 11, "decembre": 12, "dec": 12,
}  # fmt: skip
_MONTH_RE = "|".join(sorted(_MONTHS, key=len, reverse=True))
# The lookarounds refuse a date that is a slice of a longer dotted number (06.12.34.56.78).
_EDGES = (r"(?<![0-9])(?<![0-9][./-])", r"(?![0-9])(?![./-][0-9])")
_DMY = re.compile(
    rf"{_EDGES[0]}([0-9]{{1,2}})([./-])([0-9]{{1,2}})\2([0-9]{{4}}|[0-9]{{2}}){_EDGES[1]}"
)
_YMD = re.compile(rf"{_EDGES[0]}([0-9]{{4}})([./-])([0-9]{{1,2}})\2([0-9]{{1,2}}){_EDGES[1]}")
# Only 4-digit years with a month name: "le 12 mars 15 jeunes" is not a date.
_TEXT_DATE = re.compile(
    rf"(?<![a-z0-9])(1er|premier|[0-9]{{1,2}})[ \t-]*({_MONTH_RE})(?![a-z])\.?[ \t,-]*"
    r"([0-9]{4})(?![0-9])",
    re.IGNORECASE,
)
# Read on the original text: once accents are folded away "né" would be the negation "ne".
_BIRTH_MARKER = re.compile(
    r"(?:\bn(?:é|e\u0301)(?:e|\(e\)|\.e)?s?|\bnee|\bne\(e\)|\bnaiss\w*|\bddn|\bborn|\bbirth\w*)"
    r"(?:\W+\w+){0,4}\W*$",
    re.IGNORECASE,
)
_BIRTH_MIN_AGE = 5  # years: older dates are taken as birth dates even without a marker


def find_dates(work: str, text: str, today: date) -> Iterator[Span]:
    for pattern in (_DMY, _YMD, _TEXT_DATE):
        for m in pattern.finditer(work):
            if pattern is _YMD:
                year_s, month_s, day_s = m.group(1), m.group(3), m.group(4)
            elif pattern is _DMY:
                day_s, month_s, year_s = m.group(1), m.group(3), m.group(4)
            else:
                day_s, year_s = m.group(1), m.group(3)
                month_s = str(_MONTHS[m.group(2).lower()])
            day = 1 if not day_s.isdigit() else int(day_s)  # 1er, premier
            year = int(year_s)
            if len(year_s) == 2:  # the latest year not after today
                year += 2000 if 2000 + year <= today.year else 1900
            try:
                date(year, int(month_s), day)
            except ValueError:  # 31/02/1990: not a date
                yield None, m.start(), m.end()
                continue
            old = year <= today.year - _BIRTH_MIN_AGE
            marked = _BIRTH_MARKER.search(text, max(0, m.start() - 60), m.start()) is not None
            yield ("birth_date" if old or marked else None), m.start(), m.end()
