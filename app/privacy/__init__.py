"""Spot personal data in a free-text note: contact details, identifiers, birth dates,
names and addresses, as agents really type them at a counter.

Each detector lives in the module of its family; this one runs them in order on a folded
copy of the note (same offsets) and reports what they found."""

from dataclasses import dataclass
from datetime import date

from app.privacy.base import MASK, Finder, PersonalDataKind, fold
from app.privacy.contact import find_emails, find_phones, find_spoken_phones
from app.privacy.dates import find_dates
from app.privacy.identifiers import (
    find_cards_and_sirets,
    find_ibans,
    find_marked_numbers,
    find_nirs,
    find_tax_numbers,
)
from app.privacy.people import find_addresses, find_names

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


def find_personal_data(text: str, today: date | None = None) -> list[PersonalDataHit]:
    """Every place in `text` that looks like personal data, in order of position."""
    today = date.today() if today is None else today
    work = fold(text)
    hits: list[PersonalDataHit] = []
    taken: list[tuple[int, int]] = []
    for finder in _FINDERS:
        for kind, start, end in list(finder(work, text, today)):
            if any(start < t_end and t_start < end for t_start, t_end in taken):
                continue
            taken.append((start, end))
            if kind is not None:
                hits.append(PersonalDataHit(kind, text[start:end], start))
        for start, end in taken:
            work = work[:start] + MASK * (end - start) + work[end:]
    return sorted(hits, key=lambda hit: hit.start)
