"""The directory knows time at the counter, keys only: an event pulled from the hub is
found in « À venir » (Ctrl+4) by period, département and theme, and Ctrl+P previews a
slip naming it; « Information temporaire » closes a service on this desk, the results say
« Fermé jusqu’au … » while it runs, and the agent withdraws it."""

from __future__ import annotations

import io
from datetime import datetime, timedelta

from pypdf import PdfReader
from PySide6.QtCore import QDate, Qt
from pytestqt.qtbot import QtBot

from app.desk import Desk
from app.directory import timed
from tests.ui.test_directory_panel import search_for
from ui.main_window import MainWindow
from ui.notice_dialog import NoticeDialog
from ui.slip_dialog import SlipDialog

FORUM = {
    "title": "Forum de l’orientation",
    "code_insee": "13047",
    "commune": "Istres",
    "adresse": "Halle polyvalente",
    "organisateur": "Cité des métiers Ouest Provence",
    "lien": "https://forum.example.org",
    "description": "78 partenaires.",
    "publics": ["jeunes"],
    "thematiques": ["trouver-un-emploi"],
}


def publish(desk: Desk, event_id: str, starts_at: datetime, **more: object) -> None:
    record = {**FORUM, **more, "starts_at": starts_at, "ends_at": starts_at + timedelta(hours=8)}
    with desk.sessions.begin() as session:
        timed.apply(session, "event", event_id, record, datetime(2026, 11, 24, 9, 0))


def test_an_event_is_found_a_venir_and_its_slip_names_it(
    qtbot: QtBot, window: MainWindow, desk: Desk
) -> None:
    # The desk's clock says 24 November 2026, 10:15.
    publish(desk, "event-1", datetime(2026, 12, 1, 9, 0))
    publish(desk, "event-2", datetime(2027, 2, 2, 9, 0), title="Journée des métiers",
            code_insee="06029", commune="Cannes", thematiques=["choisir-un-metier"])  # fmt: skip
    publish(desk, "event-3", datetime(2026, 11, 20, 9, 0), title="Passé")
    qtbot.keyClick(window.form.channel, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    panel = window.events_panel()
    assert window.tabs.currentIndex() == 3
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1, timeout=15_000)  # 30 days
    assert panel.model.row_at(0).event.title == "Forum de l’orientation"
    when = panel.model.index(0, 0).data()
    assert when == "mardi 1er décembre 2026, 9\u00a0h–17\u00a0h"
    assert "Halle polyvalente, Istres" in panel.detail.toPlainText()
    panel.period.setCurrentIndex(3)  # everything to come
    qtbot.waitUntil(lambda: panel.model.rowCount() == 2, timeout=15_000)
    assert [panel.place.itemText(i) for i in range(panel.place.count())] == [
        "Tous les départements", "06 – Alpes-Maritimes", "13 – Bouches-du-Rhône",
    ]  # fmt: skip
    panel.place.setCurrentIndex(1)
    assert [ln.event.title for ln in panel.model._rows] == ["Journée des métiers"]
    panel.place.setCurrentIndex(0)
    panel.theme.setCurrentIndex(panel.theme.findData("trouver-emploi"))
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1, timeout=15_000)
    assert panel.model.row_at(0).event.title == "Forum de l’orientation"

    panel.table.setFocus()
    qtbot.keyClick(panel.table, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: isinstance(getattr(window, "slip_dialog", None), SlipDialog))
    dialog = window.slip_dialog
    qtbot.waitUntil(lambda: len(dialog.slips) == 1, timeout=15_000)
    assert dialog.which.itemText(0) == "1/1 — Forum de l’orientation"
    text = " ".join(PdfReader(io.BytesIO(dialog.slips[0][3])).pages[0].extract_text().split())
    assert "Forum de l’orientation" in text
    assert "mardi 1er décembre 2026, 9 h–17 h" in text.replace("\u00a0", " ")
    assert "Lieu : Halle polyvalente, Istres" in text.replace("\u00a0", " ")
    dialog.reject()


def alt_o(qtbot: QtBot, window: MainWindow) -> None:
    """« Information temporaire… » pressed from the keyboard (Tab to it, Space)."""
    button = window.directory.notice_button
    button.setFocus()
    qtbot.keyClick(button, Qt.Key.Key_Space)


def test_a_closure_set_on_this_desk_shows_in_the_results_and_is_withdrawn(
    qtbot: QtBot, window: MainWindow, desk: Desk
) -> None:
    search_for(qtbot, window, "contrat engagement jeune")
    panel = window.directory
    service_id = panel.current()
    alt_o(qtbot, window)
    dialog = panel.dialog
    assert isinstance(dialog, NoticeDialog) and dialog.isVisible()
    dialog.last.setDate(QDate(2026, 11, 20))  # before the first day: refused in words
    qtbot.keyClick(dialog.kind, Qt.Key.Key_Return)
    qtbot.waitUntil(dialog.error.isVisible, timeout=15_000)
    assert dialog.error.text() == ("Information temporaire refusée\u00a0: la fin précède le début.")
    dialog.last.setDate(QDate(2026, 12, 4))
    with qtbot.waitSignal(dialog.accepted, timeout=15_000):
        qtbot.keyClick(dialog.kind, Qt.Key.Key_Return)
    qtbot.waitUntil(
        lambda: (
            panel.model.rowCount() > 0
            and panel.current() == service_id
            and panel.model.index(panel.table.currentIndex().row(), 4).data()
            == "Fermé jusqu’au 04/12/2026"
        ),
        timeout=15_000,
    )
    qtbot.waitUntil(
        lambda: "Fermé jusqu’au 4 décembre 2026 inclus" in panel.detail.toPlainText(),
        timeout=15_000,
    )
    alt_o(qtbot, window)
    again = panel.dialog
    assert isinstance(again, NoticeDialog)
    qtbot.waitUntil(lambda: again.own.count() == 1, timeout=15_000)
    with qtbot.waitSignal(again.own.model().rowsRemoved, timeout=15_000):
        qtbot.mouseClick(again.withdraw_button, Qt.MouseButton.LeftButton)
    again.reject()
    # Withdrawn: the same service, its usual hours again (10:15 on a Tuesday: open).
    qtbot.waitUntil(
        lambda: (
            panel.current() == service_id
            and panel.model.index(panel.table.currentIndex().row(), 4).data() == "Ouvert"
        ),
        timeout=15_000,
    )
    qtbot.waitUntil(lambda: "Fermé jusqu’au" not in panel.detail.toPlainText(), timeout=15_000)
    with desk.sessions() as session:
        from db.models import DirectoryNotice

        [row] = session.query(DirectoryNotice).all()
        assert row.origin == "local" and row.retired_at is not None


def test_the_record_names_the_structure_s_spro_referent(
    qtbot: QtBot, window: MainWindow, desk: Desk
) -> None:
    from db.models import Structure

    with desk.sessions.begin() as session:
        structure = session.get(Structure, "demo-spro-etm--ml-ouest-provence")
        assert structure is not None
        structure.referent_nom, structure.referent_telephone = "Claire Rouvier", "+33442112233"
    search_for(qtbot, window, "contrat engagement jeune")
    shown = window.directory.detail.toPlainText()
    assert "Référent SPRO" in shown and "Claire Rouvier · 04 42 11 22 33" in shown
