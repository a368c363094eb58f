"""A contact as the agent enters it (:class:`ContactDraft`) and as the desk holds it
(:class:`ContactRecord`, with its referrals): the values the intake service checks, stores
and gives back."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TYPE_CHECKING

from core.outcomes import said

if TYPE_CHECKING:  # the journal's first screen is read without the models
    from db.models import Contact


@dataclass(slots=True)
class ContactDraft:
    """What the agent entered for one contact, before it is checked."""

    channel: str
    public: str
    age: str
    gender: str
    commune: str
    themes: list[str]
    answers: list[str]
    duration: str | None = None
    first_visit: bool | None = None
    # Where the agent received (an INSEE code) and at which event; None: at the site.
    place: str | None = None
    event: str | None = None
    agent_code: str | None = None
    note: str | None = None
    # Contacts entered together at a busy stand (forum mode) share this mark.
    batch: str | None = None
    # Local moment of the contact; None means now.
    moment: datetime | None = None
    time_known: bool = True
    # Partner services the visitor is sent to (their directory ids).
    referrals: list[str] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class ReferralLine:
    service_id: str
    service_name: str
    structure_name: str
    slip_code: str
    presented_on: date | None = None  # what the partner said (app/sync/outcomes.py)
    outcome: str | None = None

    def title(self, lang: str | None = None) -> str:
        """The partner, and what it said of the referral once the hub told the desk:
        « Mission locale Ouest Provence (venu·e le 04/12, accompagné·e) »."""
        name = self.structure_name or self.service_name
        told = said(self.presented_on, self.outcome, lang)
        return f"{name} ({told})" if told else name


@dataclass(frozen=True, slots=True)
class ContactRecord:
    """A stored contact, as the journal shows it."""

    id: str
    moment_local: datetime
    time_known: bool
    channel: str
    public: str
    age: str
    gender: str
    commune: str
    themes: tuple[str, ...]
    answers: tuple[str, ...]
    duration: str | None
    first_visit: bool | None
    place: str | None
    event: str | None
    agent_code: str | None
    note: str | None
    status: str
    version: int
    synced_version: int
    referrals: tuple[ReferralLine, ...] = field(default=())
    batch: str | None = None

    @property
    def cancelled(self) -> bool:
        return self.status == "cancelled"

    def draft(self) -> ContactDraft:
        """The contact as a draft, to edit it."""
        return ContactDraft(
            channel=self.channel,
            public=self.public,
            age=self.age,
            gender=self.gender,
            commune=self.commune,
            themes=list(self.themes),
            answers=list(self.answers),
            duration=self.duration,
            first_visit=self.first_visit,
            place=self.place,
            event=self.event,
            agent_code=self.agent_code,
            note=self.note,
            batch=self.batch,
            moment=self.moment_local,
            time_known=self.time_known,
            referrals=[r.service_id for r in self.referrals],
        )


def record_of(row: Contact) -> ContactRecord:
    return ContactRecord(
        id=row.id,
        moment_local=row.moment_local,
        time_known=row.time_known,
        channel=row.channel,
        public=row.public,
        age=row.age,
        gender=row.gender,
        commune=row.commune,
        themes=tuple(t.code for t in row.themes),
        answers=tuple(a.code for a in row.answers),
        duration=row.duration,
        first_visit=row.first_visit,
        place=row.place,
        event=row.event,
        agent_code=row.agent_code,
        note=row.note,
        batch=row.batch,
        status=row.status,
        version=row.version,
        synced_version=row.synced_version,
        referrals=tuple(
            ReferralLine(
                r.service_id,
                r.service_name,
                r.structure_name,
                r.slip_code,
                r.presented_on,
                r.outcome,
            )
            for r in row.referrals
            if r.status == "active"
        ),
    )
