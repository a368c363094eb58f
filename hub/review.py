"""The directory as the people who maintain it see it on the hub: find a record, read it,
the flags desks raised on it, and their review (a flag handled, a record verified)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from core.directory import STALE_AFTER
from core.i18n import N_, gettext
from core.places import search_key
from hub.directory import Published, lock, publish
from hub.models import DirectoryChange, DirectoryEntry, FlagReview, Record, Site
from hub.service import HubError, now

REASONS = {
    "closed": "Le service a fermé",
    "hours": "Les horaires ont changé",
    "contact": "Le téléphone, le courriel ou l’adresse ont changé",
    "area": "Le territoire servi n’est pas le bon",
    "other": "Autre chose",
}
KINDS = {"structure": N_("Structure"), "service": N_("Service")}
FLAG_STATES = ("ouverts", "traites", "tous")
NOTE_LIMIT = 1000
FLAG_PAGE = 500  # the flags one page lists, newest first


@dataclass(frozen=True, slots=True)
class EntryLine:
    kind: str
    record_id: str
    title: str
    source: str
    deleted: bool
    date_maj: str | None
    verified_on: date | None
    open_flags: int


@dataclass(frozen=True, slots=True)
class FlagLine:
    id: str
    day: date
    site_name: str
    service_id: str
    service_title: str | None  # None: the hub does not know this service (any more)
    structure_title: str | None
    reason: str
    comment: str | None
    handled_at: datetime | None
    handled_by: str | None
    note: str | None

    @property
    def reason_text(self) -> str:
        return REASONS.get(self.reason, self.reason)


@dataclass(frozen=True, slots=True)
class RecordView:
    kind: str
    record_id: str
    payload: dict[str, Any]
    entry: DirectoryEntry
    structure: EntryLine | None
    services: list[EntryLine]
    flags: list[FlagLine]


def _service_id() -> Any:
    return Record.payload["service_id"].as_string()


def _live_flags() -> Any:
    return (Record.kind == "flag") & Record.payload["cancelled"].as_boolean().is_not(True)


def open_flag_counts(session: Session, service_ids: list[str]) -> dict[str, int]:
    if not service_ids:
        return {}
    service_id = _service_id().label("service_id")
    rows = session.execute(
        select(service_id, func.count())
        .outerjoin(FlagReview, FlagReview.flag_id == Record.id)
        .where(_live_flags(), FlagReview.flag_id.is_(None), _service_id().in_(service_ids))
        .group_by(service_id)
    )
    return {str(service_id): int(count) for service_id, count in rows}


def _lines(session: Session, rows: list[tuple[DirectoryEntry, dict[str, Any]]]) -> list[EntryLine]:
    flags = open_flag_counts(session, [e.record_id for e, _p in rows if e.kind == "service"])
    return [
        EntryLine(
            entry.kind, entry.record_id, entry.title or entry.record_id, entry.source,
            entry.deleted, payload.get("date_maj"), entry.verified_on,
            flags.get(entry.record_id, 0) if entry.kind == "service" else 0,
        )
        for entry, payload in rows
    ]  # fmt: skip


def _with_payload() -> Any:
    return select(DirectoryEntry, DirectoryChange.payload).join(
        DirectoryChange, DirectoryChange.seq == DirectoryEntry.seq
    )


def stale_before(today: date) -> date:
    """A record last updated before that day is shown as to be checked, as on desks."""
    return today - STALE_AFTER


def search(
    session: Session, text: str, limit: int = 100, stale: date | None = None
) -> tuple[list[EntryLine], int]:
    """Live structures and services whose name, town, postcode or id hold every word of
    ``text`` (no case, no accents), only those updated before ``stale`` when given; at
    most ``limit`` of them, and how many there are."""
    words = search_key(text).split()
    where = [
        DirectoryEntry.kind.in_(tuple(KINDS)),
        DirectoryEntry.deleted.is_(False),
        *[DirectoryEntry.search_key.contains(word, autoescape=True) for word in words],
    ]
    if stale is not None:
        where.append(DirectoryChange.payload["date_maj"].as_string() < stale.isoformat())
    counted = (
        select(func.count())
        .select_from(DirectoryEntry)
        .join(DirectoryChange, DirectoryChange.seq == DirectoryEntry.seq)
    )
    total = int(session.scalar(counted.where(*where)) or 0)
    rows = session.execute(
        _with_payload()
        .where(*where)
        .order_by(DirectoryEntry.kind.desc(), func.lower(DirectoryEntry.title))
        .limit(limit)
    ).all()
    return _lines(session, [(e, p) for e, p in rows]), total


def record(session: Session, kind: str, record_id: str) -> RecordView:
    """A structure or a service as last published (a retired one too), with its
    structure or its services and the flags raised on it."""
    if kind not in KINDS:
        raise HubError(
            "malformed", gettext("Type de fiche inconnu\u00a0: {kind}").format(kind=kind), 404
        )
    found = session.execute(
        _with_payload().where(DirectoryEntry.kind == kind, DirectoryEntry.record_id == record_id)
    ).first()
    if found is None:
        raise HubError(
            "malformed",
            gettext("Fiche inconnue du hub\u00a0: {record_id}").format(record_id=record_id),
            404,
        )
    entry, payload = found
    structure, services = None, []
    if kind == "service":
        rows = session.execute(
            _with_payload().where(
                DirectoryEntry.kind == "structure",
                DirectoryEntry.record_id == str(payload.get("structure_id") or ""),
            )
        ).all()
        structure = next(iter(_lines(session, [(e, p) for e, p in rows])), None)
        flags = flag_lines(session, "tous", service_ids=[record_id])
    else:
        rows = session.execute(
            _with_payload()
            .where(
                DirectoryEntry.kind == "service",
                DirectoryEntry.deleted.is_(False),
                DirectoryChange.payload["structure_id"].as_string() == record_id,
            )
            .order_by(func.lower(DirectoryEntry.title))
        ).all()
        services = _lines(session, [(e, p) for e, p in rows])
        flags = flag_lines(session, "tous", service_ids=[s.record_id for s in services])
    return RecordView(kind, record_id, dict(payload), entry, structure, services, flags)


def flag_lines(
    session: Session, state: str = "ouverts", service_ids: list[str] | None = None,
    limit: int = 500,
) -> list[FlagLine]:  # fmt: skip
    """The flags desks raised (cancelled ones left out), newest first: the open ones, the
    handled ones or all; with the names of the records they are about."""
    service = (
        select(DirectoryEntry.record_id, DirectoryEntry.title, DirectoryChange.payload)
        .join(DirectoryChange, DirectoryChange.seq == DirectoryEntry.seq)
        .where(DirectoryEntry.kind == "service", DirectoryEntry.deleted.is_(False))
        .subquery()
    )
    query = (
        select(Record, Site.name, FlagReview, service.c.title, service.c.payload)
        .join(Site, Site.id == Record.site_id)
        .outerjoin(FlagReview, FlagReview.flag_id == Record.id)
        .outerjoin(service, service.c.record_id == _service_id())
        .where(_live_flags())
        .order_by(Record.day.desc(), Record.received_on.desc(), Record.id)
        .limit(limit)
    )
    if state == "ouverts":
        query = query.where(FlagReview.flag_id.is_(None))
    elif state == "traites":
        query = query.where(FlagReview.flag_id.is_not(None))
    if service_ids is not None:
        query = query.where(_service_id().in_(service_ids))
    rows = session.execute(query).all()
    structures = dict(
        session.execute(
            select(DirectoryEntry.record_id, DirectoryEntry.title).where(
                DirectoryEntry.kind == "structure",
                DirectoryEntry.record_id.in_(
                    {str((p or {}).get("structure_id") or r.payload.get("structure_id") or "")
                     for r, _s, _f, _t, p in rows}
                ),
            )
        ).all()
    )  # fmt: skip
    lines = []
    for flag, site_name, review, title, service_payload in rows:
        structure_id = (service_payload or {}).get("structure_id") or flag.payload.get(
            "structure_id"
        )
        lines.append(
            FlagLine(
                flag.id, flag.day, site_name, str(flag.payload["service_id"]), title,
                structures.get(str(structure_id or "")), str(flag.payload["reason"]),
                flag.payload.get("comment"), review.handled_at if review else None,
                review.handled_by if review else None, review.note if review else None,
            )
        )  # fmt: skip
    return lines


def count_open_flags(session: Session) -> int:
    return int(
        session.scalar(
            select(func.count())
            .select_from(Record)
            .outerjoin(FlagReview, FlagReview.flag_id == Record.id)
            .where(_live_flags(), FlagReview.flag_id.is_(None))
        )
        or 0
    )


def handle_flag(session: Session, flag_id: str, who: str, note: str) -> FlagReview:
    """Mark a flag handled, with what was done (optional). A flag is handled once."""
    note = " ".join(note.split())
    if len(note) > NOTE_LIMIT:
        too_long = f"{NOTE_LIMIT} caractères au plus ({len(note)} saisis)"
        raise HubError(
            "malformed", gettext("Suite donnée\u00a0: {too_long}.").format(too_long=too_long)
        )
    # The flag's row is locked: two coordinators at once, the second is told it is done.
    flag = session.get(Record, flag_id, with_for_update=True)
    if flag is None or flag.kind != "flag":
        raise HubError("malformed", gettext("Signalement inconnu."), 404)
    done = session.get(FlagReview, flag_id)
    if done is not None:
        raise HubError(
            "malformed",
            gettext("Ce signalement a déjà été traité par {handled_by}.").format(
                handled_by=done.handled_by
            ),
            409,
        )
    review = FlagReview(flag_id=flag_id, handled_at=now(), handled_by=who, note=note or None)
    session.add(review)
    session.flush()
    return review


def verify(
    session: Session, engine: Engine, kind: str, record_id: str, who: str, today: date
) -> Published:
    """A coordinator checked the record today: it is published again with today as its
    ``date_maj``, so desks stop showing it as to be checked."""
    if kind not in KINDS:
        raise HubError(
            "malformed", gettext("Type de fiche inconnu\u00a0: {kind}").format(kind=kind), 404
        )
    lock(session, engine)
    entry = session.get(DirectoryEntry, (kind, record_id), with_for_update=True)
    if entry is None or entry.deleted:
        raise HubError(
            "malformed", gettext("Cette fiche n’est plus publiée\u00a0: rien à vérifier."), 404
        )
    change = session.get(DirectoryChange, entry.seq)
    assert change is not None
    entry.verified_on, entry.verified_by = today, who[:200]
    report = Published()
    publish(session, kind, record_id, entry.source, dict(change.payload), report)
    return report


def partner_in_directory(
    session: Session, record_id: str, kinds: tuple[str, ...] = ("structure",)
) -> str:
    """``record_id`` as a live partner of the directory (a structure, or one of ``kinds``);
    refused in words when the directory has no such record."""
    known = record_id and session.scalar(
        select(DirectoryEntry.record_id).where(
            DirectoryEntry.kind.in_(kinds),
            DirectoryEntry.record_id == record_id,
            DirectoryEntry.deleted.is_(False),
        )
    )
    if not known:
        said = gettext("Structure inconnue dans l’annuaire\u00a0: «\u00a0{partner}\u00a0».")
        raise HubError("unknown_partner", said.format(partner=record_id[:60]), 404)
    return record_id
