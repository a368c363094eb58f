"""The desk's lists as stored in its database: the defaults of :mod:`core.lists` seeded,
then read once and kept in memory."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

from core.lists import (
    AGE_PUBLICS,
    DEFAULT_LISTS,
    DEFAULTS_VERSION,
    LIST_NAMES,
    PUBLIC_PUBLICS,
    THEME_THEMATIQUES,
    Item,
)

if TYPE_CHECKING:  # the window's first screen reads the lists without SQLAlchemy
    from sqlalchemy.orm import Session, sessionmaker


def outdated(origin: str, version: int) -> bool:
    """Whether a stored item is one of the desk's defaults from an older release."""
    return origin == "desk" and version < DEFAULTS_VERSION


def defaults_behind(stored: Mapping[tuple[str, str], tuple[str, int]]) -> bool:
    """Whether :func:`seed_defaults` would change the lists' items: one of the defaults
    missing, or outdated (``stored``: each item's origin and version by list and code)."""
    return any(
        (held := stored.get((list_name, code))) is None or outdated(*held)
        for list_name, items in DEFAULT_LISTS.items()
        for code, _fr, _en in items
    )


def seed_defaults(session: Session) -> int:
    """Insert or refresh the desk's default lists; the hub's own items are left alone."""
    from sqlalchemy import select

    from db.models import NomenclatureItem, NomenclatureMapping

    existing = {(i.list_name, i.code): i for i in session.scalars(select(NomenclatureItem))}
    changed = 0
    for list_name, items in DEFAULT_LISTS.items():
        for position, (code, label_fr, label_en) in enumerate(items):
            current = existing.get((list_name, code))
            if current is None:
                session.add(
                    NomenclatureItem(
                        list_name=list_name,
                        code=code,
                        label_fr=label_fr,
                        label_en=label_en,
                        position=position,
                        active=True,
                        version=DEFAULTS_VERSION,
                        origin="desk",
                    )
                )
                changed += 1
            elif outdated(current.origin, current.version):
                current.label_fr, current.label_en = label_fr, label_en
                current.position, current.version = position, DEFAULTS_VERSION
                changed += 1
    mappings = {
        (m.list_name, m.code, m.target, m.value)
        for m in session.scalars(select(NomenclatureMapping))
    }
    wanted = (
        {
            ("theme", code, "thematique", value)
            for code, values in THEME_THEMATIQUES.items()
            for value in values
        }
        | {
            ("public", code, "public", value)
            for code, values in PUBLIC_PUBLICS.items()
            for value in values
        }
        | {
            ("age", code, "public", value)
            for code, values in AGE_PUBLICS.items()
            for value in values
        }
    )
    for list_name, code, target, value in sorted(wanted - mappings):
        session.add(NomenclatureMapping(list_name=list_name, code=code, target=target, value=value))
        changed += 1
    return changed


class Nomenclatures:
    """The lists as stored in the desk database, read once and kept in memory."""

    def __init__(
        self, sessions: sessionmaker[Session] | None, read: dict[str, list[Item]] | None = None
    ) -> None:
        """Read from ``sessions``, or kept as ``read`` already (the window's first screen
        reads them with ``sqlite3``: ``app.first_screen``)."""
        self._sessions = sessions
        self._lists: dict[str, list[Item]] = {}
        if read is not None:
            self._lists = read
        else:
            self.reload()

    def reload(self) -> None:
        from sqlalchemy import select

        from db.models import NomenclatureItem

        assert self._sessions is not None, "lists read elsewhere are not read again"
        lists: dict[str, list[Item]] = {name: [] for name in LIST_NAMES}
        with self._sessions() as session:
            rows = session.scalars(
                select(NomenclatureItem).order_by(
                    NomenclatureItem.list_name, NomenclatureItem.position, NomenclatureItem.code
                )
            )
            for row in rows:
                lists.setdefault(row.list_name, []).append(
                    Item(row.code, row.label_fr, row.label_en, row.active)
                )
        self._lists = lists

    def items(self, list_name: str, *, include_inactive: bool = False) -> list[Item]:
        return [i for i in self._lists.get(list_name, []) if include_inactive or i.active]

    def item(self, list_name: str, code: str) -> Item | None:
        for item in self._lists.get(list_name, []):
            if item.code == code:
                return item
        return None

    def label(self, list_name: str, code: str, lang: str = "fr") -> str:
        """The label of a code; a retired or unknown code still reads as itself."""
        item = self.item(list_name, code)
        return item.label(lang) if item else code

    def labels(self, list_name: str, codes: Iterable[str], lang: str = "fr") -> list[str]:
        return [self.label(list_name, code, lang) for code in codes]

    def active_codes(self, list_name: str) -> list[str]:
        return [i.code for i in self.items(list_name)]
