"""The partners' directory as the desk and the hub both read it: how old a record may be
before it is to be checked again, and the schema's complaints in words."""

from __future__ import annotations

from datetime import timedelta

STALE_AFTER = timedelta(days=183)  # records older than about six months are to be checked
