"""The sync protocol's wire models, shared by the desk and the hub (pure pydantic).

JSON over HTTPS under ``/api/v1``. What leaves a desk is anonymous by construction: a
date (never the minute), a commune or, for a small one, its EPCI, codes, and no note.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated, Any, Literal
from urllib.parse import parse_qs, urlencode

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    create_model,
)

from core.fields import CONTACT_FIELDS, fields_since

# 1: the first. 2: the hub states the payload fields it accepts (``GET /protocol``) and a
# desk sends no other; a desk speaks the lower of its protocol and the hub's. 3: a
# referral carries its slip code, for the partner to confirm it by. 4: a partner's own desk
# sends what it said of the referrals it received (``POST /arrivals``). 5: the changes carry
# temporary information on records (``notice``), mobile services' stops (``stop``), the
# structures' SPRO referents (``referent``) and the region's events (``event``); a desk of
# an older protocol is sent none of them.
PROTOCOL = 5
API = "/api/v1"

ENROLMENT_SCHEME = "aiguillage://enrol?"


def parse_enrolment(text: str) -> tuple[str, str] | None:
    """The hub's address and the code in an enrolment string, as the console's QR code
    holds it (``aiguillage://enrol?hub=…&code=…``; a QR scanner types it like a keyboard),
    or None when ``text`` is not one."""
    text = text.strip()
    if not text.startswith(ENROLMENT_SCHEME):
        return None
    fields = parse_qs(text.removeprefix(ENROLMENT_SCHEME))
    hub, code = fields.get("hub", [""])[0], fields.get("code", [""])[0]
    # Only a whole code: a scanner types the string one character at a time.
    whole = re.fullmatch(r"[A-Za-z0-9]{4}-?[A-Za-z0-9]{4}", code)
    return (hub, code) if hub and whole else None


def enrolment_string(hub_url: str, code: str) -> str:
    """What the console's QR code and ``aiguillage-hub enrol-code --hub-url`` give a desk:
    the hub's address and a one-time code in one string."""
    return ENROLMENT_SCHEME + urlencode({"hub": hub_url, "code": code})


MAX_BATCH = 500
MAX_BODY_BYTES = 2 * 2**20

Code = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]{0,63}$")]
_UUID = r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"
# An INSEE commune code, an EPCI or a département (a small commune goes up as its EPCI, or
# its département when it has none), or a special answer.
_PLACE = r"^([0-9]{5}|2[AB][0-9]{3}|[0-9]{9}|[0-9]{2}|2[AB]|9[78][0-9]|hors-region|non-precise)$"
# Text a database can hold and a reader cannot be fooled by: no control character (NUL
# included), and in a one-line value (an id, a version) none of the invisible marks that
# turn text round on screen; a comment may hold tabs and line breaks (the note guard reads
# it as shown).
_LINE = r"^[^\x00-\x1f\x7f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]*$"
_PROSE = r"^[^\x00-\x08\x0b\x0c\x0e-\x1f\x7f]*$"
INT32_MAX = 2**31 - 1  # PostgreSQL's integer: every count and cursor stays within it
RecordId = Annotated[str, StringConstraints(pattern=_UUID)]
Place = Annotated[str, StringConstraints(pattern=_PLACE)]
DirectoryId = Annotated[str, StringConstraints(min_length=3, max_length=200, pattern=_LINE)]
Kind = Literal["contact", "referral", "flag"]
Outcome = Literal["accepted", "already_had", "stale", "conflict", "rejected"]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class EnrolRequest(Strict):
    code: Annotated[str, StringConstraints(min_length=6, max_length=32, pattern=_LINE)]
    desk_id: RecordId
    desk_version: Annotated[str, StringConstraints(max_length=32, pattern=_LINE)]
    protocol: int = PROTOCOL


class EnrolResponse(Strict):
    site_id: str
    site_name: str
    token: str


# How each wire type of a contact field is checked.
_WIRE_TYPES: dict[str, Any] = {
    "code": Code,
    "codes": Annotated[list[Code], Field(min_length=1, max_length=20)],
    "place": Place,
    "flag": bool,
}


