"""The files shipped with Aiguillage: ``resources/`` (translations, fonts, geography, demo
directory, icons) and the migration scripts, found the same way whether run from a checkout,
installed, or bundled. The desk's own folders (database, backups, logs) are ``app.paths``."""

from __future__ import annotations

import sys
from pathlib import Path


def _root() -> Path:
    """Where ``resources/`` and the migrations are: the bundle's own folder when frozen by
    PyInstaller, else the checkout (or installed package) that holds ``core/``."""
    bundle = getattr(sys, "_MEIPASS", None)
    if getattr(sys, "frozen", False) and bundle:
        return Path(bundle).resolve()
    return Path(__file__).resolve().parent.parent


PACKAGE_ROOT = _root()
RESOURCES = PACKAGE_ROOT / "resources"


def resource(*parts: str) -> Path:
    """A file shipped in ``resources/`` (translations, fonts, geography, demo directory,
    icons), whether run from a checkout, installed, or bundled."""
    return RESOURCES.joinpath(*parts)


def shipped(*parts: str) -> Path:
    """A file shipped beside the code outside ``resources/`` (the migration scripts)."""
    return PACKAGE_ROOT.joinpath(*parts)
