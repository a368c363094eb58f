"""What the hub does, without HTTP: sites, enrolment codes, tokens, and storing pushes.

Uniqueness is the database's: a record is inserted with ``ON CONFLICT DO NOTHING`` and,
when it was there already, compared with what is stored (never check-then-insert).
"""

from __future__ import annotations

import hashlib
import hmac
import ipaddress
import json
import re
import secrets
import unicodedata
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from pydantic import ValidationError
from sqlalchemy import Engine, delete, func, select, text, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from core.i18n import gettext
from core.wire import (
    PAYLOADS,
    PROTOCOL,
    DeskState,
    HubProtocol,
    Outcome,
    PushRecord,
    PushResult,
    protocol_of,
)
from hub.checks import Border
from hub.config import secret_key
from hub.models import EnrolAttempt, EnrolCode, Record, Site, SiteToken

CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
CODE_LIFETIME = timedelta(days=7)
# A desk whose answer was lost may send its used code again, for this long after first use.
RETRY_WINDOW = timedelta(minutes=15)
# Refused enrolments an address may make in ``ATTEMPT_WINDOW`` before it waits.
ATTEMPT_LIMIT = 10
ATTEMPT_WINDOW = timedelta(minutes=15)
# One answer for every refused code (unknown, used, expired, revoked, another site's desk):
# a guesser learns nothing from it, and the agent knows what to do.
CODE_REFUSED = (
    "Ce code d’inscription n’est pas ou plus valable\u00a0: demandez un nouveau code"
    " à la coordination régionale."
)


def now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None, microsecond=0)


def digest(secret: str) -> str:
    """A token's hash: tokens are 256-bit random, a plain SHA-256 keeps them."""
    return hashlib.sha256(secret.encode()).hexdigest()


def keyed_digest(code: str) -> str:
    """An enrolment code's hash, keyed with the hub's secret: a code has only 40 bits,
    which a plain hash read from a stolen database would give back in minutes."""
    return hmac.new(secret_key(), code.encode(), hashlib.sha256).hexdigest()


def normalise_code(code: str) -> str:
    return re.sub(r"[^A-Z0-9]", "", code.upper())


class HubError(Exception):
    """A request the hub refuses; ``code`` is the wire Problem code."""

    def __init__(self, code: str, message: str, status: int = 400) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.status = status


def slugify(name: str) -> str:
    text = unicodedata.normalize("NFKD", name.replace("’", "'"))
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")[:60] or "site"


# --- sites, codes, tokens ----------------------------------------------------------------


def add_site(session: Session, name: str) -> Site:
    base = slugify(name)
    site_id, n = base, 1
    while session.get(Site, site_id) is not None:
        n += 1
        site_id = f"{base}-{n}"
    site = Site(id=site_id, name=name.strip(), created_at=now())
    session.add(site)
    return site


def site_or_error(session: Session, site_id: str) -> Site:
    site = session.get(Site, site_id)
    if site is None:
        raise HubError(
            "unknown_site", gettext("Site inconnu\u00a0: {site_id}").format(site_id=site_id), 404
        )
    return site


def new_enrol_code(session: Session, site_id: str) -> tuple[str, datetime]:
    """A one-time code for a site (``XXXX-XXXX``); only its hash is kept."""
    site_or_error(session, site_id)
    raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(8))
    expires = now() + CODE_LIFETIME
    session.add(
        EnrolCode(
            code_hash=keyed_digest(raw), site_id=site_id, created_at=now(), expires_at=expires
        )
    )
    return f"{raw[:4]}-{raw[4:]}", expires


