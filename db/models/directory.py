"""The partners’ directory in data.inclusion’s v1 shape: structures, their services,
what each is for and where, the agents’ flags and favourites."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    String,
    Text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from db.models.base import Base


class _DirectoryRecord:
    """Columns that structures and services share, on top of data.inclusion."""

    source: Mapped[str] = mapped_column(String(100), index=True)
    nom: Mapped[str] = mapped_column(String(200))
    description: Mapped[str | None] = mapped_column(Text)
    date_maj: Mapped[date | None] = mapped_column(Date)
    lien_source: Mapped[str | None] = mapped_column(String(500))
    adresse: Mapped[str | None] = mapped_column(String(300))
    complement_adresse: Mapped[str | None] = mapped_column(String(300))
    code_postal: Mapped[str | None] = mapped_column(String(5))
    code_insee: Mapped[str | None] = mapped_column(String(5), index=True)
    commune: Mapped[str | None] = mapped_column(String(100))
    longitude: Mapped[float | None] = mapped_column(Float)
    latitude: Mapped[float | None] = mapped_column(Float)
    telephone: Mapped[str | None] = mapped_column(String(40))
    courriel: Mapped[str | None] = mapped_column(String(200))
    horaires_accueil: Mapped[str | None] = mapped_column(String(500))
    # Desk-side extras.
    is_local: Mapped[bool] = mapped_column(Boolean, default=False)
    verified_on: Mapped[date | None] = mapped_column(Date)
    notice: Mapped[str | None] = mapped_column(Text)
    notice_until: Mapped[date | None] = mapped_column(Date)
    retired_at: Mapped[datetime | None] = mapped_column(DateTime)
    updated_at: Mapped[datetime] = mapped_column(DateTime)


class Structure(_DirectoryRecord, Base):
    __tablename__ = "structure"

    id: Mapped[str] = mapped_column(String(200), primary_key=True)
    siret: Mapped[str | None] = mapped_column(String(14))
    site_web: Mapped[str | None] = mapped_column(String(500))
    accessibilite_lieu: Mapped[str | None] = mapped_column(String(500))
    reseaux_porteurs: Mapped[list[str]] = mapped_column(JSON, default=list)
    # Its SPRO referent, from the hub: for this desk's agents, never on a slip.
    referent_nom: Mapped[str | None] = mapped_column(String(120))
    referent_telephone: Mapped[str | None] = mapped_column(String(20))
    referent_courriel: Mapped[str | None] = mapped_column(String(200))

    services: Mapped[list[Service]] = relationship(back_populates="structure")


class Service(_DirectoryRecord, Base):
    __tablename__ = "service"

    id: Mapped[str] = mapped_column(String(200), primary_key=True)
    structure_id: Mapped[str] = mapped_column(ForeignKey("structure.id"), index=True)
    type: Mapped[str | None] = mapped_column(String(64))
    frais: Mapped[str | None] = mapped_column(String(16))
    frais_precisions: Mapped[str | None] = mapped_column(Text)
    publics_precisions: Mapped[str | None] = mapped_column(Text)
    conditions_acces: Mapped[str | None] = mapped_column(Text)
    contact_nom_prenom: Mapped[str | None] = mapped_column(String(200))
    lien_mobilisation: Mapped[str | None] = mapped_column(String(500))
    mobilisable_par: Mapped[list[str]] = mapped_column(JSON, default=list)
    mobilisation_precisions: Mapped[str | None] = mapped_column(Text)
    volume_horaire_hebdomadaire: Mapped[float | None] = mapped_column(Float)
    nombre_semaines: Mapped[int | None] = mapped_column(Integer)
    # Desk-side: what the visitor should bring.
    documents: Mapped[list[str]] = mapped_column(JSON, default=list)

    structure: Mapped[Structure] = relationship(back_populates="services")
    thematiques: Mapped[list[ServiceThematique]] = relationship(
        cascade="all, delete-orphan", lazy="selectin"
    )
    publics: Mapped[list[ServicePublic]] = relationship(
        cascade="all, delete-orphan", lazy="selectin"
    )
    modes: Mapped[list[ServiceMode]] = relationship(cascade="all, delete-orphan", lazy="selectin")
    zone_eligibilite: Mapped[list[ServiceZone]] = relationship(
        cascade="all, delete-orphan", lazy="selectin"
    )


class ServiceThematique(Base):
    __tablename__ = "service_thematique"

    service_id: Mapped[str] = mapped_column(
        ForeignKey("service.id", ondelete="CASCADE"), primary_key=True
    )
    code: Mapped[str] = mapped_column(String(128), primary_key=True, index=True)


class ServicePublic(Base):
    __tablename__ = "service_public"

    service_id: Mapped[str] = mapped_column(
        ForeignKey("service.id", ondelete="CASCADE"), primary_key=True
    )
    code: Mapped[str] = mapped_column(String(64), primary_key=True, index=True)


class ServiceMode(Base):
    """A mode of the service: ``accueil`` (en-presentiel, a-distance) or ``mobilisation``."""

    __tablename__ = "service_mode"

    service_id: Mapped[str] = mapped_column(
        ForeignKey("service.id", ondelete="CASCADE"), primary_key=True
    )
    kind: Mapped[str] = mapped_column(String(16), primary_key=True)
    code: Mapped[str] = mapped_column(String(64), primary_key=True)


class ServiceZone(Base):
    """One code of ``zone_eligibilite``: a commune, an EPCI, a département, or ``france``."""

    __tablename__ = "service_zone"

    service_id: Mapped[str] = mapped_column(
        ForeignKey("service.id", ondelete="CASCADE"), primary_key=True
    )
    code: Mapped[str] = mapped_column(String(16), primary_key=True, index=True)


class DirectoryFlag(Base):
    """An agent's report that a directory record is wrong, to go up to the hub."""

    __tablename__ = "directory_flag"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    service_id: Mapped[str | None] = mapped_column(String(200), index=True)
    structure_id: Mapped[str | None] = mapped_column(String(200), index=True)
    # closed, hours, contact, area, other
    reason: Mapped[str] = mapped_column(String(16))
    comment: Mapped[str | None] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(16), default="active")
    version: Mapped[int] = mapped_column(Integer, default=1)
    synced_version: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    updated_at: Mapped[datetime] = mapped_column(DateTime)


class Favourite(Base):
    """A service the site keeps at hand."""

    __tablename__ = "favourite"

    service_id: Mapped[str] = mapped_column(String(200), primary_key=True)
    created_at: Mapped[datetime] = mapped_column(DateTime)


# Full-text search over the services lives in an FTS5 table the migrations create
# (``service_fts``); it is not a model, and the schema comparison leaves it out.
FTS_TABLES = ("service_fts", "service_fts_vocab")
