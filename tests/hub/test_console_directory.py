"""The console's directory over real HTTP (the hub under uvicorn, on PostgreSQL): find and
read a record, the flags desks raised and their handling, a record verified, an import."""

from __future__ import annotations

import io
import json
import re
import uuid
import zipfile
from concurrent.futures import ThreadPoolExecutor
from datetime import date, datetime
from pathlib import Path

import httpx
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from core.hours import PARIS
from hub.directory import publishable
from hub.models import DirectoryChange, DirectoryEntry, FlagReview
from tests.hub.conftest import Hub
from tests.hub.console_kit import (
    DEMO,
    SERVICE,
    STRUCTURE,
    csrf_of,
    import_demo,
    log_in,
    push,
    text_of,
)


def raise_flag(hub: Hub, reason: str = "hours", comment: str | None = "Fermé le lundi") -> str:
    """A flag as a desk of « Istres » pushes it."""
    payload = {"day": "2026-11-20", "service_id": SERVICE, "structure_id": STRUCTURE,
               "reason": reason, "comment": comment}  # fmt: skip
    return push(hub, "Istres", "flag", [payload])[0]


def changes(hub: Hub) -> int:
    with Session(hub.engine) as session:
        return int(session.scalar(select(func.count()).select_from(DirectoryChange)) or 0)


def published(hub: Hub, kind: str, record_id: str) -> dict[str, object]:
    with Session(hub.engine) as session:
        entry = session.get(DirectoryEntry, (kind, record_id))
        assert entry is not None
        change = session.get(DirectoryChange, entry.seq)
        assert change is not None
        return dict(change.payload)


PAGES = [
    "/console/directory",
    "/console/directory?q=istres",
    "/console/directory/signalements",
    "/console/directory/fiche?type=service&id=x",
    "/console/directory/import",
]
FORMS = [
    "/console/directory/signalements/traiter",
    "/console/directory/fiche/verifier",
    "/console/directory/import",
]


def test_no_directory_page_or_form_without_a_session(browser: httpx.Client, hub: Hub) -> None:
    import_demo(hub)
    flag = raise_flag(hub)
    before = changes(hub)
    for path in PAGES:
        answer = browser.get(path)
        assert answer.status_code == 303 and "/console/login" in answer.headers["location"]
    for path in FORMS:
        answer = browser.post(
            path, data={"flag": flag, "type": "service", "id": SERVICE, "csrf": "x"}
        )
        assert answer.status_code == 403 and "Votre session a pris fin" in answer.text
    assert changes(hub) == before
    with Session(hub.engine) as session:
        assert session.get(FlagReview, flag) is None


def test_a_coordinator_finds_and_reads_a_record(
    signed_in: httpx.Client,
    hub: Hub,
    coordinator: str,
) -> None:
    import_demo(hub)
    raise_flag(hub)
    home = text_of(signed_in.get("/console/directory"))
    assert "Signalements des postes\u00a0: 1 à traiter" in home
    # No accents, no capitals, words in any order; a town finds its structures.
    found = text_of(signed_in.get("/console/directory", params={"q": "mission locale arles"}))
    assert "1 fiche pour «\u00a0mission locale arles\u00a0»" in found
    assert "Mission locale du Pays d’Arles" in found
    by_town = text_of(signed_in.get("/console/directory", params={"q": "ISTRES"}))
    assert "Mission locale Ouest Provence" in by_town and "France Travail Istres" in by_town
    none = text_of(signed_in.get("/console/directory", params={"q": "zzz introuvable"}))
    assert "Aucune fiche pour «\u00a0zzz introuvable\u00a0»" in none
    # The records not updated for six months, as desks show them « à vérifier ».
    stale = text_of(signed_in.get("/console/directory", params={"a_verifier": "1"}))
    assert "Parrainage vers l’emploi" in stale and "04/11/2025 à vérifier" in stale
    page = signed_in.get("/console/directory/fiche", params={"type": "service", "id": SERVICE})
    shown = text_of(page)
    assert "Accompagnement des 16-25 ans" in shown and "Mission locale Ouest Provence" in shown
    assert "Mise à jour 02/10/2026" in shown and "Vérifiée jamais depuis la console" in shown
    assert "Les horaires ont changé" in shown and "Fermé le lundi" in shown
    structure = text_of(
        signed_in.get("/console/directory/fiche", params={"type": "structure", "id": STRUCTURE})
    )
    assert "Accompagnement des 16-25 ans — 1 signalement à traiter" in structure
    unknown = signed_in.get("/console/directory/fiche", params={"type": "service", "id": "nulle"})
    assert unknown.status_code == 404 and "Fiche inconnue du hub\u00a0: nulle" in unknown.text
    odd = signed_in.get("/console/directory/fiche", params={"type": "poisson", "id": SERVICE})
    assert odd.status_code == 404 and "Type de fiche inconnu" in odd.text


