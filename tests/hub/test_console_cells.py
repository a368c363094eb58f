"""The console's exports over real HTTP on PostgreSQL: a partner whose name a
spreadsheet would run reaches the region's CSV and XLSX as plain text."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import httpx
from openpyxl import load_workbook
from sqlalchemy.orm import Session

from hub import directory
from tests.core.test_cells import ACTING_NAMES
from tests.hub.conftest import Hub
from tests.hub.console_kit import DEMO, SERVICE, STRUCTURE, push, visit

NOVEMBER = {"du": "2026-11-01", "au": "2026-11-30", "par": "partner"}
NAME = ACTING_NAMES[0]  # =HYPERLINK("http://…";"Cliquez ici")


def test_a_partner_named_like_a_formula_is_exported_as_text(
    signed_in: httpx.Client, hub: Hub, tmp_path: Path
) -> None:
    folder = tmp_path / "annuaire"
    shutil.copytree(DEMO, folder)
    structures = json.loads((folder / "structures.json").read_text(encoding="utf-8"))
    for structure in structures:
        if structure["id"] == STRUCTURE:
            structure["nom"] = NAME
    (folder / "structures.json").write_text(json.dumps(structures), encoding="utf-8")
    with Session(hub.engine) as session, session.begin():
        directory.import_directory(session, hub.engine, folder)
    visits = push(hub, "Cité des métiers d’Istres", "contact",
                  [visit("demandeur-emploi", "13047", ["trouver-emploi"])] * 7)  # fmt: skip
    referrals = [
        {"day": "2026-11-18", "contact_id": c, "service_id": SERVICE, "structure_id": STRUCTURE}
        for c in visits
    ]
    push(hub, "Cité des métiers d’Istres", "referral", referrals)

    got = signed_in.get("/console/activite/export.csv", params=NOVEMBER)
    assert got.status_code == 200
    rows = list(csv.reader(io.StringIO(got.content.decode("utf-8-sig")), delimiter=";"))
    assert ["'" + NAME, "7", "100,0"] in rows

    book = signed_in.get("/console/activite/export.xlsx", params=NOVEMBER)
    assert book.status_code == 200
    sheets = load_workbook(io.BytesIO(book.content), data_only=False)
    cells = [c for sheet in sheets.worksheets for row in sheet.iter_rows() for c in row]
    assert not [c.coordinate for c in cells if c.data_type == "f"]
    (named,) = [c for c in cells if c.value == NAME]
    assert named.data_type == "s"
    assert sheets["Partenaire"].cell(named.row, 2).value == 7  # the count stays a number