def _contact_wire() -> type[Strict]:
    """A contact as the hub receives it, from the table of fields: the day, each field
    (one without a default is required), and whether it was cancelled."""
    fields: dict[str, Any] = {"day": (date, ...)}
    for field in CONTACT_FIELDS:
        kind = _WIRE_TYPES[field.wire]
        fields[field.name] = (kind, ...) if field.required else (kind | None, None)
    fields["cancelled"] = (bool, False)
    return create_model(
        "ContactWire", __base__=Strict, __doc__="A contact as the hub receives it.", **fields
    )


ContactWire = _contact_wire()


# A slip code as the desk makes it (``app.referrals.codes``): two groups of three, from an
# alphabet without O/0 nor I/1.
SLIP_CODE = r"^[A-HJ-NP-Z2-9]{3}-[A-HJ-NP-Z2-9]{3}$"
SlipCode = Annotated[str, StringConstraints(pattern=SLIP_CODE)]


class ReferralWire(Strict):
    day: date
    contact_id: RecordId
    service_id: DirectoryId
    structure_id: DirectoryId | None = None
    slip_code: SlipCode | None = None  # since protocol 3
    cancelled: bool = False


class FlagWire(Strict):
    day: date
    service_id: DirectoryId
    structure_id: DirectoryId | None = None
    reason: Literal["closed", "hours", "contact", "area", "other"]
    comment: Annotated[str, StringConstraints(max_length=1000, pattern=_PROSE)] | None = None
    cancelled: bool = False


PAYLOADS: dict[str, type[Strict]] = {
    "contact": ContactWire,
    "referral": ReferralWire,
    "flag": FlagWire,
}


class HubProtocol(BaseModel):
    """What a hub says it speaks (``GET /protocol``): its protocol, the oldest a desk may
    speak to it, and the payload fields of each kind it accepts. Read leniently: a later
    hub may say more."""

    model_config = ConfigDict(extra="ignore", frozen=True)

    protocol: Annotated[int, Field(ge=1)]
    min_protocol: Annotated[int, Field(ge=1)] = 1
    fields: dict[str, list[str]]

    def accepted(self, kind: str) -> frozenset[str]:
        return frozenset(self.fields.get(kind, ()))


# The fields other than a contact's that came after protocol 1, and the protocol each came
# with (a contact's say it in the table of fields, core.fields).
SINCE: dict[tuple[str, str], int] = {("referral", "slip_code"): 3}
# Those a desk leaves out for a hub that does not know them yet, rather than holding the
# record until it does: the record counts without them, and what they serve (the
# partner's loop, for a slip code) is what such a hub does not have.
LEFT_OUT_FOR_OLDER: frozenset[tuple[str, str]] = frozenset({("referral", "slip_code")})


def fields_of(kind: str, version: int = PROTOCOL) -> frozenset[str]:
    """The payload fields of ``kind`` that a peer speaking ``version`` knows."""
    if kind == "contact":
        return fields_since(version) | {"day", "cancelled"}
    return frozenset(
        name for name in PAYLOADS[kind].model_fields if SINCE.get((kind, name), 1) <= version
    )


def protocol_of(version: int = PROTOCOL) -> HubProtocol:
    """The protocol ``version`` in full, as a hub of that version states it; a hub older
    than protocol 2 says nothing, and is taken to be :func:`protocol_of` (1)."""
    return HubProtocol(
        protocol=version, fields={kind: sorted(fields_of(kind, version)) for kind in PAYLOADS}
    )


def fit(
    kind: str, payload: dict[str, Any], accepted: frozenset[str]
) -> tuple[dict[str, Any], list[str]]:
    """``payload`` as a hub that accepts only ``accepted`` fields may receive it: a field
    it does not know goes only when it holds its default (nothing is lost by leaving it
    out), or is one of :data:`LEFT_OUT_FOR_OLDER`; the second value names the fields that
    hold more, for which the record must wait for the hub to learn them."""
    model = PAYLOADS[kind].model_fields
    kept: dict[str, Any] = {}
    lost: list[str] = []
    for name, value in payload.items():
        if name in accepted:
            kept[name] = value
            continue
        known = model.get(name)
        if (kind, name) in LEFT_OUT_FOR_OLDER:
            continue
        if known is None or known.is_required() or value != known.get_default():
            lost.append(name)
    return kept, lost