def test_a_flag_is_handled_once_with_what_was_done(
    signed_in: httpx.Client,
    hub: Hub,
) -> None:
    import_demo(hub)
    flag = raise_flag(hub)
    other = raise_flag(hub, "other", "La conseillère est partie")
    page = signed_in.get("/console/directory/signalements")
    shown = text_of(page)
    assert "2 signalements" in shown and "Istres" in shown and "La conseillère est partie" in shown
    csrf = csrf_of(page)
    # Refused, and nothing recorded: no token, a note too long, an unknown flag.
    no_token = signed_in.post("/console/directory/signalements/traiter", data={"flag": flag})
    assert no_token.status_code == 403
    long = signed_in.post(
        "/console/directory/signalements/traiter",
        data={"flag": flag, "note": "x" * 1001, "csrf": csrf},
    )
    assert long.status_code == 400 and "1000 caractères au plus (1001 saisis)" in long.text
    unknown = signed_in.post(
        "/console/directory/signalements/traiter",
        data={"flag": str(uuid.uuid4()), "csrf": csrf},
    )
    assert unknown.status_code == 404 and "Signalement inconnu." in unknown.text
    with Session(hub.engine) as session:
        assert session.scalar(select(func.count()).select_from(FlagReview)) == 0
    done = signed_in.post(
        "/console/directory/signalements/traiter",
        data={"flag": flag, "note": "Horaires  corrigés dans DORA", "csrf": csrf,
              "back": "/console/directory/signalements?etat=ouverts"},
    )  # fmt: skip
    assert done.status_code == 303
    after = text_of(signed_in.get(done.headers["location"]))
    assert "Signalement marqué traité." in after
    assert "1 signalement" in after and "Fermé le lundi" not in after
    handled = text_of(signed_in.get("/console/directory/signalements?etat=traites"))
    assert "par Claire Martin\u00a0: Horaires corrigés dans DORA" in handled
    again = signed_in.post(
        "/console/directory/signalements/traiter", data={"flag": flag, "csrf": csrf}
    )
    assert again.status_code == 409 and "déjà été traité par Claire Martin" in again.text
    # A return address elsewhere is not followed.
    outside = signed_in.post(
        "/console/directory/signalements/traiter",
        data={"flag": other, "csrf": csrf, "back": "https://ailleurs.example/"},
    )
    assert outside.headers["location"].startswith("/console/directory/signalements")
    with Session(hub.engine) as session:
        review = session.get(FlagReview, flag)
        assert review is not None and review.handled_by == "Claire Martin"
        assert review.note == "Horaires corrigés dans DORA"


