"""The models' common base: one metadata, with named constraints so that batch migrations
on SQLite find them."""

from __future__ import annotations

from sqlalchemy import MetaData
from sqlalchemy.orm import DeclarativeBase

from core.naming import NAMING


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
