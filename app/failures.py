"""The desk's one error boundary: what the database or the disk raises becomes a
:class:`~app.errors.DeskError`, which says in the agent's language what failed and that
nothing was changed. The window catches only ``DeskError``; it never sees SQLAlchemy."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from sqlalchemy.exc import SQLAlchemyError

from core.errors import DeskError

T = TypeVar("T")


def desk_error(error: BaseException) -> BaseException:
    """``error`` as the desk's own error when it is a database or file error, else as is."""
    if isinstance(error, DeskError):
        return error
    if isinstance(error, SQLAlchemyError):
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
        except (SQLAlchemyError, OSError) as error:
            raise desk_error(error) from error

    return run
