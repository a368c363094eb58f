"""Make the database a desk's first start copies (``app.template``): a first start's, made
the long way (migrations, lists, geography, demo directory), with its stamp.

    python packaging/make_template.py [FILE]     (make template; the bundle's spec runs it)
"""

from __future__ import annotations

import json
import os
import sqlite3
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app.desk import Desk
from app.paths import DeskPaths
from app.template import TEMPLATE, stamp, stamp_path


def build_template(template: Path = TEMPLATE) -> Path:
    """Make ``template`` as a first start would make the database, then its stamp."""
    template.parent.mkdir(parents=True, exist_ok=True)
    partial = template.with_suffix(".partial")
    with tempfile.TemporaryDirectory(prefix="aiguillage-template-") as folder:
        home = Path(folder)
        desk = Desk.open(DeskPaths(data=home, logs=home / "logs"), template=False)
        desk.close()
        source = sqlite3.connect(desk.paths.database)
        target = sqlite3.connect(partial)
        try:
            source.backup(target)
            # Read by first starts as a file of its own, never beside a -wal or -shm file:
            # the copy goes back to WAL when the desk first opens it, as a new one does.
            target.execute("PRAGMA journal_mode=DELETE")
        finally:
            target.close()
            source.close()
    os.replace(partial, template)
    stamp_path(template).write_text(json.dumps(stamp(), indent=1) + "\n", encoding="utf-8")
    return template


if __name__ == "__main__":
    print(build_template(Path(sys.argv[1]) if len(sys.argv) > 1 else TEMPLATE))
