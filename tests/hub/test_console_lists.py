"""The console's lists (nomenclatures) over real HTTP (the hub under uvicorn, on
PostgreSQL): the defaults shown, a code added, changed, retired and put back, a file
published with its report; bad inputs refused in French, publishing nothing."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from hub import directory
from hub.config import make_engine
from hub.models import DirectoryChange
from hub.service import HubError
from tests.hub.conftest import Hub
from tests.hub.console_kit import csrf_of

NBSP = "\u00a0"


def changes(hub: Hub) -> list[DirectoryChange]:
    """What desks would pull from the start (``GET /api/v1/changes``)."""
    with Session(hub.engine) as session:
        rows, _last = directory.changes_after(session, 0, 1000)
        return rows


def change_count(hub: Hub) -> int:
    with Session(hub.engine) as session:
        return int(session.scalar(select(func.count()).select_from(DirectoryChange)) or 0)


def row(page: httpx.Response, list_name: str, code: str) -> str:
    found = re.search(rf'<tr id="code-{list_name}-{code}">(.*?)</tr>', page.text, re.S)
    assert found is not None, f"{list_name}:{code} is not listed"
    return found.group(1)


@pytest.fixture
def lists_page(signed_in: httpx.Client) -> httpx.Response:
    """Logged in (``browser`` is the same client), on the lists page."""
    page = signed_in.get("/console/listes")
    assert page.status_code == 200
    return page


def item(page: httpx.Response, **fields: str) -> dict[str, str]:
    return {"csrf": csrf_of(page), "liste": "theme", "code": "numerique",
            "label_fr": "Numérique", "label_en": "Digital", "ordre": "", "actif": "1",
            **fields}  # fmt: skip


def test_no_page_and_no_form_without_a_session(browser: httpx.Client, hub: Hub) -> None:
    answer = browser.get("/console/listes")
    assert answer.status_code == 303
    assert answer.headers["location"] == "/console/login?next=%2Fconsole%2Flistes"
    for path in ("/console/listes", "/console/listes/etat", "/console/listes/import"):
        answer = browser.post(path, data={"liste": "theme", "code": "intrus", "csrf": "x"})
        assert answer.status_code == 403, path
        assert "Votre session a pris fin" in answer.text
    assert change_count(hub) == 0


def test_the_page_shows_every_list_with_the_desks_defaults(lists_page: httpx.Response) -> None:
    text = lists_page.text
    assert '<a href="/console/listes" aria-current="page">Listes</a>' in text
    for title in ("Canal", "Public", "Âge", "Genre", "Thème", "Réponse", "Durée"):
        assert f"{title} <small>(" in text, title
    assert text.count("<table>") == 7
    visio = row(lists_page, "channel", "visio")
    assert "Visio" in visio and "Video call" in visio
    assert "en service" in visio and "par défaut" in visio and ">Retirer<" in visio
    assert "55 ans et plus" in row(lists_page, "age", "55-plus")
    assert "jamais de sens" in text  # a code may change its label, never its meaning


def test_a_code_added_is_published_for_desks_then_changed(
    browser: httpx.Client, hub: Hub, lists_page: httpx.Response
) -> None:
    added = browser.post("/console/listes", data=item(lists_page))
    assert added.status_code == 303
    assert added.headers["location"] == "/console/listes?fait=ajoute#liste-theme"
    (change,) = changes(hub)
    assert change.kind == "nomenclature" and change.record_id == "theme:numerique"
    # No order given: after the list's last code (the desk ships 14 themes, 0 to 13).
    assert change.payload == {
        "list": "theme", "code": "numerique", "label_fr": "Numérique", "label_en": "Digital",
        "position": 14, "active": True,
    }  # fmt: skip
    page = browser.get(added.headers["location"])
    assert f"Code ajouté{NBSP}: les postes le recevront" in page.text
    line = row(page, "theme", "numerique")
    assert "Numérique" in line and "région, publié le " in line and "par défaut" not in line
    # « Modifier » fills the form with the code as it is; a new label is a change.
    form = browser.get("/console/listes?liste=theme&code=numerique")
    assert "Modifier le code numerique" in form.text and 'value="Numérique"' in form.text
    changed = browser.post(
        "/console/listes", data=item(page, label_fr="Numérique  et   outils", ordre="2")
    )
    assert changed.headers["location"] == "/console/listes?fait=modifie#liste-theme"
    assert changes(hub)[-1].payload["label_fr"] == "Numérique et outils"
    assert changes(hub)[-1].payload["position"] == 2
    again = browser.post("/console/listes", data=item(page, label_fr="Numérique et outils"))
    assert again.headers["location"] == "/console/listes?fait=inchange#liste-theme"
    assert change_count(hub) == 2  # the same item again publishes nothing


def test_a_retired_default_stays_listed_and_readable_then_comes_back(
    browser: httpx.Client, hub: Hub, lists_page: httpx.Response
) -> None:
    token = csrf_of(lists_page)
    retired = browser.post(
        "/console/listes/etat",
        data={"csrf": token, "liste": "channel", "code": "visio", "actif": "0"},
    )
    assert retired.status_code == 303
    assert retired.headers["location"] == "/console/listes?fait=retire#liste-channel"
    (change,) = changes(hub)
    # Published as a region item, with the desk's labels and place: desks stop offering
    # it, and their old records still read « Visio ».
    assert change.record_id == "channel:visio"
    assert change.payload == {
        "list": "channel", "code": "visio", "label_fr": "Visio", "label_en": "Video call",
        "position": 3, "active": False,
    }  # fmt: skip
    page = browser.get(retired.headers["location"])
    assert "Code retiré" in page.text
    line = row(page, "channel", "visio")
    assert "<strong>retiré</strong>" in line and "Visio" in line and 'class="hidden"' in line
    assert "remplace le code par défaut" in line and "Remettre en service" in line
    back = browser.post(
        "/console/listes/etat",
        data={"csrf": token, "liste": "channel", "code": "visio", "actif": "1"},
    )
    assert back.headers["location"] == "/console/listes?fait=remis#liste-channel"
    assert changes(hub)[-1].payload["active"] is True
    assert "en service" in row(browser.get("/console/listes"), "channel", "visio")


BAD_ITEMS: list[tuple[dict[str, str], int, str]] = [
    (
        {"code": "Mauvais Code"},
        400,
        f"Code «{NBSP}Mauvais Code{NBSP}» refusé{NBSP}: lettres minuscules",
    ),
    ({"code": ""}, 400, f"Code{NBSP}: à renseigner."),
    ({"label_fr": "  "}, 400, f"Libellé français{NBSP}: à renseigner."),
    ({"label_en": "x" * 201}, 400, f"Libellé anglais{NBSP}: 200 caractères au plus (201 saisis)."),
    ({"liste": "pays"}, 400, f"Liste inconnue{NBSP}: «{NBSP}pays{NBSP}»."),
    ({"ordre": "1000"}, 400, f"Ordre{NBSP}: un nombre entier de 0 à 999."),
    ({"ordre": "deux"}, 400, f"Ordre{NBSP}: un nombre entier de 0 à 999."),
    ({"ordre": "²"}, 400, f"Ordre{NBSP}: un nombre entier de 0 à 999."),
]


def test_bad_items_are_refused_in_french_and_nothing_is_published(
    browser: httpx.Client, hub: Hub, lists_page: httpx.Response
) -> None:
    for fields, status, message in BAD_ITEMS:
        answer = browser.post("/console/listes", data=item(lists_page, **fields))
        assert answer.status_code == status, fields
        assert f"Rien n’a été publié{NBSP}: {message}" in answer.text, fields
        assert "<h1>Listes de la région</h1>" in answer.text  # the page again, the form kept
    kept = browser.post("/console/listes", data=item(lists_page, code="Mauvais Code"))
    assert 'value="Mauvais Code"' in kept.text and 'value="Numérique"' in kept.text
    unknown = browser.post(
        "/console/listes/etat",
        data={"csrf": csrf_of(lists_page), "liste": "channel", "code": "pigeon", "actif": "0"},
    )
    assert unknown.status_code == 404
    assert f"Code inconnu dans la liste Canal{NBSP}: «{NBSP}pigeon{NBSP}»." in unknown.text
    forged = browser.post("/console/listes", data={**item(lists_page), "csrf": "devine"})
    assert forged.status_code == 403 and "Ce formulaire a expiré" in forged.text
    no_token = item(lists_page)
    del no_token["csrf"]
    assert browser.post("/console/listes/etat", data=no_token).status_code == 403
    assert change_count(hub) == 0


def upload(
    browser: httpx.Client, page: httpx.Response, content: bytes, name: str = "listes.json"
) -> httpx.Response:
    return browser.post(
        "/console/listes/import",
        data={"csrf": csrf_of(page)},
        files={"fichier": (name, content, "application/json")},
    )


def test_a_file_of_lists_is_published_with_its_report(
    browser: httpx.Client, hub: Hub, lists_page: httpx.Response
) -> None:
    items: list[dict[str, Any]] = [
        {"list": "theme", "code": "numerique", "label_fr": "Numérique", "label_en": "Digital",
         "position": 20},
        {"list": "channel", "code": "visio", "label_fr": "Visio", "label_en": "Video call",
         "active": False},
        {"list": "theme", "code": "Mauvais Code", "label_fr": "Mauvais", "label_en": "Bad"},
        {"list": "age", "code": "vieux", "label_fr": "x" * 201, "label_en": "Old"},
    ]  # fmt: skip
    answer = upload(browser, lists_page, json.dumps(items).encode())
    assert answer.status_code == 200
    report = re.search(r'<div role="status">(.*?)</div>', answer.text, re.S)
    assert report is not None
    assert "<dt>Ajoutés</dt><dd>2</dd>" in report.group(1)
    assert "<dt>Refusés</dt><dd>2</dd>" in report.group(1)
    assert f"élément 3 (theme:Mauvais Code){NBSP}: Code «{NBSP}Mauvais Code" in answer.text
    assert f"élément 4 (age:vieux){NBSP}: Libellé français{NBSP}: 200 caractères" in answer.text
    assert {c.record_id for c in changes(hub)} == {"theme:numerique", "channel:visio"}
    assert "<strong>retiré</strong>" in row(answer, "channel", "visio")
    assert "Numérique" in row(answer, "theme", "numerique")
    again = upload(browser, lists_page, json.dumps(items[:2]).encode())
    assert "<dt>Inchangés</dt><dd>2</dd>" in again.text
    assert change_count(hub) == 2


def test_a_bad_file_is_refused_and_nothing_is_published(
    browser: httpx.Client, hub: Hub, lists_page: httpx.Response
) -> None:
    broken = upload(browser, lists_page, b'[{"list": "theme",')
    assert broken.status_code == 400
    assert f"Fichier refusé, rien n’a été publié{NBSP}: listes.json{NBSP}: JSON invalide" in (
        broken.text
    )
    not_a_list = upload(browser, lists_page, b'{"list": "theme"}')
    assert not_a_list.status_code == 400 and "une liste d’éléments attendue" in not_a_list.text
    missing = browser.post("/console/listes/import", data={"csrf": csrf_of(lists_page)})
    assert missing.status_code == 400
    assert "Choisissez un fichier JSON des listes, un seul." in missing.text
    forged = browser.post(
        "/console/listes/import",
        data={"csrf": "devine"},
        files={"fichier": ("listes.json", b"[]", "application/json")},
    )
    assert forged.status_code == 403 and "Ce formulaire a expiré" in forged.text
    assert change_count(hub) == 0


@pytest.fixture
def hub_sessions(hub_url_db: str) -> Iterator[sessionmaker[Session]]:
    engine = make_engine(hub_url_db)
    try:
        yield sessionmaker(engine)
    finally:
        engine.dispose()


def test_publish_lists_refuses_a_code_desks_could_not_push_back(
    hub_sessions: sessionmaker[Session], tmp_path: Path
) -> None:
    path = tmp_path / "listes.json"
    good = {"list": "theme", "code": "numerique", "label_fr": " Numérique ", "label_en": "Digital"}
    path.write_text(
        json.dumps([
            good,
            {**good, "code": "Numérique"},
            {**good, "code": "-tiret"},
            {**good, "code": "a" * 65},
            {**good, "code": "long", "label_en": "x" * 201},
            {**good, "code": "ordre", "position": -1},
            {**good, "code": "etat", "active": "false"},
            "pas un objet",
        ]),
        "utf-8",
    )  # fmt: skip
    engine = hub_sessions.kw["bind"]
    with hub_sessions.begin() as session:
        report = directory.publish_lists(session, engine, path)
    assert report.added == 1 and len(report.refused) == 7, report.refused
    assert report.refused[0].startswith(f"élément 2 (theme:Numérique){NBSP}: Code «")
    assert [line.split(NBSP)[0] for line in report.refused] == [
        "élément 2 (theme:Numérique)", "élément 3 (theme:-tiret)", f"élément 4 (theme:{'a' * 65})",
        "élément 5 (theme:long)", "élément 6 (theme:ordre)", "élément 7 (theme:etat)",
        "élément 8",
    ]  # fmt: skip
    with hub_sessions() as session:
        (change,) = session.scalars(select(DirectoryChange))
    assert change.payload["label_fr"] == "Numérique" and change.payload["position"] == 0


def test_list_item_is_the_one_check() -> None:
    payload = directory.list_item("age", " 16-25 ", "16-25  ans", "16-25", "4", False)
    assert payload == {
        "list": "age", "code": "16-25", "label_fr": "16-25 ans", "label_en": "16-25",
        "position": 4, "active": False,
    }  # fmt: skip
    for args in [
        ("age", "moins_16", "A", "B", 0, True),
        ("age", "ok", "A", None, 0, True),
        ("age", "ok", "A", "B", True, True),
        ("age", "ok", "A", "B", 3.5, True),
        ("age", "ok", "A", "B", 0, 1),
        ("ages", "ok", "A", "B", 0, True),
    ]:
        with pytest.raises(HubError) as caught:
            directory.list_item(*args)
        assert caught.value.code == "malformed" and caught.value.status == 400, args
