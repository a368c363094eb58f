"""Where the desk receives today: at its site, or away (the bus in a village, a forum
stand, a permanence in a town hall) in a commune and, maybe, at an event of the region.
Set in one step from the status bar, for the day only: tomorrow the desk is back at its
site without anyone having to say so. Each contact saved stores it (``place``, ``event``)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

from core.errors import DeskError

if TYPE_CHECKING:  # the window reads a Reception before the desk (and SQLAlchemy) loads
    from sqlalchemy.orm import Session

    from app.settings import Settings

# What the channel becomes away from the site.
AWAY_CHANNEL = "hors-les-murs"


@dataclass(frozen=True, slots=True)
class Reception:
    place: str | None = None  # an INSEE code; None: at the site
    event: str | None = None  # an event's id
    event_title: str = ""

    @property
    def away(self) -> bool:
        return self.place is not None or self.event is not None


@dataclass(frozen=True, slots=True)
class EventChoice:
    id: str
    title: str
    commune: str
    code_insee: str
    starts_at: datetime


def of_day(settings: Settings, day: date) -> Reception:
    """Today's place of reception as set, or the site (the event's title is read by
    :func:`titled`, from the events the desk holds)."""
    if settings.get("reception.day") != day.isoformat():
        return Reception()
    place = str(settings.get("reception.place")) or None
    event = str(settings.get("reception.event")) or None
    return Reception(place, event)


def titled(session: Session, reception: Reception) -> Reception:
    """``reception`` with its event's title, as the desk holds the event."""
    from db.models import Event

    found = session.get(Event, reception.event) if reception.event else None
    return replace(reception, event_title=found.title) if found is not None else reception


def events_of(session: Session, day: date) -> list[EventChoice]:
    """The events running from the day before to the day after: the one the desk is at."""
    from sqlalchemy import select

    from db.models import Event

    start = datetime.combine(day - timedelta(days=1), datetime.min.time())
    rows = session.scalars(
        select(Event)
        .where(
            Event.retired_at.is_(None),
            Event.ends_at >= start,
            Event.starts_at < start + timedelta(days=3),
        )
        .order_by(Event.starts_at, Event.title)
    )
    return [EventChoice(e.id, e.title, e.commune, e.code_insee, e.starts_at) for e in rows]


def set_for_day(
    session: Session,
    settings: Settings,
    check_commune: Callable[[str], str],
    day: date,
    place: str | None,
    event: str | None,
) -> Reception:
    """Receive away today (``place`` and/or ``event``), or back at the site (both None)."""
    from db.models import Event

    place = (place or "").strip().upper() or None
    title = ""
    if event:
        found = session.get(Event, event)
        if found is None or found.retired_at is not None:
            raise DeskError("unknown_event")
        title = found.title
        place = place or found.code_insee
    if place is not None:
        place = check_commune(place)
        if not place[:1].isdigit():  # « hors région », « non précisé »: no place to be
            raise DeskError("unknown_commune_name", field="commune", code=place)
    values = {
        "reception.day": day.isoformat() if place or event else "",
        "reception.place": place or "",
        "reception.event": event or "",
    }
    for key, value in values.items():
        settings.write(session, key, value)
    return Reception(place, event or None, title)
