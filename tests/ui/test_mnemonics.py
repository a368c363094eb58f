"""One Alt letter, one target: in every window and dialog of the desk, in French and in
English, no two underlined letters shown together are the same (Qt would then only move
between them, and the agent's Alt+letter would open nothing); each menu's items have
letters of their own; and on the Accueil tab each Alt+letter reaches its field, button or
menu."""

from __future__ import annotations

import unicodedata
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QObject, Qt, QTimer, QTranslator
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDialog,
    QGroupBox,
    QLabel,
    QMainWindow,
    QMenu,
    QTabBar,
    QWidget,
)
from pytestqt.qtbot import QtBot

from app.desk import Desk
from app.intake.contact import ContactDraft
from tests.ui.conftest import shown_window
from tests.ui.modal import in_modal
from tests.ui.test_directory_panel import search_for
from ui.main import install_translator
from ui.main_window import MainWindow

CEJ = "demo-spro-etm--ml-ouest-provence-cej"


def plain(char: str) -> str:
    """« É » and « é » are the key E: compared without case or accent."""
    return unicodedata.normalize("NFD", char)[0].casefold()


def letters_of(text: str) -> list[str]:
    """Every Alt letter a text marks: the character after a single « & » (« && » is a
    literal « & »). Qt takes the first; a text marking two is a mistake too."""
    found = []
    at = text.find("&")
    while 0 <= at < len(text) - 1:
        if text[at + 1] != "&":
            found.append(plain(text[at + 1]))
        at = text.find("&", at + 2)
    return found


@dataclass
class Mnemonic:
    text: str
    target: QObject  # the label's buddy, the button, the group box, the menu


def shown(window: QWidget) -> list[Mnemonic]:
    """The Alt letters a window offers at once: its menu bar's titles, the labels with a
    buddy, the buttons, group boxes and tabs in sight (a tab widget's other pages are not:
    their widgets are hidden)."""
    found: list[Mnemonic] = []
    if isinstance(window, QMainWindow):
        for action in window.menuBar().actions():
            menu = action.menu()
            if action.isVisible() and isinstance(menu, QMenu):
                found.append(Mnemonic(action.text(), menu))
    for widget in window.findChildren(QWidget):
        if widget.window() is not window or not widget.isVisibleTo(window):
            continue
        if isinstance(widget, QLabel) and widget.buddy() is not None:
            found.append(Mnemonic(widget.text(), widget.buddy()))
        elif isinstance(widget, QAbstractButton):
            found.append(Mnemonic(widget.text(), widget))
        elif isinstance(widget, QGroupBox):
            found.append(Mnemonic(widget.title(), widget))
        elif isinstance(widget, QTabBar):
            found += [
                Mnemonic(widget.tabText(index), widget)
                for index in range(widget.count())
                if widget.isTabVisible(index)
            ]
    return [mnemonic for mnemonic in found if letters_of(mnemonic.text)]


def clashes(texts: list[str]) -> list[str]:
    """Each letter marked twice, with the texts that mark it; each text marking two."""
    by_letter: dict[str, list[str]] = defaultdict(list)
    found = []
    for text in texts:
        letters = letters_of(text)
        if len(letters) > 1:
            found.append(f"« {text} » marks {len(letters)} letters")
        by_letter[letters[0]].append(text)
    for letter, marked in sorted(by_letter.items()):
        if len(marked) > 1:
            found.append(f"{letter.upper()}: " + ", ".join(f"« {text} »" for text in marked))
    return found


def window_clashes(window: QWidget) -> list[str]:
    return clashes([mnemonic.text for mnemonic in shown(window)])


@pytest.fixture(params=["fr", "en"])
def lang(
    request: pytest.FixtureRequest,
    qapp: QApplication,
    desk: Desk,
    monkeypatch: pytest.MonkeyPatch,
    french_plurals: QTranslator,
) -> Iterator[str]:
    """The window's language installed as the desk installs it (Qt's own words too: a
    button box's « &Oui »); taken back afterwards, the tests' French catalogue put back."""
    code = str(request.param)
    locale = QLocale()
    QCoreApplication.removeTranslator(french_plurals)
    monkeypatch.setenv("AIGUILLAGE_LANG", code)
    installed = install_translator(qapp, code)
    yield code
    for translator in installed:
        QCoreApplication.removeTranslator(translator)
    QLocale.setDefault(locale)
    QCoreApplication.installTranslator(french_plurals)


