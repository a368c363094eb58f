"""Python's cycle collector runs on the GUI thread only.

CPython runs its generational collector on whichever thread happens to allocate when a
generation's count passes its threshold. The window's workers allocate a lot (a slip drawn by
reportlab, a year of statistics), so a collection would often start there, and it finalises
*every* unreachable cycle in the process, the GUI thread's included: a closed dialog's
wrapper, a pixmap, a text document. Shiboken then deletes the C++ object it owns on the
worker, which Qt's GUI classes do not allow, and the window crashes (a segfault under load).

So, as Anki does (``aqt``'s ``GarbageCollector``) and for the same reason, automatic
collection is switched off once the window's threads exist, and the GUI thread collects
instead: on a timer, and each time a worker's result is handed back. Reference counting still
frees everything outside a cycle at once; only cycles wait for the GUI thread.
"""

from __future__ import annotations

import gc
import threading

from PySide6.QtCore import QCoreApplication, QObject, QThread, QTimer
from shiboken6 import isValid

# Anki collects each second; a cycle waits no longer than that on an idle window.
INTERVAL_MS = 1000


class GuiCollector(QObject):
    """Collects cycles on the GUI thread, generation by generation as CPython would."""

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        # The thresholds in force before: a collection is due when CPython would have run one.
        self.threshold = gc.get_threshold()
        self.collections = 0
        self.gui_thread = threading.get_ident()
        gc.disable()
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.check)
        self.timer.start(INTERVAL_MS)

    def check(self) -> None:
        """Collect the generations whose count passed their threshold (GUI thread only)."""
        if threading.get_ident() != self.gui_thread:
            return  # never off the GUI thread: that is the whole point
        count0, count1, count2 = gc.get_count()
        if count0 <= self.threshold[0]:
            return
        generation = 0
        if count1 > self.threshold[1]:
            generation = 2 if count2 > self.threshold[2] else 1
        gc.collect(generation)
        self.collections += 1


_collector: GuiCollector | None = None


def collect_on_gui_thread() -> GuiCollector:
    """Switch automatic collection off and collect on the GUI thread instead (idempotent:
    one collector per application). Call it on the GUI thread, before starting a worker."""
    global _collector
    app = QCoreApplication.instance()
    if app is None:
        raise RuntimeError("the GUI thread's collector needs the application")
    if QThread.currentThread() is not app.thread():
        raise RuntimeError("the collector must be installed from the GUI thread")
    if _collector is None or not isValid(_collector):
        _collector = GuiCollector(app)
    else:
        gc.disable()  # someone switched it back on: off again while workers may run
    return _collector


def collect_now() -> None:
    """A due collection, now, if there is a collector (the GUI thread's hand-over point)."""
    if _collector is not None:
        _collector.check()
