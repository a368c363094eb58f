"""A contact's fields, described once: what the form asks, the desk checks, the wire
carries, the statistics count and the labels name.

Adding a field is one row here, its column in ``db/models.py`` (and the hub's payload
needs none: it is JSON) and a migration; docs/ARCHITECTURE.md has the checklist.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from core.i18n import N_, InContext, Np_, translate

# How a field travels: one code of a list, several codes, a place (INSEE code, EPCI,
# département or a special answer), or a yes/no that may be left unsaid.
WireType = Literal["code", "codes", "place", "flag"]


@dataclass(frozen=True, slots=True)
class ContactField:
    """One field of a contact.

    ``name`` is the attribute of the draft, the record, the desk's model and the wire;
    ``key`` the singular a person and the statistics use (``themes`` → ``theme``), also the
    name of its list when it has one. ``required`` fields have no default on the wire;
    ``since`` is the protocol version that first carried the field: a field added later
    must have a default (a desk or hub that does not know it sends or stores nothing)."""

    name: str
    key: str
    label: InContext  # as a person reads it, translated when read
    wire: WireType
    required: bool = True
    listed: bool = True  # its codes come from the list named ``key``
    counted: bool = True  # a dimension of the statistics, named ``key``
    section: str | None = None  # the activity report's section title, if any
    since: int = 1

    @property
    def multiple(self) -> bool:
        return self.wire == "codes"

    @property
    def list_name(self) -> str | None:
        return self.key if self.listed else None


CONTACT_FIELDS: tuple[ContactField, ...] = (
    ContactField(
        "channel", "channel", Np_("champ", "Canal"), "code",
        section=N_("Canaux de contact"),
    ),
    ContactField(
        "public", "public", Np_("champ", "Public"), "code",
        section=N_("Publics accueillis"),
    ),
    ContactField("age", "age", Np_("champ", "Âge"), "code", section=N_("Âges")),
    ContactField("gender", "gender", Np_("champ", "Genre"), "code", section=N_("Genre")),
    ContactField(
        "commune", "commune", Np_("champ", "Commune"), "place", listed=False,
        section=N_("Communes de résidence"),
    ),
    ContactField(
        "themes", "theme", Np_("champ", "Thème"), "codes",
        section=N_("Thèmes des demandes"),
    ),
    ContactField(
        "answers", "answer", Np_("champ", "Réponse"), "codes",
        section=N_("Réponses apportées"),
    ),
    ContactField("duration", "duration", Np_("champ", "Durée"), "code", required=False),
    ContactField(
        "first_visit", "first_visit", Np_("champ", "Première visite"), "flag",
        required=False, listed=False, counted=False,
    ),
    # Where the agent received (the site's commune, or the bus's village of the day, a
    # forum's town), and at which event of the region: since protocol 5.
    ContactField(
        "place", "place", Np_("champ", "Lieu d’accueil"), "place", required=False,
        listed=False, section=N_("Lieux d’accueil"), since=5,
    ),
    ContactField(
        "event", "event", Np_("champ", "Événement"), "code", required=False, listed=False,
        section=N_("Événements"), since=5,
    ),
)  # fmt: skip

BY_NAME = {f.name: f for f in CONTACT_FIELDS}
BY_KEY = {f.key: f for f in CONTACT_FIELDS}

# The lists a contact's codes come from, in the form's order.
LISTED: tuple[str, ...] = tuple(f.key for f in CONTACT_FIELDS if f.listed)
# The lists a contact may hold several codes of.
MULTI_CHOICE = frozenset(f.key for f in CONTACT_FIELDS if f.listed and f.multiple)
# Each field holding codes of a list, and that list (``themes`` → ``theme``).
LIST_OF: dict[str, str] = {f.name: f.key for f in CONTACT_FIELDS if f.listed}
# Each statistics dimension a contact field gives, and the field (``theme`` → ``themes``).
COUNTED: dict[str, str] = {f.key: f.name for f in CONTACT_FIELDS if f.counted}
# The one-code lists every contact must name (the form's drop-downs).
REQUIRED_CODES: tuple[str, ...] = tuple(
    f.key for f in CONTACT_FIELDS if f.listed and f.required and not f.multiple
)

# What a contact's fields are called, with the words of the rest of a contact's life.
LABELS: dict[str, InContext] = {f.key: f.label for f in CONTACT_FIELDS}
# Report sections of the contact fields, by dimension.
SECTIONS: dict[str, str] = {f.key: f.section for f in CONTACT_FIELDS if f.section}


def fields_since(version: int) -> frozenset[str]:
    """The contact fields a peer speaking protocol ``version`` knows."""
    return frozenset(f.name for f in CONTACT_FIELDS if f.since <= version)


def label(key: str, lang: str = "fr") -> str:
    """A contact field's name as a person reads it (the key itself when unknown)."""
    found = LABELS.get(key)
    return translate(found, lang) if found else key
