"""Every folder of the desk, from one place (what ships with it is ``core.resources``).

Built on platformdirs; ``AIGUILLAGE_HOME`` moves every file of the desk (database,
backups, logs, settings) under one folder, as tests and benchmarks always do.
"""

from __future__ import annotations

import contextlib
import os
from dataclasses import dataclass
from pathlib import Path

APP_NAME = "Aiguillage"
HOME_ENV = "AIGUILLAGE_HOME"


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
            folder.mkdir(mode=PRIVATE_FOLDER, parents=True, exist_ok=True)
        return self.tighten()

    def tighten(self) -> DeskPaths:
        """Make the desk's folders and every file in them readable by the user only
        (database and its journals, backups, logs, a token file), those of an older
        release included: a shared computer's other accounts read none of it."""
        for folder in (self.data, self.logs, self.backups):
            private(folder)
            with contextlib.suppress(OSError):
                for path in folder.iterdir():
                    if path.is_file() and not path.is_symlink():
                        private(path)
        return self


PRIVATE_FILE = 0o600
PRIVATE_FOLDER = 0o700


def private(path: Path) -> None:
    """Readable by the user only (0600 a file, 0700 a folder) on POSIX; Windows keeps a
    user's profile private by its own rights. Best effort: a file someone else owns
    stays as it is rather than stop the desk."""
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        mode = PRIVATE_FOLDER if path.is_dir() else PRIVATE_FILE
        if path.stat().st_mode & 0o777 != mode:
            os.chmod(path, mode)


def desk_paths() -> DeskPaths:
    """The desk's folders: ``$AIGUILLAGE_HOME`` when set, the user's folders otherwise."""
    override = os.environ.get(HOME_ENV)
    if override:
        home = Path(override).expanduser().resolve()
        return DeskPaths(data=home, logs=home / "logs")
    import platformdirs

    dirs = platformdirs.PlatformDirs(APP_NAME, appauthor=False)
    return DeskPaths(data=Path(dirs.user_data_dir), logs=Path(dirs.user_log_dir))