def enrol(session: Session, code: str, desk_id: str, desk_version: str) -> tuple[Site, str]:
    """Trade a code for a token. A code serves once; the same desk may send it again a short
    while after (its answer was lost on the way) and then gets a new token in place of the
    one it never received, unless the coordination revoked that desk since or the desk has
    used its token (then it had it). Every refusal is the same ``bad_code`` answer, and
    changes nothing."""
    normalised = normalise_code(code)
    row = session.get(EnrolCode, keyed_digest(normalised), with_for_update=True)
    if row is None:  # a code made before codes were keyed
        row = session.get(EnrolCode, digest(normalised), with_for_update=True)
    moment = now()
    if row is None or row.expires_at < moment or _elsewhere(session, desk_id, row.site_id):
        raise HubError("bad_code", CODE_REFUSED, 403)
    if row.used_at is not None:
        if row.desk_id != desk_id or moment - row.used_at > RETRY_WINDOW:
            raise HubError("bad_code", CODE_REFUSED, 403)
        since = select(SiteToken.token_hash).where(
            SiteToken.site_id == row.site_id,
            SiteToken.desk_id == desk_id,
            SiteToken.created_at >= row.used_at,
        )
        if session.scalars(since.where(SiteToken.revoked_at.is_not(None))).first() is not None:
            raise HubError("bad_code", CODE_REFUSED, 403)
        # A token already used reached its desk: the answer was not lost, and whoever sends
        # the code again (having read it and the desk's id) does not unseat that desk.
        if session.scalars(since.where(SiteToken.last_used_at.is_not(None))).first() is not None:
            raise HubError("bad_code", CODE_REFUSED, 403)
        # The token this code gave and the desk never received is replaced, not revoked:
        # a revocation is the coordination's, and bars the code for good.
        session.execute(delete(SiteToken).where(SiteToken.token_hash.in_(since)))
    else:
        row.used_at, row.desk_id = moment, desk_id
    token = secrets.token_urlsafe(32)
    session.add(
        SiteToken(token_hash=digest(token), site_id=row.site_id, desk_id=desk_id, created_at=moment)
    )
    site = session.get(Site, row.site_id)
    assert site is not None
    site.desk_version = desk_version[:32]
    return site, token


def _elsewhere(session: Session, desk_id: str, site_id: str) -> bool:
    """Whether the desk holds a live token of another site: a code never touches it."""
    query = select(SiteToken.token_hash).where(
        SiteToken.desk_id == desk_id,
        SiteToken.site_id != site_id,
        SiteToken.revoked_at.is_(None),
    )
    return session.scalars(query).first() is not None


def address_key(host: str) -> str:
    """What an address's tries are counted against: an IPv4 address itself, an IPv6 address
    its /64 network (one connection hands out the whole of it, 2⁶⁴ addresses to guess from),
    anything else as given."""
    try:
        ip = ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return host[:64]
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.ipv4_mapped is not None:
            return str(ip.ipv4_mapped)
        return str(ipaddress.ip_network(f"{ip}/64", strict=False))
    return str(ip)


