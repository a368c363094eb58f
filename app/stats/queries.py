"""Activity statistics: counts of the desk's contacts over a period, by one or two
dimensions, from its database (the tables' shape and periods are :mod:`core.stats.tables`).

A contact with two themes counts once under each theme; the total counts it once.
Cancelled contacts never count. A threshold hides any cell under N (``suppressed``), and
as many others as :mod:`core.disclosure` needs so that none can be worked out from the
rest, as anything meant to leave the site must. A table of two dimensions keeps its
margins as the table of each dimension alone shows or hides them, whether asked for
with it or on its own (:func:`core.disclosure.pair`).
"""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from core import disclosure
from core.errors import DeskError
from core.fields import COUNTED
from core.outcomes import STATUSES, status
from core.stats.tables import MULTIPLE, REPORT_TABLES, StatsResult, alone, domain
from db.models import Contact, Referral

# The facts' days are counted from 1970-01-01, a Thursday (ISO weekday 4).
_WEEKDAY = "((f.day + 3) % 7 + 1)"
# dimension -> SQL expression over ``stat_fact f``, an integer decoded by ``_decode``
DIMENSIONS: dict[str, str] = {
    "channel": "f.channel", "public": "f.public", "age": "f.age", "gender": "f.gender",
    "commune": "f.commune", "epci": "f.epci", "theme": "f.theme", "answer": "f.answer",
    "duration": "f.duration", "partner": "f.partner", "place": "f.place", "event": "f.event",
    # Monday is 1, Sunday 7 (ISO).
    "weekday": _WEEKDAY,
    # 24: a tally with a date only has no hour.
    "hour": "f.hour",
    "day": "f.day",
    # A week is named by its Monday.
    "week": f"(f.day - {_WEEKDAY} + 1)",
    "month": "f.month",
}  # fmt: skip
_CODED = {*COUNTED, "epci", "partner"}
EPOCH = date(1970, 1, 1)


def check_dimensions(by: list[str]) -> tuple[str, ...]:
    if len(by) > 2:
        raise DeskError("too_many_dimensions")
    for name in by:
        if name not in DIMENSIONS:
            raise DeskError("unknown_dimension", name=name, choices=", ".join(DIMENSIONS))
    if len(set(by)) != len(by):
        raise DeskError("too_many_dimensions")
    return tuple(by)


