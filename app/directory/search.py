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

from sqlalchemy import Connection, select, text
from sqlalchemy.orm import Session

from app.directory import stops, timed
from app.directory.conditions import register, unmet
from app.directory.search_fit import (
    DISABILITY_THEMES,
    DISTANCE_BANDS,
    callable_by_visitors,
    distance,
    nearness,
    not_for_disability_alone,
    public_fit,
    theme_hits,
)
from app.directory.search_index import _FTS, match_expression
from app.directory.stops import StopView
from core import hours, notices
from core.directory import STALE_AFTER
from db.models import Favourite, Service, Structure

__all__ = ["DISTANCE_BANDS", "SearchHit", "SearchQuery", "search"]

_MAX_CANDIDATES = 400
# How many of the best text matches the visitor's filters and fit are applied to first.
_POOL = 300
_ALL = 1 << 62  # a pool past the last match: every match
# The text's matches, scored once: the pool below is cut from them.
_SCORE = f"bm25({_FTS}, 0.0, 6.0, 1.0)"
_MATCHES = (
    f"WITH matched AS MATERIALIZED (SELECT service_id, {_SCORE} AS score FROM {_FTS}"
    f" WHERE {_FTS} MATCH :match) "
)
# The best matches by text first (cheap), then the visitor's fit among them; coarse buckets,
# so that the fit can order hits of similar relevance. The pool holds whole buckets: it never
# keeps one of two matches the ranking holds equal (405 « Médiation numérique » of a region:
# the visitor's town's are not cut).
_POOL_JOIN = (
    " JOIN (SELECT service_id, score FROM matched WHERE CAST(score * 2 AS INTEGER) <="
    " COALESCE((SELECT CAST(score * 2 AS INTEGER) FROM matched ORDER BY score LIMIT 1"
    " OFFSET :pool - 1), 0)) f ON f.service_id = s.id"
)
# The service's own place: a visitor goes there.
_PLACE_JOIN = (
    " LEFT JOIN structure so ON so.id = s.structure_id"
    " LEFT JOIN commune pc ON pc.insee = COALESCE(s.code_insee, so.code_insee)"
)


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
    # Closed for a while (temporary information): its last day.
    closed_until: date | None = None
    # A mobile service: its next stop near the visitor.
    next_stop: StopView | None = None


# --- searching -------------------------------------------------------------------------


def search(session: Session, query: SearchQuery, *, now: datetime | None = None) -> list[SearchHit]:
    """Services for the query, best first; see the module docstring."""
    now = now or datetime.now(hours.PARIS)
    # The stops of a mobile service still to come then serve the visitor's commune.
    params: dict[str, Any] = {"stop_day": hours.wall_clock(query.open_at or now).date().isoformat()}
    sql = _sql(session, query, params)
    if sql is None:
        return []
    register(session)
    ranked = _ranked(session.connection(), sql, params)
    return _hits(session, ranked, query, now)


def _ranked(connection: Connection, sql: str, params: dict[str, Any]) -> Sequence[Any]:
    """The ranked rows. Names weigh most: matches in names alone, when there are enough, are
    the best ones and far fewer to rank; then all the text; then, if the filters left too
    few of the best matches, every match."""
    if "match" not in params:
        return connection.execute(text(sql), params).all()
    expression = params["match"]
    attempts = [(f"name : ({expression})", _POOL), (expression, _POOL), (expression, _ALL)]
    if expression.startswith("name :"):
        attempts = [(expression, _POOL), (expression, _ALL)]
    ranked: Sequence[Any] = []
    for match, pool in attempts:
        params.update(match=match, pool=pool)
        ranked = connection.execute(text(sql), params).all()
        if len(ranked) >= params["fetch"]:
            break
    return ranked


