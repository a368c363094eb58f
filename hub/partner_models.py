"""The partner's loop on the hub: a partner's link (:mod:`hub.partners`), what it says
of its referrals, and the changes it proposes to its own records (:mod:`hub.proposals`)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    Date,
    DateTime,
    ForeignKey,
    Integer,
    String,
    Table,
)
from sqlalchemy.orm import Mapped, mapped_column

from hub.models import HubBase, Payload


class PartnerAccess(HubBase):
    """A partner's link to its page on the hub (the secret's hash): given by a coordinator
    to a structure of the directory (or a service without one), it ends when it expires,
    when it is revoked, or when a new one is given (one live link per partner)."""

    __tablename__ = "partner_access"

    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    partner: Mapped[str] = mapped_column(String(200), index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    created_by: Mapped[str] = mapped_column(String(200))
    expires_at: Mapped[datetime] = mapped_column(DateTime)
    revoked_at: Mapped[datetime | None] = mapped_column(DateTime)
    last_used_at: Mapped[datetime | None] = mapped_column(DateTime)
    # When its address was first opened, and the hash of the page's cookie it then gave:
    # the address is spent soon after (hub.partners.OPENING), the cookie goes on.
    opened_at: Mapped[datetime | None] = mapped_column(DateTime)
    cookie_hash: Mapped[str | None] = mapped_column(String(64), unique=True)


class ReferralOutcome(HubBase):
    """What a partner said of a referral it received, by its slip code: that the person
    came (``presented_on``), then what followed (``outcome``, a code of
    :data:`core.outcomes.OUTCOMES`). Dates only, never a time; never a word of text."""

    __tablename__ = "referral_outcome"

    record_id: Mapped[str] = mapped_column(
        ForeignKey("record.id", ondelete="CASCADE"), primary_key=True
    )
    presented_on: Mapped[date | None] = mapped_column(Date)
    outcome: Mapped[str | None] = mapped_column(String(32))
    outcome_on: Mapped[date | None] = mapped_column(Date)
    # The day it last changed: its desk pulls what changed since it last asked.
    changed_on: Mapped[date | None] = mapped_column(Date, index=True)


class DirectoryProposal(HubBase):
    """A change a partner proposed to one of its records (hub/proposals.py), the fields
    that change and their new values, until a coordinator accepts or refuses it."""

    __tablename__ = "directory_proposal"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    kind: Mapped[str] = mapped_column(String(16))
    record_id: Mapped[str] = mapped_column(String(200))
    partner: Mapped[str] = mapped_column(String(200), index=True)
    changes: Mapped[dict[str, Any]] = mapped_column(Payload)
    proposed_at: Mapped[datetime] = mapped_column(DateTime)
    proposed_by: Mapped[str] = mapped_column(String(200))
    decided_at: Mapped[datetime | None] = mapped_column(DateTime, index=True)
    decided_by: Mapped[str | None] = mapped_column(String(200))
    accepted: Mapped[bool | None] = mapped_column(Boolean)


# What is left of the referrals whose slip codes and partners' words went (hub/slip_retention):
# per month (its first day), site, dimension (partner, theme, epci) and code, how many
# referrals stood at each status (core.outcomes.STATUSES) when they were counted.
referral_summary = Table(
    "referral_summary",
    HubBase.metadata,
    Column("month", Date, primary_key=True),
    Column("site_id", String(64), primary_key=True),
    Column("dim", String(16), primary_key=True),
    Column("code", String(200), primary_key=True),
    Column("status", String(32), primary_key=True),
    Column("count", Integer, nullable=False),
)


class Campaign(HubBase):
    """A freshness campaign: every partner structure of a territory (a département or an
    EPCI) sent a new link to confirm or update its records (hub/campaigns.py)."""

    __tablename__ = "freshness_campaign"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    territory: Mapped[str] = mapped_column(String(16))
    started_at: Mapped[datetime] = mapped_column(DateTime)
    started_by: Mapped[str] = mapped_column(String(200))


class CampaignPartner(HubBase):
    """A partner a campaign asked, and how it answered: « confirmee » (its records are
    right) or « proposition » (it proposed a change), and when."""

    __tablename__ = "campaign_partner"

    campaign_id: Mapped[int] = mapped_column(
        ForeignKey("freshness_campaign.id", ondelete="CASCADE"), primary_key=True
    )
    partner: Mapped[str] = mapped_column(String(200), primary_key=True, index=True)
    answered_at: Mapped[datetime | None] = mapped_column(DateTime)
    answer: Mapped[str | None] = mapped_column(String(16))


# How often the followed referrals of each month changed: a slip stored or gone, a visit of
# one edited, a partner's word (hub.referral_counts.touch adds one). Read before a month's
# referral counts, it says whether what a hub process kept of them still stands.
referral_change = Table(
    "referral_change",
    HubBase.metadata,
    Column("month", Date, primary_key=True),
    Column("site_id", String(64), primary_key=True),  # a row per site: pushes never queue
    Column("changes", BigInteger, nullable=False),
)
