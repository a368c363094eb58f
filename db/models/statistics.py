"""The statistics’ facts: narrow integer rows, kept by triggers, that a year’s counts
read in one scan."""

from __future__ import annotations

from sqlalchemy import (
    Index,
    Integer,
    String,
)
from sqlalchemy.orm import Mapped, mapped_column

from db.models.base import Base

# Kept by triggers (migration 0005) and ``app.stats.queries.refresh``: a year's counts are one scan
# of narrow integer rows instead of joins over text keys. A batch migration that recreates
# ``contact``, ``contact_theme``, ``contact_answer`` or ``referral`` drops their triggers
# and must create them again (``db.stat_triggers``).


class StatCode(Base):
    """The codes the facts hold, as small integers (grouping on integers is faster)."""

    __tablename__ = "stat_code"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(200), unique=True)


class StatDirty(Base):
    """Contacts whose facts are to be built again (filled by triggers)."""

    __tablename__ = "stat_dirty"
    __table_args__ = ({"sqlite_with_rowid": False},)

    contact_id: Mapped[str] = mapped_column(String(36), primary_key=True)


class StatFact(Base):
    """One row per active contact and theme × answer × partner (0 when it has none); the
    ``first`` bits (1 theme, 2 answer, 4 partner) mark one row per contact for each, so
    that a count by any dimensions is ``count(*)`` over the rows with the other bits set.
    Days are counted from 1970-01-01, months read ``yyyymm``, hour 24 is "not precise"."""

    __tablename__ = "stat_fact"
    __table_args__ = (Index("ix_stat_fact_contact_id", "contact_id"), {"sqlite_with_rowid": False})

    day: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    contact_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    theme: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    answer: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    partner: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    hour: Mapped[int] = mapped_column(Integer)
    month: Mapped[int] = mapped_column(Integer)
    channel: Mapped[int] = mapped_column(Integer)
    public: Mapped[int] = mapped_column(Integer)
    age: Mapped[int] = mapped_column(Integer)
    gender: Mapped[int] = mapped_column(Integer)
    commune: Mapped[int] = mapped_column(Integer)
    epci: Mapped[int] = mapped_column(Integer)
    duration: Mapped[int] = mapped_column(Integer)
    place: Mapped[int] = mapped_column(Integer, server_default="0")
    event: Mapped[int] = mapped_column(Integer, server_default="0")
    first: Mapped[int] = mapped_column(Integer)
