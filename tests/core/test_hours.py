"""Opening hours as real directories write them: read (repaired if need be), evaluated on
the place's clock, and written out in words that never disagree with « ouvert maintenant »."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from core import hours
from core.hours.text import explain

TODAY = date(2026, 12, 3)  # a Thursday
PARIS = ZoneInfo("Europe/Paris")
SAMPLE = Path(__file__).parents[1] / "data" / "opening-hours-sample" / "sample.txt"
NB = "\u00a0"
NNB = "\u202f"


def words(value: str, lang: str = "fr") -> str:
    return hours.describe(value, lang, today=TODAY, school_zone="C")


@pytest.mark.parametrize(
    ("value", "french"),
    [
        # A comment alone says nothing of when: not « 7 j/7, 24 h/24 ».
        ('"sur rendez-vous"', f"«{NB}sur rendez-vous{NB}»"),
        ('Sa "sur rendez-vous"', f"sam. «{NB}sur rendez-vous{NB}»"),
        # Spaces after commas: every day has the same hours, not the first two all day.
        ("Mo, We, Fr 09:00-12:00", f"lun., mer. et ven. 9{NB}h–12{NB}h"),
        # Months and dates are whole, and said after the week.
        (
            "Mo-Fr 09:00-17:00; Jul-Aug off",
            f"lun.–ven. 9{NB}h–17{NB}h{NNB}; juil.–août{NB}: fermé",
        ),
        (
            "Mo-Fr 09:00-12:00; Dec 24-Jan 01 off",
            f"lun.–ven. 9{NB}h–12{NB}h{NNB}; fermé du 24{NB}déc. au 1er{NB}janv.",
        ),
        ("Jun 10:00-18:00", f"juin{NB}: tous les jours 10{NB}h–18{NB}h"),
        (
            "week 1-53/2 Mo 10:00-12:00",
            f"semaines impaires{NB}: lun. 10{NB}h–12{NB}h{NNB}; semaines paires{NB}: fermé",
        ),
        (
            "Mo-Fr 09:00-12:00; SH 14:00-17:00",
            f"lun.–ven. 9{NB}h–12{NB}h{NNB}; vacances scolaires{NB}: tous les jours 14{NB}h–17{NB}h",
        ),
        (
            "Mo-Fr 09:00-12:00; PH 10:00-12:00",
            f"lun.–ven. 9{NB}h–12{NB}h{NNB}; jours fériés{NB}: 10{NB}h–12{NB}h",
        ),
        # An nth weekday beside the week's hours: both are said.
        (
            "Mo-Fr 09:00-12:00; We[1] 14:00-16:00",
            f"lun.–ven. 9{NB}h–12{NB}h{NNB}; 1er mer. du mois{NB}: 14{NB}h–16{NB}h",
        ),
        ("Mo-Fr 18:00-24:00", f"lun.–ven. 18{NB}h–24{NB}h"),
        (
            'Mo-Fr 09:00-12:30,13:30-17:00 "sans rendez-vous"; PH off',
            f"lun.–ven. 9{NB}h–12{NB}h{NB}30 et 13{NB}h{NB}30–17{NB}h «{NB}sans rendez-vous{NB}»"
            f"{NNB}; fermé les jours fériés",
        ),
        ("24/7", f"7{NB}j/7, 24{NB}h/24"),
        # A night across midnight is the same the night the clocks change (27-28 Mar 2027).
        ("22:00-26:00", f"tous les jours 22{NB}h–2{NB}h"),
        # Hours every day has are said once, the closed time one day adds after them.
        (
            '22:00-26:00; We 12:00-14:00 off "travaux"',
            f"tous les jours 22{NB}h–2{NB}h{NNB}; mer. 12{NB}h–14{NB}h fermé «{NB}travaux{NB}»",
        ),
    ],
)
def test_hours_are_written_from_what_the_evaluator_computes(value: str, french: str) -> None:
    assert words(value) == french


def test_english_follows_the_same_reading() -> None:
    assert words("Mo-Fr 09:00-17:00; Jul-Aug off; PH off", "en") == (
        "Mon–Fri 9:00–17:00; Jul–Aug: closed; closed on public holidays"
    )
    assert words("Mo-Fr 09:00-12:00; We[1] 14:00-16:00", "en") == (
        "Mon–Fri 9:00–12:00; 1st Wed of the month: 14:00–16:00"
    )


def test_a_fallback_rule_is_said_once_and_never_read_as_always_open() -> None:
    value = 'Mo 19:00+; We 14:00+; Su 10:00+ || "Führung, Sonderführungen nach Vereinbarung."'
    said = words(value)
    assert "24" not in said
    assert said == (
        f"lun. à partir de 19{NB}h{NNB}; mer. à partir de 14{NB}h{NNB}; dim. à partir de 10{NB}h"
        f"{NNB}; sinon «{NB}Führung, Sonderführungen nach Vereinbarung.{NB}»"
    )
    tuesday_3am = datetime(2026, 12, 8, 3, 0, tzinfo=PARIS)
    assert hours.open_at(value, tuesday_3am) is None  # « sinon « Führung … » »: ask
    assert hours.open_at(value, tuesday_3am - timedelta(hours=5)) is True  # Monday 22:00
    assert hours.open_at(value, tuesday_3am - timedelta(hours=24)) is False  # Monday 3:00
    assert words('We-Fr 10:00-24:00 open "it is open" || "please call"; PH off') == (
        f"mer.–ven. 10{NB}h–24{NB}h «{NB}it is open{NB}»{NNB}; sinon «{NB}please call{NB}»"
        f"{NNB}; fermé les jours fériés"
    )


def test_the_day_after_an_nth_weekday_is_said_with_it() -> None:
    value = "Sa[-1],Sa[-1] +1 day 10:00-12:00"
    assert words(value) == f"dernier sam. du mois et le lendemain{NB}: 10{NB}h–12{NB}h"
    assert words(value, "en") == "last Sat of the month and the day after: 10:00–12:00"
    # 1 May 2027 is a Saturday and a holiday: closed, the Sunday after still open
    first = 'Sa[1],Sa[1] +1 day 10:00-12:00 open "first weekend"; PH off'
    assert words(first) == (
        f"1er sam. du mois et le lendemain{NB}: 10{NB}h–12{NB}h «{NB}first weekend{NB}»"
        f"{NNB}; fermé les jours fériés"
    )
    assert hours.open_at(first, datetime(2027, 5, 2, 11, tzinfo=PARIS)) is True


def test_a_comment_alone_is_neither_open_nor_closed_at_3_am() -> None:
    night = datetime(2026, 12, 5, 3, 0, tzinfo=PARIS)  # a Saturday
    assert hours.open_at('"sur rendez-vous"', night) is None
    assert hours.open_at('Sa "sur rendez-vous"', night) is None
    assert hours.open_at('Sa "sur rendez-vous"', night + timedelta(days=2)) is False
    assert hours.reading('Mo-Fr 09:00-12:00 "sans rendez-vous"').comments == ["sans rendez-vous"]


@pytest.mark.parametrize(
    ("value", "read", "french"),
    [
        ("10:00-12:00;", "10:00-12:00", f"tous les jours 10{NB}h–12{NB}h"),
        ("Mo 7-18", "Mo 07:00-18:00", f"lun. 7{NB}h–18{NB}h"),
        ("lundi,vendredi 10:00-18:00", "Mo,Fr 10:00-18:00", f"lun. et ven. 10{NB}h–18{NB}h"),
        ("lundi au vendredi 9h-12h", "Mo-Fr 09:00-12:00", f"lun.–ven. 9{NB}h–12{NB}h"),
        (
            "Mo-Fr 09:00-12:00 open sur rendez vous",
            'Mo-Fr 09:00-12:00 open "sur rendez vous"',
            f"lun.–ven. 9{NB}h–12{NB}h «{NB}sur rendez vous{NB}»",
        ),
        # Hours alone after a « ; » go on the hours of the days before them.
        (
            "Mardi au samedi 10h-12h; 14h-19h",
            "Tu-Sa 10:00-12:00,14:00-19:00",
            f"mar.–sam. 10{NB}h–12{NB}h et 14{NB}h–19{NB}h",
        ),
        # The comma after a comment separates two rules; it is kept.
        (
            'Mo-Fr 08:00-12:00 open "Sans rendez-vous", Mo-Fr 13:00-17:00 open sur rendez vous',
            'Mo-Fr 08:00-12:00 open "Sans rendez-vous", Mo-Fr 13:00-17:00 open "sur rendez vous"',
            f"lun.–ven. 8{NB}h–12{NB}h «{NB}Sans rendez-vous{NB}» et 13{NB}h–17{NB}h "
            f"«{NB}sur rendez vous{NB}»",
        ),
    ],
)
def test_harmless_mistakes_are_repaired_with_a_warning(value: str, read: str, french: str) -> None:
    reading = hours.reading(value)
    assert reading.text == read
    assert reading.warnings("fr") and reading.warnings("en")
    assert words(value) == french


def test_unreadable_hours_are_named_and_shown_raw() -> None:
    assert words("le matin") == f"horaires non reconnus{NB}: le matin"
    assert words("le matin", "en") == "unrecognised hours: le matin"
    assert not hours.is_valid("le matin")
    assert hours.open_at("le matin", datetime(2026, 12, 7, 10, tzinfo=PARIS)) is None


@pytest.mark.parametrize(
    "value",
    [
        # The free text would be altered (« sauf Su ») or names days and hours left unread.
        "lundi-dimanche 10h-22h sauf dimanche",
        "Mo-Sa 11:00-21:00 Su off",
        "13h30 - 17h30 du lundi au vendredi",
        # Days with no hours: not open all day.
        "Lundi, Mardi, Jeudi, Vendredi, Samedi",
        # Read as written, Thursday and Friday would lose their midday hours.
        "Mardi-Samedi 12h00-14h00; Jeudi-Vendredi 19h00-22h00",
    ],
)
def test_a_repair_whose_reading_is_not_certain_is_refused(value: str) -> None:
    assert words(value) == f"horaires non reconnus{NB}: {value}"


def test_school_holidays_are_said_where_the_zone_is_not_known() -> None:
    said = hours.describe("Mo-Sa 18:00+; SH off", today=TODAY)
    assert said == f"lun.–sam. à partir de 18{NB}h{NNB}; fermé pendant les vacances scolaires"
    # ``SH Tu, SH Th …`` is valid: two rules, each of the school holidays.
    value = "Fr 08:30-10:30; SH Tu, SH Th 15:00-18:00"
    assert words(value) == (
        f"ven. 8{NB}h{NB}30–10{NB}h{NB}30{NNB}; vacances scolaires{NB}: mar. 24{NB}h/24"
        f"{NNB}; jeu. 15{NB}h–18{NB}h{NNB}; ven. 8{NB}h{NB}30–10{NB}h{NB}30"
    )


def test_school_holidays_follow_the_zone() -> None:
    value = "Mo-Fr 09:00-12:00; SH 14:00-17:00"
    christmas = datetime(2026, 12, 22, 15, 0, tzinfo=PARIS)  # zones A, B and C are off
    february_c = datetime(2027, 2, 9, 15, 0, tzinfo=PARIS)  # zone C: from 6 Feb 2027
    assert hours.open_at(value, christmas, school_zone="C") is True
    assert hours.open_at(value, february_c, school_zone="C") is True
    assert hours.open_at(value, february_c, school_zone="A") is False
    # Marseille is in zone B, Paris in zone C.
    assert hours.school_zone_for("13055") == "B"
    assert hours.school_zone_for("75056") == "C"
    corsica = hours.describe(value, today=TODAY, school_zone="corse")
    assert "dates non connues" in corsica


def test_open_now_is_on_the_place_s_own_clock() -> None:
    value = "Mo-Fr 09:00-12:00"
    moment = datetime(2026, 12, 7, 14, 30, tzinfo=ZoneInfo("UTC"))  # 10:30 in Fort-de-France
    assert hours.open_at(value, moment, commune="97209") is True
    assert hours.open_at(value, moment) is False  # 15:30 in Paris
    reunion = datetime(2026, 12, 7, 7, 0, tzinfo=ZoneInfo("UTC"))  # 11:00 in Saint-Denis
    assert hours.open_at(value, reunion, commune="97411") is True


def test_times_that_do_not_exist_or_happen_twice_are_read() -> None:
    value = "Su 00:00-24:00"
    skipped = datetime(2027, 3, 28, 2, 30)  # 02:30 does not exist in Paris that night
    assert hours.open_at(value, skipped) is True
    assert hours.open_at(value, skipped.replace(tzinfo=PARIS)) is True
    twice = datetime(2027, 10, 31, 2, 30, tzinfo=PARIS)
    assert hours.open_at(value, twice) is True
    assert hours.open_at(value, twice.replace(fold=1)) is True
    assert hours.wall_clock(skipped).hour == 3


_DAY_NAMES = ("lun.", "mar.", "mer.", "jeu.", "ven.", "sam.", "dim.")
_GROUP = re.compile(
    r"^(tous les jours|(?:(?:lun|mar|mer|jeu|ven|sam|dim)\.(?:–|, | et )?)+)(?: |\xa0: )(.*)$"
)
_CLOCK = r"(\d+)\xa0h(?:\xa0(\d\d))?"
_SPAN = re.compile(rf"(?:{_CLOCK}–{_CLOCK}|à partir de {_CLOCK}|(24\xa0h/24))( \(à confirmer\))?")
Spans = list[tuple[int, int, bool]]


def _spans(hours_part: str) -> list[tuple[int, int, bool]]:
    """« 9 h–12 h et 22 h–2 h », « à partir de 22 h », « 24 h/24 » as (start, end, unknown);
    an end at or before the start is the next day's (« 22 h–2 h » ends at 26 h)."""
    found = []
    for a, b, c, d, e, f, whole, unknown in _SPAN.findall(hours_part):
        if whole:
            start, end = 0, 1440
        elif e:
            start, end = int(e) * 60 + int(f or 0), 1440
        else:
            start, end = int(a) * 60 + int(b or 0), int(c) * 60 + int(d or 0)
            end += 1440 if end <= start else 0
        found.append((start, end, bool(unknown)))
    return found


