"""The area a service serves (``zone_eligibilite``) and the desk's codes in data.inclusion
terms: what the directory search filters and ranks by."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import Commune, NomenclatureMapping

NATIONAL = ("france", "99100")


def zone_codes(session: Session, commune: str) -> dict[str, int]:
    """The ``zone_eligibilite`` codes that serve a commune, with how near each is."""
    row = session.get(Commune, commune)
    if row is None:
        return {}
    codes = {row.insee: 3, row.departement: 1}
    if row.epci:
        codes[row.epci] = 2
    codes.update(dict.fromkeys(NATIONAL, 0))
    return codes


def serves(zone_eligibilite: list[str], zones: dict[str, int]) -> bool:
    """Whether a service with this ``zone_eligibilite`` serves the commune whose
    :func:`zone_codes` are ``zones``; a service with no area given serves everyone."""
    return not zone_eligibilite or any(code in zones for code in zone_eligibilite)


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
