"""The communes of France: lookup by name or postcode, and the INSEE code checks.

The data is the compact copy of Etalab's ``decoupage-administratif`` (2026) shipped in
``resources/geography``; it is loaded into the desk database once.
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

from sqlalchemy import bindparam, delete, func, insert, select, update
from sqlalchemy.orm import Session, sessionmaker

from core.errors import DeskError
from core.lists import COMMUNE_SPECIAL
from core.resources import resource
from db.models import Commune, CommuneAlias, CommunePostcode, Departement, Epci, Region

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
_MAX_KEY = "\U0010ffff"


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


def _info(row: Commune) -> CommuneInfo:
    return CommuneInfo(
        insee=row.insee,
        name=row.name,
        departement=row.departement,
        region=row.region,
        epci=row.epci,
        population=row.population,
        postcodes=tuple(row.postcodes.split()),
    )


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


def seed_geography(session: Session, path: Path = GEOGRAPHY_FILE) -> str:
    """Replace the geography tables with the shipped copy; returns its edition."""
    data = load_geography_file(path)
    for model in (CommuneAlias, CommunePostcode, Commune, Epci, Departement, Region):
        session.execute(delete(model))
    # Core inserts (one executemany each): the ORM's bulk path costs ten times more here.
    connection = session.connection()
    connection.execute(insert(Region), [{"code": c, "name": n} for c, n in data["regions"]])
    connection.execute(
        insert(Departement),
        [{"code": c, "name": n, "region": r} for c, n, r in data["departements"]],
    )
    connection.execute(
        insert(Epci), [{"code": c, "name": n, "kind": k} for c, n, k in data["epci"]]
    )
    communes: list[dict[str, Any]] = []
    postcodes: list[dict[str, str]] = []
    for insee, name, dep, region, epci, population, cps in data["communes"]:
        communes.append(
            {
                "insee": insee,
                "name": name,
                "search_key": search_key(name),
                "departement": dep,
                "region": region,
                "epci": epci,
                "population": population,
                "postcodes": cps,
            }
        )
        postcodes.extend({"postcode": cp, "insee": insee} for cp in set(cps.split()))
    connection.execute(insert(Commune), communes)
    connection.execute(insert(CommunePostcode), postcodes)
    aliases = {(search_key(name), insee): name for name, insee in data["aliases"]}
    connection.execute(
        insert(CommuneAlias),
        [{"search_key": k, "insee": i, "name": n} for (k, i), n in aliases.items()],
    )
    edition: str = data["edition"]
    return edition


class Geography:
    """Finds communes by name, postcode or INSEE code."""

    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self._sessions = sessions

    def get(self, insee: str) -> CommuneInfo | None:
        with self._sessions() as session:
            row = session.get(Commune, insee.upper())
            return _info(row) if row else None

    def centre(self, code: str) -> tuple[float, float] | None:
        """The commune's centre (latitude, longitude); an arrondissement without its own
        has its city's; None when unknown."""
        with self._sessions() as session:
            return commune_centre(session, code.upper())

    def current_code(self, code: str) -> str | None:
        """The current commune's code for ``code``: itself when it is a commune's (or an
        arrondissement's), the commune a former commune merged into, else None."""
        code = code.strip().upper()
        if self.get(code) is not None:
            return code
        return former_communes().get(code)

    def by_postcode(self, postcode: str) -> list[CommuneInfo]:
        with self._sessions() as session:
            rows = session.scalars(
                select(Commune)
                .join(CommunePostcode, CommunePostcode.insee == Commune.insee)
                .where(CommunePostcode.postcode == postcode)
                .order_by(Commune.population.desc())
            )
            return [_info(r) for r in rows]

    def named(self, name: str) -> list[CommuneInfo]:
        """Every commune whose name is exactly ``name`` (case, accents, "St" aside)."""
        with self._sessions() as session:
            rows = session.scalars(
                select(Commune)
                .where(Commune.search_key == search_key(name))
                .order_by(Commune.population.desc())
            )
            return [_info(r) for r in rows]

    def label(self, code: str, lang: str = "fr") -> str:
        """How a contact's commune reads: its name, or the special answer in ``lang``."""
        for special, fr, en in COMMUNE_SPECIAL:
            if code == special:
                return en if lang == "en" else fr
        commune = self.get(code)
        return commune.name if commune else code

    def resolve_typed(self, text: str) -> str:
        """The commune meant by what an agent typed in the picker without choosing from the
        list: a postcode of one commune, or a name only one commune bears. Otherwise a
        :class:`DeskError` says why, so that the agent picks from the list."""
        text = text.strip()
        key = search_key(text)
        for code, fr, en in COMMUNE_SPECIAL:
            if key in (search_key(fr), search_key(en), code.replace("-", " ")):
                return code
        if text.isdigit():
            communes = self.by_postcode(text) if len(text) == 5 else []
            if len(communes) == 1:
                return communes[0].insee
            if communes:
                names = ", ".join(c.name for c in communes[:4])
                raise DeskError("postcode_several", field="commune", code=text, names=names)
            raise DeskError("unknown_postcode", field="commune", code=text)
        same_name = self.named(text)
        if len(same_name) == 1:
            return same_name[0].insee
        if same_name:
            names = ", ".join(f"{c.name} ({c.departement})" for c in same_name[:4])
            raise DeskError("commune_homonyms", field="commune", code=text, names=names)
        found = self.search(text, limit=2)
        if len(found) == 1:
            return found[0].insee
        raise DeskError("unknown_commune_name", field="commune", code=text)

    def search(self, text: str, limit: int = 10, near: str | None = None) -> list[CommuneInfo]:
        """Communes matching what is typed: a name (or its start, or any of its words'
        start) or a postcode (or its start). Nearest to the commune ``near`` (the site's)
        first: the same commune, its EPCI, its département, its région; then a name typed
        whole before one begun, then larger communes. A city's arrondissements follow each
        other in their own order."""
        text = text.strip()
        if not text:
            return []
        with self._sessions() as session:
            home = session.get(Commune, near.upper()) if near else None
            order = self._order(home)
            if text.isdigit():
                return self._search_postcode(session, text, limit, order)
            return self._search_name(session, search_key(text), limit, order, home)

    @staticmethod
    def _order(home: Commune | None) -> list[Any]:
        order: list[Any] = []
        if home is not None:
            order.append((Commune.insee != home.insee).asc())
            if home.epci:
                order.append((func.coalesce(Commune.epci, "") != home.epci).asc())
            order.append((Commune.departement != home.departement).asc())
            order.append((Commune.region != home.region).asc())
        order += [Commune.population.desc(), Commune.name]
        return order

    @staticmethod
    def _search_postcode(
        session: Session, digits: str, limit: int, order: list[Any]
    ) -> list[CommuneInfo]:
        if len(digits) > 5:
            return []
        query = (
            select(Commune)
            .join(CommunePostcode, CommunePostcode.insee == Commune.insee)
            .where(CommunePostcode.postcode >= digits, CommunePostcode.postcode < digits + "A")
            .group_by(Commune.insee)
            .order_by(func.min(CommunePostcode.postcode), *order)
            .limit(limit)
        )
        return _arrondissements_in_order([_info(r) for r in session.scalars(query)])

    @staticmethod
    def _search_name(
        session: Session, key: str, limit: int, order: list[Any], home: Commune | None
    ) -> list[CommuneInfo]:
        if not key:
            return []
        # Each kind of match, nearest first: a name typed whole, begun, a word of it begun,
        # an older name begun. Enough of each is read to rank them together; the last two
        # (scans) only when the first two leave the list short.
        queries = [
            select(Commune).where(Commune.search_key == key),
            select(Commune).where(Commune.search_key >= key, Commune.search_key < key + _MAX_KEY),
            select(Commune).where(Commune.search_key.like(f"% {key}%")),
            select(Commune)
            .join(CommuneAlias, CommuneAlias.insee == Commune.insee)
            .where(CommuneAlias.search_key >= key, CommuneAlias.search_key < key + _MAX_KEY),
        ]
        found: dict[str, tuple[tuple[Any, ...], CommuneInfo]] = {}
        for quality, query in enumerate(queries):
            if quality >= 2 and len(found) >= limit:
                break  # a word inside a name, an older name: only to fill a short list
            for row in session.scalars(query.order_by(*order).limit(max(limit, 40))):
                if row.insee not in found:
                    rank = (*_nearness(row, home), quality, -row.population, row.name)
                    found[row.insee] = (rank, _info(row))
        ranked = [info for _rank, info in sorted(found.values(), key=lambda item: item[0])]
        return _arrondissements_in_order(ranked)[:limit]

    def check_code(self, code: str) -> str:
        """The commune code of a contact, checked: an INSEE code of a known commune, or
        ``hors-region`` / ``non-precise``. A postcode given in its place is named as such."""
        code = code.strip()
        if code in SPECIAL_CODES:
            return code
        upper = code.upper()
        if _INSEE.match(upper) and self.get(upper) is not None:
            return upper
        if code.isdigit() and len(code) == 5:
            communes = self.by_postcode(code)
            if communes:
                names = ", ".join(c.name for c in communes[:3])
                raise DeskError("commune_is_postcode", field="commune", code=code, names=names)
        if not any(c.isdigit() for c in code):
            raise DeskError("unknown_commune_name", field="commune", code=code)
        raise DeskError("unknown_commune", field="commune", code=code)


