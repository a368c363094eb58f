"""Partner services suggested for a visitor: by themes, public and commune served.

A first ranking for the path from the intake form to a referral; the directory search
(full text, filters, opening hours) builds on it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import exists, or_, select
from sqlalchemy.orm import Session, selectinload

from app.geography import search_key
from db.models import Commune, NomenclatureMapping, Service, ServiceZone, Structure

NATIONAL = ("france", "99100")


@dataclass(frozen=True, slots=True)
class Suggestion:
    service_id: str
    service_name: str
    structure_name: str
    commune: str
    telephone: str
    horaires: str
    themes_matched: int
    public_fits: bool
    # 3 same commune, 2 same EPCI, 1 same département, 0 national or unknown area.
    nearness: int
    date_maj: date | None


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


def suggest(
    session: Session,
    *,
    themes: list[str],
    public: str | None,
    commune: str | None,
    text: str = "",
    limit: int = 50,
) -> list[Suggestion]:
    """Services for this visitor, best first: more of their themes, their public, nearer."""
    thematiques = mapped(session, "theme", themes, "thematique")
    publics = mapped(session, "public", [public] if public else [], "public") | {"tous-publics"}
    zones = zone_codes(session, commune) if commune else {}
    query = (
        select(Service)
        .join(Structure, Structure.id == Service.structure_id)
        .where(Service.retired_at.is_(None))
        .options(selectinload(Service.structure))
    )
    if zones:
        # A service with no area given is kept: nothing says it does not serve the visitor.
        served = exists().where(ServiceZone.service_id == Service.id, ServiceZone.code.in_(zones))
        anywhere = ~exists().where(ServiceZone.service_id == Service.id)
        query = query.where(or_(served, anywhere))
    found: list[Suggestion] = []
    words = search_key(text).split()
    for service in session.scalars(query):
        if words:
            haystack = search_key(f"{service.nom} {service.structure.nom} {service.description}")
            if not all(word in haystack for word in words):
                continue
        matched = len(thematiques & {t.code for t in service.thematiques})
        if thematiques and not matched and not words:
            continue
        fits = bool(publics & {p.code for p in service.publics}) or not service.publics
        nearness = max((zones.get(z.code, 0) for z in service.zone_eligibilite), default=0)
        found.append(
            Suggestion(
                service_id=service.id,
                service_name=service.nom,
                structure_name=service.structure.nom,
                commune=service.commune or service.structure.commune or "",
                telephone=service.telephone or service.structure.telephone or "",
                horaires=service.horaires_accueil or service.structure.horaires_accueil or "",
                themes_matched=matched,
                public_fits=fits,
                nearness=nearness,
                date_maj=service.date_maj,
            )
        )
    found.sort(
        key=lambda s: (
            -s.themes_matched,
            not s.public_fits,
            -s.nearness,
            -(s.date_maj.toordinal() if s.date_maj else 0),
            s.structure_name,
        )
    )
    return found[:limit]
