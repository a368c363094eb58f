"""The hub's database: sites, their enrolment codes and tokens, and the records desks push.

The hub keeps only hashes of tokens and codes (codes keyed with the hub's secret). Pushed
records are unique by their id (a primary key): concurrent copies of one batch store each
record once.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.types import TypeEngine

from core.fields import CONTACT_FIELDS
from core.naming import NAMING  # the desk's constraint names, the same on the hub

Payload = JSON().with_variant(JSONB(), "postgresql")


class HubBase(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class Site(HubBase):
    """A reception site of the region."""

    __tablename__ = "site"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(DateTime)
    last_sync_at: Mapped[datetime | None] = mapped_column(DateTime)
    desk_version: Mapped[str | None] = mapped_column(String(32))
    # The partner structure this site is (its directory id), when it receives referrals
    # too: its desks say, by the slip code, what followed (hub/arrivals.py).
    partner: Mapped[str | None] = mapped_column(String(200))


class EnrolCode(HubBase):
    """A one-time enrolment code (its hash), valid until ``expires_at``."""

    __tablename__ = "enrol_code"

    code_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    site_id: Mapped[str] = mapped_column(ForeignKey("site.id"), index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    expires_at: Mapped[datetime] = mapped_column(DateTime)
    used_at: Mapped[datetime | None] = mapped_column(DateTime)
    desk_id: Mapped[str | None] = mapped_column(String(36))


class SiteToken(HubBase):
    """A desk's token (its hash); a revoked one is refused with a reason."""

    __tablename__ = "site_token"

    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    site_id: Mapped[str] = mapped_column(ForeignKey("site.id"), index=True)
    desk_id: Mapped[str] = mapped_column(String(36), index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    revoked_at: Mapped[datetime | None] = mapped_column(DateTime)
    last_used_at: Mapped[datetime | None] = mapped_column(DateTime)
    # What the desk last said of itself (``DeskState``), and when.
    desk_version: Mapped[str | None] = mapped_column(String(32))
    pending: Mapped[int | None] = mapped_column(Integer)
    quarantined: Mapped[int | None] = mapped_column(Integer)
    state_at: Mapped[datetime | None] = mapped_column(DateTime)


class Record(HubBase):
    """A record pushed by a desk: a contact, a referral or a directory flag."""

    __tablename__ = "record"
    __table_args__ = (Index("ix_record_site_kind_day", "site_id", "kind", "day"),)

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    kind: Mapped[str] = mapped_column(String(16))
    site_id: Mapped[str] = mapped_column(ForeignKey("site.id"))
    version: Mapped[int] = mapped_column(Integer)
    content_hash: Mapped[str] = mapped_column(String(64))
    day: Mapped[date] = mapped_column(Date)
    payload: Mapped[dict[str, Any]] = mapped_column(Payload)
    # The day only: a time of arrival, with desks syncing every quarter of an hour, would
    # date each visit within minutes.
    received_on: Mapped[date] = mapped_column(Date)
    updated_on: Mapped[date] = mapped_column(Date)


# --- the region's activity, kept as records arrive (hub/facts.py) -----------------------
# What the console counts, in typed columns: a live (not cancelled) contact's one-valued
# fields, one row per contact; its codes of the many-valued ones (themes, answers, and the
# partners its live referrals name), one row each, with the contact's site and day; each
# live referral; each live flag. A record's facts go when the record goes.
_WIDTH: dict[str, TypeEngine[Any]] = {"code": String(64), "place": String(16), "flag": Boolean()}


def _record_id() -> Column[str]:
    return Column(
        "record_id", String(36), ForeignKey("record.id", ondelete="CASCADE"), primary_key=True
    )


contact_fact = Table(
    "contact_fact",
    HubBase.metadata,
    _record_id(),
    Column("site_id", String(64), nullable=False),
    Column("day", Date, nullable=False),
    *(Column(f.name, _WIDTH[f.wire]) for f in CONTACT_FIELDS if not f.multiple),
    Column("referrals", Integer, nullable=False, server_default="0"),  # live, same site
    Index("ix_contact_fact_day_site", "day", "site_id"),
)

contact_code = Table(
    "contact_code",
    HubBase.metadata,
    Column(
        "record_id",
        String(36),
        ForeignKey("contact_fact.record_id", ondelete="CASCADE"),
        primary_key=True,
    ),
    Column("dim", String(16), primary_key=True),  # theme, answer, partner
    Column("code", String(200), primary_key=True),
    Column("site_id", String(64), nullable=False),
    Column("day", Date, nullable=False),
    Index("ix_contact_code_dim_day_site", "dim", "day", "site_id", "code"),
)

referral_fact = Table(
    "referral_fact",
    HubBase.metadata,
    _record_id(),
    Column("contact_id", String(36), nullable=False, index=True),
    Column("site_id", String(64), nullable=False),
    Column("partner", String(200), nullable=False),  # the structure, else the service
)

# Each live referral's slip code, as its desk printed it (protocol 3), for the partner to
# find it by (hub/facts.py): codes made offline on two desks may be the same, one desk
# never gives one twice.
referral_slip = Table(
    "referral_slip",
    HubBase.metadata,
    _record_id(),
    Column("code", String(7), nullable=False, index=True),
    Column("desk_id", String(36), nullable=False),
    Column("site_id", String(64), nullable=False),
    Column("day", Date, nullable=False),
    Column("service_id", String(200), nullable=False),
    Column("partner", String(200), nullable=False),  # the structure, else the service
    UniqueConstraint("desk_id", "code"),
    Index("ix_referral_slip_day", "day", "site_id"),
)

flag_fact = Table(
    "flag_fact",
    HubBase.metadata,
    _record_id(),
    Column("site_id", String(64), nullable=False),
    Column("day", Date, nullable=False),
    Index("ix_flag_fact_day_site", "day", "site_id"),
)


# Every month's visits (hub/monthly.py), counted again as records arrive, and all that is
# left of the months older than the region keeps in detail (hub/retention.py): per site,
# month (its first day) and dimension, each code's count of live visits, as the console's
# one-dimension tables count them; ``visits`` counts the visits themselves (code empty),
# ``referrals`` their referrals.
contact_summary = Table(
    "contact_summary",
    HubBase.metadata,
    Column("month", Date, primary_key=True),
    Column("site_id", String(64), primary_key=True),
    Column("dim", String(16), primary_key=True),
    Column("code", String(200), primary_key=True),
    Column("count", Integer, nullable=False),
    Index("ix_contact_summary_dim_month_site", "dim", "month", "site_id"),
)


# How often each site's month changed (hub/monthly.py adds one for every push that touches
# it), and the tables of two dimensions the console worked out for the region's months
# (hub/pair_counts.py), each at the sum of its month's changes then: a month whose sum has
# moved since is counted again.
month_change = Table(
    "month_change",
    HubBase.metadata,
    Column("month", Date, primary_key=True),
    Column("site_id", String(64), primary_key=True),
    Column("changes", BigInteger, nullable=False),
)

pair_count = Table(
    "pair_count",
    HubBase.metadata,
    Column("month", Date, primary_key=True),
    Column("dims", String(40), primary_key=True),
    Column("changes", BigInteger, primary_key=True),
    Column("first", String(200), primary_key=True),
    Column("second", String(200), primary_key=True),
    Column("count", Integer, nullable=False),
)


# The visits kept only as a summary: their ids alone (hub.retention), for an edit of one to
# be refused rather than counted again.
summarised_contact = Table(
    "summarised_contact",
    HubBase.metadata,
    Column("id", String(36), primary_key=True),
)


class RetentionSetting(HubBase):
    """How long the region keeps its data (one row), set by a regional coordinator, and
    the first day of each kind still kept, moved forward by ``retention apply``."""

    __tablename__ = "retention_setting"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    referral_months: Mapped[int] = mapped_column(Integer)
    flag_months: Mapped[int] = mapped_column(Integer)
    detail_years: Mapped[int] = mapped_column(Integer)
    no_news_days: Mapped[int] = mapped_column(Integer, default=30, server_default="30")
    slip_months: Mapped[int] = mapped_column(Integer, default=13, server_default="13")
    slips_from: Mapped[date | None] = mapped_column(Date)
    contacts_from: Mapped[date | None] = mapped_column(Date)
    referrals_from: Mapped[date | None] = mapped_column(Date)
    flags_from: Mapped[date | None] = mapped_column(Date)
    changed_at: Mapped[datetime | None] = mapped_column(DateTime)
    changed_by: Mapped[str | None] = mapped_column(String(200))
    applied_at: Mapped[datetime | None] = mapped_column(DateTime)


class EnrolAttempt(HubBase):
    """A refused enrolment, kept a quarter of an hour to slow down guessing per address
    (in the database: every process of the hub counts the same)."""

    __tablename__ = "enrol_attempt"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    address: Mapped[str] = mapped_column(String(64), index=True)
    at: Mapped[datetime] = mapped_column(DateTime, index=True)


class DirectoryChange(HubBase):
    """The directory's and the lists' changes, in order: what desks pull after a cursor.
    A deletion travels as a change with ``deleted`` set (a tombstone)."""

    __tablename__ = "directory_change"

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    kind: Mapped[str] = mapped_column(String(16))
    record_id: Mapped[str] = mapped_column(String(200))
    deleted: Mapped[bool] = mapped_column(Boolean, default=False)
    payload: Mapped[dict[str, Any]] = mapped_column(Payload)
    at: Mapped[datetime] = mapped_column(DateTime)


class DirectoryEntry(HubBase):
    """The current state of each directory record and list item, to publish only changes
    and to retire what a full import of a source no longer holds."""

    __tablename__ = "directory_entry"

    kind: Mapped[str] = mapped_column(String(16), primary_key=True)
    record_id: Mapped[str] = mapped_column(String(200), primary_key=True)
    source: Mapped[str] = mapped_column(String(100), index=True)
    content_hash: Mapped[str] = mapped_column(String(64))
    deleted: Mapped[bool] = mapped_column(Boolean, default=False)
    seq: Mapped[int] = mapped_column(Integer)
    # What the console lists and searches: the record's name, and its words (name, town,
    # id) without case or accents.
    title: Mapped[str] = mapped_column(String(300), default="", server_default="")
    search_key: Mapped[str] = mapped_column(Text, default="", server_default="")
    # A coordinator checked the record on that day: it is published with that ``date_maj``
    # at least, even when its source sends an older one again.
    verified_on: Mapped[date | None] = mapped_column(Date)
    verified_by: Mapped[str | None] = mapped_column(String(200))
    # A service's quality as data·inclusion scores it (0 to 1), when last published.
    quality: Mapped[float | None] = mapped_column(Float, index=True)


class FlagReview(HubBase):
    """A coordinator dealt with a flag raised by a desk (the flag itself stays as pushed)."""

    __tablename__ = "flag_review"

    flag_id: Mapped[str] = mapped_column(ForeignKey("record.id"), primary_key=True)
    handled_at: Mapped[datetime] = mapped_column(DateTime)
    handled_by: Mapped[str] = mapped_column(String(200))
    note: Mapped[str | None] = mapped_column(String(1000))


class Coordinator(HubBase):
    """An account of the web console (the password's Argon2 hash): the region's
    coordination (``role`` ``region``: everything), a site's coordinator (``site``: that
    site only, ``site_id``) or a partner structure (``partner``: its own referrals, the
    directory id of ``partner``)."""

    __tablename__ = "coordinator"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    login: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    password_hash: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(DateTime)
    disabled_at: Mapped[datetime | None] = mapped_column(DateTime)
    last_login_at: Mapped[datetime | None] = mapped_column(DateTime)
    role: Mapped[str] = mapped_column(String(16), default="region", server_default="region")
    site_id: Mapped[str | None] = mapped_column(ForeignKey("site.id"))
    partner: Mapped[str | None] = mapped_column(String(200))


class ConsoleSession(HubBase):
    """A console session (its cookie's hash). It ends at logout, after ``IDLE`` without a
    request, or ``LIFETIME`` after login, whichever comes first."""

    __tablename__ = "console_session"

    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    coordinator_id: Mapped[int] = mapped_column(ForeignKey("coordinator.id"), index=True)
    csrf: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(DateTime)
    seen_at: Mapped[datetime] = mapped_column(DateTime)
    ended_at: Mapped[datetime | None] = mapped_column(DateTime)


class LoginAttempt(HubBase):
    """A failed login, kept a while to slow down guessing (per login and per address)."""

    __tablename__ = "login_attempt"
    __table_args__ = (Index("ix_login_attempt_login_at", "login", "at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    login: Mapped[str] = mapped_column(String(64))
    address: Mapped[str] = mapped_column(String(64), index=True)
    at: Mapped[datetime] = mapped_column(DateTime)


class ApiHit(HubBase):
    """A known token's requests in one minute (its start), for the API's rate limit: in the
    database, so that every process of the hub counts the same. Rows older than the
    minute before go at the token's first request of a minute."""

    __tablename__ = "api_hit"

    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    minute: Mapped[datetime] = mapped_column(DateTime, primary_key=True)
    count: Mapped[int] = mapped_column(Integer)
