"""Screenshots of the real window for the documentation: ``python -m ui.screenshots DIR``.

Runs on a throw-away desk (``AIGUILLAGE_HOME`` in a temporary folder) with a few visits
logged, in French, at 1366×768.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path


def main(argv: list[str]) -> int:
    target = Path(argv[1] if len(argv) > 1 else "docs").resolve()
    target.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["AIGUILLAGE_HOME"] = tempfile.mkdtemp(prefix="aiguillage-shots-")

    from PySide6.QtWidgets import QApplication

    from app.desk import Desk
    from app.intake import ContactDraft
    from ui.main import install_translator
    from ui.main_window import MainWindow
    from ui.style import apply_style

    app = QApplication(sys.argv[:1])
    desk = Desk.open()
    desk.settings.set("site.name", "Cité des métiers d’Istres")
    desk.settings.set("site.commune", "13047")
    visits = [
        (
            "demandeur-emploi",
            "26-44",
            "femme",
            "13047",
            ["trouver-formation", "financer-formation"],
            ["information", "orientation-partenaire"],
        ),
        ("scolaire", "moins-16", "homme", "13063", ["decouvrir-metiers"], ["documentation"]),
        (
            "salarie",
            "45-54",
            "femme",
            "13004",
            ["vae", "evolution-professionnelle"],
            ["rendez-vous"],
        ),
        (
            "jeune-non-scolarise",
            "16-25",
            "homme",
            "13056",
            ["alternance", "trouver-emploi"],
            ["orientation-partenaire"],
        ),
    ]
    for public, age, gender, commune, themes, answers in visits:
        desk.intake.save(ContactDraft("sur-place", public, age, gender, commune, themes, answers))
    install_translator(app, "fr")
    apply_style(app)
    window = MainWindow(desk)
    window.resize(1366, 768)
    window.show()
    window.form.public.set_values("reconversion")
    window.form.age.set_values("26-44")
    window.form.themes.set_values(["trouver-formation", "vae"])
    app.processEvents()
    window.grab().save(str(target / "fenetre-accueil.png"))
    window.close()
    desk.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
