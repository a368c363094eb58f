"""The window's way to the desk's geography: every lookup runs on the read pool, never on
the window's thread, and each commune once read is kept by its code.

A search as the agent types comes back through a callback; what a key needs at once (the
commune a typed name means, when Enter is pressed) waits for its read on the pool
(``TaskManager.ask``), as the referral dialog waits for its suggestions.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from concurrent.futures import Future

from app.geography import Geography
from core.lists import COMMUNE_SPECIAL
from core.places import CommuneInfo
from ui.taskman import TaskManager

Found = Callable[[list[CommuneInfo]], None]


def communes_of(geography: Geography, codes: Iterable[str]) -> dict[str, CommuneInfo | None]:
    """Each commune of ``codes`` (special answers and unknown codes: None); run on a worker."""
    special = {code for code, _fr, _en in COMMUNE_SPECIAL}
    return {code.upper(): geography.get(code) for code in set(codes) - special if code}


class Places:
    """Communes for the window's widgets, read off its thread and kept once read."""

    def __init__(self, geography: Geography, tasks: TaskManager) -> None:
        self._geo = geography
        self._tasks = tasks
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
            self.known[code] = self._tasks.ask(lambda: geo.get(code))
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
            lambda: geo.search(text, limit=limit, near=near), shown, lambda _error: None, read=True
        )

    def settle(self, future: Future[list[CommuneInfo]] | None) -> None:
        """A key acts on the list: the search asked last is shown first."""
        if future is not None:
            self._tasks.settle(future)

    def resolve_typed(self, text: str) -> str:
        """The commune a typed text means (``Geography.resolve_typed``), read on the pool."""
        geo = self._geo
        return self._tasks.ask(lambda: geo.resolve_typed(text))
