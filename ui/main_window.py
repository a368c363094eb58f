"""The desk's main window: the intake form beside the day's journal, the tabs, menus and
status bar. What it does with a visit (save, correct, cancel, undo, slips) is in
``ui.visit_actions``.

Signals: ``sig_saved(str)`` with the id of each contact once it is on disk and shown;
``sig_refreshed()`` each time the journal and the counters have been read anew."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QMainWindow,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.desk import DayView, Desk
from app.first_screen import FirstScreen
from app.intake.clock import UNDO_SECONDS
from core.lang import moment_text
from ui.intake_form import FormState, IntakeForm
from ui.journal import JournalModel, JournalPanel
from ui.keys import AltLetterGuard
from ui.notice import SaveNotice
from ui.operations import Change
from ui.safety_ui import SafetyUi
from ui.sync_panel import SyncUi
from ui.taskman import TaskManager
from ui.visit_actions import VisitActions
from ui.window_dialogs import WindowDialogs
from ui.window_events import EVENTS_TAB, WindowEvents
from ui.window_opening import WindowOpening
from ui.window_reception import WindowReception

if TYPE_CHECKING:  # the tabs' panels, built when first shown
    from ui.directory_panel import DirectoryPanel
    from ui.stats_panel import StatsPanel


class MainWindow(
    VisitActions, WindowDialogs, WindowEvents, WindowReception, WindowOpening, QMainWindow
):
    """Intake form, journal, notice of the last save, status bar."""

    sig_saved = Signal(str)
    sig_refreshed = Signal()

    def __init__(self, start: Desk | FirstScreen, parent: QWidget | None = None) -> None:
        """The window on the desk, or on its first screen until ``attach`` (``ui.main``)."""
        super().__init__(parent)
        self.lang = start.language
        # One writer and one read pool for the whole window: every panel and dialog asks
        # its work of them through the named operations.
        self.tasks = TaskManager(self)
        self._start_from(start)
        self._then: list[Callable[[], None]] = []  # to run once the journal is shown anew
        self._refresh_asked = self._refresh_shown = 0
        self._laid_out = False
        self._saving = False
        self.refreshes = 0  # how many times the journal and counters were shown
        self.form = IntakeForm(start.lists, self.places, self.lang)
        self.apply_settings()
        self.journal_model = JournalModel(start.lists, self.places, self.lang)
        self.journal = JournalPanel(self.journal_model, today=self.today)
        self.notice = SaveNotice(UNDO_SECONDS)
        self.notice_text = self.notice.text
        self.undo_button = self.notice.undo_button
        self._cleared: FormState | None = None  # the visit Escape cleared, for Ctrl+Z
        self.notice.sig_restarted.connect(self._keep_undo)
        self.notice.sig_expired.connect(self._forget_cleared)
        self._alt_guard = AltLetterGuard(self)
        QApplication.instance().installEventFilter(self._alt_guard)  # type: ignore[union-attr]

        # Menus titled from the start, filled once the desk is open: nothing moves then.
        titles = (self.tr("&Aiguillage"), self.tr("A&ffichage"), self.tr("A&ide"))
        self._menu_bar = [self.menuBar().addMenu(title) for title in titles]
        self._visit_side()
        self._tabs()
        self._status_bar()
        self._connect()
        self.journal.show_today(quiet=True)
        self.form.start()  # now that the form is in the window: the cursor on « Public »
        if isinstance(start, Desk):
            self.attach(start)
        else:
            self.show_first_screen()

    def _keep_undo(self) -> None:
        if self.opened:
            self.desk.intake.keep_undo()

    def _wired(self) -> None:
        """The desk is open: what the window builds on it, and its first reads."""
        self.safety = SafetyUi(self, self.desk, self.ops)
        # The day's count stays at the right end, after the disk's warning.
        self.statusBar().removeWidget(self.day_count)
        self.statusBar().addPermanentWidget(self.day_count)
        self.day_count.show()
        self._menus()
        self.refresh()
        # Notes past the retention period go at each start, on the desk's thread.
        self.ops.purge_notes().failure(lambda _error: None).run(self)
        self.sync.start()

    # --- building -----------------------------------------------------------------

    def _visit_side(self) -> None:
        """The form, scrolling if need be, the notice under it, the journal beside it."""
        # At 1366×768 the form fits; at 150 % scale or on a small screen it scrolls, and
        # the field that takes the focus is brought into view.
        self.form_scroll = QScrollArea()
        self.form_scroll.setWidget(self.form)
        self.form_scroll.setWidgetResizable(True)
        self.form_scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.form_scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        QApplication.instance().focusChanged.connect(self._follow_focus)  # type: ignore[union-attr]
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.form_scroll, 1)
        left_layout.addWidget(self.notice)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.journal)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)

    def _tabs(self) -> None:
        """The visits, the directory and the statistics, a tab each, Ctrl+1, 2, 3."""
        self.tabs = QTabWidget()
        # No Alt letter on the tabs: Ctrl+1, 2, 3 switch them, and the letters are the rows'.
        self.tabs.addTab(self.splitter, self.tr("Accueil  (Ctrl+1)"))
        # The directory and the statistics: built when first shown, not at start-up.
        self._directory: DirectoryPanel | None = None
        self.directory_holder = QWidget()
        self.directory_layout = QVBoxLayout(self.directory_holder)
        self.directory_layout.setContentsMargins(0, 0, 0, 0)
        self.tabs.addTab(self.directory_holder, self.tr("Annuaire  (Ctrl+2)"))
        self.stats_panel: StatsPanel | None = None
        self.stats_holder = QWidget()
        self.stats_layout = QVBoxLayout(self.stats_holder)
        self.stats_layout.setContentsMargins(0, 0, 0, 0)
        self.tabs.addTab(self.stats_holder, self.tr("Statistiques  (Ctrl+3)"))
        self._events_tab()
        self.tabs.setDocumentMode(True)
        self.tabs.setAccessibleName(self.tr("Onglets"))
        self.tabs.tabBar().setAccessibleName(self.tr("Onglets"))
        # Ctrl+1 and Ctrl+2 switch tabs: the tab bar need not take the focus from the form.
        self.tabs.tabBar().setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setCentralWidget(self.tabs)
        QShortcut(QKeySequence("Ctrl+1"), self, lambda: self.show_tab(0))
        QShortcut(QKeySequence("Ctrl+2"), self, lambda: self.show_tab(1))
        QShortcut(QKeySequence("F3"), self, lambda: self.show_tab(1))
        QShortcut(QKeySequence("Ctrl+3"), self, lambda: self.show_tab(2))
        self.tabs.currentChanged.connect(self._tab_changed)
        # Too narrow for both (150 % scale on a small screen): one at a time, F9 switches.
        self.narrow = False
        self._journal_shown = False

    def _status_bar(self) -> None:
        """The sync's state, what waits to be sent, the directory, the day's count."""
        self.day_count = QLabel()
        self.day_count.setObjectName("statusDayCount")
        self.sync_state = QLabel()
        self.last_sync = QLabel()
        self.pending = QLabel()
        self.directory_state = QLabel()
        for widget in (self.sync_state, self.last_sync, self.pending, self.directory_state):
            self.statusBar().addWidget(widget)
        self._reception_bar()
        self.statusBar().addPermanentWidget(self.day_count)

    def _menus(self) -> None:
        """Aiguillage (settings, sync, quit), View (the journal, F9) and Help."""
        menu, view, help_menu = self._menu_bar
        settings_action = menu.addAction(self.tr("&Réglages du site…"))
        settings_action.setShortcut(QKeySequence("Ctrl+,"))
        settings_action.triggered.connect(self.open_settings)
        arrival_action = menu.addAction(self.tr("&Accueillir une personne orientée…"))
        arrival_action.setShortcut(QKeySequence("Ctrl+Shift+A"))
        arrival_action.triggered.connect(self.when_open(self.open_arrivals))
        menu.addSeparator()
        self.sync = SyncUi(self, self.desk, self.ops)
        self.sync.install(menu)
        self.sync.on_change.append(self._show_sync_state)
        # A sync changes what waits to be sent and when it last went through.
        self.sync.scheduler.sig_state.connect(lambda _r: self.refresh())
        menu.addSeparator()
        quit_action = menu.addAction(self.tr("&Quitter"))
        quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        quit_action.triggered.connect(self.close)
        journal_action = view.addAction(self.tr("Le &journal du jour"))
        journal_action.setShortcut(QKeySequence("F9"))
        journal_action.triggered.connect(self.toggle_journal)
        about_action = help_menu.addAction(self.tr("À &propos d’Aiguillage…"))
        about_action.setMenuRole(QAction.MenuRole.AboutRole)
        about_action.triggered.connect(self.open_about)

    def _connect(self) -> None:
        """What the form, the notice, the journal and the directory ask of the window."""
        # Before the desk is open, these open it first (``WindowOpening.when_open``).
        self.form.sig_submit.connect(lambda draft: self.when_open(lambda: self.save(draft))())
        self.form.sig_orient.connect(self.when_open(self.orient))
        self.notice.sig_undo.connect(self.when_open(self.undo))
        self.form.sig_cleared.connect(self._draft_cleared)
        QShortcut(QKeySequence.StandardKey.Undo, self, self.when_open(self.undo))
        self.journal.sig_day_changed.connect(self.when_open(self.refresh))
        self.journal.sig_edit.connect(lambda cid: self.when_open(lambda: self.edit(cid))())
        self.journal.sig_cancel.connect(
            lambda cid: self.when_open(lambda: self.cancel_contact(cid))()
        )
        self.journal.sig_slips.connect(lambda cid: self.when_open(lambda: self.open_slips(cid))())
        QShortcut(QKeySequence("F6"), self.journal, self.journal.slips_button.click)
        self.tasks.sig_changed.connect(self._changed)

    # --- tabs and settings ----------------------------------------------------------

    def show_tab(self, index: int) -> None:
        if index and not self.opened:
            self.open_desk_now()  # the directory and the statistics read the desk
        self.tabs.setCurrentIndex(index)
        if index == 2:
            self.statistics().period.setFocus()
        elif index == EVENTS_TAB:
            self.events_panel().focus_first()
        elif index == 1:
            self.directory.search_box.setFocus()
            self.directory.search_box.selectAll()
            if not self.directory.model.rowCount():
                self.directory.run_search()
        else:
            self.form.start()

    @property
    def directory(self) -> DirectoryPanel:
        """The directory tab, built the first time it is asked for."""
        if self._directory is None:
            from ui.directory_panel import DirectoryPanel

            self._directory = DirectoryPanel(self.desk, self.ops)
            self._directory.sig_print.connect(self.open_service_slip)
            self.directory_layout.addWidget(self._directory)
        return self._directory

    def statistics(self) -> StatsPanel:
        """The statistics tab, built the first time it is asked for."""
        if self.stats_panel is None:
            from ui.stats_panel import StatsPanel

            self.stats_panel = StatsPanel(self.desk, self.ops)
            self.stats_layout.addWidget(self.stats_panel)
        return self.stats_panel

    def _tab_changed(self, index: int) -> None:
        if index and not self.opened:
            self.open_desk_now()
        if index == 1:
            self.directory  # noqa: B018 - built when first shown (a click on its tab)
        if index == 2:
            built = self.stats_panel is not None
            panel = self.statistics()
            if built:
                panel.reload()  # visits logged since it was last shown

    def first_start(self) -> None:
        """The wizard of a desk never set up; the window stays behind it."""
        from ui.first_start import FirstStartWizard

        wizard = FirstStartWizard(self.desk, self.sync.scheduler, self)
        wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        wizard.finished.connect(self._after_first_start)
        self.wizard = wizard
        wizard.open()

    def _after_first_start(self, _result: int) -> None:
        self.apply_settings()
        self.refresh()

    # --- display --------------------------------------------------------------------

    def refresh(self, then: Callable[[], None] | None = None) -> None:
        """Read the shown day and the counters off the GUI thread, then show them."""
        day: date = self.journal.shown_day()
        # Reads run side by side: an answer older than the one shown is not shown.
        self._refresh_asked += 1
        asked = self._refresh_asked

        def shown(view: DayView) -> None:
            if asked > self._refresh_shown:
                self._refresh_shown = asked
                self._show(view)
            if then is not None:
                then()

        # A failed read is no failed save: the default dialog says what went wrong.
        self.ops.day_view(day).success(shown).run(self)

    def _changed(self, changes: frozenset[Change]) -> None:
        """A write went through: what it concerns is shown anew. Visits: the journal and the
        counters, then what waited for them (a save's ``sig_saved``); the directory: its
        count in the status bar (the directory tab refreshes itself); a setting: the sync's
        state (the title and the form's defaults follow the settings dialog)."""
        if Change.SETTINGS in changes:
            self._show_sync_state()
        if Change.VISITS not in changes:
            if Change.DIRECTORY in changes:
                self.ops.directory_size().success(self._show_directory).run(self)
            return
        waiting, self._then = self._then, []

        def then() -> None:
            for callback in waiting:
                callback()

        self.refresh(then=then)

    def _show(self, view: DayView) -> None:
        if view.day != self.journal.shown_day():
            return  # the agent has moved on to another day meanwhile
        self.journal.show_contacts(view.day, view.contacts, view.active)
        self.day_count.setText(self.tr("Aujourd’hui : %n accueil(s)", "", view.today_count))
        self.sync.pending = view.pending
        self._show_sync_state()
        self._show_directory(view.services)
        self.pending.setText(self.tr("%n à envoyer", "", view.pending))
        self.safety.show_disk(view.free_mb)
        self.refreshes += 1
        self.last_sync.setText(
            self.tr("Dernière synchro : %1").replace(
                "%1",
                moment_text(view.last_sync, self.lang) if view.last_sync else self.tr("jamais"),
            )
        )
        self.sig_refreshed.emit()

    def _show_directory(self, services: int) -> None:
        self.directory_state.setText(
            self.tr("Annuaire de démo : %n service(s)", "", services)
            if self.desk.demo_directory
            else self.tr("Annuaire : %n service(s)", "", services)
        )

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        form_width = self.form.minimumSizeHint().width() + 24  # and the scroll bar
        needed = form_width + self.journal.minimumSizeHint().width() + 8
        narrow = self.width() < needed
        if narrow != self.narrow or not self._laid_out:
            self.narrow = narrow
            self._laid_out = True
            self._arrange()

    def _arrange(self) -> None:
        width = max(self.width(), 1)
        form_side = self.form_scroll.parentWidget()
        assert form_side is not None
        if not self.narrow:
            form_side.show()
            self.journal.show()
            # The form whole, the journal the rest (never a minimum that would stop the
            # window from narrowing).
            form = max(self.form.minimumSizeHint().width() + 24, width * 55 // 100)
            self.splitter.setSizes([form, max(width - form, 1)])
        elif self._journal_shown:
            form_side.hide()
            self.journal.show()
        else:
            self.journal.hide()
            form_side.show()

    def toggle_journal(self) -> None:
        """F9: the journal's newest visit, selected (on a narrow screen, F9 goes from the
        form to the journal and back)."""
        if self.narrow:
            self._journal_shown = not self._journal_shown
            self._arrange()
            if not self._journal_shown:
                self.form.start()
                return
        self.journal.select_newest()

    def _show_sync_state(self) -> None:
        self.sync_state.setText(self.sync.describe())
        self.sync_state.setToolTip(self.sync.describe(long=True))

    def _follow_focus(self, _old: QWidget | None, new: QWidget | None) -> None:
        if new is not None and self.form.isAncestorOf(new):
            self.form_scroll.ensureWidgetVisible(new, 0, 8)
