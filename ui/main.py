"""Starting the desk window (and ``--smoke``: start, show, print figures, quit).

One window per database (a lock file, freed even when the process was killed); the log
file set up; an uncaught error shown in a dialog and logged, never a silent exit; a
damaged database said so, with the latest sound backup offered; the day's backup taken
once the window is up.
"""

from __future__ import annotations

import functools
import json
import sys
import threading
import traceback
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtCore import QLibraryInfo, QLocale, QLockFile, QTimer, QTranslator
from PySide6.QtWidgets import QApplication, QMessageBox

from app.cli.texts import cli_language
from app.logs import logger, setup_logging
from app.paths import DeskPaths, desk_paths
from core.errors import DeskError
from core.i18n import N_, gettext, use_language
from core.resources import resource
from core.version import app_version

if TYPE_CHECKING:
    from app.desk import Desk
    from app.first_screen import FirstScreen
    from ui.main_window import MainWindow

TRANSLATIONS = resource("translations")
log = logger("window")

# What the window says before its translations are loaded (and whatever happens to
# them): French, translated through the gettext catalogue (core.i18n), not Qt's.
TEXTS = {
    "already_open": N_(
        "Aiguillage est déjà ouvert sur ce poste (processus {pid})\u00a0: utilisez la "
        "fenêtre ouverte. Une seule fenêtre peut écrire dans la base à la fois."
    ),
    "damaged_title": N_("Base de données endommagée"),
    "damaged_offer": N_(
        "La base de données est endommagée ({reason}).\n\nLa dernière sauvegarde saine date "
        "du {moment}. La remettre en place\u00a0? La base endommagée est mise de côté, "
        "jamais effacée\u00a0; les accueils notés depuis cette sauvegarde n’y sont pas."
    ),
    "damaged_none": N_(
        "La base de données est endommagée ({reason}), et aucune sauvegarde saine n’est "
        "disponible. Appelez l’assistance\u00a0; ne supprimez aucun fichier."
    ),
    "restore": N_("Restaurer la sauvegarde"),
    "quit": N_("Quitter"),
    "restored": N_(
        "La sauvegarde du {moment} est en place. La base endommagée a été gardée à côté."
    ),
    "error_title": N_("Erreur inattendue"),
    "error": N_(
        "Une erreur inattendue est survenue\u00a0: {error}\n\nLes accueils déjà enregistrés "
        "sont conservés. L’erreur est notée dans le journal\u00a0: {log}"
    ),
}


def say(key: str, lang: str, **values: object) -> str:
    return gettext(TEXTS[key], lang).format(**values)


def qt_translations() -> list[Path]:
    """Where Qt's own catalogues are: Qt's library path, or PySide6's folder (bundled)."""
    import PySide6

    folders = [Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))]
    folders.append(Path(PySide6.__file__).parent / "Qt" / "translations")
    return folders


def install_translator(app: QApplication, lang: str) -> list[QTranslator]:
    """French is the source language; English loads its compiled translation, and French
    its own plural forms (« %n accueil(s) » is « 1 accueil », « 2 accueils »: Qt takes a
    message's plural forms from a catalogue, even in the source language). Qt's own words
    (the file and print dialogs, a message box's Yes/No) come from Qt's catalogue of the
    same language, shipped with PySide6. Returns the translators installed."""
    installed: list[QTranslator] = []
    qt_own = QTranslator(app)
    if any(qt_own.load(f"qtbase_{lang}", str(folder)) for folder in qt_translations()):
        app.installTranslator(qt_own)
        installed.append(qt_own)
    translator = QTranslator(app)
    if translator.load(str(TRANSLATIONS / f"aiguillage_{lang}.qm")):
        app.installTranslator(translator)
        installed.append(translator)
        if lang == "en":
            QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    if lang == "fr":
        QLocale.setDefault(QLocale(QLocale.Language.French, QLocale.Country.France))
    return installed


def window_language(app: QApplication, desk: Desk | FirstScreen) -> tuple[str, list[QTranslator]]:
    """The window's language, its translators installed: ``AIGUILLAGE_LANG`` when set (as
    for the command line), else the desk's ``ui.language`` setting."""
    lang = desk.language
    use_language(lang)  # the gettext catalogue's too, for text written without a language
    return lang, install_translator(app, lang)


def _cannot_start(message: str, smoke: bool) -> int:
    """Say why the desk cannot open, in a dialog (not in a smoke run: nobody is there)."""
    print(message, file=sys.stderr)
    log.error("cannot start: %s", message)
    if not smoke:
        QMessageBox.critical(None, "Aiguillage", message)
    return 1


# How long a smoke run waits for the day to be shown before it fails.
SMOKE_PATIENCE_S = 60

