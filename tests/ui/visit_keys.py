"""How the window tests fill in a visit: straight into the rows, or saved at once."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from ui.intake_form import IntakeForm
from ui.main_window import MainWindow
from ui.referral_dialog import ReferralDialog


def fill(
    form: IntakeForm,
    public: str,
    age: str,
    gender: str,
    commune: str,
    themes: list[str],
    answers: list[str],
) -> None:
    """Fill the required rows directly (the keyboard path has its own test)."""
    form.public.set_values(public)
    form.age.set_values(age)
    form.gender.set_values(gender)
    form.commune.set_code(commune)
    form.themes.set_values(themes)
    form.answers.set_values(answers)


def focused() -> QWidget | None:
    return QApplication.focusWidget()


def save_one(qtbot: QtBot, window: MainWindow) -> str:
    fill(window.form, "salarie", "45-54", "homme", "13004", ["vae"], ["information"])
    with qtbot.waitSignal(window.sig_saved, timeout=15_000) as saved:
        window.form.submit()
    return str(saved.args[0])


def young_visitor_f4(qtbot: QtBot, window: MainWindow) -> ReferralDialog:
    """A young jobseeker of Istres asking about apprenticeship, then F4 as the agent presses
    it: the dialog once it is on screen and its first suggestions are read."""
    form = window.form
    fill(form, "jeune-non-scolarise", "16-25", "homme", "13047", ["alternance"], ["information"])
    qtbot.keyClick(form.themes, Qt.Key.Key_F4)
    dialog = window.referral_dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    qtbot.waitUntil(lambda: dialog.model.rowCount() > 0, timeout=15_000)
    return dialog
