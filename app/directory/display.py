"""How directory data reads for a person: phone numbers, links to a map, codes as words."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from urllib.parse import quote_plus

from core.i18n import N_, gettext

# data.inclusion codes as a counter agent reads them: French messages of the catalogue.
MODES = {
    "en-presentiel": N_("sur place"),
    "a-distance": N_("à distance"),
    "se-presenter": N_("se présenter"),
    "telephoner": N_("téléphoner"),
    "envoyer-un-courriel": N_("envoyer un courriel"),
    "utiliser-lien-mobilisation": N_("s’inscrire en ligne"),
}
FRAIS = {"gratuit": N_("gratuit"), "payant": N_("payant")}
PUBLICS = {
    "tous-publics": N_("tous publics"),
    "jeunes": N_("jeunes"),
    "demandeurs-emploi": N_("demandeurs d’emploi"),
    "actifs": N_("actifs"),
    "etudiants": N_("étudiants"),
    "seniors": N_("seniors"),
    "familles": N_("familles"),
    "femmes": N_("femmes"),
    "personnes-en-situation-de-handicap": N_("personnes handicapées"),
    "beneficiaires-des-minimas-sociaux": N_("bénéficiaires des minima sociaux"),
    "personnes-en-situation-durgence": N_("personnes en situation d’urgence"),
    "personnes-en-situation-juridique-specifique": N_(
        "personnes en situation juridique spécifique"
    ),
    "personnes-exilees": N_("personnes exilées"),
    "residents-qpv-frr": N_("résidents en QPV ou FRR"),
}


def postal_address(pick: Callable[[str], str]) -> str:
    """« 12 rue X, bâtiment B, 13800 Istres » from a record's fields (``pick(name)``: the
    service's own value, else its structure's), the empty parts left out."""
    town = " ".join(p for p in (pick("code_postal"), pick("commune")) if p)
    return ", ".join(p for p in (pick("adresse"), pick("complement_adresse"), town) if p)


def label(table: dict[str, str], code: str, lang: str = "fr") -> str:
    """A code in words: our own table first (a catalogue message), then the label the
    data.inclusion schema gives (French), then the code itself made readable."""
    message = table.get(code)
    if message is not None:
        return gettext(message, lang)
    schema = schema_labels().get(code)
    if schema:
        return schema
    return code.replace("--", "\u00a0: ").replace("-", " ")


@functools.cache
def schema_labels() -> dict[str, str]:
    """The French labels of every data.inclusion v1 code (thematiques, publics, modes…)."""
    from data_inclusion.schema import v1

    labels: dict[str, str] = {}
    for enum in (
        v1.Thematique,
        v1.Public,
        v1.ModeAccueil,
        v1.ModeMobilisation,
        v1.TypeService,
        v1.Frais,
        v1.ReseauPorteur,
    ):
        for member in enum:
            labels.setdefault(str(member.value), str(member.label))
    return labels


def format_phone(raw: str | None) -> str:
    """A French number in its national writing (``04 90 00 00 02``); others as given."""
    if not raw:
        return ""
    digits = re.sub(r"[^\d+]", "", raw)
    if digits.startswith("+33"):
        digits = "0" + digits[3:]
    elif digits.startswith("0033"):
        digits = "0" + digits[4:]
    if re.fullmatch(r"0\d{9}", digits):
        return " ".join(digits[i : i + 2] for i in range(0, 10, 2))
    return raw.strip()


def map_link(
    latitude: float | None, longitude: float | None, address: str | None, commune: str | None
) -> str | None:
    """A link to the place on OpenStreetMap: its position, else its address."""
    if latitude is not None and longitude is not None:
        return (
            f"https://www.openstreetmap.org/?mlat={latitude:.5f}&mlon={longitude:.5f}"
            f"#map=17/{latitude:.5f}/{longitude:.5f}"
        )
    where = ", ".join(p for p in (address, commune) if p)
    if not where:
        return None
    return f"https://www.openstreetmap.org/search?query={quote_plus(where)}"
