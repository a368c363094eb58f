"""The version of Aiguillage, from the package's metadata (the bundle carries it too)."""

from __future__ import annotations

from functools import cache
from importlib.metadata import PackageNotFoundError, version

UNKNOWN = "0+inconnue"


@cache
def app_version() -> str:
    """``pyproject.toml``'s version, as installed (or frozen into the bundle)."""
    try:
        return version("aiguillage")
    except PackageNotFoundError:  # a bare checkout, never installed
        return UNKNOWN
