"""The SQL of the visitor's fit in a directory search (:mod:`app.directory.search`): the
themes a service covers, whether it is meant for the visitor's public or age, whether and
how near it serves the visitor's commune, and how far its place is, in bands.

Each function returns SQL expressions on the service ``s`` (and, for the place, its
structure ``so`` and the commune ``pc`` it stands in), adding their parameters to ``params``.
"""

from __future__ import annotations

import math
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.directory.search_index import _marks, _params
from app.directory.zones import COMMUNE, DEPARTEMENT, EPCI, NATIONAL, mapped, zone_codes
from app.geography import commune_centre
from core.places import same_commune
from db.models import Commune, NomenclatureMapping

# Publics of services meant for disabled people (with a job or looking for one): proposed to
# a visitor only when the visit is about disability and work.
DISABILITY = "personnes-en-situation-de-handicap"
_DISABILITY_ALONE_WITH = (DISABILITY, "actifs", "demandeurs-emploi")
DISABILITY_THEMES = frozenset({"handicap-emploi"})
# Distance bands, in km: a place under 2 km before one under 5, … (squared in the SQL).
DISTANCE_BANDS = (2, 5, 10, 15, 20, 30, 45, 60, 80, 120)
# The band of a place of unknown distance, by where it stands (see app.directory.search).
_UNKNOWN_IN_EPCI, _UNKNOWN_IN_DEPARTEMENT = DISTANCE_BANDS.index(15), DISTANCE_BANDS.index(60)
KM_PER_DEGREE = 111.195  # of latitude, on a sphere of 6,371 km


def theme_hits(session: Session, themes: list[str], params: dict[str, Any]) -> tuple[str, str]:
    """How many of the visit's themes a service covers, and how many of their thematiques.
    A visit about disability and work is covered by services meant for disabled people."""
    covered, thematiques = [], set()
    for index, theme in enumerate(sorted(set(themes))):
        codes = sorted(mapped(session, "theme", [theme], "thematique"))
        thematiques.update(codes)
        tests = []
        if codes:
            params.update(_params(codes, f"t{index}_"))
            tests.append(
                "EXISTS (SELECT 1 FROM service_thematique st WHERE st.service_id = s.id"
                f" AND st.code IN ({_marks(codes, f't{index}_')}))"
            )
        if theme in DISABILITY_THEMES:
            params["disability"] = DISABILITY
            tests.append(
                "EXISTS (SELECT 1 FROM service_public sp WHERE sp.service_id = s.id"
                " AND sp.code = :disability)"
            )
        if tests:
            covered.append(f"({' OR '.join(tests)})")
    if not covered:
        return "0", "0"
    params.update(_params(sorted(thematiques), "tt"))
    count = (
        "(SELECT count(*) FROM service_thematique st WHERE st.service_id = s.id"
        f" AND st.code IN ({_marks(sorted(thematiques), 'tt')}))"
    )
    return "(" + " + ".join(covered) + ")", count


def public_fit(
    session: Session, public: str | None, age: str | None, themes: list[str], params: dict[str, Any]
) -> str:
    """3 for a service meant for the visitor's public or age, 2 for one meant for everyone
    (or that says nothing), 1 for one meant for the visitor's public at another age (the
    ``jeunes`` for a jobseeker of 50: its conditions will likely turn them away), 0 for one
    meant for others; "1" when the visitor is unknown."""
    publics = mapped(session, "public", [public] if public else [], "public")
    ages = mapped(session, "age", [age] if age else [], "public")
    if DISABILITY_THEMES & set(themes):
        publics.add(DISABILITY)
    if not publics | ages:
        return "1"
    wanted = sorted(publics | ages)
    params.update(_params(wanted, "u"))
    fits = (
        "EXISTS (SELECT 1 FROM service_public sp WHERE sp.service_id = s.id"
        f" AND sp.code IN ({_marks(wanted, 'u')}))"
    )
    other_age = "0"
    all_ages = set(
        session.scalars(
            select(NomenclatureMapping.value).where(
                NomenclatureMapping.list_name == "age", NomenclatureMapping.target == "public"
            )
        )
    )
    if age and all_ages - ages:
        others = sorted(all_ages - ages)
        params.update(_params(others, "a"))
        other_age = (
            "EXISTS (SELECT 1 FROM service_public sp WHERE sp.service_id = s.id"
            f" AND sp.code IN ({_marks(others, 'a')}))"
        )
        if ages:
            params.update(_params(sorted(ages), "v"))
            other_age += (
                " AND NOT EXISTS (SELECT 1 FROM service_public sp WHERE sp.service_id = s.id"
                f" AND sp.code IN ({_marks(sorted(ages), 'v')}))"
            )
    return (
        f"(CASE WHEN {fits} AND NOT ({other_age}) THEN 3"
        " WHEN NOT EXISTS (SELECT 1 FROM service_public sp WHERE sp.service_id = s.id"
        f" AND sp.code != 'tous-publics') THEN 2 WHEN {fits} THEN 1 ELSE 0 END)"
    )


def callable_by_visitors() -> str:
    """Not a service that only professionals can call on (``mobilisable_par``)."""
    return (
        "(s.mobilisable_par IS NULL OR json_array_length(s.mobilisable_par) = 0"
        " OR EXISTS (SELECT 1 FROM json_each(s.mobilisable_par) WHERE value = 'usagers'))"
    )


