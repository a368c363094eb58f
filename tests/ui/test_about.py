"""The « À propos » dialog: the version, and the licences of what the desk ships."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QTimer, QUrl
from PySide6.QtWidgets import QApplication, QMenu
from pytestqt.qtbot import QtBot

from core.resources import resource
from core.version import app_version
from ui.about import AboutDialog
from ui.main_window import MainWindow


def test_the_about_dialog_gives_the_version_and_every_licence_shipped(
    qtbot: QtBot, qapp: QApplication
) -> None:
    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    assert app_version() != "0+inconnue"  # read from the installed package's metadata
    assert dialog.version.text() == f"Version {app_version()}"
    text = dialog.licences.toPlainText()
    for expected in (
        "Etalab, découpage administratif, 2026",
        "Annuaire de démonstration",
        "DejaVu Sans",
        "licence Bitstream Vera",
        "PySide6",
        "LGPL-3.0",
        "reportlab",
        "openpyxl",
    ):
        assert expected in text, expected
    assert "Licence Ouverte / Open Licence 2.0" in text
    assert "\u2014" not in text.split("PySide6")[1].splitlines()[0]  # its version is known


def links(dialog: AboutDialog) -> list[str]:
    """The targets of the « texte complet » links, as the text browser parsed them."""
    found: list[str] = []
    block = dialog.licences.document().begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            anchor = it.fragment().charFormat().anchorHref()
            if anchor and anchor not in found:
                found.append(anchor)
            it += 1
        block = block.next()
    return found


def test_each_licence_link_leads_to_its_shipped_text(qtbot: QtBot, qapp: QApplication) -> None:
    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    targets = [QUrl(href).toLocalFile() for href in links(dialog)]
    assert [Path(t).name for t in targets] == ["LICENCE.md", "README.md", "LICENCE-DejaVu.md"]
    assert all(Path(t).is_file() for t in targets)


def test_a_link_survives_an_apostrophe_in_the_install_folder(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import shutil

    import core.resources
    import ui.about

    folder = tmp_path / "D'Arc" / "resources"
    shutil.copytree(core.resources.RESOURCES, folder, ignore=shutil.ignore_patterns("*.gz"))
    monkeypatch.setattr(ui.about, "resource", lambda *parts: folder.joinpath(*parts))
    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    targets = [QUrl(href).toLocalFile() for href in links(dialog)]
    assert targets[0] == str(folder / "geography" / "LICENCE.md")


def test_a_licence_s_full_text_opens_in_place_and_the_way_back(
    qtbot: QtBot, qapp: QApplication
) -> None:
    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.back.isVisible()
    dialog.licences.setSource(QUrl.fromLocalFile(str(resource("fonts", "LICENCE-DejaVu.md"))))
    assert "Permission is hereby granted" in dialog.licences.toPlainText()
    assert dialog.back.isVisible()
    dialog.back.click()
    assert "Bibliothèques" in dialog.licences.toPlainText()
    assert not dialog.back.isVisible()


def test_the_window_shows_its_version_and_opens_about_from_the_help_menu(
    qtbot: QtBot, window: MainWindow
) -> None:
    assert window.windowTitle().startswith(f"Aiguillage {app_version()} — ")
    menus = {a.text(): a.menu() for a in window.menuBar().actions()}
    help_menu = menus["A&ide"]
    assert isinstance(help_menu, QMenu)
    about = [a for a in help_menu.actions() if a.text() == "À &propos d’Aiguillage…"]
    seen: list[str] = []

    def close_it() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, AboutDialog):
            seen.append(dialog.version.text())
        if dialog is not None:
            dialog.close()  # whatever opened, the test goes on

    QTimer.singleShot(100, close_it)
    about[0].trigger()
    assert seen == [f"Version {app_version()}"]
