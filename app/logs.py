"""The desk's log file: ``aiguillage.log`` in the user's log folder, rotated (five older
files of 1 MB at most). Nothing about a visitor is ever logged: ids, counts, errors."""

from __future__ import annotations

import io
import logging
import logging.handlers
import os
import platform
from pathlib import Path

from app.paths import PRIVATE_FILE, DeskPaths, private

LOG_NAME = "aiguillage.log"
MAX_BYTES = 1_000_000
KEEP = 5
_FORMAT = "%(asctime)s %(levelname)s %(name)s [%(process)d %(threadName)s] %(message)s"


class PrivateFileHandler(logging.handlers.RotatingFileHandler):
    """The rotating log, its files made readable by the user only (0600 on POSIX)."""

    def _open(self) -> io.TextIOWrapper:
        path = Path(self.baseFilename)
        if os.name == "posix" and not path.exists():
            os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, PRIVATE_FILE))
        stream = super()._open()
        private(path)
        return stream


def setup_logging(paths: DeskPaths, level: int = logging.INFO) -> Path:
    """Send the ``app``, ``ui``, ``db`` and ``hub`` loggers to the rotating file; returns
    its path. Calling it again changes nothing."""
    paths.logs.mkdir(mode=0o700, parents=True, exist_ok=True)
    private(paths.logs)
    target = paths.logs / LOG_NAME
    root = logging.getLogger("aiguillage")
    for handler in root.handlers:
        if getattr(handler, "baseFilename", None) == str(target):
            return target
    handler = PrivateFileHandler(
        target, maxBytes=MAX_BYTES, backupCount=KEEP, encoding="utf-8", delay=True
    )
    handler.setFormatter(logging.Formatter(_FORMAT))
    root.addHandler(handler)
    root.setLevel(level)
    from core.version import app_version

    # Not ``platform.platform()``: on Linux it reads the whole Python binary for the C
    # library's version and runs ``uname -p``, a tenth of a second of the window's start.
    system = platform.uname()
    root.info(
        "Aiguillage %s, Python %s, %s %s %s",
        app_version(),
        platform.python_version(),
        system.system,
        system.release,
        system.machine,
    )
    return target


def logger(name: str) -> logging.Logger:
    """A logger under ``aiguillage`` (``logger("sync")`` → ``aiguillage.sync``)."""
    return logging.getLogger(f"aiguillage.{name}")
