"""The partner's own records: from its page, a partner proposes new hours, contact details
or the area a service serves (:mod:`hub.proposals`); the region's coordination accepts or
refuses each proposal from the directory's « Propositions des partenaires »; it also says
which partner structure a site is, whose desks then record arrivals (:mod:`hub.arrivals`)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from urllib.parse import quote

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlalchemy.orm import Session

from core.i18n import gettext
from hub import campaigns, notices, proposals, review, service
from hub.checks import today
from hub.console.partner_pages import HOME, _opened, form_of, posted_door
from hub.console.web import Console, ConsoleOf, Refused, done

router = APIRouter()


def _shown(value: Any) -> str:
    return ", ".join(value) if isinstance(value, list) else str(value or "")


def _form(session: Session, request: Request, kind: str, record_id: str) -> dict[str, Any]:
    door = _opened(session, request)
    record = proposals.own_record(session, door.partner, kind, record_id)
    return {
        "record": record, "key": door.key, "visitor": door.visitor,
        "fields": [(name, gettext(proposals.FIELDS[name])) for name in proposals.OF_KIND[kind]],
        "values": {name: _shown(record.payload.get(name)) for name in proposals.OF_KIND[kind]},
    }  # fmt: skip


@router.get("/partenaire/fiche", response_class=HTMLResponse)
async def record_form(request: Request, console: ConsoleOf) -> HTMLResponse:
    kind, record_id = request.query_params.get("type", ""), request.query_params.get("id", "")
    context = await console.db(lambda s: _form(s, request, kind[:16], record_id[:200]))
    return console.page(request, "partner_record.html", message="", **context)


@router.post("/partenaire/fiche", response_class=HTMLResponse)
async def propose(request: Request, console: ConsoleOf) -> Response:
    """A partner proposes new values for fields of one of its records."""
    form = await form_of(request)

    def proposing(session: Session, partner: str, who: str) -> None:
        typed = {name: form[name] for name in proposals.FIELDS if name in form}
        proposals.propose(session, partner, *_target(form), typed, who)

    return await _proposed(request, console, form, proposing, "message")


@router.post("/partenaire/information", response_class=HTMLResponse)
async def propose_notice(request: Request, console: ConsoleOf) -> Response:
    """A partner says it is closed for a while, or opens at other hours, or has a message."""
    form = await form_of(request)

    def proposing(session: Session, partner: str, who: str) -> None:
        notice = notices.from_form(form)
        proposals.propose_notice(session, partner, *_target(form), notice, who)

    return await _proposed(request, console, form, proposing, "notice_message")


def _target(form: dict[str, str]) -> tuple[str, str]:
    return form.get("type", "")[:16], form.get("id", "")[:200]


async def _proposed(
    request: Request, console: Console, form: dict[str, str],
    proposing: Callable[[Session, str, str], None], said_in: str,
) -> Response:  # fmt: skip
    """Keep what the partner proposes (its campaign answered), or show its record's page
    again with why not (``said_in``: the form the message goes above) and what it typed."""

    def write(session: Session) -> None:
        door = posted_door(session, request, form)
        proposing(session, door.partner, door.who)
        campaigns.answered(session, door.partner, "proposition")

    try:
        await console.db(write)
    except Refused as refusal:
        if refusal.status != 400:
            raise
        context = await console.db(lambda s: _form(s, request, *_target(form)))
        context["values"].update({n: form[n] for n in context["values"] if n in form})
        said = {"message": "", "notice_message": "", said_in: refusal.message}
        return console.page(request, "partner_record.html", 400, typed=form, **said, **context)
    return done(HOME, "proposee")


@router.get("/directory/propositions", response_class=HTMLResponse)
async def waiting(request: Request, console: ConsoleOf) -> HTMLResponse:
    who = await console.visitor(request)
    found = await console.db(proposals.waiting)
    notice = {"acceptee": gettext("Proposition acceptée\u00a0: la fiche part vers les postes."),
              "refusee": gettext("Proposition refusée\u00a0: rien n’a changé.")}  # fmt: skip
    return console.page(
        request, "proposals.html", visitor=who, proposals=found,
        notice=notice.get(request.query_params.get("fait", ""), ""),
    )  # fmt: skip


@router.post("/directory/propositions")
async def decide(request: Request, console: ConsoleOf) -> Response:
    who, form = await console.posted(request)
    number = form.get("proposition", "")
    if not (number.isascii() and number.isdigit()) or len(number) > 12 or int(number) >= 2**31:
        raise Refused(gettext("Proposition inconnue."), 404)
    accept = form.get("decision") == "accepter"
    await console.db(
        lambda s: proposals.decide(s, console.engine, int(number), accept, who.name, today())
    )
    return done("/console/directory/propositions", "acceptee" if accept else "refusee")


def set_site_partner(session: Session, site_id: str, partner: str) -> None:
    """The partner structure a site is (its directory id), or none (empty)."""
    site = service.site_or_error(session, site_id)
    if partner:
        review.partner_in_directory(session, partner)
    site.partner = partner or None


@router.post("/sites/{site_id}/partenaire")
async def site_partner(request: Request, site_id: str, console: ConsoleOf) -> Response:
    """The region's coordination says which partner structure a site is (or none)."""
    _who, form = await console.posted(request)
    partner = form.get("partenaire", "").strip()[:200]
    await console.db(lambda s: set_site_partner(s, site_id, partner))
    return RedirectResponse(f"/console/sites/{quote(site_id)}?ajout=partenaire", 303)
