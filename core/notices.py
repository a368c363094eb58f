"""Temporary information on a structure or a service: closed for a while, exceptional
hours, or a message, each from a first day to a last day (both included).

A notice is current from its first day to its last, coming before, past after; a past one
is shown nowhere (it disappears by itself). A closure of the structure closes every
service; exceptional hours of the service come before those of its structure, and both
before the usual hours. Soliguide's temporary information (closures, hours, messages) and
DORA's ``suspension_date`` are the anchors.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

import opening_hours

from core import hours
from core.formatting import long_date
from core.i18n import N_

KINDS = ("closed", "hours", "message")
# The longest a notice may run: longer than that, the record itself is what changed.
LONGEST = timedelta(days=366)
MESSAGE_LONGEST = 300
# Dates a directory can mean: a year typed 9999 would run the hours' words past the
# calendar's end.
EARLIEST, LATEST = date(2000, 1, 1), date(2100, 12, 31)


@dataclass(frozen=True, slots=True)
class Notice:
    kind: str  # one of KINDS
    starts_on: date
    ends_on: date
    hours: str | None = None  # "hours": an opening_hours value for those days
    message: str | None = None
    on_service: bool = False  # the service's own, else its structure's

    def state(self, day: date) -> str:
        """``current``, ``coming`` or ``past`` on ``day``."""
        if day < self.starts_on:
            return "coming"
        return "past" if day > self.ends_on else "current"


def of_row(row: Any) -> Notice:
    """A notice as the hub's or the desk's table holds it (the same columns)."""
    return Notice(
        kind=row.kind, starts_on=row.starts_on, ends_on=row.ends_on, hours=row.hours,
        message=row.message, on_service=row.service_id is not None,
    )  # fmt: skip


def problem(notice: Notice) -> str | None:
    """What makes ``notice`` unusable, in French words (to translate); None when it can
    be published."""
    if notice.kind not in KINDS:
        return N_("type inconnu")
    if notice.starts_on < EARLIEST or notice.ends_on > LATEST:
        return N_("date hors de 2000 à 2100")
    if notice.ends_on < notice.starts_on:
        return N_("la fin précède le début")
    if notice.ends_on - notice.starts_on > LONGEST:
        return N_("plus d’un an")
    if notice.kind == "hours" and not (notice.hours and hours.is_valid(notice.hours)):
        return N_("horaires illisibles")
    if notice.kind == "message" and not (notice.message or "").strip():
        return N_("message vide")
    if len(notice.message or "") > MESSAGE_LONGEST:
        return N_("message trop long")
    return None


def order(notice: Notice) -> tuple[date, bool, date]:
    """Soonest first; the service's before its structure's on the same days."""
    return (notice.starts_on, not notice.on_service, notice.ends_on)


def shown(notices: Iterable[Notice], day: date) -> list[Notice]:
    """The notices still to tell on ``day`` (current, then coming), in :func:`order`."""
    return sorted((n for n in notices if n.state(day) != "past"), key=order)


def open_at(
    usual: str | None, notices: Sequence[Notice], moment: datetime, *, commune: str | None = None
) -> bool | None:
    """Open at ``moment`` given the usual hours and the notices (see the module's rules)."""
    day = hours.wall_clock(moment, hours.timezone_for(commune)).date()
    current = [n for n in notices if n.state(day) == "current"]
    if any(n.kind == "closed" for n in current):
        return False
    special = sorted((n for n in current if n.kind == "hours"), key=lambda n: not n.on_service)
    value = special[0].hours if special else usual
    return hours.open_at(value, moment, commune=commune)


def _evaluated(value: str | None, commune: str | None) -> opening_hours.OpeningHours | None:
    text = hours.reading(value).text if value else None
    if text is None:
        return None
    return hours.evaluator(text, hours.school_zone_for(commune), hours.timezone_for(commune).key)


def next_openings(
    usual: str | None,
    notices: Sequence[Notice],
    after: datetime,
    *,
    count: int = 3,
    commune: str | None = None,
    horizon: timedelta = timedelta(days=370),
) -> list[tuple[datetime, datetime]]:
    """The next ``count`` times the place opens after ``after`` (on its clock), within
    ``horizon``: its usual hours, but not on a day it is closed, and on a day of
    exceptional hours those instead."""
    start = hours.wall_clock(after, hours.timezone_for(commune))
    end = start + horizon
    closed = [n for n in notices if n.kind == "closed"]
    special = [n for n in notices if n.kind == "hours" and n.hours]

    def free(day: date, kind: list[Notice]) -> bool:
        return not any(n.starts_on <= day <= n.ends_on for n in kind)

    found: list[tuple[datetime, datetime]] = []
    sources: list[tuple[opening_hours.OpeningHours | None, Notice | None]]
    sources = [(_evaluated(usual, commune), None)]
    sources += [(_evaluated(n.hours, commune), n) for n in special]
    for evaluator, notice in sources:
        if evaluator is None:
            continue
        taken = 0
        for a, b, state, _comment in evaluator.intervals(start, end):
            day = a.date()
            if notice is not None and day > notice.ends_on:
                break
            ruled = free(day, special) if notice is None else notice.starts_on <= day
            if state != opening_hours.State.OPEN or not ruled or not free(day, closed):
                continue
            found.append((a, b))
            taken += 1
            if taken >= count:
                break
    return sorted(found)[:count]


def sparse(soon: Sequence[tuple[datetime, datetime]], after: datetime) -> bool:
    """Given the next openings after ``after`` (:func:`next_openings`): some, but on fewer
    than 4 days of the next four weeks, less than weekly (a permanence: « 2e mardi du
    mois »). Its next dates are then worth telling; a weekly day reads well enough in its
    hours (« mer. 14 h–17 h »)."""
    days = {a.date() for a, _b in soon if a < after + timedelta(days=28)}
    return bool(soon) and len(days) < 4


def closed_until(notices: Sequence[Notice], day: date) -> date | None:
    """The last day of the closure running on ``day`` (closures end to end as one)."""
    last = None
    for notice in sorted(notices, key=lambda n: n.starts_on):
        if notice.kind != "closed":
            continue
        start = day if last is None else last + timedelta(days=1)
        if notice.starts_on <= start <= notice.ends_on:
            last = notice.ends_on
    return last


def day_words(day: date, lang: str = "fr") -> str:
    """« 4 janvier 2027 », « 1er mars 2027 »; « 4 January 2027 »."""
    return long_date(day, lang, weekday=False)


_WORDS = {
    "fr": {
        "closed_one": "Fermé le {a}",
        "closed_until": "Fermé jusqu’au {b} inclus",
        "closed": "Fermé du {a} au {b} inclus",
        "hours_one": "Horaires exceptionnels le {a}\u00a0: {h}",
        "hours_until": "Horaires exceptionnels jusqu’au {b}\u00a0: {h}",
        "hours": "Horaires exceptionnels du {a} au {b}\u00a0: {h}",
        "message_one": "Le {a}\u00a0: {m}",
        "message_until": "Jusqu’au {b}\u00a0: {m}",
        "message": "Du {a} au {b}\u00a0: {m}",
        "structure": " (toute la structure)",
    },
    "en": {
        "closed_one": "Closed on {a}",
        "closed_until": "Closed until {b} inclusive",
        "closed": "Closed from {a} to {b} inclusive",
        "hours_one": "Special hours on {a}: {h}",
        "hours_until": "Special hours until {b}: {h}",
        "hours": "Special hours from {a} to {b}: {h}",
        "message_one": "On {a}: {m}",
        "message_until": "Until {b}: {m}",
        "message": "From {a} to {b}: {m}",
        "structure": " (the whole organisation)",
    },
}


def words(notice: Notice, day: date, lang: str = "fr", *, commune: str | None = None) -> str:
    """The notice as the agent and the visitor read it on ``day``: « Fermé jusqu’au
    4 janvier 2027 inclus » while it runs, « Fermé du … au … inclus » before."""
    table = _WORDS["en" if lang == "en" else "fr"]
    key = notice.kind
    if notice.starts_on == notice.ends_on:
        key += "_one"
    elif notice.state(day) == "current":
        key += "_until"
    text = table[key].format(
        a=day_words(notice.starts_on, lang),
        b=day_words(notice.ends_on, lang),
        h=hours.describe(notice.hours, lang, notice.starts_on, commune=commune),
        m=(notice.message or "").strip(),
    )
    if notice.kind == "closed" and not notice.on_service:
        text += table["structure"]
    if notice.kind != "message" and (notice.message or "").strip():
        text += f" — {notice.message.strip()}"  # type: ignore[union-attr]
    return text
