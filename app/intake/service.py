"""The intake service: log, edit, cancel and undo first contacts ("accueils").

A contact names nobody: only codes from the lists, a commune, and an optional note that
stays on the desk and is refused when it looks like personal data.
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta, tzinfo
from typing import Any, cast

from sqlalchemy import Connection, Engine, Table, delete, func, insert, select, text, update
from sqlalchemy.orm import Session, sessionmaker

from app.geography import Geography
from app.intake.checks import DraftChecks
from app.intake.clock import UNDO_SECONDS, day_bounds, local_now
from app.intake.contact import ContactDraft, ContactRecord, record_of
from app.nomenclature import Nomenclatures
from app.referrals.codes import set_referrals
from core.errors import DeskError
from db.models import Base, Contact, ContactAnswer, ContactTheme


def _table(model: type[Base]) -> Table:
    return cast(Table, model.__table__)


# Pages SQLite may keep in memory while it writes many rows (KiB): the indexes of the
# contacts and their codes take rows at random places; with SQLite's default 2 MB, each
# row sends it back to the disk for pages it had a moment ago.
_BULK_CACHE_KIB = 32 * 1024


@contextmanager
def _bulk_writing(connection: Connection) -> Iterator[None]:
    """``connection`` set up for many rows for the block, which is to hold whole
    transactions (the settings cannot change within one), as it was after.

    Each row inserted fires the statistics' triggers, for which SQLite keeps a statement
    journal, once past a few pages a file on disk: 100,000 rows cost millions of small
    writes to it. That journal only takes back a failed statement within the transaction,
    so it is kept in memory; the transaction itself stays in the desk's own journal (WAL),
    on disk as before, and synchronous as before."""
    before = [
        (name, connection.exec_driver_sql(f"PRAGMA {name}").scalar())
        for name in ("temp_store", "cache_size")
    ]
    connection.exec_driver_sql("PRAGMA temp_store = MEMORY")
    connection.exec_driver_sql(f"PRAGMA cache_size = {-_BULK_CACHE_KIB}")
    connection.commit()  # nothing written: it ends the block SQLAlchemy began
    try:
        yield
    finally:
        for name, value in before:
            connection.exec_driver_sql(f"PRAGMA {name} = {int(value or 0)}")
        connection.commit()


class IntakeService(DraftChecks):
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
        reception: Callable[[], tuple[str | None, str | None]] = lambda: (None, None),
    ) -> None:
        super().__init__(sessions, nomenclatures, geography, clock)
        self._site_id = site_id
        # Where the desk receives now (app.intake.reception): stamped on each new contact.
        self.reception = reception
        self._monotonic = monotonic
        self._last_saved: tuple[str, float] | None = None

    # --- writing ------------------------------------------------------------------

    def _moments(
        self, draft: ContactDraft, zone: tzinfo | None = None
    ) -> tuple[datetime, datetime]:
        """(local naive, UTC naive) moments of a checked draft (in ``zone``, that of the
        desk's clock unless given)."""
        moment = self.local(draft.moment, zone) if draft.moment else self._clock()
        local = moment.replace(tzinfo=None, microsecond=0)
        utc = moment.astimezone(UTC).replace(tzinfo=None, microsecond=0)
        return local, utc

    def build(self, draft: ContactDraft, contact_id: str | None = None) -> Contact:
        """A new contact row from a checked draft (not added to any session)."""
        contact = Contact(**self._columns(draft, contact_id, self._site_id(), self._utc_now()))
        contact.themes = [ContactTheme(code=c) for c in draft.themes]
        contact.answers = [ContactAnswer(code=c) for c in draft.answers]
        return contact

    def _columns(
        self,
        draft: ContactDraft,
        contact_id: str | None,
        site_id: str,
        stamp: datetime,
        zone: tzinfo | None = None,
    ) -> dict[str, Any]:
        """The contact table's values for a new contact from a checked draft."""
        local, utc = self._moments(draft, zone)
        return {
            "id": contact_id or str(uuid.uuid4()),
            "site_id": site_id,
            "moment_local": local,
            "moment_utc": utc,
            "time_known": draft.time_known,
            "status": "active",
            "version": 1,
            "synced_version": 0,
            "created_at": stamp,
            "updated_at": stamp,
            **self._answered(draft),
        }

    @staticmethod
    def _answered(draft: ContactDraft) -> dict[str, Any]:
        """The contact table's values that the visit's answers give."""
        return {
            "channel": draft.channel,
            "public": draft.public,
            "age": draft.age,
            "gender": draft.gender,
            "commune": draft.commune,
            "duration": draft.duration or None,
            "first_visit": draft.first_visit,
            "place": draft.place or None,
            "event": draft.event or None,
            "agent_code": draft.agent_code,
            "note": draft.note,
            "batch": draft.batch,
        }

    @contextmanager
    def adding(self) -> Iterator[Callable[[list[ContactDraft]], None]]:
        """One transaction to store many drafts already checked, given a batch at a time:
        every batch is on disk when the block ends, none if it raises. Rows go in as plain
        values through the table (no objects to track, none of the ORM's bookkeeping), so
        a file of 100,000 tallies keeps its memory flat."""
        site_id, stamp, zone = self._site_id(), self._utc_now(), self._clock().tzinfo
        with self._sessions() as session:
            engine = session.get_bind()
        assert isinstance(engine, Engine), "the desk's sessions are bound to its engine"
        with engine.connect() as db, _bulk_writing(db), db.begin():

            def add(drafts: list[ContactDraft]) -> None:
                if not drafts:
                    return
                rows = [self._columns(draft, None, site_id, stamp, zone) for draft in drafts]
                themes = [
                    {"contact_id": row["id"], "code": code}
                    for row, draft in zip(rows, drafts, strict=True)
                    for code in draft.themes
                ]
                answers = [
                    {"contact_id": row["id"], "code": code}
                    for row, draft in zip(rows, drafts, strict=True)
                    for code in draft.answers
                ]
                db.execute(insert(_table(Contact)), rows)
                if themes:
                    db.execute(insert(_table(ContactTheme)), themes)
                if answers:
                    db.execute(insert(_table(ContactAnswer)), answers)

            yield add

    @classmethod
    def _fill(cls, contact: Contact, draft: ContactDraft) -> None:
        for name, value in cls._answered(draft).items():
            setattr(contact, name, value)
        contact.themes = [ContactTheme(code=c) for c in draft.themes]
        contact.answers = [ContactAnswer(code=c) for c in draft.answers]

    def _utc_now(self) -> datetime:
        return self._clock().astimezone(UTC).replace(tzinfo=None, microsecond=0)

    def received(self, draft: ContactDraft) -> ContactDraft:
        """``draft`` with where the desk receives now, unless it says so itself."""
        if draft.place is None and draft.event is None:
            draft.place, draft.event = self.reception()
        return draft

    def save(self, draft: ContactDraft) -> ContactRecord:
        """Check and store a new contact; once this returns, it is on disk."""
        clean = self.validate(self.received(replace(draft)))
        contact = self.build(clean)
        with self._sessions.begin() as session:
            session.add(contact)
            if clean.referrals:
                set_referrals(session, contact, clean.referrals, contact.created_at)
        self._last_saved = (contact.id, self._monotonic())
        return self.get(contact.id)

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
            # Where it was received, and its batch, stay as stored: the form corrects
            # what the visitor said, not where the desk was.
            if clean.place is None and clean.event is None:
                clean.place, clean.event = contact.place, contact.event
            clean.batch = clean.batch or contact.batch
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