# The errors nobody caught in this process: a smoke run that met one fails.
UNCAUGHT: list[str] = []


def install_excepthook(log_file: Path, lang: str, show: bool = True) -> None:
    """An error nobody caught is logged with its trace and shown (``show``; a smoke run
    has nobody to read it); the window carries on (what was saved is on disk)."""

    def shown(kind: type[BaseException], error: BaseException, trace: TracebackType | None) -> None:
        log.error("uncaught error\n%s", "".join(traceback.format_exception(kind, error, trace)))
        UNCAUGHT.append(f"{kind.__name__}: {error}")
        if not show:  # a smoke run: nobody to click a dialog; say it, and stop
            traceback.print_exception(kind, error, trace, file=sys.stderr)
            running = QApplication.instance()
            if running is not None:
                running.exit(1)
            return
        if (
            QApplication.instance() is not None
            and threading.current_thread() is threading.main_thread()
        ):
            text = say("error", lang, error=f"{kind.__name__}: {error}"[:300], log=log_file)
            QMessageBox.critical(None, say("error_title", lang), text)

    def in_thread(args: threading.ExceptHookArgs) -> None:
        UNCAUGHT.append(f"{args.exc_type.__name__}: {args.exc_value}")
        log.error(
            "uncaught error in %s\n%s",
            args.thread.name if args.thread else "?",
            "".join(traceback.format_exception(args.exc_type, args.exc_value, args.exc_traceback)),
        )

    UNCAUGHT.clear()  # this window's run only
    sys.excepthook = shown
    threading.excepthook = in_thread


