"""Every path of the desk, from one place.

Built on platformdirs; ``AIGUILLAGE_HOME`` moves every file of the desk (database,
backups, logs, settings) under one folder, as tests and benchmarks always do.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

APP_NAME = "Aiguillage"
HOME_ENV = "AIGUILLAGE_HOME"


def _root() -> Path:
    """Where ``resources/`` and the migrations are: the bundle's own folder when frozen by
    PyInstaller, else the checkout (or installed package) that holds ``app/``."""
    bundle = getattr(sys, "_MEIPASS", None)
    if getattr(sys, "frozen", False) and bundle:
        return Path(bundle).resolve()
    return Path(__file__).resolve().parent.parent


PACKAGE_ROOT = _root()
RESOURCES = PACKAGE_ROOT / "resources"


@dataclass(frozen=True, slots=True)
class DeskPaths:
    """Where the desk keeps its files."""

    data: Path
    logs: Path

    @property
    def database(self) -> Path:
        return self.data / "aiguillage.sqlite3"

    @property
    def backups(self) -> Path:
        return self.data / "backups"

    @property
    def lock(self) -> Path:
        return self.data / "aiguillage.lock"

    def ensure(self) -> DeskPaths:
        for folder in (self.data, self.logs, self.backups):
            folder.mkdir(parents=True, exist_ok=True)
        return self


def desk_paths() -> DeskPaths:
    """The desk's folders: ``$AIGUILLAGE_HOME`` when set, the user's folders otherwise."""
    override = os.environ.get(HOME_ENV)
    if override:
        home = Path(override).expanduser().resolve()
        return DeskPaths(data=home, logs=home / "logs")
    import platformdirs

    dirs = platformdirs.PlatformDirs(APP_NAME, appauthor=False)
    return DeskPaths(data=Path(dirs.user_data_dir), logs=Path(dirs.user_log_dir))


def resource(*parts: str) -> Path:
    """A file shipped in ``resources/`` (translations, fonts, geography, demo directory,
    icons), whether run from a checkout, installed, or bundled."""
    return RESOURCES.joinpath(*parts)


def shipped(*parts: str) -> Path:
    """A file shipped beside the code outside ``resources/`` (the migration scripts)."""
    return PACKAGE_ROOT.joinpath(*parts)
