"""The console's directory in time: temporary information set on a record's page
(:mod:`hub.notices`), and the region's events (:mod:`hub.events`), typed or imported from
a file. Region accounts only."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlalchemy.orm import Session
from starlette.concurrency import run_in_threadpool

from core import events as core_events
from core.i18n import N_, gettext, language
from hub import events, notices, stops
from hub.console.auth import Visitor
from hub.console.directory_pages import record_url, show_record
from hub.console.web import Console, ConsoleOf, Refused, Upload, done, today
from hub.service import HubError

router = APIRouter()
EVENTS = "/console/evenements"
NOTICES = {
    "publie": N_("Événement publié\u00a0: les postes le recevront à leur prochaine synchro."),
    "retire": N_("Événement retiré des postes à leur prochaine synchro."),
}


@router.post("/directory/fiche/information", response_class=HTMLResponse)
async def add_notice(request: Request, console: ConsoleOf) -> Response:
    who, form = await console.posted(request)
    kind, record_id = form.get("type", ""), form.get("id", "")
    engine = console.engine
    try:
        notice = notices.from_form(form)
        await console.db(lambda s: notices.add(s, engine, kind, record_id, notice, who.name))
    except (HubError, Refused) as error:
        status = getattr(error, "status", 400)
        return await show_record(
            request, console, who, kind, record_id, status, error.message, typed=form
        )
    return done(record_url(kind, record_id), "information", "#informations")


@router.post("/directory/fiche/information/retirer")
async def withdraw_notice(request: Request, console: ConsoleOf) -> Response:
    _who, form = await console.posted(request)
    kind, record_id = form.get("type", ""), form.get("id", "")
    notice_id = _number(form.get("information", ""))
    engine = console.engine
    await console.db(lambda s: notices.withdraw(s, engine, notice_id))
    return done(record_url(kind, record_id), "information-retiree", "#informations")


@router.post("/directory/fiche/arrets", response_class=HTMLResponse)
async def add_stops(request: Request, console: ConsoleOf) -> Response:
    who, form = await console.posted(request)
    record_id = form.get("id", "")
    engine, day = console.engine, today()
    try:
        read = await run_in_threadpool(stops.read_lines, form.get("arrets", ""), day)
        await console.db(lambda s: stops.add(s, engine, record_id, read, who.name))
    except (HubError, Refused) as error:
        message = gettext("Arrêts refusés, rien n’a changé\u00a0: {reason}").format(
            reason=error.message
        )
        status = getattr(error, "status", 400)
        return await show_record(
            request, console, who, "service", record_id, status, typed=form, stop_message=message
        )
    return done(record_url("service", record_id), "arrets", "#arrets")


@router.post("/directory/fiche/arrets/retirer")
async def withdraw_stop(request: Request, console: ConsoleOf) -> Response:
    _who, form = await console.posted(request)
    record_id, stop_id = form.get("id", ""), _number(form.get("arret", ""))
    engine = console.engine
    await console.db(lambda s: stops.withdraw(s, engine, stop_id))
    return done(record_url("service", record_id), "arret-retire", "#arrets")


def _number_or_zero(typed: str) -> int:
    try:
        return _number(typed)
    except Refused:
        return 0


def _number(typed: str) -> int:
    # ASCII digits only (« ² » is a digit to Python), and few: int() of thousands of
    # digits is refused by Python itself.
    if not (typed.isascii() and typed.isdigit()) or len(typed) > 10 or int(typed) > 2**31 - 1:
        raise Refused(gettext("Élément inconnu."), 404)
    return int(typed)


# --- the region's events -----------------------------------------------------------


def _line(row: Any, lang: str) -> dict[str, Any]:
    return {
        "id": row.id,
        "row": row,
        "when": core_events.when_words(row.starts_at, row.ends_at, lang),
    }


async def _events_page(
    request: Request, console: Console, who: Visitor, status: int = 200, **context: Any
) -> HTMLResponse:
    lang, day = language(), today()
    rows = await console.db(lambda s: events.upcoming(s, day))
    context.setdefault("typed", {})
    context.setdefault("message", "")
    return console.page(
        request, "events.html", status, visitor=who, lines=[_line(r, lang) for r in rows],
        notice=gettext(NOTICES.get(request.query_params.get("fait", ""), "")),
        imported=_number_or_zero(request.query_params.get("n", "")),
        columns=", ".join(events.COLUMNS), **context,
    )  # fmt: skip


@router.get(EVENTS.removeprefix("/console"), response_class=HTMLResponse)
async def events_page(request: Request, console: ConsoleOf) -> HTMLResponse:
    who = await console.visitor(request)
    return await _events_page(request, console, who)


def _typed_event(form: dict[str, str]) -> dict[str, str]:
    """The form's fields under the wire's names: a day, and its start and end times."""
    day, end_day = form.get("jour", "").strip(), form.get("jour_fin", "").strip()
    return {
        **form,
        "title": form.get("titre", ""),
        "starts_at": f"{day} {form.get('debut', '').strip()}",
        "ends_at": f"{end_day or day} {form.get('fin', '').strip()}",
    }


@router.post(EVENTS.removeprefix("/console"), response_class=HTMLResponse)
async def add_event(request: Request, console: ConsoleOf) -> Response:
    who, form = await console.posted(request)
    try:
        event = events.checked(_typed_event(form))
    except ValueError as error:
        message = gettext("Événement refusé, rien n’a changé\u00a0: {reason}.").format(reason=error)
        return await _events_page(request, console, who, 400, message=message, typed=form)
    engine = console.engine
    await console.db(lambda s: events.add(s, engine, event, who.name))
    return done(EVENTS, "publie")


@router.post(EVENTS.removeprefix("/console") + "/import", response_class=HTMLResponse)
async def import_events(request: Request, console: ConsoleOf) -> Response:
    who, _form, upload = await console.posted_files(request)
    if upload is None or len(upload.files) != 1:
        if upload is not None:
            upload.close()
        message = gettext("Choisissez un fichier d’événements (CSV ou JSON).")
        return await _events_page(request, console, who, 400, file_message=message)
    try:
        count = await run_in_threadpool(_import, console, upload, who.name)
    except HubError as error:
        message = gettext("Fichier refusé, rien n’a changé\u00a0: {reason}").format(
            reason=error.message
        )
        return await _events_page(request, console, who, 400, file_message=message)
    finally:
        upload.close()
    # Answered by a redirect: a refresh of the page does not publish the file again.
    return RedirectResponse(f"{EVENTS}?fait=importe&n={count}", 303)


def _import(console: Console, upload: Upload, who: str) -> int:
    with console.sessions.begin() as session:
        return events.import_file(session, console.engine, upload.files[0], who)


@router.post(EVENTS.removeprefix("/console") + "/retirer")
async def withdraw_event(request: Request, console: ConsoleOf) -> Response:
    _who, form = await console.posted(request)
    event_id = _number(form.get("evenement", ""))
    engine = console.engine

    def withdraw(session: Session) -> None:
        events.withdraw(session, engine, event_id)

    await console.db(withdraw)
    return done(EVENTS, "retire")
