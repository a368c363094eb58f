"""The wire models of what the hub's change stream carries besides the directory's
records (protocol 5, :data:`core.wire.CHANGE_KINDS_SINCE`): temporary information on a
record, a mobile service's stops, a structure's SPRO referent, the region's events."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Literal

from pydantic import Field, StringConstraints, model_validator

from core.wire import _LINE, Code, DirectoryId, Insee, Line, Prose, Strict

__all__ = ["EventWire", "NoticeWire", "ReferentWire", "StopWire"]

# A data·inclusion theme, or its whole category (``choisir-un-metier``).
Theme = Annotated[str, StringConstraints(pattern=r"^[a-z0-9-]{1,64}(--[a-z0-9-]{1,64})?$")]


class NoticeWire(Strict):
    """Temporary information on a structure, or on one of its services (protocol 5):
    see :mod:`core.notices`."""

    structure_id: DirectoryId
    service_id: DirectoryId | None = None
    kind: Literal["closed", "hours", "message"]
    starts_on: date
    ends_on: date
    hours: Annotated[str, StringConstraints(max_length=500, pattern=_LINE)] | None = None
    message: Line | None = None

    @model_validator(mode="after")
    def _usable(self) -> NoticeWire:
        from core.notices import Notice, problem

        said = problem(Notice(self.kind, self.starts_on, self.ends_on, self.hours, self.message))
        if said:
            raise ValueError(said)
        return self


class ReferentWire(Strict):
    """A structure's SPRO referent, the professional the agents call (protocol 5): for
    enrolled desks only, never on a slip nor in a public export."""

    structure_id: DirectoryId
    nom: Annotated[str, StringConstraints(min_length=2, max_length=120, pattern=_LINE)]
    telephone: Annotated[str, StringConstraints(pattern=r"^\+[1-9][0-9]{6,14}$")] | None = None
    courriel: (
        Annotated[str, StringConstraints(max_length=200, pattern=r"^[^@\s]+@[^@\s]+$")] | None
    ) = None


class StopWire(Strict):
    """A stop of a mobile service (protocol 5): its commune and place, its hours (OSM
    ``opening_hours``, usually dates), and its last day as the hub read them (None: it
    goes on)."""

    service_id: DirectoryId
    code_insee: Insee
    commune: Line
    adresse: Line = ""
    hours: Annotated[str, StringConstraints(min_length=1, max_length=500, pattern=_LINE)]
    ends_on: date | None = None


class EventWire(Strict):
    """An event of the region (protocol 5): see :mod:`core.events`. Times on the place's
    clock; publics and themes are data·inclusion codes."""

    title: Annotated[str, StringConstraints(min_length=1, max_length=200, pattern=_LINE)]
    starts_at: datetime
    ends_at: datetime
    code_insee: Insee
    commune: Line
    adresse: Line = ""
    organisateur: Line = ""
    lien: Line = ""
    description: Prose = ""
    publics: list[Code] = Field(default_factory=list, max_length=40)
    thematiques: list[Theme] = Field(default_factory=list, max_length=60)

    @model_validator(mode="after")
    def _usable(self) -> EventWire:
        from core.events import problem

        said = problem(self.starts_at, self.ends_at)
        if said:
            raise ValueError(said)
        return self
