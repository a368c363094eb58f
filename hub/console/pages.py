"""The console's pages: log in and out, the sites with their desks and enrolment codes.

Every page needs a live session; every form carries the session's CSRF token (the login
form a token of its own, in a cookie and in the form). A refusal is a page that says why,
in French, and changes nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any
from urllib.parse import quote, urlencode

from fastapi import APIRouter, FastAPI, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from sqlalchemy.orm import Session, sessionmaker

from core.i18n import gettext
from core.wire import enrolment_string
from hub import service
from hub.console import (
    activity_pages,
    auth,
    campaign_pages,
    care_pages,
    directory_pages,
    list_pages,
    partner_pages,
    partner_records,
    queries,
    referral_pages,
    retention_pages,
    time_pages,
)
from hub.console.web import (
    CONTROL_REFUSED,
    COOKIE,
    EVERY_ROLE,
    HERE,
    REGION_OR_SITE,
    Console,
    ConsoleOf,
    NeedLogin,
    Refused,
    console_of,
    has_control,
    own_site,
    public_url,
    secure,
    set_cookie,
)
from hub.models import DirectoryEntry

LOGIN_COOKIE = "aiguillage_login"
HEADERS = {
    "Content-Security-Policy": (
        "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self';"
        " frame-ancestors 'none'; base-uri 'none'"
    ),
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "Cache-Control": "no-store",
}


def install_console(app: FastAPI, sessions: sessionmaker[Session]) -> None:
    """The console on ``app``: its static files, its headers and refusals, its pages."""
    console = Console(sessions)
    app.state.console = console
    app.mount("/console/static", StaticFiles(directory=str(HERE / "static")), name="static")
    app.middleware("http")(console_headers)
    app.exception_handler(NeedLogin)(need_login)
    app.exception_handler(Refused)(refused)
    console.router.get("", include_in_schema=False)(home)  # /console itself (no prefix here)
    sections = (router, directory_pages.router, activity_pages.router, list_pages.router,
                retention_pages.router, partner_pages.router, referral_pages.router,
                partner_records.router, campaign_pages.router, time_pages.router,
                care_pages.router)  # fmt: skip
    for section in sections:
        console.router.include_router(section)
    app.include_router(console.router)


async def console_headers(request: Request, call_next: Callable[[Request], Any]) -> Response:
    """A control character in the query refused; the console's security headers."""
    console_path = request.url.path.startswith("/console")
    if console_path and any(has_control(v) for v in request.query_params.values()):
        response: Response = console_of(request).page(
            request, "refused.html", 400, message=gettext(CONTROL_REFUSED), visitor=None
        )
    else:
        response = await call_next(request)
    if console_path:
        for name, value in HEADERS.items():
            response.headers.setdefault(name, value)
        if secure(request):
            response.headers.setdefault("Strict-Transport-Security", "max-age=31536000")
    return response


async def need_login(request: Request, _error: NeedLogin) -> Response:
    """A page sends to the login (and back after it); a form is refused."""
    if request.method == "GET":
        target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
        return RedirectResponse(f"/console/login?{urlencode({'next': target})}", 303)
    return console_of(request).page(
        request,
        "refused.html",
        403,
        message=gettext("Votre session a pris fin\u00a0: reconnectez-vous, puis recommencez."),
        visitor=None,
    )


async def refused(request: Request, error: Refused) -> Response:
    return console_of(request).page(
        request, "refused.html", error.status, message=error.message, visitor=None
    )


router = APIRouter()

# --- logging in and out -------------------------------------------------------------


def login_page(
    request: Request, message: str = "", status: int = 200, login: str = ""
) -> HTMLResponse:
    token = auth.new_form_token()
    response = console_of(request).page(
        request,
        "login.html",
        status,
        message=message,
        login=login,
        form_token=token,
        next=safe_next(request.query_params.get("next", "")),
        visitor=None,
    )
    set_cookie(request, response, LOGIN_COOKIE, token)
    return response


@router.get("/login", response_class=HTMLResponse)
async def login_form(request: Request) -> HTMLResponse:
    return login_page(request)


@router.post("/login")
async def login(request: Request, console: ConsoleOf) -> Response:
    form = {k: v for k, v in (await request.form()).items() if isinstance(v, str)}
    if not auth.csrf_matches(request.cookies.get(LOGIN_COOKIE, ""), form.get("form_token")):
        return login_page(request, gettext("Le formulaire a expiré\u00a0: recommencez."), 403)
    if any(has_control(value) for value in form.values()):
        return login_page(request, gettext(CONTROL_REFUSED), 400)  # PostgreSQL refuses a NUL
    name, password = form.get("login", ""), form.get("password", "")
    address = service.address_key(request.client.host) if request.client else "?"
    outcome = await auth.log_in(console.sessions, name, password, address)
    if isinstance(outcome, auth.Refusal):
        locked = outcome.reason == "locked"
        message = (
            gettext("Trop d’essais manqués\u00a0: la connexion est bloquée un quart d’heure.")
            if locked
            else gettext("Identifiant ou mot de passe incorrect.")
        )
        return login_page(request, message, 429 if locked else 401, name)
    target = safe_next(form.get("next", "")) or outcome.visitor.home
    response = RedirectResponse(target, 303)
    set_cookie(request, response, COOKIE, outcome.token)
    response.delete_cookie(LOGIN_COOKIE, path="/console")
    return response


