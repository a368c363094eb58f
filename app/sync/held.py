"""What stays on the desk rather than going up at once: a flag whose comment holds personal
data (quarantined, never sent), and a record whose field the hub does not know yet (held
until it does, looked at afresh at each sync); and a record's payload as it would leave.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.sync.outgoing import (
    PublicPlaces,
    columns_of,
    wire_contact,
    wire_flag,
    wire_referral,
)  # fmt: skip
from app.sync.queue import KINDS, held, held_reason, pending
from core.errors import PERSONAL_DATA
from core.privacy import find_personal_data
from core.wire import HubProtocol, fields_of, fit
from db.models import DirectoryFlag, SyncQuarantine


def hold_personal_comments(session: Session, moment: datetime) -> int:
    """Flags queued before their comment was checked (by an earlier version of the desk)
    never leave with personal data: each is held in quarantine with the reason, which
    does not repeat what was found. Returns how many were held."""
    rows = session.scalars(
        select(DirectoryFlag).where(
            pending(DirectoryFlag, "flag"), DirectoryFlag.comment.is_not(None)
        )
    )
    count = 0
    for row in rows:
        hits = find_personal_data(row.comment or "")
        if not hits:
            continue
        what = PERSONAL_DATA.get(hits[0].kind, "une donnée personnelle")
        reason = f"commentaire non envoyé\u00a0: il semble contenir {what}"
        session.add(
            SyncQuarantine(
                kind="flag", record_id=row.id, version=row.version, outcome="rejected",
                reason=reason, at=moment,
            )
        )  # fmt: skip
        count += 1
    return count


def payload_of(kind: str, row: Any, places: PublicPlaces) -> dict[str, Any]:
    if kind == "contact":
        return wire_contact(row, places)
    if kind == "referral":
        return wire_referral(row)
    return wire_flag(row)


def narrowed_to(kind: str, speaks: HubProtocol | None) -> frozenset[str] | None:
    """What the hub accepts of ``kind``, when it does not accept every field sent."""
    if speaks is None or fields_of(kind) <= speaks.accepted(kind):
        return None
    return speaks.accepted(kind)


def reconsider_held(session: Session, speaks: HubProtocol | None) -> None:
    """What waited for the hub's protocol is looked at afresh, in place: a record the hub
    now understands is released to the next batch; one it still cannot take keeps the day
    it was first held (its reason names the fields it waits for now); a version an edit
    or a send made obsolete is forgotten."""
    places = PublicPlaces(session)
    for entry in held(session):
        model = KINDS[entry.kind]
        row = session.execute(
            select(*columns_of(entry.kind, model)).where(model.id == entry.record_id)
        ).one_or_none()
        if row is None or row.version != entry.version or row.synced_version >= row.version:
            session.delete(entry)
            continue
        narrower = narrowed_to(entry.kind, speaks)
        lost = (
            []
            if narrower is None
            else fit(entry.kind, payload_of(entry.kind, row, places), narrower)[1]
        )
        if lost:
            entry.reason = held_reason(lost)
        else:
            session.delete(entry)
    session.flush()
