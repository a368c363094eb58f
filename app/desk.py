"""Opening the desk: database, schema upgrade, reference data, services.

Start-up order: make the folders; on a first start, copy the database prepared at build
time (``app.template``) when it is current; open the database; when the schema is behind,
copy the database with SQLite's backup API and then upgrade it; load the shipped lists and
geography when they are missing or older; load the demo directory on a first start with no
hub. The window then purges notes past the site's retention period, off its thread.
"""

from __future__ import annotations

import shutil
import sqlite3
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from app.backup.health import EMPTY_FILE, file_problems
from app.desk_directory import DirectoryDesk
from app.intake.clock import local_now
from app.intake.contact import ContactRecord
from app.logs import logger
from app.paths import DeskPaths, desk_paths
from core.errors import DeskError
from core.lang import chosen_language
from core.places import CENTRES_EDITION, GEOGRAPHY_EDITION

if TYPE_CHECKING:
    # SQLAlchemy, the models and the services built on them are loaded when the desk opens:
    # the window shows its first screen before (``app.first_screen``).
    from sqlalchemy import Engine
    from sqlalchemy.orm import Session, sessionmaker

    # What the window does not need to show its first screen is imported where it is used
    # (``tests/ui/test_startup_imports.py`` keeps the start light).
    from app.geography import Geography
    from app.intake.reception import EventChoice, Reception
    from app.intake.service import IntakeService
    from app.nomenclature import Nomenclatures
    from app.settings import Settings
    from db.models import SyncQuarantine


@dataclass(frozen=True, slots=True)
class DayView:
    """What the window shows for a day: its visits and the desk's counters."""

    day: date
    contacts: list[ContactRecord]
    active: int
    today_count: int
    pending: int  # records of every kind the hub has yet to take (quarantined ones aside)
    services: int
    last_sync: datetime | None
    free_mb: int | None = None  # room left on the database's disk


log = logger("desk")
# What the log says of a first start (``aiguillage bench`` reads it).
FIRST_START_COPIED = "first start: database copied from the template made at build time"
FIRST_START_MADE = "first start: database made by migrations and seeding"

# Below this much room on its disk, the window warns before a save can fail.
LOW_DISK_MB = 200


