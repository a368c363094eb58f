"""The window's safety nets: one window per database, a damaged database with its way
back, the day's backup, errors logged and shown, a disk running out said in time."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QLockFile, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from app.backup.copies import list_backups, make_backup
from app.backup.health import problems
from app.desk import Desk
from app.logs import LOG_NAME
from app.paths import DeskPaths
from tests.app.backup.test_damage import damage
from tests.app.backup.visits import contact_ids, visit
from ui.main_window import MainWindow


def smoke(home: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, AIGUILLAGE_HOME=str(home), AIGUILLAGE_LANG="fr")
    env["QT_QPA_PLATFORM"] = "offscreen"
    return subprocess.run(
        [sys.executable, "-m", "ui.launcher", "--smoke"],
        capture_output=True, text=True, env=env, timeout=120, check=False,
    )  # fmt: skip


def test_a_second_window_on_the_same_database_is_refused(home: Path) -> None:
    lock = QLockFile(str(home / "aiguillage.lock"))
    assert lock.tryLock(0)
    try:
        done = smoke(home)
    finally:
        lock.unlock()
    assert done.returncode == 1
    assert f"Aiguillage est déjà ouvert sur ce poste (processus {os.getpid()})" in done.stderr
    assert smoke(home).returncode == 0  # once the first one is gone


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_the_lock_of_a_killed_window_is_taken_over(home: Path) -> None:
    holder = subprocess.Popen(
        [sys.executable, "-c",
         "import sys, time; from PySide6.QtCore import QLockFile;"
         f"lock = QLockFile({str(home / 'aiguillage.lock')!r}); assert lock.tryLock(0);"
         "print('held', flush=True); time.sleep(60)"],
        stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
    holder.send_signal(signal.SIGKILL)
    holder.wait()
    done = smoke(home)
    assert done.returncode == 0, done.stderr
    assert '"startup_s"' in done.stdout


def test_a_damaged_database_at_start_names_the_way_back(home: Path, desk: Desk) -> None:
    desk.intake.save(visit())
    sound = make_backup(desk.paths.database, desk.paths.backups)
    desk.close()
    damage(desk.paths.database)
    done = smoke(home)
    assert done.returncode == 1
    assert "La base de données est endommagée" in done.stderr
    assert "La dernière sauvegarde saine date du" in done.stderr
    assert sound.exists()
    log = (home / "logs" / LOG_NAME).read_text(encoding="utf-8")
    assert "damaged database" in log and str(sound) in log


def answer_dialogs(button_text: str, seen: list[str]) -> QTimer:
    """Click ``button_text`` (or the default button) in each modal box that opens."""

    def click() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            seen.append(box.text())
            wanted = [b for b in box.buttons() if b.text() == button_text]
            (wanted[0] if wanted else box.defaultButton() or box.buttons()[0]).click()

    timer = QTimer()
    timer.timeout.connect(click)
    timer.start(50)
    return timer


def test_the_window_offers_the_latest_sound_backup_and_puts_it_back(
    qapp: QApplication, home: Path, desk: Desk
) -> None:
    from ui.main import offer_restore

    kept = desk.intake.save(visit()).id
    make_backup(desk.paths.database, desk.paths.backups)
    desk.intake.save(visit("salarie"))
    desk.close()
    damage(desk.paths.database)
    seen: list[str] = []
    timer = answer_dialogs("Restaurer la sauvegarde", seen)
    try:
        assert offer_restore(desk.paths, "page 3 illisible", "fr", smoke=False)
    finally:
        timer.stop()
    assert seen[0].startswith("La base de données est endommagée (page 3 illisible).")
    assert seen[1].startswith("La sauvegarde du ")
    assert problems(desk.paths.database) == []
    assert contact_ids(desk.paths.database) == {kept}
    assert list(home.glob("aiguillage.sqlite3.endommagee-*"))


def test_quitting_instead_changes_nothing(qapp: QApplication, home: Path, desk: Desk) -> None:
    from ui.main import offer_restore

    desk.intake.save(visit())
    make_backup(desk.paths.database, desk.paths.backups)
    desk.close()
    damage(desk.paths.database)
    before = desk.paths.database.read_bytes()
    seen: list[str] = []
    timer = answer_dialogs("Quitter", seen)
    try:
        assert not offer_restore(desk.paths, "page 3 illisible", "fr", smoke=False)
    finally:
        timer.stop()
    assert desk.paths.database.read_bytes() == before


def test_the_day_s_backup_is_taken_once_the_window_is_up(qtbot: QtBot, window: MainWindow) -> None:
    window.safety.start()
    backups = window.desk.paths.backups
    qtbot.waitUntil(lambda: [b.reason for b in list_backups(backups)] == ["quotidienne"])
    assert window.safety.daily_backup().result() is None  # again the same day: nothing more
    assert len(list_backups(backups)) == 1


def test_damage_found_after_start_closes_the_window_to_offer_the_backup(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.safety.checked(
        ["*** in database main *** Page 12: btreeInitPage() returns error code 11"]
    )
    assert window.safety.damage is not None and "Page 12" in window.safety.damage
    qtbot.waitUntil(lambda: not window.isVisible())


def test_an_uncaught_error_is_logged_and_shown(qapp: QApplication, tmp_path: Path) -> None:
    from app.logs import setup_logging
    from ui.main import install_excepthook

    paths = DeskPaths(data=tmp_path, logs=tmp_path / "logs")
    log_file = setup_logging(paths)
    before = sys.excepthook
    seen: list[str] = []
    timer = answer_dialogs("OK", seen)
    try:
        install_excepthook(log_file, "fr")
        try:
            raise RuntimeError("quelque chose a cassé")
        except RuntimeError as error:
            sys.excepthook(RuntimeError, error, error.__traceback__)
    finally:
        timer.stop()
        sys.excepthook = before
    assert seen and seen[0].startswith(
        "Une erreur inattendue est survenue\u00a0: RuntimeError: quelque chose a cassé"
    )
    assert str(log_file) in seen[0]
    text = log_file.read_text(encoding="utf-8")
    assert "uncaught error" in text and 'raise RuntimeError("quelque chose a cassé")' in text


def test_a_disk_running_out_is_said_before_a_save_fails(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: warned.append(text))
    real = window.desk.free_mb()  # the desk reads its disk
    assert real is not None and real > 0
    # The disk itself cannot be filled here: the desk's reading of it is set.
    monkeypatch.setattr(window.desk, "free_mb", lambda: 42)
    with qtbot.waitSignal(window.sig_refreshed, timeout=15_000):
        window.refresh()
    assert window.safety.disk_state.isVisible()
    assert window.safety.disk_state.text() == "Disque presque plein\u00a0: 42 Mo libres"
    assert warned and warned[0].startswith("Il ne reste que 42 Mo sur le disque")
    with qtbot.waitSignal(window.sig_refreshed, timeout=15_000):
        window.refresh()
    assert len(warned) == 1  # said once, then shown in the status bar
    monkeypatch.setattr(window.desk, "free_mb", lambda: 5000)
    with qtbot.waitSignal(window.sig_refreshed, timeout=15_000):
        window.refresh()
    assert not window.safety.disk_state.isVisible()


def drive_start(seen: list[str], opened: list[set[str]]) -> QTimer:
    """Restore when offered, acknowledge, and close each sound desk window once it has
    shown its day (recording the contacts its desk holds), as an agent would."""

    import time

    deadline = time.monotonic() + 60

    def step() -> None:
        if time.monotonic() > deadline:  # never sound: fail rather than hang
            opened.append({"never sound"})
            for widget in QApplication.topLevelWidgets():
                widget.close()
            return
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            seen.append(box.text())
            wanted = [b for b in box.buttons() if b.text() == "Restaurer la sauvegarde"]
            (wanted[0] if wanted else box.defaultButton() or box.buttons()[0]).click()
            return
        for widget in QApplication.topLevelWidgets():
            if not isinstance(widget, MainWindow):
                continue
            shown = widget.isVisible() and widget.refreshes
            # Sound once its check passed and the day's backup is taken (a damaged one
            # closes by itself instead).
            sound = shown and any(
                b.reason == "quotidienne" for b in list_backups(widget.desk.paths.backups)
            )
            if sound:
                opened.append(contact_ids(widget.desk.paths.database))
                widget.close()

    timer = QTimer()
    timer.timeout.connect(step)
    timer.start(50)
    return timer


def run_restore_loop(monkeypatch: pytest.MonkeyPatch) -> tuple[list[str], list[set[str]]]:
    """Run the real window on a damaged desk, the timer acting as the agent; what the
    agent was told, and the visits of each desk opened."""
    import threading

    import ui.main

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    seen: list[str] = []
    opened: list[set[str]] = []
    timer = drive_start(seen, opened)
    try:
        code = ui.main.run_window()
    finally:
        timer.stop()
    assert code == 0
    return seen, opened


@pytest.mark.parametrize("checked", ["before opening", "after the window is up"])
def test_a_damaged_desk_restores_its_backup_and_reopens_on_it(
    qapp: QApplication, home: Path, desk: Desk, monkeypatch: pytest.MonkeyPatch, checked: str
) -> None:

    desk.settings.set("site.configured", True)
    kept = desk.intake.save(visit()).id
    make_backup(desk.paths.database, desk.paths.backups)
    desk.intake.save(visit("salarie"))  # after the backup: lost with the damage
    desk.close()
    damage(desk.paths.database)
    if checked == "after the window is up":  # as for a database over 150 MB
        import app.backup.health

        monkeypatch.setattr(app.backup.health, "QUICK_CHECK_BEFORE_MB", 0)
    seen, opened = run_restore_loop(monkeypatch)
    assert seen[0].startswith("La base de données est endommagée")
    assert seen[1].startswith("La sauvegarde du ") and "est en place" in seen[1]
    # The desk reopened once, on the restored database.
    assert opened == [{kept}]
    assert problems(desk.paths.database) == []
    assert contact_ids(desk.paths.database) == {kept}
    assert len(list(home.glob("aiguillage.sqlite3.endommagee-*"))) == 1
    log = (home / "logs" / LOG_NAME).read_text(encoding="utf-8")
    found_after = "quick check failed" in log
    assert found_after == (checked == "after the window is up")


def test_a_window_that_fails_to_start_in_a_smoke_run_exits_with_the_error(home: Path) -> None:
    """No dialog waits for a click nobody will give: the error is logged and printed."""
    env = dict(os.environ, AIGUILLAGE_HOME=str(home), QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [sys.executable, "-c",
         "import sys; sys.modules['ui.main_window'] = None;"
         "from ui.launcher import main; sys.exit(main(['--smoke']))"],
        capture_output=True, text=True, env=env, timeout=60, check=False,
    )  # fmt: skip
    assert done.returncode != 0
    assert "import of ui.main_window halted" in done.stderr
    log = (home / "logs" / LOG_NAME).read_text(encoding="utf-8")
    assert "uncaught error" in log


def test_a_result_arriving_after_the_window_closed_starts_nothing(qtbot: QtBot) -> None:
    """A window closed while a check was running: its answer must not start a backup on
    a stopped writer (that raised « cannot schedule new futures after shutdown »)."""
    import time

    from ui.taskman import TaskManager

    tasks = TaskManager()
    done: list[object] = []

    def check() -> str:
        time.sleep(0.2)
        return "checked"

    future = tasks.submit(check, done.append, done.append)
    tasks.shutdown()
    assert future.result() == "checked"  # the work itself was done
    qtbot.wait(100)
    assert done == []


def test_an_error_in_the_running_window_fails_a_smoke_run(home: Path) -> None:
    """The bundle's CI check and the bench rely on --smoke: an error caught by nobody
    while the window runs must not end in exit code 0."""
    env = dict(os.environ, AIGUILLAGE_HOME=str(home), QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [sys.executable, "-c",
         "import sys; from ui.main_window import MainWindow;"
         "MainWindow._show = lambda self, view: 1 / 0;"
         "from ui.launcher import main; sys.exit(main(['--smoke']))"],
        capture_output=True, text=True, env=env, timeout=60, check=False,
    )  # fmt: skip
    assert done.returncode == 1
    assert "ZeroDivisionError" in done.stderr


@pytest.mark.parametrize("kind", ["vide", "tronqué"])
def test_an_empty_or_cut_database_offers_the_backup_at_start(
    qapp: QApplication, home: Path, desk: Desk, monkeypatch: pytest.MonkeyPatch, kind: str
) -> None:
    """SQLite would take a zero-byte file for a new database: the window says it is
    damaged and puts the latest sound backup back, instead of starting empty."""

    from tests.app.backup.test_damage import cut

    desk.settings.set("site.configured", True)
    kept = desk.intake.save(visit()).id
    make_backup(desk.paths.database, desk.paths.backups)
    desk.close()
    cut(desk.paths.database, kind)
    seen, opened = run_restore_loop(monkeypatch)
    assert seen[0].startswith("La base de données est endommagée (fichier")
    assert "La dernière sauvegarde saine date du" in seen[0]
    assert opened == [{kept}]
    (aside,) = home.glob("aiguillage.sqlite3.endommagee-*")
    assert (aside.stat().st_size == 0) == (kind == "vide")
