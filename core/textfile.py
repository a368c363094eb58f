"""Reading a text file a person gives the desk: within a size limit, in UTF-8 (with or
without BOM) or Windows-1252, as French offices save them."""

from __future__ import annotations

from pathlib import Path

from core.errors import DeskError


def read_text(path: Path, max_bytes: int) -> str:
    """The file's text, or a :class:`DeskError` that says why it cannot be read."""
    if not path.is_file():
        raise DeskError("file_not_found", path=str(path))
    size = path.stat().st_size
    if size > max_bytes:
        raise DeskError(
            "file_too_big", path=path.name, size=size // 2**20, limit=max_bytes // 2**20
        )
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise DeskError("file_unreadable", path=str(path), reason=error.strerror) from error
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return raw.decode("cp1252")
    except UnicodeDecodeError:
        raise DeskError("file_encoding", path=path.name) from None


def delimiter(text: str) -> str:
    """``;`` when the first line has more of them than commas (French Excel), else ``,``."""
    first = text.split("\n", 1)[0]
    return ";" if first.count(";") > first.count(",") else ","