# Build the facts of the contacts marked dirty by the triggers (migration 0005).
_REFRESH = [
    "CREATE TEMP TABLE IF NOT EXISTS stat_batch (contact_id TEXT PRIMARY KEY) WITHOUT ROWID",
    "DELETE FROM stat_batch",
    "INSERT INTO stat_batch SELECT contact_id FROM stat_dirty LIMIT :batch",
    "DELETE FROM stat_fact WHERE contact_id IN (SELECT contact_id FROM stat_batch)",
    """
    INSERT OR IGNORE INTO stat_code (code)
    WITH c AS (
        SELECT c.*, COALESCE(g.epci, c.commune) AS epci
        FROM stat_batch d CROSS JOIN contact c ON c.id = d.contact_id
        LEFT JOIN commune g ON g.insee = c.commune
        WHERE c.status = 'active'
    )
    SELECT channel FROM c UNION SELECT public FROM c UNION SELECT age FROM c
    UNION SELECT gender FROM c UNION SELECT commune FROM c UNION SELECT epci FROM c
    UNION SELECT duration FROM c WHERE duration IS NOT NULL
    UNION SELECT place FROM c WHERE place IS NOT NULL
    UNION SELECT event FROM c WHERE event IS NOT NULL
    UNION SELECT t.code FROM stat_batch d CROSS JOIN contact_theme t ON t.contact_id = d.contact_id
    UNION SELECT a.code FROM stat_batch d CROSS JOIN contact_answer a ON a.contact_id = d.contact_id
    UNION SELECT COALESCE(r.structure_id, r.service_id)
        FROM stat_batch d CROSS JOIN referral r ON r.contact_id = d.contact_id
        WHERE r.status = 'active'
    """,
    """
    INSERT INTO stat_fact (day, contact_id, theme, answer, partner, hour, month, channel,
        public, age, gender, commune, epci, duration, place, event, first)
    WITH c AS (
        SELECT c.*, COALESCE(g.epci, c.commune) AS epci
        FROM stat_batch d CROSS JOIN contact c ON c.id = d.contact_id
        LEFT JOIN commune g ON g.insee = c.commune
        WHERE c.status = 'active'
    ),
    th AS (
        SELECT t.contact_id, k.id AS code,
            row_number() OVER (PARTITION BY t.contact_id ORDER BY t.code) AS n
        FROM stat_batch d CROSS JOIN contact_theme t ON t.contact_id = d.contact_id
        JOIN stat_code k ON k.code = t.code
    ),
    an AS (
        SELECT a.contact_id, k.id AS code,
            row_number() OVER (PARTITION BY a.contact_id ORDER BY a.code) AS n
        FROM stat_batch d CROSS JOIN contact_answer a ON a.contact_id = d.contact_id
        JOIN stat_code k ON k.code = a.code
    ),
    pa AS (
        SELECT p.contact_id, k.id AS code,
            row_number() OVER (PARTITION BY p.contact_id ORDER BY p.partner) AS n
        FROM (
            SELECT DISTINCT r.contact_id, COALESCE(r.structure_id, r.service_id) AS partner
            FROM stat_batch d CROSS JOIN referral r ON r.contact_id = d.contact_id
            WHERE r.status = 'active'
        ) p JOIN stat_code k ON k.code = p.partner
    )
    SELECT
        CAST(julianday(date(c.moment_local)) - 2440587.5 AS INTEGER), c.id,
        COALESCE(th.code, 0), COALESCE(an.code, 0), COALESCE(pa.code, 0),
        CASE WHEN c.time_known THEN CAST(strftime('%H', c.moment_local) AS INTEGER)
            ELSE 24 END,
        CAST(strftime('%Y%m', c.moment_local) AS INTEGER),
        (SELECT id FROM stat_code WHERE code = c.channel),
        (SELECT id FROM stat_code WHERE code = c.public),
        (SELECT id FROM stat_code WHERE code = c.age),
        (SELECT id FROM stat_code WHERE code = c.gender),
        (SELECT id FROM stat_code WHERE code = c.commune),
        (SELECT id FROM stat_code WHERE code = c.epci),
        COALESCE((SELECT id FROM stat_code WHERE code = c.duration), 0),
        COALESCE((SELECT id FROM stat_code WHERE code = c.place), 0),
        COALESCE((SELECT id FROM stat_code WHERE code = c.event), 0),
        (COALESCE(th.n, 1) = 1) | ((COALESCE(an.n, 1) = 1) << 1) | ((COALESCE(pa.n, 1) = 1) << 2)
    FROM c
    LEFT JOIN th ON th.contact_id = c.id
    LEFT JOIN an ON an.contact_id = c.id
    LEFT JOIN pa ON pa.contact_id = c.id
    """,
    "DELETE FROM stat_dirty WHERE contact_id IN (SELECT contact_id FROM stat_batch)",
]
# Contacts per transaction: another writer waits for one batch (about half a second).
BATCH = 20_000


def refresh(session: Session) -> int:
    """Build the facts of the contacts changed since the last count; returns how many.
    Commits: the facts are a cache of the contacts, kept for the next count."""
    built = 0
    while waiting := int(session.execute(text("SELECT count(*) FROM stat_dirty")).scalar_one()):
        # End the read first, then take the write lock before reading anything: SQLite
        # cannot make a transaction that has read wait for the lock (it answers "database
        # is locked" at once, busy timeout or not) when another desk or the command line
        # is saving, but a BEGIN IMMEDIATE waits its turn.
        session.commit()
        session.execute(text("BEGIN IMMEDIATE"))
        for statement in _REFRESH:
            session.execute(text(statement), {"batch": BATCH})
        session.commit()
        built += min(waiting, BATCH)
    return built


