"""The partner's page: a structure of the directory types a slip code and says that the
person came, and what followed (:mod:`hub.partners`). It comes in by the link a
coordinator gave it (no account: the link's secret is read once, kept in a cookie of this
page alone, and the address goes clean at once, for a secret in an address ends up in logs
and histories), or with a partner account of the console."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlalchemy.orm import Session

from core.i18n import N_, gettext, language
from core.outcomes import OUTCOMES, slip_code_in
from hub import partners, proposals, service
from hub.console import auth
from hub.console.auth import Visitor
from hub.console.web import (
    CONTROL_REFUSED,
    NOT_YOURS,
    ConsoleOf,
    Refused,
    done,
    has_control,
    secure,
)
from hub.console.web import COOKIE as CONSOLE_COOKIE
from hub.labels import RegionLabeller
from hub.models import DirectoryEntry

router = APIRouter()
COOKIE = "aiguillage_partenaire"
HOME = "/console/partenaire"
NO_LINK = N_(
    "Ce lien n’ouvre plus rien (il a déjà servi, il a expiré, ou un autre l’a remplacé)\u00a0:"
    " demandez-en un nouveau à la coordination régionale."
)
TOO_FAST = N_(
    "Trop de codes inconnus en une minute\u00a0: attendez une minute avant de taper le suivant."
)
NOTICES = {"presentee": N_("C’est noté\u00a0: la personne s’est présentée."),
           "suite": N_("C’est noté\u00a0: la suite est enregistrée."),
           "a-jour": N_("Merci\u00a0: vos fiches sont marquées à jour d’aujourd’hui."),
           "proposee": N_("Merci\u00a0: la coordination régionale relira votre proposition avant"
                          " qu’elle ne parte vers les postes d’accueil.")}  # fmt: skip


@router.get("/partenaire/lien/{token}")
async def open_link(request: Request, token: str, console: ConsoleOf) -> Response:
    """The link a coordinator sent: it opens the page once, with a cookie of its own."""
    cookie = await console.db(lambda s: partners.open_link(s, token))
    if cookie is None:
        raise Refused(gettext(NO_LINK), 403)
    response = RedirectResponse(HOME, 303)
    response.set_cookie(
        COOKIE, cookie, path=HOME, httponly=True, samesite="strict", secure=secure(request),
        max_age=partners.LINK_DAYS * 86400,
    )  # fmt: skip
    return response


@dataclass(frozen=True)
class Door:
    """How the partner came in: its directory id, what its look-ups are counted under,
    the key its forms carry (that only a page opened by it knows), and the account's
    session when it came with one."""

    partner: str
    pace: str
    key: str
    visitor: Visitor | None = None

    @property
    def who(self) -> str:
        """Who acts, as what it writes is signed: the account's login, or the link."""
        return self.visitor.login if self.visitor else gettext("lien du partenaire")


def _opened(session: Session, request: Request) -> Door:
    """The partner's account (a console session of role ``partner``), else its link."""
    who = auth.visitor_of(session, request.cookies.get(CONSOLE_COOKIE, ""))
    if who is not None and who.role == "partner" and who.partner:
        return Door(who.partner, f"partner account {who.coordinator_id}", who.csrf, who)
    access = partners.access_of(session, request.cookies.get(COOKIE, ""))
    if access is None:
        if who is not None:  # a coordinator's session: the page of no partner
            raise service.HubError("not_yours", gettext(NOT_YOURS), 403)
        raise service.HubError("no_link", gettext(NO_LINK), 403)
    key = service.digest("form " + access.token_hash)[:32]
    return Door(access.partner, "partner " + access.token_hash, key)


async def form_of(request: Request) -> dict[str, str]:
    """The text fields of a form of the partner's page; a control character refused."""
    form = {k: v for k, v in (await request.form()).items() if isinstance(v, str)}
    if any(has_control(value) for value in form.values()):
        raise Refused(gettext(CONTROL_REFUSED), 400)
    return form


def posted_door(session: Session, request: Request, form: dict[str, str]) -> Door:
    """How the partner came in, once its form's key is checked."""
    door = _opened(session, request)
    if not auth.csrf_matches(door.key, form.get("key")):
        expired = gettext("Ce formulaire a expiré\u00a0: rechargez la page.")
        raise service.HubError("form", expired, 403)
    return door


@router.get("/partenaire", response_class=HTMLResponse)
async def page(request: Request, console: ConsoleOf) -> HTMLResponse:
    typed = request.query_params.get("code", "").strip()[:2000]  # a scanned address, maybe

    def read(session: Session) -> dict[str, Any]:
        door = _opened(session, request)
        title = session.get(DirectoryEntry, ("structure", door.partner))
        title = title or session.get(DirectoryEntry, ("service", door.partner))
        found: list[partners.Slip] = []
        if typed:  # only codes not found count: a partner at work is never slowed
            # Counted first (the count's row stays locked until this answer is given, so
            # that look-ups sent at once take turns), given back when the code is found.
            if not service.within_rate(session, door.pace, partners.LOOKUPS_A_MINUTE):
                raise service.HubError("too_fast", gettext(TOO_FAST), 429)
            found = partners.find(session, door.partner, typed)
            if found:
                service.uncount(session, door.pace)
        labeller = RegionLabeller(session, language())
        labels = {code: labeller("theme", code) for slip in found for code in slip.themes}
        return {"partner": title.title if title else door.partner, "found": found,
                "key": door.key, "theme_labels": labels, "visitor": door.visitor,
                "records": proposals.owned(session, door.partner)}  # fmt: skip

    context = await console.db(read)
    notice = NOTICES.get(request.query_params.get("fait", ""), "")
    return console.page(
        request, "partner.html", outcomes=OUTCOMES,
        typed=slip_code_in(typed) or typed[:40],
        notice=gettext(notice) if notice else "", **context,
    )  # fmt: skip


@router.post("/partenaire/suite")
async def say(request: Request, console: ConsoleOf) -> Response:
    form = await form_of(request)

    def write(session: Session) -> None:
        door = posted_door(session, request, form)
        partners.record(session, door.partner, form.get("referral", "")[:36], form.get("said", ""))

    await console.db(write)
    said = form.get("said", "")
    code = form.get("code", "")[:20]
    return done(
        f"{HOME}?{urlencode({'code': code})}", "presentee" if said == "presentee" else "suite"
    )
