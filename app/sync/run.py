"""Enrolling the desk with the regional hub, and one sync: push, then pull.

The command line and the window's background worker both call these; neither blocks the
window (the worker runs them off the GUI thread).
"""

from __future__ import annotations

import contextlib
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from app.sync import credentials
from app.sync.arrivals import send_arrivals
from app.sync.client import HubClient, TlsFailure, Transient, check_url
from app.sync.outcomes import pull_outcomes
from app.sync.pull import pull_all
from app.sync.push import new_desk_id, push_all
from core.errors import DeskError
from core.version import app_version
from core.wire import parse_enrolment
from db.models import SyncState

if TYPE_CHECKING:
    from app.desk import Desk


def _account(desk: Desk) -> str:
    return f"{desk.settings.get('hub.url')}|{desk.settings.get('desk.id')}"


def enrol(desk: Desk, url: str, code: str) -> dict[str, str]:
    """Trade an enrolment code for the site's token; the desk is then the site's.
    ``url`` may also be the console's whole enrolment string (address and code)."""
    url, code = _address_and_code(url, code)
    desk_id = str(desk.settings.get("desk.id")) or new_desk_id()
    client = HubClient(url, desk_version=app_version(), lang=desk.language)
    try:
        with contextlib.suppress(DeskError):
            # Speak what the hub speaks; when it cannot say, the enrolment itself tells
            # a hub down, a hub too old or an address that is no hub, in its own words.
            client.learn_protocol()
        answer = client.enrol(code, desk_id, app_version())
    finally:
        client.close()
    with desk.sessions.begin() as session:
        desk.settings.write(session, "desk.id", desk_id)
        desk.settings.write(session, "hub.url", url)
        desk.settings.write(session, "site.id", answer.site_id)
        desk.settings.write(session, "hub.pending_code", "")
        if not desk.settings.get("site.name"):
            desk.settings.write(session, "site.name", answer.site_name)
    where = credentials.save_token(desk.paths.data, _account(desk), answer.token)
    return {"site_id": answer.site_id, "site_name": answer.site_name, "token_kept_in": where}


def _address_and_code(url: str, code: str) -> tuple[str, str]:
    parsed = parse_enrolment(url)
    if parsed is not None:
        url, code = parsed[0], code.strip() or parsed[1]
    return check_url(url), code.strip()


def enrol_or_keep(desk: Desk, url: str, code: str) -> dict[str, str]:
    """:func:`enrol`; when the hub cannot be reached, the address and the code are kept so
    that the next try (at each start, or from the menu) needs nothing typed again. A code
    the hub refuses is not kept by this call."""
    try:
        return enrol(desk, url, code)
    except TlsFailure:
        raise  # most often a wrong address: nothing worth keeping
    except Transient:
        url, code = _address_and_code(url, code)
        with desk.sessions.begin() as session:
            desk.settings.write(session, "hub.url", url)
            desk.settings.write(session, "hub.pending_code", code)
        raise


@dataclass
class SyncSummary:
    pushed: int
    pending: int
    pulled: int
    rejected: int
    # Waiting for the hub to learn a field they hold (sent by themselves after its update).
    held: int = 0

    def as_dict(self) -> dict[str, int]:
        return asdict(self)


def sync_once(desk: Desk) -> SyncSummary:
    """Push every pending record; a :class:`DeskError` says why it could not finish (what
    was sent before stays sent)."""
    url = str(desk.settings.get("hub.url"))
    if not url or not str(desk.settings.get("desk.id")):
        raise DeskError("not_enrolled")
    token = credentials.load_token(desk.paths.data, _account(desk))
    if not token:
        raise DeskError("not_enrolled")
    client = HubClient(url, token, app_version(), lang=desk.language)
    try:
        client.learn_protocol()
        report = push_all(desk.sessions, client)
        pulled = pull_all(desk.sessions, client)
        send_arrivals(desk.sessions, client)
        pull_outcomes(desk.sessions, client)
    except DeskError as error:
        _remember(desk, error)
        raise
    finally:
        client.close()
    _remember(desk, None)
    if pulled:
        desk.lists.reload()
    # A pull adds nothing to send: the state the hub was told is still the desk's.
    assert report.state is not None
    return SyncSummary(
        pushed=report.pushed, pending=report.state.pending, pulled=pulled,
        rejected=report.state.quarantined, held=report.held,
    )  # fmt: skip


def _remember(desk: Desk, error: DeskError | None) -> None:
    moment = datetime.now(UTC).replace(tzinfo=None, microsecond=0)
    with desk.sessions.begin() as session:
        state = session.get(SyncState, "push") or SyncState(stream="push")
        if error is None:
            state.last_success, state.last_error = moment, None
        else:
            state.last_error = error.text("fr")
        session.add(state)
