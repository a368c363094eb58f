"""One registry of export formats: the command line and the window write the same XLSX
(every table of the report, codes as words), read back here with openpyxl."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from openpyxl import load_workbook

from app.desk import Desk
from app.paths import DeskPaths
from app.stats.exports import export_tables
from core.exports import FORMATS
from tests.cli.test_commands import ADD, aiguillage


def cells(path: Path) -> dict[str, list[tuple[object, ...]]]:
    book = load_workbook(path)
    return {sheet.title: list(sheet.iter_rows(values_only=True)) for sheet in book}


def test_the_command_line_and_the_window_write_the_same_labelled_workbook(
    home: Path, tmp_path: Path
) -> None:
    for at in ("2026-11-03T10:00", "2026-11-04T15:00"):
        assert aiguillage(home, *ADD, "--at", at).returncode == 0
    from_cli = tmp_path / "cli.xlsx"
    done = aiguillage(
        home, "stats", "--month", "2026-11", "--by", "public,age", "--format", "xlsx",
        "--min-cell", "1", "-o", str(from_cli),
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    from_window = tmp_path / "window.xlsx"
    desk = Desk.open(DeskPaths(data=home, logs=home / "logs"), load_demo=False)
    try:
        # What the window's « Exporter en XLSX… » button writes.
        export_tables(
            desk, date(2026, 11, 1), date(2026, 11, 30), from_window, "xlsx", ["public", "age"], 1
        )
    finally:
        desk.close()
    written = cells(from_cli)
    assert written == cells(from_window)
    # Every table of the report and the cross-table asked for, a sheet each, in words.
    assert {"Total", "Public", "Thème", "Public × Âge"} <= set(written)
    rows = written["Public × Âge"]
    assert rows[2][:3] == ("Public", "Âge", "nombre")
    assert ("Demandeur·se d’emploi", "26-44 ans", 2) in [row[:3] for row in rows]
    assert "demandeur-emploi" not in str(rows)


def test_the_command_line_offers_every_registered_format(home: Path) -> None:
    done = aiguillage(home, "stats", "--help")
    assert done.returncode == 0
    for name in FORMATS:
        assert name in done.stdout
