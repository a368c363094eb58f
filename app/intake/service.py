"""The intake service: log, edit, cancel and undo first contacts ("accueils").

A contact names nobody: only codes from the lists, a commune, and an optional note that
stays on the desk and is refused when it looks like personal data.
"""

from __future__ import annotations

import re
import time
import uuid
from collections.abc import Callable, Iterable
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import delete, func, select, text, update
from sqlalchemy.orm import Session, sessionmaker

from app.geography import Geography
from app.intake.clock import day_bounds, local_now, machine_local
from app.intake.contact import ContactDraft, ContactRecord, record_of
from app.nomenclature import Nomenclatures
from app.referrals.codes import set_referrals
from core.errors import DeskError, ValidationFailed
from core.fields import CONTACT_FIELDS
from core.privacy import find_personal_data
from db.models import Contact, ContactAnswer, ContactTheme, Service

UNDO_SECONDS = 10
NOTE_MAX = 500
_AGENT_CODE = re.compile(r"^[A-Za-z0-9]{1,8}$")
# A moment a few minutes ahead is a clock drift between machines, not a mistake.
_FUTURE_TOLERANCE = timedelta(minutes=5)
# Nothing this desk records can be older than the SPRO itself.
EARLIEST = date(2000, 1, 1)


def _dedupe(codes: Iterable[str]) -> list[str]:
    seen: dict[str, None] = {}
    for code in codes:
        code = code.strip()
        if code:
            seen.setdefault(code, None)
    return list(seen)


