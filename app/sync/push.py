"""Sending the desk's records to the hub: contacts, then referrals, then flags, oldest
first, in batches. A record goes as the version it has when the batch is made; it is marked
sent only once the hub's answer for that version is stored, so a crash at any point leaves
it to be sent again (the hub then answers "already had").

What leaves the desk is anonymous: the day, never the minute; a commune under 2,000
inhabitants as its EPCI; no note, no agent code.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import and_, bindparam, exists, func, select, update
from sqlalchemy.orm import Session, sessionmaker

from app.sync.client import HubClient
from app.version import app_version
from app.wire import MAX_BATCH, DeskState, PushRecord, PushResult
from db.models import Commune, Contact, DirectoryFlag, Referral, SyncQuarantine

SMALL_COMMUNE = 2000
KINDS: dict[str, Any] = {"contact": Contact, "referral": Referral, "flag": DirectoryFlag}


@dataclass
class PushReport:
    pushed: int = 0
    rejected: int = 0
    conflicts: int = 0
    batches: int = 0
    reasons: list[str] = field(default_factory=list)
    # How the desk stood once everything was sent, as the hub was told.
    state: DeskState | None = None


def _held(model: Any, kind: str) -> Any:
    """The record's current version is in quarantine (an edit makes a new one)."""
    return exists().where(
        and_(
            SyncQuarantine.kind == kind,
            SyncQuarantine.record_id == model.id,
            SyncQuarantine.version == model.version,
        )
    )


def _pending(model: Any, kind: str) -> Any:
    return and_(model.synced_version < model.version, ~_held(model, kind))


def _count(session: Session, where: Any) -> int:
    total = 0
    for kind, model in KINDS.items():
        total += int(
            session.scalar(select(func.count()).select_from(model).where(where(model, kind))) or 0
        )
    return total


def pending_count(session: Session) -> int:
    return _count(session, _pending)


def desk_state(session: Session) -> DeskState:
    """The desk's version, what waits to go up, and the records whose current version the
    hub refused (an edit sends a new one)."""

    def held(model: Any, kind: str) -> Any:
        return and_(model.synced_version < model.version, _held(model, kind))

    return DeskState(
        version=app_version()[:32],
        pending=pending_count(session),
        quarantined=_count(session, held),
    )


def quarantined(session: Session) -> list[SyncQuarantine]:
    return list(session.scalars(select(SyncQuarantine).order_by(SyncQuarantine.at.desc())))


class _Places:
    """A contact's commune as it may leave the desk."""

    def __init__(self, session: Session) -> None:
        self._session = session
        self._cache: dict[str, str] = {}

    def public(self, code: str) -> str:
        if code not in self._cache:
            row = self._session.get(Commune, code)
            if row is not None and row.population < SMALL_COMMUNE and row.epci:
                self._cache[code] = row.epci
            else:
                self._cache[code] = code
        return self._cache[code]


def _local_day(moment: datetime) -> str:
    return moment.date().isoformat()


def _utc_to_local_day(moment: datetime) -> str:
    return moment.replace(tzinfo=UTC).astimezone().date().isoformat()


def wire_contact(row: Contact, places: _Places) -> dict[str, Any]:
    return {
        "day": _local_day(row.moment_local),
        "channel": row.channel,
        "public": row.public,
        "age": row.age,
        "gender": row.gender,
        "commune": places.public(row.commune),
        "themes": [t.code for t in row.themes],
        "answers": [a.code for a in row.answers],
        "duration": row.duration,
        "first_visit": row.first_visit,
        "cancelled": row.status == "cancelled",
    }


def wire_referral(row: Referral) -> dict[str, Any]:
    return {
        "day": _utc_to_local_day(row.created_at),
        "contact_id": row.contact_id,
        "service_id": row.service_id,
        "structure_id": row.structure_id,
        "cancelled": row.status == "cancelled",
    }


def wire_flag(row: DirectoryFlag) -> dict[str, Any]:
    return {
        "day": _utc_to_local_day(row.created_at),
        "service_id": row.service_id,
        "structure_id": row.structure_id,
        "reason": row.reason,
        "comment": row.comment,
        "cancelled": row.status != "active",
    }


def next_batch(session: Session, size: int = MAX_BATCH) -> list[PushRecord]:
    """The oldest pending records, contacts first (a referral follows its contact)."""
    records: list[PushRecord] = []
    places = _Places(session)
    for kind, model in KINDS.items():
        room = size - len(records)
        if room <= 0:
            break
        rows = session.scalars(
            select(model)
            .where(_pending(model, kind))
            .order_by(model.created_at, model.id)
            .limit(room)
        )
        for row in rows:
            if kind == "contact":
                payload = wire_contact(row, places)
            elif kind == "referral":
                payload = wire_referral(row)
            else:
                payload = wire_flag(row)
            records.append(PushRecord(kind=kind, id=row.id, version=row.version, payload=payload))  # type: ignore[arg-type]
    return records


def apply_results(session: Session, results: list[PushResult], now: datetime) -> PushReport:
    """Store the hub's answers (in the caller's transaction)."""
    report = PushReport()
    done: dict[str, list[dict[str, Any]]] = {}
    for result in results:
        if result.outcome in ("accepted", "already_had", "stale"):
            done.setdefault(result.kind, []).append({"rid": result.id, "v": result.version})
            report.pushed += 1
            continue
        if session.get(SyncQuarantine, (result.kind, result.id, result.version)) is None:
            session.add(
                SyncQuarantine(
                    kind=result.kind,
                    record_id=result.id,
                    version=result.version,
                    outcome=result.outcome,
                    reason=result.reason,
                    at=now,
                )
            )
        if result.outcome == "conflict":
            report.conflicts += 1
        else:
            report.rejected += 1
        report.reasons.append(f"{result.kind} {result.id}: {result.reason or result.outcome}")
    connection = session.connection()
    for kind, rows in done.items():
        table = KINDS[kind].__table__
        # One statement for the whole batch; never lowers what a later answer stored.
        connection.execute(
            update(table)
            .where(table.c.id == bindparam("rid"), table.c.synced_version < bindparam("v"))
            .values(synced_version=bindparam("v")),
            rows,
        )
    return report


def push_all(
    sessions: sessionmaker[Session],
    client: HubClient,
    *,
    batch_size: int = MAX_BATCH,
    now: Callable[[], datetime] = lambda: datetime.now(UTC).replace(tzinfo=None),
) -> PushReport:
    """Send every pending record, batch after batch, until none is left; then say how
    the desk stands (its version, what is left and what is held in quarantine), which
    the coordinators' console shows."""
    total = PushReport()
    while True:
        with sessions() as session:
            batch = next_batch(session, batch_size)
            state = None if batch else desk_state(session)
        if state is not None:
            client.push([], state)
            total.state = state
            return total
        answer = client.push(batch)
        with sessions.begin() as session:
            report = apply_results(session, list(answer.results), now())
        total.pushed += report.pushed
        total.rejected += report.rejected
        total.conflicts += report.conflicts
        total.reasons += report.reasons
        total.batches += 1


def new_desk_id() -> str:
    return str(uuid.uuid4())
