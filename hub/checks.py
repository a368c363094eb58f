"""What the hub checks in a pushed record beyond its shape, so that a desk cannot skew the
region's figures nor leave personal data on the hub: codes of the region's lists, places
that exist and say nothing of a small commune, days that can be true, flag comments free of
personal data. Each refusal is a reason for the desk's quarantine, in its language.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy.orm import Session

from core.errors import PERSONAL_DATA
from core.fields import LIST_OF
from core.formatting import number
from core.hours import PARIS
from core.i18n import gettext, language
from core.places import SMALL_COMMUNE
from core.privacy import find_personal_data
from hub.list_items import region_lists
from hub.places import places

FIRST_DAY = date(2000, 1, 1)
SPECIAL_PLACES = frozenset({"hors-region", "non-precise"})


def today() -> date:
    """The region's day (Paris), whatever the server's zone."""
    return datetime.now(PARIS).date()


def place_reason(code: str) -> str | None:
    """Why a place may not be stored, or None: a commune of 2,000 inhabitants or more, an
    EPCI, a département, or one of the special answers."""
    known = places()
    if code in SPECIAL_PLACES or code in known.epci or code in known.departements:
        return None
    inhabitants = known.population.get(code)
    if inhabitants is None:
        return gettext(
            "commune\u00a0: «\u00a0{code}\u00a0» n’est ni une commune, ni un EPCI,"
            " ni un département connus"
        ).format(code=code)
    if inhabitants < SMALL_COMMUNE:
        return gettext(
            "commune\u00a0: «\u00a0{code}\u00a0» compte moins de {inhabitants} habitants\u00a0;"
            " elle doit être envoyée par son EPCI ou son département (mettez Aiguillage à jour)"
        ).format(code=code, inhabitants=number(SMALL_COMMUNE, language()))
    return None


def day_reason(day: date, tomorrow: date) -> str | None:
    if day < FIRST_DAY or day > tomorrow:
        return gettext(
            "date\u00a0: {day} hors de la période possible (du {first} au {last})"
        ).format(day=f"{day:%d/%m/%Y}", first=f"{FIRST_DAY:%d/%m/%Y}", last=f"{tomorrow:%d/%m/%Y}")
    return None


def comment_reason(comment: str | None) -> str | None:
    """A flag's comment may say what is wrong with a record, never who was there."""
    if not comment:
        return None
    hits = find_personal_data(comment)
    if not hits:
        return None
    # In the desk's own words for each kind, so that the desk and the hub say the same.
    kinds = dict.fromkeys(gettext(PERSONAL_DATA[hit.kind]) for hit in hits)
    return gettext(
        "commentaire\u00a0: il semble contenir des données personnelles"
        " ({kinds})\u00a0; retirez-les et signalez à nouveau"
    ).format(kinds=", ".join(kinds))


class Border:
    """The checks of one batch: the region's lists are read once for it."""

    def __init__(self, session: Session) -> None:
        # Every code the region ever had: a retired code stays valid for old records.
        self.codes = {
            name: frozenset(item.code for item in items)
            for name, items in region_lists(session).items()
        }
        self.tomorrow = today() + timedelta(days=1)

    def reason(self, kind: str, payload: dict[str, Any]) -> str | None:
        """Why a record whose shape is sound may not be stored, or None."""
        day = payload.get("day")
        if isinstance(day, str):
            found = day_reason(date.fromisoformat(day), self.tomorrow)
            if found:
                return found
        if kind == "contact":
            for field, list_name in LIST_OF.items():
                value = payload.get(field)
                for code in value if isinstance(value, list) else [value]:
                    if code is not None and code not in self.codes.get(list_name, ()):
                        return gettext(
                            "{field}\u00a0: code «\u00a0{code}\u00a0» absent des listes"
                            " de la région"
                        ).format(field=field, code=code)
            reception = payload.get("place")
            if reception is not None:
                found = place_reason(str(reception))
                if found:
                    return found
            return place_reason(str(payload.get("commune")))
        if kind == "flag":
            return comment_reason(payload.get("comment"))
        return None
