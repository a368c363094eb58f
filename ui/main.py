"""Starting the desk window (and ``--smoke``: start, show, print figures, quit)."""

from __future__ import annotations

import json
import sys

from PySide6.QtCore import QLocale, QTimer, QTranslator
from PySide6.QtWidgets import QApplication, QMessageBox
from sqlalchemy.exc import SQLAlchemyError

from app.cli.main import cli_language
from app.errors import DeskError
from app.paths import resource

TRANSLATIONS = resource("translations")


def install_translator(app: QApplication, lang: str) -> QTranslator | None:
    """French is the source language; English loads its compiled translation."""
    if lang == "fr":
        QLocale.setDefault(QLocale(QLocale.Language.French, QLocale.Country.France))
        return None
    translator = QTranslator(app)
    if translator.load(str(TRANSLATIONS / f"aiguillage_{lang}.qm")):
        app.installTranslator(translator)
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
        return translator
    return None


def _cannot_start(message: str, smoke: bool) -> int:
    """Say why the desk cannot open, in a dialog (not in a smoke run: nobody is there)."""
    print(message, file=sys.stderr)
    if not smoke:
        QMessageBox.critical(None, "Aiguillage", message)
    return 1


def run_window(smoke: bool = False) -> int:
    from app.desk import Desk
    from ui.main_window import MainWindow
    from ui.style import apply_style

    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("Aiguillage")
    app.setOrganizationName("Aiguillage")
    lang = cli_language()
    try:
        desk = Desk.open()
    except DeskError as error:
        return _cannot_start(error.text(lang), smoke)
    except SQLAlchemyError as error:
        reason = str(getattr(error, "orig", None) or error).splitlines()[0][:200]
        return _cannot_start(DeskError("database_error", reason=reason).text(lang), smoke)
    except OSError as error:
        problem = DeskError("file_error", path=error.filename or "", reason=error.strerror or "")
        return _cannot_start(problem.text(lang), smoke)
    install_translator(app, desk.language)
    apply_style(app)
    window = MainWindow(desk)
    window.resize(1366, 740)
    window.show()
    if not smoke and not desk.settings.get("site.configured"):
        window.first_start()
    if smoke:
        from app.procinfo import rss_mb, seconds_since_start

        def report() -> None:
            figures = {"startup_s": round(seconds_since_start(), 3), "rss_mb": round(rss_mb(), 1)}
            print(json.dumps(figures))
            window.close()
            app.quit()

        # Once the event loop runs, the window has been shown and can take input.
        QTimer.singleShot(0, report)
    code = app.exec()
    desk.close()
    return int(code)
