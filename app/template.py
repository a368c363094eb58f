"""A desk's first database, prepared at build time: the schema at its head revision, the
lists, the geography with its centres, the demo directory and its search index, as a first
start makes them. A first start copies it rather than making all that again (seconds).

The template is built by ``packaging/make_template.py`` (``make template``; ``make run``,
``make test`` and the bundle's spec build it) and not kept in the repository: it is several
megabytes, and changes with every migration, geography edition or demo file. Beside it a
stamp names what it was made from; a template whose stamp differs from this release's (an
older build) is not used, and the first start makes the database the long way, with the
same result.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import tempfile
from datetime import UTC, datetime
from pathlib import Path

from app.directory.demo import DEMO_FOLDER
from app.directory.search_index import INDEX_VERSION
from core.places import CENTRES_EDITION, GEOGRAPHY_EDITION
from core.resources import resource
from db import migrate

TEMPLATE = resource("template", "aiguillage.sqlite3")

# The rows whose time says when the desk was set up: set to the first start's moment.
MOMENTS = ("setting", "structure", "service")


def stamp_path(template: Path) -> Path:
    """Where the stamp of ``template`` is: beside it, a ``.json``."""
    return template.with_suffix(".json")


def stamp(demo: Path = DEMO_FOLDER) -> dict[str, str]:
    """What a template made by this release holds: schema revision, geography and centres
    editions, search index version, and the demo directory's files."""
    digest = hashlib.sha256()
    for path in sorted(demo.glob("*.json")):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return {
        "revision": migrate.HEAD,
        "geography": GEOGRAPHY_EDITION,
        "centres": CENTRES_EDITION,
        "index": str(INDEX_VERSION),
        "demo": digest.hexdigest(),
    }


def usable(template: Path = TEMPLATE) -> bool:
    """Whether ``template`` exists and was made from what this release ships."""
    try:
        made_from = json.loads(stamp_path(template).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return template.is_file() and made_from == stamp()


def copy_template(database: Path, template: Path = TEMPLATE) -> bool:
    """Make ``database`` (which does not exist) from the template when it is usable, its
    set-up moments those of now. False when the first start must make it the long way."""
    if not usable(template):
        return False
    database.parent.mkdir(parents=True, exist_ok=True)
    handle, name = tempfile.mkstemp(prefix=".template-", dir=database.parent)
    os.close(handle)
    partial = Path(name)
    try:
        # Read as a file nothing writes (no lock, no -shm beside it, even in a bundle).
        source = sqlite3.connect(f"{template.resolve().as_uri()}?mode=ro&immutable=1", uri=True)
        target = sqlite3.connect(partial)
        try:
            source.backup(target)
            now = datetime.now(UTC).replace(tzinfo=None).isoformat(sep=" ", timespec="microseconds")
            with target:
                for table in MOMENTS:
                    target.execute(f"UPDATE {table} SET updated_at = ?", (now,))
        finally:
            target.close()
            source.close()
        os.replace(partial, database)  # whole or not at all: a start cut short leaves none
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return True
