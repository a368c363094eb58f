"""A directory record as the detail pane shows it, and what an agent does with it: flag it
as wrong (the flag goes up to the hub), keep it as a favourite, add the site's own entries.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from app.directory import stops, timed
from app.directory.search_index import reindex
from app.directory.stops import StopView
from app.directory.store import upsert_service, upsert_structure
from app.directory.zones import readable
from core import hours, notices
from core.directory import STALE_AFTER
from core.errors import PERSONAL_DATA, DeskError, Said
from core.i18n import N_
from core.privacy import find_personal_data
from db.models import DirectoryFlag, Favourite, Service, Structure

FLAG_REASONS = ("closed", "hours", "contact", "area", "other")
LOCAL_SOURCE = "local"


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None, microsecond=0)


@dataclass(frozen=True, slots=True)
class ServiceDetail:
    """Every field of a service and of its structure, for the detail pane and the slip."""

    service: dict[str, Any]
    structure: dict[str, Any]
    thematiques: list[str]
    publics: list[str]
    modes_accueil: list[str]
    modes_mobilisation: list[str]
    zone_eligibilite: list[str]
    documents: list[str]
    is_local: bool
    favourite: bool
    flags: int
    checked_on: date | None
    stale: bool
    notes: list[str] = field(default_factory=list)
    # Whether the area names anything the desk can read; without one, the service serves
    # around its own address.
    zone_given: bool = True
    # Temporary information still to tell (current, then coming): see core.notices.
    notices: list[notices.Notice] = field(default_factory=list)
    on: date | None = None  # the day the record was read for
    # A permanence (« 2e mardi du mois »): its next openings, the notices heeded.
    next_dates: list[tuple[datetime, datetime]] = field(default_factory=list)
    # A mobile service: its stops to come, the nearest to the visitor first.
    stops: list[StopView] = field(default_factory=list)

    def stops_words(self, lang: str = "fr") -> list[str]:
        """The next stop near the visitor, then the stops to come by date."""
        if not self.stops:
            return []
        first = self.stops[0]
        rest = [v for v in sorted(self.stops, key=lambda v: v.starts_at) if v is not first]
        return [v.words(lang) for v in [first, *rest][: stops.SHOWN]]

    def next_dates_words(self, lang: str = "fr", days: int = 3) -> str:
        """« mardi 8 décembre 2026, 9 h–12 h ; mardi 12 janvier 2027, 9 h–12 h »."""
        from core.events import day_words

        by_day: dict[date, list[tuple[datetime, datetime]]] = {}
        for a, b in self.next_dates:
            by_day.setdefault(a.date(), []).append((a, b))
        joint = "\u00a0; " if lang != "en" else "; "
        return joint.join(day_words(spans, lang) for spans in list(by_day.values())[:days])

    def notice_lines(self, lang: str = "fr", today: date | None = None) -> list[str]:
        """The temporary information in words, then the desk's old notes."""
        day = today or self.on or date.today()
        commune = str(self.service.get("code_insee") or self.structure.get("code_insee") or "")
        told = [
            notices.words(n, day, lang, commune=commune or None)
            for n in notices.shown(self.notices, day)
        ]
        return told + self.notes

    def hours_words(self, lang: str = "fr", today: date | None = None) -> str:
        """The hours in words, on the place's own clock and school holidays (its commune):
        a service in Saint-Denis de La Réunion does not follow Paris's."""

        def pick(name: str) -> str:
            return str(self.service.get(name) or self.structure.get(name) or "")

        commune = pick("code_insee") or None
        return hours.describe(pick("horaires_accueil"), lang, today, commune=commune)


def _columns(row: Any) -> dict[str, Any]:
    return {c.key: getattr(row, c.key) for c in row.__table__.columns}


def detail(
    session: Session,
    service_id: str,
    today: date | None = None,
    near: str | None = None,
    now: datetime | None = None,
) -> ServiceDetail:
    """The service's record; ``near``: the visitor's commune, its nearest stop first;
    ``now`` (aware): from when next dates and stops are told (``today``'s start if not)."""
    service = session.get(Service, service_id)
    if service is None:
        raise DeskError("unknown_service", field="referral", id=service_id)
    structure = service.structure
    today = today or date.today()
    checked = max(filter(None, (service.date_maj, service.verified_on)), default=None)
    flags = session.scalar(
        select(func.count())
        .select_from(DirectoryFlag)
        .where(DirectoryFlag.service_id == service_id, DirectoryFlag.status == "active")
    )
    notes = []
    if service.notice and (service.notice_until is None or service.notice_until >= today):
        notes.append(service.notice)
    told = timed.for_services(session, [(service_id, service.structure_id)], today)
    place = service.code_insee or structure.code_insee
    usual = service.horaires_accueil or structure.horaires_accueil
    start = now or datetime.combine(today, datetime.min.time(), hours.PARIS)
    soon = notices.next_openings(usual, told[service_id], start, count=8, commune=place)
    tour = stops.tours(session, [service_id], start, near, told, now_too=False)
    return ServiceDetail(
        service=_columns(service),
        structure=_columns(structure),
        thematiques=sorted(t.code for t in service.thematiques),
        publics=sorted(p.code for p in service.publics),
        modes_accueil=sorted(m.code for m in service.modes if m.kind == "accueil"),
        modes_mobilisation=sorted(m.code for m in service.modes if m.kind == "mobilisation"),
        zone_eligibilite=sorted(z.code for z in service.zone_eligibilite),
        documents=list(service.documents or []),
        is_local=service.is_local,
        favourite=session.get(Favourite, service_id) is not None,
        flags=int(flags or 0),
        checked_on=checked,
        stale=checked is None or today - checked > STALE_AFTER,
        notes=notes,
        zone_given=bool(readable(session, [z.code for z in service.zone_eligibilite])),
        notices=notices.shown(told[service_id], today),
        on=today,
        next_dates=soon if notices.sparse(soon, start) else [],
        stops=tour[service_id].stops if service_id in tour else [],
    )


