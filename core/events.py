"""Events of the field (forums, information days, workshops), published by the hub and
pulled down by the desks: what an event holds, what makes one unusable, and its dates in
words (« mardi 7 mars 2027, 9 h–17 h »).

No directory of the field has events (data·inclusion has no dates): the hub publishes
them in its change stream, as the kind ``event`` (see the README, « Événements »).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from core.formatting import long_date
from core.hours.words import clock
from core.i18n import N_

LONGEST = timedelta(days=31)  # a forum is a day; a bus tour a fortnight


@dataclass(frozen=True, slots=True)
class Event:
    id: str
    title: str
    starts_at: datetime  # on the place's clock
    ends_at: datetime
    code_insee: str
    commune: str
    adresse: str = ""
    organisateur: str = ""
    lien: str = ""
    description: str = ""
    publics: list[str] = field(default_factory=list)  # data·inclusion codes
    thematiques: list[str] = field(default_factory=list)


def problem(starts_at: datetime, ends_at: datetime) -> str | None:
    """What makes an event's dates unusable, in French words; None when they are fine."""
    if starts_at.tzinfo is not None or ends_at.tzinfo is not None:
        return N_("heures du lieu attendues, sans fuseau")
    if starts_at.year < 2000 or ends_at.year > 2100:
        return N_("date hors de 2000 à 2100")
    if ends_at <= starts_at:
        return N_("la fin doit suivre le début")
    if ends_at - starts_at > LONGEST:
        return N_("plus de 31 jours")
    return None


def _time(moment: datetime, lang: str) -> str:
    return clock(moment.hour * 60 + moment.minute, lang)


def day_words(spans: list[tuple[datetime, datetime]], lang: str = "fr") -> str:
    """One day's openings: « jeudi 10 décembre 2026, 9 h–12 h et 13 h 30–16 h 30 »."""
    times = [f"{_time(a, lang)}–{_time(b, lang)}" for a, b in spans]
    joint = " and " if lang == "en" else " et "
    return f"{long_date(spans[0][0].date(), lang)}, {joint.join(times)}"


def when_words(starts_at: datetime, ends_at: datetime, lang: str = "fr") -> str:
    """« mardi 7 mars 2027, 9 h–17 h »; over several days « du lundi 8 mars 2027, 9 h,
    au vendredi 19 mars 2027, 17 h »."""
    if starts_at.date() == ends_at.date():
        hours = f"{_time(starts_at, lang)}–{_time(ends_at, lang)}"
        return f"{long_date(starts_at.date(), lang)}, {hours}"
    a = f"{long_date(starts_at.date(), lang)}, {_time(starts_at, lang)}"
    b = f"{long_date(ends_at.date(), lang)}, {_time(ends_at, lang)}"
    return f"from {a}, to {b}" if lang == "en" else f"du {a}, au {b}"
