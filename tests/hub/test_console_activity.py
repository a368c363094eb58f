"""The region's activity in the console, over real HTTP on PostgreSQL: counts across
sites by site, EPCI, public, theme and partner, small counts hidden (a second one too
where subtraction would find the first), the exports read back."""

from __future__ import annotations

import csv
import io
import uuid
from typing import Any

import httpx
import pytest
from hypothesis import given
from hypothesis import strategies as st
from openpyxl import load_workbook
from pypdf import PdfReader
from sqlalchemy.orm import Session

from app.wire import PushRecord
from hub import service, stats
from tests.hub.conftest import Hub
from tests.hub.test_console import browser, coordinator, log_in  # noqa: F401
from tests.hub.test_console_directory import SERVICE, STRUCTURE, import_demo, text_of

NOVEMBER = {"du": "2026-11-01", "au": "2026-11-30"}


def push(hub: Hub, site_name: str, kind: str, payloads: list[dict[str, Any]]) -> list[str]:
    ids = [str(uuid.uuid4()) for _ in payloads]
    with Session(hub.engine) as session, session.begin():
        site_id = service.slugify(site_name)
        site = session.get(service.Site, site_id) or service.add_site(session, site_name)
        session.flush()
        records = [
            PushRecord(kind=kind, id=i, version=1, payload=p)  # type: ignore[arg-type]
            for i, p in zip(ids, payloads, strict=True)
        ]
        results = service.store_push(session, hub.engine, site, records)
        assert {r.outcome for r in results} == {"accepted"}
    return ids


def visit(
    public: str, commune: str, themes: list[str], day: str = "2026-11-18", **more: Any
) -> dict[str, Any]:
    return {"day": day, "channel": "sur-place", "public": public, "age": "16-25",
            "gender": "femme", "commune": commune, "themes": themes,
            "answers": ["information"], **more}  # fmt: skip


@pytest.fixture
def region(hub: Hub) -> Hub:
    """Istres: 12 jobseekers from Istres, 3 pupils from Arles, one visit cancelled; Arles:
    7 employees from Arles, and one in October. Six Istres visits sent to the Mission
    locale, one to France Travail."""
    import_demo(hub)
    istres = push(
        hub, "Cité des métiers d’Istres",
        "contact",
        [visit("demandeur-emploi", "13047", ["trouver-emploi", "trouver-formation"])] * 12
        + [visit("scolaire", "13004", ["decouvrir-metiers"])] * 3
        + [visit("salarie", "13047", ["vae"], cancelled=True)],
    )  # fmt: skip
    push(hub, "Mission locale d’Arles", "contact", [visit("salarie", "13004", ["vae"])] * 7
         + [visit("salarie", "13004", ["vae"], day="2026-10-30")])  # fmt: skip
    referrals = [
        {"day": "2026-11-18", "contact_id": c, "service_id": SERVICE, "structure_id": STRUCTURE}
        for c in istres[:6]
    ] + [{"day": "2026-11-18", "contact_id": istres[6], "service_id": "ft-istres"}]
    push(hub, "Cité des métiers d’Istres", "referral", referrals)
    return hub


def test_the_region_s_visits_by_site_public_epci_theme_and_partner(
    browser: httpx.Client,  # noqa: F811
    region: Hub,
    coordinator: str,  # noqa: F811
) -> None:
    log_in(browser, coordinator)
    by_site = browser.get("/console/activite", params={**NOVEMBER, "par": "site"})
    shown = text_of(by_site)
    assert "Activité de la région" in shown and "Du 01/11/2026 au 30/11/2026." in shown
    assert "22 accueils" in shown and "7 orientations" in shown and "2 sites actifs" in shown
    assert "Cité des métiers d’Istres 15 68,2\u00a0%" in shown
    assert "Mission locale d’Arles 7 31,8\u00a0%" in shown
    assert "Total des accueils 22 100\u00a0%" in shown
    # Three pupils: hidden; and the employees too, or 22 − 12 would give them away.
    public = text_of(browser.get("/console/activite", params={**NOVEMBER, "par": "public"}))
    assert "Demandeur·se d’emploi 12 54,5\u00a0%" in public
    assert "Salarié·e secret" in public and "Scolaire secret" in public
    assert "Salarié·e 7" not in public
    epci = text_of(browser.get("/console/activite", params={**NOVEMBER, "par": "epci"}))
    assert "Métropole d'Aix-Marseille-Provence 12" in epci
    assert "CA d'Arles-Crau-Camargue-Montagnette 10" in epci
    # Several themes per visit: only the small one is hidden.
    themes = text_of(browser.get("/console/activite", params={**NOVEMBER, "par": "theme"}))
    assert "Trouver un emploi 12" in themes and "Validation des acquis (VAE) 7" in themes
    assert "secret" in themes and "la somme des lignes dépasse le total" in themes
    partner = text_of(browser.get("/console/activite", params={**NOVEMBER, "par": "partner"}))
    assert "Mission locale Ouest Provence 6" in partner and "secret" in partner
    # One site alone.
    arles = text_of(
        browser.get(
            "/console/activite",
            params={**NOVEMBER, "par": "site", "site": "mission-locale-d-arles"},
        )
    )
    assert "Activité de Mission locale d’Arles" in arles and "7 accueils" in arles
    october = text_of(
        browser.get("/console/activite", params={"du": "2026-10-01", "au": "2026-10-31"})
    )
    assert "1 accueil" in october and "Mission locale d’Arles secret" in october


