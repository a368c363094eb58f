"""A desk killed in the middle of a schema upgrade (run by test_upgrades).

``python -m tests.db.upgrade_killer HOME`` opens the desk database under ``HOME``, whose
schema is behind, and kills itself with SIGKILL once the upgrade has changed the schema,
just before it writes the new revision: the worst moment to die.
"""

from __future__ import annotations

import os
import signal
import sys
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, event

from app.desk import Desk
from app.paths import DeskPaths


def _die_before_the_revision(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
    if statement.lstrip().lower().startswith("update alembic_version"):
        os.kill(os.getpid(), signal.SIGKILL)


if __name__ == "__main__":
    event.listen(Engine, "before_cursor_execute", _die_before_the_revision)
    home = Path(sys.argv[1])
    Desk.open(DeskPaths(data=home, logs=home / "logs"), load_demo=False)
    sys.exit("the upgrade went through: nothing killed it")
