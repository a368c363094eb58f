"""The partner's loop: a structure of the region's directory confirms, by the slip code
alone, that a person it was sent came, and what followed; nothing else about anyone.

A coordinator gives a partner a link (:func:`give_link`): a secret the hub keeps only
hashed, that expires, that a new link or a revocation ends. With it the partner types a
slip code and sees what the slip says (:func:`find`): the day, the sending site, the
service, the themes; a code of another partner, one that was never given, and a cancelled
referral are all « unknown », alike. Look-ups are counted per link (:data:`LOOKUPS_A_MINUTE`,
in the database like every rate of the hub), so that codes cannot be tried by the
thousand: a code is one of 32⁶, about a billion.
"""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from core.i18n import gettext
from core.outcomes import OUTCOMES, slip_code_in
from hub import referral_counts
from hub.checks import today
from hub.models import (
    DirectoryEntry,
    Site,
    contact_code,
    referral_fact,
    referral_slip,
)
from hub.partner_models import PartnerAccess, ReferralOutcome
from hub.service import HubError, digest, now

LINK_DAYS = 90  # a link's life, unless a coordinator gives another sooner
# A link's address opens the page once, and again within this time (a second click, a
# browser that asks twice); then it is spent, and only the page's cookie goes on.
OPENING = timedelta(minutes=15)
LOOKUPS_A_MINUTE = 6  # codes not found a minute: a counter's typos, not a guesser's pace
# What may follow « s'est présenté·e »: codes, never free text (core.outcomes).


def give_link(session: Session, partner: str, by: str, days: int = LINK_DAYS) -> str:
    """A new link's secret for ``partner`` (a structure's id, or a service's), shown once;
    the partner's earlier links end with it (two coordinators clicking at once take turns
    on the partner's directory entry, so that one link only stays live)."""
    moment = now()
    for kind in ("structure", "service"):
        session.get(DirectoryEntry, (kind, partner), with_for_update=True)
    end_links(session, partner, moment)
    token = secrets.token_urlsafe(32)
    session.add(
        PartnerAccess(
            token_hash=digest(token), partner=partner, created_at=moment, created_by=by,
            expires_at=moment + timedelta(days=days),
        )
    )  # fmt: skip
    return token


def end_links(session: Session, partner: str, moment: datetime | None = None) -> int:
    """Revoke the partner's live links; how many there were."""
    result = session.execute(
        update(PartnerAccess)
        .where(PartnerAccess.partner == partner, PartnerAccess.revoked_at.is_(None))
        .values(revoked_at=moment or now())
    )
    return int(result.rowcount or 0)  # type: ignore[attr-defined]


def live_link(session: Session, partner: str) -> PartnerAccess | None:
    """The partner's live link, if it has one (what the coordinator's page says of it)."""
    return session.scalar(
        select(PartnerAccess).where(
            PartnerAccess.partner == partner,
            PartnerAccess.revoked_at.is_(None),
            PartnerAccess.expires_at > now(),
        )
    )


def open_link(session: Session, token: str) -> str | None:
    """The secret of the page's cookie that a link's address opens, or None (unknown,
    expired, revoked, or spent: opened more than :data:`OPENING` ago). Each opening gives
    a fresh secret and ends the one before: the address in a log or a browser's history
    soon opens nothing, and the link serves one browser."""
    if not token or len(token) > 100:
        return None
    row = session.get(PartnerAccess, digest(token), with_for_update=True)
    moment = now()
    if row is None or row.revoked_at is not None or row.expires_at <= moment:
        return None
    if row.opened_at is not None and moment - row.opened_at > OPENING:
        return None
    cookie = secrets.token_urlsafe(32)
    row.opened_at = row.opened_at or moment
    row.cookie_hash, row.last_used_at = digest(cookie), moment
    return cookie


def access_of(session: Session, cookie: str) -> PartnerAccess | None:
    """The live access the page's cookie holds, or None (unknown, expired or revoked)."""
    if not cookie or len(cookie) > 100:
        return None
    row = session.scalar(select(PartnerAccess).where(PartnerAccess.cookie_hash == digest(cookie)))
    moment = now()
    if row is None or row.revoked_at is not None or row.expires_at <= moment:
        return None
    if row.last_used_at is None or moment - row.last_used_at > timedelta(minutes=1):
        row.last_used_at = moment  # what the coordinator's page says (not a write a view)
    return row


