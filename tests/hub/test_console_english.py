"""The console in English, for a coordinator whose browser asks for it: its main pages hold
none of the console's French interface text (the catalogue's French messages), and French
stays the language of a browser that asks for French or for neither."""

from __future__ import annotations

import re
from functools import cache

import httpx
from babel.messages.pofile import read_po

from core.i18n import LOCALE_DIR
from hub.models import Site
from hub.service import now
from tests.core.test_catalogues import extracted
from tests.hub.conftest import Hub
from tests.hub.console_kit import SERVICE, STRUCTURE, csrf_of, import_demo, log_in, text_of

ENGLISH = {"Accept-Language": "en-GB,en;q=0.9,fr;q=0.5"}


@cache
def french_fragments() -> frozenset[str]:
    """The console's French words: each message of its templates and pages whose English
    differs, cut at its placeholders and tags, the pieces a reader would see whole."""
    with (LOCALE_DIR / "en" / "LC_MESSAGES" / "aiguillage.po").open("rb") as source:
        catalogue = read_po(source, locale="en")
    pieces: set[str] = set()
    for (message, context), where in extracted().items():
        entry = catalogue.get(message, context=context)
        if not where.startswith("hub") or entry is None:
            continue
        ids = message if isinstance(message, tuple) else (message,)
        given = entry.string
        strings = [str(t) for t in given] if isinstance(given, list | tuple) else [str(given)]
        for french in ids:
            if french in strings:
                continue
            plain = french.replace("&nbsp;", "\u00a0")
            for piece in re.split(r"%\(\w+\)s|\{\w+\}|<[^>]+>", plain):
                piece = piece.strip(" \u00a0:;,.()")
                # A lone lower-case word cut out of a sentence (« accueil ») is as
                # likely the directory's own French text: only whole words are sought.
                lone = " " not in piece and piece.islower() and piece != plain.strip()
                if len(piece) >= 4 and not lone and not any(piece in s for s in strings):
                    pieces.add(piece)
    return frozenset(pieces)


def french_in(page: httpx.Response) -> list[str]:
    text = text_of(page)
    return sorted(p for p in french_fragments() if re.search(rf"(?<!\w){re.escape(p)}(?!\w)", text))


def test_the_console_s_main_pages_speak_english(
    browser: httpx.Client, hub: Hub, coordinator: str
) -> None:
    import_demo(hub)
    browser.headers.update(ENGLISH)
    login = browser.get("/console/login")
    assert '<html lang="en">' in login.text and "Password" in text_of(login)
    assert french_in(login) == []
    assert log_in(browser, coordinator).status_code == 303
    sites = browser.get("/console/sites")
    added = browser.post("/console/sites", data={"name": "Site du port", "csrf": csrf_of(sites)})
    assert added.status_code == 303
    site = browser.get(added.headers["location"])
    assert "Site created." in text_of(site) and "No desk enrolled." in text_of(site)
    code = browser.post("/console/sites/site-du-port/codes", data={"csrf": csrf_of(site)})
    assert "Valid once, until" in text_of(code)
    pages = {
        "sites": browser.get("/console/sites"),
        "site": browser.get("/console/sites/site-du-port"),
        "code": code,
        "directory": browser.get("/console/directory", params={"q": "mission"}),
        "service": browser.get(
            "/console/directory/fiche", params={"type": "service", "id": SERVICE}
        ),
        "structure": browser.get(
            "/console/directory/fiche", params={"type": "structure", "id": STRUCTURE}
        ),
        "flags": browser.get("/console/directory/signalements"),
        "import": browser.get("/console/directory/import"),
        "activity": browser.get("/console/activite"),
        "refused": browser.get("/console/activite", params={"par": "inconnue"}),
        "retention": browser.get("/console/conservation"),
    }
    assert "Reception sites" in text_of(pages["sites"])
    assert "Activity of the region" in text_of(pages["activity"])
    assert "Unknown dimension" in text_of(pages["refused"])
    assert "Visits kept in detail (years)" in text_of(pages["retention"])
    left = {name: french_in(page) for name, page in pages.items()}
    assert left == {name: [] for name in pages}
    assert {name: page.status_code for name, page in pages.items()} == {
        **{name: 200 for name in pages},
        "refused": 400,
    }


def test_french_stays_for_a_french_browser_and_for_one_that_does_not_say(
    browser: httpx.Client, hub: Hub, coordinator: str
) -> None:
    from sqlalchemy.orm import Session

    with Session(hub.engine) as session, session.begin():
        session.add(Site(id="un-site", name="Un site", created_at=now()))
    assert log_in(browser, coordinator).status_code == 303
    plain = browser.get("/console/sites")
    french = browser.get("/console/sites", headers={"Accept-Language": "fr-FR,en;q=0.8"})
    for page in (plain, french):
        assert '<html lang="fr">' in page.text
        assert "Sites d’accueil" in text_of(page) and "1 site de la région" in text_of(page)