def _week_from_words(week: str, otherwise: bool = False) -> list[Spans] | None:
    """The week an agent reads in the words: per weekday, (start, end, unknown) spans, a
    range read past midnight going on into the next day; with « sinon « … » » (``otherwise``)
    a day the week does not name is to be confirmed, not closed."""
    days: list[Spans] = [[] for _ in range(7)]
    if otherwise:
        said = _week_from_words(week)
        if said is None:
            return None
        return [spans or [(0, 1440, True)] for spans in said]
    if week == f"7{NB}j/7, 24{NB}h/24":
        return [[(0, 1440, False)] for _ in range(7)]
    if not week or week.startswith("fermé"):
        return days
    if f"{NNB}; " not in week and not _GROUP.match(week):
        return [[(0, 1440, True)] for _ in range(7)]  # « « sur rendez-vous » », every day
    for group in week.split(f"{NNB}; "):
        match = _GROUP.match(group)
        if match is None:
            return None
        named: list[int] = []
        if match.group(1) == "tous les jours":
            named = list(range(7))
        for piece in re.split(r", | et ", match.group(1).strip()):
            if piece in ("", "tous les jours"):
                continue
            ends = [_DAY_NAMES.index(p) for p in piece.split("–")]
            named += range(ends[0], ends[-1] + 1)
        hours_part = re.sub(r"«\xa0.*?\xa0»", "", match.group(2))
        if hours_part.strip().startswith("fermé"):
            continue
        spans = _spans(hours_part) or [(0, 1440, True)]  # « sam. « sur rendez-vous » »
        for day in named:
            for start, end, unknown in spans:
                days[day].append((start, min(end, 1440), unknown))
                if end > 1440:
                    days[(day + 1) % 7].append((0, end - 1440, unknown))
    return days


