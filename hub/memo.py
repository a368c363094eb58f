"""What a hub process keeps of the tables it worked out: the last few, each under a key
that names all it depends on, so that one asked for again is the same answer and one whose
counts changed is worked out anew. Pages are served by several threads: one lock.

Working a table out makes hundreds of thousands of small objects (a region's sites by
partners), none of them in a cycle: Python's collector, woken every few hundred of them,
would walk the whole heap each time (a third of a cold page's time, measured). It is
paused while a table is worked out (:func:`paused_collection`), and runs after."""

from __future__ import annotations

import gc
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterator
from contextlib import contextmanager
from typing import Generic, TypeVar

T = TypeVar("T")


class Kept(Generic[T]):
    def __init__(self, size: int = 32) -> None:  # a coordinator's morning, not the year's
        self._size = size
        self._held: OrderedDict[Hashable, T] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: Hashable, work: Callable[[], T]) -> T:
        """The answer kept under ``key``, else ``work()``'s, kept (worked out outside the
        lock: two threads asking at once may both work it out, and agree)."""
        with self._lock:
            if key in self._held:
                self._held.move_to_end(key)
                return self._held[key]
        with paused_collection():
            answer = work()
        with self._lock:
            self._held[key] = answer
            while len(self._held) > self._size:
                self._held.popitem(last=False)
        return answer

    def peek(self, key: Hashable) -> T | None:
        """The answer kept under ``key``, if any (nothing worked out)."""
        with self._lock:
            return self._held.get(key)

    def clear(self) -> None:
        with self._lock:
            self._held.clear()


_working = 0  # the threads working a table out
_working_lock = threading.Lock()


@contextmanager
def paused_collection() -> Iterator[None]:
    """Python's cyclic collector off while this (and any other thread's) work runs."""
    global _working
    with _working_lock:
        _working += 1
        gc.disable()
    try:
        yield
    finally:
        with _working_lock:
            _working -= 1
            if not _working:
                gc.enable()
