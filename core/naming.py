"""How constraints and indexes are named in the desk's and the hub's schemas: named
constraints, so that batch migrations on SQLite can find them again, the same on both."""

from __future__ import annotations

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}
