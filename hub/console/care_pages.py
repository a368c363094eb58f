"""The console's care of the directory: the records most in need of it (data·inclusion's
quality score, the records « à vérifier » per partner) and a structure's SPRO referent
(:mod:`hub.referents`), set on its page. Region accounts only."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response
from sqlalchemy.orm import Session

from core.formatting import percent
from core.i18n import gettext, language
from hub import quality, referents, review
from hub.console.directory_pages import record_url, show_record
from hub.console.web import ConsoleOf, Refused, done, today
from hub.service import HubError

router = APIRouter()


@router.get("/directory/qualite", response_class=HTMLResponse)
async def quality_page(request: Request, console: ConsoleOf) -> HTMLResponse:
    who = await console.visitor(request)
    stale = review.stale_before(today())

    def read(session: Session) -> tuple[list[quality.Line], list[quality.PartnerLine]]:
        return quality.neediest(session), quality.stale_by_partner(session, stale)

    lines, partners = await console.db(read)
    lang = language()
    shown = [
        {
            "line": line,
            "score": percent(round(line.score * 100), 100, lang),
            "missing": ", ".join(gettext(quality.CRITERIA.get(m, m)) for m in line.missing),
        }
        for line in lines
    ]
    return console.page(
        request, "quality.html", visitor=who, lines=shown, partners=partners, stale=stale,
        record_url=record_url,
    )  # fmt: skip


@router.post("/directory/fiche/referent", response_class=HTMLResponse)
async def set_referent(request: Request, console: ConsoleOf) -> Response:
    who, form = await console.posted(request)
    record_id = form.get("id", "")
    engine = console.engine
    try:
        referent = referents.from_form(form)
        await console.db(lambda s: referents.set_referent(s, engine, record_id, referent))
    except (HubError, Refused) as error:
        status = getattr(error, "status", 400)
        return await show_record(
            request, console, who, "structure", record_id, status, typed=form,
            referent_message=error.message,
        )  # fmt: skip
    return done(record_url("structure", record_id), "referent", "#referent")


@router.post("/directory/fiche/referent/retirer")
async def withdraw_referent(request: Request, console: ConsoleOf) -> Response:
    _who, form = await console.posted(request)
    record_id = form.get("id", "")
    engine = console.engine
    await console.db(lambda s: referents.withdraw(s, engine, record_id))
    return done(record_url("structure", record_id), "referent-retire", "#referent")
