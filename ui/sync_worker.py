"""Sync in the background: at start-up, every 15 minutes, when the network comes back, and
on demand; after a failure worth retrying, again after a growing delay with jitter (from
seconds up to an hour). It never blocks the window.

``SyncWorker`` lives on its own ``QThread``; ``SyncScheduler`` (GUI thread) decides when.

Enrolment runs on the same thread, so that it never overlaps a sync; a code kept while the
hub was unreachable is tried again at each start, after the same growing delays, and on
demand.

Signals (``SyncWorker``): ``sig_progress(str)`` (``"sync"`` or ``"enrol"``),
``sig_done(object)`` with a :class:`SyncSummary` or the :class:`DeskError` that stopped it,
``sig_enrolled(object)`` with the site (a dict) or the :class:`DeskError`.
Signals (``SyncScheduler``): ``sig_state(object)`` with the last outcome, for the status
bar and the sync panel; ``sig_enrolled(object)``, each enrolment's outcome; ``sig_busy()``
when an enrolment or a sync starts.
"""

from __future__ import annotations

import random
from datetime import datetime, timedelta
from typing import TypeGuard

from PySide6.QtCore import QObject, QThread, QTimer, Signal, Slot

from app.desk import Desk
from core.errors import DeskError

PERIOD_MS = 15 * 60 * 1000
WATCH_NETWORK_AFTER_MS = 2000
FIRST_RETRY_S = 5
LAST_RETRY_S = 3600


class SyncWorker(QObject):
    sig_progress = Signal(str)
    sig_done = Signal(object)
    sig_enrolled = Signal(object)

    def __init__(self, desk: Desk) -> None:
        super().__init__()
        self.desk = desk

    @Slot()
    def run_once(self) -> None:
        self.sig_progress.emit("sync")
        try:
            # The sync client (httpx, the wire's models) is loaded here, on the worker's
            # thread, the first time a sync runs: the window does not wait for it.
            from app.sync.run import sync_once

            result: object = sync_once(self.desk)
        except DeskError as error:
            result = error
        except Exception as error:  # a bug must not kill the worker thread
            result = DeskError("hub_bad_answer", reason=type(error).__name__)
        self.sig_done.emit(result)

    @Slot(str, str)
    def enrol(self, url: str, code: str) -> None:
        self.sig_progress.emit("enrol")
        try:
            from app.sync.run import enrol_or_keep

            result: object = enrol_or_keep(self.desk, url, code)
        except DeskError as error:
            result = error
        except Exception as error:  # a bug must not kill the worker thread
            result = DeskError("hub_bad_answer", reason=type(error).__name__)
        self.sig_enrolled.emit(result)


def transient(outcome: object) -> TypeGuard[DeskError]:
    """Whether a sync's or an enrolment's outcome is a failure worth trying again. Such an
    outcome comes from the sync client, loaded by then: asking costs no import before."""
    if not isinstance(outcome, DeskError):
        return False
    from app.sync.client import Transient

    return isinstance(outcome, Transient)


def summary(outcome: object) -> bool:
    """Whether an outcome is a sync that went through (a summary of what it did)."""
    if outcome is None or isinstance(outcome, DeskError):
        return False
    from app.sync.run import SyncSummary

    return isinstance(outcome, SyncSummary)


def backoff(failures: int, rng: random.Random | None = None) -> float:
    """Seconds before the next try after ``failures`` failures in a row: doubling from 5 s
    up to an hour, with a jitter of ±20 % so that desks do not all come back at once."""
    rng = rng or random.Random()
    base = min(LAST_RETRY_S, FIRST_RETRY_S * 2 ** max(0, failures - 1))
    return float(base * rng.uniform(0.8, 1.2))


def retry_delay(failure: DeskError, failures: int) -> float:
    """Seconds before the next try: what a busy hub asked for, else :func:`backoff`."""
    from app.sync.client import HubBusy  # loaded by then: the failure came from it

    if isinstance(failure, HubBusy):
        return float(failure.seconds)
    return backoff(failures)


