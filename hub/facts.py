"""The region's activity kept as records arrive: each stored record's facts
(:data:`hub.models.contact_fact` and the others), written in the push's transaction,
and what they change in the counts by month (:mod:`hub.monthly`) added there too.

A record's facts are rewritten whenever the record is (a new record, or a newer version
of one); a cancelled record has none; a stale version changes no record, hence no fact.
A contact's partners and its count of referrals come from the live referrals of its own
site that name it, whichever of the contact and its referrals arrived first: they are
worked out again for every contact a push touches, under a lock per contact (PostgreSQL)
so that two pushes at once, one with the contact and one with its referral, do not each
miss the other.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import (
    BindParameter,
    Table,
    bindparam,
    delete,
    insert,
    select,
    text,
)
from sqlalchemy.orm import Session

from core.fields import CONTACT_FIELDS
from hub import dialect, monthly, referral_counts
from hub.models import (
    RetentionSetting,
    contact_code,
    contact_fact,
    flag_fact,
    referral_fact,
    referral_slip,
)
from hub.monthly import among, as_day

ONE_VALUED = tuple(f.name for f in CONTACT_FIELDS if not f.multiple)
# Each many-valued field, and the dimension its codes are counted under.
MANY_VALUED = {f.name: f.key for f in CONTACT_FIELDS if f.multiple}


@dataclass(frozen=True, slots=True)
class Stored:
    """A record as it now stands at the hub (its newest version)."""

    kind: str
    id: str
    site_id: str
    payload: dict[str, Any]


def partner_of(payload: dict[str, Any]) -> str:
    """The partner a referral names: its structure, else its service."""
    return str(payload.get("structure_id") or payload["service_id"])


def day_of(payload: dict[str, Any]) -> date:
    return as_day(payload["day"])


def insert_rows(session: Session, table: Table, rows: list[dict[str, Any]]) -> None:
    """Insert ``rows`` (dicts with the same keys) into ``table`` with one statement whose
    text never changes, a column's values an array each (PostgreSQL's ``unnest``), rather
    than a row at a time or a VALUES clause as long as the batch, which the driver
    rewrites for every batch."""
    if not rows:
        return
    if not dialect.on_postgres(session):
        session.execute(insert(table), rows)
        return
    names = list(rows[0])
    sql = _UNNEST.get((table.name, tuple(names)))
    if sql is None:
        bind = session.get_bind().dialect
        quote = bind.identifier_preparer.quote
        arrays = ", ".join(
            f"CAST(:{name} AS {table.c[name].type.compile(bind)}[])" for name in names
        )
        sql = (
            f"INSERT INTO {quote(table.name)} ({', '.join(quote(n) for n in names)})"
            f" SELECT * FROM unnest({arrays})"
        )
        _UNNEST[(table.name, tuple(names))] = sql
    session.execute(text(sql), {name: [row[name] for row in rows] for name in names})


_UNNEST: dict[tuple[str, tuple[str, ...]], str] = {}


def record(
    session: Session, records: Iterable[Stored], new: Collection[str] = (), desk: str = ""
) -> None:
    """Rewrite the facts of ``records``, just stored (new, or a newer version); ``new``:
    the ids of those the hub did not hold before, which had no facts to count or delete;
    ``desk``: the desk that sent them, whose slip codes its referrals carry."""
    by_kind: dict[str, list[Stored]] = {"contact": [], "referral": [], "flag": []}
    for stored in records:
        by_kind[stored.kind].append(stored)
    contacts, referrals, flags = by_kind["contact"], by_kind["referral"], by_kind["flag"]
    touched = {c.id for c in contacts} | {str(r.payload["contact_id"]) for r in referrals}
    edited = [r.id for r in referrals if r.id not in new]
    if edited:  # and the visits an edited referral named before
        named = select(referral_fact.c.contact_id).where(
            among(session, referral_fact.c.record_id, edited)
        )
        touched.update(session.scalars(named))
    dialect.hold(session, touched)
    # What these visits count by month, before and after: the change is added to the
    # counts (hub.monthly), in time with the batch rather than with the month.
    before = monthly.counted_of(session, sorted(touched.difference(new)))
    edited_visits = [c.id for c in contacts if c.id not in new]
    if edited_visits:  # their referrals' themes or territory may change: counted again
        of = select(referral_fact.c.record_id).where(
            among(session, referral_fact.c.contact_id, edited_visits)
        )
        slips = select(referral_slip.c.site_id, referral_slip.c.day)
        found = session.execute(slips.where(referral_slip.c.record_id.in_(of)))
        referral_counts.touch(session, [(str(site), day) for site, day in found])
    _contacts(session, contacts, new)
    if referrals:
        _referrals(session, referrals, new, desk)
    if flags:
        flag_ids = [f.id for f in flags if f.id not in new]
        if flag_ids:
            session.execute(
                delete(flag_fact).where(among(session, flag_fact.c.record_id, flag_ids))
            )
        rows: list[dict[str, Any]] = [
            {"record_id": f.id, "site_id": f.site_id, "day": day_of(f.payload)}
            for f in flags
            if not f.payload.get("cancelled")
        ]
        insert_rows(session, flag_fact, rows)
    if touched:
        referred(session, sorted(touched))
        monthly.add(session, before, monthly.counted_of(session, sorted(touched)))


def _referrals(session: Session, referrals: list[Stored], new: Collection[str], desk: str) -> None:
    """Rewrite the referrals' facts, and their slip codes: a code is its desk's once (a
    second referral of one desk with a code it gave already keeps none)."""
    ids = [r.id for r in referrals if r.id not in new]
    if ids:
        session.execute(delete(referral_fact).where(among(session, referral_fact.c.record_id, ids)))
        gone = session.execute(
            delete(referral_slip)
            .where(among(session, referral_slip.c.record_id, ids))
            .returning(referral_slip.c.site_id, referral_slip.c.day)
        )
        referral_counts.touch(session, [(str(site), day) for site, day in gone])
    live = [r for r in referrals if not r.payload.get("cancelled")]
    rows = [
        {
            "record_id": r.id,
            "contact_id": str(r.payload["contact_id"]),
            "site_id": r.site_id,
            "partner": partner_of(r.payload),
        }
        for r in live
    ]
    insert_rows(session, referral_fact, rows)
    slips = [
        {
            "record_id": r.id,
            "code": str(r.payload["slip_code"]),
            "desk_id": desk,
            "site_id": r.site_id,
            "day": day_of(r.payload),
            "service_id": str(r.payload["service_id"]),
            "partner": partner_of(r.payload),
        }
        for r in live
        if r.payload.get("slip_code") and desk
    ]
    first = slips and session.scalar(
        select(RetentionSetting.slips_from).where(RetentionSetting.id == 1)
    )
    if first:  # a slip older than the region keeps one by one is counted already: no more
        slips = [slip for slip in slips if slip["day"] >= first]
    referral_counts.touch(session, [(str(slip["site_id"]), as_day(slip["day"])) for slip in slips])
    if slips:
        session.execute(
            dialect.insert(session, referral_slip).on_conflict_do_nothing(
                index_elements=["desk_id", "code"]
            ),
            slips,
        )


def _contacts(session: Session, contacts: list[Stored], new: Collection[str]) -> None:
    """Rewrite the visits' facts: a row each, and a row per code of its many-valued fields."""
    ids = [c.id for c in contacts if c.id not in new]
    if ids:
        session.execute(delete(contact_fact).where(among(session, contact_fact.c.record_id, ids)))
    live = [c for c in contacts if not c.payload.get("cancelled")]
    if live:
        insert_rows(session, contact_fact, [_contact_row(c) for c in live])
        insert_rows(session, contact_code, [row for c in live for row in _code_rows(c)])