def test_a_verified_record_is_published_again_and_keeps_its_day(
    signed_in: httpx.Client,
    hub: Hub,
) -> None:
    import_demo(hub)
    page = signed_in.get("/console/directory/fiche", params={"type": "service", "id": SERVICE})
    before = changes(hub)
    done = signed_in.post(
        "/console/directory/fiche/verifier",
        data={"type": "service", "id": SERVICE, "csrf": csrf_of(page)},
    )
    assert done.status_code == 303
    today = datetime.now(PARIS).date()
    shown = text_of(signed_in.get(done.headers["location"]))
    assert "Fiche marquée vérifiée aujourd’hui" in shown
    assert f"Vérifiée le {today:%d/%m/%Y} par Claire Martin" in shown
    assert changes(hub) == before + 1  # one change that desks pull
    # (From midnight to 2 a.m. in Paris, the day a server on UTC still lives: never refused.)
    assert published(hub, "service", SERVICE)["date_maj"] == publishable(today).isoformat()
    # The source sends its older day again: the record stays verified.
    import_demo(hub)
    # (From midnight to 2 a.m. in Paris, the day a server on UTC still lives: never refused.)
    assert published(hub, "service", SERVICE)["date_maj"] == publishable(today).isoformat()
    assert changes(hub) == before + 1
    again = signed_in.post(
        "/console/directory/fiche/verifier",
        data={"type": "service", "id": SERVICE, "csrf": csrf_of(page)},
    )
    assert "Fiche déjà à jour" in text_of(signed_in.get(again.headers["location"]))
    missing = signed_in.post(
        "/console/directory/fiche/verifier",
        data={"type": "service", "id": "nulle-part", "csrf": csrf_of(page)},
    )
    assert missing.status_code == 404 and "plus publiée" in missing.text
    assert date.fromisoformat(str(published(hub, "structure", STRUCTURE)["date_maj"])) < today


def test_an_import_gives_its_summary_and_a_bad_file_changes_nothing(
    signed_in: httpx.Client,
    hub: Hub,
    tmp_path: Path,
) -> None:
    csrf = csrf_of(signed_in.get("/console/directory/import"))
    services = json.loads((DEMO / "services.json").read_text(encoding="utf-8"))
    services[1]["thematiques"] = ["pas-une-thematique"]
    files = [
        ("fichiers", ("structures.json", (DEMO / "structures.json").read_bytes(), "application/json")),
        ("fichiers", ("services.json", json.dumps(services).encode(), "application/json")),
    ]  # fmt: skip
    answer = signed_in.post("/console/directory/import", data={"csrf": csrf}, files=files)
    shown = text_of(answer)
    assert answer.status_code == 200 and "Import terminé" in shown
    assert "Ajoutées 86" in shown and "Refusées 1" in shown
    assert f"service {services[1]['id']}" in shown and "thematiques" in shown
    count = changes(hub)
    # A ZIP of the same folder, imported in part: nothing new, nothing retired.
    packed = io.BytesIO()
    with zipfile.ZipFile(packed, "w") as archive:
        archive.write(DEMO / "structures.json", "annuaire/structures.json")
        archive.write(DEMO / "services.json", "annuaire/services.json")
    again = signed_in.post(
        "/console/directory/import",
        data={"csrf": csrf, "partiel": "1"},
        files=[("fichiers", ("annuaire.zip", packed.getvalue(), "application/zip"))],
    )
    shown = text_of(again)
    assert "import partiel" in shown and "Ajoutées 1" in shown and "Inchangées 86" in shown
    count = changes(hub)
    # Bad files: a refusal in French, and not one change.
    bad = [
        [("fichiers", ("annuaire.csv", b"\x00\x01 pas un tableur", "text/csv"))],
        [("fichiers", ("structures.json", b"{pas du json", "application/json")),
         ("fichiers", ("services.json", b"[]", "application/json"))],
        [("fichiers", ("annuaire.zip", b"PK pas une archive", "application/zip"))],
        [("fichiers", ("photo.png", b"\x89PNG", "image/png"))],
    ]  # fmt: skip
    for upload in bad:
        refused = signed_in.post("/console/directory/import", data={"csrf": csrf}, files=upload)
        assert refused.status_code == 400, upload
        assert re.search(r"Import refusé, rien n’a changé|illisible", refused.text), upload
    empty = signed_in.post("/console/directory/import", data={"csrf": csrf})
    assert empty.status_code == 400 and "Choisissez le ou les fichiers" in empty.text
    assert changes(hub) == count


