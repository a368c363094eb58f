"""The lists a visit is described with (nomenclatures), and how old codes map to new."""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Integer,
    String,
)
from sqlalchemy.orm import Mapped, mapped_column

from db.models.base import Base


class NomenclatureItem(Base):
    """One code of one list (channel, public, age…), with its labels."""

    __tablename__ = "nomenclature_item"

    list_name: Mapped[str] = mapped_column(String(32), primary_key=True)
    code: Mapped[str] = mapped_column(String(64), primary_key=True)
    label_fr: Mapped[str] = mapped_column(String(200))
    label_en: Mapped[str] = mapped_column(String(200))
    position: Mapped[int] = mapped_column(Integer, default=0)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    version: Mapped[int] = mapped_column(Integer, default=1)
    # "desk" for the defaults shipped with the desk, "hub" for the region's own lists.
    origin: Mapped[str] = mapped_column(String(8), default="desk")


class NomenclatureMapping(Base):
    """A desk code mapped to data.inclusion codes (theme -> thematiques, public -> publics)."""

    __tablename__ = "nomenclature_mapping"

    list_name: Mapped[str] = mapped_column(String(32), primary_key=True)
    code: Mapped[str] = mapped_column(String(64), primary_key=True)
    target: Mapped[str] = mapped_column(String(32), primary_key=True)
    value: Mapped[str] = mapped_column(String(128), primary_key=True)