class SyncScheduler(QObject):
    """When to sync; one sync at a time."""

    sig_state = Signal(object)
    sig_enrolled = Signal(object)
    sig_busy = Signal()
    _sig_start = Signal()
    _sig_enrol = Signal(str, str)

    def __init__(self, desk: Desk, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.running = False
        self.enrolling = False
        self._asked: tuple[str, str] | None = None  # an enrolment asked while busy
        self._trying: tuple[str, str] | None = None
        self._enrolled_with: tuple[str, str] | None = None
        self.failures = 0
        self.last: object = None
        # When the retry timer runs out after a failure worth trying again (the desk's time).
        self.retry_at: datetime | None = None
        self.sync_thread = QThread()
        self.sync_thread.setObjectName("sync")
        self.worker = SyncWorker(desk)
        self.worker.moveToThread(self.sync_thread)
        self._sig_start.connect(self.worker.run_once)
        self.worker.sig_done.connect(self._done)
        self._sig_enrol.connect(self.worker.enrol)
        self.worker.sig_enrolled.connect(self._enrolled)
        self.sync_thread.start()
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.sync_now)
        # Qt's network module and its reachability backend are loaded once the window is up.
        QTimer.singleShot(WATCH_NETWORK_AFTER_MS, self, self._watch_network)

    def enrolled(self) -> bool:
        return bool(self.desk.settings.get("hub.url")) and bool(self.desk.settings.get("desk.id"))

    def pending_enrolment(self) -> tuple[str, str] | None:
        """The hub's address and the code kept for a desk not enrolled yet."""
        url = str(self.desk.settings.get("hub.url"))
        code = str(self.desk.settings.get("hub.pending_code"))
        return (url, code) if url and code and not self.enrolled() else None

    def start(self) -> None:
        """At start-up: a code kept from an earlier try is tried again now; an enrolled
        desk syncs soon, without slowing the window's first paint."""
        kept = self.pending_enrolment()
        if kept is not None:
            self.enrol(*kept)
        elif self.enrolled():
            self.timer.start(2000)

    def busy(self) -> bool:
        return self.running or self.enrolling

    def sync_now(self) -> None:
        if self.busy():
            return
        kept = self.pending_enrolment()
        if kept is not None:
            self.enrol(*kept)  # what a desk waiting for its enrolment does first
            return
        if not self.enrolled():
            return
        self.running = True
        self.timer.stop()
        self._sig_start.emit()
        self.sig_busy.emit()

    def enrol(self, url: str, code: str) -> None:
        """Enrol on the sync's thread; ``sig_enrolled`` tells how it went. Asked while a
        sync runs, it goes next."""
        if self.busy():
            self._asked = (url, code)
            return
        if self.enrolled() and self._enrolled_with == (url.strip(), code.strip()):
            # The kept code went through in the background while the dialog was open:
            # asking again would only hear that it is used.
            self.sig_enrolled.emit({"site_id": str(self.desk.settings.get("site.id"))})
            return
        self._trying = (url.strip(), code.strip())
        self.enrolling = True
        self.timer.stop()
        self._sig_enrol.emit(url, code)
        self.sig_busy.emit()

    def _enrolled(self, result: object) -> None:
        self.enrolling = False
        if isinstance(result, DeskError):
            self.last = result
            if transient(result):
                self.failures += 1
                self._try_again(result)
        else:
            self.last, self.failures, self.retry_at = None, 0, None
            self._enrolled_with = self._trying
        if not self._next_asked() and not isinstance(result, DeskError):
            self.sync_now()  # the region's directory, right away
        self.sig_enrolled.emit(result)
        self.sig_state.emit(self.last)

    def _next_asked(self) -> bool:
        asked, self._asked = self._asked, None
        if asked is None:
            return False
        self.enrol(*asked)
        return True

    def _done(self, result: object) -> None:
        self.running = False
        self.last = result
        if self._next_asked():
            self.sig_state.emit(result)
            return
        if transient(result):
            self.failures += 1
            self._try_again(result)
        else:
            self.failures, self.retry_at = 0, None
            if not (isinstance(result, DeskError) and result.key == "hub_revoked"):
                self.timer.start(PERIOD_MS)
        self.sig_state.emit(result)

    def _try_again(self, failure: DeskError) -> None:
        delay = retry_delay(failure, self.failures)
        self.retry_at = self.desk.intake.local_now() + timedelta(seconds=delay)
        self.timer.start(int(delay * 1000))

    def _watch_network(self) -> None:
        try:
            from PySide6.QtNetwork import QNetworkInformation
        except ImportError:  # pragma: no cover - Qt without networking
            return
        if not QNetworkInformation.loadDefaultBackend():
            return
        info = QNetworkInformation.instance()
        if info is None:
            return

        def changed(reachability: object) -> None:
            if reachability == QNetworkInformation.Reachability.Online and self.failures:
                self.timer.start(1000)  # the network is back: try again now

        info.reachabilityChanged.connect(changed)

    def stop(self) -> None:
        """On close: let a sync under way finish (nothing half-stored), then stop."""
        self.timer.stop()
        self.sync_thread.quit()
        self.sync_thread.wait(30_000)
