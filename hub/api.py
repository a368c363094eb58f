"""The hub's HTTP API (FastAPI), under ``/api/v1``; stateless, so that several processes
serve one database: what guards enrolment (per address) and the rate limit of known tokens
are counted in the database. Each process stores a few pushes at once and answers the
others 503 with ``Retry-After`` at once, rather than queueing them towards a timeout."""

from __future__ import annotations

import random
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from fastapi import APIRouter, Depends, FastAPI, Header, Request
from fastapi.exception_handlers import http_exception_handler
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from sqlalchemy import Engine
from sqlalchemy.exc import TimeoutError as PoolTimeout
from sqlalchemy.orm import Session, sessionmaker
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from core.i18n import N_, accepted_language, answer_in, gettext, language
from core.version import app_version
from core.wire import (
    API,
    MAX_BODY_BYTES,
    PROTOCOL,
    EnrolRequest,
    EnrolResponse,
    HubProtocol,
    Problem,
    PushRequest,
    PushResponse,
    protocol_of,
)
from hub import directory, push_store, service
from hub.api_pull import arrival_routes, changes_routes, outcome_routes
from hub.config import docs_enabled, pushes_at_once
from hub.console.pages import install_console
from hub.models import Site

MIN_PROTOCOL = 1
# Requests of a token over this minute and the whole previous one (service.within_rate):
# a desk asking steadily is held to half of it a minute, 120, where it syncs twice.
RATE_LIMIT = 240
# A busy hub asks a desk to come back in this many seconds, drawn at random so that the
# desks turned away together do not all come back together.
RETRY_AFTER_S = (1, 4)
BUSY = N_("Le hub est occupé\u00a0: nouvel essai dans {seconds}\u00a0s, rien n’est perdu.")


def problem(code: str, message: str, status: int, retry_after: int | None = None) -> JSONResponse:
    headers = {"Retry-After": str(retry_after)} if retry_after is not None else None
    return JSONResponse(
        Problem(code=code, message=message).model_dump(),  # type: ignore[arg-type]
        status_code=status,
        headers=headers,
    )


def busy() -> JSONResponse:
    """The answer of a hub too busy to store a push now: 503 and when to come back."""
    seconds = random.randint(*RETRY_AFTER_S)
    return problem("busy", gettext(BUSY).format(seconds=seconds), 503, seconds)


class PushSlots:
    """At most ``limit`` pushes of this process stored at once, counted once the desk's
    token is known and its batch read (so that nobody without a token, nor a body sent a
    byte at a time, holds a place): one more is answered 503 with ``Retry-After`` at once
    (the desk comes back then, nothing lost), where it would otherwise wait for a thread
    and a connection past the desk's timeout."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self._free = threading.BoundedSemaphore(limit)

    @contextmanager
    def taken(self) -> Iterator[None]:
        if not self._free.acquire(blocking=False):
            seconds = random.randint(*RETRY_AFTER_S)
            raise service.HubError("busy", gettext(BUSY).format(seconds=seconds), 503, seconds)
        try:
            yield
        finally:
            self._free.release()


# The console's file uploads may be as large as a directory file.
UPLOADS = frozenset({"/console/directory/import", "/console/listes/import"})
UPLOAD_BYTES = directory.MAX_FILE + 2**20


def too_large_for(path: str, limit: int) -> Response:
    """The refusal of a body over ``limit``: a page for the console, JSON for the API."""
    if path.startswith("/console"):
        back = "/console/listes" if path.startswith("/console/listes") else "/console/directory"
        said = gettext("Envoi trop volumineux\u00a0: {megabytes}\u00a0Mo au plus. Rien n’a changé.")
        return HTMLResponse(
            f'<!doctype html><html lang="{language()}"><meta charset="utf-8">'
            f"<title>{gettext('Trop volumineux')}</title>"
            f"<p>{said.format(megabytes=limit // 2**20)}</p>"
            f'<p><a href="{back}">{gettext("Retour")}</a></p>',
            status_code=413,
        )
    return problem("too_large", gettext("Requête trop volumineuse."), 413)


class BodyLimit:
    """Refuses (413) a request body over ``MAX_BODY_BYTES`` (``UPLOAD_BYTES`` for the
    console's uploads), counted as it arrives: one without a Content-Length (sent in
    pieces) is cut off there, never read whole."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path = str(scope.get("path", ""))
        limit = UPLOAD_BYTES if path in UPLOADS else MAX_BODY_BYTES
        too_large = too_large_for(path, limit)
        length = dict(scope["headers"]).get(b"content-length")
        if length is not None and (not length.isdigit() or int(length) > limit):
            await too_large(scope, receive, send)
            return
        received, refused, started = 0, False, False

        async def counted() -> Message:
            nonlocal received, refused
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    if not started and not refused:
                        refused = True
                        await too_large(scope, receive, send)
                    return {"type": "http.disconnect"}  # the app stops reading there
            return message

        async def answered(message: Message) -> None:
            nonlocal started
            if refused:
                return  # the 413 went out; what the app says after it goes nowhere
            started = started or message["type"] == "http.response.start"
            await send(message)

        await self.app(scope, counted, answered)