def flag(session: Session, service_id: str, reason: str, comment: str | None) -> str:
    """Record that a service looks wrong; returns the flag's id (it goes up to the hub)."""
    if session.get(Service, service_id) is None:
        raise DeskError("unknown_service", field="referral", id=service_id)
    if reason not in FLAG_REASONS:
        raise DeskError("unknown_code", field="flag", code=reason, choices=", ".join(FLAG_REASONS))
    comment = (comment or "").strip() or None
    if reason == "other" and not comment:
        raise DeskError("flag_needs_comment", field="flag")
    if comment and len(comment) > 1000:
        raise DeskError("note_too_long", field="flag", length=len(comment), limit=1000)
    # The comment goes up to the hub: the guard of the visit's note, which never leaves.
    hits = find_personal_data(comment) if comment else []
    if hits:
        kind, text = hits[0].kind, hits[0].text
        what = Said(PERSONAL_DATA.get(kind, N_("une donnée personnelle")))
        raise DeskError("flag_personal_data", field="flag", kind=kind, what=what, text=text)
    now = _now()
    structure_id = session.get(Service, service_id).structure_id  # type: ignore[union-attr]
    flag_id = str(uuid.uuid4())
    session.add(
        DirectoryFlag(
            id=flag_id,
            service_id=service_id,
            structure_id=structure_id,
            reason=reason,
            comment=comment,
            status="active",
            version=1,
            synced_version=0,
            created_at=now,
            updated_at=now,
        )
    )
    return flag_id


def toggle_favourite(session: Session, service_id: str) -> bool:
    """Make a service a favourite, or stop; returns whether it is one now."""
    if session.get(Favourite, service_id) is not None:
        session.execute(delete(Favourite).where(Favourite.service_id == service_id))
        return False
    if session.get(Service, service_id) is None:
        raise DeskError("unknown_service", field="referral", id=service_id)
    session.add(Favourite(service_id=service_id, created_at=_now()))
    return True


def add_local(session: Session, structure: dict[str, Any], service: dict[str, Any]) -> str:
    """Add one of the site's own entries (a structure and a service), checked by the
    data.inclusion schema, marked local: no sync and no import ever overwrites it."""
    from data_inclusion.schema import v1
    from pydantic import ValidationError

    from core.directory.validation import explain

    token = uuid.uuid4().hex[:12]
    today = date.today().isoformat()
    structure_record = {
        "source": LOCAL_SOURCE,
        "id": structure.get("id") or f"{LOCAL_SOURCE}--{token}",
        "date_maj": today,
        **{k: v for k, v in structure.items() if k != "id"},
    }
    service_record = {
        "source": LOCAL_SOURCE,
        "id": f"{LOCAL_SOURCE}--{token}-s",
        "structure_id": structure_record["id"],
        "date_maj": today,
        **{k: v for k, v in service.items() if k != "documents"},
    }
    try:
        checked_structure = v1.Structure.model_validate(structure_record).model_dump()
        checked_service = v1.Service.model_validate(service_record).model_dump()
    except ValidationError as error:
        french, english = explain(error.errors())
        raise DeskError("local_entry_refused", reason=(french, english)) from None
    existing = session.get(Structure, checked_structure["id"])
    if existing is None or not existing.is_local:
        upsert_structure(session, checked_structure).is_local = True
    session.flush()
    row = upsert_service(session, checked_service, list(service.get("documents") or []))
    row.is_local = True
    row.verified_on = date.today()
    session.flush()
    reindex(session, [row.id])
    return row.id


def mark_verified(session: Session, service_id: str, on: date | None = None) -> None:
    """The agent checked the record with the partner: it is no longer to be checked."""
    service = session.get(Service, service_id)
    if service is None:
        raise DeskError("unknown_service", field="referral", id=service_id)
    service.verified_on = on or date.today()