def mark_all_dirty(session: Session) -> None:
    """Every contact's facts to be built again (the geography behind EPCI changed)."""
    session.execute(text("INSERT OR IGNORE INTO stat_dirty (contact_id) SELECT id FROM contact"))


def _day_number(day: date) -> int:
    return (day - EPOCH).days


def compute(
    session: Session, start: date, end: date, by: list[str], min_cell: int | None = None
) -> StatsResult:
    """Counts of the active contacts of ``start``..``end`` (both included, local dates)."""
    dims = check_dimensions(by)
    if end < start:
        raise DeskError("bad_period", start=start.isoformat(), end=end.isoformat())
    refresh(session)
    params = {"start": _day_number(start), "end": _day_number(end)}
    where = "f.day BETWEEN :start AND :end"
    # One row per contact for each multi-valued dimension not asked for.
    mask = sum(bit for name, bit in MULTIPLE.items() if name not in dims)
    all_first = sum(MULTIPLE.values())
    rows: list[dict[str, Any]] = []
    total: int | None = None
    if dims:
        conditions = [where, f"f.first & {mask} = {mask}"]
        conditions += [f"{DIMENSIONS[d]} > 0" for d in dims if d in MULTIPLE]
        # One integer key per group: SQLite sorts one integer faster than two columns.
        key = " + ".join(
            f"{DIMENSIONS[d]} * {1 << 32 if i == 0 and len(dims) == 2 else 1}"
            for i, d in enumerate(dims)
        )
        sql = (
            f"SELECT {key} AS k, count(*) FROM stat_fact f"
            f" WHERE {' AND '.join(conditions)} GROUP BY k"
        )
        groups = [(int(k), int(n)) for k, n in session.execute(text(sql), params)]
        parts = [(divmod(k, 1 << 32) if len(dims) == 2 else (k,), n) for k, n in groups]
        names = _code_names(session, dims, [p for p, _n in parts])
        decoded = sorted(
            (tuple(_decode(d, p[i], names) for i, d in enumerate(dims)), n) for p, n in parts
        )
        counted = dict(decoded)
        hidden: set[tuple[str, ...]] = set()
        if min_cell is not None and min_cell > 1:
            hidden = _hide(session, start, end, dims, counted, min_cell)
            for values in hidden - counted.keys():
                counted[values] = 0  # a zero hidden too, as the lone count had no other
        for values, count in sorted(counted.items()):
            row: dict[str, Any] = dict(zip(dims, values, strict=True))
            if values in hidden:
                row.update(count=None, suppressed=True)
            else:
                row["count"] = count
            rows.append(row)
        if mask == all_first:
            total = sum(n for _k, n in groups)
    if total is None:
        total = int(
            session.execute(
                text(f"SELECT count(*) FROM stat_fact f WHERE {where} AND f.first = {all_first}"),
                params,
            ).scalar_one()
        )
    return StatsResult(start, end, dims, total, rows, min_cell)


def _hide(
    session: Session, start: date, end: date, dims: tuple[str, ...],
    counted: dict[tuple[str, ...], int], min_cell: int,
) -> set[tuple[str, ...]]:  # fmt: skip
    """The cells to hide; a pair's margins are hidden as each dimension's own table
    hides them, so that the pair and those tables together give no count away."""
    if len(dims) == 1:
        cells = alone(dims[0], start, end, {values[0]: n for values, n in counted.items()})
        return {(code,) for code in disclosure.hide(disclosure.one_way(cells), min_cell)}
    first, second = (
        alone(d, start, end, {r[d]: r["count"] for r in compute(session, start, end, [d]).rows})
        for d in dims
    )
    known = (domain(dims[0], start, end), domain(dims[1], start, end))
    pairs = {(a, b): n for (a, b), n in counted.items()}
    held = disclosure.pair(pairs, first, second, min_cell, known)
    return {(a, b) for a, b in held if disclosure.MARGIN not in (a, b)}


