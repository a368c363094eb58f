"""Partners keep their own records fresh: from its page, a partner proposes new hours,
contact details or the area one of its services serves; a coordinator accepts the
proposal (the record is published again, changed, and goes down to every desk with the
next pull) or refuses it (nothing changes).

A partner proposes only for its own records: its structure, and the services of it (or
the service it is, when the desk knew no structure). What it types is checked as the
directory's import checks a record (data·inclusion's schema), the hours as an OSM
``opening_hours`` value the desk can read, the phone number as phonenumbers reads a French
number, the area as codes of the shipped geography; a refusal says why and keeps nothing.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from pydantic import ValidationError
from sqlalchemy import Engine, delete, func, select
from sqlalchemy.orm import Session

from core import hours
from core import notices as core_notices
from core.directory.validation import explain
from core.i18n import N_, gettext, language
from hub import notices
from hub.checks import today as today_paris
from hub.directory import Published, lock, publish, publishable
from hub.models import DirectoryChange, DirectoryEntry
from hub.partner_models import DirectoryProposal
from hub.places import places
from hub.service import HubError, now

# What a partner may change, by kind of record, with the words its form shows.
FIELDS: dict[str, str] = {
    "horaires_accueil": N_("Horaires d’accueil"),
    "telephone": N_("Téléphone"),
    "courriel": N_("Courriel"),
    "zone_eligibilite": N_("Communes ou territoires servis"),
}
OF_KIND = {
    "structure": ("horaires_accueil", "telephone", "courriel"),
    "service": ("horaires_accueil", "telephone", "courriel", "zone_eligibilite"),
}
# Control, format (direction marks, zero width…) and line or paragraph separators: what a
# reviewer would not see, or would see otherwise than the desks.
INVISIBLE = frozenset({"Cc", "Cf", "Zl", "Zp"})
# The characters each field may hold, as typed (the desk keeps hours in 500).
LONGEST = {"horaires_accueil": 500, "telephone": 40, "courriel": 200, "zone_eligibilite": 2000}


@dataclass(frozen=True)
class Owned:
    """A record of the partner's, as it stands: its kind, id, name and payload."""

    kind: str
    record_id: str
    title: str
    payload: dict[str, Any]


def _current(session: Session, kind: str, record_id: str) -> Owned | None:
    entry = session.get(DirectoryEntry, (kind, record_id))
    if entry is None or entry.deleted:
        return None
    change = session.get(DirectoryChange, entry.seq)
    return None if change is None else Owned(kind, record_id, entry.title, dict(change.payload))


def owned(session: Session, partner: str) -> list[Owned]:
    """The partner's records: its structure first, then its services by name (one
    statement: the directory's services whose structure is the partner, or the service
    the partner is)."""
    structure_id = DirectoryChange.payload["structure_id"].as_string()
    rows = session.execute(
        select(DirectoryEntry.kind, DirectoryEntry.record_id, DirectoryEntry.title,
               DirectoryChange.payload)
        .join(DirectoryChange, DirectoryChange.seq == DirectoryEntry.seq)
        .where(
            DirectoryEntry.kind.in_(("structure", "service")),
            DirectoryEntry.deleted.is_(False),
            (DirectoryEntry.record_id == partner)
            | ((DirectoryEntry.kind == "service") & (structure_id == partner)),
        )
        .order_by(DirectoryEntry.kind.desc(), DirectoryEntry.title)
    )  # fmt: skip
    return [
        Owned(kind, record_id, title, dict(payload)) for kind, record_id, title, payload in rows
    ]


def own_record(session: Session, partner: str, kind: str, record_id: str) -> Owned:
    """One of the partner's records, or « unknown » (another's is unknown alike)."""
    record = _current(session, kind, record_id) if kind in OF_KIND else None
    mine = record is not None and partner in (
        record.record_id, record.payload.get("structure_id") if kind == "service" else None
    )  # fmt: skip
    if record is None or not mine:
        raise HubError("unknown_record", gettext("Fiche inconnue."), 404)
    return record


def _zone(typed: str) -> list[str] | None:
    codes = [c.strip().upper() for c in typed.replace(";", ",").replace(" ", ",").split(",")]
    codes = [c for c in codes if c]
    known = places()
    for code in codes:
        if code.lower() == "france":
            continue
        if code not in known.names and code not in known.departements:
            said = gettext("Communes servies\u00a0: «\u00a0{code}\u00a0» n’est ni une commune"
                           " (code INSEE), ni un EPCI, ni un département.")  # fmt: skip
            raise HubError("bad_proposal", said.format(code=code[:20]), 400)
    return [c.lower() if c.lower() == "france" else c for c in codes] or None


