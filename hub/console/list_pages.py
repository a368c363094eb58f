"""The console's lists (nomenclatures): every list as desks have it, a code added or
changed, retired or put back into service, and a file of the region's lists published
with its report. A refusal shows the page again with why, and publishes nothing."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response
from sqlalchemy.orm import Session

from core.i18n import N_, gettext
from hub import directory, list_items, lists
from hub.console import auth
from hub.console.web import Console, ConsoleOf, Refused, done

HERE = "/console/listes"
NOTICES = {
    "ajoute": N_("Code ajouté\u00a0: les postes le recevront à leur prochaine synchro."),
    "modifie": N_("Code modifié\u00a0: les postes le recevront à leur prochaine synchro."),
    "inchange": N_("Rien à publier\u00a0: ce code était déjà ainsi."),
    "retire": N_(
        "Code retiré\u00a0: les postes ne le proposeront plus, mais les fiches déjà"
        " saisies gardent son libellé."
    ),
    "remis": N_(
        "Code remis en service\u00a0: les postes le proposeront de nouveau après leur"
        " prochaine synchro."
    ),
}
EMPTY_FORM = {"liste": "", "code": "", "label_fr": "", "label_en": "", "ordre": "", "actif": "1"}


def unpublished() -> str:
    return gettext("Rien n’a été publié\u00a0: {reason}")


def _done(notice: str, list_name: str) -> Response:
    return done(HERE, notice, f"#liste-{list_name}" if list_name in lists.TITLES else "")


def _outcome(report: directory.Published) -> str:
    return "ajoute" if report.added else "modifie" if report.changed else "inchange"


async def show(
    request: Request, console: Console, who: auth.Visitor, status: int = 200, **context: Any
) -> HTMLResponse:
    """The page, with the lists as they are now (after a refusal, nothing changed)."""
    shown = await console.db(list_items.region_lists)
    context["form"] = {**EMPTY_FORM, **context.get("form", {})}
    defaults = {"notice": "", "message": "", "form_message": "", "file_message": "", "report": None}
    return console.page(
        request, "lists.html", status, visitor=who, lists=shown, titles=lists.TITLES,
        **{**defaults, **context},
    )  # fmt: skip


def filled_form(session: Session, name: str, code: str) -> dict[str, str]:
    """The form filled with a code as it is (a row's edit link); empty if none."""
    item = list_items.find(session, name, code)
    if item is None:
        return {}
    return {
        "liste": name, "code": code, "label_fr": item.label_fr, "label_en": item.label_en,
        "ordre": str(item.position), "actif": "1" if item.active else "",
    }  # fmt: skip


router = APIRouter()


@router.get("/listes", response_class=HTMLResponse)
async def list_page(request: Request, console: ConsoleOf) -> HTMLResponse:
    who = await console.visitor(request)
    query = request.query_params
    form: dict[str, str] = {}
    name, code = query.get("liste", ""), query.get("code", "")
    if name and code:
        form = await console.db(lambda s: filled_form(s, name, code))
    return await show(
        request, console, who, form=form, editing=bool(form),
        notice=gettext(NOTICES.get(query.get("fait", ""), "")),
    )  # fmt: skip


@router.post("/listes", response_class=HTMLResponse)
async def publish_one(request: Request, console: ConsoleOf) -> Response:
    who, form = await console.posted(request)
    name, active = form.get("liste", ""), form.get("actif") == "1"
    engine = console.engine

    def publish(session: Session) -> directory.Published:
        return lists.publish_item(
            session, engine, name, form.get("code", ""), form.get("label_fr", ""),
            form.get("label_en", ""), form.get("ordre", ""), active,
        )  # fmt: skip

    try:
        report = await console.db(publish)
    except Refused as refusal:
        kept = {key: form.get(key, "")[:300] for key in EMPTY_FORM}
        kept["actif"] = "1" if active else ""
        return await show(
            request, console, who, refusal.status, form=kept, editing=False,
            form_message=unpublished().format(reason=refusal.message),
        )  # fmt: skip
    return _done(_outcome(report), name)


@router.post("/listes/etat", response_class=HTMLResponse)
async def set_state(request: Request, console: ConsoleOf) -> Response:
    who, form = await console.posted(request)
    name, code, active = form.get("liste", ""), form.get("code", ""), form.get("actif") == "1"
    engine = console.engine
    try:
        await console.db(lambda s: lists.set_active(s, engine, name, code, active))
    except Refused as refusal:
        return await show(
            request, console, who, refusal.status, editing=False,
            message=unpublished().format(reason=refusal.message),
        )  # fmt: skip
    return _done("remis" if active else "retire", name)


@router.post("/listes/import", response_class=HTMLResponse)
async def publish_file(request: Request, console: ConsoleOf) -> HTMLResponse:
    who, _form, upload = await console.posted_files(request)
    if upload is None or len(upload.files) != 1:
        if upload is not None:
            upload.close()
        return await show(
            request, console, who, 400, editing=False,
            file_message=gettext("Choisissez un fichier JSON des listes, un seul."),
        )  # fmt: skip
    engine, path = console.engine, upload.files[0]
    try:
        report = await console.db(lambda s: directory.publish_lists(s, engine, path))
    except Refused as refusal:
        return await show(
            request, console, who, refusal.status, editing=False,
            file_message=gettext("Fichier refusé, rien n’a été publié\u00a0: {reason}").format(
                reason=refusal.message
            ),
        )  # fmt: skip
    finally:
        upload.close()
    return await show(request, console, who, editing=False, report=report, file_name=path.name)
