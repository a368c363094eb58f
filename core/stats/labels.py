"""Codes of the statistics as words: the lists' labels, commune and EPCI names, partner
names, weekdays, hours, days, weeks and months, in French or English. The names of
EPCI and partners come from the desk's database or the hub's (``_load``)."""

from __future__ import annotations

from datetime import date
from typing import Protocol

from core.fields import LISTED
from core.formatting import hour_text, month_title, weekday_names
from core.i18n import N_, gettext
from core.lang import day_text
from core.lists import Item

NOT_GIVEN = N_("Non précisé")
NO_EVENT = N_("Hors événement")


class Lists(Protocol):
    """The lists, as the desk stores them or the hub publishes them."""

    def items(self, list_name: str, *, include_inactive: bool = False) -> list[Item]: ...

    def label(self, list_name: str, code: str, lang: str = "fr") -> str: ...


class Places(Protocol):
    """Commune (and special answer) names."""

    def label(self, code: str, lang: str = "fr") -> str: ...


def short_weekday(weekday: int, lang: str = "fr") -> str:
    """``lun.``, ``Mon`` for an ISO weekday (Monday 1)."""
    return weekday_names(lang, "abbreviated")[weekday - 1]


def month_name(year: int, month: int, lang: str = "fr") -> str:
    """``novembre 2026``; ``November 2026``."""
    return month_title(year, month, lang)


__all__ = ["hour_text"]


class Labeller:
    """``labeller(dimension, code)`` is how a coordinator reads a code. Names of
    communes, EPCI and partners are read once, when first needed (``_load``, which the
    desk and the hub each write for their own database)."""

    def __init__(self, lists: Lists, geography: Places, lang: str = "fr") -> None:
        self.lang = "en" if lang == "en" else "fr"
        self._lists = lists
        self._geography = geography
        self._names: dict[str, dict[str, str]] = {}

    def __call__(self, dimension: str, code: str | None) -> str:
        if code is None:
            return ""
        if code == "non-precise":
            unsaid = NO_EVENT if dimension == "event" else NOT_GIVEN
            return gettext(unsaid, self.lang)
        if dimension in LISTED:
            return self._lists.label(dimension, code, self.lang)
        if dimension in ("commune", "place"):
            return self._geography.label(code, self.lang)
        if dimension in ("epci", "partner", "event"):
            return self._name(dimension, code)
        if dimension == "weekday":
            return weekday_names(self.lang)[int(code) - 1]
        if dimension == "hour":
            return hour_text(int(code), self.lang)
        if dimension == "day":
            return day_text(date.fromisoformat(code), self.lang)
        if dimension == "week":
            start = day_text(date.fromisoformat(code), self.lang)
            return gettext("semaine du {day}", self.lang).format(day=start)
        if dimension == "month":
            year, month = code.split("-")
            return month_name(int(year), int(month), self.lang)
        return code

    def order(self, dimension: str, code: str, count: int = 0) -> tuple[int, int, str]:
        """Where a code goes in a table: the lists in their own order, time in its order,
        names by count (largest first); "not given" last."""
        if code == "non-precise":
            return (1, 0, code)
        if dimension in LISTED:
            codes = [i.code for i in self._lists.items(dimension, include_inactive=True)]
            return (0, codes.index(code) if code in codes else len(codes), code)
        if dimension in ("commune", "epci", "partner", "place", "event"):
            return (0, -count, self(dimension, code))
        return (0, 0, code)

    def _name(self, dimension: str, code: str) -> str:
        names = self._names.get(dimension)
        if names is None:
            names = self._names[dimension] = self._load(dimension)
        if dimension == "epci" and code not in names:
            # A commune in no EPCI (or a special answer) stands for itself.
            return self._geography.label(code, self.lang)
        return names.get(code, code)

    def _load(self, dimension: str) -> dict[str, str]:
        """The names of every code of ``epci`` or ``partner`` (and what a subclass adds):
        from the desk's database or the hub's."""
        raise NotImplementedError