def e164(typed: str) -> str | None:
    """A phone number as typed in France (« 04 42 11 22 33 »), in E.164; None when it is
    no valid number."""
    import phonenumbers

    try:
        number = phonenumbers.parse(typed, "FR")
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_valid_number(number):
        return None
    return str(phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164))


def _phone(typed: str) -> str | None:
    if not typed:
        return None
    found = e164(typed)
    if found is None:
        said = gettext("Téléphone\u00a0: «\u00a0{value}\u00a0» n’est pas un numéro valide.")
        raise HubError("bad_proposal", said.format(value=typed[:40]), 400)
    return found


def _value(name: str, typed: str) -> Any:
    """What a typed value becomes in the record (None: none), or a refusal."""
    typed = " ".join(typed.split()) if name != "horaires_accueil" else typed.strip()
    if any(unicodedata.category(c) in INVISIBLE for c in typed if c not in "\n\r\t"):
        said = gettext("{field}\u00a0: caractère invisible ou de mise en forme refusé.")
        raise HubError("bad_proposal", said.format(field=gettext(FIELDS[name])), 400)
    if len(typed) > LONGEST[name]:
        said = gettext("{field}\u00a0: {count} caractères au plus.")
        count = LONGEST[name]
        raise HubError("bad_proposal", said.format(field=gettext(FIELDS[name]), count=count), 400)
    if name == "telephone":
        return _phone(typed)
    if name == "zone_eligibilite":
        return _zone(typed)
    if name == "horaires_accueil" and typed and not hours.is_valid(typed):
        said = gettext(
            "Horaires\u00a0: «\u00a0{value}\u00a0» ne se lit pas (format OpenStreetMap, par"
            " exemple «\u00a0Mo-Fr 09:00-12:00,14:00-17:00; PH off\u00a0»)."
        )
        raise HubError("bad_proposal", said.format(value=typed[:60]), 400)
    return typed or None


def _checked(kind: str, payload: dict[str, Any]) -> dict[str, Any]:
    """The record as the schema reads it, or a refusal that says why in words."""
    from data_inclusion.schema import v1

    model = v1.Structure if kind == "structure" else v1.Service
    try:
        checked: dict[str, Any] = model.model_validate(payload).model_dump(mode="json")
    except ValidationError as error:
        french, english = explain(error.errors())
        raise HubError("bad_proposal", english if language() == "en" else french, 400) from None
    return checked


def propose(
    session: Session, partner: str, kind: str, record_id: str, typed: dict[str, str], by: str
) -> DirectoryProposal:
    """Keep what the partner proposes for one of its records: the fields that change."""
    record = own_record(session, partner, kind, record_id)
    changes = {}
    for name in OF_KIND[kind]:
        if name in typed:
            value = _value(name, typed[name])
            if value != record.payload.get(name):
                changes[name] = value
    if not changes:
        raise HubError("no_change", gettext("Rien n’a changé\u00a0: rien n’est envoyé."), 400)
    _checked(kind, {**record.payload, **changes})
    # One proposal waits per record and partner: a new one takes the older one's place.
    session.execute(
        delete(DirectoryProposal).where(
            DirectoryProposal.kind == kind, DirectoryProposal.record_id == record_id,
            DirectoryProposal.partner == partner, DirectoryProposal.decided_at.is_(None),
        )
    )  # fmt: skip
    proposal = DirectoryProposal(
        kind=kind, record_id=record_id, partner=partner, changes=changes,
        proposed_at=now(), proposed_by=by[:200],
    )  # fmt: skip
    session.add(proposal)
    session.flush()
    return proposal


@dataclass(frozen=True)
class Waiting:
    """A proposal as the coordinator reads it: each field, as it is and as proposed."""

    id: int
    kind: str
    record_id: str
    title: str
    proposed_at: datetime
    proposed_by: str
    fields: list[tuple[str, str, str]]  # (words, now, proposed)


def _shown(value: Any) -> str:
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return "" if value is None else str(value)


