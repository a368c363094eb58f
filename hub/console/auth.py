"""Coordinator accounts, console sessions, CSRF tokens, and the slowing of guesses.

Passwords are kept as Argon2 hashes (argon2-cffi); a session is a random cookie of which
the hub keeps only the hash, with its own CSRF token. A session ends at logout, after
``IDLE`` without a request, or ``LIFETIME`` after the login.
"""

from __future__ import annotations

import asyncio
import secrets
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import timedelta
from urllib.parse import quote

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from sqlalchemy import delete, func, or_, select
from sqlalchemy.orm import Session, sessionmaker
from starlette.concurrency import run_in_threadpool

from hub.models import ConsoleSession, Coordinator, LoginAttempt
from hub.service import digest, now

IDLE = timedelta(minutes=30)
LIFETIME = timedelta(hours=10)
# Failed logins allowed in FAILURE_WINDOW for one login from one address, and from one
# address in all (coordinators behind one office's address share it).
FAILURES_ALLOWED = 5
ADDRESS_FAILURES = 30
FAILURE_WINDOW = timedelta(minutes=15)

# A login from many addresses that failed more than ACCOUNT_FAILURES times in the window
# waits before each further check (see account_wait); a wrong password is said after
# SLOW_S, STEP_S more per earlier failure from the address (up to MAX_SLOW_S).
ACCOUNT_FAILURES = 10
ACCOUNT_MAX_WAIT_S = 30.0
SLOW_S, STEP_S, MAX_SLOW_S = 1.0, 0.25, 3.0

_hasher = PasswordHasher()
# Argon2 takes memory and time: two checks at a time, on threads of their own, so that
# logins waiting for them never hold the pool the desks' API runs on.
_CHECKS = ThreadPoolExecutor(max_workers=2, thread_name_prefix="password-check")
# Checked against when the login is unknown, so that it costs the same time.
_NOBODY = _hasher.hash(secrets.token_urlsafe(16))


ROLES = ("region", "site", "partner")


@dataclass(frozen=True, slots=True)
class Visitor:
    """An account with a live session: the region's coordination, a site's coordinator
    (``site_id``) or a partner structure (``partner``)."""

    coordinator_id: int
    login: str
    name: str
    csrf: str
    role: str = "region"
    site_id: str | None = None
    partner: str | None = None

    def sees_site(self, site_id: str) -> bool:
        """Whether this account may read and act on ``site_id``'s pages."""
        return self.role == "region" or (self.role == "site" and self.site_id == site_id)

    @property
    def home(self) -> str:
        """Where the account lands: the sites, its own site, or the partner's page."""
        if self.role == "site":
            return f"/console/sites/{quote(self.site_id or '')}"
        return "/console/partenaire" if self.role == "partner" else "/console/sites"


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def visitor_from(account: Coordinator, csrf: str) -> Visitor:
    return Visitor(
        account.id, account.login, account.name, csrf,
        account.role, account.site_id, account.partner,
    )  # fmt: skip


@dataclass(frozen=True, slots=True)
class Opened:
    token: str
    visitor: Visitor


@dataclass(frozen=True, slots=True)
class Refusal:
    """Why a login failed: ``locked`` (too many failures) or ``refused``."""

    reason: str


@dataclass(frozen=True, slots=True)
class _Attempt:
    """A login attempt written down, with what counts against it and the hash to check."""

    id: int
    login: str
    address: str
    pair: int
    account: int
    locked: bool
    coordinator_id: int | None
    password_hash: str


async def pause(seconds: float) -> None:
    """Wait on the event loop: a waiting login holds no thread (tests record it instead)."""
    await asyncio.sleep(seconds)


def account_wait(failures: int) -> float:
    """The wait before the check of a login that failed ``failures`` times (this attempt
    included) from all addresses: none up to ``ACCOUNT_FAILURES``, then 1 s doubling
    with each further attempt, up to ``ACCOUNT_MAX_WAIT_S``."""
    beyond = failures - ACCOUNT_FAILURES
    if beyond <= 0:
        return 0.0
    return min(ACCOUNT_MAX_WAIT_S, 2.0 ** min(beyond - 1, 16))


def refusal_wait(pair: int) -> float:
    """The pause before a refusal is said: ``SLOW_S``, and ``STEP_S`` more per earlier
    failure of this login from this address, up to ``MAX_SLOW_S``."""
    return min(MAX_SLOW_S, SLOW_S + STEP_S * max(0, pair - 1))