class Language:
    """Each request is answered in the language its ``Accept-Language`` prefers: a desk
    sends its own, so that a refusal or a rejected record reads in the agent's language;
    a browser sends the coordinator's."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            header = dict(scope["headers"]).get(b"accept-language", b"")
            answer_in(accepted_language(header.decode("latin-1")))
        await self.app(scope, receive, send)


def create_app(
    engine: Engine, speaks: HubProtocol | None = None, pushes: int | None = None
) -> FastAPI:
    """The hub's application. ``speaks`` is the protocol it states and holds desks to
    (this version's in full when None; tests give an older one to play an old hub);
    ``pushes`` how many pushes it stores at once (``pushes_at_once()`` when None)."""
    docs = docs_enabled()
    app = FastAPI(
        title="Aiguillage — hub régional",
        version=app_version(),
        docs_url="/docs" if docs else None,
        redoc_url="/redoc" if docs else None,
        openapi_url="/openapi.json" if docs else None,
    )
    app.add_middleware(BodyLimit)
    app.add_middleware(Language)
    install_refusals(app)
    sessions = sessionmaker(engine, expire_on_commit=False)
    install_console(app, sessions)
    slots = app.state.push_slots = PushSlots(pushes or pushes_at_once())
    desks = Desks(engine, sessions, speaks or protocol_of(PROTOCOL), slots)
    every = (protocol_routes, enrol_routes, push_routes, changes_routes, outcome_routes,
             arrival_routes)  # fmt: skip
    for routes in every:
        app.include_router(routes(desks))
    return app


def install_refusals(app: FastAPI) -> None:
    """Every refusal under the API is a Problem, in the request's language."""

    @app.exception_handler(RequestValidationError)
    async def malformed(_request: Request, error: RequestValidationError) -> JSONResponse:
        first = error.errors()[0] if error.errors() else {}
        where = push_store.printable(".".join(str(p) for p in first.get("loc", ())))
        if first.get("type") == "json_invalid":
            where = gettext("corps illisible")
        return problem("malformed", gettext(MALFORMED).format(where=where), 422)

    @app.exception_handler(StarletteHTTPException)
    async def http_refusal(request: Request, error: StarletteHTTPException) -> Response:
        """Under the API, a body that is no JSON (or nested past reading), an unknown address
        or method: a Problem as every refusal, never the framework's words."""
        if not request.url.path.startswith(API):
            return await http_exception_handler(request, error)
        what = HTTP_WORDS.get(error.status_code)
        where = gettext(what) if what else f"HTTP {error.status_code}"
        return problem("malformed", gettext(MALFORMED).format(where=where), error.status_code)

    @app.exception_handler(service.HubError)
    async def refused(_request: Request, error: service.HubError) -> JSONResponse:
        return problem(error.code, error.message, error.status, error.retry_after)

    @app.exception_handler(PoolTimeout)
    async def no_connection(_request: Request, _error: PoolTimeout) -> JSONResponse:
        """Every connection of the pool busy for its whole timeout: come back later."""
        return busy()


MALFORMED = N_("Requête mal formée ({where}).")
HTTP_WORDS = {
    400: N_("corps illisible"),
    404: N_("adresse inconnue"),
    405: N_("méthode non admise"),
}


class Desks:
    """What the API's routes share: the database and the protocol this hub speaks."""

    def __init__(
        self,
        engine: Engine,
        sessions: sessionmaker[Session],
        speaks: HubProtocol,
        slots: PushSlots,
    ) -> None:
        self.engine, self.sessions, self.speaks, self.slots = engine, sessions, speaks, slots

    def check_protocol(self, protocol: int) -> None:
        if protocol < MIN_PROTOCOL:
            message = gettext(
                "Ce poste est trop ancien pour le hub\u00a0: mettez Aiguillage à jour."
            )
            raise service.HubError("too_old", message, 426)
        if protocol > self.speaks.protocol:
            # A desk that did not read GET /protocol first: what it sends may hold fields
            # this hub cannot keep. Nothing is stored; the desk keeps its records.
            message = gettext(
                "Ce poste parle le protocole {protocol}, plus récent que celui du hub"
                " ({hub})\u00a0: la coordination régionale doit mettre le hub à jour."
                " Rien n’est perdu."
            )
            raise service.HubError(
                "too_new", message.format(protocol=protocol, hub=self.speaks.protocol), 409
            )

    def authenticated(self, authorization: str = Header(default="")) -> Site:
        scheme, _, token = authorization.partition(" ")
        if scheme.lower() != "bearer" or not token:
            raise service.HubError("unknown_token", gettext("Jeton manquant."), 401)
        with self.sessions.begin() as db:
            site = service.site_of_token(db, token)  # an unknown token goes no further
            # Counted for known tokens only: the table is as large as the region's desks.
            within = service.within_rate(db, token, RATE_LIMIT)
        if not within:
            message = gettext("Trop de requêtes\u00a0: réessayez dans une minute.")
            raise service.HubError("too_many", message, 429, retry_after=60)
        return site


def protocol_routes(desks: Desks) -> APIRouter:
    router = APIRouter(prefix=API)

    @router.get("/health")
    def health() -> dict[str, object]:
        return {"status": "ok", "protocol": desks.speaks.protocol, "version": app_version()}

    @router.get("/protocol", response_model=HubProtocol)
    def protocol() -> HubProtocol:
        """What this hub speaks: a desk reads it before each sync and sends only these
        fields (unauthenticated: it says nothing of the region)."""
        speaks = desks.speaks
        return HubProtocol(
            protocol=speaks.protocol, min_protocol=MIN_PROTOCOL, fields=speaks.fields
        )

    return router


def enrol_routes(desks: Desks) -> APIRouter:
    router = APIRouter(prefix=API)

    @router.post("/enrol", response_model=EnrolResponse)
    def enrol(request: EnrolRequest, http: Request) -> EnrolResponse:
        desks.check_protocol(request.protocol)
        address = service.address_key(http.client.host) if http.client else "?"
        refused: service.HubError | None = None
        with desks.sessions.begin() as db:
            service.hold_address(db, address)
            if not service.enrol_allowed(db, address):
                message = gettext(
                    "Trop d’essais d’inscription depuis cette adresse\u00a0: réessayez dans"
                    " un quart d’heure."
                )
                raise service.HubError("too_many", message, 429)
            try:
                with db.begin_nested():  # a refusal undoes the code's work, not its count
                    site, token = service.enrol(
                        db, request.code, request.desk_id, request.desk_version
                    )
            except service.HubError as error:
                refused = error
                service.note_refused_code(db, address)
        if refused is not None:
            raise refused
        return EnrolResponse(site_id=site.id, site_name=site.name, token=token)

    return router


def push_routes(desks: Desks) -> APIRouter:
    router = APIRouter(prefix=API)

    @router.post("/push", response_model=PushResponse)
    def push(
        request: PushRequest,
        site: Site = Depends(desks.authenticated),  # noqa: B008
        authorization: str = Header(default=""),
    ) -> PushResponse:
        desks.check_protocol(request.protocol)
        with desks.slots.taken(), desks.sessions.begin() as db:
            attached = db.merge(site, load=True)
            desk = service.desk_of(db, authorization.partition(" ")[2]) or ""
            results = push_store.store_push(
                db, desks.engine, attached, request.records, desks.speaks, desk
            )
            if request.desk is not None:
                service.note_state(db, authorization.partition(" ")[2], request.desk)
        return PushResponse(results=results)

    return router
