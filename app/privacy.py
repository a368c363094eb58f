"""Spot personal data (email, phone, NIR, IBAN, birth date) in a free-text visit note."""

import re
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from typing import Literal

PersonalDataKind = Literal["email", "phone", "nir", "iban", "birth_date"]


@dataclass(frozen=True, slots=True)
class PersonalDataHit:
    kind: PersonalDataKind
    text: str  # the matched substring as it appears in the note
    start: int  # offset in the note


# A detector yields (kind, start, end). Kind None marks a span that has the shape of
# something harmless (an appointment date, an IBAN-shaped code with a bad checksum): it is
# not reported, but it is masked so that later detectors do not re-read its digits.
_Span = tuple[PersonalDataKind | None, int, int]
_Finder = Callable[[str, str, date], Iterator[_Span]]

# Separator between digit groups: one of . - / (spaces allowed around it) or blanks.
_SEP = r"(?:[ \t]*[./-][ \t]*|[ \t]+)"
_S = _SEP + "?"
_MASK = "#"  # neither a digit, a letter nor a separator: nothing can match across it

# --- email -------------------------------------------------------------------------------
_AT = r"(?:@|[ \t]*[(\[{][ \t]*(?:at|arobase|@)[ \t]*[)\]}][ \t]*|[ \t]+arobase[ \t]+)"
_DOT = r"(?:\.|[ \t]*[(\[{][ \t]*(?:dot|point)[ \t]*[)\]}][ \t]*)"
_EMAIL = re.compile(
    rf"(?<![a-z0-9._%+-])[a-z0-9._%+-]+{_AT}[a-z0-9-]+(?:{_DOT}[a-z0-9-]+)*{_DOT}[a-z]{{2,}}"
    r"(?![a-z0-9])",
    re.IGNORECASE,
)

# --- IBAN --------------------------------------------------------------------------------
_IBAN_LENGTHS = {
    country: int(size)
    for country, size in re.findall(
        r"([A-Z]{2})([0-9]{2})",
        "AD24 AE23 AL28 AT20 AZ28 BA20 BE16 BG22 BH22 BR29 BY28 CH21 CR22 CY28 CZ24 DE22 DK18 "
        "DO28 EE20 EG29 ES24 FI18 FO18 FR27 GB22 GE22 GI23 GL18 GR27 GT28 HR21 HU28 IE22 IL23 "
        "IQ23 IS26 IT27 JO30 KW30 KZ20 LB28 LC32 LI21 LT20 LU20 LV21 LY25 MC27 MD24 ME22 MK19 "
        "MR27 MT31 MU30 NL18 NO15 PK24 PL28 PS29 PT25 QA29 RO24 RS22 SA24 SC31 SE24 SI19 SK24 "
        "SM27 ST25 SV28 TL23 TN24 TR26 UA29 VA22 VG24 XK20 "
        # French overseas territories use the French layout.
        "GF27 GP27 MQ27 RE27 YT27 NC27 PF27 PM27 TF27 WF27 BL27 MF27",
    )
}
_FRENCH_IBAN = frozenset(
    ("FR", "MC", "GF", "GP", "MQ", "RE", "YT", "NC", "PF", "PM", "TF", "WF", "BL", "MF")
)
# Greedy on purpose: the country's length decides where the IBAN really ends.
_IBAN = re.compile(r"(?<![a-z0-9])[a-z]{2}[0-9]{2}(?:[ \t-]?[a-z0-9]){11,30}", re.IGNORECASE)

# --- NIR ---------------------------------------------------------------------------------
_NIR = re.compile(
    rf"(?<![0-9])([1-478]){_S}([0-9]{{2}}){_S}([0-9]{{2}}){_S}([0-9]{{2}}|2[ab]){_S}"
    rf"([0-9]{{3}}){_S}([0-9]{{3}})(?:{_S}([0-9]{{2}}))?(?![0-9])",
    re.IGNORECASE,
)
_NIR_MONTHS = frozenset((*range(1, 13), 20, *range(30, 43), *range(50, 100)))

# --- dates -------------------------------------------------------------------------------
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

