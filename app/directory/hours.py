"""Opening hours: OpenStreetMap ``opening_hours`` strings, open or closed at a moment, and
written in plain French (``lun.–ven. 9 h–12 h 30 et 13 h 30–17 h``).

Parsing and evaluation are done by ``opening-hours-py`` (a well-kept implementation of the
OSM specification), with the French public holidays for ``PH``.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import opening_hours

PARIS = ZoneInfo("Europe/Paris")
DAYS = {
    "fr": ("lun.", "mar.", "mer.", "jeu.", "ven.", "sam.", "dim."),
    "en": ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"),
}
WORDS = {
    "fr": {
        "and": " et ",
        "holidays": "fermé les jours fériés",
        "closed": "fermé",
        "always": "7 j/7, 24 h/24",
    },
    "en": {
        "and": " and ",
        "holidays": "closed on public holidays",
        "closed": "closed",
        "always": "24/7",
    },
}


@functools.lru_cache(maxsize=4096)
def parse(hours: str) -> opening_hours.OpeningHours | None:
    """The parsed expression, or None when it is not valid OSM syntax."""
    try:
        return opening_hours.OpeningHours(hours, timezone=PARIS, country="FR", auto_country=False)
    except Exception:  # the parser's own ParserError, absent from its type stubs
        return None


def is_valid(hours: str) -> bool:
    return parse(hours) is not None


def open_at(hours: str | None, moment: datetime) -> bool | None:
    """Open at ``moment`` (True/False), or None when the hours are unknown or unreadable."""
    if not hours:
        return None
    parsed = parse(hours)
    if parsed is None:
        return None
    # The parser takes a named zone only; the desk's own clock carries a fixed offset
    # (datetime.now().astimezone()), which it refuses with a TypeError.
    moment = moment.replace(tzinfo=PARIS) if moment.tzinfo is None else moment.astimezone(PARIS)
    state = parsed.state(moment)[0]
    if state == opening_hours.State.OPEN:
        return True
    if state == opening_hours.State.CLOSED:
        return False
    return None


@dataclass(frozen=True, slots=True)
class _Day:
    weekday: int
    spans: tuple[tuple[time, time], ...]


def _clock(value: time, lang: str) -> str:
    if lang == "en":
        return value.strftime("%H:%M").lstrip("0") if value.hour else value.strftime("0:%M")
    return f"{value.hour}\u00a0h" + (f"\u00a0{value.minute:02d}" if value.minute else "")


def _week(parsed: opening_hours.OpeningHours, monday: date) -> list[_Day]:
    start = datetime.combine(monday, time(0), PARIS)
    end = start + timedelta(days=7)
    spans: dict[int, list[tuple[time, time]]] = {d: [] for d in range(7)}
    for begin, finish, state, _comments in parsed.intervals(start, end):
        if state != opening_hours.State.OPEN:
            continue
        begin = max(begin, start).astimezone(PARIS)
        finish = min(finish or end, end).astimezone(PARIS)
        while begin < finish:
            day_end = datetime.combine(begin.date() + timedelta(days=1), time(0), PARIS)
            stop = min(finish, day_end)
            closing = time(23, 59) if stop == day_end else stop.time()
            spans[begin.weekday()].append((begin.time(), closing))
            begin = stop
    return [_Day(d, tuple(spans[d])) for d in range(7)]


def _plain_week(monday: date) -> date:
    """A week with no French public holiday, from ``monday`` on, to describe the usual hours."""
    probe = parse("Mo-Su 00:00-24:00; PH off")
    assert probe is not None
    day = monday
    for _ in range(10):
        if all(
            probe.is_open(datetime.combine(day + timedelta(d), time(12), PARIS)) for d in range(7)
        ):
            return day
        day += timedelta(days=7)
    return monday


def describe(hours: str | None, lang: str = "fr", today: date | None = None) -> str:
    """The usual week's opening hours in plain words; the raw string when unreadable."""
    if not hours:
        return ""
    parsed = parse(hours)
    if parsed is None:
        return hours
    nth = _NTH.fullmatch(hours.split(";")[0].strip())
    if nth:
        return _describe_nth(nth, hours, lang)
    today = today or date.today()
    monday = _plain_week(today - timedelta(days=today.weekday()))
    days = _week(parsed, monday)
    words = WORDS[lang]
    if all(d.spans == ((time(0), time(23, 59)),) for d in days):
        text = words["always"]
    else:
        groups: list[tuple[list[int], tuple[tuple[time, time], ...]]] = []
        for day in days:
            if not day.spans:
                continue
            for weekdays, spans in groups:
                if spans == day.spans:
                    weekdays.append(day.weekday)
                    break
            else:
                groups.append(([day.weekday], day.spans))
        parts = []
        for weekdays, spans in groups:
            times = words["and"].join(f"{_clock(a, lang)}–{_clock(b, lang)}" for a, b in spans)
            parts.append(f"{_days(weekdays, lang)} {times}")
        text = " ; ".join(parts).replace(" ;", "\u202f;") if lang == "fr" else "; ".join(parts)
        if not parts:
            text = words["closed"]
    return text + _exceptions(hours, lang)