class PushRecord(BaseModel):
    """One record of a batch; its payload is checked on its own, so that one bad record
    is rejected without refusing the others."""

    model_config = ConfigDict(extra="forbid")

    kind: Kind
    id: RecordId
    version: Annotated[int, Field(ge=1, le=1_000_000)]
    payload: dict[str, object]


class DeskState(Strict):
    """What a desk says of itself with each push, for the console: its version, the
    records still waiting to go up, and those the hub rejected, held in quarantine."""

    version: Annotated[str, StringConstraints(max_length=32, pattern=_LINE)]
    pending: Annotated[int, Field(ge=0, le=INT32_MAX)]
    quarantined: Annotated[int, Field(ge=0, le=INT32_MAX)]


class PushRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    protocol: int = PROTOCOL
    records: Annotated[list[PushRecord], Field(max_length=MAX_BATCH)]
    desk: DeskState | None = None


class PushResult(Strict):
    kind: Kind
    id: str
    version: int
    outcome: Outcome
    reason: str | None = None


class PushResponse(Strict):
    results: list[PushResult]


class Problem(Strict):
    """What the hub says when it refuses a request: a code the desk turns into words."""

    code: Literal[
        "revoked",
        "unknown_token",
        "bad_code",
        "expired_code",
        "used_code",
        "too_old",
        "too_large",
        "too_many",
        "malformed",
        "too_new",
        "busy",  # 503 with Retry-After: come back then, nothing was stored
        "not_partner",  # arrivals from a site that is no partner structure (protocol 4)
    ]
    message: str


class Change(Strict):
    """One change of the directory or of the lists; ``deleted`` makes it a tombstone."""

    seq: int
    kind: Literal["structure", "service", "nomenclature", "notice", "event", "stop", "referent"]
    id: Annotated[str, StringConstraints(min_length=1, max_length=200)]
    deleted: bool = False
    payload: dict[str, object]


# The kinds of change each protocol knows: a desk is never sent a kind it would refuse.
CHANGE_KINDS_SINCE = {"notice": 5, "event": 5, "stop": 5, "referent": 5}
Line = Annotated[str, StringConstraints(max_length=300, pattern=_LINE)]
Prose = Annotated[str, StringConstraints(max_length=2000, pattern=_PROSE)]
Insee = Annotated[str, StringConstraints(pattern=r"^([0-9]{5}|2[AB][0-9]{3})$")]


class ChangesResponse(Strict):
    changes: Annotated[list[Change], Field(max_length=MAX_BATCH)]
    cursor: int
    more: bool


# What partners said of a desk's own referrals (protocol 3): ``GET /outcomes``, dates and
# codes only. The codes are the hub's (``hub.partners.OUTCOMES``); a desk that does not
# know one shows that the person came, and nothing more.
OutcomeCode = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z-]{0,31}$")]


class OutcomeWire(Strict):
    id: RecordId  # the referral's
    presented_on: date | None = None
    outcome: OutcomeCode | None = None
    outcome_on: date | None = None
    changed_on: date


class OutcomesResponse(Strict):
    outcomes: Annotated[list[OutcomeWire], Field(max_length=MAX_BATCH)]
    more: bool


# A partner's desk (its site the partner's structure at the hub) says, by its slip code, that
# a person sent to it came, and what followed: since protocol 4. Codes only, never text.
ARRIVALS_SINCE = 4
MAX_ARRIVALS = 100
Said = Literal["presentee", "accompagnee", "reorientee", "non-eligible", "pas-de-place"]


class ArrivalWire(Strict):
    id: RecordId  # the desk's, for the answer to name it
    slip_code: SlipCode
    said: Said
    day: date


class ArrivalsRequest(Strict):
    arrivals: Annotated[list[ArrivalWire], Field(min_length=1, max_length=MAX_ARRIVALS)]


class ArrivalAnswer(Strict):
    id: RecordId
    # noted; no referral of this partner has that code; not read now (too many unknown
    # codes in a minute): sent again at the next sync.
    answer: Literal["notee", "inconnue", "plus-tard"]


class ArrivalsResponse(Strict):
    answers: Annotated[list[ArrivalAnswer], Field(max_length=MAX_ARRIVALS)]
