"""The desk database: SQLAlchemy 2 typed models.

Nothing here names or identifies a visitor. Alembic owns the schema (``db/migrations``);
a test checks that these models and the migrations agree.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from core.naming import NAMING  # named constraints: batch migrations on SQLite find them


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


# --- Nomenclatures -------------------------------------------------------------------


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


# --- Geography -----------------------------------------------------------------------


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


# --- Contacts ------------------------------------------------------------------------


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
    referrals: Mapped[list[Referral]] = relationship(
        back_populates="contact", order_by="Referral.created_at", lazy="selectin"
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

    contact: Mapped[Contact] = relationship(back_populates="referrals")


# --- Statistics' facts -----------------------------------------------------------------
# Kept by triggers (migration 0005) and ``app.stats.refresh``: a year's counts are one scan
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
    first: Mapped[int] = mapped_column(Integer)


# --- Directory (data.inclusion v1 shape) ---------------------------------------------


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


# --- Settings and sync bookkeeping -----------------------------------------------------


class Setting(Base):
    __tablename__ = "setting"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[Any] = mapped_column(JSON)
    updated_at: Mapped[datetime] = mapped_column(DateTime)


class SyncQuarantine(Base):
    """A record version the hub refused (conflict or rejected), kept with the reason; it is
    not sent again until an edit makes a new version."""

    __tablename__ = "sync_quarantine"

    kind: Mapped[str] = mapped_column(String(16), primary_key=True)
    record_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    version: Mapped[int] = mapped_column(Integer, primary_key=True)
    outcome: Mapped[str] = mapped_column(String(16))
    reason: Mapped[str | None] = mapped_column(Text)
    at: Mapped[datetime] = mapped_column(DateTime)


class SyncState(Base):
    """Where each pull stream stands with the hub (cursor, ETag) and how the last try went."""

    __tablename__ = "sync_state"

    stream: Mapped[str] = mapped_column(String(32), primary_key=True)
    cursor: Mapped[str | None] = mapped_column(String(64))
    etag: Mapped[str | None] = mapped_column(String(200))
    last_success: Mapped[datetime | None] = mapped_column(DateTime)
    last_error: Mapped[str | None] = mapped_column(Text)
