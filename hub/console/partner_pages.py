"""The partner's page: a structure of the directory, with the link a coordinator gave it,
types a slip code and says that the person came, and what followed (:mod:`hub.partners`).
No account: the link's secret is read once, kept in a cookie of this page alone, and the
address goes clean at once (a secret in an address ends up in logs and histories)."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlalchemy.orm import Session

from core.i18n import N_, gettext, language
from core.outcomes import OUTCOMES
from hub import partners, service
from hub.console.web import CONTROL_REFUSED, ConsoleOf, Refused, done, has_control, secure
from hub.labels import RegionLabeller
from hub.models import DirectoryEntry, PartnerAccess

router = APIRouter()
COOKIE = "aiguillage_partenaire"
HOME = "/console/partenaire"
NO_LINK = N_(
    "Ce lien n’ouvre plus rien (il a expiré, ou un autre l’a remplacé)\u00a0: demandez-en un"
    " nouveau à la coordination régionale."
)
TOO_FAST = N_(
    "Trop de codes essayés en une minute\u00a0: attendez une minute avant de taper le suivant."
)
NOTICES = {"presentee": N_("C’est noté\u00a0: la personne s’est présentée."),
           "suite": N_("C’est noté\u00a0: la suite est enregistrée.")}  # fmt: skip


@router.get("/partenaire/lien/{token}")
async def open_link(request: Request, token: str, console: ConsoleOf) -> Response:
    """The link a coordinator sent: its secret goes into this page's cookie."""
    found = await console.db(lambda s: partners.access_of(s, token) is not None)
    if not found:
        raise Refused(gettext(NO_LINK), 403)
    response = RedirectResponse(HOME, 303)
    response.set_cookie(
        COOKIE, token, path=HOME, httponly=True, samesite="strict", secure=secure(request),
        max_age=partners.LINK_DAYS * 86400,
    )  # fmt: skip
    return response


def _token(request: Request) -> str:
    return request.cookies.get(COOKIE, "")


def _opened(session: Session, request: Request) -> PartnerAccess:
    access = partners.access_of(session, _token(request))
    if access is None:
        raise service.HubError("no_link", gettext(NO_LINK), 403)
    return access


def _form_key(access: PartnerAccess) -> str:
    """What the page's forms carry, that only a page opened with the link knows."""
    return service.digest("form " + access.token_hash)[:32]


@router.get("/partenaire", response_class=HTMLResponse)
async def page(request: Request, console: ConsoleOf) -> HTMLResponse:
    typed = request.query_params.get("code", "").strip()[:2000]  # a scanned address, maybe

    def read(session: Session) -> dict[str, Any]:
        access = _opened(session, request)
        title = session.get(DirectoryEntry, ("structure", access.partner))
        title = title or session.get(DirectoryEntry, ("service", access.partner))
        found: list[partners.Slip] = []
        if typed:
            if not partners.within_pace(session, access):
                raise service.HubError("too_fast", gettext(TOO_FAST), 429)
            found = partners.find(session, access, typed)
        labeller = RegionLabeller(session, language())
        labels = {code: labeller("theme", code) for slip in found for code in slip.themes}
        return {"partner": title.title if title else access.partner, "found": found,
                "key": _form_key(access), "theme_labels": labels}  # fmt: skip

    context = await console.db(read)
    notice = NOTICES.get(request.query_params.get("fait", ""), "")
    return console.page(
        request, "partner.html", visitor=None, outcomes=OUTCOMES,
        typed=partners.normalised(typed) or typed[:40],
        notice=gettext(notice) if notice else "", **context,
    )  # fmt: skip


@router.post("/partenaire/suite")
async def say(request: Request, console: ConsoleOf) -> Response:
    form = {k: v for k, v in (await request.form()).items() if isinstance(v, str)}
    if any(has_control(value) for value in form.values()):
        raise Refused(gettext(CONTROL_REFUSED), 400)

    def write(session: Session) -> None:
        access = _opened(session, request)
        if form.get("key") != _form_key(access):
            expired = gettext("Ce formulaire a expiré\u00a0: rechargez la page.")
            raise service.HubError("form", expired, 403)
        partners.record(session, access, form.get("referral", "")[:36], form.get("said", ""))

    await console.db(write)
    said = form.get("said", "")
    code = form.get("code", "")[:20]
    return done(
        f"{HOME}?{urlencode({'code': code})}", "presentee" if said == "presentee" else "suite"
    )
