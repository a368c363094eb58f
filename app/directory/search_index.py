"""The directory's full-text index and the reading of what is typed into it.

Text goes through SQLite FTS5 (``service_fts``: the service's name, and a body made of its
structure, description, conditions, commune, thematiques and publics). A word the index does
not know is replaced by the indexed words within one or two edits of it ("aeronotique" finds
"aéronautique"); a few words agents use stand for the directories' own ("apprendre le
français" finds the FLE courses and ``maitriser-le-francais``).

Searching with it, filtered and ranked for the visitor: :mod:`app.directory.search`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import select, text
from sqlalchemy.orm import Session, selectinload

from core.places import search_key
from db.models import Service, Structure

_FTS = "service_fts"
# Raised when what the index holds changes; a desk with an older index rebuilds it.
INDEX_VERSION = 2
# Words agents type, each group standing for the same thing in the directories' words.
SYNONYMS: tuple[tuple[str, ...], ...] = (
    (
        "apprendre le francais",
        "apprendre francais",
        "cours de francais",
        "fle",
        "francais langue etrangere",
        "maitriser le francais",
    ),
    ("apprentissage", "alternance", "apprenti", "contrat de professionnalisation"),
    ("refugie", "refugies", "exile", "exiles", "exilee", "demandeur d asile", "migrant"),
    ("rqth", "handicap"),
    ("curriculum vitae", "cv"),
    ("validation des acquis", "vae"),
)


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
        " ".join(_words(p.code) for p in service.publics),
        _words(service.type or ""),
        " ".join(_words(r) for r in (structure.reseaux_porteurs if structure else [])),
    ]
    return " ".join(p for p in parts if p)


def reindex(session: Session, service_ids: Iterable[str] | None = None) -> int:
    """Rebuild the search index for these services (all of them when None)."""
    query = select(Service).options(
        selectinload(Service.structure),
        selectinload(Service.thematiques),
        selectinload(Service.publics),
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


def _with_synonyms(words: list[str]) -> list[str | tuple[str, ...]]:
    """The typed words, where a phrase of :data:`SYNONYMS` stands, its whole group."""
    found: list[str | tuple[str, ...]] = []
    position = 0
    while position < len(words):
        best: tuple[int, tuple[str, ...]] | None = None
        for group in SYNONYMS:
            for phrase in group:
                size = len(phrase.split())
                if words[position : position + size] == phrase.split() and (
                    best is None or size > best[0]
                ):
                    best = (size, group)
        if best is None:
            found.append(words[position])
            position += 1
        else:
            found.append(best[1])
            position += best[0]
    return found


def _phrase(phrase: str) -> str:
    # Short words whole ("fle" is no "flexible"); a single letter ("d'asile") says nothing.
    words = [w for w in phrase.split() if len(w) > 1]
    return "(" + " AND ".join(f'"{w}"' if len(w) <= 3 else f'"{w}"*' for w in words) + ")"


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
    for item in _with_synonyms(words):
        if isinstance(item, tuple):
            parts.append("(" + " OR ".join(_phrase(phrase) for phrase in item) + ")")
            continue
        word = item
        if _known(session, word):
            parts.append(f'"{word}"*')
            continue
        near = _near_words(session, word) if len(word) >= 4 else []
        if not near:
            return None
        parts.append("(" + " OR ".join(f'"{term}"' for term in near) + ")")
    return " AND ".join(parts) if parts else ""


def clear_index(session: Session, service_ids: Iterable[str]) -> None:
    ids = list(service_ids)
    for chunk in _chunks(ids, 500):
        session.connection().execute(
            text(f"DELETE FROM {_FTS} WHERE service_id IN ({_marks(chunk)})"), _params(chunk)
        )
