"""A freshness campaign over real HTTP on PostgreSQL: the coordinator asks every partner of
the Bouches-du-Rhône to confirm or update its records and gets a link for each, with a
ready e-mail to its structure; one partner says its records are right (they are checked
today and published so dated), another proposes a change; the coordinator sees who
answered and who did not. A territory that is none is refused in words."""

from __future__ import annotations

import re

import httpx
from sqlalchemy import select
from sqlalchemy.orm import Session

from hub.checks import today
from hub.models import DirectoryEntry
from tests.hub.conftest import Hub
from tests.hub.console_kit import STRUCTURE, csrf_of, import_demo, text_of
from tests.hub.test_partner_page import opened

ARLES = "demo-spro-etm--cio-arles"


def link_of(page: httpx.Response, title: str) -> str:
    found = re.search(rf'value="([^"]+)" aria-label="Lien de {re.escape(title)}"', page.text)
    assert found is not None, title
    return found.group(1)


def key_of(page: httpx.Response) -> str:
    found = re.search(r'name="key" value="([^"]+)"', page.text)
    assert found is not None
    return found.group(1)


def test_a_campaign_asks_a_territory_s_partners_and_shows_who_answered(
    hub: Hub, signed_in: httpx.Client
) -> None:
    import_demo(hub)
    page = signed_in.get("/console/directory/campagnes")
    assert page.status_code == 200 and "Campagnes de mise à jour" in text_of(page)
    wrong = signed_in.post(
        "/console/directory/campagnes", data={"csrf": csrf_of(page), "territoire": "999"}
    )
    assert wrong.status_code == 400 and "«\u00a0999\u00a0» n’est ni un département" in text_of(
        wrong
    )
    started = signed_in.post(
        "/console/directory/campagnes", data={"csrf": csrf_of(page), "territoire": "13"}
    )
    shown = text_of(started)
    assert started.status_code == 200 and "partenaires à qui écrire" in shown
    assert "Écrire à accueil@ml-ouest-provence.example.org" in shown
    assert "mailto:accueil%40ml-ouest-provence.example.org?subject=" in started.text
    ml, arles = link_of(started, "Mission locale Ouest Provence"), link_of(started, "CIO d’Arles")

    with httpx.Client(base_url=hub.url, follow_redirects=False) as partner:
        opened(partner, ml)
        home = partner.get("/console/partenaire")
        said = partner.post("/console/partenaire/a-jour", data={"key": key_of(home)})
        assert said.status_code == 303
        assert "vos fiches sont marquées à jour" in text_of(partner.get(said.headers["location"]))
    with Session(hub.engine) as session:
        checked = session.scalars(
            select(DirectoryEntry.verified_on).where(DirectoryEntry.record_id.like(f"{STRUCTURE}%"))
        ).all()
    assert checked and set(checked) == {today()}  # the structure and its services
    with httpx.Client(base_url=hub.url, follow_redirects=False) as partner:
        opened(partner, arles)
        form = partner.get("/console/partenaire/fiche", params={"type": "structure", "id": ARLES})
        sent = partner.post(
            "/console/partenaire/fiche",
            data={"key": key_of(form), "type": "structure", "id": ARLES,
                  "horaires_accueil": "Mo-Fr 09:00-17:00"},
        )  # fmt: skip
        assert sent.status_code == 303

    listed = signed_in.get("/console/directory/campagnes")
    assert re.search(r"Bouches-du-Rhône \(13\).*?<td class=\"num\">(\d+)</td><td class=\"num\">2</td>",
                     listed.text, re.S)  # fmt: skip
    detail = signed_in.get(
        re.search(r'href="(/console/directory/campagnes/\d+)"', listed.text).group(1)  # type: ignore[union-attr]
    )
    answers = text_of(detail)
    assert "Mission locale Ouest Provence fiches confirmées à jour" in answers
    assert "CIO d’Arles une mise à jour proposée" in answers
    assert "pas encore de réponse" in answers
