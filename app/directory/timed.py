"""Temporary information on the desk's directory (:mod:`core.notices`): pulled from the
hub, or set on this desk for its own agents (it stays here). Read by the search's « ouvert
maintenant », the detail and the slip; a past one is read by none."""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Iterable, Mapping
from datetime import UTC, date, datetime, timedelta
from typing import Any, cast

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from core import notices
from core.errors import DeskError, Said
from db.models import DirectoryNotice, Event, Service, ServiceStop

# Time zones: a notice runs by the place's days; one day either side covers them all.
_SLACK = timedelta(days=1)


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None, microsecond=0)


_MODELS: dict[str, type[DirectoryNotice | Event | ServiceStop]] = {
    "notice": DirectoryNotice, "event": Event, "stop": ServiceStop,
}  # fmt: skip


def apply(
    session: Session, kind: str, record_id: str, record: Mapping[str, Any] | None, moment: datetime
) -> int:
    """A notice, a stop or an event from the hub stored, or retired by its tombstone."""
    model: type[DirectoryNotice | Event | ServiceStop] = _MODELS[kind]
    row = cast("DirectoryNotice | Event | ServiceStop | None", session.get(model, record_id))
    if record is None:
        if row is None or row.retired_at is not None:
            return 0
        row.retired_at = moment
        return 1
    if row is None:
        row = model(id=record_id)
        session.add(row)
    for name, value in record.items():
        setattr(row, name, value)
    if isinstance(row, DirectoryNotice):
        row.origin = "hub"
    row.updated_at, row.retired_at = moment, None
    return 1


as_notice = notices.of_row


def for_services(
    session: Session, services: Iterable[tuple[str, str]], first: date, last: date | None = None
) -> dict[str, list[notices.Notice]]:
    """The notices that run on some day from ``first`` to ``last`` (to the end of time when
    None) for each (service, structure): the service's own and its structure's."""
    pairs = list(services)
    if not pairs:
        return {}
    service_ids = {s for s, _ in pairs}
    structure_ids = {st for _, st in pairs}
    where = [
        DirectoryNotice.retired_at.is_(None),
        DirectoryNotice.ends_on >= first - _SLACK,
        or_(
            DirectoryNotice.service_id.in_(service_ids),
            DirectoryNotice.service_id.is_(None) & DirectoryNotice.structure_id.in_(structure_ids),
        ),
    ]
    if last is not None:
        where.append(DirectoryNotice.starts_on <= last + _SLACK)
    by_service: dict[str, list[notices.Notice]] = defaultdict(list)
    by_structure: dict[str, list[notices.Notice]] = defaultdict(list)
    for row in session.scalars(select(DirectoryNotice).where(*where)):
        if row.service_id is not None:
            by_service[row.service_id].append(as_notice(row))
        else:
            by_structure[row.structure_id].append(as_notice(row))
    return {s: by_service[s] + by_structure[st] for s, st in pairs}


def set_local(session: Session, service_id: str, notice: notices.Notice, whole: bool) -> str:
    """A notice set on this desk, on the service or (``whole``) on its structure; its id."""
    service = session.get(Service, service_id)
    if service is None:
        raise DeskError("unknown_service", field="referral", id=service_id)
    problem = notices.problem(notice)
    if problem:
        raise DeskError("notice_refused", reason=Said(problem))
    row = DirectoryNotice(
        id=f"local-{uuid.uuid4()}", structure_id=service.structure_id,
        service_id=None if whole else service_id, kind=notice.kind,
        starts_on=notice.starts_on, ends_on=notice.ends_on, hours=notice.hours,
        message=notice.message, origin="local", updated_at=_now(),
    )  # fmt: skip
    session.add(row)
    session.flush()
    return row.id


def local_ids(session: Session, service_id: str, day: date) -> list[tuple[str, notices.Notice]]:
    """This desk's own notices still to tell on the service (its structure's included)."""
    service = session.get(Service, service_id)
    if service is None:
        return []
    rows = session.scalars(
        select(DirectoryNotice).where(
            DirectoryNotice.origin == "local",
            DirectoryNotice.retired_at.is_(None),
            DirectoryNotice.ends_on >= day,
            or_(
                DirectoryNotice.service_id == service_id,
                DirectoryNotice.service_id.is_(None)
                & (DirectoryNotice.structure_id == service.structure_id),
            ),
        )
    )
    return sorted(((r.id, as_notice(r)) for r in rows), key=lambda p: notices.order(p[1]))


def withdraw_local(session: Session, notice_id: str) -> None:
    row = session.get(DirectoryNotice, notice_id)
    if row is None or row.origin != "local":
        raise DeskError("unknown_notice")
    row.retired_at = _now()
