"""What the hub does, without HTTP: sites, enrolment codes, tokens, and storing pushes.

Uniqueness is the database's: a record is inserted with ``ON CONFLICT DO NOTHING`` and,
when it was there already, compared with what is stored (never check-then-insert).
"""

from __future__ import annotations

import hashlib
import json
import re
import secrets
import unicodedata
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from pydantic import ValidationError
from sqlalchemy import Engine, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from app.wire import PAYLOADS, DeskState, Outcome, PushRecord, PushResult
from hub.models import EnrolCode, Record, Site, SiteToken

CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
CODE_LIFETIME = timedelta(days=7)


def now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None, microsecond=0)


def digest(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


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
        raise HubError("unknown_site", f"Site inconnu\u00a0: {site_id}", 404)
    return site


def new_enrol_code(session: Session, site_id: str) -> tuple[str, datetime]:
    """A one-time code for a site (``XXXX-XXXX``); only its hash is kept."""
    site_or_error(session, site_id)
    raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(8))
    expires = now() + CODE_LIFETIME
    session.add(
        EnrolCode(code_hash=digest(raw), site_id=site_id, created_at=now(), expires_at=expires)
    )
    return f"{raw[:4]}-{raw[4:]}", expires


def enrol(session: Session, code: str, desk_id: str, desk_version: str) -> tuple[Site, str]:
    """Trade a code for a token. The same desk asking again with the same code (its answer
    was lost on the way) gets a new token, and the one it never received is revoked."""
    row = session.get(EnrolCode, digest(normalise_code(code)), with_for_update=True)
    if row is None:
        raise HubError("bad_code", "Code d’inscription inconnu.", 403)
    moment = now()
    if row.used_at is not None and row.desk_id != desk_id:
        raise HubError("used_code", "Ce code d’inscription a déjà servi.", 403)
    if row.used_at is None and row.expires_at < moment:
        raise HubError("expired_code", "Ce code d’inscription a expiré.", 403)
    if row.used_at is not None:
        session.execute(
            update(SiteToken)
            .where(SiteToken.desk_id == desk_id, SiteToken.revoked_at.is_(None))
            .values(revoked_at=moment)
        )
    row.used_at, row.desk_id = moment, desk_id
    token = secrets.token_urlsafe(32)
    session.add(
        SiteToken(token_hash=digest(token), site_id=row.site_id, desk_id=desk_id, created_at=moment)
    )
    site = session.get(Site, row.site_id)
    assert site is not None
    site.desk_version = desk_version[:32]
    return site, token


def revoke(session: Session, site_id: str, desk_id: str | None = None) -> int:
    """Revoke the tokens of a site's desks (of one desk with ``desk_id``): their next sync
    is refused with a reason. Returns how many."""
    query = update(SiteToken).where(SiteToken.site_id == site_id, SiteToken.revoked_at.is_(None))
    if desk_id is not None:
        query = query.where(SiteToken.desk_id == desk_id)
    result = session.execute(query.values(revoked_at=now()))
    return int(getattr(result, "rowcount", 0) or 0)


def site_of_token(session: Session, token: str) -> Site:
    row = session.get(SiteToken, digest(token))
    if row is None:
        raise HubError("unknown_token", "Jeton inconnu.", 401)
    if row.revoked_at is not None:
        raise HubError("revoked", "Ce poste a été révoqué par la coordination régionale.", 401)
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


def _check(record: PushRecord) -> _Checked | str:
    """The record's payload checked on its own: the clean payload, or why it is rejected."""
    model = PAYLOADS[record.kind]
    try:
        clean = model.model_validate(record.payload).model_dump(mode="json")
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(p) for p in first.get("loc", ()))
        return f"{where}: {first.get('msg', 'invalid')}"[:300]
    encoded = json.dumps(clean, sort_keys=True, separators=(",", ":"))
    return _Checked(record, clean, hashlib.sha256(encoded.encode()).hexdigest())


def _insert(engine_name: str) -> Any:
    return postgresql.insert if engine_name == "postgresql" else sqlite.insert


def store_push(
    session: Session, engine: Engine, site: Site, records: list[PushRecord]
) -> list[PushResult]:
    """Store a batch; one answer per record, in the order they came. New records go in
    with one statement; those the database already holds are compared one by one."""
    insert = _insert(engine.dialect.name)
    moment = now()
    answers: dict[int, PushResult] = {}
    fresh: dict[str, tuple[int, _Checked]] = {}
    for index, record in enumerate(records):
        checked = _check(record)
        if isinstance(checked, str):
            answers[index] = _result(record, "rejected", checked)
        elif record.id in fresh:  # the same id twice in one batch: the later is compared
            answers[index] = _result(record, "rejected", "id repeated in the batch")
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
                "received_at": moment,
                "updated_at": moment,
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
        select(Record.site_id, Record.kind, Record.version, Record.content_hash).where(
            Record.id == record.id
        )
    ).one()
    if stored.site_id != site.id or stored.kind != record.kind:
        return _result(record, "rejected", "id already used by another record")
    if record.version < stored.version:
        return _result(record, "stale")
    if record.version == stored.version:
        if stored.content_hash == checked.content_hash:
            return _result(record, "already_had")
        return _result(record, "conflict", "same version, different content")
    # A newer version: the update only applies if nobody stored a newer one meanwhile.
    changed = session.execute(
        update(Record)
        .where(Record.id == record.id, Record.version < record.version)
        .values(
            version=record.version,
            content_hash=checked.content_hash,
            payload=checked.payload,
            day=datetime.fromisoformat(checked.payload["day"]).date(),
            updated_at=moment,
        )
    )
    if getattr(changed, "rowcount", 0):
        return _result(record, "accepted")
    return _compare(session, site, record, checked, moment)


def activity_counts(session: Session) -> dict[tuple[str, str], int]:
    """Records received per (site, kind); cancelled contacts left out."""
    from sqlalchemy import func

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
