"""Places of France as the shipped geography file has them, with no database: INSEE
codes and their checks, the arrondissements of Paris, Lyon and Marseille, the communes
merged since, the search key of a name, a commune's record, and the distance between two
points. The desk loads the file into its database (``app.geography``); the hub reads it.

The data is the compact copy of Etalab's ``decoupage-administratif`` (2026) shipped in
``resources/geography``.
"""

from __future__ import annotations

import functools
import gzip
import json
import math
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from core.lists import COMMUNE_SPECIAL
from core.resources import resource

GEOGRAPHY_FILE = resource("geography", "communes.json.gz")
# Codes of communes merged since, each with the current commune holding it (same source).
FORMER_COMMUNES_FILE = resource("geography", "former_communes.json.gz")
# Each commune's centre (IGN ADMIN EXPRESS via geo.api.gouv.fr), see its LICENCE.md.
CENTRES_FILE = resource("geography", "centres.json.gz")
# The shipped centres' edition; a desk holding other centres (or none) reloads them.
CENTRES_EDITION = "2021-04-01"
EARTH_RADIUS_KM = 6371.0
# The edition of the shipped file; a desk holding another one reloads it.
GEOGRAPHY_EDITION = "2026"
# Inhabitants: a smaller commune never leaves a desk as itself (its EPCI or département).
SMALL_COMMUNE = 2000
SPECIAL_CODES = frozenset(code for code, _fr, _en in COMMUNE_SPECIAL)

_INSEE = re.compile(r"^(\d{5}|2[AB]\d{3})$")
_ABBREVIATIONS = {"st": "saint", "ste": "sainte", "sts": "saints", "stes": "saintes"}
_LIGATURES = str.maketrans({"œ": "oe", "Œ": "oe", "æ": "ae", "Æ": "ae", "ß": "ss"})


def departement_of(code: str) -> str | None:
    """The département an INSEE commune code lies in, read from the code itself (``29``,
    ``2A``, ``971``…), or None when ``code`` is no commune code."""
    if not _INSEE.match(code):
        return None
    return code[:3] if code[:2] in ("97", "98") else code[:2]


# The cities divided into municipal arrondissements, each with its arrondissements' codes:
# an arrondissement belongs to its city (Paris 75056, Marseille 13055, Lyon 69123).
_ARRONDISSEMENTS = {
    "75056": tuple(f"751{n:02d}" for n in range(1, 21)),
    "13055": tuple(f"132{n:02d}" for n in range(1, 17)),
    "69123": tuple(f"6938{n}" for n in range(1, 10)),
}
_CITY_OF = {code: city for city, codes in _ARRONDISSEMENTS.items() for code in codes}


def city_of(code: str) -> str | None:
    """The city an arrondissement belongs to (``13201`` → ``13055``), else None."""
    return _CITY_OF.get(code)


def arrondissements_of(code: str) -> tuple[str, ...]:
    """The arrondissements of Paris, Marseille or Lyon (``69123`` → ``69381``…``69389``);
    empty for any other commune."""
    return _ARRONDISSEMENTS.get(code, ())


def same_commune(code: str) -> set[str]:
    """Every code that means the same commune for whom lives there: the commune, its city
    if it is an arrondissement, the arrondissements if it is a city."""
    city = city_of(code)
    return {code, *arrondissements_of(code)} | ({city} if city else set())


def search_key(text: str) -> str:
    """``Saint-Martin-de-Crau``, ``st martin de crau`` and ``ST-MARTIN DE CRAU`` all give
    ``saint martin de crau``: no case, no accents, ``St``/``Ste`` spelled out, hyphens,
    apostrophes and dots as spaces."""
    text = unicodedata.normalize("NFKD", text.translate(_LIGATURES))
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    words = re.split(r"[\s\-'’‘`.,/()]+", text)
    return " ".join(_ABBREVIATIONS.get(w, w) for w in words if w)


@dataclass(frozen=True, slots=True)
class CommuneInfo:
    insee: str
    name: str
    departement: str
    region: str
    epci: str | None
    population: int
    postcodes: tuple[str, ...]

    @property
    def display(self) -> str:
        """``Arles (13200)``: how a commune is shown in a list."""
        return f"{self.name} ({self.main_postcode or self.departement})"

    @property
    def main_postcode(self) -> str | None:
        """The commune's usual postcode: a round one (13800 before 13118) when there are
        several; the data does not say which is the main one."""
        if not self.postcodes:
            return None
        return min(self.postcodes, key=lambda p: (not p.endswith("00"), not p.endswith("0"), p))


@functools.cache
def former_communes() -> dict[str, str]:
    """The code of each commune merged since (``74093``, Cran-Gevrier) -> the current
    commune holding it (``74010``, Annecy), from the same Etalab edition."""
    with gzip.open(FORMER_COMMUNES_FILE, "rt", encoding="utf-8") as handle:
        former: dict[str, str] = json.load(handle)["former"]
    return former


def load_geography_file(path: Path = GEOGRAPHY_FILE) -> dict[str, Any]:
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        data: dict[str, Any] = json.load(handle)
    return data


def distance_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """The great-circle distance between two (latitude, longitude) points, in km."""
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))
