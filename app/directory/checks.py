"""The checks of a record against the desk's geography, made by
:func:`app.directory.importing.apply` on every import, whatever its format.

A code the geography no longer knows (a commune merged since) is mapped to its current
commune or dropped with a warning, the record kept — as data·inclusion itself drops invalid
codes. Coordinates that cannot be the place's (not numbers, out of range, one without the
other, or farther than :data:`FARTHEST_FROM_CENTRE_KM` from the commune's centre: latitude
and longitude swapped, another town's) are dropped with a warning, so that the place is
measured from its commune's centre: a partner's file never puts a service « à 0,4 km » of a
town it is not in.
"""

from __future__ import annotations

import math
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.directory.batch import Told, told
from core.i18n import N_
from core.places import city_of, distance_km, former_communes
from db.models import Commune, Departement, Epci

# A place's coordinates farther than this from its commune's centre are a mistake (latitude
# and longitude swapped, another commune's): the largest communes (Guyane's) stay within it.
FARTHEST_FROM_CENTRE_KM = 200
_COORDINATES = ("latitude", "longitude")
_LIMITS = {"latitude": 90, "longitude": 180}


class Known:
    """The codes and centres the checks need, read once per import."""

    def __init__(self, session: Session) -> None:
        self.communes: dict[str, str] = {}
        self.centres: dict[str, tuple[float, float]] = {}
        rows = session.execute(
            select(Commune.insee, Commune.name, Commune.latitude, Commune.longitude)
        )
        for insee, name, latitude, longitude in rows:
            self.communes[insee] = name
            if latitude is not None and longitude is not None:
                self.centres[insee] = (latitude, longitude)
        self.epci = set(session.scalars(select(Epci.code)))
        self.departements = set(session.scalars(select(Departement.code)))
        self.former = former_communes()

    def zone_ok(self, code: str) -> bool:
        return (
            code in ("france", "99100")
            or code in self.communes
            or code in self.epci
            or code in self.departements
        )

    def current(self, code: str) -> str | None:
        """The current commune of a former one the desk's geography still holds."""
        now = self.former.get(code)
        return now if now in self.communes else None

    def centre(self, code: str) -> tuple[float, float] | None:
        """The commune's centre; an arrondissement without its own has its city's."""
        return self.centres.get(code) or self.centres.get(city_of(code) or "")


def fix_places(record: dict[str, Any], known: Known) -> list[Told]:
    """Map or drop, in ``record``, each code the geography does not know; say what was done."""
    said: list[Told] = []
    insee = record.get("code_insee")
    if insee and insee not in known.communes:
        now = known.current(insee)
        record["code_insee"] = now
        if now:
            said.append(_former("code_insee", insee, now, known))
        else:
            said.append(
                told(
                    N_(
                        "code_insee\u00a0: «\u00a0{code}\u00a0» n’est pas une commune connue,"
                        " code retiré"
                    ),
                    code=insee,
                )
            )
    zones = record.get("zone_eligibilite")
    if zones:
        kept: list[str] = []
        for code in map(str, zones):
            now = code if known.zone_ok(code) else known.current(code)
            if now:
                kept.append(now)
            if now and now != code:
                said.append(_former("zone_eligibilite", code, now, known))
            elif not now:
                said.append(
                    told(
                        N_("zone_eligibilite\u00a0: code «\u00a0{code}\u00a0» inconnu, retiré"),
                        code=code,
                    )
                )
        record["zone_eligibilite"] = list(dict.fromkeys(kept)) or None
    return said


def _former(name: str, code: str, now: str, known: Known) -> Told:
    return told(
        N_(
            "{field}\u00a0: «\u00a0{code}\u00a0» est une ancienne commune, remplacée par"
            " «\u00a0{now}\u00a0» ({name})"
        ),
        field=name,
        code=code,
        now=now,
        name=known.communes[now],
    )


def readable_point(record: dict[str, Any]) -> list[Told]:
    """Before the schema: ``latitude`` and ``longitude`` made numbers (``45,76`` too) in
    their range, both or neither; else both dropped, and said."""
    typed = {key: record.get(key) for key in _COORDINATES}
    given = [key for key, value in typed.items() if value not in (None, "")]
    if not given:
        record.update({key: None for key in _COORDINATES if key in record})
        return []
    if len(given) == 1:
        record.update(dict.fromkeys(_COORDINATES, None))
        return [
            told(
                N_(
                    "latitude et longitude\u00a0: à donner ensemble, ou aucune des deux\u202f;"
                    " coordonnées retirées (centre de la commune)"
                )
            )
        ]
    values = {key: _number(typed[key]) for key in _COORDINATES}
    for key in _COORDINATES:
        value, limit = values[key], _LIMITS[key]
        if value is None or not -limit <= value <= limit:
            record.update(dict.fromkeys(_COORDINATES, None))
            return [
                told(
                    N_(
                        "{field}\u00a0: «\u00a0{value}\u00a0» n’est pas un nombre entre -{limit}"
                        " et {limit}\u202f; coordonnées retirées (centre de la commune)"
                    ),
                    field=key,
                    value=str(typed[key]),
                    limit=limit,
                )
            ]
    record.update(values)
    return []


def near_its_commune(record: dict[str, Any], known: Known, commune: str | None) -> list[Told]:
    """After the schema and :func:`fix_places`: coordinates farther than
    :data:`FARTHEST_FROM_CENTRE_KM` from the centre of ``commune`` (the record's, or its
    structure's) are dropped, and said."""
    latitude, longitude = record.get("latitude"), record.get("longitude")
    centre = known.centre(commune) if commune else None
    if latitude is None or longitude is None or centre is None:
        return []
    away = distance_km((latitude, longitude), centre)
    if away <= FARTHEST_FROM_CENTRE_KM:
        return []
    record.update(dict.fromkeys(_COORDINATES, None))
    assert commune is not None
    return [
        told(
            N_(
                "latitude et longitude\u00a0: à {km}\u00a0km de {commune}, latitude et"
                " longitude inversées\u202f? Coordonnées retirées (centre de la commune)"
            ),
            km=float(round(away)),
            commune=known.communes.get(commune)
            or known.communes.get(city_of(commune) or "", commune),
        )
    ]


def _number(value: Any) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        number = float(value)
    else:
        try:
            number = float(str(value).strip().replace(",", "."))
        except ValueError:
            return None
    return number if math.isfinite(number) else None
