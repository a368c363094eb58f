"""The communes of France in the desk's database: lookup by name or postcode, loaded once
from the shipped file (whose reading and codes are :mod:`core.places`)."""

from __future__ import annotations

import gzip
import json
import re
from pathlib import Path
from typing import Any

from sqlalchemy import bindparam, delete, func, insert, select, update
from sqlalchemy.orm import Session, sessionmaker

from core.errors import DeskError
from core.lists import COMMUNE_SPECIAL
from core.places import (
    _INSEE,
    CENTRES_EDITION,
    CENTRES_FILE,
    GEOGRAPHY_FILE,
    SPECIAL_CODES,
    CommuneInfo,
    city_of,
    former_communes,
    load_geography_file,
    search_key,
)
from db.models import Commune, CommuneAlias, CommunePostcode, Departement, Epci, Region

_MAX_KEY = "\U0010ffff"


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


# More than France's communes and arrondissements (about 35,000).
_KEPT_CODES = 50_000
_UNREAD = object()


class Geography:
    """Finds communes by name, postcode or INSEE code.

    The geography is written when the desk opens (a new edition) and only read after, so a
    commune read once by its code is kept: checking the commune of each of 100,000 tallies,
    or labelling a day's journal, reads each commune from the database once."""

    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self._sessions = sessions
        self._by_code: dict[str, CommuneInfo | None] = {}

    def get(self, insee: str) -> CommuneInfo | None:
        code = insee.upper()
        # One lookup, safe while another thread clears the dict.
        if (known := self._by_code.get(code, _UNREAD)) is not _UNREAD:
            return known if isinstance(known, CommuneInfo) else None
        if len(self._by_code) > _KEPT_CODES:  # codes typed that no commune has
            self._by_code.clear()
        with self._sessions() as session:
            row = session.get(Commune, code)
            info = _info(row) if row else None
        self._by_code[code] = info
        return info

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
