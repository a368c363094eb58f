"""A partner that runs Aiguillage: its site is its structure of the directory (set by the
region's coordination), and its desks say, by the slip code typed or scanned at their
counter, offline if need be, that a person sent to it came and what followed. At their
next sync the hub writes it as the partner's page would (:func:`hub.partners.record`),
dated the day it was said at the counter.

A code is looked for among the referrals to the site's structure only; a code of another
partner is « unknown », as on the partner's page. Unknown codes are counted per site
(:data:`UNKNOWN_A_MINUTE`): past them, what is left waits for the next sync."""

from __future__ import annotations

from sqlalchemy.orm import Session

from core.i18n import gettext
from core.wire import ArrivalAnswer, ArrivalWire
from hub import partners, service
from hub.checks import today
from hub.models import Site
from hub.service import HubError

UNKNOWN_A_MINUTE = 6


def said(session: Session, site: Site, arrivals: list[ArrivalWire]) -> list[ArrivalAnswer]:
    """What the hub made of each arrival the site's desk sent."""
    if not site.partner:
        said_words = gettext(
            "Ce site n’est pas une structure partenaire de l’annuaire régional\u00a0: la"
            " coordination régionale peut l’indiquer sur sa page."
        )
        raise HubError("not_partner", said_words, 409)
    pace = f"arrivals {site.id}"
    answers = []
    for arrival in arrivals:
        if not service.within_rate(session, pace, UNKNOWN_A_MINUTE):
            answers.append(ArrivalAnswer(id=arrival.id, answer="plus-tard"))
            continue
        slips = partners.issued(session, site.partner, arrival.slip_code)
        # Two desks may have given the code: the slip printed last before the person came.
        before = [s for s in slips if s[1] <= arrival.day] or slips
        if not before:
            answers.append(ArrivalAnswer(id=arrival.id, answer="inconnue"))
            continue
        service.uncount(session, pace)  # a code found is no guess
        referral, printed = before[0]
        # A desk's day is its own clock's: never before the slip, never after today here.
        day = min(max(arrival.day, printed), today())
        partners.record(session, site.partner, referral, arrival.said, day)
        answers.append(ArrivalAnswer(id=arrival.id, answer="notee"))
    return answers