def hold_address(session: Session, address: str) -> None:
    """Serialise the enrolments of one address until the transaction ends (a PostgreSQL
    advisory lock, seen by every process of the hub): guesses sent all at once are counted
    one after the other, while valid codes from one office are never counted at all."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(
            text("SELECT pg_advisory_xact_lock(hashtextextended(:key, 0))"),
            {"key": "enrol:" + address[:64]},
        )


def enrol_allowed(session: Session, address: str) -> bool:
    """Whether an address is within its few refused codes per quarter of an hour, counted
    in the database so that every process of the hub agrees (old tries forgotten)."""
    moment = now()
    session.execute(delete(EnrolAttempt).where(EnrolAttempt.at < moment - ATTEMPT_WINDOW))
    count = session.scalar(
        select(func.count())
        .select_from(EnrolAttempt)
        .where(EnrolAttempt.address == address[:64], EnrolAttempt.at >= moment - ATTEMPT_WINDOW)
    )
    return int(count or 0) < ATTEMPT_LIMIT


def note_refused_code(session: Session, address: str) -> None:
    """A refused code counts against its address."""
    session.add(EnrolAttempt(address=address[:64], at=now()))


def revoke(session: Session, site_id: str, desk_id: str | None = None) -> int:
    """Revoke the tokens of a site's desks (of one desk with ``desk_id``): their next sync
    is refused with a reason. Revoking the whole site also voids the codes it had not used
    yet: one printed before, and stolen with a desk, enrols nothing. Returns how many."""
    moment = now()
    query = update(SiteToken).where(SiteToken.site_id == site_id, SiteToken.revoked_at.is_(None))
    if desk_id is not None:
        query = query.where(SiteToken.desk_id == desk_id)
    else:
        session.execute(
            update(EnrolCode)
            .where(EnrolCode.site_id == site_id, EnrolCode.used_at.is_(None))
            .where(EnrolCode.expires_at > moment)
            .values(expires_at=moment - timedelta(seconds=1))
        )
    result = session.execute(query.values(revoked_at=moment))
    return int(getattr(result, "rowcount", 0) or 0)


def site_of_token(session: Session, token: str) -> Site:
    row = session.get(SiteToken, digest(token))
    if row is None:
        raise HubError("unknown_token", gettext("Jeton inconnu."), 401)
    if row.revoked_at is not None:
        raise HubError(
            "revoked", gettext("Ce poste a été révoqué par la coordination régionale."), 401
        )
    moment = now()
    if row.last_used_at is None or moment - row.last_used_at > timedelta(minutes=1):
        row.last_used_at = moment  # what the console shows of each desk
    site = session.get(Site, row.site_id)
    assert site is not None
    return site


def note_state(session: Session, token: str, state: DeskState) -> None:
    """Keep what a desk says of itself with a push, for the console."""
    row = session.get(SiteToken, digest(token))
    if row is None:
        return
    row.desk_version, row.pending, row.quarantined = state.version, state.pending, state.quarantined
    row.state_at = now()
    site = session.get(Site, row.site_id)
    if site is not None and state.version:
        site.desk_version = state.version


# --- push ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Checked:
    record: PushRecord
    payload: dict[str, Any]
    content_hash: str


# How a payload's fault reads in a rejection (pydantic's error types).
FAULTS = {
    "missing": "manquant", "extra_forbidden": "inconnu", "string_pattern_mismatch":
    "caractères ou forme non admis", "string_unicode": "texte illisible", "string_too_long":
    "trop long", "string_too_short": "trop court", "too_long": "trop d’éléments",
    "too_short": "vide", "literal_error": "valeur non prévue",
}  # fmt: skip


def printable(text: str, limit: int = 80) -> str:
    """Text a client sent, safe to repeat in an answer: no control character, no lone
    surrogate (which no JSON encoder writes), cut short."""
    kept = "".join(c if c.isprintable() and not 0xD800 <= ord(c) <= 0xDFFF else "?" for c in text)
    return kept[:limit]


def fault(error: ValidationError) -> str:
    """A payload's first fault, in French: the field and what is wrong with it."""
    first = error.errors()[0]
    where = printable(".".join(str(p) for p in first.get("loc", ())))
    what = FAULTS.get(str(first.get("type")), "valeur invalide")
    return f"{where or 'contenu'}\u00a0: {what}"


def _check(record: PushRecord, border: Border, accepted: frozenset[str]) -> _Checked | str:
    """The record's payload checked on its own: the clean payload, or why it is rejected.
    A field the hub's protocol does not accept is refused (a desk that read the protocol
    never sends one); one it accepts and the desk left out takes its default."""
    model = PAYLOADS[record.kind]
    unknown = sorted(set(record.payload) - accepted)
    if unknown:
        return f"{printable(unknown[0])}\u00a0: {FAULTS['extra_forbidden']}"
    try:
        full = model.model_validate(record.payload).model_dump(mode="json")
    except ValidationError as error:
        return fault(error)
    clean = {name: value for name, value in full.items() if name in accepted}
    refused = border.reason(record.kind, clean)
    if refused:
        return refused[:300]
    encoded = json.dumps(clean, sort_keys=True, separators=(",", ":"))
    return _Checked(record, clean, hashlib.sha256(encoded.encode()).hexdigest())


def _insert(engine_name: str) -> Any:
    return postgresql.insert if engine_name == "postgresql" else sqlite.insert


