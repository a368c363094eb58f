"""The console's accounts: the region's coordination, a site's coordinator, a partner
structure; added, disabled, enabled again, given a new password (the command line's
``user`` commands). Passwords are kept as Argon2 hashes (:mod:`hub.console.auth`)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from core.i18n import gettext
from hub import review
from hub.console.auth import ROLES, hash_password
from hub.models import ConsoleSession, Coordinator, Site
from hub.service import HubError, now

PASSWORD_MIN = 12
LOGIN = re.compile(r"^[a-z0-9][a-z0-9._-]{1,63}$")


def add_coordinator(
    session: Session, login: str, name: str, password: str, role: str = "region",
    scope: str | None = None,
) -> Coordinator:  # fmt: skip
    """A new account; refused with a message when the login or the password will not do,
    or when a site's account names no known site (``scope``), a partner's no structure
    or service of the directory."""
    login = login.strip().lower()
    site_id, partner = _scope(session, role, scope)
    if not LOGIN.match(login):
        raise HubError(
            "bad_login_name",
            gettext("Identifiant\u00a0: de 2 à 64 lettres minuscules, chiffres, points, tirets."),
            400,
        )
    check_password_rules(login, password)
    if session.scalar(select(Coordinator.id).where(Coordinator.login == login)) is not None:
        raise HubError(
            "login_taken",
            gettext("L’identifiant «\u00a0{login}\u00a0» existe déjà.").format(login=login),
            409,
        )
    if len(name.strip()) > 200:
        raise HubError("bad_name", gettext("Nom affiché\u00a0: 200 caractères au plus."), 400)
    account = Coordinator(
        login=login,
        name=name.strip() or login,
        password_hash=hash_password(password),
        created_at=now(),
        role=role,
        site_id=site_id,
        partner=partner,
    )
    session.add(account)
    session.flush()
    return account


def _scope(session: Session, role: str, scope: str | None) -> tuple[str | None, str | None]:
    """The site or the partner an account of ``role`` is kept to; refused when unknown."""
    if role not in ROLES:
        said = gettext("Rôle inconnu\u00a0: {role} (region, site ou partner).")
        raise HubError("bad_role", said.format(role=role[:20]), 400)
    scope = (scope or "").strip()
    if role == "region":
        if scope:  # a site or a partner named for an account that would see everything
            said = gettext(
                "Un compte de la région voit tout\u00a0: pour le compte d’un site ou d’un"
                " partenaire, précisez --role site ou --role partner."
            )
            raise HubError("bad_role", said, 400)
        return None, None
    if role == "site":
        if not scope or session.get(Site, scope) is None:
            said = gettext("Site inconnu\u00a0: «\u00a0{site}\u00a0».")
            raise HubError("unknown_site", said.format(site=scope[:60]), 404)
        return scope, None
    return None, review.partner_in_directory(session, scope, ("structure", "service"))


def check_password_rules(login: str, password: str) -> None:
    """Refused with a message when ``password`` will not do for ``login``."""
    if len(password) < PASSWORD_MIN:
        raise HubError(
            "weak_password",
            gettext("Mot de passe trop court\u00a0: {password_min} caractères au moins.").format(
                password_min=PASSWORD_MIN
            ),
            400,
        )
    if password.strip() != password or password.lower() == login:
        raise HubError(
            "weak_password",
            gettext("Mot de passe refusé\u00a0: espaces au bord, ou égal à l’identifiant."),
            400,
        )


def account_of(session: Session, login: str) -> Coordinator:
    """The account of ``login`` (written with any capitals or spaces), or a refusal."""
    login = login.strip().lower()
    account = session.scalar(select(Coordinator).where(Coordinator.login == login[:64]))
    if account is None:
        raise HubError(
            "unknown_login", gettext("Compte inconnu\u00a0: {login}.").format(login=login), 404
        )
    return account


def end_sessions(session: Session, coordinator_id: int) -> int:
    """End every open session of an account (its next page asks to log in); how many."""
    result = session.execute(
        update(ConsoleSession)
        .where(ConsoleSession.coordinator_id == coordinator_id, ConsoleSession.ended_at.is_(None))
        .values(ended_at=now())
    )
    return int(result.rowcount or 0)  # type: ignore[attr-defined]


def set_enabled(session: Session, login: str, enabled: bool) -> tuple[Coordinator, int]:
    """Enable or disable an account; disabling ends its sessions (they would otherwise
    come back with it). The account, and how many sessions ended."""
    account = account_of(session, login)
    if enabled == (account.disabled_at is None):
        state = gettext("actif") if enabled else gettext("désactivé")
        raise HubError(
            "same_state",
            gettext("Le compte «\u00a0{login}\u00a0» est déjà {state}.").format(
                login=account.login, state=state
            ),
            409,
        )
    account.disabled_at = None if enabled else now()
    return account, 0 if enabled else end_sessions(session, account.id)


def set_password(session: Session, login: str, password: str) -> tuple[Coordinator, int]:
    """A new password (same rules as a new account's); every open session ends."""
    account = account_of(session, login)
    check_password_rules(account.login, password)
    account.password_hash = hash_password(password)
    return account, end_sessions(session, account.id)


@dataclass(frozen=True, slots=True)
class AccountLine:
    login: str
    name: str
    enabled: bool
    created: datetime
    last_login: datetime | None
    role: str = "region"
    scope: str = ""


def account_lines(session: Session) -> list[AccountLine]:
    """Every account by login, with its last login."""
    rows = session.scalars(select(Coordinator).order_by(Coordinator.login))
    return [
        AccountLine(
            c.login,
            c.name,
            c.disabled_at is None,
            c.created_at,
            c.last_login_at,
            c.role,
            c.site_id or c.partner or "",
        )
        for c in rows
    ]
