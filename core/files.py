"""Files the desk writes for people (exports, reports): written beside their target and
then renamed, so that a failure (a full disk, a folder gone) never leaves half a file nor
loses the one that was there."""

from __future__ import annotations

import os
from pathlib import Path


def write_atomically(path: Path | str, content: bytes) -> Path:
    target = Path(path)
    temporary = target.with_name(target.name + ".partiel")
    try:
        with temporary.open("wb") as handle:
            handle.write(content)
            handle.flush()
            os.fsync(handle.fileno())
        temporary.replace(target)
    finally:
        temporary.unlink(missing_ok=True)
    return target