# --- phone -------------------------------------------------------------------------------
_PHONE = re.compile(
    r"(?<![0-9+])(?:"
    # +33 / 0033 and the overseas codes, with an optional (0) or stray trunk 0
    rf"(?:\+|00)[ \t]*(?:33|262|269|590|594|596){_S}(?:\([ \t]*0[ \t]*\){_S}|0{_S})?[1-9]"
    rf"(?:{_S}[0-9]){{8}}"
    rf"|0[1-9](?:{_S}[0-9]){{8}}"  # national: 0 + 9 digits, any grouping
    rf"|\+[1-9][0-9]{{0,2}}(?:{_S}[0-9]){{8,12}}"  # any other international number
    r")(?![0-9])"
)


def _fold_char(ch: str) -> str:
    """One character for one: offsets in the folded text are offsets in the note."""
    if ch.isascii():
        return ch
    if ch.isspace() or unicodedata.category(ch) == "Cf":  # NBSP, thin space, zero-width
        return " "
    if unicodedata.category(ch) == "Pd":
        return "-"
    base = unicodedata.normalize("NFKD", ch)[:1]  # é -> e, fullwidth 6 -> 6, ＠ -> @
    return base if base.isascii() and base.strip() else ch


def _find_emails(work: str, _text: str, _today: date) -> Iterator[_Span]:
    for m in _EMAIL.finditer(work):
        yield "email", m.start(), m.end()


def _iban_checksum_ok(code: str) -> bool:
    moved = code[4:] + code[:4]
    return int("".join(str(int(ch, 36)) for ch in moved)) % 97 == 1


def _find_ibans(work: str, _text: str, _today: date) -> Iterator[_Span]:
    pos = 0
    while m := _IBAN.search(work, pos):
        pos = m.start() + 1
        chars = [(i, ch.upper()) for i, ch in enumerate(m.group(), m.start()) if ch.isalnum()]
        size = _IBAN_LENGTHS.get(chars[0][1] + chars[1][1], 0)
        if not size or len(chars) < size:
            continue  # unknown country or incomplete
        code = "".join(ch for _, ch in chars[:size])
        bban = code[4:]
        if 2 * sum(ch.isdigit() for ch in bban) < len(bban):
            continue  # real BBANs are mostly digits; this is words after "xx12"
        end = chars[size - 1][0] + 1
        # A French IBAN of the right layout is personal even with a typo in it.
        french = code[:2] in _FRENCH_IBAN and bban[:10].isdigit() and bban[-2:].isdigit()
        yield ("iban" if french or _iban_checksum_ok(code) else None), m.start(), end
        pos = end


def _find_nirs(work: str, _text: str, _today: date) -> Iterator[_Span]:
    for m in _NIR.finditer(work):
        sex, year, month, dept, commune, order, key = m.groups()
        corsica = dept.upper().replace("2A", "19").replace("2B", "18")
        body = int(sex + year + month + corsica + commune + order)
        key_ok = key is not None and int(key) == 97 - body % 97
        # A valid key vouches for months outside INSEE's usual ranges.
        if int(month) in _NIR_MONTHS or key_ok:
            yield "nir", m.start(), m.end()


def _find_dates(work: str, text: str, today: date) -> Iterator[_Span]:
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


def _find_phones(work: str, _text: str, _today: date) -> Iterator[_Span]:
    for m in _PHONE.finditer(work):
        yield "phone", m.start(), m.end()


# Order matters: each detector only sees what earlier ones left unmasked, so digits inside
# an email, an IBAN, a NIR or a date are never read again as a phone.
_FINDERS: tuple[_Finder, ...] = (_find_emails, _find_ibans, _find_nirs, _find_dates, _find_phones)


def find_personal_data(text: str, today: date | None = None) -> list[PersonalDataHit]:
    """Every place in `text` that looks like personal data, in order of position."""
    today = date.today() if today is None else today
    work = "".join(map(_fold_char, text))
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
            work = work[:start] + _MASK * (end - start) + work[end:]
    return sorted(hits, key=lambda hit: hit.start)