@dataclass(frozen=True)
class Slip:
    """What a partner may know of a referral: what its slip says, and what it said."""

    id: str
    code: str
    day: date
    site: str
    service: str
    themes: tuple[str, ...]
    presented_on: date | None
    outcome: str | None


def issued(session: Session, partner: str, code: str) -> list[tuple[str, date]]:
    """The partner's live referrals with this printed code, (id, day), newest first: two
    desks may have given the same one."""
    rows = session.execute(
        select(referral_slip.c.record_id, referral_slip.c.day)
        .where(referral_slip.c.code == code, referral_slip.c.partner == partner)
        .order_by(referral_slip.c.day.desc(), referral_slip.c.record_id)
    )
    return [(str(i), day) for i, day in rows]


def find(session: Session, partner: str, typed: str) -> list[Slip]:
    """What the partner may read of its live referrals with this code (typed or scanned),
    newest first; none when the code is not the partner's."""
    code = slip_code_in(typed)
    if code is None:
        return []
    rows = session.execute(
        select(referral_slip, Site.name, ReferralOutcome.presented_on, ReferralOutcome.outcome)
        .join(Site, Site.id == referral_slip.c.site_id)
        .outerjoin(ReferralOutcome, ReferralOutcome.record_id == referral_slip.c.record_id)
        .where(referral_slip.c.code == code, referral_slip.c.partner == partner)
        .order_by(referral_slip.c.day.desc(), referral_slip.c.record_id)
    ).all()
    return [
        Slip(
            id=row.record_id, code=row.code, day=row.day, site=row.name,
            service=_title(session, row.service_id), themes=_themes(session, row.record_id),
            presented_on=row.presented_on, outcome=row.outcome,
        )
        for row in rows  # one or two slips: their titles and themes asked each
    ]  # fmt: skip


def _title(session: Session, service_id: str) -> str:
    title = session.scalar(
        select(DirectoryEntry.title).where(
            DirectoryEntry.kind == "service", DirectoryEntry.record_id == service_id
        )
    )
    return title or service_id


def _themes(session: Session, referral_id: str) -> tuple[str, ...]:
    contact = select(referral_fact.c.contact_id).where(referral_fact.c.record_id == referral_id)
    codes = session.scalars(
        select(contact_code.c.code)
        .where(contact_code.c.record_id == contact.scalar_subquery(), contact_code.c.dim == "theme")
        .order_by(contact_code.c.code)
    )
    return tuple(codes)


def record(
    session: Session, partner: str, referral_id: str, said: str, day: date | None = None
) -> None:
    """What the partner says of one of its referrals: ``presentee`` (the person came,
    today), or one of :data:`OUTCOMES` (which says it came too). Said again, the latest
    stands; a referral that is not the partner's is refused as unknown."""
    issued = (
        re.fullmatch(r"[0-9a-f-]{36}", referral_id)
        and session.execute(
            select(referral_slip.c.site_id, referral_slip.c.day).where(
                referral_slip.c.record_id == referral_id, referral_slip.c.partner == partner
            )
        ).first()
    )
    if not issued:
        raise HubError("unknown_code", gettext("Code inconnu."), 404)
    if said != "presentee" and said not in OUTCOMES:
        raise HubError(
            "bad_outcome", gettext("Suite inconnue\u00a0: choisissez dans la liste."), 400
        )
    day = day or today()
    row = session.get(ReferralOutcome, referral_id) or ReferralOutcome(record_id=referral_id)
    row.presented_on = row.presented_on or day
    if said in OUTCOMES:
        row.outcome, row.outcome_on = said, day
    row.changed_on = today()  # the day it was said at the hub: what desks pull by
    session.add(row)
    referral_counts.touch(session, [(issued.site_id, issued.day)])


def said_for_desk(
    session: Session, desk: str, since: date, after: str, limit: int
) -> list[ReferralOutcome]:
    """What partners said of ``desk``'s own referrals (those whose slips it printed),
    changed on ``since`` or later, in the order of (day, id), after the id ``after`` of
    that day: a page of what a desk pulls."""
    rows = session.scalars(
        select(ReferralOutcome)
        .join(referral_slip, referral_slip.c.record_id == ReferralOutcome.record_id)
        .where(
            referral_slip.c.desk_id == desk,
            ReferralOutcome.changed_on.is_not(None),
            (ReferralOutcome.changed_on > since)
            | ((ReferralOutcome.changed_on == since) & (ReferralOutcome.record_id > after)),
        )
        .order_by(ReferralOutcome.changed_on, ReferralOutcome.record_id)
        .limit(limit)
    )
    return list(rows)
