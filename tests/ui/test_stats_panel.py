"""The statistics tab as a coordinator uses it: a period, its figures, the cross-table,
and the files it writes."""

from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.desk import Desk
from app.intake.contact import ContactDraft
from app.stats import queries as stats
from devtools.demo_activity import log_visits
from tests.conftest import FakeClock
from tests.ui.test_accessibility import unnamed_controls
from ui.main_window import MainWindow
from ui.stats_panel import StatsPanel


def opened(qtbot: QtBot, window: MainWindow) -> StatsPanel:
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    panel = window.statistics()
    qtbot.waitUntil(lambda: panel.shown is not None, timeout=15_000)
    return panel


def cross_text(panel: StatsPanel) -> dict[tuple[str, str], str]:
    model = panel.cross_model
    return {
        (
            str(model.headerData(r, Qt.Orientation.Vertical)),
            str(model.headerData(c, Qt.Orientation.Horizontal)),
        ): str(model.data(model.index(r, c)))
        for r in range(model.rowCount())
        for c in range(model.columnCount())
    }


def test_ctrl_3_shows_this_month_with_its_totals_charts_and_cross_table(
    qtbot: QtBot, window: MainWindow, desk: Desk
) -> None:
    logged = log_visits(desk, date(2026, 11, 16), date(2026, 11, 20))
    panel = opened(qtbot, window)
    assert QApplication.focusWidget() is panel.period
    assert panel.period.currentText() == "Ce mois-ci"
    assert (panel.start_edit.date(), panel.end_edit.date()) == (
        QDate(2026, 11, 1),
        QDate(2026, 11, 24),
    )
    assert panel.total.text() == f"{logged} accueils"
    assert "5 jours d’ouverture avec des accueils" in panel.details.text()
    publics = dict(panel.publics.series)
    assert sum(publics.values()) == logged
    assert "Demandeur·se d’emploi" in publics
    themes = dict(panel.themes.series)
    assert sum(themes.values()) >= logged  # a visit with two themes counts under each
    assert len(panel.over_time.series) == 24 and panel.over_time.series[15][1] > 0
    assert sum(panel.grid.cells.values()) == logged
    with desk.sessions() as session:
        expected = stats.compute(session, date(2026, 11, 1), date(2026, 11, 24), ["public"])
    cells = cross_text(panel)
    scolaire = next(r for r in expected.rows if r["public"] == "scolaire")["count"]
    assert cells[("Scolaire", "Total")] == str(scolaire)
    assert cells[("Total", "Total")] == str(logged)
    with desk.sessions() as session:
        pairs = stats.compute(session, date(2026, 11, 1), date(2026, 11, 24), ["public", "theme"])
    one = next(
        r for r in pairs.rows if (r["public"], r["theme"]) == ("scolaire", "decouvrir-metiers")
    )
    assert cells[("Scolaire", "Découvrir des métiers")] == str(one["count"])


def test_a_named_period_follows_the_calendar_on_screen_and_in_exports(
    qtbot: QtBot, window: MainWindow, desk: Desk, clock: FakeClock
) -> None:
    panel = opened(qtbot, window)
    clock.advance(7 * 24 * 3600)  # the desk left open into December
    assert panel.bounds() == (date(2026, 12, 1), date(2026, 12, 1))
    assert panel._suggested("csv") == "statistiques-2026-12-01-2026-12-01.csv"
    assert panel.end_edit.date() == QDate(2026, 12, 1)


def test_a_visit_logged_meanwhile_counts_when_the_tab_is_shown_again(
    qtbot: QtBot, window: MainWindow, desk: Desk
) -> None:
    panel = opened(qtbot, window)
    assert panel.total.text() == "0 accueil"
    assert panel.details.text() == "Aucun accueil sur la période."
    window.show_tab(0)
    desk.intake.save(
        ContactDraft("telephone", "salarie", "45-54", "femme", "13047", ["vae"], ["information"])
    )
    with qtbot.waitSignal(panel.sig_shown, timeout=15_000):
        window.show_tab(2)
    assert panel.total.text() == "1 accueil"
    assert dict(panel.publics.series) == {"Salarié·e": 1}


def test_a_custom_period_and_another_pair_of_dimensions(
    qtbot: QtBot, window: MainWindow, desk: Desk
) -> None:
    log_visits(desk, date(2026, 11, 16), date(2026, 11, 20))
    panel = opened(qtbot, window)
    with qtbot.waitSignal(panel.sig_shown, timeout=15_000):
        panel.set_period("custom")
    assert panel.start_edit.isEnabled()
    with qtbot.waitSignal(panel.sig_shown, timeout=15_000):
        panel.start_edit.setDate(QDate(2026, 11, 18))
    with qtbot.waitSignal(panel.sig_shown, timeout=15_000):
        panel.end_edit.setDate(QDate(2026, 11, 18))
    with desk.sessions() as session:
        day = stats.compute(session, date(2026, 11, 18), date(2026, 11, 18), ["channel"])
    assert panel.total.text() == f"{day.total} accueils"
    with qtbot.waitSignal(panel.sig_shown, timeout=15_000):
        panel.rows_dim.setCurrentIndex(panel.rows_dim.findData("channel"))
    with qtbot.waitSignal(panel.sig_shown, timeout=15_000):
        panel.cols_dim.setCurrentIndex(panel.cols_dim.findData("hour"))
    cells = cross_text(panel)
    in_person = next(r for r in day.rows if r["channel"] == "sur-place")["count"]
    assert cells[("Sur place", "Total")] == str(in_person)
    with desk.sessions() as session:
        pairs = stats.compute(session, date(2026, 11, 18), date(2026, 11, 18), ["channel", "hour"])
    at_ten = next(r for r in pairs.rows if (r["channel"], r["hour"]) == ("sur-place", "10"))
    assert cells[("Sur place", "10\u00a0h")] == str(at_ten["count"])


