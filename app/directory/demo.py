"""The demo directory: the SPRO territory "Entre Terre et Mer" (fictional contact details).

Loaded on first start when no hub is enrolled, so that a desk is useful out of the box.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from app.directory.store import upsert_service, upsert_structure
from core.resources import resource

DEMO_FOLDER = resource("demo")


def _read(folder: Path, name: str) -> Any:
    with (folder / name).open(encoding="utf-8") as handle:
        return json.load(handle)


def load_demo(session: Session, folder: Path = DEMO_FOLDER) -> tuple[int, int]:
    """Store the demo structures and services; returns their counts."""
    from data_inclusion.schema import v1

    structures = [v1.Structure.model_validate(r) for r in _read(folder, "structures.json")]
    services = [v1.Service.model_validate(r) for r in _read(folder, "services.json")]
    complements = _read(folder, "complements.json").get("services", {})
    for structure in structures:
        upsert_structure(session, structure.model_dump())
    session.flush()
    for service in services:
        documents = complements.get(service.id, {}).get("documents", [])
        upsert_service(session, service.model_dump(), documents)
    return len(structures), len(services)