def test_an_import_over_the_api_limit_still_reaches_the_console(
    signed_in: httpx.Client,
    hub: Hub,
) -> None:
    """The API's 2 MB body limit does not apply to a directory file (50 MB)."""
    csrf = csrf_of(signed_in.get("/console/directory/import"))
    padded = b"nom;commune\r\n" + b"x" * (3 * 2**20)  # over the API's 2 MB
    answer = signed_in.post(
        "/console/directory/import",
        data={"csrf": csrf},
        files=[("fichiers", ("gros.csv", padded, "text/csv"))],
    )
    assert answer.status_code == 400 and "Import refusé, rien n’a changé" in answer.text


def test_odd_uploads_and_control_characters_get_a_french_answer(
    signed_in: httpx.Client,
    hub: Hub,
) -> None:
    import_demo(hub)
    flag = raise_flag(hub)
    csrf = csrf_of(signed_in.get("/console/directory/import"))
    before = changes(hub)
    # Capitals in the names, as Windows may write them: imported.
    capitals = [
        ("fichiers", ("Structures.JSON", (DEMO / "structures.json").read_bytes(), "application/json")),
        ("fichiers", ("SERVICES.json", (DEMO / "services.json").read_bytes(), "application/json")),
    ]  # fmt: skip
    assert "Inchangées 87" in text_of(
        signed_in.post("/console/directory/import", data={"csrf": csrf}, files=capitals)
    )
    # A deflated ZIP whose data is damaged.
    packed = io.BytesIO()
    with zipfile.ZipFile(packed, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("structures.json", "[" + '{"a": 1},' * 2000 + "{}]")
    damaged = bytearray(packed.getvalue())
    damaged[60:90] = b"\xff" * 30
    odd = [
        [("fichiers", ("annuaire.zip", bytes(damaged), "application/zip"))],
        [("fichiers", ("..", b"[]", "application/json"))],
        [("fichiers", ("x" * 300 + ".csv", b"nom;commune\r\n", "text/csv"))],
        [("fichiers", ("services.json", b"[]", "application/json")),
         ("fichiers", ("services.json", b"[]", "application/json"))],
    ]  # fmt: skip
    for upload in odd:
        answer = signed_in.post("/console/directory/import", data={"csrf": csrf}, files=upload)
        assert answer.status_code in (400, 413), upload[0][1][0][:20]
        assert re.search(r"Import refusé, rien n’a changé|illisible", answer.text)
    assert changes(hub) == before
    # A NUL byte, which PostgreSQL refuses: a page that says so, never a crash.
    for path in ("/console/directory?q=a%00b", "/console/activite?site=a%00b"):
        answer = signed_in.get(path)
        assert answer.status_code == 400 and "Caractère de contrôle refusé" in answer.text
    nul = signed_in.post(
        "/console/directory/signalements/traiter", data={"flag": flag + "\x00", "csrf": csrf}
    )
    assert nul.status_code == 400 and "Caractère de contrôle refusé" in nul.text


def test_two_coordinators_handling_one_flag_at_once(
    hub: Hub,
    coordinator: str,
) -> None:
    import_demo(hub)
    flag = raise_flag(hub)
    clients = [httpx.Client(base_url=hub.url, follow_redirects=False, timeout=30) for _ in "ab"]
    tokens = []
    for client in clients:
        log_in(client, coordinator)
        tokens.append(csrf_of(client.get("/console/directory/signalements")))
    with ThreadPoolExecutor(2) as pool:
        answers = list(
            pool.map(
                lambda pair: pair[0].post(
                    "/console/directory/signalements/traiter",
                    data={"flag": flag, "csrf": pair[1]},
                ),
                zip(clients, tokens, strict=True),
            )
        )
    assert sorted(a.status_code for a in answers) == [303, 409]
    assert "déjà été traité" in next(a.text for a in answers if a.status_code == 409)
    for client in clients:
        client.close()
