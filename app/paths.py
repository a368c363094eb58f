"""Every path of the desk, from one place.

Built on platformdirs; ``AIGUILLAGE_HOME`` moves every file of the desk (database,
backups, logs, settings) under one folder, as tests and benchmarks always do.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

APP_NAME = "Aiguillage"
HOME_ENV = "AIGUILLAGE_HOME"

# The repository (or installed package) root: resources/ sits beside app/.
PACKAGE_ROOT = Path(__file__).resolve().parent.parent
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
    """A file shipped in ``resources/``."""
    return RESOURCES.joinpath(*parts)
