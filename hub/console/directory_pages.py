"""The console's directory: search and read a record, the flags desks raised and their
handling, a record marked verified, and a directory file imported with its summary."""

from __future__ import annotations

import zipfile
import zlib
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response
from sqlalchemy.orm import Session
from starlette.concurrency import run_in_threadpool

from core.i18n import N_, gettext, language
from hub import directory, notices, partners, proposals, referents, review, stops
from hub.console.auth import Visitor
from hub.console.web import (
    Console,
    ConsoleOf,
    Refused,
    Upload,
    done,
    file_name,
    public_url,
    today,
)
from hub.service import HubError

MAX_FILES = 50
NOTICES = {
    "traite": N_("Signalement marqué traité."),
    "verifie": N_(
        "Fiche marquée vérifiée aujourd’hui\u00a0: les postes la recevront à leur"
        " prochaine synchro."
    ),
    "deja": N_("Fiche déjà à jour\u00a0: elle était vérifiée aujourd’hui."),
    "lien-retire": N_("Lien retiré\u00a0: il n’ouvre plus la page du partenaire."),
    "information": N_(
        "Information publiée\u00a0: les postes la recevront à leur prochaine synchro."
    ),
    "information-retiree": N_("Information retirée des postes à leur prochaine synchro."),
    "arrets": N_("Arrêts publiés\u00a0: les postes les recevront à leur prochaine synchro."),
    "arret-retire": N_("Arrêt retiré des postes à leur prochaine synchro."),
    "referent": N_("Référent publié\u00a0: les postes le recevront à leur prochaine synchro."),
    "referent-retire": N_("Référent retiré des postes à leur prochaine synchro."),
}


# What a record's page shows, in this order: (field, heading).
FIELDS = {
    "structure": [
        ("description", N_("Description")), ("adresse", N_("Adresse")),
        ("code_postal", N_("Code postal")), ("commune", N_("Commune")),
        ("telephone", N_("Téléphone")), ("courriel", N_("Courriel")),
        ("site_web", N_("Site web")), ("horaires_accueil", N_("Horaires")),
        ("reseaux_porteurs", N_("Réseaux")), ("siret", N_("SIRET")),
    ],
    "service": [
        ("description", N_("Description")), ("type", N_("Type")),
        ("thematiques", N_("Thématiques")), ("publics", N_("Publics")), ("frais", N_("Frais")),
        ("conditions_acces", N_("Conditions d’accès")), ("modes_accueil", N_("Modes d’accueil")),
        ("zone_eligibilite", N_("Territoire servi")),
        ("modes_mobilisation", N_("Pour le mobiliser")), ("lien_mobilisation", N_("Lien")),
        ("horaires_accueil", N_("Horaires")), ("telephone", N_("Téléphone")),
        ("courriel", N_("Courriel")),
    ],
}  # fmt: skip


def kinds() -> dict[str, str]:
    """A record's kind as the page names it."""
    return {kind: gettext(name) for kind, name in review.KINDS.items()}


def record_fields(view: review.RecordView) -> list[tuple[str, str]]:
    """The record's filled fields as (heading, text); lists joined with commas."""
    shown = []
    for key, heading in FIELDS[view.kind]:
        value = view.payload.get(key)
        if isinstance(value, list):
            value = ", ".join(str(v) for v in value)
        if value not in (None, ""):
            shown.append((gettext(heading), str(value)))
    return shown


def record_url(kind: str, record_id: str) -> str:
    return "/console/directory/fiche?" + urlencode({"type": kind, "id": record_id})


def _safe_back(target: str) -> str:
    if target.startswith("/console/directory") and "//" not in target and "\\" not in target:
        return target
    return "/console/directory/signalements"


def import_path(upload: Upload) -> Path:
    """What the directory reader is given for the uploaded files: a spreadsheet or a ZIP
    alone as itself (a ZIP unpacked first), several files as their folder."""
    files = upload.files
    if len(files) > MAX_FILES:
        raise Refused(
            gettext("{limit} fichiers au plus par import ({count} envoyés).").format(
                limit=MAX_FILES, count=len(files)
            ),
            400,
        )
    if len(files) == 1 and files[0].suffix.lower() == ".zip":
        return _unzip(files[0], upload.folder / "contenu")
    if len(files) == 1 and files[0].suffix.lower() == ".csv":
        named = files[0].name.lower()
        if named not in {"structures.csv", "services.csv", "organizations.csv"}:
            return files[0]
    return upload.folder


