"""The window in the language it was asked for, all the way: ``AIGUILLAGE_LANG`` over the
setting, dates written the English way in English, and counts in proper plurals — never
« (s) » — in French and in English."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, Qt, QTranslator
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from app.desk import Desk
from tests.ui.conftest import shown_window
from ui.main import window_language
from ui.main_window import MainWindow
from ui.stats_panel import StatsPanel

Opener = Callable[[str], MainWindow]


@pytest.fixture
def open_window(
    qtbot: QtBot,
    qapp: QApplication,
    desk: Desk,
    monkeypatch: pytest.MonkeyPatch,
    french_plurals: QTranslator,
) -> Iterator[Opener]:
    """Start the window as ui.main does, with ``AIGUILLAGE_LANG`` set; the translators and
    the default locale it installs are taken back afterwards. The tests' own French
    catalogue is set aside meanwhile: the window must load its own."""
    locale = QLocale()
    QCoreApplication.removeTranslator(french_plurals)
    installed = []
    windows: list[MainWindow] = []

    def start(lang: str) -> MainWindow:
        monkeypatch.setenv("AIGUILLAGE_LANG", lang)
        chosen, translators = window_language(qapp, desk)
        assert chosen == lang
        installed.extend(translators)
        window = shown_window(qtbot, desk, qapp)
        windows.append(window)
        return window

    yield start
    for window in windows:
        window.tasks.shutdown()
    for translator in installed:
        QCoreApplication.removeTranslator(translator)
    QLocale.setDefault(locale)
    QCoreApplication.installTranslator(french_plurals)


def log_a_visit(qtbot: QtBot, window: MainWindow) -> None:
    """A visit typed as at the counter: a key per row, a commune, Enter."""
    form = window.form
    form.channel.setFocus()
    qtbot.keyClick(form.channel, Qt.Key.Key_1)
    qtbot.keyClick(form.public, Qt.Key.Key_4)
    qtbot.keyClick(form.age, Qt.Key.Key_3)
    qtbot.keyClick(form.gender, Qt.Key.Key_1)
    qtbot.keyClicks(form.commune, "ist")
    popup = form.commune.completer().popup()
    assert popup is not None
    qtbot.waitUntil(popup.isVisible)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    qtbot.keyClick(form.themes, Qt.Key.Key_3)
    qtbot.keyClick(form.themes, Qt.Key.Key_Tab)
    qtbot.keyClick(form.answers, Qt.Key.Key_1)
    refreshed = window.refreshes
    with qtbot.waitSignal(window.sig_saved, timeout=15_000):
        qtbot.keyClick(form.answers, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.refreshes > refreshed, timeout=15_000)


def statistics(qtbot: QtBot, window: MainWindow) -> StatsPanel:
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    panel = window.statistics()
    qtbot.waitUntil(lambda: panel.shown is not None, timeout=15_000)
    return panel


def seen(window: MainWindow) -> list[str]:
    """Every text the window shows in a label, the status bar's message included."""
    texts = [window.statusBar().currentMessage()]
    for widget in (window, *QApplication.topLevelWidgets()):
        texts += [label.text() for label in widget.findChildren(QLabel) if label.isVisible()]
    return [text for text in texts if text]


def test_aiguillage_lang_en_wins_over_the_french_setting(
    qtbot: QtBot, open_window: Opener, desk: Desk
) -> None:
    desk.settings.set("ui.language", "fr")
    window = open_window("en")
    assert window.form.save_button.text().replace("&", "") == "Save the visit  (Enter)"
    assert window.day_count.text() == "Today: 0 visits"
    assert window.last_sync.text() == "Last sync: never"
    log_a_visit(qtbot, window)
    assert window.journal.count.text() == "1 visit"
    assert window.day_count.text() == "Today: 1 visit"
    log_a_visit(qtbot, window)
    assert window.journal.count.text() == "2 visits"
    assert window.day_count.text() == "Today: 2 visits"
    # The day before, the English way (the desk's day is 24 November 2026).
    qtbot.keyClick(window.journal.previous, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: window.journal.title.text() == "Log of 23 Nov 2026", timeout=15_000)
    assert window.journal.day.text() == "23 Nov 2026"

    panel = statistics(qtbot, window)
    assert (panel.start_edit.text(), panel.end_edit.text()) == ("1 Nov 2026", "24 Nov 2026")
    assert panel.total.text() == "2 visits"
    assert panel.details.text() == (
        "1 open day with visits, 2.0 a day on average; 0 visits referred to a partner"
        " (0 referrals)."
    )


def test_the_french_window_counts_in_french(qtbot: QtBot, open_window: Opener, desk: Desk) -> None:
    desk.settings.set("ui.language", "en")  # the environment's French wins
    window = open_window("fr")
    assert window.form.save_button.text().replace("&", "") == "Enregistrer l’accueil  (Entrée)"
    log_a_visit(qtbot, window)
    assert window.journal.count.text() == "1 accueil"
    assert window.day_count.text() == "Aujourd’hui\u00a0: 1 accueil"
    log_a_visit(qtbot, window)
    assert window.journal.count.text() == "2 accueils"
    assert window.day_count.text() == "Aujourd’hui\u00a0: 2 accueils"
    qtbot.keyClick(window.journal.previous, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: window.journal.title.text() == "Journal du 23/11/2026", timeout=15_000)

    panel = statistics(qtbot, window)
    assert panel.total.text() == "2 accueils"
    assert panel.details.text() == (
        "1 jour d’ouverture avec des accueils, 2,0 en moyenne par jour\u00a0; 0 accueil orienté"
        " vers un partenaire (0 orientation)."
    )


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_no_label_says_s_in_brackets_after_a_few_visits(
    qtbot: QtBot, open_window: Opener, lang: str
) -> None:
    window = open_window(lang)
    for _visit in range(2):
        log_a_visit(qtbot, window)
    shown = seen(window)
    statistics(qtbot, window)
    shown += seen(window)
    assert any(text.endswith(("2 accueils", "2 visits")) for text in shown)
    assert [text for text in shown if "(s)" in text or "(e)" in text] == []


def test_what_the_window_says_before_its_translations_load_comes_from_the_catalogue() -> None:
    from ui.main import say

    assert say("already_open", "fr", pid=4312) == (
        "Aiguillage est déjà ouvert sur ce poste (processus 4312)\u00a0: utilisez la fenêtre"
        " ouverte. Une seule fenêtre peut écrire dans la base à la fois."
    )
    assert say("already_open", "en", pid=4312) == (
        "Aiguillage is already open on this computer (process 4312): use the open window."
        " Only one window can write to the database at a time."
    )
    assert say("restore", "en") == "Restore the backup"
    assert say("damaged_offer", "en", reason="x", moment="01/12/2026 09:00").startswith(
        "The database is damaged (x).\n\nThe latest sound backup is from 01/12/2026 09:00."
    )
