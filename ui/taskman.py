"""One serial executor owns the database writes; results come back on the GUI thread.

In the spirit of Anki's ``CollectionOp``: ``DeskOp(parent, fn).success(cb).run()`` runs
``fn`` on the writer thread and calls ``cb(result)`` (or the failure callback with the
exception) on the main thread, through a queued signal.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QObject, Signal

from app.logs import logger

T = TypeVar("T")
log = logger("window")


class TaskManager(QObject):
    """Runs tasks one after the other off the GUI thread.

    Signals: ``sig_done(object)`` carries a finished future to the main thread.
    """

    sig_done = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="desk-writer")
        self._callbacks: dict[
            int, tuple[Callable[[Any], None], Callable[[BaseException], None]]
        ] = {}
        self._closed = False
        self.sig_done.connect(self._on_done)

    def submit(
        self,
        fn: Callable[[], T],
        on_success: Callable[[T], None],
        on_failure: Callable[[BaseException], None],
    ) -> Future[T]:
        future = self._executor.submit(fn)
        self._callbacks[id(future)] = (on_success, on_failure)
        future.add_done_callback(self.sig_done.emit)
        return future

    def _on_done(self, future: Future[Any]) -> None:
        on_success, on_failure = self._callbacks.pop(id(future))
        if self._closed:
            # The window is gone: nobody is left to tell, and a callback must not start
            # more work on a stopped executor. A failure is still written in the log.
            if future.exception() is not None:
                log.error("failed after the window closed: %r", future.exception())
            return
        error = future.exception()
        if error is None:
            on_success(future.result())
        else:
            on_failure(error)

    def shutdown(self) -> None:
        """Finish every write already asked for (nothing confirmed is lost), then stop."""
        self._closed = True
        self._executor.shutdown(wait=True)


class DeskOp(Generic[T]):
    """``DeskOp(tasks, fn).success(cb).failure(cb).run()``."""

    def __init__(self, tasks: TaskManager, fn: Callable[[], T]) -> None:
        self._tasks = tasks
        self._fn = fn
        self._success: Callable[[T], None] = lambda _result: None
        self._failure: Callable[[BaseException], None] = _raise

    def success(self, callback: Callable[[T], None]) -> DeskOp[T]:
        self._success = callback
        return self

    def failure(self, callback: Callable[[BaseException], None]) -> DeskOp[T]:
        self._failure = callback
        return self

    def run(self) -> Future[T]:
        return self._tasks.submit(self._fn, self._success, self._failure)


def _raise(error: BaseException) -> None:
    raise error
