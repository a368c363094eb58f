"""Referrals ("orientations"): a visit sent to a partner's service, with a slip code.

The slip code is short and unambiguous, easy to read aloud and to type: six characters in
two groups (``K7M-42Q``), from an alphabet without O/0 or I/1.
"""

from __future__ import annotations

import secrets
import uuid
from collections.abc import Callable, Iterable
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import Contact, Referral, Service

SLIP_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"


def new_slip_code(choice: Callable[[str], str] = secrets.choice) -> str:
    chars = "".join(choice(SLIP_ALPHABET) for _ in range(6))
    return f"{chars[:3]}-{chars[3:]}"


def _free_code(session: Session) -> str:
    # One writer per desk: a look-up is enough to keep codes unique here (the database's
    # unique constraint stays the last word).
    while True:
        code = new_slip_code()
        if session.scalar(select(Referral.id).where(Referral.slip_code == code)) is None:
            return code


def set_referrals(
    session: Session, contact: Contact, service_ids: Iterable[str], now: datetime
) -> None:
    """Make the contact's active referrals exactly ``service_ids``: new ones get a slip
    code; ones no longer wanted are cancelled (kept, to travel as tombstones)."""
    wanted = list(dict.fromkeys(service_ids))
    current = {r.service_id: r for r in contact.referrals if r.status == "active"}
    for service_id, referral in current.items():
        if service_id not in wanted:
            referral.status = "cancelled"
            referral.version += 1
            referral.updated_at = now
    for service_id in wanted:
        if service_id in current:
            continue
        service = session.get(Service, service_id)
        contact.referrals.append(
            Referral(
                id=str(uuid.uuid4()),
                service_id=service_id,
                structure_id=service.structure_id if service else None,
                service_name=service.nom if service else service_id,
                structure_name=service.structure.nom if service else "",
                slip_code=_free_code(session),
                status="active",
                version=1,
                synced_version=0,
                created_at=now,
                updated_at=now,
            )
        )
