"""At a partner that runs Aiguillage: « Accueillir une personne orientée ». The agent types
(or scans) the code on the slip a person brings and says what followed; the desk keeps
it, offline if need be, and sends it at the next sync (:mod:`app.sync.arrivals`): the
hub writes it on the referral the code names, for the desk that printed the slip to be
told. Codes only: no name, no text."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from core.errors import DeskError
from core.outcomes import OUTCOMES, slip_code_in
from db.models import Arrival

SAID = ("presentee", *OUTCOMES)  # what the counter may say: came, then came and…


@dataclass(frozen=True)
class ArrivalLine:
    """An arrival as the dialog lists it."""

    code: str
    said: str
    day: date
    answer: str | None


def note(sessions: sessionmaker[Session], typed: str, said: str, moment: datetime) -> ArrivalLine:
    """Keep an arrival said at the counter; a code that cannot be one is refused in words
    and nothing is kept."""
    code = slip_code_in(typed)
    if code is None:
        raise DeskError("bad_slip_code", field="code", value=typed.strip()[:40])
    if said not in SAID:
        raise ValueError(said)
    with sessions.begin() as session:
        session.add(
            Arrival(
                id=str(uuid.uuid4()), slip_code=code, said=said, day=moment.date(),
                created_at=moment.replace(tzinfo=None),
            )
        )  # fmt: skip
    return ArrivalLine(code, said, moment.date(), None)


def recent(sessions: sessionmaker[Session], limit: int = 20) -> list[ArrivalLine]:
    """The newest arrivals, with what the hub made of them."""
    with sessions() as session:
        rows = session.scalars(select(Arrival).order_by(Arrival.created_at.desc()).limit(limit))
        return [ArrivalLine(r.slip_code, r.said, r.day, r.answer) for r in rows]
