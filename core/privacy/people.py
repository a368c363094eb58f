"""Names of people and postal addresses.

A name is a civility followed by a capitalised word (« Mme Durand », « M. LE GALL »), a
known French first name followed by a capitalised or upper-case word (« Sophie MARTIN »),
or an upper-case surname followed by a first name (« DUPONT Jean »). A first name after a
word such as lycée, rue or maison names a place (« collège Jean Jaurès », « Maison Jean
Moulin »), not a visitor, and passes. An address is a number and a kind of street, a
building or flat designation, or a « lieu-dit »."""

import re
from collections.abc import Collection, Iterator
from datetime import date

from core.privacy.base import Span
from core.privacy.first_names import first_names

# --- addresses ---------------------------------------------------------------------------
# Street words that are never anything else after a number; and those that are (« 3 cours
# de maths », « 2 places »), which need a capitalised name after them.
_STREETS = (
    r"rue|avenue|av|ave|boulevard|bd|bld|blvd|impasse|imp|allee|chemin|route|rte|quai|"
    r"square|lotissement|hameau|traverse|montee|faubourg|fbg|esplanade|promenade|chaussee|"
    r"ruelle|venelle|residence|lieu-dit|rond-point"
)
_WEAK_STREETS = (
    r"cours|place|pl|voie|passage|mail|clos|villa|domaine|cite|parvis|sentier|ch|lot|res|sq"
)
_ADDRESS = re.compile(
    r"(?<![0-9a-z])(?:n[°o]?[ \t]*)?[0-9]{1,4}(?:[ \t]*(?:bis|ter|quater|[abc])(?![a-z]))?"
    r"[ \t]*,?[ \t]*(?:de[ \t]+la[ \t]+|du[ \t]+|de[ \t]+l['’][ \t]*)?"
    rf"(?:(?P<strong>{_STREETS})|(?P<weak>{_WEAK_STREETS}))(?![a-z])\.?[ \t]+"
    r"(?:(?:de[ \t]+la|des|du|de)[ \t]+|(?:de[ \t]+)?[dl]['’][ \t]*)?"
    r"(?P<name>[a-z0-9][a-z0-9'’-]*)",
    re.IGNORECASE,
)  # fmt: skip
# A unit's letter stands apart (« bât. A », « bât.C », « apt B »); run on, only a number
# (« bât12 »):
# « APTA » is a word.
_UNIT = re.compile(
    r"(?<![a-z])(?i:b[aâ]t(?:iment)?|app?(?:ar)?t(?:ement)?|appt|esc(?:alier)?)"
    r"(?:(?:\.[ \t]*|[ \t]+)(?:n[°o][ \t]*)?[A-Z0-9]{1,4}|(?:n[°o][ \t]*)?[0-9][A-Z0-9]{0,3})"
    r"(?![A-Za-z0-9])"
)
_LOCALITY = re.compile(
    r"(?<![a-z])(?i:lieu[- ]dit|hameau)[ \t]+"
    r"(?:(?i:les?|la|l['’]|des|du|de)[ \t]*)?[A-Za-z][\w'’-]+"
)


def find_addresses(work: str, _text: str, _today: date) -> Iterator[Span]:
    for m in _ADDRESS.finditer(work):
        if m["weak"] and not re.sub(r"^[dl]['’]", "", m["name"])[:1].isupper():
            continue
        yield "address", m.start(), m.end()
    for pattern in (_UNIT, _LOCALITY):
        for m in pattern.finditer(work):
            yield "address", m.start(), m.end()


# --- names -------------------------------------------------------------------------------
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")


def _set(words: str) -> frozenset[str]:
    return frozenset(words.split())


_CIVILITIES = _set(
    "mr mme mmes mlle mlles melle monsieur madame mademoiselle messieurs mesdames dr docteur"
    " maitre pr professeur"
)
# Words before a first name that make it the name of a place or a body.
_PLACES = _set(
    "lycee college ecole rue avenue av bd boulevard allee impasse chemin quai cours place"
    " square quartier maison centre espace salle cite hopital clinique residence stade"
    " gymnase mediatheque bibliotheque fondation association institut universite campus"
    " iut cfa greta mjc mfr club foyer parc gare arret station metro tram pont musee theatre"
    " auditorium amphi pole agence halle marche port aeroport caserne prix promotion"
    " groupe scolaire batiment bat"
)
_PARTICLES = _set("de du des da di le la el ben ibn van von der den dos das d l")
_NOT_SURNAMES = _set("le la les de du des et ou un une au aux en sur pour par avec chez the")
_ACRONYMS = _set(
    "rdv cv ml cio caf rsa bts cap bac fle pij vae cpf cej rqth aah msa cfa afpa greta epide"
    " iut bep cap mco sms tel mail cmu ame pmi ccas cias cafe ras nb ok sos"
)


def _is_upper_word(word: str) -> bool:
    return word[:1].isupper()


def _is_first_name(word: str, names: Collection[str]) -> bool:
    return _is_upper_word(word) and all(part in names for part in word.lower().split("-") if part)


def _after_place(words: list[re.Match[str]], i: int) -> bool:
    """Word ``i`` follows a place's name (« rue Jean Jaurès »), not a person's."""
    for k in range(i - 1, max(-1, i - 4), -1):
        low = words[k].group().lower()
        if low in _PLACES:
            return True
        if not (_is_upper_word(words[k].group()) or low in _PARTICLES):
            return False
    return False


def find_names(work: str, _text: str, _today: date) -> Iterator[Span]:
    words = list(_WORD.finditer(work))
    names = first_names()

    def same_line(a: int, b: int) -> bool:
        return re.fullmatch(r"[ \t.]*", work[words[a].end() : words[b].start()]) is not None

    def surname_end(j: int) -> int | None:
        """Index of the last word of a surname starting at word `j`, or None."""
        if j >= len(words) or not same_line(j - 1, j):
            return None
        word = words[j].group()
        low = word.lower().strip("'’-")
        if low in _PARTICLES and j + 1 < len(words) and same_line(j, j + 1):
            after = surname_end(j + 1)
            return after if after is not None else None
        if not _is_upper_word(word) or low in _NOT_SURNAMES or low in _PLACES:
            return None
        end = j
        while end + 1 < len(words) and same_line(end, end + 1):
            nxt = words[end + 1].group()
            if _is_upper_word(nxt) and nxt.lower() not in _NOT_SURNAMES:
                end += 1  # Fatima Zahra Benali, Da Silva
            else:
                break
        return end

    def is_first_name(word: str) -> bool:
        return _is_first_name(word, names)

    def after_place(i: int) -> bool:
        return _after_place(words, i)

    i = 0
    while i < len(words):
        word = words[i].group()
        low = word.lower()
        end: int | None = None
        civility = (low in _CIVILITIES and (low != "mr" or word[0] == "M")) or word == "M"
        if civility or (is_first_name(word) and not after_place(i)):
            end = surname_end(i + 1)
        elif (
            word.isupper()
            and len(word) >= 3
            and low not in _ACRONYMS
            and i + 1 < len(words)
            and same_line(i, i + 1)
            and is_first_name(words[i + 1].group())
            and not words[i + 1].group().isupper()
            and not after_place(i)
        ):
            end = i + 1  # DUPONT Jean
        if end is not None:
            yield "name", words[i].start(), words[end].end()
            i = end + 1
        else:
            i += 1