@dataclass
class Desk(DirectoryDesk):
    """Everything the command line and the window use, opened once."""

    paths: DeskPaths
    engine: Engine
    sessions: sessionmaker[Session]
    settings: Settings
    lists: Nomenclatures
    geography: Geography
    intake: IntakeService
    backups_made: list[str] = field(default_factory=list)

    @classmethod
    def open(
        cls,
        paths: DeskPaths | None = None,
        *,
        clock: Callable[[], datetime] = local_now,
        monotonic: Callable[[], float] = time.monotonic,
        load_demo: bool = True,
        template: bool | Path = True,
    ) -> Desk:
        """The desk at ``paths``, its database made on a first start: copied from the
        ``template`` made at build time (``True``: the shipped one) when it is current and
        the demo directory is wanted, else made by migrations and seeding."""
        from sqlalchemy.exc import DatabaseError

        from db.engine import create_desk_engine, session_factory

        paths = (paths or desk_paths()).ensure()
        existed = paths.database.exists()
        # An empty or cut file would be taken by SQLite for a new database: the desk would
        # start afresh beside its good backups. It is damage, with the way back named.
        found = file_problems(paths.database) if existed else []
        if found == [EMPTY_FILE] and not _has_backups(paths):
            # Nothing was ever saved nor backed up (a first start cut short): start afresh.
            paths.database.unlink()
            existed, found = False, []
        if not existed:
            _first_database(paths.database, load_demo, template)
        if found:
            damage = _damage(paths)
            if damage is not None:
                raise damage
        engine = create_desk_engine(paths.database)
        backups: list[str] = []
        try:
            backups = _upgrade_schema(engine, paths, existed)
            # The file SQLite has just made, and its journals, for the user's eyes only.
            paths.tighten()
        except (DatabaseError, sqlite3.DatabaseError) as error:
            engine.dispose()
            # Named with the latest sound backup, as the check before opening names it.
            damage = _damage(paths)
            reason = str(error.args[0])[:200]
            raise (damage or DeskError("database_damaged", reason=reason)) from error
        sessions = session_factory(engine)
        settings, lists, geography, intake = _services(sessions, load_demo, clock, monotonic)
        return cls(paths, engine, sessions, settings, lists, geography, intake, backups)

    def day_view(self, day: date) -> DayView:
        """Read in one go (off the GUI thread) what the window shows for ``day``."""
        intake = self.intake
        contacts = intake.contacts_on(day)
        active = sum(1 for c in contacts if not c.cancelled)
        today = intake.today()
        today_count = active if day == today else intake.count_on(today)
        return DayView(
            day,
            contacts,
            active,
            today_count,
            self.pending_count(),
            self.directory_size(),
            self.last_sync(),
            self.free_mb(),
        )

    def free_mb(self) -> int | None:
        """Megabytes free on the disk of the database (``None`` when it cannot be told)."""
        try:
            return int(shutil.disk_usage(self.paths.data).free // 1_000_000)
        except OSError:
            return None

    def pending_count(self) -> int:
        """Records the hub has yet to take: the same count the sync reports."""
        from app.sync.queue import pending_count

        with self.sessions() as session:
            return pending_count(session)

    def last_sync(self) -> datetime | None:
        """The last time a sync with the hub went through (local time), if ever."""
        from sqlalchemy import func, select

        from db.models import SyncState

        with self.sessions() as session:
            moment: datetime | None = session.scalar(select(func.max(SyncState.last_success)))
        if moment is None:
            return None
        return moment.replace(tzinfo=UTC).astimezone().replace(tzinfo=None)

    def purge_notes(self) -> int:
        """Erase the notes past the site's retention period (the window does it at start)."""
        return self.intake.purge_notes(self.retention_days)

    @property
    def retention_days(self) -> int:
        return int(self.settings.get("notes.retention_days"))

    def keep_backups(self) -> Path | None:
        """The day's backup (``None`` when taken already), then the notes past the
        retention period erased from every backup kept, and damaged files set aside that
        long ago deleted: no copy outlives the rule."""
        from app.backup.copies import daily_backup, expire_set_aside, scrub_backups

        made = daily_backup(self.paths.database, self.paths.backups, self.intake.local_now)
        limit = self.intake.notes_limit(self.retention_days)
        scrub_backups(self.paths.backups, limit)
        expire_set_aside(self.paths.database, limit)
        return made

    @property
    def language(self) -> str:
        """``AIGUILLAGE_LANG`` when set (as for the command line), else ``ui.language``."""
        return chosen_language() or str(self.settings.get("ui.language"))

    def directory_size(self) -> int:
        """Services in the partner directory (retired ones left out)."""
        from sqlalchemy import func, select

        from db.models import Service

        with self.sessions() as session:
            count = session.scalar(
                select(func.count()).select_from(Service).where(Service.retired_at.is_(None))
            )
        return int(count or 0)

    @property
    def demo_directory(self) -> bool:
        return bool(self.settings.get("directory.demo_loaded"))

    def close(self) -> None:
        self.engine.dispose()

    # --- what the window asks of the desk, each in its own session --------------------
    # The window runs these off its thread (reads on their pool, writes on the one writer).

    # --- where the desk receives today (app.intake.reception) -------------------------

    def reception(self) -> Reception:
        from app.intake.reception import of_day, titled

        with self.sessions() as session:
            return titled(session, of_day(self.settings, self.intake.today()))

    def receive_at(self, place: str | None, event: str | None) -> Reception:
        """Receive away today (a commune, an event), or back at the site (both None)."""
        from app.intake.reception import set_for_day

        with self.sessions.begin() as session:
            today = self.intake.today()
            return set_for_day(
                session, self.settings, self.geography.check_code, today, place, event
            )

    def events_of_day(self) -> list[EventChoice]:
        from app.intake.reception import events_of

        with self.sessions() as session:
            return events_of(session, self.intake.today())

    def quarantined(self) -> list[SyncQuarantine]:
        """Records the hub refused, kept on this desk."""
        from app.sync.queue import quarantined

        with self.sessions() as session:
            return quarantined(session)


def _services(
    sessions: sessionmaker[Session],
    load_demo: bool,
    clock: Callable[[], datetime],
    monotonic: Callable[[], float],
) -> tuple[Settings, Nomenclatures, Geography, IntakeService]:
    """The reference data seeded where missing or behind, then the desk's services."""
    from app.geography import Geography
    from app.intake.service import IntakeService
    from app.nomenclature import Nomenclatures
    from app.settings import Settings

    settings = Settings(sessions)
    with sessions.begin() as session:
        _seed(session, settings, load_demo)
    lists = Nomenclatures(sessions)
    geography = Geography(sessions)
    settings.check_commune = geography.check_code
    settings.list_codes = lists.active_codes

    def reception() -> tuple[str | None, str | None]:
        from app.intake.reception import of_day

        today = of_day(settings, clock().date())
        return today.place or str(settings.get("site.commune")) or None, today.event

    intake = IntakeService(
        sessions,
        lists,
        geography,
        site_id=lambda: str(settings.get("site.id")),
        clock=clock,
        monotonic=monotonic,
        reception=reception,
    )
    return settings, lists, geography, intake


def _first_database(database: Path, load_demo: bool, template: bool | Path) -> None:
    """A first start's database copied from the template when it is current and the demo
    directory is wanted (else migrations and seeding make it); the log says which way."""
    copied = False
    if load_demo and template is not False:
        from app.template import TEMPLATE, copy_template

        copied = copy_template(database, TEMPLATE if template is True else template)
    log.info(FIRST_START_COPIED if copied else FIRST_START_MADE)


# The backups' module (copies, checks, scrubbing) is loaded when a backup is at stake, not
# on every start: the window takes the day's backup once it is shown.
def _has_backups(paths: DeskPaths) -> bool:
    from app.backup.copies import list_backups

    return bool(list_backups(paths.backups))


def _damage(paths: DeskPaths) -> DeskError | None:
    from app.backup.copies import damage_report

    return damage_report(paths.database, paths.backups)


def _upgrade_schema(engine: Engine, paths: DeskPaths, existed: bool) -> list[str]:
    from db import migrate

    with engine.connect() as connection:
        revision = migrate.current_revision(connection)
    if revision == migrate.HEAD:
        return []
    if revision is not None and revision not in migrate.known_revisions():
        raise DeskError("database_newer", revision=revision)
    made = []
    if existed and revision is not None:
        from app.backup.copies import make_backup

        # Never migrate a damaged database: say so, with the way back.
        damage = _damage(paths)
        if damage is not None:
            raise damage
        made.append(str(make_backup(paths.database, paths.backups, "avant-mise-a-jour")))
    migrate.upgrade(engine)
    return made


def _seed(session: Session, settings: Settings, load_demo: bool) -> None:
    """The lists' defaults, the geography of this release, and the directory's demo and
    search index when they are missing or out of date."""
    from app.directory.search_index import INDEX_VERSION, reindex
    from app.geography import seed_centres, seed_geography
    from app.nomenclature import seed_defaults

    seed_defaults(session)
    reseeded = settings.get("geography.edition") != GEOGRAPHY_EDITION
    if reseeded:
        settings.write(session, "geography.edition", seed_geography(session))
        # A commune may have changed EPCI: the statistics count it again.
        from app.stats.queries import mark_all_dirty

        mark_all_dirty(session)
    if reseeded or settings.get("geography.centres") != CENTRES_EDITION:
        settings.write(session, "geography.centres", seed_centres(session))
    indexed = False
    if load_demo and _wants_demo(session, settings):
        from app.directory.demo import load_demo as load

        load(session)
        settings.write(session, "directory.demo_loaded", True)
        reindex(session)
        indexed = True
    if indexed or settings.get("directory.index_version") != INDEX_VERSION:
        if not indexed:
            reindex(session)
        settings.write(session, "directory.index_version", INDEX_VERSION)


def _wants_demo(session: Session, settings: Settings) -> bool:
    from sqlalchemy import func, select

    from db.models import Structure

    if settings.get("directory.demo_loaded") or settings.get("hub.url"):
        return False
    return not session.scalar(select(func.count()).select_from(Structure))
