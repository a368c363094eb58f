"""Dates and times stay right in Europe/Paris across the nights the clocks change.

Each test runs twice: with the desk's clock in the ``Europe/Paris`` zone (as the tests'
clock is), and with the machine's own clock as a counter PC has it (``TZ=Europe/Paris``,
``datetime.now().astimezone()``, which carries a fixed offset that is wrong for any moment
on the other side of a change).
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, date, datetime

import pytest

from app.desk import Desk
from app.stats import queries as stats
from core.hours import open_at
from db.models import Contact
from tests.app.intake.test_intake import visit
from tests.conftest import PARIS


class Clock:
    """A clock the test sets to a UTC moment; reads it as the desk's clock would."""

    def __init__(self, kind: str) -> None:
        self.kind = kind
        self.utc = datetime(2026, 10, 24, 12, 0, tzinfo=UTC)
        self.mono = 1000.0

    def __call__(self) -> datetime:
        if self.kind == "zoneinfo":
            return self.utc.astimezone(PARIS)
        return self.utc.astimezone()  # the machine's zone, as app.intake.clock.local_now reads it

    def set(self, year: int, month: int, day: int, hour: int, minute: int) -> None:
        self.utc = datetime(year, month, day, hour, minute, tzinfo=UTC)
        self.mono += 3600  # past the undo window

    def monotonic(self) -> float:
        return self.mono


