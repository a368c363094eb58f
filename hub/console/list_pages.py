"""(to be written)"""

from __future__ import annotations

from hub.console.web import Console


def install(console: Console) -> None:
    pass
