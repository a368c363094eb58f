"""The throw-away PostgreSQL of the tests and the bench, on a machine set up in French."""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path

import psycopg
import pytest

import hub.localpg
from hub.localpg import PostgresFailed, local_postgres


def test_it_starts_under_a_french_locale_that_is_not_generated(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # As on a server set up in French without the locale generated: initdb would refuse it.
    for name in ("LANG", "LC_ALL", "LC_MESSAGES", "LC_CTYPE"):
        monkeypatch.setenv(name, "fr_FR.UTF-8")
    with local_postgres(durable=True) as server:
        dsn = f"host={server.host} port={server.port} user={server.user} dbname=postgres"
        with psycopg.connect(dsn) as connection:
            encoding, fsync = connection.execute(
                "SELECT current_setting('server_encoding'), current_setting('fsync')"
            ).fetchone() or ("", "")
    assert (encoding, fsync) == ("UTF8", "on")


def test_a_server_that_cannot_be_made_says_why_in_postgresql_s_words(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Where the postgres user (under root) may run it too.
    folder = Path(tempfile.mkdtemp(prefix="fake-initdb-"))
    folder.chmod(0o755)
    fake = folder / "initdb"
    fake.write_text(
        "#!/bin/sh\necho 'initdb: error: could not create directory: No space left on device' >&2\nexit 1\n"
    )
    fake.chmod(fake.stat().st_mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
    real = hub.localpg.binary
    monkeypatch.setattr(
        hub.localpg, "binary", lambda name: str(fake) if name == "initdb" else real(name)
    )
    before = set(Path(tempfile.gettempdir()).glob("aiguillage-pg-*"))
    environment = dict(os.environ)
    with pytest.raises(PostgresFailed, match="No space left on device"), local_postgres():
        pass
    assert set(Path(tempfile.gettempdir()).glob("aiguillage-pg-*")) == before
    assert dict(os.environ) == environment  # the C locale is the tools' alone
    fake.unlink()
    folder.rmdir()
