"""Directory search: as one types, accent- and case-insensitive, on prefixes, tolerant of a
typo; filtered by the commune served, theme, public and age, mode, cost, type and opening
hours; ranked for the visitor.

The text is matched through the full-text index (:mod:`app.directory.search_index`).

The visitor's fit, best first: first out of the way, a service meant for a narrower public
the visitor does not (or may not) belong to, read in its conditions (a fund for temp workers,
an employees' permanence: :mod:`app.directory.conditions`) or meant for another age; then
the themes the service covers, whether it is meant for the visitor's public or age (rather
than for everyone), how near it serves and where it stands (the same commune, EPCI,
département; a city and its arrondissements are one commune), then how far its place is
from the visitor's commune, in bands (under 2, 5, 10, 15, 20, 30, 45, 60, 80, 120 km, then
farther): its own coordinates, or failing them its commune's centre, to the centre of the
visitor's commune. A place of unknown distance ranks as one of its kind would (in the
visitor's EPCI: 10 to 15 km; in the département: 45 to 60 km; elsewhere: after every known
one), never first for nothing.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from app.directory.conditions import register, unmet
from app.directory.search_index import _FTS, _marks, _params, match_expression
from app.directory.zones import COMMUNE, DEPARTEMENT, EPCI, NATIONAL, mapped, zone_codes
from app.geography import commune_centre
from core import hours
from core.directory import STALE_AFTER
from core.places import same_commune
from db.models import Commune, Favourite, NomenclatureMapping, Service, Structure

_MAX_CANDIDATES = 400
# How many of the best text matches the visitor's filters and fit are applied to first.
_POOL = 300
_ALL = 1 << 62  # a pool past the last match: every match
# Publics of services meant for disabled people (with a job or looking for one): proposed to
# a visitor only when the visit is about disability and work.
DISABILITY = "personnes-en-situation-de-handicap"
_DISABILITY_ALONE_WITH = (DISABILITY, "actifs", "demandeurs-emploi")
DISABILITY_THEMES = frozenset({"handicap-emploi"})
# Distance bands, in km: a place under 2 km before one under 5, … (squared in the SQL).
DISTANCE_BANDS = (2, 5, 10, 15, 20, 30, 45, 60, 80, 120)
# The band of a place of unknown distance, by where it stands (see the module docstring).
_UNKNOWN_IN_EPCI, _UNKNOWN_IN_DEPARTEMENT = DISTANCE_BANDS.index(15), DISTANCE_BANDS.index(60)
KM_PER_DEGREE = 111.195  # of latitude, on a sphere of 6,371 km


@dataclass
class SearchQuery:
    """What the agent asks; every filter is optional."""

    text: str = ""
    commune: str | None = None
    themes: list[str] = field(default_factory=list)  # the desk's theme codes
    public: str | None = None  # the desk's public code
    age: str | None = None  # the desk's age band
    # Proposed to a visitor (F4): no service only professionals can call on, and no
    # disability service unless the visit's themes call for one (or the agent types).
    for_visitor: bool = False
    mode: str | None = None  # "en-presentiel" or "a-distance"
    free: bool = False
    type: str | None = None
    open_at: datetime | None = None  # only what is open then
    favourites: bool = False
    limit: int = 30


@dataclass(frozen=True, slots=True)
class SearchHit:
    service_id: str
    service_name: str
    structure_name: str
    commune: str
    telephone: str
    horaires: str
    date_maj: date | None
    is_local: bool
    favourite: bool
    themes_matched: int
    public_fits: bool
    nearness: int
    open_now: bool | None
    stale: bool
    # From the visitor's commune to the place (its coordinates or its commune's centre).
    distance_km: float | None = None


# --- searching -------------------------------------------------------------------------


def search(session: Session, query: SearchQuery, *, now: datetime | None = None) -> list[SearchHit]:
    """Services for the query, best first; see the module docstring."""
    params: dict[str, Any] = {}
    where = ["s.retired_at IS NULL"]
    joins = ""
    relevance = "0"
    if query.text.strip():
        expression = match_expression(session, query.text)
        if expression is None:
            return []
        if expression:
            params["match"] = expression
            # The best matches by text first (cheap), then the visitor's fit among them;
            # coarse buckets, so that the fit can order hits of similar relevance. The pool
            # holds whole buckets: it never keeps one of two matches the ranking holds equal
            # (405 « Médiation numérique » of a region: the visitor's town's are not cut).
            score = f"bm25({_FTS}, 0.0, 6.0, 1.0)"
            joins = (
                f" JOIN (SELECT service_id, score FROM (SELECT service_id, {score} AS score"
                f" FROM {_FTS} WHERE {_FTS} MATCH :match) WHERE CAST(score * 2 AS INTEGER) <="
                f" COALESCE((SELECT CAST({score} * 2 AS INTEGER) FROM {_FTS}"
                f" WHERE {_FTS} MATCH :match ORDER BY {score} LIMIT 1 OFFSET :pool - 1), 0)) f"
                " ON f.service_id = s.id"
            )
            relevance = "CAST(f.score * 2 AS INTEGER)"
    theme_hits, thematique_hits = _theme_hits(session, query.themes, params)
    if theme_hits != "0":
        where.append(f"{theme_hits} > 0")
    public_fit = _public_fit(session, query, params)
    # Meant for a narrower public, or for another age: below every service that fits.
    narrower = unmet(query.public, params, query.age)
    mismatch = f"CASE WHEN {public_fit} = 1 THEN 2 ELSE 0 END"
    if public_fit != "1":
        where.append(f"{public_fit} > 0")
    if query.for_visitor:
        where.append(_callable_by_visitors())
        if not query.text.strip() and not DISABILITY_THEMES & set(query.themes):
            where.append(_not_for_disability_alone(params))
    nearness, served, place = _nearness(session, query.commune, params)
    distance, band = _distance(session, query.commune, place, params) if served else ("NULL", "")
    if served:
        where.append(f"{served} >= 0")
    if query.mode:
        params["mode"] = query.mode
        where.append(
            "EXISTS (SELECT 1 FROM service_mode sm WHERE sm.service_id = s.id"
            " AND sm.kind = 'accueil' AND sm.code = :mode)"
        )
    if query.free:
        where.append("s.frais = 'gratuit'")
    if query.type:
        params["type"] = query.type
        where.append("s.type = :type")
    if query.favourites:
        where.append("EXISTS (SELECT 1 FROM favourite fv WHERE fv.service_id = s.id)")
    fetch = query.limit if query.open_at is None else max(query.limit * 4, _MAX_CANDIDATES)
    params["fetch"] = min(fetch, _MAX_CANDIDATES)
    if served:
        # The service's own place: a visitor goes there.
        joins += (
            " LEFT JOIN structure so ON so.id = s.structure_id"
            " LEFT JOIN commune pc ON pc.insee = COALESCE(s.code_insee, so.code_insee)"
        )
    distance_sort = f" {band}," if band else ""
    sql = (
        f"SELECT s.id, {relevance} AS relevance, {theme_hits} AS themes, {public_fit} AS fits,"
        f" {nearness} AS nearness, {distance} AS distance"
        f" FROM service s{joins} WHERE {' AND '.join(where)}"
        f" ORDER BY relevance,{f' max({narrower}, {mismatch}),' if public_fit != '1' else ''}"
        " themes DESC, fits DESC,"
        f"{f' {thematique_hits} DESC,' if theme_hits != '0' else ''} nearness DESC,"
        f"{distance_sort}{f' {place} DESC,' if served else ''} s.date_maj DESC, s.nom"
        " LIMIT :fetch"
    )
    register(session)
    connection = session.connection()
    if "match" not in params:
        ranked = connection.execute(text(sql), params).all()
        return _hits(session, ranked, query, now or datetime.now(hours.PARIS))
    # Names weigh most: matches in names alone, when there are enough, are the best ones and
    # far fewer to rank; then all the text; then, if the filters left too few of the best
    # matches, every match.
    expression = params["match"]
    attempts = [(f"name : ({expression})", _POOL), (expression, _POOL), (expression, _ALL)]
    if expression.startswith("name :"):
        attempts = [(expression, _POOL), (expression, _ALL)]
    ranked = []
    for match, pool in attempts:
        params.update(match=match, pool=pool)
        ranked = connection.execute(text(sql), params).all()
        if len(ranked) >= params["fetch"]:
            break
    return _hits(session, ranked, query, now or datetime.now(hours.PARIS))


def _theme_hits(session: Session, themes: list[str], params: dict[str, Any]) -> tuple[str, str]:
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


def _public_fit(session: Session, query: SearchQuery, params: dict[str, Any]) -> str:
    """3 for a service meant for the visitor's public or age, 2 for one meant for everyone
    (or that says nothing), 1 for one meant for the visitor's public at another age (the
    ``jeunes`` for a jobseeker of 50: its conditions will likely turn them away), 0 for one
    meant for others; "1" when the visitor is unknown."""
    publics = mapped(session, "public", [query.public] if query.public else [], "public")
    ages = mapped(session, "age", [query.age] if query.age else [], "public")
    if DISABILITY_THEMES & set(query.themes):
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
    if query.age and all_ages - ages:
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


def _callable_by_visitors() -> str:
    """Not a service that only professionals can call on (``mobilisable_par``)."""
    return (
        "(s.mobilisable_par IS NULL OR json_array_length(s.mobilisable_par) = 0"
        " OR EXISTS (SELECT 1 FROM json_each(s.mobilisable_par) WHERE value = 'usagers'))"
    )


def _not_for_disability_alone(params: dict[str, Any]) -> str:
    """Not a service meant for disabled people alone (with a job or looking for one)."""
    params.update(_params(_DISABILITY_ALONE_WITH, "h"))
    return (
        "NOT (EXISTS (SELECT 1 FROM service_public sp WHERE sp.service_id = s.id"
        " AND sp.code = :h0) AND NOT EXISTS (SELECT 1 FROM service_public sp"
        f" WHERE sp.service_id = s.id AND sp.code NOT IN ({_marks(_DISABILITY_ALONE_WITH, 'h')})))"
    )


def _nearness(
    session: Session, commune: str | None, params: dict[str, Any]
) -> tuple[str, str, str]:
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
    served = f"COALESCE({by_area}, {by_place})"
    same = _marks(sorted(same_commune(home.insee)), "c")
    place = (
        f"CASE WHEN pc.insee IN ({same}) THEN {COMMUNE} WHEN pc.epci = :home_epci THEN {EPCI}"
        f" WHEN pc.departement = :home_departement THEN {DEPARTEMENT} ELSE 0 END"
    )
    return f"max({served}, {place})", served, place


def _distance(
    session: Session, commune: str | None, place: str, params: dict[str, Any]
) -> tuple[str, str]:
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
    bands = " ".join(
        f"WHEN {squared} < {km * km} THEN {index}" for index, km in enumerate(DISTANCE_BANDS)
    )
    farther = len(DISTANCE_BANDS)
    unknown = (
        f"CASE {place} WHEN {COMMUNE} THEN 0 WHEN {EPCI} THEN {_UNKNOWN_IN_EPCI}"
        f" WHEN {DEPARTEMENT} THEN {_UNKNOWN_IN_DEPARTEMENT} ELSE {farther + 1} END"
    )
    band = f"(CASE WHEN {lat} IS NULL OR {lon} IS NULL THEN {unknown} {bands} ELSE {farther} END)"
    return squared, band


def _hits(
    session: Session, ranked: Sequence[Any], query: SearchQuery, now: datetime
) -> list[SearchHit]:
    ids = [row[0] for row in ranked]
    if not ids:
        return []
    columns = (
        Service.id,
        Service.nom,
        Structure.nom,
        Service.commune,
        Structure.commune,
        Service.telephone,
        Structure.telephone,
        Service.horaires_accueil,
        Structure.horaires_accueil,
        Service.date_maj,
        Service.verified_on,
        Service.is_local,
        Favourite.service_id,
        Service.code_insee,
        Structure.code_insee,
    )
    rows = {
        row[0]: row
        for row in session.execute(
            select(*columns)
            .join(Structure, Structure.id == Service.structure_id)
            .outerjoin(Favourite, Favourite.service_id == Service.id)
            .where(Service.id.in_(ids))
        )
    }
    today = now.date()
    hits = []
    for service_id, _relevance, themes, fits, nearness, distance in ranked:
        row = rows[service_id]
        (
            _id, name, structure, commune, structure_commune, phone, structure_phone,
            service_hours, structure_hours, date_maj, verified_on, is_local, favourite,
            service_code, structure_code,
        ) = row  # fmt: skip
        horaires = service_hours or structure_hours or ""
        # On the place's own clock (its INSEE code): Fort-de-France is not Paris.
        place = service_code or structure_code
        open_now = hours.open_at(horaires, query.open_at or now, commune=place)
        if query.open_at is not None and open_now is not True:
            continue
        checked = max(filter(None, (date_maj, verified_on)), default=None)
        hits.append(
            SearchHit(
                service_id=service_id,
                service_name=name,
                structure_name=structure,
                commune=commune or structure_commune or "",
                telephone=phone or structure_phone or "",
                horaires=horaires,
                date_maj=checked,
                is_local=is_local,
                favourite=favourite is not None,
                themes_matched=int(themes),
                public_fits=bool(fits),
                nearness=max(int(nearness), 0),
                open_now=open_now,
                stale=checked is None or today - checked > STALE_AFTER,
                distance_km=None if distance is None else math.sqrt(distance),
            )
        )
        if len(hits) >= query.limit:
            break
    return hits
