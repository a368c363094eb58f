"""The region's activity in the console, over real HTTP on PostgreSQL: counts across
sites by site, EPCI, public, theme and partner, small counts hidden (a second one too
where subtraction would find the first), the exports read back."""

from __future__ import annotations

import csv
import io
from datetime import date

import httpx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook
from pypdf import PdfReader
from sqlalchemy.orm import Session

from hub import stats
from tests.disclosure_audit import exposed, two_way_constraints
from tests.hub.conftest import Hub
from tests.hub.console_kit import (
    SERVICE,
    STRUCTURE,
    import_demo,
    push,
    text_of,
    visit,
)

NOVEMBER = {"du": "2026-11-01", "au": "2026-11-30"}


@pytest.fixture
def region(hub: Hub) -> Hub:
    """Istres: 12 jobseekers and 8 employees from Istres, 3 pupils from Arles, one visit
    cancelled; Arles: 7 employees and 6 jobseekers from Arles, one more in October. Six
    Istres visits sent to the Mission locale, one to France Travail; the cancelled visit
    had been sent there too, and October's visit was sent in November."""
    import_demo(hub)
    istres = push(
        hub, "Cité des métiers d’Istres",
        "contact",
        [visit("demandeur-emploi", "13047", ["trouver-emploi", "trouver-formation"])] * 12
        + [visit("scolaire", "13004", ["decouvrir-metiers"])] * 3
        + [visit("salarie", "13047", ["vae"], cancelled=True)]
        + [visit("salarie", "13047", ["vae"])] * 8,
    )  # fmt: skip
    arles = push(
        hub, "Mission locale d’Arles", "contact",
        [visit("salarie", "13004", ["vae"])] * 7
        + [visit("demandeur-emploi", "13004", ["trouver-emploi"])] * 6
        + [visit("salarie", "13004", ["vae"], day="2026-10-30")],
    )  # fmt: skip
    referrals = [
        {"day": "2026-11-18", "contact_id": c, "service_id": SERVICE, "structure_id": STRUCTURE}
        for c in [*istres[:6], istres[15]]
    ] + [{"day": "2026-11-18", "contact_id": istres[6], "service_id": "ft-istres"}]
    push(hub, "Cité des métiers d’Istres", "referral", referrals)
    late = {"day": "2026-11-02", "contact_id": arles[-1], "service_id": "ft-arles"}
    push(hub, "Mission locale d’Arles", "referral", [late])
    return hub


def test_the_region_s_visits_by_site_public_epci_theme_and_partner(
    signed_in: httpx.Client,
    region: Hub,
) -> None:
    by_site = signed_in.get("/console/activite", params={**NOVEMBER, "par": "site"})
    shown = text_of(by_site)
    assert "Activité de la région" in shown and "Du 01/11/2026 au 30/11/2026." in shown
    assert "36 accueils" in shown and "7 orientations" in shown and "2 sites actifs" in shown
    # Volumes are shown whole: how busy a counter was says nothing of anyone.
    assert "Cité des métiers d’Istres 23 63,9\u202f%" in shown
    assert "Mission locale d’Arles 13 36,1\u202f%" in shown
    assert "Total des accueils 36 100\u202f%" in shown
    # Three pupils: hidden; and the employees too, or 36 − 18 would give them away.
    public = text_of(signed_in.get("/console/activite", params={**NOVEMBER, "par": "public"}))
    assert "Demandeur·se d’emploi 18 50,0\u202f%" in public
    assert "Salarié·e secret" in public and "Scolaire secret" in public
    # Several themes per visit: a lone hidden count gets a second one all the same, as
    # most visits hold one theme and 48 − 18 − 15 − 12 would give the 3 away.
    themes = text_of(signed_in.get("/console/activite", params={**NOVEMBER, "par": "theme"}))
    assert "Trouver un emploi 18" in themes and "Validation des acquis (VAE) 15" in themes
    assert "Découvrir des métiers secret" in themes
    assert "Trouver une formation secret" in themes
    assert "la somme des lignes dépasse le total" in themes
    partner = text_of(signed_in.get("/console/activite", params={**NOVEMBER, "par": "partner"}))
    # 6 and 1: both hidden, a visit being sent to one partner most often.
    assert "Mission locale Ouest Provence secret" in partner and "ft-istres secret" in partner
    assert "ft-arles" not in partner  # October's visit, sent in November
    # One site alone: with only two sites, each of its counts could be worked out from the
    # region's and the other site's, so all are hidden.
    arles = text_of(
        signed_in.get(
            "/console/activite",
            params={**NOVEMBER, "par": "public", "site": "mission-locale-d-arles"},
        )
    )
    assert "Activité de Mission locale d’Arles" in arles and "13 accueils" in arles
    assert "Salarié·e secret" in arles and "Demandeur·se d’emploi secret" in arles
    # Volumes are shown whole: how busy a counter was says nothing of anyone.
    october = text_of(
        signed_in.get("/console/activite", params={"du": "2026-10-01", "au": "2026-10-31"})
    )
    assert "1 accueil" in october and "Mission locale d’Arles 1 100,0\u202f%" in october


