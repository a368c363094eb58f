"""The version of Aiguillage, from the package's metadata (the bundle carries it too)."""

from __future__ import annotations

from functools import cache
from importlib.metadata import PackageNotFoundError, version

UNKNOWN = "0+inconnue"

# The libraries the desk runs on: (distribution, licence). The licences are the ones each
# project publishes; the versions are read from what is installed or bundled (the
# bundle's spec copies the metadata of each).
LIBRARIES = (
    ("PySide6", "LGPL-3.0"),
    ("SQLAlchemy", "MIT"),
    ("alembic", "MIT"),
    ("reportlab", "BSD"),
    ("platformdirs", "MIT"),
    ("pydantic", "MIT"),
    ("httpx", "BSD-3-Clause"),
    ("data-inclusion-schema", "Licence Ouverte 2.0"),
    ("opening-hours-py", "MIT OR Apache-2.0"),
    ("vacances-scolaires-france", "MIT"),
    ("keyring", "MIT"),
    ("openpyxl", "MIT"),
)


@cache
def app_version() -> str:
    """``pyproject.toml``'s version, as installed (or frozen into the bundle)."""
    try:
        return version("aiguillage")
    except PackageNotFoundError:  # a bare checkout, never installed
        return UNKNOWN