def test_the_exports_hide_what_the_screen_hides(
    browser: httpx.Client,  # noqa: F811
    region: Hub,
    coordinator: str,  # noqa: F811
) -> None:
    log_in(browser, coordinator)
    got = browser.get("/console/activite/export.csv", params={**NOVEMBER, "par": "public"})
    assert got.status_code == 200 and got.headers["content-type"].startswith("text/csv")
    assert "activite-region-20261101-20261130-public.csv" in got.headers["content-disposition"]
    rows = list(csv.reader(io.StringIO(got.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0] == ["Public", "nombre", "part (%)"]
    assert ["Demandeur·se d’emploi", "12", "54,5"] in rows
    assert ["Salarié·e", "< 5", ""] in rows and ["Scolaire", "< 5", ""] in rows
    assert rows[-1][:2] == ["Total", "22"]
    book = browser.get("/console/activite/export.xlsx", params=NOVEMBER)
    assert book.status_code == 200
    sheets = load_workbook(io.BytesIO(book.content))
    assert {"Total", "Site", "Public", "EPCI", "Partenaire", "Mois"} <= set(sheets.sheetnames)
    public = [[c.value for c in row] for row in sheets["Public"].iter_rows()]
    assert ["Scolaire", "< 5", None] in public and ["Demandeur·se d’emploi", 12, 54.5] in public
    report = browser.get("/console/activite/rapport.pdf", params=NOVEMBER)
    assert report.status_code == 200 and report.content.startswith(b"%PDF")
    words = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(report.content)).pages)
    words = " ".join(words.split())
    assert "Ensemble des sites de la région" in words and "novembre 2026" in words
    assert "Accueils par site" in words and "Cité des métiers d’Istres" in words
    assert "< 5" in words


@pytest.mark.parametrize(
    ("params", "status", "message"),
    [
        ({"du": "2026-13-01"}, 400, "Du\u00a0: «\u00a02026-13-01\u00a0» n’est pas une date"),
        ({"du": "2026-11-30", "au": "2026-11-01"}, 400, "La période finit avant de commencer"),
        ({"du": "2020-01-01", "au": "2026-01-01"}, 400, "Trois ans au plus"),
        ({"par": "pointure"}, 400, "Dimension inconnue\u00a0: pointure"),
        ({"site": "nulle-part"}, 404, "Site inconnu\u00a0: nulle-part"),
    ],
)
def test_a_bad_question_gets_a_french_answer(
    browser: httpx.Client,  # noqa: F811
    hub: Hub,
    coordinator: str,  # noqa: F811
    params: dict[str, str],
    status: int,
    message: str,
) -> None:
    log_in(browser, coordinator)
    for path in (
        "/console/activite",
        "/console/activite/export.csv",
        "/console/activite/rapport.pdf",
    ):
        answer = browser.get(path, params=params)
        assert answer.status_code == status and message in answer.text.replace("&nbsp;", "\u00a0")


def test_no_activity_without_a_session(browser: httpx.Client, region: Hub) -> None:  # noqa: F811
    for path in ("/console/activite", "/console/activite/export.csv",
                 "/console/activite/export.xlsx", "/console/activite/rapport.pdf"):  # fmt: skip
        answer = browser.get(path, params=NOVEMBER)
        assert answer.status_code == 303 and "/console/login" in answer.headers["location"]
        assert b"Istres" not in answer.content


def test_a_second_count_is_hidden_where_subtraction_would_find_the_first() -> None:
    assert stats.hide({"a": 12, "b": 3, "c": 20}, 5, adds_up=True) == {"a", "b"}
    assert stats.hide({"a": 1, "b": 1, "c": 30, "d": 40}, 5, adds_up=True) == {"a", "b", "c"}
    assert stats.hide({"a": 3, "b": 10}, 5, adds_up=False) == {"a"}
    assert stats.hide({"a": 5, "b": 10}, 5, adds_up=True) == set()
    assert stats.hide({"a": 1, "b": 10}, 1, adds_up=True) == set()


@given(
    st.dictionaries(st.text("abcdefgh", min_size=1, max_size=2), st.integers(1, 40), max_size=12)
)
def test_no_hidden_count_can_be_worked_out_from_the_total(counts: dict[str, int]) -> None:
    hidden = stats.hide(counts, 5, adds_up=True)
    assert {c for c, n in counts.items() if n < 5} <= hidden
    if hidden and hidden != set(counts):
        # Two at least, and together at least the threshold: each one could be anything
        # from 1 to their sum less the others' minimum.
        assert len(hidden) >= 2 and sum(counts[c] for c in hidden) >= 5
