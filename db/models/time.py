"""What the desk's directory knows of time: temporary information on a record (from the
hub, or set on this desk), mobile services' stops and the region's events (from the hub)."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import JSON, Date, DateTime, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from db.models.base import Base


class DirectoryNotice(Base):
    """Closed, exceptional hours or a message (:mod:`core.notices`) on a structure
    (``service_id`` empty) or one of its services, from ``starts_on`` to ``ends_on``."""

    __tablename__ = "directory_notice"

    id: Mapped[str] = mapped_column(String(200), primary_key=True)
    structure_id: Mapped[str] = mapped_column(String(200), index=True)
    service_id: Mapped[str | None] = mapped_column(String(200), index=True)
    kind: Mapped[str] = mapped_column(String(16))
    starts_on: Mapped[date] = mapped_column(Date)
    ends_on: Mapped[date] = mapped_column(Date, index=True)
    hours: Mapped[str | None] = mapped_column(String(500))
    message: Mapped[str | None] = mapped_column(String(300))
    origin: Mapped[str] = mapped_column(String(8))  # hub or local (this desk's own)
    updated_at: Mapped[datetime] = mapped_column(DateTime)
    retired_at: Mapped[datetime | None] = mapped_column(DateTime)


class ServiceStop(Base):
    """A stop of a mobile service, from the hub: its commune, place and hours (usually
    dates); ``ends_on``: its last day (None: it goes on)."""

    __tablename__ = "service_stop"

    id: Mapped[str] = mapped_column(String(200), primary_key=True)
    service_id: Mapped[str] = mapped_column(String(200), index=True)
    code_insee: Mapped[str] = mapped_column(String(5), index=True)
    commune: Mapped[str] = mapped_column(String(100))
    adresse: Mapped[str] = mapped_column(String(300), default="")
    hours: Mapped[str] = mapped_column(String(500))
    ends_on: Mapped[date | None] = mapped_column(Date)
    updated_at: Mapped[datetime] = mapped_column(DateTime)
    retired_at: Mapped[datetime | None] = mapped_column(DateTime)


class Event(Base):
    """A forum, an information day, a workshop, as the hub published it."""

    __tablename__ = "event"

    id: Mapped[str] = mapped_column(String(200), primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    starts_at: Mapped[datetime] = mapped_column(DateTime, index=True)
    ends_at: Mapped[datetime] = mapped_column(DateTime, index=True)
    code_insee: Mapped[str] = mapped_column(String(5), index=True)
    commune: Mapped[str] = mapped_column(String(100))
    adresse: Mapped[str] = mapped_column(String(300), default="")
    organisateur: Mapped[str] = mapped_column(String(300), default="")
    lien: Mapped[str] = mapped_column(String(300), default="")
    description: Mapped[str] = mapped_column(Text, default="")
    publics: Mapped[list[str]] = mapped_column(JSON, default=list)
    thematiques: Mapped[list[str]] = mapped_column(JSON, default=list)
    updated_at: Mapped[datetime] = mapped_column(DateTime)
    retired_at: Mapped[datetime | None] = mapped_column(DateTime)
