"""A visit (contact), its themes, its answers and its referrals to partners’ services.

Nothing here names or identifies a visitor.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    literal_column,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from db.models.base import Base


class Contact(Base):
    """One first contact ("un accueil"), anonymous by construction."""

    __tablename__ = "contact"
    __table_args__ = (
        Index("ix_contact_pending", "moment_utc", sqlite_where=text("synced_version < version")),
        # Notes are few: purging them must not scan every contact.
        Index("ix_contact_note", "moment_local", sqlite_where=text("note IS NOT NULL")),
    )

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    site_id: Mapped[str] = mapped_column(String(64))
    moment_local: Mapped[datetime] = mapped_column(DateTime, index=True)
    moment_utc: Mapped[datetime] = mapped_column(DateTime)
    # False for tallies imported with a date only: they count in a day, not in an hour.
    time_known: Mapped[bool] = mapped_column(Boolean, default=True)
    channel: Mapped[str] = mapped_column(String(64))
    public: Mapped[str] = mapped_column(String(64))
    age: Mapped[str] = mapped_column(String(64))
    gender: Mapped[str] = mapped_column(String(64))
    commune: Mapped[str] = mapped_column(String(16))
    duration: Mapped[str | None] = mapped_column(String(64))
    first_visit: Mapped[bool | None] = mapped_column(Boolean)
    # Where the agent received (an INSEE code; None: before migration 0009) and at which
    # event of the region (its id in the hub's stream).
    place: Mapped[str | None] = mapped_column(String(16))
    event: Mapped[str | None] = mapped_column(String(200))
    # Desk-only: the contacts of one batch entry (forum mode) share it; never synced.
    batch: Mapped[str | None] = mapped_column(String(36))
    agent_code: Mapped[str | None] = mapped_column(String(16))
    status: Mapped[str] = mapped_column(String(16), default="active")
    # Desk-only; never synced, purged after the site's retention period.
    note: Mapped[str | None] = mapped_column(Text)
    version: Mapped[int] = mapped_column(Integer, default=1)
    synced_version: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    updated_at: Mapped[datetime] = mapped_column(DateTime)

    themes: Mapped[list[ContactTheme]] = relationship(
        cascade="all, delete-orphan", order_by="ContactTheme.code", lazy="selectin"
    )
    answers: Mapped[list[ContactAnswer]] = relationship(
        cascade="all, delete-orphan", order_by="ContactAnswer.code", lazy="selectin"
    )
    # In the order the agent chose them: those of one save share their time, and SQLite's
    # rowid keeps the order they were written in (VACUUM renumbers it in that same order).
    referrals: Mapped[list[Referral]] = relationship(
        back_populates="contact",
        order_by=lambda: (Referral.created_at, literal_column("referral.rowid")),
        lazy="selectin",
    )


class ContactTheme(Base):
    __tablename__ = "contact_theme"

    contact_id: Mapped[str] = mapped_column(
        ForeignKey("contact.id", ondelete="CASCADE"), primary_key=True
    )
    code: Mapped[str] = mapped_column(String(64), primary_key=True, index=True)


class ContactAnswer(Base):
    __tablename__ = "contact_answer"

    contact_id: Mapped[str] = mapped_column(
        ForeignKey("contact.id", ondelete="CASCADE"), primary_key=True
    )
    code: Mapped[str] = mapped_column(String(64), primary_key=True, index=True)


class Referral(Base):
    """A visitor sent to a partner's service ("une orientation")."""

    __tablename__ = "referral"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    contact_id: Mapped[str] = mapped_column(
        ForeignKey("contact.id", ondelete="CASCADE"), index=True
    )
    # No foreign key: a service may leave the directory, the referral stays readable.
    service_id: Mapped[str] = mapped_column(String(200), index=True)
    structure_id: Mapped[str | None] = mapped_column(String(200))
    service_name: Mapped[str] = mapped_column(String(200), default="")
    structure_name: Mapped[str] = mapped_column(String(200), default="")
    slip_code: Mapped[str] = mapped_column(String(7), unique=True)
    printed_at: Mapped[datetime | None] = mapped_column(DateTime)
    appointment_at: Mapped[datetime | None] = mapped_column(DateTime)
    status: Mapped[str] = mapped_column(String(16), default="active")
    version: Mapped[int] = mapped_column(Integer, default=1)
    synced_version: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    updated_at: Mapped[datetime] = mapped_column(DateTime)
    # What the partner said of it, pulled from the hub (app/sync/outcomes.py): the day the
    # person came, then what followed (a code of the hub's). Never sent back up.
    presented_on: Mapped[date | None] = mapped_column(Date)
    outcome: Mapped[str | None] = mapped_column(String(32))
    outcome_on: Mapped[date | None] = mapped_column(Date)

    contact: Mapped[Contact] = relationship(back_populates="referrals")


class Arrival(Base):
    """A person sent to this site by a referral came (at a partner that runs Aiguillage):
    the slip code typed or scanned at the counter and what followed, codes only, sent to
    the hub at the next sync (app/sync/arrivals.py) with what the hub made of it."""

    __tablename__ = "arrival"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    slip_code: Mapped[str] = mapped_column(String(7))
    said: Mapped[str] = mapped_column(String(32))
    day: Mapped[date] = mapped_column(Date)
    created_at: Mapped[datetime] = mapped_column(DateTime, index=True)
    # The hub's answer (notee, inconnue, plus-tard, pas-partenaire) and when; none yet:
    # to send. « plus-tard » and « pas-partenaire » are sent again.
    answer: Mapped[str | None] = mapped_column(String(16))
    answered_at: Mapped[datetime | None] = mapped_column(DateTime)
