"""Slips for the desk's records: the site's identity from its settings, the slip of a service
or of every referral of a visit as the database holds them, and the record that a slip was
handed over. The PDF itself is drawn by :mod:`app.referrals.slip`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from app.referrals.slip import Site, render_slip

if TYPE_CHECKING:
    from app.desk import Desk


def site_of(settings: Any) -> Site:
    """The site's identity as its settings hold it."""
    return Site(
        name=str(settings.get("site.name")),
        address=str(settings.get("site.address")),
        phone=str(settings.get("site.phone")),
        logo=str(settings.get("site.logo")),
    )


def slip_for_event(
    desk: Desk, event_id: str, *, fmt: str = "a4", large: bool = False
) -> tuple[bytes, str]:
    """A slip naming an event of the region (no referral is recorded), and its title."""
    from app.directory import events
    from app.referrals.event_slip import render_event_slip
    from core.errors import DeskError

    with desk.sessions() as session:
        event = events.one(session, event_id)
    if event is None:
        raise DeskError("unknown_event")
    pdf = render_event_slip(
        event, site_of(desk.settings), fmt=fmt, large=large, day=desk.intake.today()
    )
    return pdf, event.title


def slip_for_service(
    desk: Desk,
    service_id: str,
    *,
    fmt: str = "a4",
    large: bool = False,
    code: str | None = None,
) -> tuple[bytes, str]:
    """A slip for a service: for the referral of that ``code`` when there is one (and it
    is then marked printed), else under a new code. Returns the PDF and the code."""
    from sqlalchemy import select

    from app.directory import records
    from app.referrals.codes import new_slip_code
    from db.models import Referral

    today = desk.intake.today()
    with desk.sessions() as session:
        detail = records.detail(session, service_id, today=today, now=desk.intake.now())
        referral = None
        if code:
            referral = session.scalar(
                select(Referral).where(
                    Referral.slip_code == code.upper(), Referral.service_id == service_id
                )
            )
        appointment = referral.appointment_at if referral else None
    code = referral.slip_code if referral else new_slip_code()
    pdf = render_slip(
        detail,
        site_of(desk.settings),
        code,
        fmt=fmt,
        large=large,
        day=today,
        appointment=appointment,
    )
    if referral is not None:
        mark_printed(desk, [referral.id])
    return pdf, code


def slips_for_contact(
    desk: Desk, contact_id: str, *, fmt: str = "a4", large: bool = False
) -> list[tuple[str, str, bytes]]:
    """One slip per partner a visit was referred to: (referral id, code, PDF)."""
    from sqlalchemy import select

    from app.directory import records
    from db.models import Contact, Referral

    today = desk.intake.today()
    site = site_of(desk.settings)
    slips = []
    with desk.sessions() as session:
        contact = session.get(Contact, contact_id)
        # A mobile service's slip names the stop nearest the visitor's commune first.
        near = contact.commune if contact is not None else None
        referrals = session.scalars(
            select(Referral)
            .where(Referral.contact_id == contact_id, Referral.status == "active")
            .order_by(Referral.created_at, Referral.slip_code)
        ).all()
        for referral in referrals:
            detail = records.detail(
                session, referral.service_id, today=today, near=near, now=desk.intake.now()
            )
            pdf = render_slip(
                detail, site, referral.slip_code, fmt=fmt, large=large, day=today,
                appointment=referral.appointment_at,
            )  # fmt: skip
            slips.append((referral.id, referral.slip_code, pdf))
    return slips


def mark_printed(desk: Desk, referral_ids: list[str]) -> None:
    """The slips of these referrals were handed over (printed or saved)."""
    from sqlalchemy import update

    from db.models import Referral

    if not referral_ids:
        return
    with desk.sessions.begin() as session:
        session.execute(
            update(Referral)
            .where(Referral.id.in_(referral_ids), Referral.printed_at.is_(None))
            .values(printed_at=desk.intake.now().replace(tzinfo=None, microsecond=0))
        )
