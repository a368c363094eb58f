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
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtGui import QImage
    from PySide6.QtWidgets import QApplication, QWidget

    from app.desk import Desk
    from ui.main_window import MainWindow

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

    from PySide6.QtWidgets import QApplication

    from ui.main import install_translator
    from ui.main_window import MainWindow
    from ui.screen_fit import show_maximised
    from ui.style import apply_style

    app = QApplication(sys.argv[:1])
    desk, referred = _desk(args.lang)
    install_translator(app, args.lang)
    apply_style(app)
    window = MainWindow(desk)
    show_maximised(window)  # as at the counter
    _fill_form(window)
    window.form.channel.setFocus()
    suffix = f"-{int(args.scale * 100)}" if args.scale != 1.0 else ""
    suffix += "-en" if args.lang == "en" else ""
    shots = _Shots(app, window, target, suffix)
    shots.settle()
    window.tasks.submit(lambda: None, lambda _r: None, lambda _e: None).result()
    shots.settle()
    shots.on_screen("fenetre-accueil")
    if args.lang == "fr":
        _dialogs(shots, referred)
    if args.scale == 1.0 and args.lang == "fr":
        _tabs(shots)
        slip_images(desk, target)
    if args.lang == "fr":
        from devtools.screenshots_time import seed, time_shots

        seed(shots)
        time_shots(shots, slip=args.scale == 1.0, drawn=has_text)
    if args.lang == "en" or args.scale != 1.0:
        shots.shown_stats()
        window.grab().save(str(target / f"statistiques{suffix}.png"))
    from ui.about import AboutDialog

    about = AboutDialog(window)
    about.show()
    shots.settle()
    about.grab().save(str(target / f"a-propos{suffix}.png"))
    about.reject()
    window.close()
    desk.close()
    shutil.rmtree(os.environ["AIGUILLAGE_HOME"], ignore_errors=True)
    return 0


def _desk(lang: str) -> tuple[Desk, str]:
    """The throw-away desk, its month so far and today's visits logged; the id of the
    visit sent to two partners."""
    from zoneinfo import ZoneInfo

    from app.desk import Desk
    from app.intake.contact import ContactDraft
    from devtools.demo_activity import log_visits

    now = datetime(2026, 11, 24, 11, 40, tzinfo=ZoneInfo("Europe/Paris"))
    desk = Desk.open(clock=lambda: now)
    desk.settings.set_texts(
        {
            "site.name": "Cité des métiers d’Istres",
            "site.commune": "13047",
            "site.address": "Place fictive, 13800 Istres",
            "site.phone": "04 65 71 00 00",
        }
    )
    desk.settings.set("ui.language", lang)
    # The month so far, for the statistics; today's visits follow.
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
    _partners_said(desk, now.date())
    return desk, referred


def _partners_said(desk: Desk, today: date) -> None:
    """What partners said of the month's referrals, as a pull from the hub would store it:
    most came, some were taken in hand, a few sent elsewhere, some wait."""
    from sqlalchemy import select

    from db.models import Referral

    said = ("accompagnee", "accompagnee", "presentee", "reorientee", None, "non-eligible", None)
    with desk.sessions.begin() as session:
        referrals = session.scalars(select(Referral).order_by(Referral.created_at)).all()
        for index, referral in enumerate(referrals):
            outcome = said[index % len(said)]
            if outcome is not None:
                referral.presented_on = today - timedelta(days=index % 9)
                referral.outcome = None if outcome == "presentee" else outcome


def _fill_form(window: MainWindow) -> None:
    """A visit being logged, as the agent has filled it in so far."""
    form = window.form
    form.public.set_values("reconversion")
    form.age.set_values("26-44")
    form.gender.set_values("femme")
    form.commune.set_code("13047")
    form.themes.set_values(["trouver-formation", "vae"])


class _Shots:
    """The window on its offscreen screen, and how it is shot once what it reads off its
    thread has come back."""

    def __init__(self, app: QApplication, window: MainWindow, target: Path, suffix: str) -> None:
        self.app, self.window, self.target, self.suffix = app, window, target, suffix

    def settle(self) -> None:
        for _ in range(20):
            self.app.processEvents()

    def wait_for(
        self, shown: Callable[[], object], seconds: float = 60, step: float = 0.01
    ) -> None:
        """Until ``shown`` (what is read off the window's thread has come back)."""
        deadline = time.monotonic() + seconds
        while not shown() and time.monotonic() < deadline:
            self.app.processEvents()
            time.sleep(step)
        self.settle()

    def shown_stats(self) -> None:
        """The statistics tab, once its figures are on screen (read off the window's
        thread: the window's writer being idle says nothing of them)."""
        shown: list[bool] = []
        self.window.statistics().sig_shown.connect(lambda: shown.append(True))
        self.window.show_tab(2)  # built already: it reloads
        self.wait_for(lambda: shown)

    def on_screen(self, name: str, *shown: QWidget) -> None:
        """The whole screen: the window, and each dialog where it sits over it."""
        from PySide6.QtGui import QColor, QImage, QPainter

        ratio = self.app.primaryScreen().devicePixelRatio()
        image = QImage(WIDTH, HEIGHT, QImage.Format.Format_RGB32)
        image.setDevicePixelRatio(ratio)
        image.fill(QColor("#3b4652"))  # the desktop
        painter = QPainter(image)
        for widget in (self.window, *shown):
            painter.fillRect(widget.frameGeometry(), QColor("#5b6875"))  # its frame
            painter.drawPixmap(widget.geometry().topLeft(), widget.grab())
        painter.end()
        image.save(str(self.target / f"{name}{self.suffix}.png"))