_OSM_DAYS = ("Mo", "Tu", "We", "Th", "Fr", "Sa", "Su")
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_MONTH_NAMES = {
    "fr": (
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ),
    "en": (
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ),
}
_FULL_DAYS = {
    "fr": ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"),
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
}
_NTH = re.compile(
    r"(Mo|Tu|We|Th|Fr|Sa|Su)\[([1-5](?:,[1-5])*)\] (\d\d:\d\d-\d\d:\d\d(?:,\d\d:\d\d-\d\d:\d\d)*)"
)
_MONTH_OFF = re.compile(
    r"(?<![A-Za-z])(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) (?:off|closed)"
)


def _exceptions(hours: str, lang: str) -> str:
    """What a usual week does not show: public holidays, a month closed."""
    separator = "\u202f; " if lang == "fr" else "; "
    extra = ""
    for match in _MONTH_OFF.finditer(hours):
        month = _MONTH_NAMES[lang][_MONTHS.index(match.group(1))]
        extra += separator + (f"fermé en {month}" if lang == "fr" else f"closed in {month}")
    if re.search(r"PH (off|closed)", hours):
        extra += separator + WORDS[lang]["holidays"]
    return extra


def _ordinal(n: int, lang: str) -> str:
    if lang == "en":
        return {1: "1st", 2: "2nd", 3: "3rd"}.get(n, f"{n}th")
    return "1er" if n == 1 else f"{n}e"


def _describe_nth(match: re.Match[str], hours: str, lang: str) -> str:
    """``We[1] 09:30-12:00`` as « 1er mercredi du mois, 9 h 30–12 h »."""
    day = _FULL_DAYS[lang][_OSM_DAYS.index(match.group(1))]
    ranks = [_ordinal(int(n), lang) for n in match.group(2).split(",")]
    spans = []
    for span in match.group(3).split(","):
        start, end = (time.fromisoformat(t) for t in span.split("-"))
        spans.append(f"{_clock(start, lang)}–{_clock(end, lang)}")
    times = WORDS[lang]["and"].join(spans)
    joined = WORDS[lang]["and"].join(
        [", ".join(ranks[:-1]), ranks[-1]] if len(ranks) > 1 else ranks
    )
    if lang == "en":
        plural = "s" if len(ranks) > 1 else ""
        return f"{joined} {day}{plural} of the month, {times}" + _exceptions(hours, lang)
    plural = "s" if len(ranks) > 1 else ""
    return f"{joined} {day}{plural} du mois, {times}" + _exceptions(hours, lang)


def _days(weekdays: list[int], lang: str) -> str:
    names = DAYS[lang]
    runs: list[list[int]] = []
    for day in weekdays:
        if runs and runs[-1][-1] == day - 1:
            runs[-1].append(day)
        else:
            runs.append([day])
    pieces = [
        f"{names[run[0]]}–{names[run[-1]]}" if len(run) > 1 else names[run[0]] for run in runs
    ]
    if len(pieces) == 1:
        return pieces[0]
    return ", ".join(pieces[:-1]) + WORDS[lang]["and"] + pieces[-1]
