"""Directory search: as one types, accent- and case-insensitive, on prefixes, tolerant of a
typo; filtered by the commune served, theme, public, mode, cost, type and opening hours;
ranked for the visitor.

Text goes through SQLite FTS5 (``service_fts``: the service's name, and a body made of its
structure, description, conditions, commune and thematiques). A word the index does not
know is replaced by the indexed words within one or two edits of it ("aeronotique" finds
"aéronautique").
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import select, text
from sqlalchemy.orm import Session, selectinload

from app.directory import hours
from app.directory.zones import mapped, zone_codes
from app.geography import search_key
from db.models import Favourite, Service, Structure

STALE_AFTER = timedelta(days=183)  # records older than about six months are to be checked
_FTS = "service_fts"
_MAX_CANDIDATES = 400
# How many of the best text matches the visitor's filters and fit are applied to first.
_POOL = 300
# Raised when what the index holds changes; a desk with an older index rebuilds it.
INDEX_VERSION = 1


@dataclass
class SearchQuery:
    """What the agent asks; every filter is optional."""

    text: str = ""
    commune: str | None = None
    themes: list[str] = field(default_factory=list)  # the desk's theme codes
    public: str | None = None  # the desk's public code
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


# --- the index -------------------------------------------------------------------------


def _words(code: str) -> str:
    return code.replace("--", " ").replace("-", " ")


def _body(service: Service, structure: Structure | None) -> str:
    parts = [
        structure.nom if structure else "",
        service.description or "",
        service.conditions_acces or "",
        service.commune or (structure.commune if structure else "") or "",
        " ".join(_words(t.code) for t in service.thematiques),
        _words(service.type or ""),
        " ".join(_words(r) for r in (structure.reseaux_porteurs if structure else [])),
    ]
    return " ".join(p for p in parts if p)


def reindex(session: Session, service_ids: Iterable[str] | None = None) -> int:
    """Rebuild the search index for these services (all of them when None)."""
    query = select(Service).options(
        selectinload(Service.structure), selectinload(Service.thematiques)
    )
    connection = session.connection()
    if service_ids is None:
        connection.execute(text(f"DELETE FROM {_FTS}"))
    else:
        ids = list(service_ids)
        if not ids:
            return 0
        query = query.where(Service.id.in_(ids))
        clear_index(session, ids)
    rows = [
        {"service_id": s.id, "name": s.nom, "body": _body(s, s.structure)}
        for s in session.scalars(query)
        if s.retired_at is None
    ]
    if rows:
        connection.execute(
            text(f"INSERT INTO {_FTS} (service_id, name, body) VALUES (:service_id, :name, :body)"),
            rows,
        )
    return len(rows)


def _chunks(items: Sequence[str], size: int) -> Iterable[Sequence[str]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _marks(items: Sequence[Any], prefix: str = "p") -> str:
    return ", ".join(f":{prefix}{i}" for i in range(len(items)))


def _params(items: Sequence[Any], prefix: str = "p") -> dict[str, Any]:
    return {f"{prefix}{i}": item for i, item in enumerate(items)}


# --- typo tolerance --------------------------------------------------------------------


def _distance(a: str, b: str, limit: int) -> int:
    """Levenshtein distance, giving up (limit + 1) once it exceeds ``limit``."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        if min(current) > limit:
            return limit + 1
        previous = current
    return previous[-1]


def _known(session: Session, word: str) -> bool:
    found = session.connection().execute(
        text(f"SELECT 1 FROM {_FTS}_vocab WHERE term >= :w AND term < :end LIMIT 1"),
        {"w": word, "end": word + "\uffff"},
    )
    return found.first() is not None


def _near_words(session: Session, word: str) -> list[str]:
    """Indexed words within one edit (two for longer words) of ``word`` or of its start."""
    limit = 1 if len(word) <= 5 else 2
    stem = word[:2]
    rows = session.connection().execute(
        text(
            f"SELECT term FROM {_FTS}_vocab WHERE term >= :a AND term < :b"
            " AND length(term) >= :shortest"
        ),
        {"a": stem, "b": stem + "\uffff", "shortest": len(word) - limit},
    )
    near = []
    for (term,) in rows:
        # A word being typed is compared with the start of the indexed word.
        best = min(
            _distance(word, term[:size], limit)
            for size in range(max(1, len(word) - limit), len(word) + limit + 1)
        )
        if best <= limit:
            near.append(term)
    return near[:20]


