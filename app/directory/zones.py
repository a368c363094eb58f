"""The area a service serves (``zone_eligibilite``) and the desk's codes in data.inclusion
terms: what the directory search filters and ranks by.

A commune and its arrondissements (Paris, Marseille, Lyon) are one place, whichever of them
the visitor or the service names. A service whose area is missing, or names nothing the
desk can read (an American county, a typo), serves around its own address: its
département. Nothing says it serves the whole country.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from core.places import departement_of, same_commune
from db.models import Commune, Departement, Epci, NomenclatureMapping

NATIONAL = ("france", "99100")
# How near an area or a place is to the visitor: the commune, its EPCI, its département.
COMMUNE, EPCI, DEPARTEMENT, COUNTRY = 3, 2, 1, 0


def zone_codes(session: Session, commune: str) -> dict[str, int]:
    """The ``zone_eligibilite`` codes that serve a commune, with how near each is."""
    row = session.get(Commune, commune)
    if row is None:
        return {}
    codes = dict.fromkeys(NATIONAL, COUNTRY)
    codes[row.departement] = DEPARTEMENT
    if row.epci:
        codes[row.epci] = EPCI
    codes.update(dict.fromkeys(same_commune(row.insee), COMMUNE))
    return codes


def readable(session: Session, zone_eligibilite: Iterable[str]) -> list[str]:
    """The codes of an area the desk can read: communes, EPCI, départements, the country."""
    codes = set(zone_eligibilite)
    known = {c for c in codes if c in NATIONAL}
    rest = sorted(codes - known)
    if rest:
        for column in (Commune.insee, Epci.code, Departement.code):
            known.update(session.scalars(select(column).where(column.in_(rest))))
    return sorted(known)


def serves(
    session: Session, zone_eligibilite: list[str], place: str | None, zones: dict[str, int]
) -> bool:
    """Whether a service with this ``zone_eligibilite``, placed in the commune ``place``,
    serves the commune whose :func:`zone_codes` are ``zones``. Without a readable area,
    a service serves its own département."""
    area = readable(session, zone_eligibilite)
    if area:
        return any(code in zones for code in area)
    departement = departement_of(place or "")
    return departement is not None and zones.get(departement) == DEPARTEMENT


def mapped(session: Session, list_name: str, codes: list[str], target: str) -> set[str]:
    if not codes:
        return set()
    rows = session.scalars(
        select(NomenclatureMapping.value).where(
            NomenclatureMapping.list_name == list_name,
            NomenclatureMapping.code.in_(codes),
            NomenclatureMapping.target == target,
        )
    )
    return set(rows)
