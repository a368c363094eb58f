"""The desk's one error boundary: what the database or the disk raises becomes a
:class:`~app.errors.DeskError`, which says in the agent's language what failed and that
nothing was changed. The window catches only ``DeskError``; it never sees SQLAlchemy."""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import TypeVar

from core.errors import DeskError

T = TypeVar("T")


def _from_sqlalchemy(error: BaseException) -> bool:
    """Whether SQLAlchemy raised ``error``. Not imported here: the window's first screen
    is shown before SQLAlchemy is loaded, and nothing it did not load can have raised."""
    errors = sys.modules.get("sqlalchemy.exc")
    return errors is not None and isinstance(error, errors.SQLAlchemyError)


def desk_error(error: BaseException) -> BaseException:
    """``error`` as the desk's own error when it is a database or file error, else as is."""
    if isinstance(error, DeskError):
        return error
    if _from_sqlalchemy(error):
        reason = str(getattr(error, "orig", None) or error).splitlines()[0][:200]
        return DeskError("database_error", reason=reason)
    if isinstance(error, OSError):
        return DeskError(
            "file_error", path=str(error.filename or ""), reason=error.strerror or str(error)
        )
    return error


def guarded(work: Callable[[], T]) -> Callable[[], T]:
    """``work``, raising the desk's own error for a database or file error."""

    def run() -> T:
        try:
            return work()
        except Exception as error:
            if isinstance(error, OSError) or _from_sqlalchemy(error):
                raise desk_error(error) from error
            raise

    return run