def offer_restore(paths: DeskPaths, reason: str, lang: str, smoke: bool) -> bool:
    """The database is damaged: offer the latest sound backup. True once it is back."""
    from app.backup.copies import latest_sound, restore_backup

    backup = latest_sound(paths.backups)
    if backup is None:
        _cannot_start(say("damaged_none", lang, reason=reason), smoke)
        return False
    moment = backup.moment.strftime("%d/%m/%Y %H:%M")
    text = say("damaged_offer", lang, reason=reason, moment=moment)
    log.error("damaged database (%s); latest sound backup %s", reason, backup.path)
    if smoke:
        print(text, file=sys.stderr)
        return False
    box = QMessageBox(QMessageBox.Icon.Critical, say("damaged_title", lang), text)
    restore = box.addButton(say("restore", lang), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(say("quit", lang), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(restore)
    box.exec()
    if box.clickedButton() is not restore:
        return False
    try:
        restore_backup(backup.path, paths.database, paths.backups)
    except (DeskError, OSError) as error:
        message = error.text(lang) if isinstance(error, DeskError) else str(error)
        _cannot_start(message, smoke)
        return False
    log.info("restored %s", backup.path)
    QMessageBox.information(None, "Aiguillage", say("restored", lang, moment=moment))
    return True


def checked_now(paths: DeskPaths) -> bool:
    """Whether the quick check runs before opening (else after, in the background)."""
    from app.backup.health import small_enough_to_check

    return small_enough_to_check(paths.database)


def _open_desk(paths: DeskPaths, lang: str, smoke: bool) -> Desk | int:
    """The desk, or an exit code when it cannot open (after offering a restore)."""
    from app.backup.health import problems
    from app.desk import Desk
    from app.failures import guarded

    for _attempt in range(2):
        found = problems(paths.database, quick=True) if checked_now(paths) else []
        if found:
            if not offer_restore(paths, "; ".join(found)[:200], lang, smoke):
                return 1
            continue
        try:
            # Database and file errors come back as the desk's own (``app.failures``).
            return guarded(lambda: Desk.open(paths))()
        except DeskError as error:
            damaged = ("database_damaged", "database_damaged_backup", "database_damaged_no_backup")
            reason = str(error.params.get("reason", ""))
            if error.key == "database_error":
                if not problems(paths.database, quick=True):
                    return _cannot_start(error.text(lang), smoke)
            elif error.key not in damaged:
                return _cannot_start(error.text(lang), smoke)
        if not offer_restore(paths, reason, lang, smoke):
            return 1
    return 1


def first_screen(paths: DeskPaths) -> FirstScreen | None:
    """An everyday start's first screen, read with ``sqlite3`` before the event loop runs
    (no SQLAlchemy); ``None`` when the desk must open first (a first start, a schema or
    reference data to upgrade). The quick check of a small database runs when the desk
    opens, just after the first paint, as it ran before opening."""
    from app.first_screen import read_first_screen
    from app.intake.clock import local_now

    return read_first_screen(paths.database, local_now().date())


def run_window(smoke: bool = False) -> int:
    from ui.style import app_icon, apply_style

    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("Aiguillage")
    app.setOrganizationName("Aiguillage")
    app.setApplicationVersion(app_version())
    app.setDesktopFileName("aiguillage")  # the .desktop entry, on Linux
    app.setWindowIcon(app_icon())
    lang = cli_language()
    try:
        paths = desk_paths().ensure()
    except OSError as error:
        problem = DeskError("file_error", path=error.filename or "", reason=error.strerror or "")
        return _cannot_start(problem.text(lang), smoke)
    log_file = setup_logging(paths)
    install_excepthook(log_file, lang, show=not smoke)
    # One window per database; a lock left by a killed process is taken over.
    lock = QLockFile(str(paths.lock))
    lock.setStaleLockTime(0)
    if not lock.tryLock(200):
        info = lock.getLockInfo()  # (pid, host, application) in PySide6
        pid = info[0] if isinstance(info, tuple) and info else "?"
        return _cannot_start(say("already_open", lang, pid=pid), smoke)
    log.info("window starting, version %s (%s)", app_version(), paths.data)
    try:
        translated = False
        first = first_screen(paths)
        while True:
            start: Desk | FirstScreen | int = first or _open_desk(paths, lang, smoke)
            first = None  # a window opened anew after a restore takes the long way
            if isinstance(start, int):
                return start
            if not translated:
                lang, _translators = window_language(app, start)
                apply_style(app)
                translated = True
            from ui.main_window import MainWindow

            window = MainWindow(start)
            window.open_desk_now = functools.partial(_attach_desk, window, paths, lang, smoke)
            code, damage = _show_window(app, window, smoke)
            if window.opened:
                window.desk.close()
            if damage is None:
                log.info("window closed")
                return code
            # The quick check after start found damage: offer the way back, then reopen.
            if not offer_restore(paths, damage, lang, smoke):
                return 1
    finally:
        lock.unlock()


def _attach_desk(window: MainWindow, paths: DeskPaths, lang: str, smoke: bool) -> None:
    """Open the desk on the window's thread and wire the window to it (once): just after
    the first screen's paint, or at once when a key needs it before. A desk that cannot
    open ends the window, with the code ``_open_desk`` gives."""
    if window.opened:
        return
    try:
        desk = _open_desk(paths, lang, smoke)
        if isinstance(desk, int):
            window.failed_to_open = desk
            window.close()
            return
        window.attach(desk)
    finally:
        if not window.places.bound:  # a read waiting for the desk fails rather than waits
            window.places.bind(None)
    _desk_ready(window, smoke)


def _desk_ready(window: MainWindow, smoke: bool) -> None:
    """The first start's wizard of a desk never set up, and the safety checks."""
    if smoke:
        return
    if not window.desk.settings.get("site.configured"):
        window.first_start()
    window.safety.start(check=not checked_now(window.desk.paths))


def smoke_figures() -> dict[str, float]:
    """What a smoke run reports: seconds since the process started, memory."""
    from app.procinfo import rss_mb, seconds_since_start

    return {"startup_s": round(seconds_since_start(), 3), "rss_mb": round(rss_mb(), 1)}


def _show_window(app: QApplication, window: MainWindow, smoke: bool) -> tuple[int, str | None]:
    """Run the window until it closes: its exit code, and the damage it found if any. A
    smoke run reports when the window can take input (its first screen shown: ``startup_s``)
    and quits once the desk is open and the day read from it (``desk_ready_s``)."""
    from ui.screen_fit import show_maximised

    show_maximised(window)  # the screen's available area, at any scale
    figures: dict[str, float] = {}

    def usable() -> None:
        if smoke and not figures:
            figures.update(smoke_figures())

    if smoke:

        def report() -> None:
            if app.closingDown() or not window.isVisible():
                return  # reported already
            usable()
            figures["desk_ready_s"] = smoke_figures()["startup_s"]
            print(json.dumps(figures))
            window.close()
            app.quit()

        def never_shown() -> None:
            if window.isVisible():
                UNCAUGHT.append("the day was never shown")
                print(UNCAUGHT[-1], file=sys.stderr)
                report()

        # Once the day's journal and counters are shown from the desk, the smoke is done.
        window.sig_refreshed.connect(report)
        QTimer.singleShot(SMOKE_PATIENCE_S * 1000, never_shown)
    if window.opened:  # the long way: the desk opened before the window
        _desk_ready(window, smoke)

    def first_painted() -> None:
        usable()
        window.open_desk_now()

    QTimer.singleShot(0, first_painted)
    code = app.exec()
    if window.isVisible():  # the loop ended without the window closing: stop its threads
        window.close()
    if window.failed_to_open is not None:
        return window.failed_to_open, None
    if smoke and UNCAUGHT:
        return 1, None
    return int(code), window.safety.damage if window.opened else None