def test_the_exports_hide_what_the_screen_hides(
    signed_in: httpx.Client,
    region: Hub,
) -> None:
    got = signed_in.get("/console/activite/export.csv", params={**NOVEMBER, "par": "public"})
    assert got.status_code == 200 and got.headers["content-type"].startswith("text/csv")
    assert "activite-region-20261101-20261130-public.csv" in got.headers["content-disposition"]
    rows = list(csv.reader(io.StringIO(got.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0] == ["Public", "nombre", "part (%)"]
    assert ["Demandeur·se d’emploi", "18", "50,0"] in rows
    assert ["Salarié·e", "masqué", ""] in rows and ["Scolaire", "masqué", ""] in rows
    assert rows[-1][:2] == ["Total", "36"]
    book = signed_in.get("/console/activite/export.xlsx", params=NOVEMBER)
    assert book.status_code == 200
    sheets = load_workbook(io.BytesIO(book.content))
    assert {"Total", "Site", "Public", "EPCI", "Partenaire", "Mois"} <= set(sheets.sheetnames)
    public = [[c.value for c in row] for row in sheets["Public"].iter_rows()]
    assert ["Scolaire", "masqué", None] in public and ["Demandeur·se d’emploi", 18, 50.0] in public
    report = signed_in.get("/console/activite/rapport.pdf", params=NOVEMBER)
    assert report.status_code == 200 and report.content.startswith(b"%PDF")
    words = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(report.content)).pages)
    words = " ".join(words.split())
    assert "Ensemble des sites de la région" in words and "novembre 2026" in words
    assert "Accueils par site" in words and "Cité des métiers d’Istres" in words
    assert "masqué" in words and "< 5" not in words


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
    signed_in: httpx.Client,
    hub: Hub,
    params: dict[str, str],
    status: int,
    message: str,
) -> None:
    for path in (
        "/console/activite",
        "/console/activite/export.csv",
        "/console/activite/rapport.pdf",
    ):
        answer = signed_in.get(path, params=params)
        assert answer.status_code == status and message in answer.text.replace("&nbsp;", "\u00a0")


