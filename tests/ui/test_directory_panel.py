"""The directory tab, used as an agent looks a partner up."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app.desk import Desk
from db.models import DirectoryFlag, Favourite
from ui.directory_dialogs import FlagDialog
from ui.main_window import MainWindow


def search_for(qtbot: QtBot, window: MainWindow, text: str) -> None:
    """Type as an agent does, and wait for the results of the whole text."""
    panel = window.directory
    window.tabs.setCurrentIndex(1)
    qtbot.keyClicks(panel.search_box, text)
    panel._timer.stop()  # the pause in the typing, without waiting for it
    panel.run_search()
    qtbot.waitUntil(lambda: panel.shown_text == panel.search_box.text(), timeout=15_000)
    # The chosen record is read off the GUI thread too.
    qtbot.waitUntil(lambda: panel.detail_for == panel.current(), timeout=15_000)


def test_f3_opens_the_directory_and_typing_finds_partners(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.keyClick(window.form.channel, Qt.Key.Key_F3)
    panel = window.directory
    assert window.tabs.currentIndex() == 1 and window.focusWidget() is panel.search_box
    search_for(qtbot, window, "aprentisage")  # two typos
    model = panel.model
    assert model.rowCount() >= 1
    assert model.index(0, 2).data() == "Apprentissage dans l’artisanat"
    html = panel.detail.toHtml()
    assert "Apprentissage dans l’artisanat" in html
    assert "04 65 71" in html  # the phone in its French writing
    assert "openstreetmap.org" in html


def test_the_detail_shows_hours_in_plain_french_and_copies_the_phone(
    qtbot: QtBot, window: MainWindow
) -> None:
    search_for(qtbot, window, "contrat engagement jeune ouest provence")
    panel = window.directory
    hit = panel.model.hit(0)
    assert hit.service_name == "Contrat d’engagement jeune (CEJ)"
    text = panel.detail.toPlainText()
    # Qt gives no-break spaces back as plain ones.
    assert "lun.–ven. 8 h 30–12 h et 13 h 30–17 h" in text
    assert "fermé les jours fériés" in text
    qtbot.mouseClick(panel.copy_phone, Qt.MouseButton.LeftButton)
    assert QApplication.clipboard().text().startswith("04 65 71")


def test_a_record_is_flagged_and_made_a_favourite(
    qtbot: QtBot, window: MainWindow, desk: Desk
) -> None:
    search_for(qtbot, window, "contrat engagement jeune")
    panel = window.directory
    service_id = panel.current()
    panel.open_flag()
    dialog = panel.dialog
    assert isinstance(dialog, FlagDialog)
    dialog.reasons.button(1).setChecked(True)  # hours
    dialog.comment.setPlainText("Fermé le vendredi après-midi depuis novembre")
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        dialog.submit()
    qtbot.keyClick(panel.table, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: panel.model.index(0, 0).data() == "★", timeout=15_000)
    with desk.sessions() as session:
        flag = session.scalars(select(DirectoryFlag)).one()
        assert (flag.service_id, flag.reason) == (service_id, "hours")
        assert session.get(Favourite, service_id) is not None
    # The record is read again off the window's thread after the flag is stored.
    qtbot.waitUntil(lambda: "Signalements" in panel.detail.toPlainText(), timeout=15_000)


def test_filters_narrow_the_results(qtbot: QtBot, window: MainWindow) -> None:
    panel = window.directory
    with qtbot.waitSignal(panel.sig_searched, timeout=15_000):
        window.show_tab(1)
    everything = panel.model.rowCount()
    with qtbot.waitSignal(panel.sig_searched, timeout=15_000):
        panel.theme.setCurrentIndex(panel.theme.findData("creer-entreprise"))
    assert 0 < panel.model.rowCount() < everything
    with qtbot.waitSignal(panel.sig_searched, timeout=15_000):
        panel.favourites.setChecked(True)
    assert panel.model.rowCount() == 0
    assert panel.detail.toPlainText() == "Aucun service choisi."


def test_the_directory_model_passes_the_model_tester(
    qtbot: QtBot, qtmodeltester: ModelTester, window: MainWindow
) -> None:
    search_for(qtbot, window, "emploi")
    assert window.directory.model.rowCount() > 0
    qtmodeltester.check(window.directory.model)


def test_the_results_say_how_far_each_place_is(qtbot: QtBot, window: MainWindow) -> None:
    """For a visitor of Miramas, the Mission locale's place in Istres reads « Istres · à
    7,2 km » (its coordinates, 7 km from Miramas's centre as the crow flies)."""
    panel = window.directory
    window.tabs.setCurrentIndex(1)
    qtbot.keyClicks(panel.commune, "Miramas")
    qtbot.keyClick(panel.commune, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: panel.commune.code() == "13063", timeout=10_000)
    search_for(qtbot, window, "mission locale")
    lines = [panel.model.index(row, 3).data() for row in range(panel.model.rowCount())]
    assert "Istres · à 7,2\u00a0km" in lines
    assert all(" · à " in line for line in lines), lines