@pytest.fixture
def counter(qtbot: QtBot, desk: Desk, qapp: QApplication, lang: str) -> Iterator[MainWindow]:
    window = shown_window(qtbot, desk, qapp)
    yield window
    window.tasks.shutdown()


def a_referred_visit(qtbot: QtBot, desk: Desk, window: MainWindow) -> None:
    """A visit sent to a partner, chosen in the journal."""
    draft = ContactDraft("sur-place", "jeune-non-scolarise", "16-25", "homme", "13047",
                         ["trouver-emploi"], ["orientation-partenaire"])  # fmt: skip
    draft.referrals = [CEJ]
    desk.intake.save(draft)
    with qtbot.waitSignal(window.sig_refreshed, timeout=15_000):
        window.refresh()
    table = window.journal.table
    table.setFocus()
    table.selectRow(0)


def dialog_clashes(dialog: QWidget) -> list[str]:
    """A modal dialog's title and clashes, « Retour aux licences » shown too if it has it."""
    seen = [dialog.windowTitle(), *window_clashes(dialog)]
    back = getattr(dialog, "back", None)
    if isinstance(back, QAbstractButton):
        back.show()  # « Retour aux licences », shown once a licence is read
        seen.extend(window_clashes(dialog))
    return seen


def test_each_tab_of_the_main_window_has_one_letter_per_target(
    qtbot: QtBot, desk: Desk, counter: MainWindow
) -> None:
    found = {}
    a_referred_visit(qtbot, desk, counter)
    found["Accueil"] = window_clashes(counter)
    search_for(qtbot, counter, "contrat engagement jeune")
    panel = counter.directory
    qtbot.waitUntil(lambda: panel.flag_button.isEnabled(), timeout=15_000)
    found["Annuaire"] = window_clashes(counter)
    qtbot.keyClick(counter, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    stats = counter.statistics()
    qtbot.waitUntil(lambda: stats.shown is not None, timeout=15_000)
    found["Statistiques"] = window_clashes(counter)
    assert found == {"Accueil": [], "Annuaire": [], "Statistiques": []}


def test_each_menu_has_one_letter_per_item(counter: MainWindow) -> None:
    found = {}
    for action in counter.menuBar().actions():
        menu = action.menu()
        assert isinstance(menu, QMenu)
        items = [item.text() for item in menu.actions() if not item.isSeparator()]
        assert all(letters_of(text) for text in items), items  # every item has its letter
        found[action.text()] = clashes(items)
    assert found == {title: [] for title in found}


def test_the_settings_dialog(qtbot: QtBot, counter: MainWindow) -> None:
    qtbot.keyClick(counter.form.channel, Qt.Key.Key_Comma, Qt.KeyboardModifier.ControlModifier)
    dialog = counter.settings_dialog
    qtbot.waitExposed(dialog)
    assert window_clashes(dialog) == []
    dialog.reject()


def test_both_pages_of_the_first_start(qtbot: QtBot, counter: MainWindow) -> None:
    counter.first_start()
    wizard = counter.wizard
    qtbot.waitExposed(wizard)
    first = window_clashes(wizard)
    qtbot.keyClicks(wizard.identity_page.identity.name, "Espace Metiers de Salon")
    qtbot.keyClick(wizard.identity_page.identity.name, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.mode_page)
    assert (first, window_clashes(wizard)) == ([], [])
    wizard.reject()


def test_the_directory_dialogs(qtbot: QtBot, counter: MainWindow) -> None:
    search_for(qtbot, counter, "contrat engagement jeune")
    panel = counter.directory
    qtbot.waitUntil(lambda: panel.flag_button.isEnabled(), timeout=15_000)
    qtbot.keyClick(panel.flag_button, Qt.Key.Key_Space)
    qtbot.waitExposed(panel.dialog)
    flag = window_clashes(panel.dialog)
    panel.dialog.reject()
    qtbot.keyClick(panel.add_local_button, Qt.Key.Key_Space)
    qtbot.waitExposed(panel.dialog)
    assert (flag, window_clashes(panel.dialog)) == ([], [])
    panel.dialog.reject()


def test_the_slip_preview(qtbot: QtBot, desk: Desk, counter: MainWindow) -> None:
    a_referred_visit(qtbot, desk, counter)
    before = getattr(counter, "slip_dialog", None)
    qtbot.keyClick(counter.journal.table, Qt.Key.Key_F6)
    # The visit is read first, then its slips are previewed.
    qtbot.waitUntil(lambda: getattr(counter, "slip_dialog", None) is not before)
    dialog = counter.slip_dialog
    qtbot.waitExposed(dialog)
    qtbot.waitUntil(lambda: len(dialog.slips) == 1, timeout=15_000)
    assert window_clashes(dialog) == []
    dialog.reject()


def test_f4_the_partners(qtbot: QtBot, counter: MainWindow) -> None:
    counter.form.themes.set_values(["trouver-emploi"])
    qtbot.keyClick(counter.form.channel, Qt.Key.Key_F4)
    dialog = counter.referral_dialog
    qtbot.waitExposed(dialog)
    assert window_clashes(dialog) == []
    dialog.reject()


def test_the_sync_dialogs(qtbot: QtBot, counter: MainWindow) -> None:
    counter.sync.open_enrol()
    qtbot.waitExposed(counter.sync.enrol_dialog)
    enrol = window_clashes(counter.sync.enrol_dialog)
    counter.sync.enrol_dialog.reject()
    counter.sync.open_panel()
    qtbot.waitExposed(counter.sync.panel)
    assert (enrol, window_clashes(counter.sync.panel)) == ([], [])
    counter.sync.panel.reject()


def test_about_and_the_cancel_question(qtbot: QtBot, desk: Desk, counter: MainWindow) -> None:
    about = in_modal(counter.open_about, dialog_clashes)
    assert len(about) == 1, about  # its title, no clash
    a_referred_visit(qtbot, desk, counter)
    table = counter.journal.table
    question = in_modal(lambda: qtbot.keyClick(table, Qt.Key.Key_Delete), dialog_clashes)
    assert len(question) == 1, question


def open_dialogs() -> list[QDialog]:
    return [
        widget
        for widget in QApplication.topLevelWidgets()
        if isinstance(widget, QDialog) and widget.isVisible()
    ]


@contextmanager
def dialogs_closed() -> Iterator[None]:
    """Whatever a button opens (the cancel question, the slip preview) is closed at once:
    the window's Alt letters only work while it is the active window."""

    def close() -> None:
        for dialog in open_dialogs():
            dialog.reject()

    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(close)
    timer.start()
    try:
        yield
    finally:
        timer.stop()


def test_each_alt_letter_of_the_accueil_tab_reaches_its_target(
    qtbot: QtBot, desk: Desk, counter: MainWindow
) -> None:
    """Alt+letter as the agent presses it: a row's letter puts the cursor in that row, a
    button's presses the button, a menu's opens the menu."""
    a_referred_visit(qtbot, desk, counter)  # the journal's buttons are usable
    mnemonics = shown(counter)
    kinds = [type(mnemonic.target).__name__ for mnemonic in mnemonics]
    assert kinds.count("QMenu") == 3 and kinds.count("QPushButton") == 3, kinds
    assert len(mnemonics) >= 16  # the form's rows too
    missed = []
    for mnemonic in mnemonics:
        letter = letters_of(mnemonic.text)[0]
        key = Qt.Key(ord(letter.upper()))
        target = mnemonic.target
        if isinstance(target, QMenu):
            qtbot.keyClick(counter, key, Qt.KeyboardModifier.AltModifier)
            qtbot.waitUntil(target.isVisible)
            qtbot.keyClick(target, Qt.Key.Key_Escape)
            qtbot.waitUntil(lambda menu=target: not menu.isVisible())  # type: ignore[misc]
            counter.form.channel.setFocus()  # out of the menu bar, as a click would
        elif isinstance(target, QAbstractButton):
            assert target.isEnabled(), mnemonic.text
            with dialogs_closed():
                with qtbot.waitSignal(target.clicked, timeout=5_000):
                    qtbot.keyClick(counter, key, Qt.KeyboardModifier.AltModifier)
                # A dialog that opens once its read is done (the cancel question) too.
                qtbot.waitUntil(lambda: not counter.tasks.pending, timeout=15_000)
                qtbot.waitUntil(lambda: not open_dialogs())
            counter.activateWindow()  # back from the dialog, as the system gives it back
            qtbot.waitUntil(counter.isActiveWindow)
        else:
            assert isinstance(target, QWidget)
            counter.journal.table.setFocus()  # away from every row of the form
            qtbot.keyClick(counter, key, Qt.KeyboardModifier.AltModifier)
            focus = QApplication.focusWidget()
            if focus is None or not (focus is target or target.isAncestorOf(focus)):
                missed.append(mnemonic.text)
    assert missed == []
