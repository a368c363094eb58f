"""Two dimensions at once in the console (public × theme): the table a coordinator reads,
on the page and in the CSV, holds the true counts; small ones are secret, and none can
be worked out from the pair and the tables of each dimension alone."""

from __future__ import annotations

import csv
import html
import io
import re

import httpx
import pytest
from openpyxl import load_workbook
from sqlalchemy.orm import Session

from core.disclosure import MARGIN
from core.wire import PushRecord
from hub import push_store, service
from hub.models import Site
from tests.disclosure_audit import margin_lines, worked_out
from tests.hub.conftest import Hub
from tests.hub.console_kit import push, text_of, visit
from tests.hub.test_console_disclosure import CODE_OF, number, page_table

NOVEMBER = {"du": "2026-11-01", "au": "2026-11-30"}
PAIR = {**NOVEMBER, "par": "public", "puis": "theme"}
TRUTH = {
    ("demandeur-emploi", "trouver-emploi"): 18,
    ("salarie", "vae"): 15,
    ("salarie", "trouver-emploi"): 2,
    ("scolaire", "decouvrir-metiers"): 3,
}
HEADER = re.compile(r"<th scope=\"col\" class=\"num\">(.*?)</th>")
CELLS = re.compile(r"<tr><th scope=\"row\">(.*?)</th>(.*?)</tr>", re.S)


@pytest.fixture
def region(hub: Hub) -> Hub:
    istres = "Cité des métiers d’Istres"
    push(hub, istres, "contact",
         [visit("demandeur-emploi", "13047", ["trouver-emploi"])] * 12
         + [visit("salarie", "13047", ["vae"])] * 8
         + [visit("salarie", "13047", ["trouver-emploi"])] * 2
         + [visit("scolaire", "13004", ["decouvrir-metiers"])] * 3)  # fmt: skip
    push(hub, "Mission locale d’Arles", "contact",
         [visit("demandeur-emploi", "13004", ["trouver-emploi"])] * 6
         + [visit("salarie", "13004", ["vae"])] * 7)  # fmt: skip
    return hub


def crossed(
    page: httpx.Response, rows: dict[str, str] = CODE_OF
) -> dict[tuple[str, str], int | None]:
    """The pair's counts as the page shows them (« secret » as ``None``), by codes
    (``rows``: the first dimension's, by label)."""
    assert page.status_code == 200, page.text[:300]
    table = page.text.split('class="stats crossed"', 1)[1].split("</table>", 1)[0]
    columns = [CODE_OF[html.unescape(c)] for c in HEADER.findall(table)]
    cells: dict[tuple[str, str], int | None] = {}
    for label, row in CELLS.findall(table):
        texts = re.findall(r"<td class=\"num\">(.*?)</td>", row)
        for column, text in zip(columns, texts, strict=True):
            value = html.unescape(text)
            cells[rows[html.unescape(label)], column] = None if value == "secret" else number(value)
    return cells


def test_public_by_theme_shows_true_counts_and_keeps_small_ones_secret(
    signed_in: httpx.Client, region: Hub
) -> None:
    page = signed_in.get("/console/activite", params=PAIR)
    assert "Public × Thème" in html.unescape(page.text)
    shown = crossed(page)
    for cell, count in shown.items():
        assert count is None or count == TRUTH.get(cell, 0), (cell, count)
    assert shown[("scolaire", "decouvrir-metiers")] is None
    assert shown[("salarie", "trouver-emploi")] is None
    # The CSV says the same.
    answer = signed_in.get("/console/activite/export.csv", params=PAIR)
    assert answer.status_code == 200
    assert "public-theme" in answer.headers["content-disposition"]
    rows = list(csv.reader(io.StringIO(answer.content.decode("utf-8-sig")), delimiter=";"))
    exported = {(CODE_OF[r[0]], CODE_OF[r[1]]): None if r[2] == "masqué" else int(r[2])
                for r in rows[1:-1]}  # fmt: skip
    assert {k: v for k, v in exported.items() if v != 0} == {
        k: v for k, v in shown.items() if v != 0
    }
    # The XLSX holds the pair after the tables of one dimension, its small counts hidden.
    book = load_workbook(
        io.BytesIO(signed_in.get("/console/activite/export.xlsx", params=PAIR).content)
    )
    last = [[cell.value for cell in row] for row in book.worksheets[-1].iter_rows()]
    assert ["Salarié·e", "Trouver un emploi", "masqué"] in [row[:3] for row in last], last[:8]
    # Nothing secret can be worked out from the pair and each dimension's own table.
    everything: dict[tuple[str, str], int | None] = dict(shown)
    truth = dict(TRUTH)
    for side, dim in enumerate(("public", "theme")):
        alone, _total = page_table(
            signed_in.get("/console/activite", params={**NOVEMBER, "par": dim})
        )
        for code, count in alone.items():
            margin = (code, MARGIN) if side == 0 else (MARGIN, code)
            everything[margin] = count
            truth[margin] = sum(n for k, n in TRUTH.items() if k[side] == code)
    for a, b in shown:  # a code its own table leaves out: a zero shown
        everything.setdefault((a, MARGIN), 0)
        everything.setdefault((MARGIN, b), 0)
    assert not worked_out(everything, truth, margin_lines(list(everything), MARGIN))