def _code_names(
    session: Session, dims: tuple[str, ...], parts: list[tuple[int, ...]]
) -> dict[int, str]:
    ids = sorted({p[i] for p in parts for i, d in enumerate(dims) if d in _CODED})
    if not ids:
        return {}
    found = session.execute(
        text("SELECT id, code FROM stat_code WHERE id IN (SELECT value FROM json_each(:ids))"),
        {"ids": json.dumps(ids)},
    )
    return {int(i): str(code) for i, code in found}


def _decode(dim: str, value: int, names: dict[int, str]) -> str:
    if dim in _CODED:
        return names[value] if value else "non-precise"
    if dim == "hour":
        return f"{value:02d}" if value < 24 else "non-precise"
    if dim in ("day", "week"):
        return (EPOCH + timedelta(days=value)).isoformat()
    if dim == "month":
        return f"{value // 100:04d}-{value % 100:02d}"
    return str(value)  # weekday


def report_tables(
    session: Session, start: date, end: date, min_cell: int | None = None
) -> list[StatsResult]:
    """The report's tables over ``start``..``end``: the total by itself first, then each of
    :data:`REPORT_TABLES`."""
    return [compute(session, start, end, list(by), min_cell) for by in ((), *REPORT_TABLES)]


def contacts_with(session: Session, start: date, end: date, dim: str) -> int:
    """How many contacts of the period hold at least one value of a multi-valued
    dimension (``partner``: the visits sent to a partner)."""
    refresh(session)
    column = DIMENSIONS[dim]
    sql = (
        "SELECT count(*) FROM stat_fact f WHERE f.day BETWEEN :start AND :end"
        f" AND f.first = {sum(MULTIPLE.values())} AND {column} > 0"
    )
    params = {"start": _day_number(start), "end": _day_number(end)}
    return int(session.execute(text(sql), params).scalar_one())


def _live_referrals(start: date, end: date) -> tuple[Any, ...]:
    """The active referrals of the period's active contacts (their local day)."""
    return (
        Referral.status == "active",
        Contact.status == "active",
        Contact.moment_local >= datetime.combine(start, datetime.min.time()),
        Contact.moment_local < datetime.combine(end + timedelta(days=1), datetime.min.time()),
    )


def referrals_in(session: Session, start: date, end: date) -> int:
    """Referrals (slips) of the period's active contacts: two services of one partner
    are two referrals, where the ``partner`` counts see one partner."""
    query = select(func.count()).select_from(Referral).join(Contact)
    return int(session.scalar(query.where(*_live_referrals(start, end))) or 0)


def referral_outcomes(
    session: Session, start: date, end: date, today: date
) -> list[tuple[str, dict[str, int]]]:
    """The period's referrals by partner (the structure, else the service, by name) and
    where each stands (:data:`core.outcomes.STATUSES`, with the region's default period
    before « sans nouvelles »), from what partners said and the desk pulled; the
    partners with the most referrals first."""
    partner = func.coalesce(func.nullif(Referral.structure_name, ""), Referral.service_name)
    query = select(partner, Referral.presented_on, Referral.outcome, Contact.moment_local)
    found: dict[str, dict[str, int]] = {}
    for name, presented, outcome, moment in session.execute(
        query.join(Contact, Contact.id == Referral.contact_id).where(*_live_referrals(start, end))
    ):
        counts = found.setdefault(name or "—", dict.fromkeys(STATUSES, 0))
        counts[status(moment.date(), presented, outcome, today)] += 1
    return sorted(found.items(), key=lambda item: (-sum(item[1].values()), item[0].casefold()))
