"""The desk's site token: in the OS keyring where there is one, else in a file that only
the user can read (never in the database, which is backed up and copied around)."""

from __future__ import annotations

import os
from pathlib import Path

SERVICE = "Aiguillage"


def _file(home: Path) -> Path:
    return home / "hub-token"


def _keyring_usable() -> bool:
    if os.environ.get("AIGUILLAGE_NO_KEYRING"):
        return False
    try:
        import keyring
        from keyring.backends import fail, null
    except ImportError:
        return False
    backend = keyring.get_keyring()
    return not isinstance(backend, fail.Keyring | null.Keyring)


def save_token(home: Path, account: str, token: str) -> str:
    """Keep the token; returns where (``keyring`` or the file's path)."""
    if _keyring_usable():
        import keyring

        try:
            keyring.set_password(SERVICE, account, token)
            if keyring.get_password(SERVICE, account) == token:
                _file(home).unlink(missing_ok=True)
                return "keyring"
        except Exception:  # any keyring backend error: fall back to the private file
            pass
    path = _file(home)
    path.parent.mkdir(parents=True, exist_ok=True)
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
        handle.write(token)
    os.chmod(path, 0o600)
    return str(path)


def load_token(home: Path, account: str) -> str | None:
    path = _file(home)
    if path.is_file():
        return path.read_text(encoding="utf-8").strip() or None
    if _keyring_usable():
        import keyring

        try:
            token: str | None = keyring.get_password(SERVICE, account)
        except Exception:
            return None
        return token
    return None
