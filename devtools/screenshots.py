"""Screenshots of the real window for the documentation.

    python -m devtools.screenshots DIR [--scale 1.5] [--lang en]

Runs on a throw-away desk (``AIGUILLAGE_HOME`` in a temporary folder) with a few visits
logged, on an offscreen screen the size of the counter PC's (1366 × 768 physical pixels;
``--scale 1.5`` is Windows' 150 %, 911 × 512 logical pixels). The window opens maximised as
at the counter; a dialog is shot over it, the whole screen in the picture, so one sees it
fits: the form, F4's partners, the slip preview, the settings and both pages of the first
start, at each scale; at 100 % also the journal, the directory and the statistics.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtGui import QImage

    from app.desk import Desk

WIDTH, HEIGHT = 1366, 768
VISITS = [
    ("demandeur-emploi", "26-44", "femme", "13047", ["trouver-formation"], ["information"]),
    ("scolaire", "moins-16", "homme", "13063", ["decouvrir-metiers"], ["documentation"]),
    ("salarie", "45-54", "femme", "13004", ["vae", "evolution-professionnelle"], ["rendez-vous"]),
    ("jeune-non-scolarise", "16-25", "homme", "13056", ["alternance"], ["orientation-partenaire"]),
    ("reconversion", "26-44", "non-precise", "13103", ["financer-formation"], ["information"]),
]


def counter_screen() -> str:
    """A Qt offscreen configuration file describing the counter's screen."""
    screen = {"name": "counter", "x": 0, "y": 0, "width": WIDTH, "height": HEIGHT,
              "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}  # fmt: skip
    config = {"synchronousWindowSystemEvents": False, "windowFrameMargins": True,
              "screens": [screen]}  # fmt: skip
    handle, name = tempfile.mkstemp(prefix="aiguillage-screen-", suffix=".json")
    with os.fdopen(handle, "w", encoding="utf-8") as file:
        json.dump(config, file)
    return name


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m devtools.screenshots")
    parser.add_argument("target", nargs="?", default="docs")
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--lang", default="fr", choices=("fr", "en"))
    args = parser.parse_args(argv[1:])
    target = Path(args.target).resolve()
    target.mkdir(parents=True, exist_ok=True)
    if os.environ.setdefault("QT_QPA_PLATFORM", "offscreen") == "offscreen":
        os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={counter_screen()}"
    os.environ["QT_SCALE_FACTOR"] = str(args.scale)
    os.environ["AIGUILLAGE_HOME"] = tempfile.mkdtemp(prefix="aiguillage-shots-")

    from zoneinfo import ZoneInfo

    from PySide6.QtGui import QColor, QImage, QPainter
    from PySide6.QtWidgets import QApplication, QScrollArea, QWidget

    from app.desk import Desk
    from app.intake.contact import ContactDraft
    from ui.main import install_translator
    from ui.main_window import MainWindow
    from ui.screen_fit import show_maximised
    from ui.style import apply_style

    now = datetime(2026, 11, 24, 11, 40, tzinfo=ZoneInfo("Europe/Paris"))
    app = QApplication(sys.argv[:1])
    desk = Desk.open(clock=lambda: now)
    desk.settings.set_texts(
        {
            "site.name": "Cité des métiers d’Istres",
            "site.commune": "13047",
            "site.address": "Place fictive, 13800 Istres",
            "site.phone": "04 65 71 00 00",
        }
    )
    desk.settings.set("ui.language", args.lang)
    # The month so far, for the statistics; today's visits follow.
    from devtools.demo_activity import log_visits

    log_visits(desk, now.date().replace(day=1), now.date() - timedelta(days=1))
    referred = ""
    for index, (public, age, gender, commune, themes, answers) in enumerate(VISITS):
        draft = ContactDraft("sur-place", public, age, gender, commune, themes, answers)
        draft.moment = now - timedelta(minutes=140 - 27 * index)
        if index == 3:
            draft.referrals = [
                "demo-spro-etm--ml-ouest-provence-cej",
                "demo-spro-etm--cio-martigues-istres-entretien-orientation",
            ]
        record = desk.intake.save(draft)
        referred = record.id if draft.referrals else referred
    install_translator(app, args.lang)
    apply_style(app)
    window = MainWindow(desk)
    show_maximised(window)  # as at the counter
    form = window.form
    form.public.set_values("reconversion")
    form.age.set_values("26-44")
    form.gender.set_values("femme")
    form.commune.set_code("13047")
    form.themes.set_values(["trouver-formation", "vae"])
    form.channel.setFocus()

    def settle() -> None:
        for _ in range(20):
            app.processEvents()

    def wait_for(shown: Callable[[], object]) -> None:
        """Until ``shown`` (what is read off the window's thread has come back)."""
        deadline = time.monotonic() + 60
        while not shown() and time.monotonic() < deadline:
            app.processEvents()
            time.sleep(0.01)
        settle()

    def shown_stats() -> None:
        """The statistics tab, once its figures are on screen (read off the window's
        thread: the window's writer being idle says nothing of them)."""
        shown: list[bool] = []
        window.statistics().sig_shown.connect(lambda: shown.append(True))
        window.show_tab(2)  # built already: it reloads
        deadline = time.monotonic() + 60
        while not shown and time.monotonic() < deadline:
            app.processEvents()
            time.sleep(0.01)
        settle()

    settle()
    window.tasks.submit(lambda: None, lambda _r: None, lambda _e: None).result()
    settle()
    suffix = f"-{int(args.scale * 100)}" if args.scale != 1.0 else ""
    suffix += "-en" if args.lang == "en" else ""

    def on_screen(name: str, *shown: QWidget) -> None:
        """The whole screen: the window, and each dialog where it sits over it."""
        screen = app.primaryScreen()
        ratio = screen.devicePixelRatio()
        image = QImage(WIDTH, HEIGHT, QImage.Format.Format_RGB32)
        image.setDevicePixelRatio(ratio)
        image.fill(QColor("#3b4652"))  # the desktop
        painter = QPainter(image)
        for widget in (window, *shown):
            painter.fillRect(widget.frameGeometry(), QColor("#5b6875"))  # its frame
            painter.drawPixmap(widget.geometry().topLeft(), widget.grab())
        painter.end()
        image.save(str(target / f"{name}{suffix}.png"))

    on_screen("fenetre-accueil")
    if args.lang == "fr":
        window.orient()  # F4, for the visitor being logged
        wait_for(lambda: window.referral_dialog.detail_for is not None)
        on_screen("orienter", window.referral_dialog)
        window.referral_dialog.reject()
        window.open_slips(referred)
        slips = window.slip_dialog
        deadline = time.monotonic() + 60
        while len(slips.slips) < 2 and time.monotonic() < deadline:
            app.processEvents()
            time.sleep(0.01)
        # The view draws its pages on a thread of its own: wait until the page shows.
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline and not has_text(slips.view.grab().toImage()):
            app.processEvents()
            time.sleep(0.05)
        settle()
        on_screen("apercu-fiche", slips)
        slips.reject()
        window.open_settings()
        settle()
        on_screen("reglages", window.settings_dialog)
        window.settings_dialog.reject()
        window.first_start()
        settle()
        on_screen("premier-demarrage", window.wizard)
        window.wizard.identity_page.identity.name.setText("Cité des métiers d’Istres")
        window.wizard.next()
        wait_for(lambda: window.wizard.currentPage() is window.wizard.mode_page)
        on_screen("premier-demarrage-2", window.wizard)
        window.wizard.reject()
        settle()
        form.public.set_values("reconversion")
        form.age.set_values("26-44")
        form.gender.set_values("femme")
        form.commune.set_code("13047")
        form.themes.set_values(["trouver-formation", "vae"])
    if args.scale == 1.0 and args.lang == "fr":
        window.journal.table.setFocus()
        window.journal.table.selectRow(1)
        window.edit(window.journal.model.contact(1).id)
        settle()
        window.grab().save(str(target / "journal-modification.png"))
        form.clear()
        window.show_tab(1)
        panel = window.directory
        panel.commune.set_code("13047")
        panel.search_box.setText("jeunes")
        panel._timer.stop()
        panel.run_search()
        wait_for(lambda: panel.shown_text == "jeunes")
        panel.table.selectRow(1)
        wait_for(lambda: panel.detail_for == panel.current())
        window.grab().save(str(target / "annuaire.png"))
        shown_stats()
        stats_panel = window.statistics()
        window.grab().save(str(target / "statistiques.png"))
        content = stats_panel.findChild(QScrollArea)
        assert content is not None
        content.verticalScrollBar().setValue(content.verticalScrollBar().maximum())
        settle()
        window.grab().save(str(target / "statistiques-2.png"))
        window.show_tab(0)
    if args.scale == 1.0 and args.lang == "fr":
        slip_images(desk, target)
    if args.lang == "en" or args.scale != 1.0:
        shown_stats()
        window.grab().save(str(target / f"statistiques{suffix}.png"))
    from ui.about import AboutDialog

    about = AboutDialog(window)
    about.show()
    settle()
    about.grab().save(str(target / f"a-propos{suffix}.png"))
    about.reject()
    window.close()
    desk.close()
    shutil.rmtree(os.environ["AIGUILLAGE_HOME"], ignore_errors=True)
    return 0


def has_text(image: QImage) -> bool:
    """Whether dark strokes show in the middle of ``image`` (a page drawn, not blank)."""
    width, height = image.width(), image.height()
    return any(
        image.pixelColor(width * (20 + i) // 100, height * (10 + j) // 100).lightness() < 128
        for i in range(0, 60, 2)
        for j in range(0, 50, 2)
    )


def slip_images(desk: Desk, target: Path) -> None:
    """The three slip formats (and large print) as PNG pages, from the real PDFs."""
    import pypdfium2

    from app.referrals.records import slip_for_service

    for fmt, large, name in (
        ("a4", False, "fiche-a4"),
        ("a5", False, "fiche-a5"),
        ("receipt", False, "fiche-ticket"),
        ("a4", True, "fiche-a4-gros-caracteres"),
    ):
        pdf, _code = slip_for_service(
            desk, "demo-spro-etm--ml-ouest-provence-cej", fmt=fmt, large=large
        )
        page = pypdfium2.PdfDocument(pdf)[0]
        page.render(scale=2.0 if fmt == "receipt" else 1.25).to_pil().save(target / f"{name}.png")


if __name__ == "__main__":
    sys.exit(main(sys.argv))
