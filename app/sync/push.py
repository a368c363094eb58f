"""Sending the desk's records to the hub: contacts, then referrals, then flags, oldest
first, in batches. A record goes as the version it has when the batch is made; it is marked
sent only once the hub's answer for that version is stored, so a crash at any point leaves
it to be sent again (the hub then answers "already had").

What leaves the desk is anonymous: the day, never the minute; a commune under 2,000
inhabitants as its EPCI (or, having none, its département); no note, no agent code, no
flag whose comment holds personal data.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Collection, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import bindparam, select, update
from sqlalchemy.orm import Session, sessionmaker

from app.sync.client import HubClient, ServerFault
from app.sync.held import hold_personal_comments, narrowed_to, payload_of, reconsider_held
from app.sync.outgoing import PublicPlaces, columns_of
from app.sync.queue import HELD, KINDS, desk_state, held_count, held_reason, pending
from core.wire import MAX_BATCH, DeskState, HubProtocol, PushRecord, PushResult, fit
from db.models import SyncQuarantine


@dataclass
class PushReport:
    pushed: int = 0
    rejected: int = 0
    held: int = 0
    conflicts: int = 0
    batches: int = 0
    reasons: list[str] = field(default_factory=list)
    # How the desk stood once everything was sent, as the hub was told.
    state: DeskState | None = None


def _utc_now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def _oldest_pending(
    session: Session, kind: str, model: Any, room: int, sending: Collection[str]
) -> list[Any]:
    """The ``room`` oldest pending rows of ``kind`` but those ``sending``, as plain rows
    (no object is built): contacts in the order of their pending index
    (``ix_contact_pending``), which serves the query without sorting what waits."""
    oldest = (model.moment_utc if kind == "contact" else model.created_at, model.id)
    query = select(*columns_of(kind, model)).where(pending(model, kind))
    if sending:
        query = query.where(model.id.not_in(sending))
    return list(session.execute(query.order_by(*oldest).limit(room)))


def next_batch(
    session: Session,
    size: int = MAX_BATCH,
    speaks: HubProtocol | None = None,
    moment: datetime | None = None,
    sending: Sequence[PushRecord] = (),
) -> tuple[list[PushRecord], int]:
    """The oldest pending records, contacts first (a referral follows its contact), as
    the hub's protocol ``speaks`` lets them go: a field it does not know is left out when
    it holds its default; a record whose field holds more is held (in the caller's
    transaction) until the hub learns the field. Those ``sending`` (a batch on its way,
    not answered yet) are left out. Returns the batch and how many were held."""
    records: list[PushRecord] = []
    held_now = 0
    places = PublicPlaces(session)
    for kind, model in KINDS.items():
        room = size - len(records)
        if room <= 0:
            break
        on_the_way = {record.id for record in sending if record.kind == kind}
        rows = _oldest_pending(session, kind, model, room, on_the_way)
        narrower = narrowed_to(kind, speaks)
        for row in rows:
            payload = payload_of(kind, row, places)
            if narrower is not None:
                payload, lost = fit(kind, payload, narrower)
                if lost:
                    session.add(
                        SyncQuarantine(
                            kind=kind, record_id=row.id, version=row.version, outcome=HELD,
                            reason=held_reason(lost), at=moment or _utc_now(),
                        )
                    )  # fmt: skip
                    held_now += 1
                    continue
            records.append(PushRecord(kind=kind, id=row.id, version=row.version, payload=payload))  # type: ignore[arg-type]
    return records, held_now


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


def _store(
    sessions: sessionmaker[Session], results: list[PushResult], moment: datetime
) -> PushReport:
    with sessions.begin() as session:
        return apply_results(session, results, moment)


def _add(total: PushReport, report: PushReport) -> None:
    total.pushed += report.pushed
    total.rejected += report.rejected
    total.conflicts += report.conflicts
    total.reasons += report.reasons


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
    with sessions.begin() as session:
        # What waited for the hub's protocol is looked at afresh: it may know more now.
        reconsider_held(session, client.hub_protocol)
        total.held += held_count(session)
        total.rejected += hold_personal_comments(session, now())
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="push") as sender:
        batch = _next(sessions, client, batch_size, now, total)
        while batch:
            on_its_way = sender.submit(client.push, batch)
            # The next batch is made while the hub stores this one, without its records:
            # one is marked sent only once the answer for it is stored.
            following = _next(sessions, client, batch_size, now, total, batch)
            try:
                answer = on_its_way.result()
            except ServerFault as fault:
                # The hub failed on the batch: maybe on one record of it. Find out rather
                # than send the same batch again forever.
                _add(total, split_batch(sessions, client, batch, fault, now))
            else:
                _add(total, _store(sessions, list(answer.results), now()))
            total.batches += 1
            # Nothing made meanwhile: what the answer left pending (an edit sent meanwhile).
            batch = following or _next(sessions, client, batch_size, now, total)
    with sessions.begin() as session:
        total.state = desk_state(session)
    client.push([], total.state)
    return total


def _next(
    sessions: sessionmaker[Session],
    client: HubClient,
    size: int,
    now: Callable[[], datetime],
    total: PushReport,
    sending: Sequence[PushRecord] = (),
) -> list[PushRecord]:
    """The next batch (:func:`next_batch`, in a transaction of its own); empty when no
    record is left to send but those ``sending``."""
    while True:
        with sessions.begin() as session:
            batch, held_now = next_batch(session, size, client.hub_protocol, now(), sending)
        total.held += held_now
        if batch or not held_now:
            return batch


def _halves(part: list[PushRecord]) -> tuple[list[PushRecord], list[PushRecord]]:
    middle = len(part) // 2
    return part[:middle], part[middle:]


def server_fault_reason(status: object) -> str:
    """Why a record is held when the hub failed on it alone (stored, shown as is)."""
    return f"le hub n’a pas pu enregistrer cet enregistrement (erreur {status})"


def split_batch(
    sessions: sessionmaker[Session],
    client: HubClient,
    batch: list[PushRecord],
    fault: ServerFault,
    now: Callable[[], datetime],
) -> PushReport:
    """A batch the hub failed on (HTTP 500), sent again in halves, and the failing halves in
    halves again, the older half first: whatever goes through is stored at once, and a
    record that fails alone is quarantined with its reason, so that one record the hub
    cannot store never holds the others back.

    A failure proves nothing until another part of the same batch goes through: a hub that
    fails on everything (its database down) is only asked again about 2 × log2(n) times,
    then the push stops to be tried later, and nothing is quarantined. After as many
    failures in a row, a record the hub took is sent again to check that it still works;
    if not, the push stops there, holding only the records that failed before it last
    worked."""
    return _Bisection(sessions, client, batch, fault, now).run()


class _Bisection:
    """One :func:`split_batch`: what it learnt of the hub as it halves the batch."""

    def __init__(
        self,
        sessions: sessionmaker[Session],
        client: HubClient,
        batch: list[PushRecord],
        fault: ServerFault,
        now: Callable[[], datetime],
    ) -> None:
        self.sessions, self.client, self.batch, self.now = sessions, client, batch, now
        self.fault = fault
        self.limit = 2 * len(batch).bit_length() + 1
        self.total = PushReport()
        self.confirmed: list[PushRecord] = []  # failed alone, and the hub worked after that
        self.suspects: list[PushRecord] = []  # failed alone since the hub last worked
        self.answered = 0
        self.last_good: PushRecord | None = None  # a record the hub took: the probe
        self.failures = 1  # the whole batch, since the hub last worked

    def run(self) -> PushReport:
        try:
            self.explore(self.batch)
        except _Stop:
            self.suspects.clear()
        held_back = self.confirmed + (self.suspects if self.last_good is not None else [])
        if held_back:
            reason = server_fault_reason(self.fault.params.get("status", 500))
            results = [
                PushResult(
                    kind=r.kind, id=r.id, version=r.version, outcome="rejected", reason=reason
                )
                for r in held_back
            ]
            _add(self.total, _store(self.sessions, results, self.now()))
        if self.answered + len(held_back) < len(self.batch):
            # Nothing went through, or the hub stopped working half-way: try again later.
            raise self.fault
        return self.total

    def worked(self) -> None:
        self.failures = 0
        self.confirmed.extend(self.suspects)
        self.suspects.clear()

    def still_works(self) -> bool:
        """Many pushes failed in a row: send again a record the hub took (it answers
        "already had"); if even that fails, the hub fails on everything."""
        if self.last_good is None:
            return False
        try:
            self.client.push([self.last_good])
        except ServerFault:
            return False
        self.worked()
        return True

    def push(self, part: list[PushRecord]) -> bool:
        try:
            answer = self.client.push(part)
        except ServerFault as error:
            self.fault, self.failures = error, self.failures + 1
            if self.failures > self.limit and not self.still_works():
                raise _Stop from None
            return False
        _add(self.total, _store(self.sessions, list(answer.results), self.now()))
        self.answered, self.last_good = self.answered + len(part), part[-1]
        self.worked()
        return True

    def explore(self, part: list[PushRecord]) -> None:
        """``part`` failed: push both halves, then look into each that failed."""
        if len(part) == 1:
            self.suspects.append(part[0])
            return
        failed = [half for half in _halves(part) if not self.push(half)]
        for half in failed:
            self.explore(half)


class _Stop(Exception):
    """Too many pushes failed in a row: the hub fails on everything."""


def new_desk_id() -> str:
    return str(uuid.uuid4())