def _dialogs(shots: _Shots, referred: str) -> None:
    """F4's partners, the slip preview, the settings and both pages of the first start,
    each over the window."""
    window = shots.window
    window.orient()  # F4, for the visitor being logged
    shots.wait_for(lambda: window.referral_dialog.detail_for is not None)
    shots.on_screen("orienter", window.referral_dialog)
    window.referral_dialog.reject()
    window.open_slips(referred)  # the visit is read first, then its slips open
    shots.wait_for(lambda: getattr(window, "slip_dialog", None) is not None)
    slips = window.slip_dialog
    deadline = time.monotonic() + 60
    while len(slips.slips) < 2 and time.monotonic() < deadline:
        shots.app.processEvents()
        time.sleep(0.01)
    # The view draws its pages on a thread of its own: wait until the page shows.
    shots.wait_for(lambda: has_text(slips.view.grab().toImage()), seconds=20, step=0.05)
    shots.on_screen("apercu-fiche", slips)
    slips.reject()
    window.open_settings()
    shots.settle()
    shots.on_screen("reglages", window.settings_dialog)
    window.settings_dialog.reject()
    _arrivals(shots)
    window.first_start()
    shots.settle()
    shots.on_screen("premier-demarrage", window.wizard)
    window.wizard.identity_page.identity.name.setText("Cité des métiers d’Istres")
    window.wizard.next()
    shots.wait_for(lambda: window.wizard.currentPage() is window.wizard.mode_page)
    shots.on_screen("premier-demarrage-2", window.wizard)
    window.wizard.reject()
    shots.settle()
    _fill_form(window)


def _arrivals(shots: _Shots) -> None:
    """« Accueillir une personne orientée », a code typed, the last ones answered."""
    from sqlalchemy import select

    from app.referrals import arrivals
    from db.models import Arrival

    window, desk = shots.window, shots.window.desk
    for code, said, answer in (("QX4-8TR", "accompagnee", "notee"),
                               ("H2K-9PL", "presentee", "notee"),
                               ("BN7-3WD", "reorientee", None)):  # fmt: skip
        arrivals.note(desk.sessions, code, said, desk.intake.now())
        with desk.sessions.begin() as session:
            row = session.scalars(select(Arrival).where(Arrival.slip_code == code)).one()
            row.answer = answer
    window.open_arrivals()
    dialog = window.arrival_dialog
    shots.wait_for(lambda: dialog.last.count() == 3)
    dialog.code.setText("k7m 42q")
    dialog.said.setCurrentIndex(1)
    shots.settle()
    shots.on_screen("accueillir-orientee", dialog)
    dialog.reject()


def _tabs(shots: _Shots) -> None:
    """The journal with a visit being edited, the directory and the statistics."""
    from PySide6.QtWidgets import QScrollArea

    window, target = shots.window, shots.target
    window.journal.table.setFocus()
    window.journal.table.selectRow(1)
    window.edit(window.journal.model.contact(1).id)
    shots.settle()
    window.grab().save(str(target / "journal-modification.png"))
    window.form.clear()
    window.show_tab(1)
    panel = window.directory
    panel.commune.set_code("13047")
    panel.search_box.setText("jeunes")
    panel._timer.stop()
    panel.run_search()
    shots.wait_for(lambda: panel.shown_text == "jeunes")
    panel.table.selectRow(1)
    shots.wait_for(lambda: panel.detail_for == panel.current())
    window.grab().save(str(target / "annuaire.png"))
    shots.shown_stats()
    content = window.statistics().findChild(QScrollArea)
    assert content is not None
    window.grab().save(str(target / "statistiques.png"))
    content.verticalScrollBar().setValue(content.verticalScrollBar().maximum())
    shots.settle()
    window.grab().save(str(target / "statistiques-2.png"))
    window.show_tab(0)


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
