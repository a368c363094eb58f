"""The hub's application as each of uvicorn's worker processes builds it: from the
configuration (``hub.config``), with an engine and a pool of its own.

``aiguillage-hub serve --workers N`` names :func:`build` to uvicorn, which forks its
processes before building the application in each.
"""

from __future__ import annotations

import logging
import re

from fastapi import FastAPI

from hub.api import create_app
from hub.config import make_engine

_LINK = re.compile(r"(/console/partenaire/lien/)[^/?\s]+")


class HiddenLinks(logging.Filter):
    """A partner's link is a secret (spent soon after its first use, but still): the
    access log writes its address without it."""

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.args, tuple):
            record.args = tuple(
                _LINK.sub(r"\1…", arg) if isinstance(arg, str) else arg for arg in record.args
            )
        return True


def build() -> FastAPI:
    """The application of one worker process."""
    logging.getLogger("uvicorn.access").addFilter(HiddenLinks())
    return create_app(make_engine())
