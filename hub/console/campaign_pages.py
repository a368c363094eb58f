"""The console's freshness campaigns (:mod:`hub.campaigns`): the region's coordination asks
the partners of a territory to confirm or update their records and sees who answered; a
partner says « Mes fiches sont à jour » from its page."""

from __future__ import annotations

from urllib.parse import quote

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response
from sqlalchemy.orm import Session

from core.i18n import gettext
from hub import campaigns
from hub.checks import today
from hub.console.partner_pages import HOME, form_of, posted_door
from hub.console.web import (
    ConsoleOf,
    Refused,
    done,
    public_url,
)

router = APIRouter()


def mail_to(courriel: str, link: str) -> str:
    """A ``mailto:`` address the coordinator's mail program opens, the link in its body."""
    subject = gettext("Vos fiches dans l’annuaire régional du SPRO")
    body = gettext(
        "Bonjour,\n\nPouvez-vous vérifier ce que les agents d’accueil du Service public régional"
        " de l’orientation lisent de vous, et nous dire s’il est à jour ou ce qui a changé\u00a0?"
        "\n\n{link}\n\nCe lien est personnel et ne s’ouvre qu’une fois.\n\nMerci."
    ).format(link=link)
    return f"mailto:{quote(courriel)}?subject={quote(subject)}&body={quote(body)}"


@router.get("/directory/campagnes", response_class=HTMLResponse)
async def campaigns_page(request: Request, console: ConsoleOf) -> HTMLResponse:
    who = await console.visitor(request)
    found = await console.db(campaigns.lines)
    return console.page(
        request, "campaigns.html", visitor=who, campaigns=found, asked=None, message="",
        territory="",
    )  # fmt: skip


@router.post("/directory/campagnes", response_class=HTMLResponse)
async def start(request: Request, console: ConsoleOf) -> HTMLResponse:
    who, form = await console.posted(request)
    territory = form.get("territoire", "").strip()[:16]
    try:
        campaign, asked = await console.db(lambda s: campaigns.start(s, territory, who.name))
    except Refused as refusal:
        found = await console.db(campaigns.lines)
        return console.page(
            request, "campaigns.html", refusal.status, visitor=who, campaigns=found, asked=None,
            message=refusal.message, territory=territory,
        )  # fmt: skip
    base = public_url(request)
    links = [(a, f"{base}/console/partenaire/lien/{a.token}") for a in asked]
    return console.page(
        request, "campaigns.html", visitor=who, campaigns=[], message="", territory="",
        asked=[(a, link, mail_to(a.courriel, link) if a.courriel else "") for a, link in links],
        campaign=campaign,
    )  # fmt: skip


@router.get("/directory/campagnes/{campaign_id}", response_class=HTMLResponse)
async def one(request: Request, campaign_id: str, console: ConsoleOf) -> HTMLResponse:
    who = await console.visitor(request)
    if not (campaign_id.isascii() and campaign_id.isdigit()) or len(campaign_id) > 9:
        raise Refused(gettext("Campagne inconnue."), 404)
    answers = await console.db(lambda s: campaigns.partners_of(s, int(campaign_id)))
    return console.page(request, "campaign.html", visitor=who, answers=answers)


@router.post("/partenaire/a-jour")
async def up_to_date(request: Request, console: ConsoleOf) -> Response:
    form = await form_of(request)

    def write(session: Session) -> None:
        door = posted_door(session, request, form)
        campaigns.confirm(session, console.engine, door.partner, door.who, today())

    await console.db(write)
    return done(HOME, "a-jour")
