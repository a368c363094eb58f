"""How the window tests fill in a visit: straight into the rows, or saved at once."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from ui.intake_form import IntakeForm
from ui.main_window import MainWindow


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
