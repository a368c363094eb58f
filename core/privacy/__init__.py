"""Spot personal data in a free-text note: contact details, identifiers, birth dates,
names and addresses, as agents really type them at a counter.

Each detector lives in the module of its family; this one runs them in order on a folded
copy of the note (same offsets) and reports what they found."""

import re
import unicodedata
from dataclasses import dataclass
from datetime import date

from core.privacy.base import MASK, Finder, PersonalDataKind, fold
from core.privacy.contact import find_emails, find_phones, find_spoken_phones
from core.privacy.dates import find_dates
from core.privacy.identifiers import (
    find_cards_and_sirets,
    find_ibans,
    find_marked_numbers,
    find_nirs,
    find_tax_numbers,
)
from core.privacy.people import find_addresses, find_names

__all__ = ["PersonalDataHit", "PersonalDataKind", "find_personal_data"]


@dataclass(frozen=True, slots=True)
class PersonalDataHit:
    kind: PersonalDataKind
    text: str  # the matched substring as it appears in the note
    start: int  # offset in the note


# Order matters: each detector only sees what earlier ones left unmasked, so digits inside
# an email, an IBAN, a NIR or a date are never read again as a phone, and a street named
# after someone is an address, not a name.
_FINDERS: tuple[Finder, ...] = (
    find_emails,
    find_ibans,
    find_tax_numbers,
    find_nirs,
    find_cards_and_sirets,
    find_dates,
    find_marked_numbers,
    find_phones,
    find_spoken_phones,
    find_addresses,
    find_names,
)


# Invisible controls that change the order in which a text is shown (embeddings, overrides,
# isolates, right-to-left marks): « 87 65 43 21 60 » behind one reads « 06 12 34 56 78 »,
# so the guard cannot check what a reader will see.
_REORDERING = re.compile("[\u061c\u200f\u202a-\u202e\u2066-\u2069]+")


# Bidirectional classes that can turn a run of text round on screen.
_RIGHT_TO_LEFT = frozenset({"R", "AL", "RLE", "RLO", "RLI", "LRE", "LRO", "LRI", "FSI"})


def find_personal_data(text: str, today: date | None = None) -> list[PersonalDataHit]:
    """Every place in `text` that looks like personal data, in order of position."""
    today = date.today() if today is None else today
    hits = [
        PersonalDataHit("reordered", " ".join(f"U+{ord(c):04X}" for c in m.group()), m.start())
        for m in _REORDERING.finditer(text)
    ]
    # The detectors read the text without its combining marks: an accent typed apart from
    # its letter (as a Mac pastes « é »), or a mark set on a digit, shows whole to a reader
    # and must not split a name or a number. Offsets are mapped back to the text.
    kept = [i for i, c in enumerate(text) if unicodedata.category(c) not in ("Mn", "Me")]
    seen = "".join(text[i] for i in kept)
    for kind, start, end in _scan(seen, today):
        first, last = kept[start], kept[end - 1] + 1
        while last < len(text) and unicodedata.category(text[last]) in ("Mn", "Me"):
            last += 1  # the marks on the span's last character belong to it
        hits.append(PersonalDataHit(kind, text[first:last], first))
    # A right-to-left word before digit groups shows them in the other order (« א 78 56
    # 34 12 06 » reads « 06 12 34 56 78 »): what is on screen is read too.
    shown = _on_screen(seen)
    if shown is not None and not hits:
        where = next(
            i for i, c in enumerate(text) if unicodedata.bidirectional(c) in _RIGHT_TO_LEFT
        )
        hits.extend(PersonalDataHit(kind, shown[a:b], where) for kind, a, b in _scan(shown, today))
    return sorted(hits, key=lambda hit: hit.start)


def _on_screen(text: str) -> str | None:
    """``text`` in the order a screen shows it (the Unicode bidirectional algorithm, line by
    line, as a left-to-right page lays it out), or None when that is the typed order."""
    if not any(unicodedata.bidirectional(c) in _RIGHT_TO_LEFT for c in text):
        return None
    from bidi import get_display  # only for text that holds right-to-left characters

    shown = "\n".join(get_display(line, base_dir="L") for line in text.split("\n"))
    return shown if shown != text else None


def _scan(text: str, today: date) -> list[tuple[PersonalDataKind, int, int]]:
    """What the detectors find in ``text``, each span read by the first that claims it."""
    work = fold(text)
    found: list[tuple[PersonalDataKind, int, int]] = []
    taken: list[tuple[int, int]] = []
    for finder in _FINDERS:
        for kind, start, end in list(finder(work, text, today)):
            if any(start < t_end and t_start < end for t_start, t_end in taken):
                continue
            taken.append((start, end))
            if kind is not None:
                found.append((kind, start, end))
        for start, end in taken:
            work = work[:start] + MASK * (end - start) + work[end:]
    return found
