"""What a hub process keeps of the tables it worked out: the last few, each under a key
that names all it depends on, so that one asked for again is the same answer and one whose
counts changed is worked out anew. Pages are served by several threads: one lock."""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
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
        answer = work()
        with self._lock:
            self._held[key] = answer
            while len(self._held) > self._size:
                self._held.popitem(last=False)
        return answer

    def clear(self) -> None:
        with self._lock:
            self._held.clear()
