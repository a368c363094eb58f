"""The quality of the directory's services, as data·inclusion scores it (the schema's own
``score_qualite``: address, ways to reach, publics, themes, contact, freshness, cost,
description), kept with each service when it is published; and the records « à
vérifier » per partner. The coordinator steers by the records most in need of care."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from pydantic import ValidationError
from sqlalchemy import Integer, func, select
from sqlalchemy.orm import Session

from core.i18n import N_
from hub.models import DirectoryChange, DirectoryEntry

PAGE = 100
# What each of the schema's criteria checks, as the coordinator reads it.
CRITERIA = {
    "adresse_bien_definie": N_("adresse (accueil sur place)"),
    "modes_mobilisation_bien_definis": N_("comment le mobiliser, et par qui"),
    "au_moins_un_public": N_("publics"),
    "au_moins_une_thematique": N_("thématiques"),
    "au_moins_un_moyen_de_contact": N_("un moyen de contact"),
    "courriel_bien_defini": N_("courriel (mobilisation par courriel)"),
    "date_maj_recente": N_("mise à jour récente"),
    "frais_bien_definis": N_("frais"),
    "description_bien_definie": N_("description de 200 à 2\u202f000 caractères"),
    "telephone_bien_defini": N_("téléphone (mobilisation par téléphone)"),
}


def score(payload: Mapping[str, Any]) -> tuple[float | None, dict[str, float | None]]:
    """The service's score (0 to 1) and each criterion's, as the schema computes them;
    (None, {}) when the schema cannot read the record."""
    from data_inclusion.schema import v1
    from data_inclusion.schema.v1 import score_qualite

    try:
        service = v1.Service.model_validate(dict(payload))
        found, criteria = score_qualite.score(service)
    except (ValidationError, ValueError, ZeroDivisionError):
        return None, {}
    return float(found), dict(criteria)


@dataclass(frozen=True, slots=True)
class Line:
    record_id: str
    title: str
    commune: str
    score: float
    missing: list[str]  # the criteria it fails, as CRITERIA names them


def neediest(session: Session, limit: int = PAGE) -> list[Line]:
    """The live services with the lowest scores, each with what it lacks (read afresh)."""
    rows = session.execute(
        select(DirectoryEntry.record_id, DirectoryEntry.title, DirectoryChange.payload)
        .join(DirectoryChange, DirectoryChange.seq == DirectoryEntry.seq)
        .where(
            DirectoryEntry.kind == "service",
            DirectoryEntry.deleted.is_(False),
            DirectoryEntry.quality.is_not(None),
        )
        .order_by(DirectoryEntry.quality, DirectoryEntry.title)
        .limit(limit)
    ).all()
    lines = []
    for record_id, title, payload in rows:
        found, criteria = score(payload)
        missing = [name for name, value in criteria.items() if value is not None and value < 1]
        lines.append(
            Line(record_id, title, str(payload.get("commune") or ""), found or 0.0, missing)
        )
    return sorted(lines, key=lambda ln: (ln.score, ln.title))


@dataclass(frozen=True, slots=True)
class PartnerLine:
    structure_id: str
    title: str
    stale: int  # its records (itself and its services) « à vérifier »
    records: int


def stale_by_partner(session: Session, stale_before: date, limit: int = PAGE) -> list[PartnerLine]:
    """Per structure, how many of its records (itself and its services) were last updated
    before ``stale_before``: the partners to ask first."""
    partner = func.coalesce(
        DirectoryChange.payload["structure_id"].as_string(), DirectoryEntry.record_id
    )
    stale = func.sum(
        func.cast(
            func.coalesce(DirectoryChange.payload["date_maj"].as_string(), "")
            < stale_before.isoformat(),
            Integer,
        )
    )
    rows = session.execute(
        select(partner, func.count(), stale)
        .join(DirectoryChange, DirectoryChange.seq == DirectoryEntry.seq)
        .where(DirectoryEntry.kind.in_(("structure", "service")), DirectoryEntry.deleted.is_(False))
        .group_by(partner)
        .having(stale > 0)
        .order_by(stale.desc(), partner)
        .limit(limit)
    ).all()
    titles = dict(
        session.execute(
            select(DirectoryEntry.record_id, DirectoryEntry.title).where(
                DirectoryEntry.kind == "structure",
                DirectoryEntry.record_id.in_([r[0] for r in rows]),
            )
        ).all()
    )
    return [
        PartnerLine(sid, titles.get(sid, sid), int(n_stale), int(n)) for sid, n, n_stale in rows
    ]