def _unzip(archive: Path, target: Path) -> Path:
    """The files of a ZIP, flat (folders inside it are ignored), refused when it holds
    more than the import allows once unpacked."""
    try:
        with zipfile.ZipFile(archive) as zipped:
            members = [m for m in zipped.infolist() if not m.is_dir()]
            if len(members) > MAX_FILES:
                raise Refused(
                    gettext("{name}\u00a0: plus de {limit} fichiers.").format(
                        name=archive.name, limit=MAX_FILES
                    ),
                    400,
                )
            if sum(m.file_size for m in members) > directory.MAX_FILE:
                raise Refused(
                    gettext("{name}\u00a0: trop volumineux une fois décompressé.").format(
                        name=archive.name
                    ),
                    413,
                )
            target.mkdir()
            taken: set[str] = set()
            for member in members:
                name = file_name(member.filename, taken)
                if Path(member.filename.replace("\\", "/")).name.startswith("."):
                    continue  # a hidden file of the archiver (.DS_Store…)
                (target / name).write_bytes(zipped.read(member))
                taken.add(name)
    except (zipfile.BadZipFile, OSError, RuntimeError, NotImplementedError, EOFError,
            zlib.error) as error:  # fmt: skip
        raise Refused(
            gettext("{name}\u00a0: archive ZIP illisible ({error}).").format(
                name=archive.name, error=error
            ),
            400,
        ) from None
    return target


router = APIRouter()


@router.get("/directory", response_class=HTMLResponse)
async def search(request: Request, console: ConsoleOf) -> HTMLResponse:
    who = await console.visitor(request)
    text = request.query_params.get("q", "").strip()[:200]
    only_stale = request.query_params.get("a_verifier") == "1"
    stale = review.stale_before(today())

    def read(session: Session) -> tuple[list[review.EntryLine], int, int, int]:
        found: tuple[list[review.EntryLine], int] = ([], 0)
        if text or only_stale:
            found = review.search(session, text, stale=stale if only_stale else None)
        return *found, review.count_open_flags(session), proposals.count_waiting(session)

    lines, total, open_flags, waiting = await console.db(read)
    return console.page(
        request, "directory.html", visitor=who, q=text, lines=lines, total=total,
        open_flags=open_flags, waiting=waiting, kinds=kinds(), record_url=record_url,
        only_stale=only_stale, stale=stale.isoformat(),
    )  # fmt: skip


# --- the flags desks raised ---------------------------------------------------------


@router.get("/directory/signalements", response_class=HTMLResponse)
async def flags(request: Request, console: ConsoleOf) -> HTMLResponse:
    who = await console.visitor(request)
    state = request.query_params.get("etat", "ouverts")
    if state not in review.FLAG_STATES:
        state = "ouverts"
    lines = await console.db(lambda s: review.flag_lines(s, state, limit=review.FLAG_PAGE))
    here = "/console/directory/signalements?" + urlencode({"etat": state})
    return console.page(
        request, "flags.html", visitor=who, flags=lines, state=state, here=here,
        limit=review.FLAG_PAGE,
        notice=gettext(NOTICES.get(request.query_params.get("fait", ""), "")),
        record_url=record_url,
    )  # fmt: skip


@router.post("/directory/signalements/traiter")
async def handle(request: Request, console: ConsoleOf) -> Response:
    who, form = await console.posted(request)
    flag_id, note = form.get("flag", ""), form.get("note", "")
    await console.db(lambda s: review.handle_flag(s, flag_id, who.name, note))
    return done(_safe_back(form.get("back", "")), "traite")


# --- a record -----------------------------------------------------------------------


@router.get("/directory/fiche", response_class=HTMLResponse)
async def read_record(request: Request, console: ConsoleOf) -> HTMLResponse:
    who = await console.visitor(request)
    kind, record_id = request.query_params.get("type", ""), request.query_params.get("id", "")
    return await show_record(request, console, who, kind, record_id)


