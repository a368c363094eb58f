"""The main window's first screen, shown before the desk is open, and the desk wired to it
once open (``ui.main`` opens it just after the first paint).

An everyday start builds the window from :class:`~app.first_screen.FirstScreen`: the form
with the lists' choices, the site's defaults, the day's journal and count. The agent can
type at once. What needs the desk (a save, F4, a correction, a commune looked up, the
menus' dialogs) opens it there and then if it is not open yet, and goes on with it: nothing
typed is lost. A start with work to do (``FirstScreen`` is ``None``) builds the window from
the desk, open already.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QApplication

from app.desk import Desk
from app.first_screen import FirstScreen
from core.version import app_version
from ui.operations import DeskOps
from ui.places import Places

if TYPE_CHECKING:
    from PySide6.QtWidgets import QLabel, QMainWindow, QWidget

    from ui.intake_form import IntakeForm
    from ui.journal import JournalModel, JournalPanel
    from ui.keys import AltLetterGuard
    from ui.safety_ui import SafetyUi
    from ui.sync_panel import SyncUi
    from ui.taskman import TaskManager

    _Window = QMainWindow
else:
    _Window = object


class WindowOpening(_Window):
    """Mixed into ``MainWindow``: what it shows before and once the desk is open."""

    desk: Desk
    ops: DeskOps
    tasks: TaskManager
    places: Places
    form: IntakeForm
    journal: JournalPanel
    journal_model: JournalModel
    day_count: QLabel
    safety: SafetyUi
    sync: SyncUi
    _alt_guard: AltLetterGuard
    opened: bool
    _first: FirstScreen | None
    default_channel: Callable[[], str]  # the window's (ui.window_reception)
    read_reception: Callable[[], None]
    # Set by whoever opens the desk (``ui.main``): open it now, on this thread.
    open_desk_now: Callable[[], None]

    def _wired(self) -> None:
        raise NotImplementedError  # the window's: what it builds on the desk

    def _follow_focus(self, _old: QWidget | None, new: QWidget | None) -> None:
        raise NotImplementedError  # the window's

    def _start_from(self, start: Desk | FirstScreen) -> None:
        self.opened = False
        self._first = start if isinstance(start, FirstScreen) else None
        if isinstance(start, Desk):
            self.desk = start  # wired once the window is built (``attach``)
        self.open_desk_now = lambda: None
        self.failed_to_open: int | None = None  # the exit code when the desk could not open
        self.places = Places(None, self.tasks)
        self.places.open_now = lambda: self.open_desk_now()
        if self._first is not None:
            self.places.keep(self._first.communes)

    def setting(self, key: str) -> Any:
        """A setting's value: the desk's once open, the first screen's before."""
        if self._first is None or self.opened:
            return self.desk.settings.get(key)
        return self._first.setting(key)

    def apply_settings(self) -> None:
        """Title and form defaults from the site's settings."""
        site = str(self.setting("site.name")) or self.tr("Point d’accueil")
        title = self.tr("Aiguillage %1 — %2").replace("%1", app_version())
        self.setWindowTitle(title.replace("%2", site))
        self.form.set_defaults(self.default_channel(), str(self.setting("site.commune")))
        if self.form.editing is None:
            self.form.clear()

    def today(self) -> date:
        if self._first is None or self.opened:
            return self.desk.intake.today()
        return self._first.day

    def show_first_screen(self) -> None:
        """The day's visits and count as read before the desk opened."""
        first = self._first
        if first is None or self.opened or first.day != self.journal.shown_day():
            return
        self.journal.show_contacts(first.day, first.contacts, first.active)
        self.day_count.setText(self.tr("Aujourd’hui : %n accueil(s)", "", first.active))

    def attach(self, desk: Desk) -> None:
        """The desk, open: the operations, the sync, the safety checks, the menus."""
        if self.opened:
            return
        self.desk = desk
        self.ops = DeskOps(desk, self.tasks, self, places=self.places)
        self.journal_model.lists = desk.lists
        self.opened = True
        self._first = None
        self._wired()
        self.read_reception()  # away today? (set earlier in the day)

    def when_open(self, work: Callable[[], None]) -> Callable[..., None]:
        """``work`` as a slot: the desk opened first when it is not yet (it waits for it)."""

        def slot(*_args: object) -> None:
            if not self.opened:
                self.open_desk_now()
            if self.opened:  # else it could not open: the window is closing
                work()

        return slot

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.opened:
            self.sync.stop()
            self.safety.shutdown()
        app = QApplication.instance()
        if app is not None:
            app.focusChanged.disconnect(self._follow_focus)  # type: ignore[attr-defined]
            app.removeEventFilter(self._alt_guard)
        self.tasks.shutdown()
        super().closeEvent(event)
