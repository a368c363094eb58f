"""The words of opening hours: days, times, comments, dates, in French and English.

French follows the typography of the desk: « sam. et dim. » for two days, a dash for three
days and more (« lun.–ven. »), « tous les jours », « 9 h–12 h », a no-break space before
« : » and a narrow one before « ; », comments between French quotes after their hours.
"""

from __future__ import annotations

from datetime import date

from babel.dates import get_day_names, get_month_names

from core.formatting import locale

# Start and end minute (end 1440 = midnight, past it when a range runs on into the night),
# the state (OPEN, UNKNOWN, or SHUT: a closed time that carries a comment) and the comment.
Span = tuple[int, int, int, str]
Plan = tuple[Span, ...]
OPEN, UNKNOWN, SHUT = 0, 1, 2
CLOSED: Plan = ()
ALWAYS: Plan = ((0, 1440, OPEN, ""),)

# CLDR's abbreviations (Babel): « lun. » … « dim. », « janv. » … « déc. »; Mon … Sun.
DAYS = {
    lang: tuple(str(get_day_names("abbreviated", locale=locale(lang))[d]) for d in range(7))
    for lang in ("fr", "en")
}
MONTHS = {"fr": [str(get_month_names("abbreviated", locale="fr_FR")[m]) for m in range(1, 13)]}
WORDS = {
    "fr": {
        "and": " et ",
        "separator": "\u202f; ",
        "colon": "\u00a0: ",
        "quote": "«\u00a0{c}\u00a0»",
        "always": "7\u00a0j/7, 24\u00a0h/24",
        "all_day": "24\u00a0h/24",
        "every_day": "tous les jours",
        "from": "à partir de {t}",
        "closed": "fermé",
        "unknown": "horaires à confirmer",
        "to_confirm": " (à confirmer)",
        "otherwise": "sinon {c}",
        "holidays_closed": "fermé les jours fériés",
        "holidays": "jours fériés",
        "school_closed": "fermé pendant les vacances scolaires",
        "school": "vacances scolaires",
        "school_unknown": "vacances scolaires\u00a0: dates non connues pour cette zone",
        "odd": "semaines impaires",
        "even": "semaines paires",
        "nth": "{ranks} {day} du mois",
        "next_day": " et le lendemain",
        "closed_range": "fermé du {a} au {b}",
        "closed_day": "fermé {a}",
        "the": "le {a}",
        "range": "du {a} au {b}",
        "easter": "Pâques",
        "easter_the": "à Pâques",
        "day": "{a}",
        "more": "et {n} autres dates",
        "more_one": "et 1 autre date",
        "unreadable": "horaires non reconnus\u00a0: {raw}",
    },
    "en": {
        "and": " and ",
        "separator": "; ",
        "colon": ": ",
        "quote": "“{c}”",
        "always": "24/7",
        "all_day": "24 hours",
        "every_day": "daily",
        "from": "from {t}",
        "closed": "closed",
        "unknown": "hours to be confirmed",
        "to_confirm": " (to be confirmed)",
        "otherwise": "otherwise {c}",
        "holidays_closed": "closed on public holidays",
        "holidays": "public holidays",
        "school_closed": "closed during school holidays",
        "school": "school holidays",
        "school_unknown": "school holidays: dates not known for this zone",
        "odd": "odd weeks",
        "even": "even weeks",
        "nth": "{ranks} {day} of the month",
        "next_day": " and the day after",
        "closed_range": "closed from {a} to {b}",
        "closed_day": "closed on {a}",
        "the": "{a}",
        "range": "from {a} to {b}",
        "easter": "Easter Sunday",
        "easter_the": "Easter Sunday",
        "day": "{a}",
        "more": "and {n} other dates",
        "more_one": "and 1 other date",
        "unreadable": "unrecognised hours: {raw}",
    },
}


def listing(items: list[str], lang: str) -> str:
    """« a », « a et b », « a, b et c »."""
    if len(items) < 2:
        return "".join(items)
    return ", ".join(items[:-1]) + WORDS[lang]["and"] + items[-1]


def quote(comment: str, lang: str) -> str:
    return WORDS[lang]["quote"].format(c=comment)


def clock(minute: int, lang: str) -> str:
    """« 9 h », « 13 h 30 »; an end past midnight is the next day's hour (« 2 h »)."""
    hour, minutes = divmod(minute - 1440 if minute > 1440 else minute, 60)
    if lang == "en":
        return f"{hour}:{minutes:02d}"
    return f"{hour}\u00a0h" + (f"\u00a0{minutes:02d}" if minutes else "")


