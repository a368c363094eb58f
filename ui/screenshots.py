"""Screenshots of the real window for the documentation.

    python -m ui.screenshots DIR [--scale 1.5] [--lang en]

Runs on a throw-away desk (``AIGUILLAGE_HOME`` in a temporary folder) with a few visits
logged, at 1366×768 physical pixels: the intake form, the journal with a correction under
way, the settings and the first-start wizard. With ``--scale``, only the window, as a
counter PC set to that scale shows it.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

WIDTH, HEIGHT = 1366, 768
VISITS = [
    ("demandeur-emploi", "26-44", "femme", "13047", ["trouver-formation"], ["information"]),
    ("scolaire", "moins-16", "homme", "13063", ["decouvrir-metiers"], ["documentation"]),
    ("salarie", "45-54", "femme", "13004", ["vae", "evolution-professionnelle"], ["rendez-vous"]),
    ("jeune-non-scolarise", "16-25", "homme", "13056", ["alternance"], ["orientation-partenaire"]),
    ("reconversion", "26-44", "non-precise", "13103", ["financer-formation"], ["information"]),
]


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m ui.screenshots")
    parser.add_argument("target", nargs="?", default="docs")
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--lang", default="fr", choices=("fr", "en"))
    args = parser.parse_args(argv[1:])
    target = Path(args.target).resolve()
    target.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["QT_SCALE_FACTOR"] = str(args.scale)
    os.environ["AIGUILLAGE_HOME"] = tempfile.mkdtemp(prefix="aiguillage-shots-")

    from zoneinfo import ZoneInfo

    from PySide6.QtWidgets import QApplication, QScrollArea

    from app.contact import ContactDraft
    from app.desk import Desk
    from ui.main import install_translator
    from ui.main_window import MainWindow
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
    from app.demo_activity import log_visits

    log_visits(desk, now.date().replace(day=1), now.date() - timedelta(days=1))
    for index, (public, age, gender, commune, themes, answers) in enumerate(VISITS):
        draft = ContactDraft("sur-place", public, age, gender, commune, themes, answers)
        draft.moment = now - timedelta(minutes=140 - 27 * index)
        if index == 3:
            draft.referrals = ["demo-spro-etm--ml-ouest-provence-cej"]
        desk.intake.save(draft)
    install_translator(app, args.lang)
    apply_style(app)
    window = MainWindow(desk)
    window.resize(int(WIDTH / args.scale), int(HEIGHT / args.scale))
    window.show()
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
    window.grab().save(str(target / f"fenetre-accueil{suffix}.png"))
    if args.scale == 1.0 and args.lang == "fr":
        window.journal.table.setFocus()
        window.journal.table.selectRow(1)
        window.edit(window.journal.model.contact(1).id)
        settle()
        window.grab().save(str(target / "journal-modification.png"))
        form.clear()
        window.open_settings()
        settle()
        window.settings_dialog.grab().save(str(target / "reglages.png"))
        window.settings_dialog.reject()
        window.show_tab(1)
        panel = window.directory
        panel.commune.set_code("13047")
        panel.search_box.setText("jeunes")
        panel._timer.stop()
        panel.run_search()
        window.tasks.submit(lambda: None, lambda _r: None, lambda _e: None).result()
        settle()
        panel.table.selectRow(1)
        settle()
        window.grab().save(str(target / "annuaire.png"))
        shown_stats()
        stats_panel = window.statistics()
        window.grab().save(str(target / "statistiques.png"))
        content = stats_panel.findChild(QScrollArea)
        content.verticalScrollBar().setValue(content.verticalScrollBar().maximum())
        settle()
        window.grab().save(str(target / "statistiques-2.png"))
        window.show_tab(0)
        window.first_start()
        settle()
        window.wizard.grab().save(str(target / "premier-demarrage.png"))
        window.wizard.next()
        settle()
        window.wizard.grab().save(str(target / "premier-demarrage-2.png"))
        window.wizard.reject()
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


def slip_images(desk: object, target: Path) -> None:
    """The three slip formats (and large print) as PNG pages, from the real PDFs."""
    import pypdfium2

    from app.slip import slip_for_service

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
