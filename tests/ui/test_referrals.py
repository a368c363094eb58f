"""F4's partners: suggested for the visitor, chosen with the keyboard, kept with the visit."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.desk import Desk
from tests.ui.visit_keys import fill, focused, young_visitor_f4
from ui.main_window import MainWindow


def test_orienter_records_the_chosen_partners_with_the_visit(
    qtbot: QtBot, window: MainWindow, desk: Desk
) -> None:
    form = window.form
    dialog = young_visitor_f4(qtbot, window)
    first = dialog.model.suggestion(0)
    # The visitor's theme, for a young person: apprenticeship first.
    assert "apprentissage" in first.service_name.lower()
    assert first.themes_matched == 1
    qtbot.keyClicks(dialog.search, "artisanat")  # each keystroke searched off the GUI thread
    qtbot.waitUntil(
        lambda: (
            dialog.model.rowCount() >= 1
            and "artisanat" in dialog.model.suggestion(0).service_name.lower()
        )
    )
    chosen_id = dialog.model.suggestion(0).service_id
    # The first row is highlighted: Enter refers to it, nothing ticked by hand.
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        qtbot.keyClick(dialog.search, Qt.Key.Key_Return)
    assert list(form.referrals) == [chosen_id]
    assert window.focusWidget() is form.save_button
    assert "orientation-partenaire" in form.answers.values()
    assert form.referral_list.text().startswith("Orientation vers\u00a0: Chambre de métiers")
    with qtbot.waitSignal(window.sig_saved, timeout=15_000) as saved:
        form.submit()
    record = desk.intake.get(saved.args[0])
    assert [r.service_id for r in record.referrals] == [chosen_id]
    assert window.journal.model.index(0, 4).data().startswith("Chambre de métiers")
    assert form.referrals == {} and not form.referral_list.isVisible()


def test_orientation_with_no_partner_is_refused_and_enter_opens_the_partners(
    qtbot: QtBot, window: MainWindow, desk: Desk
) -> None:
    form = window.form
    fill(form, "salarie", "45-54", "homme", "13047", ["vae"], ["orientation-partenaire"])
    qtbot.keyClick(form.answers, Qt.Key.Key_Return)
    error = form.field_errors["answer"]
    assert error.isVisible() and error.text().startswith("Orientation vers un partenaire")
    assert window.focusWidget() is form.orient_button
    assert desk.intake.count_on(desk.intake.today()) == 0
    qtbot.keyClick(focused(), Qt.Key.Key_Return)  # Enter there opens F4
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is window.referral_dialog)
    window.referral_dialog.reject()


def test_f4_down_moves_past_the_highlighted_row_and_enter_never_closes_on_nothing(
    qtbot: QtBot, window: MainWindow
) -> None:
    dialog = young_visitor_f4(qtbot, window)
    second = dialog.model.suggestion(1)
    qtbot.keyClick(dialog.search, Qt.Key.Key_Down)  # row 1 was highlighted: now row 2
    assert dialog.list.currentIndex().row() == 1
    qtbot.keyClick(dialog.list, Qt.Key.Key_Space)
    assert list(dialog.chosen()) == [second.service_id]
    qtbot.keyClick(dialog.list, Qt.Key.Key_Space)  # and unticked
    assert dialog.chosen() == {}
    qtbot.keyClick(dialog.list, Qt.Key.Key_Up)
    qtbot.keyClick(dialog.list, Qt.Key.Key_Up)  # back in the search box
    qtbot.keyClicks(dialog.search, "zzzzqqq")
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 0)
    qtbot.keyClick(dialog.search, Qt.Key.Key_Return)  # nothing ticked, nothing matches
    assert dialog.isVisible() and dialog.problem.isVisible()
    assert dialog.problem.text() == "Aucun service ne correspond\u00a0: changez la recherche."
    dialog.reject()