def plan_words(plan: Plan, lang: str, open_ends: frozenset[int] = frozenset()) -> str:
    """One day's hours without the day: « 9 h–12 h et 14 h–17 h « sans rendez-vous » »."""
    words = WORDS[lang]
    if not plan:
        return words["closed"]
    if len(plan) == 1 and plan[0][:2] == (0, 1440) and plan[0][2] != OPEN:
        _a, _b, state, comment = plan[0]
        if state == SHUT:
            return words["closed"] + (f" {quote(comment, lang)}" if comment else "")
        return quote(comment, lang) if comment else words["unknown"]

    def times(span: Span) -> str:
        a, b, state, _comment = span
        if (a, b) == (0, 1440):
            text = words["all_day"]
        elif b == 1440 and a in open_ends:
            text = words["from"].format(t=clock(a, lang))
        else:
            text = f"{clock(a, lang)}–{clock(b, lang)}"
        if state == SHUT:
            text += " " + words["closed"]
        elif state == UNKNOWN:
            text += words["to_confirm"]
        return text

    comments = {span[3] for span in plan}
    if len(comments) == 1:
        note = comments.pop()
        text = listing([times(span) for span in plan], lang)
        return f"{text} {quote(note, lang)}" if note else text
    return listing([times(s) + (f" {quote(s[3], lang)}" if s[3] else "") for s in plan], lang)


def days_words(weekdays: list[int], lang: str) -> str:
    """« tous les jours », « lun.–ven. », « sam. et dim. », « lun.–ven. et dim. »."""
    if len(weekdays) == 7:
        return WORDS[lang]["every_day"]
    names = DAYS[lang]
    runs: list[list[int]] = []
    for day in weekdays:
        if runs and runs[-1][-1] == day - 1:
            runs[-1].append(day)
        else:
            runs.append([day])
    pieces: list[str] = []
    for run in runs:
        if len(run) >= 3:
            pieces.append(f"{names[run[0]]}–{names[run[-1]]}")
        else:
            pieces += [names[day] for day in run]
    return listing(pieces, lang)


def week_words(by_day: list[Plan], lang: str, open_ends: frozenset[int] = frozenset()) -> str:
    """A week, days with the same hours grouped in the order of their first day; hours every
    day has are said once, before the closed times with a comment some days add to them."""
    words = WORDS[lang]
    common = tuple(s for s in by_day[0] if s[2] != SHUT and all(s in p for p in by_day))
    extras = [tuple(s for s in plan if s not in common) for plan in by_day]
    if common and any(extras) and all(s[2] == SHUT for plan in extras for s in plan):
        return words["separator"].join(
            [week_words([common] * 7, lang, open_ends), week_words(extras, lang, open_ends)]
        )
    if len(set(by_day)) == 1 and by_day[0] != CLOSED:
        plan = by_day[0]
        if plan == ALWAYS:
            return words["always"]
        if plan[0][:2] == (0, 1440) and plan[0][2] != OPEN:
            return plan_words(plan, lang, open_ends)
    groups: list[tuple[list[int], Plan]] = []
    for weekday, plan in enumerate(by_day):
        if plan == CLOSED:
            continue
        for weekdays, seen in groups:
            if seen == plan:
                weekdays.append(weekday)
                break
        else:
            groups.append(([weekday], plan))
    parts = []
    for weekdays, plan in groups:
        bare = plan == ((0, 1440, UNKNOWN, ""),)
        parts.append(
            days_words(weekdays, lang)
            + (words["colon"] if bare else " ")
            + plan_words(plan, lang, open_ends)
        )
    return words["separator"].join(parts)


def period_words(by_day: list[Plan], lang: str, open_ends: frozenset[int] = frozenset()) -> str:
    """The week that holds in some period (months, school holidays)."""
    if len(set(by_day)) == 1 and by_day[0] == ALWAYS:
        return WORDS[lang]["all_day"]
    return week_words(by_day, lang, open_ends) or WORDS[lang]["closed"]


def ordinal(rank: int, lang: str) -> str:
    if lang == "en":
        if rank < 0:
            return "last" if rank == -1 else "second-to-last"
        return {1: "1st", 2: "2nd", 3: "3rd"}.get(rank, f"{rank}th")
    if rank < 0:
        return "dernier" if rank == -1 else "avant-dernier"
    return "1er" if rank == 1 else f"{rank}e"


def month(number: int, lang: str) -> str:
    if lang == "fr":
        return MONTHS["fr"][number - 1]
    return str(get_month_names("abbreviated", locale=lang)[number])


def day_words(day: date, lang: str, with_month: bool = True) -> str:
    if lang == "en":
        return f"{day.day} {month(day.month, lang)}" if with_month else str(day.day)
    number = "1er" if day.day == 1 else str(day.day)
    return f"{number}\u00a0{month(day.month, lang)}" if with_month else number


def span_words(a: date, b: date, plan: Plan, lang: str) -> str:
    """« fermé du 10 au 16 avr. », « 17 avr. : 9 h–20 h », « du 23 juil. au 3 janv. : … »;
    in English the day before its month, as in Britain: « closed from 10 to 16 Apr »."""
    words = WORDS[lang]
    one = day_words(a, lang, with_month=a.month != b.month or a == b)
    other = day_words(b, lang)
    if not plan:
        if a == b:
            return words["closed_day"].format(a=words["the"].format(a=one))
        return words["closed_range"].format(a=one, b=other)
    when = words["day"].format(a=one) if a == b else words["range"].format(a=one, b=other)
    return when + words["colon"] + plan_words(plan, lang)
