"""Temporary information and a permanence's next dates: a closure over Christmas, special
hours, a « 2e mardi du mois » held in a town hall; and every real opening-hours value of
the corpus read with a closure and special hours around it, none of them raising."""

from __future__ import annotations

import csv
from datetime import date, datetime
from pathlib import Path

import pytest

from core import notices
from core.hours import PARIS
from core.notices import Notice

CORPUS = Path(__file__).parents[1] / "data" / "opening-hours" / "corpus.csv"
WEEKDAYS = "Mo-Fr 08:30-12:00,13:30-17:00; PH off"
CHRISTMAS = Notice("closed", date(2026, 12, 24), date(2027, 1, 3), message="Fermeture annuelle")


def at(year: int, month: int, day: int, hour: int, minute: int) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=PARIS)


def test_a_closure_over_christmas_closes_and_its_words_follow_the_days() -> None:
    assert notices.open_at(WEEKDAYS, [CHRISTMAS], at(2026, 12, 29, 10, 0)) is False
    assert notices.open_at(WEEKDAYS, [CHRISTMAS], at(2027, 1, 4, 10, 0)) is True
    assert notices.open_at(WEEKDAYS, [CHRISTMAS], at(2026, 12, 23, 10, 0)) is True
    assert notices.closed_until([CHRISTMAS], date(2026, 12, 29)) == date(2027, 1, 3)
    assert notices.closed_until([CHRISTMAS], date(2026, 12, 20)) is None
    assert notices.words(CHRISTMAS, date(2026, 12, 1)) == (
        "Fermé du 24 décembre 2026 au 3 janvier 2027 inclus (toute la structure)"
        " — Fermeture annuelle"
    )
    assert notices.words(CHRISTMAS, date(2026, 12, 30), "en").startswith(
        "Closed until 3 January 2027 inclusive (the whole organisation)"
    )
    assert notices.shown([CHRISTMAS], date(2027, 1, 4)) == []  # past: told nowhere


def test_closures_end_to_end_run_as_one_and_special_hours_of_the_service_come_first() -> None:
    first = Notice("closed", date(2026, 12, 24), date(2026, 12, 27))
    then = Notice("closed", date(2026, 12, 28), date(2027, 1, 3), on_service=True)
    assert notices.closed_until([then, first], date(2026, 12, 25)) == date(2027, 1, 3)
    structure = Notice("hours", date(2026, 12, 1), date(2026, 12, 31), hours="Mo-Fr 14:00-16:00")
    own = Notice("hours", date(2026, 12, 1), date(2026, 12, 31), hours="Mo-Fr 09:00-10:00",
                 on_service=True)  # fmt: skip
    told = [structure, own]
    assert notices.open_at(WEEKDAYS, told, at(2026, 12, 2, 9, 30)) is True
    assert notices.open_at(WEEKDAYS, told, at(2026, 12, 2, 15, 0)) is False
    assert notices.open_at(WEEKDAYS, told, at(2026, 12, 2, 11, 0)) is False


def test_a_permanence_tells_its_next_dates_and_skips_a_closure() -> None:
    vence = "Tu[2] 09:00-12:00; PH off"  # « 2e mardi du mois, 9 h–12 h, mairie de Vence »
    after = at(2026, 12, 4, 10, 0)

    def soon(value: str) -> list[tuple[datetime, datetime]]:
        return notices.next_openings(value, [], after, count=8, commune="06157")

    assert notices.sparse(soon(vence), after)
    assert not notices.sparse(soon(WEEKDAYS), after)
    assert not notices.sparse(soon("Tu 09:00-12:00"), after)  # weekly: its hours say it
    january = Notice("closed", date(2027, 1, 10), date(2027, 1, 14), on_service=True)
    found = notices.next_openings(vence, [january], after, commune="06157")
    assert [(a.date(), a.hour, b.hour) for a, b in found] == [
        (date(2026, 12, 8), 9, 12), (date(2027, 2, 9), 9, 12), (date(2027, 3, 9), 9, 12),
    ]  # fmt: skip
    special = Notice("hours", date(2027, 1, 12), date(2027, 1, 12), hours="Tu 14:00-16:00")
    found = notices.next_openings(vence, [special], after, count=2, commune="06157")
    assert [(a.date(), a.hour) for a, _b in found] == [
        (date(2026, 12, 8), 9),
        (date(2027, 1, 12), 14),
    ]


