"""Disclosure control in the console, over real HTTP on PostgreSQL: random tables of
visits pushed by several sites, read back from the region's page, each site's page and
their CSV exports, then attacked by linear programming as one table of sites by codes
with the region's counts as its margins (:mod:`tests.disclosure_audit`)."""

from __future__ import annotations

import csv
import html
import io
import re
from collections import Counter
from typing import Any

import httpx
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import text

from core.lists import DEFAULT_LISTS
from hub import stats
from hub.service import slugify
from tests.disclosure_audit import Line, worked_out
from tests.hub.conftest import Hub
from tests.hub.console_kit import push, visit

NOVEMBER = {"du": "2026-11-01", "au": "2026-11-30"}
SITES = ["Site des Alpilles", "Site de la Crau", "Site du Rhône"]
PUBLICS = ["demandeur-emploi", "salarie", "scolaire", "retraite"]
THEME_SETS = [("vae",), ("alternance",), ("trouver-emploi",), ("vae", "alternance")]
CODE_OF = {label: code for items in DEFAULT_LISTS.values() for code, label, _en in items}
REGION = stats.REGION
ROW = re.compile(r'<th scope="row">(.*?)</th>\s*<td class="num( hidden)?">(.*?)</td>', re.S)
TOTAL = re.compile(r"Total des accueils</th>\s*<td class=\"num\">([^<]*)</td>")

kinds = st.dictionaries(
    st.tuples(st.sampled_from(SITES), st.sampled_from(PUBLICS), st.sampled_from(THEME_SETS)),
    st.integers(1, 8),
    min_size=1,
    max_size=6,
)


def number(shown: str) -> int:
    return int(re.sub(r"\D", "", shown))


def page_table(page: httpx.Response) -> tuple[dict[str, int | None], int]:
    """The counts of an activity page as a reader sees them (« secret » as ``None``), by
    code, and its total."""
    assert page.status_code == 200, page.text[:300]
    body = page.text.split("<tbody>", 1)[1].split("</tbody>", 1)[0]
    rows = {}
    for label, hidden, shown in ROW.findall(body):
        value = html.unescape(shown).strip()
        assert (value == "secret") == bool(hidden), (label, value)
        rows[CODE_OF[html.unescape(label).strip()]] = None if hidden else number(value)
    found = TOTAL.search(page.text)
    assert found is not None
    return rows, number(found.group(1))


def csv_table(answer: httpx.Response) -> tuple[dict[str, int | None], int]:
    """The same table from the CSV export (« masqué » as ``None``)."""
    assert answer.status_code == 200
    rows = list(csv.reader(io.StringIO(answer.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[-1][0] == "Total"
    counts = {CODE_OF[r[0]]: None if r[1] == "masqué" else int(r[1]) for r in rows[1:-1]}
    return counts, int(rows[-1][1])


def read(client: httpx.Client, dim: str, site: str = "") -> dict[str, int | None]:
    """One table from the page and from its CSV: both the same; its total checked."""
    params = {**NOVEMBER, "par": dim, "site": site}
    shown, total = page_table(client.get("/console/activite", params=params))
    exported, exported_total = csv_table(client.get("/console/activite/export.csv", params=params))
    assert exported == shown and exported_total == total
    return shown


def truth(counts: dict[tuple[str, str, tuple[str, ...]], int], dim: str) -> Counter[Any]:
    """The true counts per (site, code) and the region's per (REGION, code)."""
    out: Counter[Any] = Counter()
    for (site, public, themes), n in counts.items():
        for code in [public] if dim == "public" else themes:
            out[slugify(site), code] += n
            out[REGION, code] += n
    return out


def audit(client: httpx.Client, counts: dict[Any, int], dim: str, min_cell: int) -> None:
    """Every table of ``dim`` a coordinator can read: true, small counts hidden, none of
    the hidden ones can be worked out from all of them together, the sites' totals
    known."""
    true = truth(counts, dim)
    sites = sorted({slugify(site) for site, _p, _t in counts})
    shown: dict[Any, int | None] = {(REGION, c): n for c, n in read(client, dim).items()}
    for site in sites:
        shown.update({(site, c): n for c, n in read(client, dim, site).items()})
    codes = {c for _s, c in shown} | {c for _s, c in true}
    for where in [REGION, *sites]:
        for code in codes:
            shown.setdefault((where, code), 0)  # a code not listed: a zero
    for key, value in shown.items():
        assert value is None or value == true[key], (key, value, true[key])
    assert {k for k, n in true.items() if 0 < n < min_cell} <= {
        k for k, v in shown.items() if v is None
    }
    lines: list[Line[tuple[str, str]]] = [{(site, c): 1 for c in codes} for site in sites]
    lines += [{**{(site, c): 1 for site in sites}, (REGION, c): -1} for c in codes]
    lines.append({(REGION, c): 1 for c in codes})
    assert not worked_out(shown, true, lines), shown


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(counts=kinds)
def test_no_hidden_count_can_be_worked_out_from_the_console_s_pages_and_exports(
    signed_in: httpx.Client, hub: Hub, counts: dict[tuple[str, str, tuple[str, ...]], int]
) -> None:
    with hub.engine.begin() as connection:
        connection.execute(text("DELETE FROM record"))  # and what is counted of them
        connection.execute(text("DELETE FROM contact_summary"))
    for site in sorted({site for site, _p, _t in counts}):
        payloads = [
            visit(public, "13047", list(themes))
            for (where, public, themes), n in sorted(counts.items())
            if where == site
            for _ in range(n)
        ]
        push(hub, site, "contact", payloads)
    for dim in ("public", "theme"):
        audit(signed_in, counts, dim, stats.MIN_CELL)


def test_a_lone_small_theme_gets_a_second_hidden_count(signed_in: httpx.Client, hub: Hub) -> None:
    """Ten visits about a job and three about the VAE: the 3 is hidden, and the 10 with
    it, or the 13 visits would give the 3 away (most visits hold one theme)."""
    push(
        hub,
        SITES[0],
        "contact",
        [visit("salarie", "13047", ["trouver-emploi"])] * 10
        + [visit("salarie", "13047", ["vae"])] * 3,
    )
    assert read(signed_in, "theme") == {"trouver-emploi": None, "vae": None}
    assert read(signed_in, "theme", slugify(SITES[0])) == {"trouver-emploi": None, "vae": None}


def test_a_table_read_again_after_a_push_is_hidden_from_its_new_counts(
    signed_in: httpx.Client, hub: Hub
) -> None:
    """The hidden cells worked out for a page are kept for the next reader of the same
    counts only: a push that changes a count, with the same sites and codes, shows it."""
    with hub.engine.begin() as connection:
        connection.execute(text("DELETE FROM record"))
        connection.execute(text("DELETE FROM contact_summary"))
    alpilles, crau = slugify(SITES[0]), slugify(SITES[1])
    push(hub, SITES[0], "contact", [visit("scolaire", "13047", ["vae"])] * 3)
    push(hub, SITES[0], "contact", [visit("salarie", "13047", ["vae"])] * 9)
    push(hub, SITES[1], "contact", [visit("scolaire", "13047", ["vae"])] * 9)
    push(hub, SITES[1], "contact", [visit("salarie", "13047", ["vae"])] * 9)
    assert read(signed_in, "public", alpilles)["scolaire"] is None  # 3: hidden
    push(hub, SITES[0], "contact", [visit("scolaire", "13047", ["vae"])] * 6)
    assert read(signed_in, "public", alpilles) == {"scolaire": 9, "salarie": 9}
    assert read(signed_in, "public", crau) == {"scolaire": 9, "salarie": 9}
