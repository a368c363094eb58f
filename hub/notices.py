"""Temporary information set by a coordinator on a structure or a service of the
directory (:mod:`core.notices`): closed for a while, exceptional hours, a message. Each is
published to the desks in the change stream (kind ``notice``); withdrawn, it leaves a
tombstone there. A past one is shown nowhere: it disappears by itself."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from pydantic import ValidationError
from sqlalchemy import Engine, or_, select
from sqlalchemy.orm import Session

from core import notices
from core.i18n import gettext
from core.wire_timed import NoticeWire
from hub.directory import Published, lock, publish, tombstone
from hub.models import DirectoryChange, DirectoryEntry
from hub.service import HubError, now
from hub.time_models import TemporaryNotice

SOURCE = "console"


def record_id(notice_id: int) -> str:
    """The notice's id in the change stream."""
    return f"notice-{notice_id}"


@dataclass(frozen=True, slots=True)
class Line:
    id: int
    words: str  # as the desks tell it
    state: str  # current or coming
    own: bool  # set on this record (else on its structure)
    created_by: str


def _refused(reason: str) -> HubError:
    return HubError(
        "malformed",
        gettext("Information refusée, rien n’a changé\u00a0: {reason}.").format(reason=reason),
    )


def _day(typed: str, what: str) -> date:
    try:
        return date.fromisoformat(typed.strip())
    except ValueError:
        raise _refused(gettext("{what}\u00a0: une date attendue").format(what=what)) from None


def from_form(form: Mapping[str, str]) -> notices.Notice:
    """The notice a coordinator typed, or refused in words."""
    kind = form.get("nature", "")
    if kind not in notices.KINDS:
        raise _refused(gettext("choisissez fermé, horaires ou message"))
    typed_hours = form.get("horaires", "").strip() if kind == "hours" else ""
    message = " ".join(form.get("message", "").split())
    notice = notices.Notice(
        kind=kind,
        starts_on=_day(form.get("debut", ""), gettext("Début")),
        ends_on=_day(form.get("fin", ""), gettext("Fin")),
        hours=typed_hours or None,
        message=message or None,
    )
    problem = notices.problem(notice)
    if problem:
        raise _refused(gettext(problem))
    return notice


def _target(session: Session, kind: str, target_id: str) -> tuple[str, str | None]:
    """(structure id, service id or None) of a live record."""
    found = session.execute(
        select(DirectoryChange.payload)
        .join(DirectoryEntry, DirectoryEntry.seq == DirectoryChange.seq)
        .where(
            DirectoryEntry.kind == kind,
            DirectoryEntry.record_id == target_id,
            DirectoryEntry.deleted.is_(False),
        )
    ).scalar_one_or_none()
    if found is None or kind not in ("structure", "service"):
        raise HubError("malformed", gettext("Cette fiche n’est plus publiée."), 404)
    if kind == "structure":
        return target_id, None
    return str(found.get("structure_id") or ""), target_id


def add(
    session: Session, engine: Engine, kind: str, target_id: str, notice: notices.Notice, who: str
) -> TemporaryNotice:
    """``notice`` set on the record and published to the desks."""
    structure_id, service_id = _target(session, kind, target_id)
    try:
        payload = NoticeWire(
            structure_id=structure_id, service_id=service_id, kind=notice.kind,  # type: ignore[arg-type]
            starts_on=notice.starts_on, ends_on=notice.ends_on, hours=notice.hours,
            message=notice.message,
        ).model_dump(mode="json")  # fmt: skip
    except ValidationError:
        raise _refused(gettext("caractères refusés")) from None
    row = TemporaryNotice(
        structure_id=structure_id, service_id=service_id, kind=notice.kind,
        starts_on=notice.starts_on, ends_on=notice.ends_on, hours=notice.hours,
        message=notice.message, created_at=now(), created_by=who[:200],
    )  # fmt: skip
    session.add(row)
    session.flush()
    lock(session, engine)
    publish(session, "notice", record_id(row.id), SOURCE, payload, Published())
    return row


def withdraw(session: Session, engine: Engine, notice_id: int) -> TemporaryNotice:
    row = session.get(TemporaryNotice, notice_id, with_for_update=True)
    if row is None or row.withdrawn_at is not None:
        raise HubError("malformed", gettext("Information inconnue ou déjà retirée."), 404)
    row.withdrawn_at = now()
    lock(session, engine)
    entry = session.get(DirectoryEntry, ("notice", record_id(row.id)))
    if entry is not None and not entry.deleted:
        tombstone(session, entry)
    return row


as_notice = notices.of_row


def for_record(
    session: Session, kind: str, target_id: str, today: date, lang: str = "fr"
) -> list[Line]:
    """The record's notices still to tell (current, then coming), with its structure's
    for a service."""
    if kind == "structure":
        where = [TemporaryNotice.structure_id == target_id, TemporaryNotice.service_id.is_(None)]
    else:
        structure = session.execute(
            select(DirectoryChange.payload["structure_id"].as_string())
            .join(DirectoryEntry, DirectoryEntry.seq == DirectoryChange.seq)
            .where(DirectoryEntry.kind == "service", DirectoryEntry.record_id == target_id)
        ).scalar_one_or_none()
        where = [
            or_(
                TemporaryNotice.service_id == target_id,
                (TemporaryNotice.structure_id == (structure or ""))
                & TemporaryNotice.service_id.is_(None),
            )
        ]
    rows = session.scalars(
        select(TemporaryNotice).where(
            *where, TemporaryNotice.withdrawn_at.is_(None), TemporaryNotice.ends_on >= today
        )
    ).all()
    pairs = sorted(((as_notice(row), row) for row in rows), key=lambda p: notices.order(p[0]))
    return [
        Line(
            id=row.id,
            words=notices.words(notice, today, lang),
            state=notice.state(today),
            own=(row.service_id or row.structure_id) == target_id,
            created_by=row.created_by,
        )
        for notice, row in pairs
    ]
