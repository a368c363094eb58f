"""Triggers that mark a contact's statistics' facts to be built again whenever what they
count changes: the contact itself, its themes, answers or referrals.

Migration 0005 creates them (0009 again, its contacts counting their place and event: SQLite
takes an ``UPDATE OF`` column it does not have yet). A batch migration that recreates one
of these tables drops its triggers: it must call ``create`` again.
"""

from __future__ import annotations

from collections.abc import Callable

_MARK = "INSERT OR IGNORE INTO stat_dirty (contact_id) VALUES ({row}.{column})"

# name -> (event, table, rows to mark, column holding the contact's id)
_TRIGGERS: dict[str, tuple[str, str, tuple[str, ...], str]] = {
    "stat_contact_insert": ("INSERT", "contact", ("NEW",), "id"),
    "stat_contact_update": (
        "UPDATE OF moment_local, time_known, channel, public, age, gender, commune, duration,"
        " place, event, status",
        "contact", ("NEW",), "id",
    ),
    "stat_contact_delete": ("DELETE", "contact", ("OLD",), "id"),
    "stat_theme_insert": ("INSERT", "contact_theme", ("NEW",), "contact_id"),
    "stat_theme_update": ("UPDATE", "contact_theme", ("OLD", "NEW"), "contact_id"),
    "stat_theme_delete": ("DELETE", "contact_theme", ("OLD",), "contact_id"),
    "stat_answer_insert": ("INSERT", "contact_answer", ("NEW",), "contact_id"),
    "stat_answer_update": ("UPDATE", "contact_answer", ("OLD", "NEW"), "contact_id"),
    "stat_answer_delete": ("DELETE", "contact_answer", ("OLD",), "contact_id"),
    "stat_referral_insert": ("INSERT", "referral", ("NEW",), "contact_id"),
    "stat_referral_update": (
        "UPDATE OF contact_id, structure_id, service_id, status", "referral", ("OLD", "NEW"),
        "contact_id",
    ),
    "stat_referral_delete": ("DELETE", "referral", ("OLD",), "contact_id"),
}  # fmt: skip

NAMES = tuple(_TRIGGERS)


def statements() -> list[str]:
    out = []
    for name, (event, table, rows, column) in _TRIGGERS.items():
        body = "; ".join(_MARK.format(row=row, column=column) for row in rows)
        out.append(f"CREATE TRIGGER {name} AFTER {event} ON {table} BEGIN {body}; END")
    return out


def create(execute: Callable[[str], object]) -> None:
    for statement in statements():
        execute(statement)


def drop(execute: Callable[[str], object]) -> None:
    for name in NAMES:
        execute(f"DROP TRIGGER IF EXISTS {name}")
