"""The window's named operations on the desk, as Anki's ``CollectionOp`` and ``QueryOp``.

The window never opens a database session nor writes on its own thread: it asks
``ops.save_visit(draft).success(shown).run(self)``. A write runs on the one serial writer and,
once done, announces what it changed (``TaskManager.sig_changed``) so that each panel refreshes
itself; a read runs on the read pool. Database and file errors come back as the desk's own
error (``app.failures``); an operation given no failure callback shows it in a dialog.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable, Iterable
from concurrent.futures import Future
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMessageBox, QWidget
from shiboken6 import isValid

from app.desk import DayView, Desk
from app.failures import guarded
from app.intake.contact import ContactDraft, ContactRecord
from core.errors import DeskError
from ui.places import Places, communes_of
from ui.taskman import TaskManager

if TYPE_CHECKING:
    # The directory's search, records and imports: loaded by the desk when first asked for,
    # not before the first screen.
    from app.directory.batch import Batch, ImportSummary
    from app.directory.records import ServiceDetail
    from app.directory.search import SearchHit, SearchQuery

# The operations of each open desk, by the desk's id: a dialog with no window above it
# (the settings before the window, a file dialog in a test) writes through the same writer.
_OPS_OF_DESK: weakref.WeakValueDictionary[int, DeskOps] = weakref.WeakValueDictionary()

T = TypeVar("T")


class Change(StrEnum):
    """What a write changed, for the panels that show it."""

    VISITS = "visits"
    DIRECTORY = "directory"
    SETTINGS = "settings"


@dataclass(frozen=True, slots=True)
class RefusedRecord:
    """A record version the hub refused, as the sync tab lists it."""

    kind: str
    record_id: str
    version: int
    outcome: str
    reason: str


class Op(Generic[T]):
    """``Op(...).success(cb).failure(cb).run(parent)``: one piece of work off the GUI thread.

    With no failure callback, a failure shows a dialog over ``parent`` with the desk's words.
    """

    def __init__(
        self,
        ops: DeskOps,
        fn: Callable[[], T],
        *,
        read: bool,
        long: bool = False,
        changes: Iterable[Change] = (),
    ) -> None:
        self._ops = ops
        self._fn = guarded(fn)
        self._read = read
        self._long = long
        self._changes = frozenset(changes)
        self._success: Callable[[T], None] = lambda _result: None
        self._failure: Callable[[BaseException], None] | None = None

    def success(self, callback: Callable[[T], None]) -> Op[T]:
        self._success = callback
        return self

    def failure(self, callback: Callable[[BaseException], None]) -> Op[T]:
        self._failure = callback
        return self

    def run(self, parent: QWidget | None = None) -> Future[T]:
        tasks = self._ops.tasks

        def gone() -> bool:
            # The widget that asked was closed meanwhile: nobody is left to show it to.
            return parent is not None and not isValid(parent)

        def succeeded(result: T) -> None:
            try:
                if not gone():
                    self._success(result)
            finally:  # what was written is written: the panels refresh even if the callback failed
                if self._changes:
                    tasks.sig_changed.emit(self._changes)

        def failed(error: BaseException) -> None:
            if gone():
                self._ops.show_failure(None, error)
            elif self._failure is not None:
                self._failure(error)
            else:
                self._ops.show_failure(parent, error)

        return tasks.submit(self._fn, succeeded, failed, read=self._read, long=self._long)


class DeskOps(QObject):
    """Every operation the window performs on the desk, by name.

    Each work function closes over the desk and plain values, never over ``self``: it runs
    on a worker, which must hold no Qt object (``ui.taskman``).
    """

    def __init__(
        self,
        desk: Desk,
        tasks: TaskManager,
        parent: QObject | None = None,
        places: Places | None = None,
    ) -> None:
        super().__init__(parent)
        self.desk = desk
        self.tasks = tasks
        # The window's places serve its first screen before the desk is open.
        self.places = places or Places(desk.geography, tasks)
        self.places.bind(desk.geography)
        self.failure_box: QMessageBox | None = None  # the last failure shown
        _OPS_OF_DESK[id(desk)] = self

    def write(self, fn: Callable[[], T], *changes: Change) -> Op[T]:
        return Op(self, fn, read=False, changes=changes)

    def read(self, fn: Callable[[], T]) -> Op[T]:
        """A read the agent waits for: the day, a search, a record."""
        return Op(self, fn, read=True)

    def long_read(self, fn: Callable[[], T]) -> Op[T]:
        """A read that takes its time (an export, a slip, a backup, a check, a file read):
        on a pool of its own, so that it never delays what the agent waits for."""
        return Op(self, fn, read=True, long=True)

    def show_failure(self, parent: QWidget | None, error: BaseException) -> None:
        """The default failure of an operation: a dialog that says what went wrong."""
        if isinstance(error, DeskError):
            text = error.text(self.desk.language)
        else:
            text = self.tr("Erreur inattendue\u00a0: %1").replace("%1", str(error)[:300])
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Opération impossible"),
            text,
            QMessageBox.StandardButton.Ok,
            parent,
        )
        box.setObjectName("operationFailed")
        box.open()
        self.failure_box = box

    # --- visits -----------------------------------------------------------------------

    def day_view(self, day: date) -> Op[DayView]:
        """The day's visits and counters, with the names of their communes."""
        desk, known = self.desk, self.places.known

        def read() -> DayView:
            view = desk.day_view(day)
            codes = [c.commune for c in view.contacts if c.commune not in known]
            known.update(communes_of(desk.geography, codes))
            return view

        return self.read(read)

    def contact(self, contact_id: str) -> Op[ContactRecord]:
        """A stored visit, with the name of its commune."""
        desk, known = self.desk, self.places.known

        def read() -> ContactRecord:
            record = desk.intake.get(contact_id)
            known.update(communes_of(desk.geography, [record.commune]))
            return record

        return self.read(read)

    def save_visit(self, draft: ContactDraft) -> Op[ContactRecord]:
        desk = self.desk
        return self.write(lambda: desk.intake.save(draft), Change.VISITS)

    def edit_visit(self, contact_id: str, draft: ContactDraft) -> Op[ContactRecord]:
        desk = self.desk
        return self.write(lambda: desk.intake.edit(contact_id, draft), Change.VISITS)

    def cancel_visit(self, contact_id: str) -> Op[ContactRecord]:
        desk = self.desk
        return self.write(lambda: desk.intake.cancel(contact_id), Change.VISITS)

    def take_back(self) -> Op[ContactRecord]:
        return self.write(self.desk.intake.take_back, Change.VISITS)

    def purge_notes(self) -> Op[int]:
        return self.write(self.desk.purge_notes)

    def mark_printed(self, referral_ids: list[str]) -> Op[None]:
        from app.referrals.records import mark_printed

        desk = self.desk
        return self.write(lambda: mark_printed(desk, referral_ids), Change.VISITS)

    # --- the directory ----------------------------------------------------------------

    def directory_search(
        self, query: SearchQuery, now: datetime | None = None
    ) -> Op[list[SearchHit]]:
        desk = self.desk
        return self.read(lambda: desk.directory_search(query, now=now))

    def service_detail(self, service_id: str, today: date | None = None) -> Op[ServiceDetail]:
        """A service's record, with the names of the communes it serves."""
        desk, known = self.desk, self.places.known

        def read() -> ServiceDetail:
            detail = desk.service_detail(service_id, today)
            codes = [c for c in detail.zone_eligibilite if len(c) == 5 and c not in known]
            known.update(communes_of(desk.geography, codes))
            return detail

        return self.read(read)

    def directory_size(self) -> Op[int]:
        return self.read(self.desk.directory_size)

    def toggle_favourite(self, service_id: str) -> Op[bool]:
        desk = self.desk
        return self.write(lambda: desk.toggle_favourite(service_id), Change.DIRECTORY)

    def mark_verified(self, service_id: str) -> Op[None]:
        desk = self.desk
        return self.write(lambda: desk.mark_verified(service_id), Change.DIRECTORY)

    def flag_service(self, service_id: str, reason: str, comment: str | None) -> Op[str]:
        desk = self.desk
        return self.write(lambda: desk.flag_service(service_id, reason, comment), Change.DIRECTORY)

    def add_local_entry(self, structure: dict[str, Any], service: dict[str, Any]) -> Op[str]:
        desk = self.desk
        return self.write(lambda: desk.add_local_entry(structure, service), Change.DIRECTORY)

    def read_directory(self, path: Path) -> Op[Batch]:
        """Read and check a file on the pool: the writer only applies what was read."""
        desk = self.desk
        return self.long_read(lambda: desk.read_directory(path))

    def import_directory(self, batch: Batch) -> Op[ImportSummary]:
        desk = self.desk
        return self.write(lambda: desk.import_directory(batch), Change.DIRECTORY)

    # --- settings, sync ---------------------------------------------------------------

    def save_settings(self, values: dict[str, str]) -> Op[dict[str, Any]]:
        """Typed values checked, then stored together (nothing stored on a refusal)."""
        desk = self.desk
        return self.write(lambda: desk.settings.set_texts(values), Change.SETTINGS)

    def set_settings(self, values: dict[str, Any]) -> Op[None]:
        desk = self.desk

        def store() -> None:
            for key, value in values.items():
                desk.settings.set(key, value)

        return self.write(store, Change.SETTINGS)

    def quarantined(self) -> Op[list[RefusedRecord]]:
        desk = self.desk

        def read() -> list[RefusedRecord]:
            return [
                RefusedRecord(row.kind, row.record_id, row.version, row.outcome, row.reason or "")
                for row in desk.quarantined()
            ]

        return self.read(read)


def ops_for(widget: QWidget, desk: Desk) -> DeskOps:
    """The operations of the window ``widget`` is in, else those of ``desk`` (its window's,
    or those of a dialog shown before the window): one writer for the desk. A widget shown
    alone on a desk nothing else uses makes them, and they live as long as it does."""
    owner: QWidget | None = widget
    while owner is not None:
        ops = getattr(owner, "ops", None)
        if isinstance(ops, DeskOps) and ops.desk is desk:
            return ops
        owner = owner.parentWidget()
    known = _OPS_OF_DESK.get(id(desk))
    if known is not None and known.desk is desk and not known.tasks.closed:
        return known
    return DeskOps(desk, TaskManager(widget), widget)
