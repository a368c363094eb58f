"""Places: regions, départements, EPCIs, communes, their postcodes and other names."""

from __future__ import annotations

from sqlalchemy import (
    Float,
    ForeignKey,
    Integer,
    String,
)
from sqlalchemy.orm import Mapped, mapped_column

from db.models.base import Base


class Region(Base):
    __tablename__ = "region"

    code: Mapped[str] = mapped_column(String(3), primary_key=True)
    name: Mapped[str] = mapped_column(String(100))


class Departement(Base):
    __tablename__ = "departement"

    code: Mapped[str] = mapped_column(String(3), primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    region: Mapped[str] = mapped_column(String(3))


class Epci(Base):
    __tablename__ = "epci"

    code: Mapped[str] = mapped_column(String(9), primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(8))


class Commune(Base):
    """A commune (or a municipal arrondissement), by its INSEE code."""

    __tablename__ = "commune"

    insee: Mapped[str] = mapped_column(String(5), primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    # Lower case, no accents, "saint" spelled out, hyphens as spaces: what lookups compare.
    search_key: Mapped[str] = mapped_column(String(100), index=True)
    departement: Mapped[str] = mapped_column(String(3))
    region: Mapped[str] = mapped_column(String(3))
    epci: Mapped[str | None] = mapped_column(String(9), index=True)
    population: Mapped[int] = mapped_column(Integer, default=0)
    postcodes: Mapped[str] = mapped_column(String(200), default="")
    # Its centre (IGN ADMIN EXPRESS via geo.api.gouv.fr), for distances; None when unknown.
    latitude: Mapped[float | None] = mapped_column(Float)
    longitude: Mapped[float | None] = mapped_column(Float)


class CommunePostcode(Base):
    __tablename__ = "commune_postcode"

    postcode: Mapped[str] = mapped_column(String(5), primary_key=True)
    insee: Mapped[str] = mapped_column(ForeignKey("commune.insee"), primary_key=True)


class CommuneAlias(Base):
    """A former or delegated commune's name, leading to the commune it belongs to now."""

    __tablename__ = "commune_alias"

    search_key: Mapped[str] = mapped_column(String(100), primary_key=True)
    insee: Mapped[str] = mapped_column(ForeignKey("commune.insee"), primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
