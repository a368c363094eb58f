"""The window's way to the desk's geography: every lookup runs on the read pool, never on
the window's thread, and each commune once read is kept by its code.

A search as the agent types comes back through a callback; what a key needs at once (the
commune a typed name means, when Enter is pressed) waits for its read on the pool
(``TaskManager.ask``), as the referral dialog waits for its suggestions.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from concurrent.futures import Future
from typing import TYPE_CHECKING

from core.errors import DeskError
from core.lists import COMMUNE_SPECIAL
from core.places import CommuneInfo
from ui.taskman import TaskManager

if TYPE_CHECKING:  # opened with the desk, after the first screen is shown
    from app.geography import Geography

Found = Callable[[list[CommuneInfo]], None]


def communes_of(geography: Geography, codes: Iterable[str]) -> dict[str, CommuneInfo | None]:
    """Each commune of ``codes`` (special answers and unknown codes: None); run on a worker."""
    special = {code for code, _fr, _en in COMMUNE_SPECIAL}
    return {code.upper(): geography.get(code) for code in set(codes) - special if code}


class _Late:
    """The desk's geography, given once the desk is open: a read asked before (a commune
    typed on the first screen) waits for it on its worker."""

    def __init__(self) -> None:
        self._geography: Geography | None = None
        self._given = threading.Event()

    def bind(self, geography: Geography | None) -> None:
        """The geography, or ``None`` when the desk could not open (the reads fail)."""
        self._geography = geography
        self._given.set()

    @property
    def bound(self) -> bool:
        return self._given.is_set()

    def __call__(self) -> Geography:
        self._given.wait()
        if self._geography is None:
            raise DeskError("database_error", reason="closed")
        return self._geography


class Places:
    """Communes for the window's widgets, read off its thread and kept once read."""

    def __init__(self, geography: Geography | None, tasks: TaskManager) -> None:
        self._geo = _Late()
        if geography is not None:
            self._geo.bind(geography)
        self._tasks = tasks
        # What to do when the window waits on a commune before the desk is open: open it.
        self.open_now: Callable[[], None] = lambda: None
        # Filled on the window's thread and by the read operations on their workers (a plain
        # dict: no Qt object for them to reach).
        self.known: dict[str, CommuneInfo | None] = {}

    def keep(self, communes: dict[str, CommuneInfo | None]) -> None:
        """Communes read by another operation (the day's, a record's)."""
        self.known.update(communes)

    def get(self, code: str) -> CommuneInfo | None:
        code = code.upper()
        if code not in self.known:
            geo = self._geo
            self._wait_for_desk()
            self.known[code] = self._tasks.ask(lambda: geo().get(code))
        return self.known[code]

    def label(self, code: str, lang: str = "fr") -> str:
        """How a contact's commune reads: its name, or the special answer in ``lang``."""
        for special, fr, en in COMMUNE_SPECIAL:
            if code == special:
                return en if lang == "en" else fr
        commune = self.get(code)
        return commune.name if commune else code

    def search(
        self, text: str, near: str | None, found: Found, limit: int = 12
    ) -> Future[list[CommuneInfo]]:
        """Search on the read pool; ``found`` gets the communes on the window's thread."""
        geo = self._geo

        def shown(communes: list[CommuneInfo]) -> None:
            self.keep({c.insee: c for c in communes})
            found(communes)

        return self._tasks.submit(
            lambda: geo().search(text, limit=limit, near=near),
            shown,
            lambda _error: None,
            read=True,
        )

    def settle(self, future: Future[list[CommuneInfo]] | None) -> None:
        """A key acts on the list: the search asked last is shown first."""
        if future is not None:
            self._tasks.settle(future)

    def resolve_typed(self, text: str) -> str:
        """The commune a typed text means (``Geography.resolve_typed``), read on the pool."""
        geo = self._geo
        self._wait_for_desk()
        return self._tasks.ask(lambda: geo().resolve_typed(text))

    def bind(self, geography: Geography | None) -> None:
        self._geo.bind(geography)

    @property
    def bound(self) -> bool:
        """Whether the desk's geography is given (or refused): no read waits any more."""
        return self._geo.bound

    def _wait_for_desk(self) -> None:
        """A key waits on the answer on this thread: the desk must be open to give it."""
        if not self._geo.bound:
            self.open_now()
