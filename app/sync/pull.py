"""Receiving the region's directory and lists from the hub, page by page after a cursor.

Each page is checked whole before anything is written, then applied with its cursor in
one local transaction. A pull never overwrites a site's local entry; deletions arrive as
tombstones and retire the record. When the region's directory first arrives, the demo
directory is retired.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from pydantic import ValidationError
from sqlalchemy import select, update
from sqlalchemy.orm import Session, sessionmaker

from app.directory import timed
from app.directory.search_index import clear_index, reindex
from app.directory.store import upsert_service, upsert_structure
from app.sync.client import HubClient
from core.errors import DeskError
from core.wire import Change
from core.wire_timed import EventWire, NoticeWire, ReferentWire, StopWire
from db.models import NomenclatureItem, Service, Setting, Structure, SyncState

STREAM = "directory"
DEMO_SOURCE = "demo-spro-etm"
TIMED = ("notice", "event", "stop")


def _checked(change: Change) -> dict[str, Any] | None:
    """The change's record, checked by the schema; None for a tombstone."""
    from data_inclusion.schema import v1

    if change.deleted:
        return None
    try:
        if change.kind == "structure":
            record: dict[str, Any] = v1.Structure.model_validate(change.payload).model_dump()
            return record
        if change.kind == "service":
            record = v1.Service.model_validate(change.payload).model_dump()
            return record
        if change.kind == "notice":
            return NoticeWire.model_validate(change.payload).model_dump()
        if change.kind == "event":
            return EventWire.model_validate(change.payload).model_dump()
        if change.kind == "stop":
            return StopWire.model_validate(change.payload).model_dump()
        if change.kind == "referent":
            return ReferentWire.model_validate(change.payload).model_dump()
    except ValidationError:
        raise DeskError("hub_bad_answer", reason=f"{change.kind} {change.id} invalide") from None
    item = change.payload
    ok = (
        isinstance(item.get("list"), str)
        and isinstance(item.get("code"), str)
        and isinstance(item.get("label_fr"), str)
        and isinstance(item.get("label_en"), str)
    )
    if not ok:
        raise DeskError("hub_bad_answer", reason=f"liste {change.id} invalide")
    return dict(item)


def apply_page(session: Session, changes: list[Change], moment: datetime) -> int:
    """Apply checked changes (in the caller's transaction); returns how many took effect."""
    checked = [(change, _checked(change)) for change in changes]  # all, before writing
    applied = 0
    touched: list[str] = []
    for change, record in checked:
        if change.kind == "nomenclature":
            applied += _apply_item(session, record, change)
            continue
        if change.kind in TIMED:
            applied += timed.apply(session, change.kind, change.id, record, moment)
            continue
        if change.kind == "referent":
            applied += _apply_referent(session, change.id, record)
            continue
        current: Structure | Service | None = (
            session.get(Structure, change.id)
            if change.kind == "structure"
            else session.get(Service, change.id)
        )
        if current is not None and current.is_local:
            continue  # the site's own entry: never overwritten
        if record is None:
            if current is not None and current.retired_at is None:
                current.retired_at = moment
                applied += 1
                if change.kind == "service":
                    clear_index(session, [change.id])
            continue
        if change.kind == "structure":
            upsert_structure(session, record)
        else:
            if session.get(Structure, record["structure_id"]) is None:
                raise DeskError("hub_bad_answer", reason=f"service {change.id} sans structure")
            session.flush()
            documents = current.documents if isinstance(current, Service) else []
            upsert_service(session, record, documents)
            touched.append(change.id)
        applied += 1
    session.flush()
    reindex(session, touched)
    return applied


def _apply_referent(session: Session, structure_id: str, record: dict[str, Any] | None) -> int:
    """A structure's SPRO referent set, or cleared by its tombstone."""
    structure = session.get(Structure, structure_id)
    if structure is None or structure.is_local:
        return 0
    record = record or {}
    structure.referent_nom = record.get("nom")
    structure.referent_telephone = record.get("telephone")
    structure.referent_courriel = record.get("courriel")
    return 1


def _apply_item(session: Session, item: dict[str, Any] | None, change: Change) -> int:
    if item is None:
        return 0  # a code is never deleted, only made inactive
    row = session.get(NomenclatureItem, (item["list"], item["code"]))
    if row is None:
        row = NomenclatureItem(list_name=item["list"], code=item["code"], version=0)
        session.add(row)
    row.label_fr, row.label_en = item["label_fr"], item["label_en"]
    row.position = int(item.get("position", 0))
    row.active = bool(item.get("active", True))
    row.version = max(row.version or 0, 1) + 1
    row.origin = "hub"
    return 1


def pull_all(
    sessions: sessionmaker[Session],
    client: HubClient,
    *,
    now: Callable[[], datetime] = lambda: datetime.now(UTC).replace(tzinfo=None),
) -> int:
    """Pull every change since the stored cursor; returns how many took effect."""
    total = 0
    while True:
        with sessions() as session:
            state = session.get(SyncState, STREAM)
            cursor = int(state.cursor) if state and state.cursor else 0
            etag = state.etag if state else None
        page = client.changes(cursor, etag)
        if page is None:  # 304: nothing new
            return total
        answer, new_etag = page
        if answer.cursor < cursor or (answer.changes and answer.changes[0].seq <= cursor):
            raise DeskError("hub_bad_answer", reason="curseur en arrière")
        with sessions.begin() as session:
            applied = apply_page(session, list(answer.changes), now())
            if applied and any(c.kind in ("structure", "service") for c in answer.changes):
                _retire_demo(session, now(), {c.id for c in answer.changes if not c.deleted})
            state = session.get(SyncState, STREAM) or SyncState(stream=STREAM)
            state.cursor, state.etag, state.last_success = str(answer.cursor), new_etag, now()
            session.add(state)
        total += applied
        if not answer.more:
            return total


def _retire_demo(session: Session, moment: datetime, pulled: set[str]) -> None:
    """The demo directory retired, once the region's has come (but not what the region's
    itself holds, should the hub publish the demo's records)."""
    demo = session.get(Setting, "directory.demo_loaded")
    if demo is None or not demo.value:
        return
    demo_only = [
        (Service.source == DEMO_SOURCE) & Service.is_local.is_(False) & Service.id.not_in(pulled),
        (Structure.source == DEMO_SOURCE)
        & Structure.is_local.is_(False)
        & Structure.id.not_in(pulled),
    ]
    ids = list(session.scalars(select(Service.id).where(demo_only[0])))
    session.execute(update(Service).where(demo_only[0]).values(retired_at=moment))
    session.execute(update(Structure).where(demo_only[1]).values(retired_at=moment))
    clear_index(session, ids)
    demo.value = False