def waiting(session: Session) -> list[Waiting]:
    """The proposals no coordinator has decided on yet, oldest first."""
    rows = session.scalars(
        select(DirectoryProposal)
        .where(DirectoryProposal.decided_at.is_(None))
        .order_by(DirectoryProposal.proposed_at, DirectoryProposal.id)
    )
    found = []
    for row in rows:
        if row.kind == NOTICE:
            found.append(_notice_waiting(session, row))
            continue
        record = _current(session, row.kind, row.record_id)
        before = record.payload if record else {}
        fields = [(gettext(FIELDS[name]), _shown(before.get(name)), _shown(value))
                  for name, value in row.changes.items() if name in FIELDS]  # fmt: skip
        found.append(Waiting(row.id, row.kind, row.record_id, record.title if record else
                             row.record_id, row.proposed_at, row.proposed_by, fields))  # fmt: skip
    return found


def _notice_waiting(session: Session, row: DirectoryProposal) -> Waiting:
    """Temporary information a partner proposes, as the coordinator reads it."""
    kind, _, target_id = row.record_id.partition(":")
    record = _current(session, kind, target_id)
    told = core_notices.words(proposed(row.changes), today_paris(), language())
    fields = [(gettext("Information temporaire"), "", told)]
    title = record.title if record else target_id
    return Waiting(row.id, kind, target_id, title, row.proposed_at, row.proposed_by, fields)


def count_waiting(session: Session) -> int:
    query = select(func.count()).where(DirectoryProposal.decided_at.is_(None))
    return int(session.scalar(query) or 0)


def decide(
    session: Session, engine: Engine, proposal_id: int, accept: bool, who: str, today: date
) -> DirectoryProposal:
    """Accept (the record published again, changed, dated today) or refuse a proposal."""
    lock(session, engine)
    row = session.get(DirectoryProposal, proposal_id, with_for_update=True)
    if row is None or row.decided_at is not None:
        said = gettext("Cette proposition n’attend plus de décision.")
        raise HubError("decided", said, 409)
    row.decided_at, row.decided_by, row.accepted = now(), who[:200], accept
    if accept and row.kind == NOTICE:
        kind, _, target_id = row.record_id.partition(":")
        notices.add(session, engine, kind, target_id, proposed(row.changes), who)
    elif accept:
        record = _current(session, row.kind, row.record_id)
        if record is None:
            raise HubError("decided", gettext("Cette fiche n’est plus publiée."), 409)
        payload = _checked(
            row.kind, {**record.payload, **row.changes, "date_maj": publishable(today).isoformat()}
        )
        entry = session.get(DirectoryEntry, (row.kind, row.record_id))
        assert entry is not None
        entry.verified_on, entry.verified_by = today, who[:200]
        publish(session, row.kind, row.record_id, entry.source, payload, Published())
    return row


# --- proposed by a partner (its page), accepted by the coordination --------------------

NOTICE = "notice"  # a DirectoryProposal's kind for temporary information


def propose_notice(
    session: Session,
    partner: str,
    kind: str,
    target_id: str,
    notice: core_notices.Notice,
    by: str,
) -> None:
    """The partner proposes temporary information on one of its own records; one waits
    per record and partner (a new one takes the older one's place)."""
    own_record(session, partner, kind, target_id)  # refused when not its own
    record_id = f"{kind}:{target_id}"
    session.execute(
        delete(DirectoryProposal).where(
            DirectoryProposal.kind == NOTICE, DirectoryProposal.record_id == record_id,
            DirectoryProposal.partner == partner, DirectoryProposal.decided_at.is_(None),
        )
    )  # fmt: skip
    changes = {
        "kind": notice.kind, "starts_on": notice.starts_on.isoformat(),
        "ends_on": notice.ends_on.isoformat(), "hours": notice.hours, "message": notice.message,
    }  # fmt: skip
    session.add(
        DirectoryProposal(
            kind=NOTICE, record_id=record_id, partner=partner, changes=changes,
            proposed_at=now(), proposed_by=by[:200],
        )
    )  # fmt: skip


def proposed(changes: dict[str, object]) -> core_notices.Notice:
    return core_notices.Notice(
        kind=str(changes["kind"]), starts_on=date.fromisoformat(str(changes["starts_on"])),
        ends_on=date.fromisoformat(str(changes["ends_on"])),
        hours=str(changes["hours"]) if changes.get("hours") else None,
        message=str(changes["message"]) if changes.get("message") else None,
    )  # fmt: skip
