"""The hours a window shows for a service are on the place's own calendar: a service in
La Réunion does not follow the school holidays of mainland France."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.desk import Desk
from app.directory.search_index import reindex
from app.intake.contact import ContactDraft
from db.models import Service
from tests.core.test_cells import hostile_directory
from ui.main_window import MainWindow
from ui.referral_dialog import ReferralDialog

VALUE = "Mo-Fr 09:00-12:00; SH off"


def test_f4_says_the_hours_on_the_place_s_own_school_holidays(
    qtbot: QtBot, window: MainWindow, desk: Desk, tmp_path: Path
) -> None:
    hostile_directory(desk, tmp_path)
    draft = ContactDraft(
        "sur-place", "jeune-non-scolarise", "16-25", "femme", "13047",
        ["trouver-formation"], ["information"],
    )  # fmt: skip
    first = ReferralDialog(desk, draft, {}, window)
    qtbot.addWidget(first)
    service_id = first.model.suggestion(0).service_id
    first.close()
    with desk.sessions.begin() as session:
        service = session.get(Service, service_id)
        assert service is not None
        service.horaires_accueil = VALUE
        service.code_insee = "97411"  # Saint-Denis, La Réunion
        reindex(session)
    dialog = ReferralDialog(desk, draft, {}, window)
    qtbot.addWidget(dialog)
    rows = [n for n in range(dialog.model.rowCount())
            if dialog.model.suggestion(n).service_id == service_id]  # fmt: skip
    assert rows
    for _ in range(rows[0]):
        qtbot.keyClick(dialog.search if dialog.search.hasFocus() else dialog.list, Qt.Key.Key_Down)
    assert dialog.list.currentIndex().row() == rows[0]
    # The hours come from the record, read off the GUI thread.
    qtbot.waitUntil(lambda: "lun.–ven. 9" in dialog.detail.text())
    shown = dialog.detail.text()
    assert "dates non connues pour cette zone" in shown
    assert "fermé pendant les vacances scolaires" not in shown