# The shared ``desk`` fixture (tests/conftest.py) runs on this clock.
@pytest.fixture(params=["zoneinfo", "system"])
def clock(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Iterator[Clock]:
    monkeypatch.setenv("TZ", "Europe/Paris")
    time.tzset()
    try:
        yield Clock(request.param)
    finally:
        monkeypatch.undo()
        time.tzset()


def stored(desk: Desk, contact_id: str) -> tuple[datetime, datetime]:
    with desk.sessions() as session:
        row = session.get(Contact, contact_id)
        assert row is not None
        return row.moment_local, row.moment_utc


def by_hour(desk: Desk, day: date) -> dict[str, int]:
    with desk.sessions() as session:
        result = stats.compute(session, day, day, ["hour"])
    return {row["hour"]: row["count"] for row in result.rows}


def test_the_night_the_clocks_go_back_keeps_both_half_past_twos(desk: Desk, clock: Clock) -> None:
    # Sunday 25 October 2026: at 03:00 summer time (01:00 UTC) it is 02:00 again.
    saved = []
    for utc_hour, utc_minute in [(0, 40), (1, 10), (2, 30)]:
        clock.set(2026, 10, 25, utc_hour, utc_minute)
        saved.append(desk.intake.save(visit()).id)

    assert [stored(desk, i) for i in saved] == [
        (datetime(2026, 10, 25, 2, 40), datetime(2026, 10, 25, 0, 40)),  # summer time
        (datetime(2026, 10, 25, 2, 10), datetime(2026, 10, 25, 1, 10)),  # winter time
        (datetime(2026, 10, 25, 3, 30), datetime(2026, 10, 25, 2, 30)),
    ]
    sunday = date(2026, 10, 25)
    view = desk.day_view(sunday)
    # The journal lists them in the order they came, not by the clock on the wall.
    assert [c.id for c in view.contacts] == saved
    assert [c.moment_local.strftime("%H:%M") for c in view.contacts] == ["02:40", "02:10", "03:30"]
    assert view.active == 3 and desk.intake.count_on(sunday) == 3
    # The hour 02:00–03:00 happened twice that night and counts both.
    assert by_hour(desk, sunday) == {"02": 2, "03": 1}


def test_editing_a_visit_of_the_repeated_hour_keeps_its_moment(desk: Desk, clock: Clock) -> None:
    clock.set(2026, 10, 25, 1, 10)  # 02:10 winter time, the second 02:10 of the night
    record = desk.intake.save(visit())
    clock.set(2026, 10, 25, 9, 0)
    desk.intake.edit(record.id, replace(record.draft(), public="scolaire"))
    assert stored(desk, record.id) == (datetime(2026, 10, 25, 2, 10), datetime(2026, 10, 25, 1, 10))
    # A time of that hour typed with fold=1 (the winter reading) is kept as winter time.
    second = desk.intake.save(visit(moment=datetime(2026, 10, 25, 2, 40, fold=1)))
    assert stored(desk, second.id)[1] == datetime(2026, 10, 25, 1, 40)


def test_a_summer_moment_typed_in_winter_is_summer_time(desk: Desk, clock: Clock) -> None:
    # The agent catches up in November on a visit of the Saturday before the change,
    # and on one of the August holidays: both were at UTC+2, though now is UTC+1.
    clock.set(2026, 11, 24, 9, 0)
    evening = desk.intake.save(visit(moment=datetime(2026, 10, 24, 23, 30)))
    august = desk.intake.save(visit(moment=datetime(2026, 8, 14, 10, 0)))
    winter = desk.intake.save(visit(moment=datetime(2026, 10, 26, 10, 0)))

    assert stored(desk, evening.id) == (
        datetime(2026, 10, 24, 23, 30),
        datetime(2026, 10, 24, 21, 30),
    )
    assert stored(desk, august.id) == (datetime(2026, 8, 14, 10, 0), datetime(2026, 8, 14, 8, 0))
    assert stored(desk, winter.id) == (datetime(2026, 10, 26, 10, 0), datetime(2026, 10, 26, 9, 0))
    # Each counts on the day and at the hour the agent typed.
    assert [c.id for c in desk.day_view(date(2026, 10, 24)).contacts] == [evening.id]
    assert by_hour(desk, date(2026, 10, 24)) == {"23": 1}
    assert by_hour(desk, date(2026, 8, 14)) == {"10": 1}


def test_a_time_the_clocks_skipped_in_spring_is_stored_as_the_hour_it_was(
    desk: Desk, clock: Clock
) -> None:
    # Sunday 29 March 2026: at 02:00 winter time it was 03:00; 02:30 never showed.
    clock.set(2026, 3, 29, 9, 0)
    skipped = desk.intake.save(visit(moment=datetime(2026, 3, 29, 2, 30)))
    before = desk.intake.save(visit(moment=datetime(2026, 3, 29, 1, 30)))
    after = desk.intake.save(visit(moment=datetime(2026, 3, 29, 3, 30)))

    assert stored(desk, before.id) == (datetime(2026, 3, 29, 1, 30), datetime(2026, 3, 29, 0, 30))
    assert stored(desk, skipped.id) == (datetime(2026, 3, 29, 3, 30), datetime(2026, 3, 29, 1, 30))
    assert stored(desk, after.id) == (datetime(2026, 3, 29, 3, 30), datetime(2026, 3, 29, 1, 30))
    assert by_hour(desk, date(2026, 3, 29)) == {"01": 1, "03": 2}


def test_a_visit_just_after_midnight_belongs_to_the_new_local_day(desk: Desk, clock: Clock) -> None:
    # 22:30 UTC on 31 July is 00:30 on 1 August in Paris; 23:30 UTC on 1 December is
    # 00:30 on 2 December.
    clock.set(2026, 7, 31, 22, 30)
    summer = desk.intake.save(visit())
    assert desk.intake.today() == date(2026, 8, 1)
    clock.set(2026, 12, 1, 23, 30)
    winter = desk.intake.save(visit())
    assert desk.intake.today() == date(2026, 12, 2)

    assert [c.id for c in desk.day_view(date(2026, 8, 1)).contacts] == [summer.id]
    assert [c.id for c in desk.day_view(date(2026, 12, 2)).contacts] == [winter.id]
    assert desk.day_view(date(2026, 7, 31)).contacts == []
    with desk.sessions() as session:
        months = stats.compute(session, date(2026, 7, 1), date(2026, 12, 31), ["month"])
    assert {row["month"]: row["count"] for row in months.rows} == {"2026-08": 1, "2026-12": 1}


def test_opening_hours_follow_the_wall_clock_on_both_sides_of_the_change() -> None:
    hours = "Mo-Fr 09:00-12:00"
    # Monday 26 October 2026 at 09:30 in Paris is 08:30 UTC (winter), and Friday
    # 23 October at 09:30 was 07:30 UTC (summer): the partner is open at both.
    assert open_at(hours, datetime(2026, 10, 26, 8, 30, tzinfo=UTC).astimezone(PARIS)) is True
    assert open_at(hours, datetime(2026, 10, 23, 7, 30, tzinfo=UTC).astimezone(PARIS)) is True
    assert open_at(hours, datetime(2026, 10, 23, 10, 30, tzinfo=UTC).astimezone(PARIS)) is False


def test_opening_hours_read_the_desk_s_own_clock(clock: Clock) -> None:
    """The desk's real clock carries a fixed offset (``local_now``): "open now" must read
    it, not fail (it raised TypeError in the directory's search)."""
    clock.set(2026, 10, 26, 8, 30)  # Monday 09:30 in Paris
    assert open_at("Mo-Fr 09:00-12:00", clock()) is True
    clock.set(2026, 10, 26, 12, 30)
    assert open_at("Mo-Fr 09:00-12:00", clock()) is False
