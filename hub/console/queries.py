"""What the console's pages show, read from the hub's database."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from hub.models import EnrolCode, Record, Site, SiteToken
from hub.service import HubError, now


@dataclass(frozen=True, slots=True)
class SiteLine:
    id: str
    name: str
    created_at: datetime
    last_sync_at: datetime | None
    desk_version: str | None
    desks: int  # desks enrolled and not revoked
    contacts: int  # visits received (cancelled ones left out)
    flags: int


@dataclass(frozen=True, slots=True)
class DeskLine:
    desk_id: str
    enrolled_at: datetime
    last_used_at: datetime | None
    revoked_at: datetime | None


@dataclass(frozen=True, slots=True)
class CodeLine:
    created_at: datetime
    expires_at: datetime
    used_at: datetime | None
    desk_id: str | None

    @property
    def expired(self) -> bool:
        return self.used_at is None and self.expires_at < now()


def site_lines(session: Session) -> list[SiteLine]:
    desks = dict(
        session.execute(
            select(SiteToken.site_id, func.count(func.distinct(SiteToken.desk_id)))
            .where(SiteToken.revoked_at.is_(None))
            .group_by(SiteToken.site_id)
        ).all()
    )
    active = Record.payload["cancelled"].as_boolean().is_not(True)
    contacts = dict(
        session.execute(
            select(Record.site_id, func.count())
            .where(Record.kind == "contact", active)
            .group_by(Record.site_id)
        ).all()
    )
    flags = dict(
        session.execute(
            select(Record.site_id, func.count())
            .where(Record.kind == "flag")
            .group_by(Record.site_id)
        ).all()
    )
    return [
        SiteLine(
            site.id,
            site.name,
            site.created_at,
            site.last_sync_at,
            site.desk_version,
            int(desks.get(site.id, 0)),
            int(contacts.get(site.id, 0)),
            int(flags.get(site.id, 0)),
        )
        for site in session.scalars(select(Site).order_by(func.lower(Site.name), Site.id))
    ]


def site_or_error(session: Session, site_id: str) -> Site:
    site = session.get(Site, site_id)
    if site is None:
        raise HubError("unknown_site", f"Site inconnu\u00a0: {site_id}", 404)
    return site


def desk_lines(session: Session, site_id: str) -> list[DeskLine]:
    """One line per desk of the site (its newest token), newest first."""
    rows = session.scalars(
        select(SiteToken)
        .where(SiteToken.site_id == site_id)
        .order_by(SiteToken.desk_id, SiteToken.created_at.desc())
    )
    newest: dict[str, SiteToken] = {}
    for row in rows:
        newest.setdefault(row.desk_id, row)
    lines = [
        DeskLine(t.desk_id, t.created_at, t.last_used_at, t.revoked_at) for t in newest.values()
    ]
    return sorted(lines, key=lambda line: line.enrolled_at, reverse=True)


def code_lines(session: Session, site_id: str, limit: int = 10) -> list[CodeLine]:
    rows = session.scalars(
        select(EnrolCode)
        .where(EnrolCode.site_id == site_id)
        .order_by(EnrolCode.created_at.desc())
        .limit(limit)
    )
    return [CodeLine(r.created_at, r.expires_at, r.used_at, r.desk_id) for r in rows]


def revoke_desk(session: Session, site_id: str, desk_id: str) -> int:
    """Revoke the tokens of one desk of a site: its next sync is refused with a reason."""
    result = session.execute(
        update(SiteToken)
        .where(
            SiteToken.site_id == site_id,
            SiteToken.desk_id == desk_id,
            SiteToken.revoked_at.is_(None),
        )
        .values(revoked_at=now())
    )
    count = int(getattr(result, "rowcount", 0) or 0)
    if count == 0:
        raise HubError(
            "unknown_desk", "Ce poste n’a pas de jeton actif\u00a0: rien à révoquer.", 404
        )
    return count