def match_expression(session: Session, typed: str) -> str | None:
    """The FTS5 query for what was typed: every word as a prefix, unknown words replaced by
    their near spellings; None when nothing can match."""
    parts = []
    words = ["".join(c for c in w if c.isalnum()) for w in search_key(typed).split()]
    words = [w for w in words if w]
    if len(words) > 1:
        # A single letter just typed after a word adds nothing yet, and costs a full scan.
        words = [w for w in words if len(w) > 1] or words[:1]
    if len(words) == 1 and len(words[0]) <= 2:
        # Two letters match a good part of any directory: look at the names only.
        return f'name : "{words[0]}"*'
    for word in words:
        if _known(session, word):
            parts.append(f'"{word}"*')
            continue
        near = _near_words(session, word) if len(word) >= 4 else []
        if not near:
            return None
        parts.append("(" + " OR ".join(f'"{term}"' for term in near) + ")")
    return " AND ".join(parts) if parts else ""


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
            # coarse buckets, so that the fit can order hits of similar relevance.
            joins = (
                f" JOIN (SELECT service_id, bm25({_FTS}, 0.0, 6.0, 1.0) AS score FROM {_FTS}"
                f" WHERE {_FTS} MATCH :match ORDER BY score LIMIT :pool) f"
                " ON f.service_id = s.id"
            )
            relevance = "CAST(f.score * 2 AS INTEGER)"
    thematiques = sorted(mapped(session, "theme", query.themes, "thematique"))
    publics = sorted(mapped(session, "public", [query.public] if query.public else [], "public"))
    zones = zone_codes(session, query.commune) if query.commune else {}
    theme_hits = "0"
    if thematiques:
        params.update(_params(thematiques, "t"))
        theme_hits = (
            "(SELECT count(*) FROM service_thematique st WHERE st.service_id = s.id"
            f" AND st.code IN ({_marks(thematiques, 't')}))"
        )
        where.append(f"{theme_hits} > 0")
    public_fit = "1"
    if publics:
        wanted = [*publics, "tous-publics"]
        params.update(_params(wanted, "u"))
        public_fit = (
            "(NOT EXISTS (SELECT 1 FROM service_public sp WHERE sp.service_id = s.id)"
            " OR EXISTS (SELECT 1 FROM service_public sp WHERE sp.service_id = s.id"
            f" AND sp.code IN ({_marks(wanted, 'u')})))"
        )
        where.append(public_fit)
    nearness = "0"
    if zones:
        codes = sorted(zones)
        params.update(_params(codes, "z"))
        cases = " ".join(f"WHEN :z{i} THEN {zones[c]}" for i, c in enumerate(codes))
        nearness = (
            f"COALESCE((SELECT max(CASE sz.code {cases} ELSE -1 END) FROM service_zone sz"
            " WHERE sz.service_id = s.id), 0)"
        )
        # No area given: nothing says the service does not serve the visitor.
        where.append(f"{nearness} >= 0")
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
    sql = (
        f"SELECT s.id, {relevance} AS relevance, {theme_hits} AS themes, {public_fit} AS fits,"
        f" {nearness} AS nearness FROM service s{joins} WHERE {' AND '.join(where)}"
        " ORDER BY relevance, themes DESC, fits DESC, nearness DESC, s.date_maj DESC, s.nom"
        " LIMIT :fetch"
    )
    connection = session.connection()
    if not joins:
        ranked = connection.execute(text(sql), params).all()
        return _hits(session, ranked, query, now or datetime.now(hours.PARIS))
    # Names weigh most: matches in names alone, when there are enough, are the best ones and
    # far fewer to rank; then all the text; then, if the filters left too few of the best
    # matches, every match.
    expression = params["match"]
    attempts = [(f"name : ({expression})", _POOL), (expression, _POOL), (expression, -1)]
    if expression.startswith("name :"):
        attempts = [(expression, _POOL), (expression, -1)]
    ranked = []
    for match, pool in attempts:
        params.update(match=match, pool=pool)
        ranked = connection.execute(text(sql), params).all()
        if len(ranked) >= params["fetch"]:
            break
    return _hits(session, ranked, query, now or datetime.now(hours.PARIS))


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
    for service_id, _relevance, themes, fits, nearness in ranked:
        row = rows[service_id]
        name, structure, commune, structure_commune, phone, structure_phone = row[1:7]
        service_hours, structure_hours, date_maj, verified_on, is_local, favourite = row[7:]
        horaires = service_hours or structure_hours or ""
        # On the place's own clock: Fort-de-France is not Paris.
        place = commune or structure_commune
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
            )
        )
        if len(hits) >= query.limit:
            break
    return hits


def clear_index(session: Session, service_ids: Iterable[str]) -> None:
    ids = list(service_ids)
    for chunk in _chunks(ids, 500):
        session.connection().execute(
            text(f"DELETE FROM {_FTS} WHERE service_id IN ({_marks(chunk)})"), _params(chunk)
        )