def test_the_real_sample_is_read_and_its_words_agree_with_open_now() -> None:
    values = [line for line in SAMPLE.read_text(encoding="utf-8").splitlines() if line.strip()]
    counts = {"parsed": 0, "repaired": 0, "unreadable": 0}
    checked = 0
    for value in values:
        reading = hours.reading(value)
        said = explain(value, "fr", TODAY, school_zone="C")
        if reading.text is None:
            counts["unreadable"] += 1
            assert said.text == f"horaires non reconnus{NB}: {value}"
            continue
        counts["repaired" if reading.repairs else "parsed"] += 1
        week = _week_from_words(said.week, f"sinon «{NB}" in said.text)
        if week is None:
            assert "semaines" in said.week or not said.week, (value, said.week)
            continue
        for offset in range(14):
            day = TODAY + timedelta(offset)
            if day in said.exceptional:
                continue
            for minute in range(0, 1440, 15):
                moment = datetime(day.year, day.month, day.day, tzinfo=PARIS) + timedelta(
                    minutes=minute
                )
                expected: bool | None = False
                for start, end, unknown in week[day.weekday()]:
                    if start <= minute < end:
                        expected = None if unknown else True
                actual = hours.open_at(value, moment, school_zone="C")
                assert actual is expected, (value, said.text, moment)
                checked += 1
    # The sample's figures: 202 values, 7 of them documentation lines, not hours.
    assert counts == {"parsed": 195, "repaired": 0, "unreadable": 7}
    assert checked > 190 * 14 * 90


