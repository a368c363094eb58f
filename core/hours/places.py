"""Where a place is, for its hours: the time zone its clock follows and the school-holiday
zone its ``SH`` rules follow, both told by its commune's département.

School holiday dates come from ``vacances-scolaires-france`` (the ministry's calendar for
zones A, B and C). Corsica and the overseas départements have calendars of their own that
it does not hold: there, ``SH`` cannot be dated and the hours say so.
"""

from __future__ import annotations

import functools
from datetime import date, timedelta
from zoneinfo import ZoneInfo

PARIS = ZoneInfo("Europe/Paris")

# Overseas départements and collectivities (INSEE codes 97x, 98x) keep their own clocks.
_ZONES_OUTRE_MER = {
    "971": "America/Guadeloupe",
    "972": "America/Martinique",
    "973": "America/Cayenne",
    "974": "Indian/Reunion",
    "975": "America/Miquelon",
    "976": "Indian/Mayotte",
    "977": "America/St_Barthelemy",
    "978": "America/Marigot",
    "986": "Pacific/Wallis",
    "987": "Pacific/Tahiti",
    "988": "Pacific/Noumea",
}

# Académies by zone since 2024 (arrêté du calendrier scolaire), by département.
_SCHOOL_ZONES = {
    # Besançon, Bordeaux, Clermont-Ferrand, Dijon, Grenoble, Limoges, Lyon, Poitiers
    "A": "25 39 70 90 24 33 40 47 64 03 15 43 63 21 58 71 89 07 26 38 73 74 19 23 87 01 42 69"
    " 16 17 79 86",
    # Aix-Marseille, Amiens, Lille, Nancy-Metz, Nantes, Nice, Normandie, Orléans-Tours,
    # Reims, Rennes, Strasbourg
    "B": "04 05 13 84 02 60 80 59 62 54 55 57 88 44 49 53 72 85 06 83 14 27 50 61 76 18 28"
    " 36 37 41 45 08 10 51 52 22 29 35 56 67 68",
    # Créteil, Montpellier, Paris, Toulouse, Versailles
    "C": "77 93 94 11 30 34 48 66 75 09 12 31 32 46 65 81 82 78 91 92 95",
    "corse": "2A 2B",
}
SCHOOL_ZONES = ("A", "B", "C", "corse", "outre-mer")
_ZONE_OF = {dep: zone for zone, deps in _SCHOOL_ZONES.items() for dep in deps.split()}


def departement(commune: str | None) -> str:
    if not commune:
        return ""
    return commune[:3] if commune.startswith("97") or commune.startswith("98") else commune[:2]


def timezone_for(commune: str | None) -> ZoneInfo:
    """The time zone of a place from its commune's INSEE code; Paris when unknown."""
    name = _ZONES_OUTRE_MER.get(departement(commune))
    return ZoneInfo(name) if name else PARIS


def school_zone_for(commune: str | None) -> str:
    """A, B, C, ``corse`` or ``outre-mer`` for a commune; empty when unknown."""
    dep = departement(commune)
    if dep.startswith("97") or dep.startswith("98"):
        return "outre-mer"
    return _ZONE_OF.get(dep, "")


@functools.cache
def school_holidays(zone: str) -> tuple[tuple[date, date], ...]:
    """Each school holiday of ``zone`` as (first day, last day); empty when not known."""
    if zone not in ("A", "B", "C"):
        return ()
    from vacances_scolaires_france import SchoolHolidayDates

    calendar = SchoolHolidayDates()
    days = sorted(
        day
        for year in range(calendar.min_year, calendar.max_year + 1)
        for day in calendar.holidays_for_year_and_zone(year, zone)
    )
    spans: list[tuple[date, date]] = []
    for day in days:
        if spans and spans[-1][1] + timedelta(days=1) == day:
            spans[-1] = (spans[-1][0], day)
        else:
            spans.append((day, day))
    return tuple(spans)


def is_school_holiday(day: date, zone: str) -> bool:
    return any(first <= day <= last for first, last in school_holidays(zone))


def school_holidays_known(zone: str, day: date) -> bool:
    """Whether the calendar holds ``zone``'s dates around ``day`` (it ends some years on)."""
    spans = school_holidays(zone)
    return bool(spans) and spans[-1][1] >= day
