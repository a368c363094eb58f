"""What the desk's outbox holds: the records each kind has yet to send, those the hub refused
(quarantined) and those held until the hub knows all their fields, and the desk's state as
the hub is told it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sqlalchemy import and_, exists, func, select
from sqlalchemy.orm import Session

from core.fields import BY_NAME, label
from core.version import app_version
from db.models import Contact, DirectoryFlag, Referral, SyncQuarantine

if TYPE_CHECKING:
    from core.wire import DeskState  # the wire's models: only when a sync runs

KINDS: dict[str, Any] = {"contact": Contact, "referral": Referral, "flag": DirectoryFlag}


# The quarantine's outcome for a version held back because the hub does not know one of
# its fields yet: not the agent's to edit, and reconsidered at each sync.
HELD = "held"


def _held(model: Any, kind: str, outcome: Any = None) -> Any:
    """The record's current version is in quarantine (an edit makes a new one), or held
    for the hub's protocol; only those whose outcome meets ``outcome`` when given."""
    same = and_(
        SyncQuarantine.kind == kind,
        SyncQuarantine.record_id == model.id,
        SyncQuarantine.version == model.version,
    )
    return exists().where(same if outcome is None else and_(same, outcome))


def pending(model: Any, kind: str) -> Any:
    """What the next batch may take."""
    return and_(model.synced_version < model.version, ~_held(model, kind))


def _refused(model: Any, kind: str) -> Any:
    """In the agent's quarantine: refused by the hub, not merely held for its protocol."""
    return and_(
        model.synced_version < model.version,
        _held(model, kind, SyncQuarantine.outcome != HELD),
    )


def _waiting(model: Any, kind: str) -> Any:
    """Still to go up: pending, or held until the hub learns a field."""
    return and_(
        model.synced_version < model.version, ~_held(model, kind, SyncQuarantine.outcome != HELD)
    )


def _held_for_hub(model: Any, kind: str) -> Any:
    return and_(
        model.synced_version < model.version,
        _held(model, kind, SyncQuarantine.outcome == HELD),
    )


def _count(session: Session, where: Any) -> int:
    total = 0
    for kind, model in KINDS.items():
        total += int(
            session.scalar(select(func.count()).select_from(model).where(where(model, kind))) or 0
        )
    return total


def pending_count(session: Session) -> int:
    """Records still to go up, those held until the hub learns a field included."""
    return _count(session, _waiting)


def held_count(session: Session) -> int:
    """Records held until the hub learns a field they hold."""
    return _count(session, _held_for_hub)


def desk_state(session: Session) -> DeskState:
    """The desk's version, what waits to go up, and the records whose current version the
    hub refused (an edit sends a new one)."""
    from core.wire import DeskState

    return DeskState(
        version=app_version()[:32],
        pending=pending_count(session),
        quarantined=_count(session, _refused),
    )


def quarantined(session: Session) -> list[SyncQuarantine]:
    """The versions the hub refused, newest first (not those held for its protocol)."""
    query = select(SyncQuarantine).where(SyncQuarantine.outcome != HELD)
    return list(session.scalars(query.order_by(SyncQuarantine.at.desc())))


def held(session: Session) -> list[SyncQuarantine]:
    """The versions held until the hub learns a field they hold, newest first."""
    query = select(SyncQuarantine).where(SyncQuarantine.outcome == HELD)
    return list(session.scalars(query.order_by(SyncQuarantine.at.desc())))


def held_reason(fields: list[str]) -> str:
    """Why a record waits for the hub's update (stored, shown as is)."""
    names = ", ".join(
        f"«\u00a0{label(BY_NAME[name].key) if name in BY_NAME else name}\u00a0»" for name in fields
    )
    return f"en attente de la mise à jour du hub, qui ne connaît pas encore {names}"
