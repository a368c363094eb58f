"""Coordinator accounts, console sessions, CSRF tokens, and the slowing of guesses.

Passwords are kept as Argon2 hashes (argon2-cffi); a session is a random cookie of which
the hub keeps only the hash, with its own CSRF token. A session ends at logout, after
``IDLE`` without a request, or ``LIFETIME`` after the login.
"""

from __future__ import annotations

import re
import secrets
import threading
from dataclasses import dataclass
from datetime import timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from sqlalchemy import delete, func, or_, select
from sqlalchemy.orm import Session, sessionmaker

from hub.models import ConsoleSession, Coordinator, LoginAttempt
from hub.service import HubError, digest, now

IDLE = timedelta(minutes=30)
LIFETIME = timedelta(hours=10)
# Failed logins allowed in FAILURE_WINDOW for one login from one address, and from one
# address in all (coordinators behind one office's address share it).
FAILURES_ALLOWED = 5
ADDRESS_FAILURES = 30
FAILURE_WINDOW = timedelta(minutes=15)
PASSWORD_MIN = 12
LOGIN = re.compile(r"^[a-z0-9][a-z0-9._-]{1,63}$")

_hasher = PasswordHasher()
_checking = threading.BoundedSemaphore(2)
# Checked against when the login is unknown, so that it costs the same time.
_NOBODY = _hasher.hash(secrets.token_urlsafe(16))


@dataclass(frozen=True, slots=True)
class Visitor:
    """A coordinator with a live session."""

    coordinator_id: int
    login: str
    name: str
    csrf: str


@dataclass(frozen=True, slots=True)
class Opened:
    token: str
    visitor: Visitor


def add_coordinator(session: Session, login: str, name: str, password: str) -> Coordinator:
    """A new account; refused with a message when the login or the password will not do."""
    login = login.strip().lower()
    if not LOGIN.match(login):
        raise HubError(
            "bad_login_name",
            "Identifiant\u00a0: de 2 à 64 lettres minuscules, chiffres, points, tirets.",
            400,
        )
    if len(password) < PASSWORD_MIN:
        raise HubError(
            "weak_password",
            f"Mot de passe trop court\u00a0: {PASSWORD_MIN} caractères au moins.",
            400,
        )
    if password.strip() != password or password.lower() == login:
        raise HubError(
            "weak_password",
            "Mot de passe refusé\u00a0: espaces au bord, ou égal à l’identifiant.",
            400,
        )
    if session.scalar(select(Coordinator.id).where(Coordinator.login == login)) is not None:
        raise HubError("login_taken", f"L’identifiant «\u00a0{login}\u00a0» existe déjà.", 409)
    if len(name.strip()) > 200:
        raise HubError("bad_name", "Nom affiché\u00a0: 200 caractères au plus.", 400)
    account = Coordinator(
        login=login,
        name=name.strip() or login,
        password_hash=_hasher.hash(password),
        created_at=now(),
    )
    session.add(account)
    session.flush()
    return account


@dataclass(frozen=True, slots=True)
class Refusal:
    """Why a login failed (``locked`` or ``refused``) and how many recent failures count
    against it (the pause grows with them)."""

    reason: str
    failures: int


def _failures(session: Session, login: str, address: str) -> tuple[int, int]:
    """Recent failures of this login from this address, and of this address in all."""
    since = now() - FAILURE_WINDOW
    pair, from_address = session.execute(
        select(
            func.count().filter(LoginAttempt.login == login),
            func.count(),
        ).where(LoginAttempt.at >= since, LoginAttempt.address == address)
    ).one()
    return int(pair or 0), int(from_address or 0)


def log_in(
    sessions: sessionmaker[Session], login: str, password: str, address: str
) -> Opened | Refusal:
    """A new session, or why not.

    Each attempt is written down (and committed) *before* the password is checked, then
    counted: requests sent at once cannot all slip under the limit. Past
    ``FAILURES_ALLOWED`` for this login from this address, or ``ADDRESS_FAILURES`` from
    the address, the password is not even checked until the window has passed. A
    success takes the login's attempts back."""
    login = login.strip().lower()[:64]
    address = address[:64]
    with sessions.begin() as session:
        session.execute(delete(LoginAttempt).where(LoginAttempt.at < now() - FAILURE_WINDOW))
        attempt = LoginAttempt(login=login, address=address, at=now())
        session.add(attempt)
        session.flush()
        attempt_id = attempt.id
    with sessions.begin() as session:
        pair, from_address = _failures(session, login, address)
        if pair > FAILURES_ALLOWED or from_address > ADDRESS_FAILURES:
            return Refusal("locked", pair)
        account = session.scalar(
            select(Coordinator).where(Coordinator.login == login, Coordinator.disabled_at.is_(None))
        )
        with _checking:  # Argon2 takes memory: a few checks at a time
            try:
                _hasher.verify(account.password_hash if account else _NOBODY, password)
                good = account is not None
            except (VerifyMismatchError, VerificationError, InvalidHashError):
                good = False
        if not good or account is None:
            return Refusal("refused", pair)
        if _hasher.check_needs_rehash(account.password_hash):
            account.password_hash = _hasher.hash(password)
        session.execute(
            delete(LoginAttempt).where(
                or_(LoginAttempt.id == attempt_id, LoginAttempt.login == login)
            )
        )
        moment = now()
        # Sessions long over are of no use to anyone: they go at each login.
        session.execute(
            delete(ConsoleSession).where(ConsoleSession.created_at < moment - 3 * LIFETIME)
        )
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
        return Opened(token, Visitor(account.id, account.login, account.name, csrf))


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
    return Visitor(account.id, account.login, account.name, row.csrf)


def log_out(session: Session, token: str) -> None:
    row = session.get(ConsoleSession, digest(token))
    if row is not None and row.ended_at is None:
        row.ended_at = now()


def csrf_matches(expected: str, given: str | None) -> bool:
    return bool(expected) and secrets.compare_digest(expected.encode(), (given or "").encode())


def new_form_token() -> str:
    """The login form's own CSRF token (there is no session yet to hold one)."""
    return secrets.token_urlsafe(24)
