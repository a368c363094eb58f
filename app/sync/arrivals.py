"""Send what this partner's desk said of the referrals it received (:mod:`app.referrals.
arrivals`) to a hub of protocol 4 or later, and keep what the hub made of each: noted, or
an unknown code (told to the agent), or later (sent again at the next sync)."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import or_, select
from sqlalchemy.orm import Session, sessionmaker

from app.sync.client import HubClient
from core.errors import DeskError
from core.wire import ARRIVALS_SINCE, MAX_ARRIVALS, ArrivalWire
from db.models import Arrival

AGAIN = ("plus-tard", "pas-partenaire")  # answers that leave an arrival to send again


def send_arrivals(sessions: sessionmaker[Session], client: HubClient) -> int:
    """Send the arrivals not yet noted or refused, a batch at a time; how many the hub
    answered. A site that is no partner at the hub keeps them, marked so."""
    if client.speaks < ARRIVALS_SINCE:
        return 0
    answered = 0
    while True:
        with sessions() as session:
            rows = session.scalars(
                select(Arrival)
                .where(or_(Arrival.answer.is_(None), Arrival.answer.in_(AGAIN)))
                .order_by(Arrival.created_at, Arrival.id)
                .limit(MAX_ARRIVALS)
            ).all()
            batch = [
                ArrivalWire(id=r.id, slip_code=r.slip_code, said=r.said, day=r.day)  # type: ignore[arg-type]
                for r in rows
            ]
        if not batch:
            return answered
        moment = datetime.now(UTC).replace(tzinfo=None)
        answers: dict[str, str]
        try:
            answers = {a.id: a.answer for a in client.arrivals(batch).answers}
        except DeskError as error:
            if error.params.get("status") != 409:
                raise
            answers = {a.id: "pas-partenaire" for a in batch}
        with sessions.begin() as session:
            for arrival_id, answer in answers.items():
                row = session.get(Arrival, arrival_id)
                if row is not None:
                    row.answer, row.answered_at = answer, moment
        answered += sum(1 for a in answers.values() if a not in AGAIN)
        if all(a in AGAIN for a in answers.values()) or len(batch) < MAX_ARRIVALS:
            return answered
