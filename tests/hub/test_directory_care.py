"""The coordinator steers the directory's quality, over real HTTP on PostgreSQL: a real
published directory (Chicago's ILAO, Open Referral HSDS, kept in ``tests/data``) scored by
data·inclusion's own ``score_qualite``, the records most in need of care first, and the
partners with records « à vérifier »; a structure's SPRO referent reaches an enrolled
desk, shows in its record, and is never printed on a slip nor shown to the partner."""

from __future__ import annotations

import io
import re
from datetime import date
from pathlib import Path

import httpx
import pytest
from pypdf import PdfReader
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.desk import Desk
from app.referrals.slip import Site, render_slip
from app.sync import run
from db.models import Structure
from hub import directory, quality
from hub.models import DirectoryChange, DirectoryEntry
from tests.hub.conftest import Hub
from tests.hub.console_kit import STRUCTURE, csrf_of, import_demo, text_of
from tests.hub.test_partner_page import link_for, opened
from tests.hub.test_sync import enrolled

ILAO = Path(__file__).parents[1] / "data" / "hsds-1-ilao"
RECORD = f"/console/directory/fiche?type=structure&id={STRUCTURE}"
CLAIRE = {"nom": "Claire Rouvier", "telephone": "04 42 11 22 33",
          "courriel": "c.rouvier@ml-ouest-provence.example.org"}  # fmt: skip


@pytest.fixture(autouse=True)
def no_keyring(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AIGUILLAGE_NO_KEYRING", "1")


def test_a_real_directory_s_services_are_listed_by_their_quality_score(
    hub: Hub, signed_in: httpx.Client
) -> None:
    with (
        directory.as_datainclusion(ILAO) as (folder, refused),
        Session(hub.engine) as session,
        session.begin(),
    ):
        directory.import_directory(session, hub.engine, folder, refused=refused)
    with Session(hub.engine) as session:
        rows = session.execute(
            select(DirectoryEntry.title, DirectoryEntry.quality, DirectoryChange.payload)
            .join(DirectoryChange, DirectoryChange.seq == DirectoryEntry.seq)
            .where(DirectoryEntry.kind == "service")
        ).all()
    assert len(rows) > 50
    # Kept at publishing as the schema scores the record.
    assert all(kept == quality.score(payload)[0] for _t, kept, payload in rows)
    assert len({kept for _t, kept, _p in rows}) > 1  # real records differ
    page = signed_in.get("/console/directory/qualite")
    assert page.status_code == 200
    shown = re.findall(r'<td class="num">([0-9]+,[0-9])\u202f%</td>', page.text)
    values = [float(v.replace(",", ".")) for v in shown]
    assert values and values == sorted(values)  # the neediest first
    assert values[0] == round(min(kept for _t, kept, _p in rows if kept is not None) * 100, 1)
    words = text_of(page)
    assert "description de 200 à 2\u202f000 caractères" in words or "mise à jour récente" in words
    assert "Fiches «\u00a0à vérifier\u00a0» par partenaire" in words


def post_referent(client: httpx.Client, **typed: str) -> httpx.Response:
    page = client.get(RECORD)
    data = {"csrf": csrf_of(page), "id": STRUCTURE, **typed}
    return client.post("/console/directory/fiche/referent", data=data)


def referents(hub: Hub) -> int:
    with Session(hub.engine) as session:
        found = select(func.count()).where(DirectoryEntry.kind == "referent")
        return int(session.scalar(found) or 0)


def test_a_structure_s_referent_reaches_the_desk_but_never_the_slip_nor_the_partner(
    hub: Hub, desk: Desk, signed_in: httpx.Client
) -> None:
    import_demo(hub)
    enrolled(desk, hub)
    run.sync_once(desk)
    for typed, reason in (
        ({**CLAIRE, "telephone": "12"}, "«\u00a012\u00a0» n’est pas un numéro valide"),
        ({**CLAIRE, "courriel": "claire@"}, "n’est pas une adresse électronique"),
        ({**CLAIRE, "nom": " "}, "le nom manque"),
        ({**CLAIRE, "telephone": "", "courriel": ""}, "un téléphone ou un courriel, au moins"),
        ({**CLAIRE, "nom": "Claire\u202eRouvier"}, "caractère invisible"),
    ):
        refused = post_referent(signed_in, **typed)
        assert refused.status_code == 400 and reason in text_of(refused), reason
        assert f'value="{typed["nom"]}"' in refused.text or not typed["nom"].strip()
    assert referents(hub) == 0
    sent = post_referent(signed_in, **CLAIRE)
    assert sent.status_code == 303
    page = text_of(signed_in.get(sent.headers["location"]))
    assert "Référent publié" in page
    assert "Claire Rouvier · +33442112233 · c.rouvier@ml-ouest-provence.example.org" in page
    assert run.sync_once(desk).pulled == 1
    with desk.sessions() as session:
        structure = session.get(Structure, STRUCTURE)
        assert structure is not None
        assert (structure.referent_nom, structure.referent_telephone) == (
            "Claire Rouvier", "+33442112233",
        )  # fmt: skip
    service = "demo-spro-etm--ml-ouest-provence-cej"
    detail = desk.service_detail(service, today=date(2026, 11, 24))
    assert detail.structure["referent_nom"] == "Claire Rouvier"  # the detail pane's row
    pdf = render_slip(detail, Site(name="Cité des métiers"), "K7M-2QX", day=date(2026, 11, 24))
    printed = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)
    assert "Rouvier" not in printed and "42 11 22 33" not in printed
    partner = opened(httpx.Client(base_url=hub.url, timeout=30), link_for(signed_in, STRUCTURE))
    assert "Rouvier" not in partner.get("/console/partenaire").text
    assert (
        "Rouvier"
        not in partner.get(
            "/console/partenaire/fiche", params={"type": "structure", "id": STRUCTURE}
        ).text
    )

    record = signed_in.get(RECORD)
    withdrawn = signed_in.post(
        "/console/directory/fiche/referent/retirer", data={"csrf": csrf_of(record), "id": STRUCTURE}
    )
    assert withdrawn.status_code == 303
    assert "Pas de référent." in text_of(signed_in.get(RECORD))
    assert run.sync_once(desk).pulled == 1
    with desk.sessions() as session:
        structure = session.get(Structure, STRUCTURE)
        assert structure is not None and structure.referent_nom is None


def test_a_record_checked_after_midnight_in_paris_is_dated_a_day_the_schema_takes() -> None:
    """From midnight to 1 or 2 a.m. in Paris, a server on UTC is still on the day before:
    data·inclusion's schema refuses a ``date_maj`` after the server's own today."""
    from datetime import timedelta

    today = date.today()
    assert directory.publishable(today + timedelta(days=1)) == today
    assert directory.publishable(today - timedelta(days=3)) == today - timedelta(days=3)
