"""The first window, used with the keyboard as an agent at the counter uses it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from app.desk import Desk
from app.paths import DeskPaths
from tests.conftest import FakeClock
from tests.ui.visit_keys import fill, focused
from ui.commune_field import CommuneListModel
from ui.journal import JournalModel
from ui.main_window import MainWindow


def log_a_visit_with_keys(qtbot: QtBot, window: MainWindow) -> tuple[str, int]:
    """An agent's keys for a job seeker of Istres with two themes: the visit's id, and
    how many keys it took."""
    form = window.form
    keys = 0

    def key(widget: QWidget, *presses: str | Qt.Key) -> None:
        nonlocal keys
        for press in presses:
            if isinstance(press, str):
                qtbot.keyClicks(widget, press)
                keys += len(press)
            else:
                qtbot.keyClick(widget, press)
                keys += 1

    # The form opens on « Public »: the channel above it has its default, « Sur place ».
    assert window.focusWidget() is form.public
    assert form.channel.value() == "sur-place"
    key(form.public, Qt.Key.Key_4)  # demandeur·se d’emploi
    assert window.focusWidget() is form.age
    key(form.age, Qt.Key.Key_3)  # 26-44
    key(form.gender, Qt.Key.Key_1)  # femme
    assert window.focusWidget() is form.commune
    key(form.commune, "ist")
    popup = form.commune.completer().popup()
    assert popup is not None
    assert popup.isVisible()
    # The communes are read as the agent types, and listed once read.
    qtbot.waitUntil(lambda: form.commune.model.index(0, 0).data() == "Istres (13800)")
    key(popup, Qt.Key.Key_Return)  # the first commune offered
    assert form.commune.code() == "13047"
    assert window.focusWidget() is form.themes
    key(form.themes, Qt.Key.Key_3, Qt.Key.Key_4, Qt.Key.Key_Tab)  # two themes
    assert window.focusWidget() is form.answers
    key(form.answers, Qt.Key.Key_1)  # information
    with qtbot.waitSignal(window.sig_saved, timeout=15_000) as saved:
        key(form.answers, Qt.Key.Key_Return)
    contact_id = saved.args[0]
    return str(contact_id), keys


def test_a_visit_logged_with_the_keyboard_shows_in_the_journal_and_survives_a_restart(
    qtbot: QtBot, window: MainWindow, desk: Desk, home: Path, clock: FakeClock
) -> None:
    form = window.form
    contact_id, keys = log_a_visit_with_keys(qtbot, window)
    assert keys <= 14, keys

    record = desk.intake.get(contact_id)
    assert (record.channel, record.public, record.age, record.gender, record.commune) == (
        "sur-place",
        "demandeur-emploi",
        "26-44",
        "femme",
        "13047",
    )
    assert record.themes == ("financer-formation", "trouver-formation")
    assert record.answers == ("information",)
    # What the agent sees: the visit on top of the journal, the count, a notice, a clean form.
    model = window.journal.model
    assert model.rowCount() == 1
    assert model.index(0, 1).data() == "Demandeur·se d’emploi"
    assert model.index(0, 2).data() == "Financer une formation, Trouver une formation"
    assert model.index(0, 5).data() == "Istres"
    assert window.journal.count.text() == "1 accueil"
    assert window.day_count.text() == "Aujourd’hui : 1 accueil"
    assert window.notice.isVisible()
    assert window.notice_text.text() == "Accueil enregistré à 10:15."
    assert form.public.value() is None and form.themes.values() == []
    assert window.focusWidget() is form.public

    window.close()
    desk.close()
    reopened = Desk.open(DeskPaths(data=home, logs=home / "logs"), clock=clock)
    again = MainWindow(reopened)
    qtbot.addWidget(again)
    qtbot.waitUntil(lambda: again.journal.model.rowCount() == 1, timeout=15_000)
    assert again.journal.model.index(0, 5).data() == "Istres"
    again.tasks.shutdown()
    reopened.close()


def test_saving_an_incomplete_form_shows_what_is_missing_and_stores_nothing(
    qtbot: QtBot, window: MainWindow, desk: Desk
) -> None:
    form = window.form
    form.public.set_values("scolaire")
    form.submit()
    errors = form.field_errors
    qtbot.waitUntil(lambda: errors["age"].isVisible(), timeout=15_000)
    # Each error under the row it names, the cursor on the first of them.
    assert errors["age"].text() == "Âge : à renseigner."
    assert errors["commune"].text() == "Commune : à renseigner."
    assert errors["theme"].text() == "Thème : choisissez au moins un thème de la demande."
    assert not errors["public"].isVisible() and not form.error.isVisible()
    assert window.focusWidget() is form.age
    assert desk.intake.count_on(desk.intake.today()) == 0
    assert form.public.value() == "scolaire"  # nothing the agent typed is lost
    qtbot.keyClick(form.age, Qt.Key.Key_2)  # the age given: its error goes, the others stay
    assert not errors["age"].isVisible()
    assert errors["commune"].isVisible() and errors["theme"].isVisible()


def test_ctrl_z_takes_back_the_last_visit_into_the_form(
    qtbot: QtBot, window: MainWindow, desk: Desk
) -> None:
    form = window.form
    fill(form, "salarie", "45-54", "homme", "13004", ["vae"], ["information"])
    with qtbot.waitSignal(window.sig_saved, timeout=15_000):
        form.submit()
    assert window.journal.model.rowCount() == 1
    qtbot.keyClick(focused(), Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.journal.model.rowCount() == 0, timeout=15_000)
    assert window.notice_text.text() == "Dernier accueil repris : corrigez-le puis enregistrez-le."
    assert desk.intake.count_on(desk.intake.today()) == 0
    # Back in the form as a visit being typed: fixed, then saved again.
    assert form.editing is None
    assert (form.public.value(), form.age.value(), form.themes.values()) == (
        "salarie",
        "45-54",
        ["vae"],
    )
    assert form.commune.code() == "13004"
    qtbot.keyClick(focused(), Qt.Key.Key_1)  # « Scolaire » instead
    with qtbot.waitSignal(window.sig_saved, timeout=15_000) as saved:
        qtbot.keyClick(focused(), Qt.Key.Key_Return)
    record = desk.intake.get(saved.args[0])
    assert (record.public, record.commune, record.themes) == ("scolaire", "13004", ("vae",))
    assert desk.intake.count_on(desk.intake.today()) == 1


def test_escape_clears_a_visit_being_typed_and_ctrl_z_puts_it_back(
    qtbot: QtBot, window: MainWindow, desk: Desk
) -> None:
    form = window.form
    for key in (Qt.Key.Key_4, Qt.Key.Key_2, Qt.Key.Key_1):  # jobseeker, 16-25, woman
        qtbot.keyClick(focused(), key)
    qtbot.keyClicks(focused(), "Miramas")
    qtbot.keyClick(focused(), Qt.Key.Key_Escape)  # the list of communes closes first
    qtbot.keyClick(focused(), Qt.Key.Key_Escape)
    assert form.public.value() is None and form.commune.text() == ""
    assert window.notice.isVisible()
    assert window.notice_text.text() == "Saisie effacée — Ctrl+Z pour la rétablir."
    assert window.focusWidget() is form.public
    qtbot.keyClick(focused(), Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert (form.public.value(), form.age.value(), form.gender.value()) == (
        "demandeur-emploi",
        "16-25",
        "femme",
    )
    assert form.commune.text().startswith("Miramas")
    assert window.notice_text.text() == "Saisie rétablie."
    assert desk.intake.count_on(desk.intake.today()) == 0


def test_item_models_pass_the_model_tester(
    qtbot: QtBot, qtmodeltester: ModelTester, window: MainWindow, desk: Desk
) -> None:
    for _ in range(2):
        fill(
            window.form,
            "scolaire",
            "moins-16",
            "non-precise",
            "hors-region",
            ["decouvrir-metiers", "decrochage"],
            ["documentation"],
        )
        desk.intake.save(window.form.draft())
    with qtbot.waitSignal(window.sig_refreshed, timeout=15_000):
        window.refresh()
    assert isinstance(window.journal.model, JournalModel)
    assert window.journal.model.rowCount() == 2
    qtmodeltester.check(window.journal.model)
    communes = CommuneListModel(window.ops.places)
    communes.update_for("sal")
    communes.settle()
    assert communes.rowCount() > 0
    qtmodeltester.check(communes)


def test_the_optional_fields_are_stored_and_the_agent_code_is_kept_for_the_next_visit(
    qtbot: QtBot, window: MainWindow, desk: Desk
) -> None:
    form = window.form
    fill(form, "retraite", "55-plus", "femme", "13103", ["vie-quotidienne"], ["information"])
    form.duration.setFocus()
    qtbot.keyClick(form.duration, Qt.Key.Key_3)  # 15 à 30 min
    assert window.focusWidget() is form.first_visit
    qtbot.keyClick(form.first_visit, Qt.Key.Key_2)  # non
    assert window.focusWidget() is form.note
    qtbot.keyClicks(form.note, "revient pour la carte Zou")
    qtbot.keyClick(form.note, Qt.Key.Key_Tab)
    assert window.focusWidget() is form.agent_code
    qtbot.keyClicks(form.agent_code, "mb")
    with qtbot.waitSignal(window.sig_saved, timeout=15_000) as saved:
        qtbot.keyClick(form.agent_code, Qt.Key.Key_Return)
    record = desk.intake.get(saved.args[0])
    assert (record.duration, record.first_visit, record.agent_code, record.note) == (
        "15-30",
        False,
        "MB",
        "revient pour la carte Zou",
    )
    assert form.agent_code.text() == "mb"  # the same agent goes on at the counter
    assert form.note.text() == "" and form.first_visit.value() is None


def test_a_note_with_a_phone_number_is_refused_in_the_window(
    qtbot: QtBot, window: MainWindow, desk: Desk
) -> None:
    form = window.form
    fill(form, "scolaire", "moins-16", "homme", "13047", ["decrochage"], ["rendez-vous"])
    form.note.setText("maman au 07 81 22 33 44")
    form.submit()
    error = form.field_errors["note"]
    qtbot.waitUntil(error.isVisible, timeout=15_000)
    assert window.focusWidget() is form.note
    assert error.text().startswith(
        "Note refusée : elle semble contenir un numéro de téléphone (« 07 81 22 33 44 »)."
    )
    assert desk.intake.count_on(desk.intake.today()) == 0
    assert form.note.text() == "maman au 07 81 22 33 44"


def test_the_status_bar_says_the_desk_is_offline_with_the_demo_directory(
    window: MainWindow,
) -> None:
    assert window.sync_state.text() == "Hors ligne (pas de hub)"
    assert window.last_sync.text() == "Dernière synchro\u00a0: jamais"
    assert window.directory_state.text() == "Annuaire de démo\u00a0: 61 services"
    assert window.pending.text() == "0 à envoyer"


def test_arrow_keys_move_a_single_choice_and_space_toggles_a_multiple_one(
    qtbot: QtBot, window: MainWindow
) -> None:
    form = window.form
    form.age.setFocus()
    qtbot.keyClick(form.age, Qt.Key.Key_Right)
    assert form.age.value() == "16-25"
    qtbot.keyClick(form.age, Qt.Key.Key_Down)  # three per line: 55 et plus is below 16-25
    assert form.age.value() == "55-plus"
    assert window.focusWidget() is form.age  # arrows do not move on to the next row
    form.themes.setFocus()
    qtbot.keyClick(form.themes, Qt.Key.Key_Right)
    qtbot.keyClick(form.themes, Qt.Key.Key_Space)
    qtbot.keyClick(form.themes, Qt.Key.Key_Right)
    qtbot.keyClick(form.themes, Qt.Key.Key_Space)
    qtbot.keyClick(form.themes, Qt.Key.Key_Space)
    assert form.themes.values() == ["choisir-orientation"]


def test_two_quick_enters_save_the_visit_once(qtbot: QtBot, window: MainWindow, desk: Desk) -> None:
    form = window.form
    fill(form, "scolaire", "moins-16", "homme", "13047", ["decrochage"], ["information"])
    with qtbot.waitSignal(window.sig_saved, timeout=15_000):
        qtbot.keyClick(form.answers, Qt.Key.Key_Return)
        qtbot.keyClick(form.answers, Qt.Key.Key_Return)
    assert desk.intake.count_on(desk.intake.today()) == 1


def test_on_a_narrow_screen_f9_switches_between_the_form_and_the_journal(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.resize(900, 510)  # 1366×768 at 150 % scale
    qtbot.waitUntil(lambda: window.narrow, timeout=10_000)
    assert window.form.isVisibleTo(window) and not window.journal.isVisibleTo(window)
    qtbot.keyClick(window.form.channel, Qt.Key.Key_F9)
    assert window.journal.isVisibleTo(window) and not window.form.isVisibleTo(window)
    qtbot.keyClick(window.journal.table, Qt.Key.Key_F9)
    assert window.form.isVisibleTo(window)
    window.resize(1366, 768)
    qtbot.waitUntil(lambda: not window.narrow, timeout=10_000)
    assert window.form.isVisibleTo(window) and window.journal.isVisibleTo(window)


def test_an_alt_letter_bound_to_nothing_types_nothing(qtbot: QtBot, window: MainWindow) -> None:
    note = window.form.note
    note.setFocus()
    qtbot.keyClicks(note, "Istres")
    qtbot.keyClick(note, Qt.Key.Key_Q, Qt.KeyboardModifier.AltModifier)  # no « Q » anywhere
    assert note.text() == "Istres"
    qtbot.keyClick(note, Qt.Key.Key_M, Qt.KeyboardModifier.AltModifier)  # « Co&mmune »
    assert window.focusWidget() is window.form.commune


def test_the_undo_countdown_waits_while_the_slip_preview_is_open(
    qtbot: QtBot, window: MainWindow, desk: Desk, clock: FakeClock
) -> None:
    from ui.slip_dialog import SlipDialog

    form = window.form
    fill(form, "jeune-non-scolarise", "16-25", "homme", "13047", ["alternance"], ["information"])
    qtbot.keyClick(form.themes, Qt.Key.Key_F4)
    qtbot.waitExposed(window.referral_dialog)
    qtbot.keyClick(window.referral_dialog.search, Qt.Key.Key_Return)
    with qtbot.waitSignal(window.sig_saved, timeout=15_000) as saved:
        qtbot.keyClick(form.save_button, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), SlipDialog))
    clock.advance(30)  # the agent reads the slip with the visitor
    assert not desk.intake.can_undo
    qtbot.keyClick(QApplication.activeModalWidget(), Qt.Key.Key_Escape)
    # The window is the agent's again: the 10 seconds start now.
    qtbot.waitUntil(lambda: desk.intake.can_undo, timeout=5_000)
    assert window.notice.isVisible() and window.undo_button.isVisible()
    window.activateWindow()  # what the desktop does once the dialog is closed
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(form.public, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: form.public.value() == "jeune-non-scolarise", timeout=15_000)
    assert desk.intake.count_on(desk.intake.today()) == 0
    assert saved.args[0] not in {c.id for c in desk.intake.contacts_on(desk.intake.today())}