class IntakeService:
    """Checks and stores contacts. One instance per desk; thread-safe through its sessions."""

    def __init__(
        self,
        sessions: sessionmaker[Session],
        nomenclatures: Nomenclatures,
        geography: Geography,
        *,
        site_id: Callable[[], str] = lambda: "local",
        clock: Callable[[], datetime] = local_now,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self._sessions = sessions
        self._lists = nomenclatures
        self._geo = geography
        self._site_id = site_id
        self._clock = clock
        self._monotonic = monotonic
        self._last_saved: tuple[str, float] | None = None

    # --- checking -----------------------------------------------------------------

    def validate(self, draft: ContactDraft) -> ContactDraft:
        """The draft cleaned up (codes trimmed, duplicates removed, commune upper-cased),
        or :class:`ValidationFailed` naming every problem."""
        problems: list[DeskError] = []
        clean = replace(
            draft,
            themes=_dedupe(draft.themes),
            answers=_dedupe(draft.answers),
            note=(draft.note or "").strip() or None,
            agent_code=(draft.agent_code or "").strip().upper() or None,
            referrals=_dedupe(draft.referrals),
        )
        for field in CONTACT_FIELDS:
            if not field.listed or field.multiple:
                continue  # several codes: checked below, each with its own message
            value = (getattr(clean, field.name) or "").strip()
            if field.required or value:
                setattr(clean, field.name, value)
                self._check_code(field.key, value, problems)
            else:
                setattr(clean, field.name, None)  # an optional code left blank
        if not clean.themes:
            problems.append(DeskError("need_one_theme", field="theme"))
        for code in clean.themes:
            self._check_code("theme", code, problems)
        if not clean.answers:
            problems.append(DeskError("need_one_answer", field="answer"))
        for code in clean.answers:
            self._check_code("answer", code, problems)
        if not clean.commune.strip():
            problems.append(DeskError("missing_value", field="commune"))
        else:
            try:
                clean.commune = self._geo.check_code(clean.commune)
            except DeskError as error:
                problems.append(error)
        if clean.agent_code and not _AGENT_CODE.match(clean.agent_code):
            problems.append(DeskError("agent_code_invalid", field="agent_code"))
        if clean.note:
            problems.extend(self._check_note(clean.note))
        if clean.referrals:
            problems.extend(self._check_services(clean.referrals))
        if clean.moment is not None:
            problems.extend(self._check_moment(clean.moment, clean.time_known))
        if problems:
            raise ValidationFailed(problems)
        return clean

    def local(self, moment: datetime) -> datetime:
        """``moment`` as an aware time of the desk's time zone; a naive one is taken as
        the desk's local time (daylight saving included)."""
        zone = self._clock().tzinfo
        if isinstance(zone, ZoneInfo):
            aware = moment.replace(tzinfo=zone) if moment.tzinfo is None else moment
            # Through UTC and back: a time the clocks skipped in spring (02:30 on the last
            # Sunday of March) becomes the hour it really was (03:30), so the local and
            # UTC moments stored always agree.
            return aware.astimezone(UTC).astimezone(zone)
        return machine_local(moment)

    def _check_moment(self, moment: datetime, time_known: bool) -> list[DeskError]:
        if moment.year < EARLIEST.year:
            shown = f"{moment.day:02d}/{moment.month:02d}/{moment.year:04d}"
            return [DeskError("moment_too_old", field="date", moment=shown, earliest=EARLIEST.year)]
        local = self.local(moment)
        now = self._clock()
        # A tally with a date only is in the future only when its day is.
        future = local.date() > now.date() if not time_known else local > now + _FUTURE_TOLERANCE
        if future:
            shown = local.strftime("%d/%m/%Y %H:%M" if time_known else "%d/%m/%Y")
            return [DeskError("moment_in_future", field="date", moment=shown)]
        return []

    def _check_code(self, list_name: str, code: str, problems: list[DeskError]) -> None:
        if not code:
            problems.append(DeskError("missing_value", field=list_name))
            return
        item = self._lists.item(list_name, code)
        if item is None:
            choices = ", ".join(self._lists.active_codes(list_name))
            problems.append(DeskError("unknown_code", field=list_name, code=code, choices=choices))
        elif not item.active:
            problems.append(DeskError("inactive_code", field=list_name, code=code))

    def _check_services(self, service_ids: list[str]) -> list[DeskError]:
        with self._sessions() as session:
            known = set(
                session.scalars(
                    select(Service.id).where(
                        Service.id.in_(service_ids), Service.retired_at.is_(None)
                    )
                )
            )
        return [
            DeskError("unknown_service", field="referral", id=service_id)
            for service_id in service_ids
            if service_id not in known
        ]

    @staticmethod
    def _check_note(note: str) -> list[DeskError]:
        if len(note) > NOTE_MAX:
            return [DeskError("note_too_long", field="note", length=len(note), limit=NOTE_MAX)]
        hits = find_personal_data(note)
        return [
            DeskError("note_personal_data", field="note", kind=hit.kind, text=hit.text)
            for hit in hits[:1]
        ]

    # --- writing ------------------------------------------------------------------

    def _moments(self, draft: ContactDraft) -> tuple[datetime, datetime]:
        """(local naive, UTC naive) moments of a checked draft."""
        moment = self.local(draft.moment) if draft.moment else self._clock()
        local = moment.replace(tzinfo=None, microsecond=0)
        utc = moment.astimezone(UTC).replace(tzinfo=None, microsecond=0)
        return local, utc

    def build(self, draft: ContactDraft, contact_id: str | None = None) -> Contact:
        """A new contact row from a checked draft (not added to any session)."""
        local, utc = self._moments(draft)
        stamp = self._utc_now()
        contact = Contact(
            id=contact_id or str(uuid.uuid4()),
            site_id=self._site_id(),
            moment_local=local,
            moment_utc=utc,
            time_known=draft.time_known,
            status="active",
            version=1,
            synced_version=0,
            created_at=stamp,
            updated_at=stamp,
        )
        self._fill(contact, draft)
        return contact

    @staticmethod
    def _fill(contact: Contact, draft: ContactDraft) -> None:
        contact.channel = draft.channel
        contact.public = draft.public
        contact.age = draft.age
        contact.gender = draft.gender
        contact.commune = draft.commune
        contact.duration = draft.duration or None
        contact.first_visit = draft.first_visit
        contact.agent_code = draft.agent_code
        contact.note = draft.note
        contact.themes = [ContactTheme(code=c) for c in draft.themes]
        contact.answers = [ContactAnswer(code=c) for c in draft.answers]

    def _utc_now(self) -> datetime:
        return self._clock().astimezone(UTC).replace(tzinfo=None, microsecond=0)

    def save(self, draft: ContactDraft) -> ContactRecord:
        """Check and store a new contact; once this returns, it is on disk."""
        clean = self.validate(draft)
        contact = self.build(clean)
        with self._sessions.begin() as session:
            session.add(contact)
            if clean.referrals:
                set_referrals(session, contact, clean.referrals, contact.created_at)
        self._last_saved = (contact.id, self._monotonic())
        return self.get(contact.id)

    def save_many(self, checked: list[ContactDraft]) -> int:
        """Store drafts already checked by :meth:`validate`, all in one transaction."""
        with self._sessions.begin() as session:
            session.add_all(self.build(draft) for draft in checked)
        return len(checked)

    def edit(self, contact_id: str, draft: ContactDraft) -> ContactRecord:
        """Store a corrected contact as a new version of the same record."""
        clean = self.validate(draft)
        with self._sessions.begin() as session:
            contact = self._load(session, contact_id)
            if contact.status == "cancelled":
                raise DeskError("contact_cancelled")
            unchanged = (
                clean.moment is not None
                and clean.moment.tzinfo is None
                and clean.moment.replace(microsecond=0) == contact.moment_local
                and clean.time_known == contact.time_known
            )
            # The same wall-clock time keeps its UTC moment: in the hour the clocks go
            # back, 02:10 read again would otherwise become summer time.
            if clean.moment is not None and not unchanged:
                contact.moment_local, contact.moment_utc = self._moments(clean)
                contact.time_known = clean.time_known
            self._fill(contact, clean)
            contact.version += 1
            contact.updated_at = self._utc_now()
            set_referrals(session, contact, clean.referrals, contact.updated_at)
        return self.get(contact_id)

    def cancel(self, contact_id: str) -> ContactRecord:
        """Mark a contact cancelled: it is kept, stops counting, and travels as a tombstone."""
        with self._sessions.begin() as session:
            contact = self._load(session, contact_id)
            if contact.status != "cancelled":
                contact.status = "cancelled"
                contact.version += 1
                contact.updated_at = self._utc_now()
        return self.get(contact_id)

    def undo_last(self) -> str:
        """Take back the last contact saved, within :data:`UNDO_SECONDS`; returns its id.
        Never sent and no slip printed, it is removed; otherwise it is cancelled (a slip in
        the visitor's hand keeps its code readable)."""
        if self._last_saved is None or (self._monotonic() - self._last_saved[1] > UNDO_SECONDS):
            raise DeskError("nothing_to_undo", seconds=UNDO_SECONDS)
        contact_id = self._last_saved[0]
        self._last_saved = None
        with self._sessions.begin() as session:
            contact = self._load(session, contact_id)
            printed = any(r.printed_at is not None or r.synced_version for r in contact.referrals)
            if contact.synced_version == 0 and not printed:
                session.execute(delete(Contact).where(Contact.id == contact_id))
                return contact_id
        self.cancel(contact_id)
        return contact_id

    def take_back(self) -> ContactRecord:
        """Undo the last save (:meth:`undo_last`) and return what it held, so that the
        agent types it again, fixed."""
        if self._last_saved is None:
            raise DeskError("nothing_to_undo", seconds=UNDO_SECONDS)
        record = self.get(self._last_saved[0])
        self.undo_last()
        return record

    def keep_undo(self) -> None:
        """Start the undo period of the last save again: a dialog held the window (the slip
        preview that follows a save) while it ran."""
        if self._last_saved is not None:
            self._last_saved = (self._last_saved[0], self._monotonic())

    @property
    def can_undo(self) -> bool:
        return self._last_saved is not None and (
            self._monotonic() - self._last_saved[1] <= UNDO_SECONDS
        )

    def local_now(self) -> datetime:
        """The desk's local time, naive, as ``moment_local`` is stored."""
        return self._clock().replace(tzinfo=None)

    def notes_limit(self, retention_days: int) -> datetime:
        """The local moment before which a contact's note is past the retention period."""
        return self.local_now() - timedelta(days=retention_days)

    def purge_notes(self, retention_days: int) -> int:
        """Erase notes older than the site's retention period; returns how many. Their
        bytes are overwritten too (SQLite's secure delete), and the journal emptied, so
        the text cannot be read back from the file's free space."""
        with self._sessions.begin() as session:
            session.execute(text("PRAGMA secure_delete = ON"))
            result = session.execute(
                update(Contact)
                .where(
                    Contact.note.is_not(None),
                    Contact.moment_local < self.notes_limit(retention_days),
                )
                .values(note=None)
            )
            count = int(getattr(result, "rowcount", 0) or 0)
        if count:
            with self._sessions() as session:
                session.execute(text("PRAGMA wal_checkpoint(TRUNCATE)"))
        return count

    # --- reading ------------------------------------------------------------------

    @staticmethod
    def _load(session: Session, contact_id: str) -> Contact:
        contact = session.get(Contact, contact_id)
        if contact is None:
            raise DeskError("contact_not_found", id=contact_id)
        return contact

    def get(self, contact_id: str) -> ContactRecord:
        with self._sessions() as session:
            return record_of(self._load(session, contact_id))

    def contacts_on(self, day: date, *, include_cancelled: bool = True) -> list[ContactRecord]:
        """The contacts of one local day, oldest first."""
        start, end = day_bounds(day)
        query = (
            select(Contact)
            .where(Contact.moment_local >= start, Contact.moment_local < end)
            # By the UTC moment: in the hour the clocks go back, 02:40 summer time
            # comes before 02:10 winter time.
            .order_by(Contact.moment_utc, Contact.created_at)
        )
        if not include_cancelled:
            query = query.where(Contact.status == "active")
        with self._sessions() as session:
            return [record_of(row) for row in session.scalars(query)]

    def count_on(self, day: date) -> int:
        """Active contacts of one local day."""
        start, end = day_bounds(day)
        with self._sessions() as session:
            count = session.scalar(
                select(func.count())
                .select_from(Contact)
                .where(
                    Contact.moment_local >= start,
                    Contact.moment_local < end,
                    Contact.status == "active",
                )
            )
        return int(count or 0)

    def now(self) -> datetime:
        """The desk's clock (aware): what "open now" and "today" mean."""
        return self._clock()

    def today(self) -> date:
        return self._clock().date()
