"""The schema's complaints about a directory record (data·inclusion, pydantic), in French and
English: what the desk's import and the hub's both tell the person who sent the file."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from core.i18n import N_, gettext

_PYDANTIC: dict[str, str] = {
    "missing": N_("champ obligatoire absent"),
    "string_too_short": N_("trop court"),
    "string_too_long": N_("trop long"),
    "enum": N_("valeur inconnue"),
    "literal_error": N_("valeur inconnue"),
    "url_parsing": N_("adresse web invalide"),
    "url_scheme": N_("adresse web invalide"),
    "date_from_datetime_parsing": N_("date illisible"),
    "date_parsing": N_("date illisible"),
    "string_pattern_mismatch": N_("format invalide"),
    "float_parsing": N_("nombre attendu"),
    "int_parsing": N_("nombre entier attendu"),
    "too_short": N_("liste vide"),
    "set_type": N_("liste attendue"),
    "list_type": N_("liste attendue"),
    "string_type": N_("texte attendu"),
}


# The pydantic messages the schema passes on in English, in French (after the
# data·inclusion validator's own table, ``api/valideur/translations.py``).
_ENGLISH_MESSAGES: tuple[tuple[str, str], ...] = (
    (r"Input should be greater than or equal to (.*)", "doit être supérieur ou égal à {}"),
    (r"Input should be greater than (.*)", "doit être supérieur à {}"),
    (r"Input should be less than or equal to (.*)", "doit être inférieur ou égal à {}"),
    (r"Input should be less than (.*)", "doit être inférieur à {}"),
    (r"String should have at least (.*) characters?", "au moins {} caractères"),
    (r"String should have at most (.*) characters?", "au plus {} caractères"),
    (r"value is not a valid email address: .*", "adresse électronique invalide"),
    (r"Input should be a valid boolean.*", "oui ou non attendu (true/false)"),
    (r"Input should be a valid date.*", "date attendue (AAAA-MM-JJ)"),
    (r"Input should be a valid URL.*", "adresse web invalide"),
    (r"Input should be a valid (?:list|array|set|tuple).*", "liste attendue"),
    (r"Input should be a valid dictionary.*", "objet attendu"),
    (r"Input should be a valid (?:number|integer).*", "nombre attendu"),
    (r"Input should be a valid string.*", "texte attendu"),
    (r"Input should be (.*)", "valeur attendue\u00a0: {}"),
    (r"Extra inputs are not permitted", "champ inconnu"),
)


def _french(message: str) -> str:
    """A schema message in French: its own validators speak French already; pydantic's
    English sentences are translated; one not foreseen is shown as it is."""
    message = message.removeprefix("Value error, ")
    for pattern, french in _ENGLISH_MESSAGES:
        match = re.fullmatch(pattern, message)
        if match:
            return french.format(*match.groups())
    return message


def explain(errors: Sequence[Mapping[str, Any]]) -> tuple[str, str]:
    """Every complaint of the schema about a record, as one French and one English text."""
    french, english = [], []
    for error in errors:
        where = ".".join(str(p) for p in error.get("loc", ()) if not isinstance(p, int))
        kind = str(error.get("type", ""))
        message = str(error.get("msg", kind))
        if kind in _PYDANTIC:
            fr, en = gettext(_PYDANTIC[kind], "fr"), gettext(_PYDANTIC[kind], "en")
        else:
            fr, en = _french(message), message.removeprefix("Value error, ")
        value = error.get("input")
        shown = f" («\u00a0{value}\u00a0»)" if isinstance(value, str) and kind != "missing" else ""
        shown_en = f" (“{value}”)" if shown else ""
        french.append(f"{where}\u00a0: {fr}{shown}")
        english.append(f"{where}: {en}{shown_en}")
    return "\u202f; ".join(french), "; ".join(english)
