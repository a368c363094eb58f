"""Writing data.inclusion v1 records into the desk's directory tables."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy.orm import Session

from db.models import (
    Service,
    ServiceMode,
    ServicePublic,
    ServiceThematique,
    ServiceZone,
    Structure,
)

_SHARED = (
    "source",
    "nom",
    "description",
    "lien_source",
    "adresse",
    "complement_adresse",
    "code_postal",
    "code_insee",
    "commune",
    "longitude",
    "latitude",
    "telephone",
    "courriel",
    "horaires_accueil",
)
_STRUCTURE = ("siret", "site_web", "accessibilite_lieu")
_SERVICE = (
    "structure_id",
    "type",
    "frais",
    "frais_precisions",
    "publics_precisions",
    "conditions_acces",
    "contact_nom_prenom",
    "lien_mobilisation",
    "mobilisation_precisions",
    "volume_horaire_hebdomadaire",
    "nombre_semaines",
)


def _text(value: Any) -> Any:
    # pydantic gives URLs and enums as objects; the tables hold their plain value.
    if value is None or isinstance(value, (int, float, str, date)):
        return value
    return str(getattr(value, "value", value))


def _codes(values: Iterable[Any] | None) -> list[str]:
    return sorted({str(_text(v)) for v in values or ()})


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None, microsecond=0)


def upsert_structure(session: Session, record: Mapping[str, Any]) -> Structure:
    """Insert or update a structure from a checked data.inclusion record (a dict).
    A site's own local entry is never overwritten."""
    row = session.get(Structure, record["id"]) or Structure(id=record["id"])
    if row.is_local:
        return row
    for name in _SHARED + _STRUCTURE:
        setattr(row, name, _text(record.get(name)))
    row.date_maj = record.get("date_maj")
    row.reseaux_porteurs = _codes(record.get("reseaux_porteurs"))
    row.is_local = False
    row.retired_at = None
    row.updated_at = _now()
    session.add(row)
    return row


def upsert_service(
    session: Session, record: Mapping[str, Any], documents: list[str] | None = None
) -> Service:
    """Insert or update a service from a checked data.inclusion record (a dict).
    A site's own local entry is never overwritten."""
    row = session.get(Service, record["id"]) or Service(id=record["id"])
    if row.is_local:
        return row
    for name in _SHARED + _SERVICE:
        setattr(row, name, _text(record.get(name)))
    row.date_maj = record.get("date_maj")
    row.mobilisable_par = _codes(record.get("mobilisable_par"))
    row.documents = list(documents or [])
    row.thematiques = [ServiceThematique(code=c) for c in _codes(record.get("thematiques"))]
    row.publics = [ServicePublic(code=c) for c in _codes(record.get("publics"))]
    row.modes = [ServiceMode(kind="accueil", code=c) for c in _codes(record.get("modes_accueil"))]
    row.modes += [
        ServiceMode(kind="mobilisation", code=c) for c in _codes(record.get("modes_mobilisation"))
    ]
    row.zone_eligibilite = [ServiceZone(code=c) for c in _codes(record.get("zone_eligibilite"))]
    row.is_local = False
    row.retired_at = None
    row.updated_at = _now()
    session.add(row)
    return row
