"""The « À venir » tab of the main window (the region's events), built the first time it
is shown; Ctrl+4. Mixed into ``MainWindow``."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QMainWindow, QTabWidget, QVBoxLayout, QWidget

from app.desk import Desk
from ui.operations import DeskOps

if TYPE_CHECKING:
    from ui.events_panel import EventsPanel

    _Window = QMainWindow
else:
    _Window = object

EVENTS_TAB = 3


class WindowEvents(_Window):
    desk: Desk
    ops: DeskOps
    tabs: QTabWidget
    show_tab: Callable[[int], None]
    open_event_slip: Callable[[str], None]  # the window's (ui.visit_actions)
    _events: EventsPanel | None = None

    def _events_tab(self) -> None:
        self.events_holder = QWidget()
        self.events_layout = QVBoxLayout(self.events_holder)
        self.events_layout.setContentsMargins(0, 0, 0, 0)
        self.tabs.addTab(self.events_holder, self.tr("À venir  (Ctrl+4)"))
        QShortcut(QKeySequence("Ctrl+4"), self, lambda: self.show_tab(EVENTS_TAB))
        self.tabs.currentChanged.connect(
            lambda index: self.events_panel() if index == EVENTS_TAB else None
        )

    def events_panel(self) -> EventsPanel:
        """The « À venir » tab, built the first time it is asked for."""
        if self._events is None:
            from ui.events_panel import EventsPanel

            self._events = EventsPanel(self.desk, self.ops)
            self._events.sig_print.connect(self.open_event_slip)
            self.events_layout.addWidget(self._events)
            self._events.reload()
        return self._events
