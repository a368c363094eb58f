"""The region's events on the desk (pulled from the hub): « À venir », by date, by
territory (a département) and by the visit's theme, soonest first. An event is listed
until it ends."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.directory.zones import mapped
from core.events import Event as EventRecord
from db.models import Commune, Departement, Event

MAX_SHOWN = 200


@dataclass(frozen=True, slots=True)
class EventQuery:
    now: datetime  # on the desk's clock (naive)
    days: int | None = 30  # starting within that many days; None: all to come
    departement: str | None = None
    theme: str | None = None  # a desk theme code
    limit: int = MAX_SHOWN


@dataclass(frozen=True, slots=True)
class EventLine:
    event: EventRecord
    departement: str  # its code, "" when the commune is unknown here
    departement_name: str = ""


def _covers(event_codes: list[str], wanted: set[str]) -> bool:
    """An event's themes meet the wanted data·inclusion codes: the same, or one the
    category of the other (``choisir-un-metier`` and ``choisir-un-metier--…``)."""
    for code in event_codes:
        for other in wanted:
            if code == other or other.startswith(code + "--") or code.startswith(other + "--"):
                return True
    return False


def as_record(row: Event) -> EventRecord:
    return EventRecord(
        id=row.id, title=row.title, starts_at=row.starts_at, ends_at=row.ends_at,
        code_insee=row.code_insee, commune=row.commune, adresse=row.adresse,
        organisateur=row.organisateur, lien=row.lien, description=row.description,
        publics=list(row.publics or []), thematiques=list(row.thematiques or []),
    )  # fmt: skip


def upcoming(session: Session, query: EventQuery) -> list[EventLine]:
    """The events not over at ``query.now`` that start within its days, in its territory
    and, given a theme, about it; soonest first."""
    now = query.now.replace(tzinfo=None)
    where = [Event.retired_at.is_(None), Event.ends_at > now]
    if query.days is not None:
        where.append(Event.starts_at < now + timedelta(days=query.days))
    rows = session.execute(
        select(Event, Commune.departement, Departement.name)
        .outerjoin(Commune, Commune.insee == Event.code_insee)
        .outerjoin(Departement, Departement.code == Commune.departement)
        .where(*where)
        .order_by(Event.starts_at, Event.title)
    ).all()
    wanted = mapped(session, "theme", [query.theme], "thematique") if query.theme else set()
    lines = []
    for row, departement, name in rows:
        if query.departement and departement != query.departement:
            continue
        if query.theme and not _covers(list(row.thematiques or []), wanted):
            continue
        lines.append(EventLine(as_record(row), departement or "", name or ""))
        if len(lines) >= query.limit:
            break
    return lines


def one(session: Session, event_id: str) -> EventRecord | None:
    row = session.get(Event, event_id)
    return None if row is None or row.retired_at is not None else as_record(row)
