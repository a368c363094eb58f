"""The region's codes as words, for the console and its exports: the region's lists,
site names, commune and EPCI names (the shipped geography), partner names (the
directory), days, weeks and months: the shared :class:`Labeller`, fed by the hub."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from core.lists import COMMUNE_SPECIAL, Item
from core.stats.labels import Labeller
from hub.list_items import region_lists
from hub.models import DirectoryEntry, Site
from hub.places import places
from hub.time_models import RegionEvent


class RegionLists:
    """The region's lists as the desk's labeller and report read them."""

    def __init__(self, session: Session) -> None:
        self._lists = {
            name: [Item(i.code, i.label_fr, i.label_en, i.active) for i in items]
            for name, items in region_lists(session).items()
        }

    def items(self, list_name: str, *, include_inactive: bool = False) -> list[Item]:
        return [i for i in self._lists.get(list_name, []) if include_inactive or i.active]

    def label(self, list_name: str, code: str, lang: str = "fr") -> str:
        """A retired or unknown code still reads as itself."""
        for item in self._lists.get(list_name, []):
            if item.code == code:
                return item.label(lang)
        return code


class CommuneNames:
    """Commune and EPCI names from the shipped geography."""

    def label(self, code: str, lang: str = "fr") -> str:
        for special, fr, en in COMMUNE_SPECIAL:
            if code == special:
                return en if lang == "en" else fr
        return places().names.get(code, code)


class RegionLabeller(Labeller):
    """``labeller(dimension, code)``, the sites too."""

    def __init__(self, session: Session, lang: str = "fr") -> None:
        self.lists = RegionLists(session)
        super().__init__(self.lists, CommuneNames(), lang)
        self._session = session

    def __call__(self, dimension: str, code: str | None) -> str:
        if dimension == "site" and code is not None:
            return self._name("site", code)
        return super().__call__(dimension, code)

    def _load(self, dimension: str) -> dict[str, str]:
        session = self._session
        if dimension == "site":
            return {site_id: name for site_id, name in session.execute(select(Site.id, Site.name))}
        if dimension == "epci":
            return places().names
        if dimension == "event":  # as the desks name it: its id in the change stream
            found = session.execute(select(RegionEvent.id, RegionEvent.title))
            return {f"event-{event_id}": title for event_id, title in found}
        # A partner is a structure (a service when the desk knew no structure).
        rows = session.execute(
            select(DirectoryEntry.record_id, DirectoryEntry.title).where(
                DirectoryEntry.kind.in_(("structure", "service"))
            )
        )
        return {record_id: title for record_id, title in rows if title}