async def show_record(
    request: Request, console: Console, who: Visitor, kind: str, record_id: str,
    status: int = 200, message: str = "", typed: dict[str, str] | None = None,
    stop_message: str = "", referent_message: str = "",
) -> HTMLResponse:  # fmt: skip
    """A record's page; ``message`` says why what was typed in its form was refused."""
    day, lang = today(), language()

    def read(s: Session) -> tuple[review.RecordView, Any, list[notices.Line], list[Any], Any]:
        view = review.record(s, kind, record_id)
        told = notices.for_record(s, kind, record_id, day, lang)
        tour = stops.for_service(s, record_id, day, lang) if kind == "service" else []
        referent = referents.of_structure(s, record_id) if kind == "structure" else None
        return view, partners.live_link(s, record_id), told, tour, referent

    view, link, lines, tour, referent = await console.db(read)
    return console.page(
        request, "record.html", status, visitor=who, view=view, kinds=kinds(),
        fields=record_fields(view), link=link, here=record_url(kind, record_id),
        record_url=record_url, time_notices=lines, message=message, typed=typed or {},
        stops=tour, stop_message=stop_message, referent=referent,
        referent_message=referent_message,
        notice=gettext(NOTICES.get(request.query_params.get("fait", ""), "")),
    )  # fmt: skip


@router.post("/directory/fiche/verifier")
async def verify(request: Request, console: ConsoleOf) -> Response:
    who, form = await console.posted(request)
    kind, record_id = form.get("type", ""), form.get("id", "")
    engine = console.engine
    report = await console.db(
        lambda s: review.verify(s, engine, kind, record_id, who.name, today())
    )
    return done(record_url(kind, record_id), "verifie" if report.changed else "deja")


@router.post("/directory/fiche/lien", response_class=HTMLResponse)
async def give_link(request: Request, console: ConsoleOf) -> HTMLResponse:
    """A new link for the partner (its earlier one ends), shown once to be sent."""
    who, form = await console.posted(request)
    kind, record_id = form.get("type", ""), form.get("id", "")

    def give(session: Session) -> tuple[review.RecordView, str]:
        view = review.record(session, kind, record_id)  # refused when unknown
        return view, partners.give_link(session, record_id, who.name)

    view, token = await console.db(give)
    return console.page(
        request, "partner_link.html", visitor=who, view=view, kinds=kinds(),
        link=f"{public_url(request)}/console/partenaire/lien/{token}",
        here=record_url(kind, record_id), days=partners.LINK_DAYS,
    )  # fmt: skip


@router.post("/directory/fiche/lien/retirer")
async def end_link(request: Request, console: ConsoleOf) -> Response:
    _who, form = await console.posted(request)
    kind, record_id = form.get("type", ""), form.get("id", "")
    await console.db(lambda s: partners.end_links(s, record_id))
    return done(record_url(kind, record_id), "lien-retire")


# --- a directory file imported ------------------------------------------------------


@router.get("/directory/import", response_class=HTMLResponse)
async def import_form(request: Request, console: ConsoleOf) -> HTMLResponse:
    who = await console.visitor(request)
    return console.page(request, "import.html", visitor=who, report=None, message="")


def import_upload(console: Console, upload: Upload, full: bool) -> directory.Published:
    """The uploaded files imported in one transaction (run off the event loop)."""
    path = import_path(upload)
    with (
        directory.as_datainclusion(path) as (folder, refused),
        console.sessions.begin() as session,
    ):
        return directory.import_directory(
            session, console.engine, folder, full=full, refused=refused
        )


@router.post("/directory/import", response_class=HTMLResponse)
async def import_file(request: Request, console: ConsoleOf) -> HTMLResponse:
    who, form, upload = await console.posted_files(request)
    if upload is None:
        return console.page(
            request, "import.html", 400, visitor=who, report=None,
            message=gettext("Choisissez le ou les fichiers à importer."),
        )  # fmt: skip
    full = form.get("partiel") != "1"
    try:
        report = await run_in_threadpool(import_upload, console, upload, full)
    except HubError as error:
        return console.page(
            request, "import.html", 400, visitor=who, report=None,
            message=gettext("Import refusé, rien n’a changé\u00a0: {reason}").format(
                reason=error.message
            ),
        )  # fmt: skip
    finally:
        upload.close()
    names = ", ".join(p.name for p in upload.files)
    return console.page(
        request, "import.html", visitor=who, report=report, message="", names=names,
        full=full,
    )  # fmt: skip
