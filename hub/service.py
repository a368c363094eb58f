"""What the hub does, without HTTP: sites, enrolment codes, tokens, what each desk says
of itself, and the activity the console counts (storing a push: ``hub/push_store.py``).
"""

from __future__ import annotations

import hashlib
import hmac
import ipaddress
import re
import secrets
import unicodedata
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import delete, func, select, text, update
from sqlalchemy.orm import Session

from core.i18n import N_, gettext
from core.wire import (
    DeskState,
)
from hub import dialect
from hub.config import secret_key
from hub.models import (
    ApiHit,
    EnrolAttempt,
    EnrolCode,
    Site,
    SiteToken,
    contact_fact,
    flag_fact,
    referral_fact,
)  # fmt: skip

CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
CODE_LIFETIME = timedelta(days=7)
# A desk whose answer was lost may send its used code again, for this long after first use.
RETRY_WINDOW = timedelta(minutes=15)
# Refused enrolments an address may make in ``ATTEMPT_WINDOW`` before it waits.
ATTEMPT_LIMIT = 10
ATTEMPT_WINDOW = timedelta(minutes=15)
# One answer for every refused code (unknown, used, expired, revoked, another site's desk):
# a guesser learns nothing from it, and the agent knows what to do.
CODE_REFUSED = N_(
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

    def __init__(
        self, code: str, message: str, status: int = 400, retry_after: int | None = None
    ) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.status = status
        self.retry_after = retry_after  # seconds, said in a Retry-After header


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
        raise HubError("bad_code", gettext(CODE_REFUSED), 403)
    if row.used_at is not None:
        if row.desk_id != desk_id or moment - row.used_at > RETRY_WINDOW:
            raise HubError("bad_code", gettext(CODE_REFUSED), 403)
        since = select(SiteToken.token_hash).where(
            SiteToken.site_id == row.site_id,
            SiteToken.desk_id == desk_id,
            SiteToken.created_at >= row.used_at,
        )
        if session.scalars(since.where(SiteToken.revoked_at.is_not(None))).first() is not None:
            raise HubError("bad_code", gettext(CODE_REFUSED), 403)
        # A token already used reached its desk: the answer was not lost, and whoever sends
        # the code again (having read it and the desk's id) does not unseat that desk.
        if session.scalars(since.where(SiteToken.last_used_at.is_not(None))).first() is not None:
            raise HubError("bad_code", gettext(CODE_REFUSED), 403)
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
    if dialect.on_postgres(session):
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


def within_rate(session: Session, token: str, limit: int, moment: datetime | None = None) -> bool:
    """Count a request of a known token and say whether it is within ``limit`` a minute,
    in the database so that every process of the hub counts the same. The count is this
    minute's plus the whole previous minute's (two rows a token): never fewer than the
    requests of the last 60 s, so a burst at the turn of a minute is not let through
    twice; a desk that went past the limit waits one more minute at most."""
    moment = moment or datetime.now(UTC).replace(tzinfo=None)
    minute = moment.replace(second=0, microsecond=0)
    key = digest(token)
    if dialect.on_postgres(session):
        # A count lost in a crash is harmless: this transaction's commit does not wait for
        # the disk, which every request would otherwise do once more.
        session.execute(text("SET LOCAL synchronous_commit TO OFF"))
    row = dialect.insert(session, ApiHit).values(token_hash=key, minute=minute, count=1)
    counted = row.on_conflict_do_update(
        index_elements=[ApiHit.token_hash, ApiHit.minute], set_={"count": ApiHit.count + 1}
    ).returning(ApiHit.count)
    count = int(session.scalar(counted) or 0)
    before = minute - timedelta(minutes=1)
    if count == 1:  # the token's first request of this minute: what is older goes
        session.execute(delete(ApiHit).where(ApiHit.token_hash == key, ApiHit.minute < before))
    earlier = session.scalar(
        select(ApiHit.count).where(ApiHit.token_hash == key, ApiHit.minute == before)
    )
    return count - 1 + (earlier or 0) < limit


def uncount(session: Session, token: str) -> None:
    """Take back the request :func:`within_rate` just counted for ``token``."""
    minute = datetime.now(UTC).replace(tzinfo=None, second=0, microsecond=0)
    session.execute(
        update(ApiHit)
        .where(ApiHit.token_hash == digest(token), ApiHit.minute == minute, ApiHit.count > 0)
        .values(count=ApiHit.count - 1)
    )


def desk_of(session: Session, token: str) -> str | None:
    """The desk a site token was given to (its id, as it enrolled)."""
    row = session.get(SiteToken, digest(token))
    return None if row is None else row.desk_id


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


def activity_counts(session: Session) -> dict[tuple[str, str], int]:
    """Records kept per (site, kind), cancelled ones left out: read from the facts kept
    as they arrive (:mod:`hub.facts`), not from the records' payloads."""
    counts: dict[tuple[str, str], int] = {}
    for kind, table in (("contact", contact_fact), ("referral", referral_fact),
                        ("flag", flag_fact)):  # fmt: skip
        rows = session.execute(select(table.c.site_id, func.count()).group_by(table.c.site_id))
        for site_id, count in rows:
            counts[(site_id, kind)] = int(count)
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