def store_push(
    session: Session,
    engine: Engine,
    site: Site,
    records: list[PushRecord],
    speaks: HubProtocol | None = None,
) -> list[PushResult]:
    """Store a batch; one answer per record, in the order they came. New records go in
    with one statement; those the database already holds are compared one by one.
    ``speaks`` is the hub's protocol (its payload fields), this version's when None."""
    speaks = speaks or protocol_of(PROTOCOL)
    insert = _insert(engine.dialect.name)
    moment, border = now(), Border(session)
    answers: dict[int, PushResult] = {}
    fresh: dict[str, tuple[int, _Checked]] = {}
    for index, record in enumerate(records):
        checked = _check(record, border, speaks.accepted(record.kind))
        if isinstance(checked, str):
            answers[index] = _result(record, "rejected", checked)
        elif record.id in fresh:  # the same id twice in one batch: the later is compared
            answers[index] = _result(record, "rejected", "identifiant répété dans l’envoi")
        else:
            fresh[record.id] = (index, checked)
    inserted: set[str] = set()
    if fresh:
        rows = [
            {
                "id": checked.record.id,
                "kind": checked.record.kind,
                "site_id": site.id,
                "version": checked.record.version,
                "content_hash": checked.content_hash,
                "day": datetime.fromisoformat(checked.payload["day"]).date(),
                "payload": checked.payload,
                "received_on": moment.date(),
                "updated_on": moment.date(),
            }
            for _index, checked in fresh.values()
        ]
        statement = (
            insert(Record).values(rows).on_conflict_do_nothing(index_elements=["id"])
        ).returning(Record.id)
        inserted = set(session.scalars(statement))
    for record_id, (index, checked) in fresh.items():
        if record_id in inserted:
            answers[index] = _result(checked.record, "accepted")
        else:
            answers[index] = _compare(session, site, checked.record, checked, moment)
    site.last_sync_at = moment
    return [answers[i] for i in range(len(records))]


def _result(record: PushRecord, outcome: Outcome, reason: str | None = None) -> PushResult:
    return PushResult(
        kind=record.kind,
        id=record.id,
        version=record.version,
        outcome=outcome,
        reason=reason,
    )


def _compare(
    session: Session, site: Site, record: PushRecord, checked: _Checked, moment: datetime
) -> PushResult:
    stored = session.execute(
        select(
            Record.site_id, Record.kind, Record.version, Record.content_hash, Record.payload
        ).where(Record.id == record.id)
    ).one()
    if stored.site_id != site.id or stored.kind != record.kind:
        return _result(record, "rejected", "identifiant déjà pris par un autre envoi")
    if record.version < stored.version:
        return _result(record, "stale")
    if record.version == stored.version:
        if stored.content_hash == checked.content_hash or _same(
            record.kind, stored.payload, checked.payload
        ):
            return _result(record, "already_had")
        return _result(record, "conflict", "même version, contenu différent")
    # A newer version: the update only applies if nobody stored a newer one meanwhile.
    changed = session.execute(
        update(Record)
        .where(Record.id == record.id, Record.version < record.version)
        .values(
            version=record.version,
            content_hash=checked.content_hash,
            payload=checked.payload,
            day=datetime.fromisoformat(checked.payload["day"]).date(),
            updated_on=moment.date(),
        )
    )
    if getattr(changed, "rowcount", 0):
        return _result(record, "accepted")
    return _compare(session, site, record, checked, moment)


def _same(kind: str, stored: dict[str, Any], sent: dict[str, Any]) -> bool:
    """Whether two payloads say the same once each field left out takes its default: a
    record stored by this hub before it learnt a field, sent again with that field at its
    default, is the same record."""
    model = PAYLOADS[kind]
    try:
        return bool(
            model.model_validate(stored).model_dump(mode="json")
            == model.model_validate(sent).model_dump(mode="json")
        )
    except ValidationError:
        return False


def activity_counts(session: Session) -> dict[tuple[str, str], int]:
    """Records received per (site, kind); cancelled contacts left out."""
    counts: dict[tuple[str, str], int] = {}
    rows = session.execute(
        select(Record.site_id, Record.kind, func.count()).group_by(Record.site_id, Record.kind)
    )
    for site_id, kind, count in rows:
        counts[(site_id, kind)] = int(count)
    cancelled = session.execute(
        select(Record.site_id, func.count())
        .where(Record.kind == "contact", Record.payload["cancelled"].as_boolean().is_(True))
        .group_by(Record.site_id)
    )
    for site_id, count in cancelled:
        counts[(site_id, "contact")] -= int(count)
    return counts


def site_activity(session: Session) -> list[dict[str, Any]]:
    """Records received per site and kind (cancelled contacts left out), and last sync."""
    counts = activity_counts(session)
    return [
        {
            "site": site.id,
            "name": site.name,
            "contacts": counts.get((site.id, "contact"), 0),
            "referrals": counts.get((site.id, "referral"), 0),
            "flags": counts.get((site.id, "flag"), 0),
            "last_sync": site.last_sync_at.isoformat() if site.last_sync_at else None,
        }
        for site in session.scalars(select(Site).order_by(Site.id))
    ]
