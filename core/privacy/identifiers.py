"""Numbers that name one person: bank accounts and cards, social security, tax, company,
identity documents, files at the CAF, France Travail or the education system, plates.

Check digits are computed by python-stdnum; what is ours is the shape of each number as
agents type it (groups, separators) and the words that announce a number."""

import re
from collections.abc import Iterator
from datetime import date

from core.privacy.base import PersonalDataKind, S, Span, digits_of

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


def find_ibans(work: str, _text: str, _today: date) -> Iterator[Span]:
    from stdnum.iso7064 import mod_97_10

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
        valid = mod_97_10.is_valid(code[4:] + code[:4])
        yield ("iban" if french or valid else None), m.start(), end
        pos = end


# --- NIR ---------------------------------------------------------------------------------
_NIR = re.compile(
    rf"(?<![0-9])([1-478]){S}([0-9]{{2}}){S}([0-9]{{2}}){S}([0-9]{{2}}|2[ab]){S}"
    rf"([0-9]{{3}}){S}([0-9]{{3}})(?:{S}([0-9]{{2}}))?(?![0-9])",
    re.IGNORECASE,
)
_NIR_MONTHS = frozenset((*range(1, 13), 20, *range(30, 43), *range(50, 100)))


def find_nirs(work: str, _text: str, _today: date) -> Iterator[Span]:
    from stdnum.fr import nir

    for m in _NIR.finditer(work):
        *body, key = m.groups()
        key_ok = key is not None and key == nir.calc_check_digits("".join(body).upper())
        # A valid key vouches for months outside INSEE's usual ranges.
        if int(body[2]) in _NIR_MONTHS or key_ok:
            yield "nir", m.start(), m.end()


# --- numbers announced by a word -----------------------------------------------------------
# The words between the announcing word and the number: "n°", "numéro", ":", "de la"…
_GAP = (
    r"(?:[\s:.=#()'’-]|n°"
    r"|\b(?:n|no|nr|num|numero|est|de|du|d|sa|son|ses|le|la|l|caf|msa|ft|pe|ine)\b)*?"
)
_MARKERS: tuple[tuple[PersonalDataKind, str, str], ...] = (
    # (kind, announcing words, the number that may follow)
    (
        "tax_number",
        r"(?:numero|n°|no)?\s*fiscal|spi|(?:numero|n°)\s+d['’]\s*impots?",
        r"[0-9](?:[ ]?[0-9]){12}",
    ),
    ("siret", r"siren|siret", r"[0-9]{3}[ .]?[0-9]{3}[ .]?[0-9]{3}(?:[ .]?[0-9]{5})?"),
    (
        "id_document",
        r"passeport|cni|carte\s+(?:nationale\s+)?d['’]\s*identite|permis(?:\s+de\s+conduire)?"
        r"|titre\s+de\s+sejour|piece\s+d['’]\s*identite|id\s+card",
        r"[a-z0-9]*[0-9][a-z0-9]*(?:[ ]?[a-z0-9]+)?",
    ),
    ("caf", r"caf|msa|allocataire|alloc", r"[0-9]{5,8}[a-z]?"),
    # A card number after its name is refused even with a typo in its check digit.
    ("card", r"cb|carte(?:\s+bancaire)?|visa|mastercard|amex", r"[0-9]{4}(?:[ -]?[0-9]{2,6}){2,4}"),
    (
        "france_travail",
        r"france\s+travail|pole\s+emploi|ft|pe|demandeur\s+d['’]\s*emploi|identifiant|id",
        r"[0-9]{7}[a-z0-9]",
    ),
    ("ine", r"ine", r"[0-9]{9}[a-z0-9]{2}"),
    (
        "plate",
        r"plaque|immatricul\w*|voiture|vehicule|scooter|moto",
        r"[0-9]{1,4}[ -]?[a-z]{1,3}[ -]?(?:[0-9]{2}|2[ab]|97[1-6])"  # 1234 AB 13
        r"|[a-z]{2}[ -]?[0-9]{3}[ -]?[a-z]{2}",  # AB-123-CD
    ),
)
_MARKED = [
    (kind, re.compile(rf"\b(?:{words})\b{_GAP}(?<![a-z0-9])({number})(?![a-z0-9])", re.I))
    for kind, words, number in _MARKERS
]
# Shapes that are specific enough to stand alone (upper case, as forms print them).
_BARE: tuple[tuple[PersonalDataKind, re.Pattern[str]], ...] = (
    ("id_document", re.compile(r"(?<![A-Za-z0-9])[0-9]{2}[A-Z]{2}[0-9]{5}(?![A-Za-z0-9])")),
    ("ine", re.compile(r"(?<![A-Za-z0-9])[0-9]{9}(?:[0-9][A-Z]|[A-Z]{2})(?![A-Za-z0-9])")),
    ("france_travail", re.compile(r"(?<![A-Za-z0-9])[0-9]{7}[A-Z](?![A-Za-z0-9])")),
    (
        "plate",  # SIV: AA-123-AA, never I, O or U
        re.compile(
            r"(?<![A-Za-z0-9])[A-HJ-NP-TV-Z]{2}[ -]?[0-9]{3}[ -]?[A-HJ-NP-TV-Z]{2}"
            r"(?![A-Za-z0-9])"
        ),
    ),
)  # fmt: skip


def find_marked_numbers(work: str, _text: str, _today: date) -> Iterator[Span]:
    from stdnum.fr import siren, siret

    for kind, pattern in _MARKED:
        for m in pattern.finditer(work):
            number = digits_of(m.group(1))
            if kind == "siret" and not (siren.is_valid(number) or siret.is_valid(number)):
                continue  # a made-up or mistyped company number names nobody
            if kind == "card" and not 13 <= len(number) <= 19:
                continue
            yield kind, m.start(1), m.end(1)
    for kind, pattern in _BARE:
        for m in pattern.finditer(work):
            yield kind, m.start(), m.end()


# --- numbers recognised by their check digits alone ---------------------------------------
_DIGIT_RUN = re.compile(r"(?<![0-9A-Za-z])[0-9](?:[ \t.-]?[0-9]){8,18}(?![0-9])")


def _checked(work: str, kinds: frozenset[str]) -> Iterator[Span]:
    from stdnum import luhn
    from stdnum.fr import nif, siret

    for m in _DIGIT_RUN.finditer(work):
        number = digits_of(m.group())
        kind: PersonalDataKind | None = None
        if len(number) == 13 and number[0] in "0123" and nif.is_valid(number):
            kind = "tax_number"
        elif len(number) == 14 and siret.is_valid(number):
            kind = "siret"
        elif 13 <= len(number) <= 19 and number[0] in "23456" and luhn.is_valid(number):
            kind = "card"
        if kind not in kinds:
            continue
        yield kind, m.start(), m.end()


def find_tax_numbers(work: str, _text: str, _today: date) -> Iterator[Span]:
    """A 13-digit tax number with a valid key (before NIRs, which share that length)."""
    return _checked(work, frozenset({"tax_number"}))


def find_cards_and_sirets(work: str, _text: str, _today: date) -> Iterator[Span]:
    """Payment cards (13 to 19 digits, Luhn) and SIRET (14 digits), by checksum alone."""
    return _checked(work, frozenset({"card", "siret"}))