def test_a_permanence_never_held_has_no_next_date() -> None:
    assert notices.next_openings("off", [], at(2026, 12, 4, 10, 0)) == []
    assert not notices.sparse([], at(2026, 12, 4, 10, 0))
    assert notices.next_openings(None, [], at(2026, 12, 4, 10, 0)) == []


def corpus() -> list[str]:
    with CORPUS.open(encoding="utf-8") as rows:
        return [row["value"] for row in csv.DictReader(rows)]


@pytest.mark.parametrize("chunk", range(4))
def test_every_real_value_is_read_with_notices_around_it(chunk: int) -> None:
    """The 377 real values (OpenStreetMap, data·inclusion) with a closure, special hours
    and a message around them: an answer for each, never an error."""
    values = corpus()[chunk::4]
    assert values
    special = Notice("hours", date(2026, 12, 14), date(2026, 12, 20), hours="Mo-Sa 10:00-12:00")
    told = [
        CHRISTMAS,
        special,
        Notice("message", date(2026, 12, 1), date(2026, 12, 31), message="salle B"),
    ]
    after = at(2026, 12, 10, 8, 0)
    for value in values:
        assert notices.open_at(value, told, at(2026, 12, 29, 10, 0)) in (False,)
        found = notices.next_openings(value, told, after, count=3, horizon=notices.LONGEST)
        assert all(not CHRISTMAS.starts_on <= a.date() <= CHRISTMAS.ends_on for a, _b in found)
        assert found == sorted(found)
        notices.sparse(found, after)


@pytest.mark.parametrize(
    ("notice", "reason"),
    [
        (Notice("closed", date(2027, 1, 3), date(2026, 12, 24)), "la fin précède le début"),
        (Notice("closed", date(2026, 1, 1), date(2027, 6, 1)), "plus d’un an"),
        (Notice("hours", date(9999, 1, 1), date(9999, 1, 1), hours="Mo 09:00-12:00"),
         "date hors de 2000 à 2100"),
        (Notice("hours", date(2026, 1, 1), date(2026, 1, 2), hours="le matin"),
         "horaires illisibles"),
        (Notice("message", date(2026, 1, 1), date(2026, 1, 2), message=" "), "message vide"),
        (Notice("message", date(2026, 1, 1), date(2026, 1, 2), message="x" * 301),
         "message trop long"),
        (Notice("vacances", date(2026, 1, 1), date(2026, 1, 2)), "type inconnu"),
    ],
)  # fmt: skip
def test_what_cannot_be_told_is_refused(notice: Notice, reason: str) -> None:
    assert notices.problem(notice) == reason


def test_the_wire_refuses_a_notice_or_an_event_a_hub_should_never_send() -> None:
    from pydantic import ValidationError

    from core.wire_timed import EventWire, NoticeWire

    base = {"structure_id": "s-1", "kind": "closed", "starts_on": "2020-01-01"}
    for ends_on in ("9999-12-31", "2019-12-31"):
        with pytest.raises(ValidationError):
            NoticeWire.model_validate({**base, "ends_on": ends_on})
    event = {"title": "Forum", "code_insee": "13047", "commune": "Istres",
             "starts_at": "2027-03-09T09:00", "ends_at": "2027-03-09T17:00"}  # fmt: skip
    assert EventWire.model_validate(event).title == "Forum"
    for bad in ({"ends_at": "2027-03-09T08:00"}, {"starts_at": "2027-03-09T09:00+01:00"},
                {"ends_at": 0}, {"ends_at": "2027-05-09T17:00"}):  # fmt: skip
        with pytest.raises(ValidationError):
            EventWire.model_validate({**event, **bad})
