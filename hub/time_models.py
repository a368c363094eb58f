"""What the directory knows of time on the hub: temporary information on a record
(:mod:`hub.notices`) and the region's events (:mod:`hub.events`). Both are published to
the desks in the change stream; a withdrawn one leaves a tombstone there."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import JSON, Date, DateTime, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from hub.models import HubBase


class TemporaryNotice(HubBase):
    """Closed, exceptional hours or a message on a structure (``service_id`` empty) or on
    one of its services, from ``starts_on`` to ``ends_on`` included."""

    __tablename__ = "temporary_notice"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    structure_id: Mapped[str] = mapped_column(String(200), index=True)
    service_id: Mapped[str | None] = mapped_column(String(200), index=True)
    kind: Mapped[str] = mapped_column(String(16))
    starts_on: Mapped[date] = mapped_column(Date)
    ends_on: Mapped[date] = mapped_column(Date, index=True)
    hours: Mapped[str | None] = mapped_column(String(500))
    message: Mapped[str | None] = mapped_column(String(300))
    created_at: Mapped[datetime] = mapped_column(DateTime)
    created_by: Mapped[str] = mapped_column(String(200))
    withdrawn_at: Mapped[datetime | None] = mapped_column(DateTime)


class ServiceStop(HubBase):
    """A stop of a mobile service (the SPRO bus): a commune, a place in it, and its hours
    (OSM ``opening_hours``, usually dates: ``2027 Mar 12 09:00-12:00``); ``ends_on``: its
    last opening as the hub read it (None: it goes on)."""

    __tablename__ = "service_stop"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    service_id: Mapped[str] = mapped_column(String(200), index=True)
    code_insee: Mapped[str] = mapped_column(String(5))
    commune: Mapped[str] = mapped_column(String(100))
    adresse: Mapped[str] = mapped_column(String(300), default="")
    hours: Mapped[str] = mapped_column(String(500))
    ends_on: Mapped[date | None] = mapped_column(Date)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    created_by: Mapped[str] = mapped_column(String(200))
    withdrawn_at: Mapped[datetime | None] = mapped_column(DateTime)


class RegionEvent(HubBase):
    """A forum, an information day, a workshop: on the place's clock."""

    __tablename__ = "region_event"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    title: Mapped[str] = mapped_column(String(200))
    starts_at: Mapped[datetime] = mapped_column(DateTime, index=True)
    ends_at: Mapped[datetime] = mapped_column(DateTime)
    code_insee: Mapped[str] = mapped_column(String(5))
    commune: Mapped[str] = mapped_column(String(100))
    adresse: Mapped[str] = mapped_column(String(300), default="")
    organisateur: Mapped[str] = mapped_column(String(300), default="")
    lien: Mapped[str] = mapped_column(String(300), default="")
    description: Mapped[str] = mapped_column(Text, default="")
    publics: Mapped[list[str]] = mapped_column(JSON, default=list)
    thematiques: Mapped[list[str]] = mapped_column(JSON, default=list)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    created_by: Mapped[str] = mapped_column(String(200))
    withdrawn_at: Mapped[datetime | None] = mapped_column(DateTime)