@router.post("/logout")
async def logout(request: Request, console: ConsoleOf) -> Response:
    await console.posted(request, EVERY_ROLE)
    token = request.cookies.get(COOKIE, "")
    await console.db(lambda s: auth.log_out(s, token))
    response = RedirectResponse("/console/login", 303)
    response.delete_cookie(COOKIE, path="/console")
    return response


# --- sites --------------------------------------------------------------------------


@router.get("/", include_in_schema=False)
async def home(request: Request, console: ConsoleOf) -> Response:
    who = await console.visitor(request, EVERY_ROLE)
    return RedirectResponse(who.home, 303)


@router.get("/sites", response_class=HTMLResponse)
async def sites(request: Request, console: ConsoleOf) -> HTMLResponse:
    who = await console.visitor(request)
    lines = await console.db(queries.site_lines)
    return console.page(
        request,
        "sites.html",
        visitor=who,
        sites=lines,
        added=request.query_params.get("ajout", ""),
        message="",
        name="",
    )


def site_name_problem(name: str) -> str:
    """Why a new site's name is refused, or nothing."""
    if not name:
        return gettext("Nom du site\u00a0: à renseigner.")
    if len(name) > 200:
        problem = gettext("Nom du site\u00a0: 200 caractères au plus ({count} saisis).")
        return problem.format(count=len(name))
    return ""


@router.post("/sites")
async def add_site(request: Request, console: ConsoleOf) -> Response:
    who, form = await console.posted(request)
    name = " ".join(form.get("name", "").split())
    problem = site_name_problem(name)
    if problem:
        lines = await console.db(queries.site_lines)
        return console.page(
            request, "sites.html", 400, visitor=who, sites=lines, added="",
            message=problem, name=name,
        )  # fmt: skip
    site = await console.db(lambda s: service.add_site(s, name).id)
    return RedirectResponse(f"/console/sites/{quote(site)}?ajout=1", 303)


def site_context(session: Session, site_id: str) -> dict[str, Any]:
    site = service.site_or_error(session, site_id)
    partner = session.get(DirectoryEntry, ("structure", site.partner or ""))
    return {
        "site": {"id": site.id, "name": site.name, "last_sync_at": site.last_sync_at,
                 "desk_version": site.desk_version, "created_at": site.created_at,
                 "partner": site.partner or "",
                 "partner_title": partner.title if partner else ""},
        "desks": queries.desk_lines(session, site_id),
        "codes": queries.code_lines(session, site_id),
    }  # fmt: skip


@router.get("/sites/{site_id}", response_class=HTMLResponse)
async def site(request: Request, site_id: str, console: ConsoleOf) -> HTMLResponse:
    who = await console.visitor(request, REGION_OR_SITE)
    own_site(who, site_id)
    context = await console.db(lambda s: site_context(s, site_id))
    notice = {"1": gettext("Site créé."), "revoque": gettext("Poste révoqué."),
              "partenaire": gettext("Structure partenaire enregistrée.")}  # fmt: skip
    return console.page(
        request, "site.html", visitor=who,
        notice=notice.get(request.query_params.get("ajout", ""), ""), **context,
    )  # fmt: skip


def new_enrol_code(session: Session, site_id: str) -> tuple[str, str, datetime]:
    """The site's name, a new enrolment code and when it expires."""
    site = service.site_or_error(session, site_id)
    code, expires = service.new_enrol_code(session, site_id)
    return site.name, code, expires


@router.post("/sites/{site_id}/codes", response_class=HTMLResponse)
async def new_code(request: Request, site_id: str, console: ConsoleOf) -> HTMLResponse:
    who, _form = await console.posted(request, REGION_OR_SITE)
    own_site(who, site_id)
    site_name, code, expires = await console.db(lambda s: new_enrol_code(s, site_id))
    hub_url = public_url(request)
    enrolment = enrolment_string(hub_url, code)
    return console.page(
        request, "code.html", visitor=who, site_id=site_id, site_name=site_name,
        code=code, expires=expires, hub_url=hub_url, enrolment=enrolment,
        qr=qr_data_uri(enrolment),
    )  # fmt: skip


@router.post("/sites/{site_id}/desks/{desk_id}/revoke")
async def revoke(request: Request, site_id: str, desk_id: str, console: ConsoleOf) -> Response:
    who, _form = await console.posted(request, REGION_OR_SITE)
    own_site(who, site_id)
    revoked = await console.db(lambda s: service.revoke(s, site_id, desk_id))
    if not revoked:
        raise Refused(gettext("Ce poste n’a pas de jeton actif\u00a0: rien à révoquer."), 404)
    return RedirectResponse(f"/console/sites/{quote(site_id)}?ajout=revoque", 303)


def safe_next(target: str) -> str:
    """Only a console path: never another site (an open redirect)."""
    if target.startswith("/console/") and not target.startswith("//") and "\\" not in target:
        return target
    return ""


def qr_data_uri(text: str) -> str:
    """The QR code of ``text`` as an SVG data URI (segno)."""
    import segno

    return str(segno.make(text, error="m").svg_data_uri(scale=6, dark="#17557a", border=4))
