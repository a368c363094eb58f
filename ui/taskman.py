"""The window's threads: one serial writer owns the database writes, reads have their own pool,
and results come back on the GUI thread.

As Anki's ``aqt/taskman.py``: the window holds one :class:`TaskManager`, shared by every panel
and dialog. Writes run one after the other in the order asked (an agent's Enter is never
overtaken by another write); reads — a search, a record, a year's statistics, an export —
run beside them on the pool, so a long export never queues ahead of a save. The named
operations the window calls are in ``ui.operations``.

What runs on a worker is given plain data and gives plain data back: it holds no widget nor
any other Qt object (a Qt GUI object may only be made, used or freed on the GUI thread, and a
worker dropping the last reference to a wrapper frees it there). ``TaskManager.check_callables``
makes ``submit`` refuse a callable that reaches one; the tests switch it on. Cycles are
collected on the GUI thread only (``ui.gui_gc``).
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from types import FunctionType, MethodType
from typing import Any, TypeVar

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QWidget
from shiboken6 import Shiboken

from app.failures import guarded
from app.logs import logger
from ui.gui_gc import collect_now, collect_on_gui_thread

T = TypeVar("T")
log = logger("window")

# Reads the agent waits for (the day, a search, a record) have their own pool; long ones (an
# export, a slip, a backup, a check, a year of statistics) theirs, so that F4 never waits
# behind a report being written.
READERS = 2
LONG_READERS = 2


def qt_objects_in(fn: object, depth: int = 6) -> Iterator[object]:
    """The Qt objects (any Shiboken wrapper: widget, pixmap, document, signal's owner…) a
    callable reaches through its closure, defaults, bound ``self``, ``functools.partial``
    arguments, plain containers and the attributes of the window's own (``ui.``) objects."""
    seen: set[int] = set()

    def walk(value: object, left: int) -> Iterator[object]:
        if id(value) in seen or left < 0:
            return
        seen.add(id(value))
        if isinstance(value, Shiboken.Object):
            yield value
            return
        children: list[object] = []
        if isinstance(value, FunctionType):
            children += [cell.cell_contents for cell in value.__closure__ or () if _filled(cell)]
            children += list(value.__defaults__ or ()) + list((value.__kwdefaults__ or {}).values())
        elif isinstance(value, MethodType):
            children += [value.__self__, value.__func__]
        elif isinstance(value, functools.partial):
            children += [value.func, *value.args, *value.keywords.values()]
        elif isinstance(value, (list, tuple, set, frozenset)):
            children += list(value)
        elif isinstance(value, dict):
            children += list(value.values())
        elif type(value).__module__.startswith("ui.") and hasattr(value, "__dict__"):
            children += list(vars(value).values())
        elif hasattr(value, "__self__") and not isinstance(value.__self__, type):
            children.append(value.__self__)  # a builtin bound method: a signal's emit
        for child in children:
            yield from walk(child, left - 1)

    yield from walk(fn, depth)


def _filled(cell: Any) -> bool:
    try:
        cell.cell_contents  # noqa: B018 - an unfilled cell raises
    except ValueError:
        return False
    return True


class TaskManager(QObject):
    """Runs writes one after the other, and reads on a pool, off the GUI thread.

    Signals: ``sig_done(object)`` carries a finished future to the main thread;
    ``sig_changed(object)`` a frozenset of what a write changed (``ui.operations.Change``),
    once its own callback has run, so that each panel refreshes itself.
    """

    sig_done = Signal(object)
    sig_changed = Signal(object)

    # Refuse a callable that reaches a Qt object (the tests switch it on).
    check_callables = False

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        collect_on_gui_thread()  # before any worker allocates
        self._writer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="desk-writer")
        self._readers = ThreadPoolExecutor(max_workers=READERS, thread_name_prefix="desk-reader")
        self._long = ThreadPoolExecutor(max_workers=LONG_READERS, thread_name_prefix="desk-long")
        self._callbacks: dict[
            int, tuple[Callable[[Any], None], Callable[[BaseException], None]]
        ] = {}
        self._closed = False
        # Queued even when a future is done before ``submit`` adds its callback (a read that
        # finished while this thread was descheduled): the callback then fires here, on this
        # thread, and a direct call would hand the answer over before ``submit`` returned it
        # (a search's answer taken for an older one's, and dropped).
        self.sig_done.connect(self._on_done, Qt.ConnectionType.QueuedConnection)

    @property
    def closed(self) -> bool:
        return self._closed

    @property
    def pending(self) -> int:
        """Work asked for whose answer has not yet been handed over."""
        return len(self._callbacks)

    def submit(
        self,
        fn: Callable[[], T],
        on_success: Callable[[T], None],
        on_failure: Callable[[BaseException], None],
        *,
        read: bool = False,
        long: bool = False,
    ) -> Future[T]:
        """Run ``fn`` on the writer (or, for a read, on the readers' pool; for a long read, on
        the long pool); the callbacks run on the GUI thread. ``fn`` must hold plain data only,
        never a widget or other Qt object."""
        if self.check_callables:
            reached = next(qt_objects_in(fn), None)
            if reached is not None:
                raise TypeError(f"a worker's callable holds a Qt object: {reached!r}")
        executor = (self._long if long else self._readers) if read else self._writer
        future = executor.submit(fn)
        self._callbacks[id(future)] = (on_success, on_failure)
        future.add_done_callback(self.sig_done.emit)
        return future

    def _on_done(self, future: Future[Any]) -> None:
        collect_now()  # the GUI thread's turn to collect what the worker left
        callbacks = self._callbacks.pop(id(future), None)
        if callbacks is None:
            return  # already handed over by ``settle``
        on_success, on_failure = callbacks
        if future.cancelled():
            return  # a read dropped when the window closed
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

    def ask(self, fn: Callable[[], T]) -> T:
        """Run a read on the readers' pool and wait for its answer, for a key that cannot act
        without it (the commune a typed name means); its failure is raised here, as the
        desk's own error."""
        if self.check_callables:
            reached = next(qt_objects_in(fn), None)
            if reached is not None:
                raise TypeError(f"a worker's callable holds a Qt object: {reached!r}")
        return self._readers.submit(guarded(fn)).result()

    def settle(self, future: Future[Any]) -> None:
        """Wait for ``future`` (run off this thread) and hand its result over now rather
        than when its signal arrives: a key that acts on a read's answer acts on the newest."""
        future.exception()  # waits
        self._on_done(future)

    def shutdown(self) -> None:
        """Finish every write already asked for (nothing confirmed is lost), then stop."""
        self._closed = True
        self._readers.shutdown(wait=True, cancel_futures=True)
        self._long.shutdown(wait=True, cancel_futures=True)
        self._writer.shutdown(wait=True)


def tasks_of(widget: QWidget | None) -> TaskManager | None:
    """The task manager of the window ``widget`` is in, if it has one."""
    while widget is not None:
        tasks = getattr(widget, "tasks", None)
        if isinstance(tasks, TaskManager):
            return tasks
        widget = widget.parentWidget()
    return None