def _contact_row(contact: Stored) -> dict[str, Any]:
    row: dict[str, Any] = {
        "record_id": contact.id,
        "site_id": contact.site_id,
        "day": day_of(contact.payload),
        "referrals": 0,
    }
    row.update({name: contact.payload.get(name) for name in ONE_VALUED})
    return row


def _code_rows(contact: Stored) -> list[dict[str, Any]]:
    day = day_of(contact.payload)
    return [
        {"record_id": contact.id, "dim": dim, "code": code, "site_id": contact.site_id, "day": day}
        for name, dim in MANY_VALUED.items()
        for code in sorted(set(contact.payload.get(name) or ()))
    ]


def referred(session: Session, contact_ids: list[str]) -> None:
    """Work out again the partners and the count of referrals of these contacts (what
    that changes in the counts by month is the caller's to add: :func:`monthly.add`)."""
    # One array on PostgreSQL, whose statement's text does not grow with the batch.
    in_ids = "= ANY(CAST(:ids AS varchar[]))" if dialect.on_postgres(session) else "IN :ids"
    expanding: tuple[BindParameter[Any], ...] = (
        () if dialect.on_postgres(session) else (bindparam("ids", expanding=True),)
    )
    for start in range(0, len(contact_ids), 5000):
        ids = contact_ids[start : start + 5000]
        session.execute(
            delete(contact_code).where(
                contact_code.c.dim == "partner", among(session, contact_code.c.record_id, ids)
            )
        )
        params = {"ids": ids}
        session.execute(
            text(
                "INSERT INTO contact_code (record_id, dim, code, site_id, day)"
                " SELECT DISTINCT c.record_id, 'partner', r.partner, c.site_id, c.day"
                " FROM referral_fact r JOIN contact_fact c"
                " ON c.record_id = r.contact_id AND c.site_id = r.site_id"
                f" WHERE r.contact_id {in_ids}"
            ).bindparams(*expanding),
            params,
        )
        session.execute(
            text(
                "UPDATE contact_fact SET referrals = (SELECT count(*) FROM referral_fact r"
                " WHERE r.contact_id = contact_fact.record_id"
                f" AND r.site_id = contact_fact.site_id) WHERE record_id {in_ids}"
            ).bindparams(*expanding),
            params,
        )
