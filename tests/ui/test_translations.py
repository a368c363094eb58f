"""Every string of the window is translated into English; French is the source."""

from __future__ import annotations

import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QPushButton
from pytestqt.qtbot import QtBot

from app.desk import Desk
from core.resources import resource
from ui.main import install_translator
from ui.main_window import MainWindow

TS = resource("translations", "aiguillage_en.ts")
ROOT = Path(__file__).resolve().parents[2]


def tool(name: str) -> str:
    import shutil
    import sys

    found = shutil.which(name, path=str(Path(sys.executable).parent)) or shutil.which(name)
    assert found, name
    return found


def test_every_string_in_the_code_is_translated(tmp_path: Path) -> None:
    copy = tmp_path / "aiguillage_en.ts"
    copy.write_bytes(TS.read_bytes())
    sources = sorted(str(p) for p in (ROOT / "ui").glob("*.py"))
    subprocess.run(
        [tool("pyside6-lupdate"), *sources, "-ts", str(copy), "-no-obsolete"],
        check=True,
        capture_output=True,
    )
    untranslated = []
    for message in ET.parse(copy).iter("message"):
        translation = message.find("translation")
        assert translation is not None
        texts = [translation.text] + [f.text for f in translation.findall("numerusform")]
        if translation.get("type") in ("unfinished", "vanished", "obsolete") or not any(texts):
            untranslated.append(message.findtext("source"))
    assert untranslated == [], "run `make translations` and translate these"


def test_every_count_has_its_french_plural_forms(tmp_path: Path) -> None:
    """French is the source, but « %n accueil(s) » needs « %n accueil » and « %n accueils »
    from the French catalogue, which holds the messages that count and nothing else."""
    copy = tmp_path / "aiguillage_fr.ts"
    copy.write_bytes(resource("translations", "aiguillage_fr.ts").read_bytes())
    sources = sorted(str(p) for p in (ROOT / "ui").glob("*.py"))
    subprocess.run(
        [tool("pyside6-lupdate"), "-pluralonly", *sources, "-ts", str(copy), "-no-obsolete"],
        check=True,
        capture_output=True,
    )
    wrong = []
    for message in ET.parse(copy).iter("message"):
        translation = message.find("translation")
        assert translation is not None
        forms = [f.text or "" for f in translation.findall("numerusform")]
        if (
            translation.get("type") in ("unfinished", "vanished", "obsolete")
            or len(forms) != 2
            or not all(forms)
            or any("(s)" in form for form in forms)
        ):
            wrong.append(message.findtext("source"))
    assert wrong == [], "run `make translations` and write these in French, singular then plural"


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_compiled_translation_is_up_to_date(tmp_path: Path, lang: str) -> None:
    compiled = tmp_path / f"aiguillage_{lang}.qm"
    source = resource("translations", f"aiguillage_{lang}.ts")
    subprocess.run(
        [tool("pyside6-lrelease"), str(source), "-qm", str(compiled)],
        check=True,
        capture_output=True,
    )
    assert compiled.read_bytes() == resource("translations", f"aiguillage_{lang}.qm").read_bytes()


def test_the_window_speaks_english_when_asked(
    qtbot: QtBot, qapp: QApplication, desk: Desk, monkeypatch: pytest.MonkeyPatch
) -> None:
    translators = install_translator(qapp, "en")
    assert len(translators) == 2  # Qt's own catalogue, then the desk's
    try:
        desk.settings.set("ui.language", "en")
        monkeypatch.delenv("AIGUILLAGE_LANG")  # the tests' own French would win
        window = MainWindow(desk)
        qtbot.addWidget(window)
        qtbot.waitUntil(lambda: window.sync_state.text() != "", timeout=15_000)
        assert window.form.save_button.text() == "&Save the visit  (Enter)"
        assert window.journal.model.headerData(5, Qt.Orientation.Horizontal) == "Commune"
        assert window.form.public.findChildren(QPushButton)[0].text() == "1  Pupil"
        assert window.sync_state.text() == "Offline (no hub)"
        assert window.day_count.text() == "Today: 0 visits"
        note = "Fichier enregistré\u00a0: %1. Les effectifs inférieurs à %2 y sont masqués,"
        note += " et d’autres avec eux là où une soustraction les retrouverait."
        assert QCoreApplication.translate("StatsExports", note) == (
            "File saved: %1. Counts under %2 are hidden in it, and others with them where a"
            " subtraction would find them again."
        )
        window.tasks.shutdown()
    finally:
        for translator in translators:
            QCoreApplication.removeTranslator(translator)


def test_qt_s_own_buttons_speak_french_in_the_french_window(qapp: QApplication) -> None:
    """A message box's Yes/No and a dialog's Cancel are Qt's words, not ours: in the
    French window they were English. (English is Qt's own language: nothing to load.)"""
    from PySide6.QtWidgets import QDialogButtonBox

    translators = install_translator(qapp, "fr")
    try:
        box = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Cancel | QDialogButtonBox.StandardButton.Yes
        )
        assert {b.text() for b in box.buttons()} == {"Annuler", "&Oui"}
    finally:
        for translator in translators:
            QCoreApplication.removeTranslator(translator)