def test_an_end_before_the_start_is_said_and_the_figures_stay(
    qtbot: QtBot, window: MainWindow, desk: Desk
) -> None:
    panel = opened(qtbot, window)
    shown = panel.shown
    panel.set_period("custom")
    qtbot.waitUntil(lambda: panel.shown is not shown, timeout=15_000)
    shown = panel.shown
    panel.end_edit.setDate(QDate(2026, 10, 1))
    # Read once the typing pauses.
    qtbot.waitUntil(lambda: bool(panel.export_note.text()), timeout=5_000)
    assert "la fin (2026-10-01) précède le début (2026-11-01)" in panel.export_note.text()
    assert panel.shown is shown


def test_exports_hide_small_cells_and_read_back(
    qtbot: QtBot, window: MainWindow, desk: Desk, tmp_path: Path
) -> None:
    log_visits(desk, date(2026, 11, 16), date(2026, 11, 20))
    panel = opened(qtbot, window)
    target = tmp_path / "tableau.csv"
    with qtbot.waitSignal(panel.sig_exported, timeout=15_000):
        panel.export_csv(target)
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    lines = list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    assert lines[0] == ["Public", "Thème", "nombre", "part (%)"]
    assert any(line[0] == "Demandeur·se d’emploi" for line in lines[1:])
    assert any(line[2] == "masqué" for line in lines[1:])  # the site's threshold, 5
    assert lines[-1][0] == "Total"
    # The rule in words: the small counts, and others where subtraction would find them.
    assert panel.export_note.text() == (
        f"Fichier enregistré\u00a0: {target}. Les effectifs inférieurs à 5 y sont masqués,"
        " et d’autres avec eux là où une soustraction les retrouverait."
    )

    from openpyxl import load_workbook

    workbook = tmp_path / "tout.xlsx"
    with qtbot.waitSignal(panel.sig_exported, timeout=15_000):
        panel.export_xlsx(workbook)
    book = load_workbook(workbook)
    assert {"Total", "Public", "Thème", "Jour de la semaine × Heure", "Public × Thème"} <= set(
        book.sheetnames
    )
    sheet = book["Public"]
    assert [c.value for c in sheet[3]] == ["Public", "nombre", "part (%)"]
    assert not list(tmp_path.glob("*.partiel"))

    from pypdf import PdfReader

    report = tmp_path / "rapport.pdf"
    with qtbot.waitSignal(panel.sig_exported, timeout=30_000):
        panel.export_pdf(report)
    text = " ".join(page.extract_text() for page in PdfReader(report).pages)
    assert "Rapport d’activité" in text and "du 01/11/2026 au 24/11/2026" in text
    assert "Demandeur·se d’emploi" in text


def test_an_export_that_cannot_be_written_says_so_and_leaves_nothing(
    qtbot: QtBot, window: MainWindow, desk: Desk, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QMessageBox

    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: warned.append(text))
    panel = opened(qtbot, window)
    target = tmp_path / "absent" / "tableau.csv"
    panel.export_csv(target)
    qtbot.waitUntil(lambda: bool(warned), timeout=15_000)
    assert warned[0].startswith("Le fichier n’a pas pu être écrit")
    assert not target.exists()


def test_every_control_of_the_statistics_tab_has_a_name(qtbot: QtBot, window: MainWindow) -> None:
    panel = opened(qtbot, window)
    assert unnamed_controls(panel) == []
    assert panel.publics.accessibleName() == "Accueils par public"


def test_the_export_buttons_ask_in_the_documents_then_where_the_agent_went(
    qtbot: QtBot, window: MainWindow, desk: Desk, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtCore import QStandardPaths
    from PySide6.QtWidgets import QFileDialog

    log_visits(desk, date(2026, 11, 16), date(2026, 11, 20))
    panel = opened(qtbot, window)
    asked: list[Path] = []
    folder = tmp_path / "exports"
    folder.mkdir()

    def pick(
        _parent: object, _title: str, suggested: str = "", _filter: str = ""
    ) -> tuple[str, str]:
        asked.append(Path(suggested))
        return str(folder / Path(suggested).name), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(pick))
    with qtbot.waitSignal(panel.sig_exported, timeout=15_000):
        panel.csv_button.click()
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    assert str(asked[0].parent) in (documents, str(Path.home()))
    assert asked[0].name.startswith("statistiques-") and asked[0].suffix == ".csv"
    with qtbot.waitSignal(panel.sig_exported, timeout=15_000):
        panel.xlsx_button.click()
    assert asked[1].parent == folder  # the folder used last
    assert sorted(p.suffix for p in folder.iterdir()) == [".csv", ".xlsx"]
