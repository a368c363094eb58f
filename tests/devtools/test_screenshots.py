"""The screenshot maker (``make screenshots``) still drives the window through every
picture the README shows: a window that now reads before it opens a dialog must not break
it unseen."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PIL import Image


def test_the_screenshot_maker_draws_every_picture_at_the_counter_s_size(tmp_path: Path) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", AIGUILLAGE_HOME=str(tmp_path / "home"))
    done = subprocess.run(
        [sys.executable, "-m", "devtools.screenshots", str(tmp_path / "shots")],
        env=env, capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]
    made = {path.name for path in (tmp_path / "shots").glob("*.png")}
    assert {"fenetre-accueil.png", "orienter.png", "apercu-fiche.png", "reglages.png",
            "premier-demarrage-2.png", "annuaire.png", "statistiques.png"} <= made  # fmt: skip
    assert Image.open(tmp_path / "shots" / "fenetre-accueil.png").size == (1366, 768)
