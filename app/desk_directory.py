"""What the window asks of the desk's directory, each in its own session: search, a
record's detail, flags, favourites, the site's own entries, imports, temporary information
and the region's events. The window runs these off its thread (reads on their pool,
writes on the one writer)."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sqlalchemy.orm import Session, sessionmaker

    from app.directory.batch import Batch, ImportSummary
    from app.directory.events import EventLine, EventQuery
    from app.directory.records import ServiceDetail
    from app.directory.search import SearchHit, SearchQuery
    from app.geography import Geography
    from app.intake.service import IntakeService
    from core.notices import Notice


class DirectoryDesk:
    """The directory's part of :class:`app.desk.Desk`."""

    __slots__ = ()
    sessions: sessionmaker[Session]
    geography: Geography
    intake: IntakeService

    def directory_search(
        self, query: SearchQuery, *, now: datetime | None = None
    ) -> list[SearchHit]:
        from app.directory.search import search

        with self.sessions() as session:
            return search(session, query, now=now)

    def service_detail(self, service_id: str, today: date | None = None) -> ServiceDetail:
        from app.directory import records

        with self.sessions() as session:  # on the desk's own clock
            if today is not None:
                return records.detail(session, service_id, today=today)
            now = self.intake.now()
            return records.detail(session, service_id, today=now.date(), now=now)

    def flag_service(self, service_id: str, reason: str, comment: str | None) -> str:
        from app.directory import records

        with self.sessions.begin() as session:
            return records.flag(session, service_id, reason, comment)

    def toggle_favourite(self, service_id: str) -> bool:
        from app.directory import records

        with self.sessions.begin() as session:
            return records.toggle_favourite(session, service_id)

    def mark_verified(self, service_id: str) -> None:
        from app.directory import records

        with self.sessions.begin() as session:
            records.mark_verified(session, service_id)

    def add_local_entry(self, structure: dict[str, Any], service: dict[str, Any]) -> str:
        from app.directory import records

        with self.sessions.begin() as session:
            return records.add_local(session, structure, service)

    def read_directory(self, path: Path) -> Batch:
        """A directory file or folder read and checked, before anything is written."""
        from app.directory.formats import read_directory

        return read_directory(path, self.geography)

    def import_directory(self, batch: Batch) -> ImportSummary:
        from app.directory.importing import apply

        with self.sessions.begin() as session:
            return apply(session, batch)

    def set_notice(self, service_id: str, notice: Notice, whole: bool = False) -> str:
        """Temporary information set on this desk (it stays here): on the service, or on
        its whole structure."""
        from app.directory import timed

        with self.sessions.begin() as session:
            return timed.set_local(session, service_id, notice, whole)

    def own_notices(self, service_id: str, day: date) -> list[tuple[str, Notice]]:
        from app.directory import timed

        with self.sessions() as session:
            return timed.local_ids(session, service_id, day)

    def withdraw_notice(self, notice_id: str) -> None:
        from app.directory import timed

        with self.sessions.begin() as session:
            timed.withdraw_local(session, notice_id)

    def upcoming_events(self, query: EventQuery) -> list[EventLine]:
        from app.directory import events

        with self.sessions() as session:
            return events.upcoming(session, query)