def _sql(session: Session, query: SearchQuery, params: dict[str, Any]) -> str | None:
    """The ranking query, its parameters in ``params``; None when the text matches nothing."""
    head, joins, relevance = "", "", "0"
    if query.text.strip():
        expression = match_expression(session, query.text)
        if expression is None:
            return None
        if expression:
            params["match"] = expression
            head, joins, relevance = _MATCHES, _POOL_JOIN, "CAST(f.score * 2 AS INTEGER)"
    where = ["s.retired_at IS NULL", *_filters(query, params)]
    themes, thematiques = theme_hits(session, query.themes, params)
    if themes != "0":
        where.append(f"{themes} > 0")
    fits = public_fit(session, query.public, query.age, query.themes, params)
    if fits != "1":
        where.append(f"{fits} > 0")
    near, served, place = nearness(session, query.commune, params)
    far, band = distance(session, query.commune, params) if served else ("NULL", "")
    columns = f"{relevance} AS relevance, {themes} AS themes, {fits} AS fits"
    columns += f", {near} AS nearness, {far} AS distance"
    order = ["relevance"]
    if fits != "1":
        # Meant for a narrower public, or for another age: below every service that fits.
        narrower = unmet(query.public, params, query.age)
        order.append(f"max({narrower}, CASE WHEN fits = 1 THEN 2 ELSE 0 END)")
    order += ["themes DESC", "fits DESC"]
    if themes != "0":
        order.append(f"{thematiques} DESC")
    order.append("nearness DESC")
    if served:
        where.append(f"{served} >= 0")
        joins += _PLACE_JOIN
        columns += f", {place} AS near_place"
        order += [band, "near_place DESC"] if band else ["near_place DESC"]
    order += ["s.date_maj DESC", "s.nom"]
    fetch = query.limit if query.open_at is None else max(query.limit * 4, _MAX_CANDIDATES)
    params["fetch"] = min(fetch, _MAX_CANDIDATES)
    return (
        f"{head}SELECT s.id, {columns} FROM service s{joins} WHERE {' AND '.join(where)}"
        f" ORDER BY {', '.join(order)} LIMIT :fetch"
    )


def _filters(query: SearchQuery, params: dict[str, Any]) -> list[str]:
    """The query's plain filters: for a visitor, mode, cost, type, favourites."""
    where = []
    if query.for_visitor:
        where.append(callable_by_visitors())
        if not query.text.strip() and not DISABILITY_THEMES & set(query.themes):
            where.append(not_for_disability_alone(params))
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
    return where


# The columns a hit shows, the service's before its structure's.
_SHOWN = (
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
    Service.structure_id,
)


def _hits(
    session: Session, ranked: Sequence[Any], query: SearchQuery, now: datetime
) -> list[SearchHit]:
    ids = [row[0] for row in ranked]
    if not ids:
        return []
    rows = {
        row[0]: row
        for row in session.execute(
            select(*_SHOWN)
            .join(Structure, Structure.id == Service.structure_id)
            .outerjoin(Favourite, Favourite.service_id == Service.id)
            .where(Service.id.in_(ids))
        )
    }
    moment = query.open_at or now
    day = hours.wall_clock(moment).date()
    # Every notice still to come: closures end to end read as one (« Fermé jusqu’au »).
    told = timed.for_services(session, [(i, str(rows[i][-1])) for i in ids], day)
    moving = stops.tours(session, ids, moment, query.commune, told)
    hits = []
    for rank in ranked:
        hit = _hit(rows[rank[0]], rank, query.open_at, now, told[rank[0]], moving.get(rank[0]))
        if hit is None:
            continue
        hits.append(hit)
        if len(hits) >= query.limit:
            break
    return hits


def _hit(
    row: Any,
    rank: Any,
    open_at: datetime | None,
    now: datetime,
    told: list[notices.Notice],
    tour: stops.Tour | None,
) -> SearchHit | None:
    """A ranked service as the agent sees it; None when it is not open at ``open_at``
    (its usual hours, unless temporary information says otherwise)."""
    (
        service_id, name, structure, commune, structure_commune, phone, structure_phone,
        service_hours, structure_hours, date_maj, verified_on, is_local, favourite,
        service_code, structure_code, _structure_id,
    ) = row  # fmt: skip
    _id, _relevance, themes, fits, nearness, distance_squared = rank[:6]
    horaires = service_hours or structure_hours or ""
    # On the place's own clock (its INSEE code): Fort-de-France is not Paris.
    place = service_code or structure_code
    moment = open_at or now
    open_now = notices.open_at(horaires, told, moment, commune=place)
    if tour is not None and tour.open_now:
        open_now = True  # at one of its stops
    if open_at is not None and open_now is not True:
        return None
    checked = max(filter(None, (date_maj, verified_on)), default=None)
    return SearchHit(
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
        stale=checked is None or now.date() - checked > STALE_AFTER,
        distance_km=None if distance_squared is None else math.sqrt(distance_squared),
        next_stop=tour.stops[0] if tour else None,
        closed_until=notices.closed_until(
            told, hours.wall_clock(moment, hours.timezone_for(place)).date()
        ),
    )