def test_two_dimensions_of_the_region_only_and_by_site(
    signed_in: httpx.Client, region: Hub
) -> None:
    """One site's crossed table is not given (with the region's, subtraction would find
    what it hides): the page says why and shows the site's first dimension alone; by
    site × public, each site's row is its table of publics, hidden with the region's."""
    arles = {**PAIR, "site": "mission-locale-d-arles"}
    page = signed_in.get("/console/activite", params=arles)
    shown = text_of(page)
    assert "Deux dimensions se croisent pour la région entière seulement" in shown
    assert "Accueils par public." in shown and "crossed" not in page.text
    csv_file = signed_in.get("/console/activite/export.csv", params=arles).text
    assert "trouver-emploi" not in csv_file and "Thème" not in csv_file.splitlines()[0]
    sites = {"Cité des métiers d’Istres": "istres", "Mission locale d’Arles": "arles"}
    params = {**NOVEMBER, "par": "site", "puis": "public"}
    by_site = crossed(signed_in.get("/console/activite", params=params), sites)
    truth = {("istres", "demandeur-emploi"): 12, ("istres", "salarie"): 10,
             ("istres", "scolaire"): 3, ("arles", "demandeur-emploi"): 6, ("arles", "salarie"): 7}  # fmt: skip
    assert by_site[("istres", "scolaire")] is None
    for cell, count in by_site.items():
        assert count is None or count == truth.get(cell, 0), (cell, count)
    assert set(by_site) >= set(truth)


def test_a_push_that_trades_two_visits_themes_shows_in_the_pair_asked_before(
    signed_in: httpx.Client, hub: Hub
) -> None:
    """The region's month is kept once worked out; a push that changes no table of one
    dimension (one visit's theme for another's) still changes the pair the next ask shows."""
    istres = "Cité des métiers d’Istres"
    seekers = push(
        hub, istres, "contact", [visit("demandeur-emploi", "13047", ["trouver-emploi"])] * 12
    )
    workers = push(hub, istres, "contact", [visit("salarie", "13047", ["vae"])] * 12)
    assert crossed(signed_in.get("/console/activite", params=PAIR)) == {
        ("demandeur-emploi", "trouver-emploi"): 12, ("salarie", "vae"): 12,
        ("demandeur-emploi", "vae"): 0, ("salarie", "trouver-emploi"): 0,
    }  # fmt: skip
    publics_before = page_table(
        signed_in.get("/console/activite", params={**NOVEMBER, "par": "public"})
    )
    traded = [
        (seekers[:6], "demandeur-emploi", ["vae"]),
        (workers[:6], "salarie", ["trouver-emploi"]),
    ]
    with Session(hub.engine) as session, session.begin():
        site = session.get(Site, service.slugify(istres))
        assert site is not None
        edits = [
            PushRecord(kind="contact", id=i, version=2, payload=visit(public, "13047", themes))
            for ids, public, themes in traded
            for i in ids
        ]
        answers = push_store.store_push(session, hub.engine, site, edits)
        assert {a.outcome for a in answers} == {"accepted"}
    assert crossed(signed_in.get("/console/activite", params=PAIR)) == {
        ("demandeur-emploi", "trouver-emploi"): 6, ("salarie", "vae"): 6,
        ("demandeur-emploi", "vae"): 6, ("salarie", "trouver-emploi"): 6,
    }  # fmt: skip
    theme = page_table(signed_in.get("/console/activite", params={**NOVEMBER, "par": "theme"}))
    assert (theme[0]["trouver-emploi"], theme[0]["vae"]) == (12, 12)
    assert (
        page_table(signed_in.get("/console/activite", params={**NOVEMBER, "par": "public"}))
        == publics_before
    )
