"""What every detector of the note guard shares: the kinds, the spans, the folded text."""

import re
import unicodedata
from collections.abc import Callable, Iterator
from datetime import date
from typing import Literal

PersonalDataKind = Literal[
    "email",
    "phone",
    "nir",
    "iban",
    "birth_date",
    "name",
    "address",
    "card",
    "siret",
    "tax_number",
    "plate",
    "id_document",
    "caf",
    "france_travail",
    "ine",
    "reordered",
]

# A detector yields (kind, start, end). Kind None marks a span that has the shape of
# something harmless (an appointment date, an IBAN-shaped code with a bad checksum): it is
# not reported, but it is masked so that later detectors do not re-read its digits.
Span = tuple[PersonalDataKind | None, int, int]
Finder = Callable[[str, str, date], Iterator[Span]]

# Separator between digit groups: one of . - / (spaces allowed around it) or blanks.
SEP = r"(?:[ \t]*[./-][ \t]*|[ \t]+)"
S = SEP + "?"
MASK = "#"  # neither a digit, a letter nor a separator: nothing can match across it
_DOTS = frozenset("·•‧∙⋅")


def fold_char(ch: str) -> str:
    """One character for one: offsets in the folded text are offsets in the note."""
    if ch.isascii():
        return ch
    if ch.isspace() or unicodedata.category(ch) == "Cf":  # NBSP, thin space, zero-width
        return " "
    if unicodedata.category(ch) == "Pd":
        return "-"
    if ch in _DOTS:
        return "."
    if unicodedata.category(ch) == "Nd":  # Arabic-Indic, Devanagari… digits
        return str(unicodedata.digit(ch))
    base = unicodedata.normalize("NFKD", ch)[:1]  # é -> e, fullwidth 6 -> 6, ＠ -> @
    return base if base.isascii() and base.strip() else ch


def fold(text: str) -> str:
    """The note with accents, odd spaces, dashes and digits made ASCII, same length."""
    return "".join(map(fold_char, text))


def digits_of(text: str) -> str:
    return re.sub(r"[^0-9]", "", text)