def test_a_public_holiday_that_falls_on_the_nth_weekday_is_the_rules_not_a_date() -> None:
    # Easter Monday 2027 is the last Monday of March; 1 November 2027 the first of its month.
    # With no « PH off » the rule applies on them too: nothing more to say.
    assert hours.describe("Mo[-1] 14:00-16:30", "fr", today=date(2026, 12, 1)) == (
        "dernier lun. du mois\u00a0: 14\u00a0h–16\u00a0h\u00a030"
    )
    assert hours.describe("Mo[1] 09:00-12:00", "fr", today=date(2026, 12, 1)) == (
        "1er lun. du mois\u00a0: 9\u00a0h–12\u00a0h"
    )


@pytest.mark.parametrize(
    ("value", "french", "english"),
    [
        # ``Sa,SH``: Saturdays, and every day of the school holidays.
        (
            "Sa,SH 10:00-12:00",
            f"sam. 10{NB}h–12{NB}h{NNB}; vacances scolaires{NB}: tous les jours 10{NB}h–12{NB}h",
            "Sat 10:00–12:00; school holidays: daily 10:00–12:00",
        ),
        (
            "Mo-Fr,SH 09:00-12:00",
            f"lun.–ven. 9{NB}h–12{NB}h{NNB}; vacances scolaires{NB}: tous les jours 9{NB}h–12{NB}h",
            "Mon–Fri 9:00–12:00; school holidays: daily 9:00–12:00",
        ),
        # ``SH Mo-Fr``: the weekdays of the school holidays only.
        (
            "SH Mo-Fr 14:00-17:00",
            f"vacances scolaires{NB}: lun.–ven. 14{NB}h–17{NB}h",
            "school holidays: Mon–Fri 14:00–17:00",
        ),
        # An additional rule naming SH among its days adds to the hours before it.
        (
            "Mo-Fr 08:00-12:00, Sa,SH 14:00-16:00",
            f"lun.–ven. 8{NB}h–12{NB}h{NNB}; sam. 14{NB}h–16{NB}h{NNB}; vacances scolaires{NB}: "
            f"lun.–ven. 8{NB}h–12{NB}h et 14{NB}h–16{NB}h{NNB}; sam. et dim. 14{NB}h–16{NB}h",
            "Mon–Fri 8:00–12:00; Sat 14:00–16:00; school holidays: "
            "Mon–Fri 8:00–12:00 and 14:00–16:00; Sat and Sun 14:00–16:00",
        ),
    ],
)
def test_school_holidays_inside_a_day_selector(value: str, french: str, english: str) -> None:
    assert words(value) == french
    assert words(value, "en") == english


def test_school_holidays_among_the_days_of_an_additional_rule_are_open() -> None:
    value = "Mo-Fr 08:00-12:00, Sa,SH 14:00-16:00"
    holiday_monday = datetime(2026, 12, 21, 15, 0, tzinfo=PARIS)  # Christmas, every zone
    school_monday = datetime(2026, 12, 14, 15, 0, tzinfo=PARIS)
    assert hours.open_at(value, holiday_monday, school_zone="C") is True
    assert hours.open_at(value, holiday_monday.replace(hour=9), school_zone="C") is True
    assert hours.open_at(value, school_monday, school_zone="C") is False
    sunday = datetime(2026, 12, 27, 15, 0, tzinfo=PARIS)
    assert hours.open_at(value, sunday, school_zone="C") is True
