"""What desks pull from the hub (``/api/v1``): the directory's and the lists' changes after
a cursor, and what partners said of the desk's own referrals; and what a partner's desk
says of the referrals it received. Routes of :mod:`hub.api`."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Annotated

from fastapi import APIRouter, Depends, Header, Query, Response

from core.wire import (
    API,
    CHANGE_KINDS_SINCE,
    INT32_MAX,
    MAX_BATCH,
    ArrivalsRequest,
    ArrivalsResponse,
    Change,
    ChangesResponse,
    OutcomesResponse,
    OutcomeWire,
)
from hub import arrivals as hub_arrivals
from hub import directory, partners, service
from hub.models import Site

if TYPE_CHECKING:
    from hub.api import Desks


def changes_routes(desks: Desks) -> APIRouter:
    router = APIRouter(prefix=API)

    @router.get("/changes", response_model=ChangesResponse)
    def changes(
        response: Response,
        after: Annotated[int, Query(le=INT32_MAX)] = 0,
        limit: Annotated[int, Query(le=INT32_MAX)] = MAX_BATCH,
        if_none_match: str | None = Header(default=None),
        aiguillage_protocol: str = Header(default="1"),
        site: Site = Depends(desks.authenticated),  # noqa: B008
    ) -> Response | ChangesResponse:
        """Directory and list changes after a cursor, a page at a time; 304 when nothing
        is newer than what the desk has (its ETag). A desk is sent no kind of change its
        protocol does not know (it would refuse the page): those are passed over."""
        limit = max(1, min(limit, MAX_BATCH))
        with desks.sessions() as db:
            rows, last = directory.changes_after(db, max(0, after), limit)
        etag = f'"{last}"'
        if not rows and if_none_match == etag:
            return Response(status_code=304, headers={"ETag": etag})
        response.headers["ETag"] = etag
        typed = aiguillage_protocol
        speaks = int(typed) if typed.isascii() and typed.isdigit() and len(typed) < 4 else 1
        known = [r for r in rows if CHANGE_KINDS_SINCE.get(r.kind, 1) <= speaks]
        page = [
            Change(seq=r.seq, kind=r.kind, id=r.record_id, deleted=r.deleted, payload=r.payload)  # type: ignore[arg-type]
            for r in known
        ]
        # An older desk holds the page's cursor to its last change: the changes passed over
        # after it are passed over again at the next page.
        cursor = page[-1].seq if page else (rows[-1].seq if rows else max(0, after))
        return ChangesResponse(changes=page, cursor=cursor, more=cursor < last)

    return router


def outcome_routes(desks: Desks) -> APIRouter:
    router = APIRouter(prefix=API)

    @router.get("/outcomes", response_model=OutcomesResponse)
    def outcomes(
        since: date,
        after: Annotated[str, Query(max_length=36, pattern=r"^[0-9a-f-]*$")] = "",
        site: Site = Depends(desks.authenticated),  # noqa: B008
        authorization: str = Header(default=""),
    ) -> OutcomesResponse:
        """What partners said of this desk's own referrals (the slips it printed), changed
        on ``since`` or later: a page at a time, in the order of (day, id), ``after`` the
        last id of the page before. Another desk's, even of the same site, never."""
        with desks.sessions() as db:  # a read: nothing to commit
            desk = service.desk_of(db, authorization.partition(" ")[2]) or ""
            rows = partners.said_for_desk(db, desk, since, after, MAX_BATCH + 1)
        page = [
            OutcomeWire(
                id=r.record_id,
                presented_on=r.presented_on,
                outcome=r.outcome,
                outcome_on=r.outcome_on,
                changed_on=r.changed_on,
            )
            for r in rows[:MAX_BATCH]
            if r.changed_on is not None
        ]
        return OutcomesResponse(outcomes=page, more=len(rows) > MAX_BATCH)

    return router


def arrival_routes(desks: Desks) -> APIRouter:
    router = APIRouter(prefix=API)

    @router.post("/arrivals", response_model=ArrivalsResponse)
    def arrivals(
        sent: ArrivalsRequest,
        site: Site = Depends(desks.authenticated),  # noqa: B008
    ) -> ArrivalsResponse:
        """What a partner's desk said of the referrals it received, by their slip codes
        (:mod:`hub.arrivals`): each answered noted, unknown, or later."""
        with desks.sessions.begin() as db:
            own = db.get(Site, site.id)
            assert own is not None
            return ArrivalsResponse(answers=hub_arrivals.said(db, own, sent.arrivals))

    return router
