"""The hub's application as each of uvicorn's worker processes builds it: from the
configuration (``hub.config``), with an engine and a pool of its own.

``aiguillage-hub serve --workers N`` names :func:`build` to uvicorn, which forks its
processes before building the application in each.
"""

from __future__ import annotations

from fastapi import FastAPI

from hub.api import create_app
from hub.config import make_engine


def build() -> FastAPI:
    """The application of one worker process."""
    return create_app(make_engine())
