"""Slips from the window: preview, print (to a real PDF printer here), save, failures."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtPrintSupport import QPrinter
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app.desk import Desk
from db.models import Referral
from ui.main_window import MainWindow
from ui.slip_dialog import SlipDialog

CEJ = "demo-spro-etm--ml-ouest-provence-cej"
CIO = "demo-spro-etm--cio-martigues-istres-entretien-orientation"


def visit_with_referrals(qtbot: QtBot, window: MainWindow) -> tuple[str, SlipDialog]:
    form = window.form
    form.public.set_values("jeune-non-scolarise")
    form.age.set_values("16-25")
    form.gender.set_values("homme")
    form.commune.set_code("13047")
    form.themes.set_values(["trouver-emploi"])
    form.answers.set_values(["orientation-partenaire"])
    form.set_referrals({CEJ: "Mission locale", CIO: "CIO"})
    with qtbot.waitSignal(window.sig_saved, timeout=15_000) as saved:
        form.submit()
    dialog = window.slip_dialog
    qtbot.waitUntil(lambda: len(dialog.slips) == 2, timeout=15_000)
    return saved.args[0], dialog


def printed(desk: Desk) -> dict[str, object]:
    with desk.sessions() as session:
        return {r.slip_code: r.printed_at for r in session.scalars(select(Referral))}


def test_saving_a_visit_with_partners_previews_one_slip_per_partner(
    qtbot: QtBot, window: MainWindow, desk: Desk
) -> None:
    _contact, dialog = visit_with_referrals(qtbot, window)
    assert dialog.which.count() == 2
    assert dialog.document.pageCount() >= 1
    codes = set(printed(desk))
    assert all(
        code in dialog.which.itemText(i) for i, code in enumerate(c for *_x, c, _p in dialog.slips)
    )
    assert {code for _t, _id, code, _pdf in dialog.slips} == codes
    dialog.reject()


def test_printing_sends_every_slip_and_marks_the_referrals(
    qtbot: QtBot, window: MainWindow, desk: Desk, tmp_path: Path
) -> None:
    _contact, dialog = visit_with_referrals(qtbot, window)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    with qtbot.waitSignal(dialog.sig_printed, timeout=15_000):
        assert dialog.print_slips(ask=False, printer=printer)
    pages = sum(len(PdfReader(io.BytesIO(pdf)).pages) for *_x, pdf in dialog.slips)
    assert len(PdfReader(tmp_path / "printed.pdf").pages) == pages
    qtbot.waitUntil(lambda: all(printed(desk).values()), timeout=15_000)
    assert dialog.status.text() == "2 fiches envoyées à l’imprimante."


def test_a_printer_that_fails_says_so_and_the_referrals_stay(
    qtbot: QtBot, window: MainWindow, desk: Desk
) -> None:
    desk.settings.set("slip.printer", "Imprimante-du-bureau-2")
    contact_id, dialog = visit_with_referrals(qtbot, window)
    assert not dialog.print_slips(ask=False)
    assert dialog.status.text().startswith(
        "L’impression a échoué (imprimante «\u00a0Imprimante-du-bureau-2\u00a0»)"
    )
    assert dialog.status.text().endswith("Les orientations restent enregistrées.")
    assert len(desk.intake.get(contact_id).referrals) == 2
    assert not any(printed(desk).values())


def test_slips_are_saved_as_pdf_files_and_the_format_is_remembered(
    qtbot: QtBot, window: MainWindow, desk: Desk, tmp_path: Path
) -> None:
    _contact, dialog = visit_with_referrals(qtbot, window)
    dialog.format.setCurrentIndex(dialog.format.findData("receipt"))
    qtbot.waitUntil(
        lambda: (
            bool(dialog.slips)
            and PdfReader(io.BytesIO(dialog.slips[0][3])).pages[0].mediabox.width < 300
        ),
        timeout=15_000,
    )
    written = dialog.save_pdf(tmp_path)
    assert sorted(p.name for p in written) == sorted(
        f"fiche-orientation-{c}.pdf" for c in printed(desk)
    )
    qtbot.waitUntil(lambda: desk.settings.get("slip.format") == "receipt", timeout=15_000)
    qtbot.waitUntil(lambda: all(printed(desk).values()), timeout=15_000)


def test_the_pdf_button_saves_the_slips_where_the_agent_chooses_then_opens_there_again(
    qtbot: QtBot, window: MainWindow, desk: Desk, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The button itself (its clicked(bool) once reached save_pdf as the folder: a
    TypeError every time); the folder dialog opens in the user's documents, never the
    program's folder, and then where the agent went last."""
    from PySide6.QtCore import QStandardPaths
    from PySide6.QtWidgets import QFileDialog

    asked: list[str] = []
    chosen = tmp_path / "fiches"
    chosen.mkdir()

    def pick(_parent: object, _title: str, start: str = "") -> str:
        asked.append(start)
        return str(chosen)

    monkeypatch.setattr(QFileDialog, "getExistingDirectory", staticmethod(pick))
    _contact, dialog = visit_with_referrals(qtbot, window)
    dialog.pdf_button.click()
    codes = printed(desk)
    assert sorted(p.name for p in chosen.iterdir()) == sorted(
        f"fiche-orientation-{c}.pdf" for c in codes
    )
    assert dialog.status.text().startswith("2 fiche")  # the agent is told it is done
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    assert asked[0] in (documents, str(Path.home())) and asked[0] != str(Path.cwd())
    # The folder is remembered on the desk's writer.
    qtbot.waitUntil(lambda: desk.settings.get("ui.last_folder") == str(chosen), timeout=15_000)
    dialog.pdf_button.click()
    assert asked[1] == str(chosen)
    qtbot.waitUntil(lambda: all(printed(desk).values()), timeout=15_000)


def test_a_slip_for_a_service_found_in_the_directory(qtbot: QtBot, window: MainWindow) -> None:
    window.open_service_slip(CEJ)
    dialog = window.slip_dialog
    qtbot.waitUntil(lambda: len(dialog.slips) == 1, timeout=15_000)
    title, referral, code, _pdf = dialog.slips[0]
    assert (title, referral) == (CEJ, None) and len(code) == 7
    dialog.reject()


def test_a_reprint_says_what_the_partner_said_of_each_referral(
    qtbot: QtBot, window: MainWindow, desk: Desk
) -> None:
    """Once the hub told the desk (app/sync/outcomes.py), the slips chosen again from the
    journal name what followed beside their partner; the other slip says nothing yet."""
    contact_id, dialog = visit_with_referrals(qtbot, window)
    dialog.reject()
    with desk.sessions.begin() as session:
        cej = session.scalars(select(Referral).where(Referral.service_id == CEJ)).one()
        cej.presented_on, cej.outcome = date(2026, 11, 26), "accompagnee"
    window.open_slips(contact_id)
    qtbot.waitUntil(lambda: window.slip_dialog is not dialog, timeout=15_000)
    again = window.slip_dialog
    qtbot.waitUntil(lambda: again.which.count() == 2, timeout=15_000)
    items = [again.which.itemText(i) for i in range(2)]
    told = "Mission locale Ouest Provence (venu·e le 26/11, accompagné·e) ("
    assert any(told in item for item in items), items
    assert any("— CIO de Martigues-Istres (" in item and "venu" not in item for item in items)
    again.reject()