def not_for_disability_alone(params: dict[str, Any]) -> str:
    """Not a service meant for disabled people alone (with a job or looking for one)."""
    params.update(_params(_DISABILITY_ALONE_WITH, "h"))
    return (
        "NOT (EXISTS (SELECT 1 FROM service_public sp WHERE sp.service_id = s.id"
        " AND sp.code = :h0) AND NOT EXISTS (SELECT 1 FROM service_public sp"
        f" WHERE sp.service_id = s.id AND sp.code NOT IN ({_marks(_DISABILITY_ALONE_WITH, 'h')})))"
    )


def nearness(session: Session, commune: str | None, params: dict[str, Any]) -> tuple[str, str, str]:
    """How near a service is to the visitor's commune, whether it serves it at all (empty
    when no commune is given; below 0, it does not), and how near its own place is.

    Served: by its area (``zone_eligibilite``); without a readable one, by its own
    département. Near: the nearer of its area and its own place (``pc``, its commune)."""
    zones = zone_codes(session, commune) if commune else {}
    if not zones:
        return "0", "", "0"
    home = session.get(Commune, commune)
    assert home is not None
    codes = sorted(zones)
    params.update(_params(codes, "z"))
    same = _marks(sorted(same_commune(home.insee)), "c")
    params.update(_params(sorted(same_commune(home.insee)), "c"))
    params.update(home_departement=home.departement, home_epci=home.epci or "")
    national = ", ".join(f"'{code}'" for code in NATIONAL)
    cases = " ".join(f"WHEN :z{i} THEN {zones[c]}" for i, c in enumerate(codes))
    readable = (
        f"(sz.code IN ({national}) OR EXISTS (SELECT 1 FROM commune c WHERE c.insee = sz.code)"
        " OR EXISTS (SELECT 1 FROM epci e WHERE e.code = sz.code)"
        " OR EXISTS (SELECT 1 FROM departement d WHERE d.code = sz.code))"
    )
    # max() of the area's readable codes: NULL when it has none.
    by_area = (
        f"(SELECT max(CASE sz.code {cases} ELSE CASE WHEN {readable} THEN -1 END END)"
        " FROM service_zone sz WHERE sz.service_id = s.id)"
    )
    by_place = f"CASE WHEN pc.departement = :home_departement THEN {DEPARTEMENT} ELSE -1 END"
    # A mobile service serves the communes it stops in, and their EPCI (a stop to come).
    by_stop = (
        f"(SELECT max(CASE WHEN st.code_insee IN ({same})"
        f" THEN {COMMUNE} WHEN stc.epci = :home_epci THEN {EPCI} ELSE -1 END)"
        " FROM service_stop st LEFT JOIN commune stc ON stc.insee = st.code_insee"
        " WHERE st.service_id = s.id AND st.retired_at IS NULL"
        " AND (st.ends_on IS NULL OR st.ends_on >= :stop_day))"
    )
    params.setdefault("stop_day", date.today().isoformat())
    served = f"max(COALESCE({by_area}, {by_place}), COALESCE({by_stop}, -1))"
    place = (
        f"CASE WHEN pc.insee IN ({same}) THEN {COMMUNE} WHEN pc.epci = :home_epci THEN {EPCI}"
        f" WHEN pc.departement = :home_departement THEN {DEPARTEMENT} ELSE 0 END"
    )
    return f"max({served}, {place})", served, place


def distance(session: Session, commune: str | None, params: dict[str, Any]) -> tuple[str, str]:
    """The squared distance in km² from the visitor's commune's centre to the service's place
    (NULL when either is unknown), and its band for the ranking (see the module docstring).

    The place: the service's coordinates; for a service without its own commune, its
    structure's; else the centre of its commune (``pc``). Over a few hundred km the flat
    approximation (longitudes shrunk by the cosine of the visitor's latitude) is within a
    few per cent of the great circle: enough to rank and to say « à 12 km »."""
    centre = commune_centre(session, commune) if commune else None
    if centre is None:
        return "NULL", ""
    params.update(
        visitor_lat=centre[0],
        visitor_lon=centre[1],
        km_lat=KM_PER_DEGREE,
        km_lon=KM_PER_DEGREE * math.cos(math.radians(centre[0])),
    )
    own = "s.latitude IS NOT NULL AND s.longitude IS NOT NULL"
    structure = "s.code_insee IS NULL AND so.latitude IS NOT NULL AND so.longitude IS NOT NULL"
    lat = (
        f"(CASE WHEN {own} THEN s.latitude WHEN {structure} THEN so.latitude ELSE pc.latitude END)"
    )
    lon = (
        f"(CASE WHEN {own} THEN s.longitude WHEN {structure} THEN so.longitude"
        " ELSE pc.longitude END)"
    )
    dy = f"(({lat} - :visitor_lat) * :km_lat)"
    dx = f"(({lon} - :visitor_lon) * :km_lon)"
    squared = f"({dy} * {dy} + {dx} * {dx})"
    # Over the query's result columns ``distance`` (``squared``) and ``near_place``, so that
    # each is written once.
    bands = " ".join(
        f"WHEN distance < {km * km} THEN {index}" for index, km in enumerate(DISTANCE_BANDS)
    )
    farther = len(DISTANCE_BANDS)
    unknown = (
        f"CASE near_place WHEN {COMMUNE} THEN 0 WHEN {EPCI} THEN {_UNKNOWN_IN_EPCI}"
        f" WHEN {DEPARTEMENT} THEN {_UNKNOWN_IN_DEPARTEMENT} ELSE {farther + 1} END"
    )
    band = f"(CASE WHEN distance IS NULL THEN {unknown} {bands} ELSE {farther} END)"
    return squared, band