_ARRONDISSEMENT = re.compile(r"^(.*) \d+(?:er|e) Arrondissement$")


def _nearness(row: Commune, home: Commune | None) -> tuple[bool, ...]:
    """How far a commune is from the site's: itself, its EPCI, département, région."""
    if home is None:
        return ()
    return (
        row.insee != home.insee,
        not home.epci or row.epci != home.epci,
        row.departement != home.departement,
        row.region != home.region,
    )


def _arrondissements_in_order(communes: list[CommuneInfo]) -> list[CommuneInfo]:
    """A city's arrondissements (Paris, Lyon, Marseille) together where the first of them
    stands, in their own order (1er, 2e… 16e), not by population."""
    first: dict[str, int] = {}
    keyed = []
    for position, commune in enumerate(communes):
        match = _ARRONDISSEMENT.match(commune.name)
        if match:
            keyed.append((first.setdefault(match.group(1), position), commune.insee, commune))
        else:
            keyed.append((position, "", commune))
    return [commune for *_key, commune in sorted(keyed, key=lambda k: (k[0], k[1]))]


def seed_centres(session: Session, path: Path = CENTRES_FILE) -> str:
    """Write the shipped centres into the communes; returns their edition."""
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        rows: list[list[Any]] = json.load(handle)["centres"]
    connection = session.connection()
    connection.execute(update(Commune).values(latitude=None, longitude=None))
    connection.execute(
        update(Commune.__table__)  # type: ignore[arg-type]  # a Table, core executemany
        .where(Commune.__table__.c.insee == bindparam("code"))
        .values(latitude=bindparam("lat"), longitude=bindparam("lon")),
        [{"code": code, "lat": lat, "lon": lon} for code, lat, lon in rows],
    )
    return CENTRES_EDITION


def commune_centre(session: Session, code: str) -> tuple[float, float] | None:
    """The centre of the commune ``code`` (latitude, longitude), or of its city for an
    arrondissement the source gives none (Paris 11e: Paris's); None when unknown."""
    for candidate in (code, city_of(code)):
        if candidate is None:
            continue
        row = session.execute(
            select(Commune.latitude, Commune.longitude).where(Commune.insee == candidate)
        ).first()
        if row is not None and row[0] is not None and row[1] is not None:
            return (row[0], row[1])
    return None


def distance_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """The great-circle distance between two (latitude, longitude) points, in km."""
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))
