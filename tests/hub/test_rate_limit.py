"""The rate limit counts, in PostgreSQL, never fewer requests than a token made in the
last 60 seconds: a burst at the end of one minute is not let through again at the start
of the next."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session

from hub import service
from tests.hub.conftest import Hub


def test_a_burst_at_the_turn_of_a_minute_is_not_let_through_twice(hub: Hub) -> None:
    def asks(moment: datetime, times: int) -> list[bool]:
        answers = []
        for _ in range(times):
            with Session(hub.engine) as session, session.begin():
                answers.append(service.within_rate(session, "desk-token", 10, moment))
        return answers

    # Ten requests in the last ten seconds of a minute: all within the limit of ten.
    assert asks(datetime(2026, 12, 3, 10, 0, 50), 10) == [True] * 10
    # Half a minute later those ten are 40 s old: an eleventh is over the limit.
    assert asks(datetime(2026, 12, 3, 10, 1, 30), 1) == [False]
    # Two minutes on, the burst is forgotten.
    assert asks(datetime(2026, 12, 3, 10, 3, 0), 1) == [True]
    # Another token counts on its own.
    with Session(hub.engine) as session, session.begin():
        assert service.within_rate(session, "other-token", 10, datetime(2026, 12, 3, 10, 1, 30))
