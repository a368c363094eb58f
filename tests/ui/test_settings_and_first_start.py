"""The settings dialog and the first-start wizard, used as a site coordinator would."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QWizard
from pytestqt.qtbot import QtBot

from app.desk import Desk
from core.version import app_version
from ui.main_window import MainWindow


def test_settings_are_saved_and_the_form_follows_them(
    qtbot: QtBot, window: MainWindow, desk: Desk, tmp_path: Path
) -> None:
    logo = tmp_path / "logo.png"
    image = QImage(40, 20, QImage.Format.Format_RGB32)
    image.fill(QColor("steelblue"))
    assert image.save(str(logo))
    window.open_settings()
    dialog = window.settings_dialog
    qtbot.waitExposed(dialog)
    dialog.identity.name.setText("Espace Métiers de Salon")
    dialog.identity.address.setText("12 rue fictive, 13300 Salon-de-Provence")
    dialog.identity.phone.setText("04 65 71 00 00")
    dialog.identity.commune.set_code("13103")
    dialog.logo.setText(str(logo))
    dialog.channel.setCurrentIndex(dialog.channel.findData("telephone"))
    dialog.retention.setValue(45)
    dialog.slip_format.setCurrentIndex(dialog.slip_format.findData("receipt"))
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        dialog.save()
    settings = desk.settings
    assert settings.get("site.name") == "Espace Métiers de Salon"
    assert settings.get("site.commune") == "13103"
    assert settings.get("site.logo") == str(logo)
    assert settings.get("notes.retention_days") == 45
    assert settings.get("slip.format") == "receipt"
    assert settings.get("slip.printer") == ""
    assert window.windowTitle() == f"Aiguillage {app_version()} — Espace Métiers de Salon"
    assert window.form.channel.value() == "telephone"
    assert window.form.commune.model.home == "13103"


def test_bad_settings_are_refused_in_the_dialog_and_nothing_changes(
    qtbot: QtBot, window: MainWindow, desk: Desk, tmp_path: Path
) -> None:
    window.open_settings()
    dialog = window.settings_dialog
    qtbot.waitExposed(dialog)
    dialog.identity.name.setText("Nouveau nom")
    dialog.identity.commune.setText("Atlantide")
    dialog.save()
    assert dialog.isVisible() and dialog.error.isVisible()
    assert dialog.error.text().startswith(
        "Commune\u00a0: aucune commune ne correspond à «\u00a0Atlantide\u00a0»"
    )
    dialog.identity.commune.set_code("13047")
    not_an_image = tmp_path / "logo.png"
    not_an_image.write_text("pas une image")
    dialog.logo.setText(str(not_an_image))
    dialog.save()
    assert dialog.error.text().startswith("Logo\u00a0: «\u00a0")
    assert desk.settings.get("site.name") == ""
    dialog.reject()


def test_the_first_start_wizard_takes_the_identity_then_the_offline_choice(
    qtbot: QtBot, window: MainWindow, desk: Desk
) -> None:
    window.first_start()
    wizard = window.wizard
    qtbot.waitExposed(wizard)
    page = wizard.identity_page
    wizard.next()
    assert wizard.currentPage() is page  # a site needs a name
    assert page.error.text() == "Nom du site\u00a0: à renseigner."
    page.identity.name.setText("Cité des métiers d’Istres")
    page.identity.commune.set_code("13047")
    wizard.next()  # stored on the desk's writer, then the wizard moves on
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.mode_page)
    assert wizard.mode_page.offline.isChecked()
    assert not wizard.mode_page.url.isEnabled()
    with qtbot.waitSignal(wizard.finished, timeout=10_000):
        wizard.button(QWizard.WizardButton.FinishButton).click()
    assert desk.settings.get("site.configured") is True
    assert desk.settings.get("site.name") == "Cité des métiers d’Istres"
    assert desk.settings.get("hub.url") == ""
    assert window.windowTitle() == f"Aiguillage {app_version()} — Cité des métiers d’Istres"
    assert window.form.commune.model.home == "13047"


def test_the_hub_choice_checks_the_address_and_the_code_before_any_try(
    qtbot: QtBot, window: MainWindow, desk: Desk
) -> None:
    window.first_start()
    wizard = window.wizard
    wizard.identity_page.identity.name.setText("CIO d’Arles")
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.mode_page)
    mode = wizard.mode_page
    mode.hub.setChecked(True)
    assert mode.url.isEnabled()
    mode.url.setText("hub-region")
    assert not mode.validatePage()
    assert mode.error.text().startswith(
        "Adresse du hub\u00a0: «\u00a0hub-region\u00a0» n’est pas une adresse web"
    )
    mode.url.setText("https://hub.orientation.example.org")
    assert not mode.validatePage()
    assert mode.error.text() == "Code d’inscription\u00a0: à renseigner."
    assert not mode.progress.isVisible()  # nothing was tried: tests/ui/test_first_start_enrol.py
    assert desk.settings.get("hub.url") == ""
    wizard.reject()


def test_a_scanned_enrolment_string_fills_the_address_and_the_code(
    qtbot: QtBot, window: MainWindow
) -> None:
    from ui.sync_panel import EnrolDialog

    dialog = EnrolDialog(window.desk, window.sync.scheduler, window)
    qtbot.addWidget(dialog)
    dialog.url.clear()
    # What a QR scanner types: the console's enrolment string.
    qtbot.keyClicks(
        dialog.url, "aiguillage://enrol?hub=https%3A%2F%2Fhub.example.org&code=MDQ7-AAC3"
    )
    assert dialog.url.text() == "https://hub.example.org"
    assert dialog.code.text() == "MDQ7-AAC3"
