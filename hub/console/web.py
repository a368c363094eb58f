"""What every page of the console shares: its templates, the database off the event loop,
the visitor's session, checked forms, and refusals said on a page.

Each section (``pages``, ``directory_pages``, ``activity_pages``, ``list_pages``) is an
``APIRouter`` of its own, included in :attr:`Console.router`; a route is handed the app's
:class:`Console` (:data:`ConsoleOf`) for these helpers.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Annotated, Any, TypeVar
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates
from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile

from core.hours import PARIS
from core.i18n import (
    N_,
    accepted_language,
    answer_in,
    gettext,
    language,
    ngettext,
    npgettext,
    pgettext,
)
from core.report.text import number
from core.version import app_version
from hub import service
from hub.console import auth

HERE = Path(__file__).resolve().parent
COOKIE = "aiguillage_console"
PUBLIC_URL_ENV = "AIGUILLAGE_HUB_PUBLIC_URL"
T = TypeVar("T")


class NeedLogin(Exception):
    """No live session: a page sends to the login, a form is refused."""


class Refused(Exception):
    def __init__(self, message: str, status: int = 403) -> None:
        super().__init__(message)
        self.message, self.status = message, status


def when(moment: datetime | None) -> str:
    """A hub moment (naive UTC) as Paris sees it, e.g. 24/11/2026 à 10:15."""
    if moment is None:
        return gettext("jamais")
    local = moment.replace(tzinfo=UTC).astimezone(PARIS)
    return gettext("{day} à {time}").format(day=f"{local:%d/%m/%Y}", time=f"{local:%H:%M}")


async def language_of(request: Request) -> None:
    """The console speaks the coordinator's browser's language (French or English)."""
    answer_in(accepted_language(request.headers.get("accept-language")))


def today() -> date:
    """The day it is in Paris: the region's day, whatever the server's zone."""
    return datetime.now(PARIS).date()


def thousands(value: int | float | None) -> str:
    """``12 345`` with a narrow no-break space, as French writes a count (as the report)."""
    return "" if value is None else number(value, language())


def frdate(value: date | str | None) -> str:
    """A day as ``24/11/2026`` (from a date or its ISO text); a dash when there is none."""
    if not value:
        return "—"
    if isinstance(value, str):
        try:
            return f"{date.fromisoformat(value[:10]):%d/%m/%Y}"
        except ValueError:
            return value
    return f"{value:%d/%m/%Y}"


# Who may open a page: the region's coordination only, unless a route names more roles.
REGION_ONLY = ("region",)
REGION_OR_SITE = ("region", "site")
EVERY_ROLE = ("region", "site", "partner")
NOT_YOURS = N_("Cette page n’est pas ouverte à votre compte.")


def own_site(who: auth.Visitor, site_id: str) -> None:
    """Refused unless ``who`` may act on ``site_id`` (a site's coordinator: its own)."""
    if not who.sees_site(site_id):
        raise Refused(gettext(NOT_YOURS), 403)


CONTROL_REFUSED = N_("Caractère de contrôle refusé dans la demande\u00a0: rien n’a changé.")
_CONTROL = frozenset(chr(c) for c in range(32) if chr(c) not in "\t\n\r") | {"\x7f"}


def has_control(text: str) -> bool:
    """Whether ``text`` holds a control character (a NUL, which PostgreSQL refuses…)."""
    return not _CONTROL.isdisjoint(text)


def file_name(sent: str, taken: set[str]) -> str:
    """A safe name for an uploaded file: its last part only, no dot first, at most 100
    characters (its extension kept), and not one already taken (``-2``, ``-3``…)."""
    name = Path(sent.replace("\\", "/")).name.lstrip(".")
    name = "".join(c for c in name if not has_control(c)) or "fichier"
    stem, dot, suffix = name.rpartition(".") if "." in name else (name, "", "")
    stem, suffix = stem[:80], suffix[:15]
    candidate, n = f"{stem}{dot}{suffix}", 1
    while candidate.lower() in {t.lower() for t in taken}:
        n += 1
        candidate = f"{stem}-{n}{dot}{suffix}"
    return candidate


@dataclass
class Upload:
    """The files of a form, saved in a scratch folder that ``close()`` removes."""

    folder: Path
    files: list[Path]

    def close(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)


class Console:
    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self.sessions = sessions
        self.engine: Engine = sessions.kw["bind"]
        self.templates = Jinja2Templates(directory=str(HERE / "templates"))
        self.templates.env.filters["when"] = when
        self.templates.env.filters["thousands"] = thousands
        self.templates.env.filters["frdate"] = frdate
        self.templates.env.globals["version"] = app_version()
        # The same catalogue as the core's: {% trans %} and _() in the templates.
        self.templates.env.add_extension("jinja2.ext.i18n")
        self.templates.env.policies["ext.i18n.trimmed"] = True
        self.templates.env.install_gettext_callables(  # type: ignore[attr-defined]
            gettext, ngettext, newstyle=True, pgettext=pgettext, npgettext=npgettext
        )
        self.router = APIRouter(prefix="/console", dependencies=[Depends(language_of)])

    async def db(self, fn: Callable[[Session], T]) -> T:
        """Run ``fn`` in one transaction, off the event loop; a refusal becomes a page."""

        def work() -> T:
            with self.sessions.begin() as session:
                return fn(session)

        try:
            return await run_in_threadpool(work)
        except service.HubError as error:  # said on a page, not as the API's JSON
            raise Refused(error.message, error.status) from None

    def page(
        self, request: Request, template: str, status: int = 200, **context: Any
    ) -> HTMLResponse:
        lang = accepted_language(request.headers.get("accept-language"))
        answer_in(lang)
        context.setdefault("lang", lang)
        return self.templates.TemplateResponse(request, template, context, status_code=status)

    async def visitor(self, request: Request, roles: tuple[str, ...] = REGION_ONLY) -> auth.Visitor:
        """The account of the request's session, when its role is one of ``roles``: a
        page is the region's coordination's unless its route says otherwise."""
        token = request.cookies.get(COOKIE, "")
        found = await self.db(lambda s: auth.visitor_of(s, token))
        if found is None:
            raise NeedLogin()
        if found.role not in roles:
            raise Refused(gettext(NOT_YOURS), 403)
        return found

    async def posted(
        self, request: Request, roles: tuple[str, ...] = REGION_ONLY
    ) -> tuple[auth.Visitor, dict[str, str]]:
        """The visitor and the form's text fields, once its CSRF token is checked."""
        who, form, _files = await self.posted_files(request, keep_files=False, roles=roles)
        return who, form

    async def posted_files(
        self, request: Request, *, keep_files: bool = True, roles: tuple[str, ...] = REGION_ONLY
    ) -> tuple[auth.Visitor, dict[str, str], Upload | None]:
        """The visitor, the text fields and the files of a form, once its CSRF token is
        checked; the files are saved under their own names (without any folder) in a
        scratch folder the caller closes."""
        who = await self.visitor(request, roles)
        data = await request.form()
        try:
            form = {k: v for k, v in data.items() if isinstance(v, str)}
            if not auth.csrf_matches(who.csrf, form.get("csrf")):
                raise Refused(
                    gettext(
                        "Ce formulaire a expiré ou ne vient pas de la console\u00a0: rechargez la"
                        " page et recommencez."
                    )
                )
            if any(has_control(value) for value in form.values()):
                raise Refused(gettext(CONTROL_REFUSED), 400)
            files = [v for _k, v in data.multi_items() if isinstance(v, UploadFile) and v.filename]
            if not keep_files or not files:
                return who, form, None
            folder = Path(tempfile.mkdtemp(prefix="aiguillage-console-"))
            try:
                saved: list[Path] = []
                for upload in files:
                    target = folder / file_name(str(upload.filename), {p.name for p in saved})
                    with target.open("wb") as out:
                        await run_in_threadpool(shutil.copyfileobj, upload.file, out)
                    saved.append(target)
            except OSError as error:
                shutil.rmtree(folder, ignore_errors=True)
                said = gettext("Fichier impossible à recevoir ({reason}).")
                raise Refused(said.format(reason=error.strerror), 400) from None
            return who, form, Upload(folder, saved)
        finally:
            await data.close()


def console_of(request: Request) -> Console:
    """The console of the app answering ``request`` (set by ``pages.install_console``)."""
    console: Console = request.app.state.console
    return console


ConsoleOf = Annotated[Console, Depends(console_of)]


def done(target: str, notice: str, anchor: str = "") -> RedirectResponse:
    """Back to ``target`` (303) with the notice the page shows (``?fait=…``)."""
    joined = "&" if "?" in target else "?"
    return RedirectResponse(f"{target}{joined}{urlencode({'fait': notice})}{anchor}", 303)


def public_url(request: Request) -> str:
    """The hub's address as desks reach it: ``AIGUILLAGE_HUB_PUBLIC_URL`` when set (behind
    a reverse proxy, the address the hub sees is not the one desks use), else the one the
    request came to."""
    configured = os.environ.get(PUBLIC_URL_ENV, "").strip().rstrip("/")
    return configured or str(request.base_url).rstrip("/")


def secure(request: Request) -> bool:
    """Cookies only over HTTPS once the hub is reached over HTTPS, even when the proxy in
    front of it speaks plain HTTP to it."""
    return request.url.scheme == "https" or public_url(request).startswith("https://")


def set_cookie(request: Request, response: Response, name: str, value: str) -> None:
    response.set_cookie(
        name, value, path="/console", httponly=True, samesite="strict",
        secure=secure(request),
    )  # fmt: skip
