"""Disclosure control through every way a table leaves the desk: random tables stored as
real visits, exported as CSV, XLSX and JSON (by the command line), read back as a reader
reads them, then attacked by linear programming (:mod:`tests.disclosure_audit`)."""

from __future__ import annotations

import csv
import io
import json
from collections import Counter
from collections.abc import Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from app.desk import Desk
from app.stats.exports import export_tables
from core.disclosure import MARGIN
from core.lists import DEFAULT_LISTS
from tests.app.stats.test_stats import store
from tests.disclosure_audit import margin_lines, worked_out
from ui.launcher import main as aiguillage

DAY = date(2026, 1, 1)  # the day of every visit (``store`` counts minutes from it)
PUBLICS = ["demandeur-emploi", "salarie", "scolaire", "retraite"]
AGES = ["16-25", "26-44", "45-54"]
# A visit holds one theme most often, two sometimes.
THEME_SETS = [("vae",), ("alternance",), ("trouver-emploi",), ("vae", "alternance")]
CODE_OF = {label: code for items in DEFAULT_LISTS.values() for code, label, _en in items}
HIDDEN = "masqué"

# How many visits of each kind: many small counts, a few large ones.
kinds = st.dictionaries(
    st.tuples(st.sampled_from(PUBLICS), st.sampled_from(AGES), st.sampled_from(THEME_SETS)),
    st.integers(1, 9),
    min_size=1,
    max_size=6,
)
PROPERTY = settings(
    max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def visits(desk: Desk, counts: dict[tuple[str, str, tuple[str, ...]], int]) -> None:
    """Store ``counts`` visits of each (public, age, themes) on :data:`DAY`."""
    base = {"time_known": True, "channel": "sur-place", "gender": "femme", "commune": "13047",
            "duration": None, "place": None, "event": None, "answers": {"information"},
            "partners": set(), "cancelled": False}  # fmt: skip
    records = [
        dict(base, public=public, age=age, themes=set(themes))
        for (public, age, themes), n in sorted(counts.items())
        for _ in range(n)
    ]
    store(desk, [dict(r, minutes=n) for n, r in enumerate(records)])


def truth(counts: dict[tuple[str, str, tuple[str, ...]], int], by: tuple[str, ...]) -> Counter[Any]:
    """The true counts by one dimension (codes) or two (pairs), and the margins of a pair
    as ``(code, MARGIN)`` and ``(MARGIN, code)``."""
    out: Counter[Any] = Counter()
    for (public, age, themes), n in counts.items():
        values = {"public": [public], "age": [age], "theme": list(themes)}
        if len(by) == 1:
            for code in values[by[0]]:
                out[code] += n
            continue
        for a in values[by[0]]:
            out[a, MARGIN] += n
            for b in values[by[1]]:
                out[a, b] += n
        for b in values[by[1]]:
            out[MARGIN, b] += n
    return out


def cell(text: Any) -> int | None:
    """A count as read back: a number, or ``None`` for « masqué »."""
    if text == HIDDEN:
        return None
    assert str(text).isdigit(), text
    return int(text)


def check(
    shown: dict[Any, int | None],
    true: Counter[Any],
    lines: Sequence[Mapping[Any, int]],
    min_cell: int,
) -> None:
    """What a reader sees is true, hides every small count, and gives none away."""
    for key, value in shown.items():
        assert value is None or value == true[key], (key, value, true[key])
    small = {key for key, n in true.items() if 0 < n < min_cell}
    assert small <= {key for key, value in shown.items() if value is None}
    assert not worked_out(shown, true, lines), shown


def check_one_way(shown: dict[str, int | None], true: Counter[Any], min_cell: int) -> None:
    assert {code for code, n in true.items() if n} <= shown.keys()
    check(shown, true, [dict.fromkeys(shown, 1)], min_cell)


def read_csv(path: Path) -> tuple[list[list[str]], int]:
    """A CSV export's rows of counts, codes for labels, and its printed total."""
    rows = list(csv.reader(io.StringIO(path.read_bytes().decode("utf-8-sig")), delimiter=";"))
    assert rows[-1][0] == "Total"
    body = [[CODE_OF.get(v, v) for v in row] for row in rows[1:-1]]
    return body, int(rows[-1][-2])


def read_sheet(book: Any, title: str) -> dict[Any, int | None]:
    """One sheet of an XLSX export: codes (or pairs of codes) and their counts."""
    rows = [[c.value for c in row] for row in book[title].iter_rows(min_row=4)]
    width = len(title.split(" × "))
    assert rows[-1][0] == "Total"
    out: dict[Any, int | None] = {}
    for row in rows[:-1]:
        codes = tuple(CODE_OF[v] for v in row[:width])
        out[codes[0] if width == 1 else codes] = cell(row[width])
    return out


@pytest.mark.parametrize("dim", ["public", "theme"])
@PROPERTY
@given(counts=kinds, min_cell=st.sampled_from([3, 5]))
def test_the_csv_of_one_dimension_gives_no_hidden_count_away(
    desk: Desk, tmp_path: Path, dim: str, counts: dict[Any, int], min_cell: int
) -> None:
    visits(desk, counts)
    out = export_tables(desk, DAY, DAY, tmp_path / "t.csv", "csv", [dim], min_cell)
    body, total = read_csv(out)
    assert total == sum(counts.values())
    check_one_way({row[0]: cell(row[1]) for row in body}, truth(counts, (dim,)), min_cell)


@pytest.mark.parametrize("pair", [("public", "age"), ("public", "theme")])
@PROPERTY
@given(counts=kinds, min_cell=st.sampled_from([3, 5]))
def test_the_workbook_gives_no_hidden_count_away_its_pair_with_its_margins(
    desk: Desk, tmp_path: Path, pair: tuple[str, str], counts: dict[Any, int], min_cell: int
) -> None:
    visits(desk, counts)
    out = export_tables(desk, DAY, DAY, tmp_path / "t.xlsx", "xlsx", list(pair), min_cell)
    book = load_workbook(out)
    titles = {"public": "Public", "age": "Âge", "theme": "Thème"}
    sheets = {dim: read_sheet(book, titles[dim]) for dim in pair}
    for dim in pair:
        check_one_way(sheets[dim], truth(counts, (dim,)), min_cell)
    shown = read_sheet(book, f"{titles[pair[0]]} × {titles[pair[1]]}")
    shown.update({(code, MARGIN): n for code, n in sheets[pair[0]].items()})
    shown.update({(MARGIN, code): n for code, n in sheets[pair[1]].items()})
    true = truth(counts, pair)
    # A row left out, and the margin of a code no visit holds, read as zeros.
    for a, b in list(shown):
        shown.setdefault((a, MARGIN), 0)
        shown.setdefault((MARGIN, b), 0)
    assert {k for k, n in true.items() if n} <= shown.keys()
    check(shown, true, margin_lines(list(shown), MARGIN), min_cell)


@PROPERTY
@given(counts=kinds, min_cell=st.sampled_from([3, 5]))
def test_the_command_s_json_file_gives_no_hidden_count_away(
    desk: Desk, tmp_path: Path, counts: dict[Any, int], min_cell: int
) -> None:
    visits(desk, counts)
    out = tmp_path / "stats.json"
    for dim in ("public", "theme"):
        args = ["stats", "--from", "2026-01-01", "--to", "2026-01-01", "--by", dim]
        done = aiguillage([*args, "--format", "json", "-o", str(out), "--min-cell", str(min_cell)])
        assert done == 0
        table = json.loads(out.read_text(encoding="utf-8"))
        assert table["total"] == sum(counts.values()) and table["min_cell"] == min_cell
        shown = {row[dim]: row["count"] for row in table["rows"]}
        assert all(row.get("suppressed", False) == (row["count"] is None) for row in table["rows"])
        check_one_way(shown, truth(counts, (dim,)), min_cell)


# 1 jobseeker aged 16-25, 3 aged 26-44 and 2 employees aged 16-25, threshold 3: the pair
# used to hide the margins the tables by public and by age show when asked for alone.
ONE_THREE_TWO: dict[tuple[str, str, tuple[str, ...]], int] = {
    ("demandeur-emploi", "16-25", ("vae",)): 1,
    ("demandeur-emploi", "26-44", ("vae",)): 3,
    ("salarie", "16-25", ("vae",)): 2,
}


@pytest.mark.parametrize("pair", [("public", "age"), ("public", "theme")])
@PROPERTY
@example(counts=ONE_THREE_TWO, min_cell=3)
@given(counts=kinds, min_cell=st.sampled_from([3, 5]))
def test_the_command_s_pair_and_its_margins_asked_one_by_one_give_no_hidden_count_away(
    desk: Desk, tmp_path: Path, pair: tuple[str, str], counts: dict[Any, int], min_cell: int
) -> None:
    """A reader may ask for the pair, then for each dimension alone, over one period."""
    visits(desk, counts)
    out = tmp_path / "stats.json"
    tables = {}
    for by in (",".join(pair), *pair):
        args = ["stats", "--from", "2026-01-01", "--to", "2026-01-01", "--by", by]
        done = aiguillage([*args, "--format", "json", "-o", str(out), "--min-cell", str(min_cell)])
        assert done == 0
        tables[by] = json.loads(out.read_text(encoding="utf-8"))["rows"]
    first, second = pair
    shown: dict[Any, int | None] = {
        (r[first], r[second]): r["count"] for r in tables[",".join(pair)]
    }
    shown.update({(r[first], MARGIN): r["count"] for r in tables[first]})
    shown.update({(MARGIN, r[second]): r["count"] for r in tables[second]})
    for a, b in list(shown):
        shown.setdefault((a, MARGIN), 0)
        shown.setdefault((MARGIN, b), 0)
    check(shown, truth(counts, pair), margin_lines(list(shown), MARGIN), min_cell)


def test_one_three_and_two_visits_read_alike_in_the_workbook_and_each_csv(
    desk: Desk, tmp_path: Path
) -> None:
    """The workbook's pair, its sheets by public and by age, and the CSV files of one
    dimension asked for apart show the same margins, and together give nothing away."""
    visits(desk, ONE_THREE_TWO)
    book = load_workbook(
        export_tables(desk, DAY, DAY, tmp_path / "t.xlsx", "xlsx", ["public", "age"], 3)
    )
    alone = {}
    for dim in ("public", "age"):
        body, _total = read_csv(export_tables(desk, DAY, DAY, tmp_path / "t.csv", "csv", [dim], 3))
        alone[dim] = {row[0]: cell(row[1]) for row in body}
    assert alone == {"public": read_sheet(book, "Public"), "age": read_sheet(book, "Âge")}
    # The ages are 3 and 3: shown alone, shown in the pair's margins too.
    assert alone["age"] == {"16-25": 3, "26-44": 3}
    assert alone["public"] == {"demandeur-emploi": None, "salarie": None}
    inner = read_sheet(book, "Public × Âge")
    assert inner[("demandeur-emploi", "16-25")] is None and inner[("salarie", "16-25")] is None
    shown = dict(inner)
    shown.update({(code, MARGIN): n for code, n in alone["public"].items()})
    shown.update({(MARGIN, code): n for code, n in alone["age"].items()})
    for a, b in list(shown):
        shown.setdefault((a, MARGIN), 0)
        shown.setdefault((MARGIN, b), 0)
    check(shown, truth(ONE_THREE_TWO, ("public", "age")), margin_lines(list(shown), MARGIN), 3)


# --- the cases that were found leaking ---------------------------------------------------


def twelve_and_one(desk: Desk) -> None:
    """12 employees and 1 jobseeker: a threshold of 5 hides the 1, and the 12 with it, or
    the total 13 would give the 1 away."""
    visits(desk, {("salarie", "26-44", ("vae",)): 12, ("demandeur-emploi", "26-44", ("vae",)): 1})


def test_twelve_and_one_leave_as_csv_xlsx_and_json_with_both_hidden(
    desk: Desk, tmp_path: Path
) -> None:
    twelve_and_one(desk)
    both = {"salarie": None, "demandeur-emploi": None}
    body, total = read_csv(export_tables(desk, DAY, DAY, tmp_path / "t.csv", "csv", ["public"], 5))
    assert {row[0]: cell(row[1]) for row in body} == both and total == 13
    book = load_workbook(export_tables(desk, DAY, DAY, tmp_path / "t.xlsx", "xlsx", [], 5))
    assert read_sheet(book, "Public") == both
    period = ["--from", "2026-01-01", "--to", "2026-01-01", "--by", "public", "--min-cell", "5"]
    for fmt in ("csv", "json"):
        out = tmp_path / f"publics.{fmt}"
        assert aiguillage(["stats", *period, "--format", fmt, "-o", str(out)]) == 0
        if fmt == "json":
            rows = json.loads(out.read_text(encoding="utf-8"))["rows"]
            assert {r["public"]: r["count"] for r in rows} == both
        else:
            lines = out.read_bytes().decode("utf-8-sig").splitlines()
            assert lines[1:] == ["demandeur-emploi;masqué;", "salarie;masqué;", "total;13;100,0"]
