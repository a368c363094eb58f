"""The stops of a mobile service (the SPRO bus touring mountain villages), set by a
coordinator on the service's page, one per line: ``code INSEE ; place ; hours`` (OSM
``opening_hours``, usually dates: ``06023 ; place de la Mairie ; 2027 Mar 12
09:00-12:00``). Each is published to the desks (kind ``stop``) with its last day, so that
a desk stops counting a village the bus will not come back to."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

import opening_hours
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from core import hours, notices
from core.events import when_words
from core.i18n import gettext
from core.wire_timed import StopWire
from hub.directory import Published, lock, publish, tombstone
from hub.models import DirectoryEntry
from hub.places import places
from hub.service import HubError, now
from hub.time_models import ServiceStop

SOURCE = "console"
MAX_LINES = 200
HORIZON = timedelta(days=400)  # a stop still open after that goes on: no last day


def record_id(stop_id: int) -> str:
    return f"stop-{stop_id}"


@dataclass(frozen=True, slots=True)
class Line:
    id: int
    commune: str
    adresse: str
    hours: str
    next_open: datetime | None
    next_words: str  # « jeudi 12 mars 2027, 9 h–12 h »


def _last_day(value: str, code: str, today: date) -> date | bool | None:
    """The stop's last opening within the horizon; None when it goes on past it; False
    when it never opens from today."""
    evaluator = hours.evaluator(
        hours.reading(value).text or "", hours.school_zone_for(code), hours.timezone_for(code).key
    )
    start = datetime.combine(today, datetime.min.time(), hours.timezone_for(code))
    last = None
    for _a, b, state, _comment in evaluator.intervals(start, start + HORIZON):
        if state == opening_hours.State.OPEN:
            last = (b - timedelta(microseconds=1)).date()
            if b >= start + HORIZON:
                return None
    return last if last is not None else False


def read_lines(text: str, today: date) -> list[StopWire]:
    """The typed lines as stops (``service_id`` left empty), or a HubError naming each
    bad line; nothing is kept of a text with one."""
    stops, bad = [], []
    lines = [ln for ln in text.splitlines() if ln.strip()]
    if len(lines) > MAX_LINES:
        raise HubError("malformed", gettext("{n} arrêts au plus").format(n=MAX_LINES))
    for number, line in enumerate(lines, start=1):
        parts = [p.strip() for p in line.split(";")]
        if len(parts) != 3:
            bad.append(
                gettext(
                    "ligne {n}\u00a0: trois parties attendues (code INSEE, lieu, horaires),"
                    " séparées par des points-virgules"
                ).format(n=number)
            )
            continue
        code, place, value = parts[0].upper(), " ".join(parts[1].split()), parts[2]
        commune = places().names.get(code) if code in places().population else None
        if commune is None:
            bad.append(
                gettext("ligne {n}\u00a0: commune inconnue ({code})").format(n=number, code=code)
            )
            continue
        if not value or not hours.is_valid(value):
            bad.append(gettext("ligne {n}\u00a0: horaires illisibles").format(n=number))
            continue
        last = _last_day(value, code, today)
        if last is False:
            bad.append(gettext("ligne {n}\u00a0: aucune date à venir").format(n=number))
            continue
        try:
            stops.append(
                StopWire(
                    service_id="---",
                    code_insee=code,
                    commune=commune,
                    adresse=place,
                    hours=value,
                    ends_on=last if isinstance(last, date) else None,
                )
            )
        except ValueError:
            bad.append(gettext("ligne {n}\u00a0: caractères refusés").format(n=number))
    if bad:
        raise HubError("malformed", "\u00a0; ".join(bad[:20]))
    if not stops:
        raise HubError("malformed", gettext("aucun arrêt"))
    return stops


def add(session: Session, engine: Engine, service_id: str, stops: list[StopWire], who: str) -> int:
    """The stops added to a live service and published to the desks; how many."""
    live = session.get(DirectoryEntry, ("service", service_id))
    if live is None or live.deleted:
        raise HubError("malformed", gettext("Cette fiche n’est plus publiée."), 404)
    lock(session, engine)
    for stop in stops:
        stop = stop.model_copy(update={"service_id": service_id})
        row = ServiceStop(**stop.model_dump(), created_at=now(), created_by=who[:200])
        session.add(row)
        session.flush()
        publish(
            session, "stop", record_id(row.id), SOURCE, stop.model_dump(mode="json"), Published()
        )
    return len(stops)


def withdraw(session: Session, engine: Engine, stop_id: int) -> ServiceStop:
    row = session.get(ServiceStop, stop_id, with_for_update=True)
    if row is None or row.withdrawn_at is not None:
        raise HubError("malformed", gettext("Arrêt inconnu ou déjà retiré."), 404)
    row.withdrawn_at = now()
    lock(session, engine)
    entry = session.get(DirectoryEntry, ("stop", record_id(row.id)))
    if entry is not None and not entry.deleted:
        tombstone(session, entry)
    return row


def for_service(session: Session, service_id: str, today: date, lang: str = "fr") -> list[Line]:
    """The service's stops still to come, by their next opening."""
    rows = session.scalars(
        select(ServiceStop).where(
            ServiceStop.service_id == service_id,
            ServiceStop.withdrawn_at.is_(None),
            (ServiceStop.ends_on.is_(None)) | (ServiceStop.ends_on >= today),
        )
    ).all()
    start = datetime.combine(today, datetime.min.time(), hours.PARIS)
    lines = []
    for row in rows:
        found = notices.next_openings(row.hours, [], start, count=1, commune=row.code_insee)
        first = found[0] if found else None
        words = when_words(*first, lang) if first else "—"
        lines.append(
            Line(row.id, row.commune, row.adresse, row.hours, first[0] if first else None, words)
        )
    far = datetime.max.replace(tzinfo=hours.PARIS)
    return sorted(lines, key=lambda ln: (ln.next_open or far, ln.commune))
