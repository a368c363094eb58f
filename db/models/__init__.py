"""The desk database: SQLAlchemy 2 typed models, a module per area.

Nothing here names or identifies a visitor. Alembic owns the schema (``db/migrations``);
a test checks that these models and the migrations agree. Every model is imported here, so
that the metadata is whole and ``from db.models import Contact`` reads as before.
"""

from db.models.base import Base
from db.models.contacts import Arrival, Contact, ContactAnswer, ContactTheme, Referral
from db.models.directory import (
    FTS_TABLES,
    DirectoryFlag,
    Favourite,
    Service,
    ServiceMode,
    ServicePublic,
    ServiceThematique,
    ServiceZone,
    Structure,
)
from db.models.geography import (
    Commune,
    CommuneAlias,
    CommunePostcode,
    Departement,
    Epci,
    Region,
)
from db.models.lists import NomenclatureItem, NomenclatureMapping
from db.models.settings import Setting, SyncQuarantine, SyncState
from db.models.statistics import StatCode, StatDirty, StatFact
from db.models.time import DirectoryNotice, Event, ServiceStop

__all__ = [
    "FTS_TABLES",
    "Arrival",
    "Base",
    "Commune",
    "CommuneAlias",
    "CommunePostcode",
    "Contact",
    "ContactAnswer",
    "ContactTheme",
    "Departement",
    "DirectoryFlag",
    "DirectoryNotice",
    "Epci",
    "Event",
    "Favourite",
    "NomenclatureItem",
    "NomenclatureMapping",
    "Referral",
    "Region",
    "Service",
    "ServiceMode",
    "ServicePublic",
    "ServiceStop",
    "ServiceThematique",
    "ServiceZone",
    "Setting",
    "StatCode",
    "StatDirty",
    "StatFact",
    "Structure",
    "SyncQuarantine",
    "SyncState",
]
