"""What a record sends to the hub: a contact, a referral or a flag as the wire carries it, and
a contact's commune as it may leave the desk (never a small commune as itself).
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from core.fields import CONTACT_FIELDS
from core.places import SMALL_COMMUNE, SPECIAL_CODES, departement_of
from db.models import Commune, Contact, Departement


def _codes_of(name: str) -> Any:
    """A contact's several codes of field ``name`` (its ``themes``: rows of a table of their
    own) as one JSON array, read with the contact's row."""
    table = Contact.__mapper__.relationships[name].mapper.local_table
    return (
        select(func.json_group_array(table.c.code))
        .where(table.c.contact_id == Contact.__table__.c.id)
        .scalar_subquery()
        .label(name)
    )


# What a contact's payload reads, as one plain row: never its note, nor its agent.
CONTACT_COLUMNS = (
    *(
        Contact.__table__.c[name]
        for name in ("id", "version", "synced_version", "moment_local", "status")
    ),
    *(Contact.__table__.c[f.name] if not f.multiple else _codes_of(f.name) for f in CONTACT_FIELDS),
)


class PublicPlaces:
    """A contact's commune as it may leave the desk: one of fewer than 2,000 inhabitants
    never goes as itself, but as its EPCI; where it has none (islands such as Sein or
    Bréhat, overseas collectivities), as its département, as Etalab writes it (``29``,
    ``2A``, ``987``); ``non-precise`` when even that is unknown."""

    def __init__(self, session: Session) -> None:
        self._session = session
        self._cache: dict[str, str] = {}
        self._departements: set[str] | None = None

    def public(self, code: str) -> str:
        if code not in self._cache:
            self._cache[code] = self._generalised(code)
        return self._cache[code]

    def _generalised(self, code: str) -> str:
        if code in SPECIAL_CODES:
            return code
        row = self._session.get(Commune, code)
        if row is not None:
            if row.population >= SMALL_COMMUNE:
                return code
            if row.epci:
                return row.epci
            departement = row.departement
        else:
            # A code the shipped geography does not hold (another edition's): its size is
            # unknown, so it goes no finer than its département.
            found = departement_of(code)
            if found is None:
                return code  # no commune code at all: the hub rejects it, with its reason
            departement = found
        if self._departements is None:
            self._departements = set(self._session.scalars(select(Departement.code)))
        return departement if departement in self._departements else "non-precise"


def _local_day(moment: datetime) -> str:
    return moment.date().isoformat()


def _utc_to_local_day(moment: datetime) -> str:
    return moment.replace(tzinfo=UTC).astimezone().date().isoformat()


def wire_contact(row: Any, places: PublicPlaces) -> dict[str, Any]:
    """A contact's payload: its day, each field of the table (a place as it may leave the
    desk, several codes as a list, in code order), and whether it was cancelled. ``row``
    is a row of :data:`CONTACT_COLUMNS` (no object built: :func:`columns_of`)."""
    payload: dict[str, Any] = {"day": _local_day(row.moment_local)}
    for described in CONTACT_FIELDS:
        value: Any
        value = getattr(row, described.name)
        if described.multiple:
            value = sorted(json.loads(value))  # a JSON array, in the row
        if described.wire == "place" and value is not None:  # a place of reception may be unsaid
            value = places.public(value)
        payload[described.name] = value
    payload["cancelled"] = row.status == "cancelled"
    return payload


def columns_of(kind: str, model: Any) -> tuple[Any, ...]:
    """What a record of ``kind`` is read as, to go up: a plain row, no object built."""
    return CONTACT_COLUMNS if kind == "contact" else tuple(model.__table__.c)


def wire_referral(row: Any) -> dict[str, Any]:
    """A referral's payload (``row``: a row of its table)."""
    return {
        "day": _utc_to_local_day(row.created_at),
        "contact_id": row.contact_id,
        "service_id": row.service_id,
        "structure_id": row.structure_id,
        "slip_code": row.slip_code,
        "cancelled": row.status == "cancelled",
    }


def wire_flag(row: Any) -> dict[str, Any]:
    """A flag's payload (``row``: a row of its table)."""
    return {
        "day": _utc_to_local_day(row.created_at),
        "service_id": row.service_id,
        "structure_id": row.structure_id,
        "reason": row.reason,
        "comment": row.comment,
        "cancelled": row.status != "active",
    }