def test_the_counts_across_sites_before_hiding(region: Hub) -> None:
    """Communes as their EPCI, themes of each visit, partners of the live visits."""
    with Session(region.engine) as session:

        def counts(by: str, site: str | None = None) -> dict[str, int]:
            result = stats.compute(session, date(2026, 11, 1), date(2026, 11, 30), [by], 1, site)
            return {r[by]: r["count"] for r in result.rows}

        assert counts("epci") == {"200054807": 20, "241300417": 16}
        assert counts("theme") == {"trouver-emploi": 18, "trouver-formation": 12,
                                   "decouvrir-metiers": 3, "vae": 15}  # fmt: skip
        assert counts("partner") == {STRUCTURE: 6, "ft-istres": 1}
        assert counts("public", "mission-locale-d-arles") == {"salarie": 7, "demandeur-emploi": 6}
        assert counts("week") == {"2026-11-16": 36} and counts("month") == {"2026-11": 36}
        october = stats.compute(session, date(2026, 10, 1), date(2026, 10, 31), ["partner"], 1)
        assert [(r["partner"], r["count"]) for r in october.rows] == [("ft-arles", 1)]
        figures = stats.key_figures(session, date(2026, 11, 1), date(2026, 11, 30))
        assert figures == {"contact": 36, "referral": 7, "flag": 0, "sites": 2}


def test_no_activity_without_a_session(browser: httpx.Client, region: Hub) -> None:
    for path in ("/console/activite", "/console/activite/export.csv",
                 "/console/activite/export.xlsx", "/console/activite/rapport.pdf"):  # fmt: skip
        answer = browser.get(path, params=NOVEMBER)
        assert answer.status_code == 303 and "/console/login" in answer.headers["location"]
        assert b"Istres" not in answer.content


def test_a_second_count_is_hidden_where_subtraction_would_find_the_first() -> None:
    def region(counts: dict[str, int]) -> set[str]:
        cells = {("a-site", code): n for code, n in counts.items()}
        return {code for site, code in stats.hide(cells, 5) if site == stats.REGION}

    assert region({"a": 12, "b": 3, "c": 20}) == {"a", "b"}
    assert region({"a": 1, "b": 1, "c": 30, "d": 40}) == {"a", "b", "c"}
    # Themes, answers, partners (a visit may hold several) get a second hidden count too.
    assert region({"a": 3, "b": 10}) == {"a", "b"}
    assert region({"a": 5, "b": 10}) == set()
    # Istres: 12 jobseekers, 3 pupils; Arles: 7 employees. Arles's 7 is hidden in its own
    # table too, or the region's 22 − 12 − 7 would give the 3 pupils away.
    cells = {("istres", "emploi"): 12, ("istres", "scolaire"): 3, ("arles", "salarie"): 7}
    hidden = stats.hide(cells, 5)
    assert ("istres", "scolaire") in hidden and (stats.REGION, "scolaire") in hidden
    full = {**cells, ("arles", "emploi"): 0, ("arles", "scolaire"): 0, ("istres", "salarie"): 0,
            (stats.REGION, "emploi"): 12, (stats.REGION, "scolaire"): 3, (stats.REGION, "salarie"): 7}  # fmt: skip
    assert not exposed(full, hidden, two_way_constraints(full, stats.REGION, False, 22))


@settings(max_examples=60, deadline=None)
@given(
    st.dictionaries(
        st.tuples(st.sampled_from(["s1", "s2", "s3"]), st.sampled_from("abcdef")),
        st.integers(1, 30),
        max_size=18,
    )
)
def test_no_hidden_count_can_be_worked_out_from_the_region_and_the_sites(
    table: dict[tuple[str, str], int],
) -> None:
    """Linear programming over every site's table and the region's, with the sites'
    totals shown: each hidden count (not zero) can take two values at least."""
    hidden = stats.hide(table, 5, "abcdef")
    full: dict[tuple[str, str], int] = dict(table)
    for site, code in {(s, c) for s in {s for s, _c in table} for c in "abcdef"}:
        full.setdefault((site, code), 0)
    for site, code in list(full):
        full[stats.REGION, code] = full.get((stats.REGION, code), 0) + table.get((site, code), 0)
    assert {k for k, n in full.items() if 0 < n < 5} <= hidden
    total = sum(table.values())
    found = exposed(full, hidden, two_way_constraints(full, stats.REGION, False, total))
    assert not {cell for cell in found if full[cell]}
