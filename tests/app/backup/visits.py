"""A visit to record, and the contacts a database file holds, read without the desk."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from app.intake.contact import ContactDraft


def visit(public: str = "scolaire") -> ContactDraft:
    return ContactDraft(
        "sur-place", public, "16-25", "femme", "13047", ["decouvrir-metiers"], ["information"]
    )


def contact_ids(database: Path) -> set[str]:
    connection = sqlite3.connect(database)
    try:
        return {row[0] for row in connection.execute("SELECT id FROM contact")}
    finally:
        connection.close()
