"""What the console's pages show, read from the hub's database."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from hub import service
from hub.models import EnrolCode, Site, SiteToken
from hub.service import now


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
    pending: int | None  # what its active desks said at their last sync (None: nothing)
    quarantined: int | None


@dataclass(frozen=True, slots=True)
class DeskLine:
    desk_id: str
    enrolled_at: datetime
    last_used_at: datetime | None
    revoked_at: datetime | None
    version: str | None
    pending: int | None
    quarantined: int | None


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
    counts = service.activity_counts(session)
    states: dict[str, tuple[int, int]] = {}
    for site_id, pending, held in session.execute(
        select(SiteToken.site_id, func.sum(SiteToken.pending), func.sum(SiteToken.quarantined))
        .where(SiteToken.revoked_at.is_(None), SiteToken.state_at.is_not(None))
        .group_by(SiteToken.site_id)
    ):
        states[site_id] = (int(pending or 0), int(held or 0))
    return [
        SiteLine(
            site.id,
            site.name,
            site.created_at,
            site.last_sync_at,
            site.desk_version,
            int(desks.get(site.id, 0)),
            counts.get((site.id, "contact"), 0),
            counts.get((site.id, "flag"), 0),
            *states.get(site.id, (None, None)),
        )
        for site in session.scalars(select(Site).order_by(func.lower(Site.name), Site.id))
    ]


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
        DeskLine(
            t.desk_id,
            t.created_at,
            t.last_used_at,
            t.revoked_at,
            t.desk_version,
            t.pending,
            t.quarantined,
        )
        for t in newest.values()
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
