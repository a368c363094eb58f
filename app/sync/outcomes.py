"""What partners said of this desk's own referrals, pulled from the hub after each push
(protocol 3): the day the person came (« venu·e le 12/01 ») and what followed, shown in
the journal. Only dates and codes; the hub gives a desk only the referrals whose slips it
printed. Each pull asks again for the day before the last one it finished, so that a
change made later the same day is not missed; applying one twice changes nothing."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta

from sqlalchemy.orm import Session, sessionmaker

from app.sync.client import HubClient
from core.errors import DeskError
from db.models import Referral, SyncState

STREAM = "outcomes"
FIRST_PROTOCOL = 3  # the hub's protocol that has them


def pull_outcomes(
    sessions: sessionmaker[Session],
    client: HubClient,
    *,
    now: Callable[[], datetime] = lambda: datetime.now(UTC).replace(tzinfo=None),
) -> int:
    """Pull what changed since the last pull; how many of the desk's referrals it told of."""
    if client.speaks < FIRST_PROTOCOL:
        return 0
    moment = now()
    with sessions() as session:
        state = session.get(SyncState, STREAM)
        last = date.fromisoformat(state.cursor) if state and state.cursor else date(2000, 1, 1)
    since, after, told = last - timedelta(days=1), "", 0
    while True:
        page = client.outcomes(since, after)
        keys = [(o.changed_on, o.id) for o in page.outcomes]
        if keys != sorted(keys) or (keys and keys[0] < (since, after)):
            raise DeskError("hub_bad_answer", reason="suites d’orientation dans le désordre")
        with sessions.begin() as session:
            for said in page.outcomes:
                referral = session.get(Referral, said.id)
                if referral is None:  # not one of this desk's: the hub should not say
                    continue
                referral.presented_on = said.presented_on
                referral.outcome, referral.outcome_on = said.outcome, said.outcome_on
                told += 1
        if not page.more or not keys:
            break
        since, after = keys[-1]
    with sessions.begin() as session:
        state = session.get(SyncState, STREAM) or SyncState(stream=STREAM)
        state.cursor, state.last_success = moment.date().isoformat(), moment
        session.add(state)
    return told