def _note_attempt(sessions: sessionmaker[Session], login: str, address: str) -> _Attempt:
    """Write the attempt down (and commit) before anything is checked, so that requests
    sent at once cannot all slip under the limits, then count what is against it."""
    with sessions.begin() as session:
        session.execute(delete(LoginAttempt).where(LoginAttempt.at < now() - FAILURE_WINDOW))
        attempt = LoginAttempt(login=login, address=address, at=now())
        session.add(attempt)
        session.flush()
        attempt_id = attempt.id
    with sessions.begin() as session:
        since = now() - FAILURE_WINDOW
        pair, from_address = session.execute(
            select(func.count().filter(LoginAttempt.login == login), func.count()).where(
                LoginAttempt.at >= since, LoginAttempt.address == address
            )
        ).one()
        account = session.scalar(
            select(func.count()).where(LoginAttempt.at >= since, LoginAttempt.login == login)
        )
        found = session.execute(
            select(Coordinator.id, Coordinator.password_hash).where(
                Coordinator.login == login, Coordinator.disabled_at.is_(None)
            )
        ).one_or_none()
    return _Attempt(
        id=attempt_id,
        login=login,
        address=address,
        pair=int(pair or 0),
        account=int(account or 0),
        locked=int(pair or 0) > FAILURES_ALLOWED or int(from_address or 0) > ADDRESS_FAILURES,
        coordinator_id=found.id if found else None,
        password_hash=found.password_hash if found else _NOBODY,
    )


def check_password(password_hash: str, password: str) -> bool:
    """Argon2's check: slow and memory-hungry on purpose, so run on ``_CHECKS`` only."""
    try:
        return bool(_hasher.verify(password_hash, password))
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def _open_session(
    sessions: sessionmaker[Session], attempt: _Attempt, password: str
) -> Opened | None:
    """The session of a checked password, unless the account was disabled meanwhile.

    The login's failures from this address go (the user's own typos); those from
    elsewhere stay, so that a success does not reset the slowing of guesses."""
    with sessions.begin() as session:
        account = session.scalar(
            select(Coordinator).where(
                Coordinator.id == attempt.coordinator_id, Coordinator.disabled_at.is_(None)
            )
        )
        if account is None or account.password_hash != attempt.password_hash:
            return None  # disabled or given a new password while this attempt waited
        if _hasher.check_needs_rehash(account.password_hash):
            account.password_hash = _hasher.hash(password)
        session.execute(
            delete(LoginAttempt).where(
                or_(
                    LoginAttempt.id == attempt.id,
                    (LoginAttempt.login == attempt.login)
                    & (LoginAttempt.address == attempt.address),
                )
            )
        )
        moment = now()
        # Sessions long over are of no use to anyone: they go at each login.
        session.execute(
            delete(ConsoleSession).where(ConsoleSession.created_at < moment - 3 * LIFETIME)
        )
        account.last_login_at = moment
        token, csrf = secrets.token_urlsafe(32), secrets.token_urlsafe(32)
        session.add(
            ConsoleSession(
                token_hash=digest(token),
                coordinator_id=account.id,
                csrf=csrf,
                created_at=moment,
                seen_at=moment,
            )
        )
        return Opened(token, visitor_from(account, csrf))


async def log_in(
    sessions: sessionmaker[Session], login: str, password: str, address: str
) -> Opened | Refusal:
    """A new session, or why not, once every pause is over.

    Past ``FAILURES_ALLOWED`` for this login from this address, or ``ADDRESS_FAILURES``
    from the address, the password is not even checked until the window has passed. Past
    ``ACCOUNT_FAILURES`` from all addresses, every attempt on the login waits before its
    check, success or not (so that the time of the answer does not tell a right guess).
    The database work runs on the shared thread pool, briefly; the password check on its
    own two threads, awaited, so that a flood of logins leaves desks served."""
    login = login.strip().lower()[:64]
    address = address[:64]
    attempt = await run_in_threadpool(_note_attempt, sessions, login, address)
    if attempt.locked:
        await pause(refusal_wait(attempt.pair))
        return Refusal("locked")
    wait = account_wait(attempt.account)
    if wait:
        await pause(wait)
    loop = asyncio.get_running_loop()
    good = await loop.run_in_executor(_CHECKS, check_password, attempt.password_hash, password)
    opened = None
    if good and attempt.coordinator_id is not None:
        opened = await run_in_threadpool(_open_session, sessions, attempt, password)
    if opened is None:
        await pause(refusal_wait(attempt.pair))
        return Refusal("refused")
    return opened


def visitor_of(session: Session, token: str) -> Visitor | None:
    """The coordinator of a live session (and the session marked as used), or None."""
    if not token:
        return None
    row = session.get(ConsoleSession, digest(token))
    moment = now()
    if row is None or row.ended_at is not None:
        return None
    if moment - row.seen_at > IDLE or moment - row.created_at > LIFETIME:
        row.ended_at = moment
        return None
    account = session.get(Coordinator, row.coordinator_id)
    if account is None or account.disabled_at is not None:
        return None
    if moment - row.seen_at > timedelta(minutes=1):
        row.seen_at = moment
    return visitor_from(account, row.csrf)


def log_out(session: Session, token: str) -> None:
    row = session.get(ConsoleSession, digest(token))
    if row is not None and row.ended_at is None:
        row.ended_at = now()


def csrf_matches(expected: str, given: str | None) -> bool:
    return bool(expected) and secrets.compare_digest(expected.encode(), (given or "").encode())


def new_form_token() -> str:
    """The login form's own CSRF token (there is no session yet to hold one)."""
    return secrets.token_urlsafe(24)
