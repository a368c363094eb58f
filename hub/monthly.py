"""The region's activity by site and month (:data:`hub.models.contact_summary`): the
one-dimension counts the console shows, kept for every month as its records arrive, and
the only thing left of a month once :mod:`hub.retention` has deleted its visits.

A page of a year reads a few thousand of these rows rather than the facts of millions of
visits (:mod:`hub.activity_counts` reads the facts only for the days of a month the period
cuts in two). Whatever changes a visit's facts (a push, an edit, a cancellation, a
referral purged) adds what the visit counts after, less what it counted before
(:func:`counted_of` read by id, :func:`add`), in time with the batch rather than the month;
retention counts a month whole once more before it deletes its detail (:func:`count_month`).
"""

from __future__ import annotations

import json
from collections import Counter
from datetime import date
from typing import Any

from sqlalchemy import String, any_, bindparam, text
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.orm import Session

from core.fields import CONTACT_FIELDS
from hub import dialect
from hub.models import contact_summary, month_change
from hub.places import epci_json, epci_of

# The counted one-valued fields: columns of ``contact_fact``, dimensions of the summary.
ONE_VALUED = {f.key: f.name for f in CONTACT_FIELDS if f.counted and not f.multiple}
# The summary's own dimensions: the visits themselves, and their referrals; and the
# communes as their EPCI (:func:`hub.places.epci_of`), counted as the visits arrive, so
# that a page by EPCI reads a few rows a site rather than every commune's.
VISITS, REFERRALS, EPCI = "visits", "referrals", "epci"


def month_start(day: date, months_back: int = 0) -> date:
    """The first day of ``day``'s month, ``months_back`` months earlier."""
    index = day.year * 12 + day.month - 1 - months_back
    return date(index // 12, index % 12 + 1, 1)


def next_month(day: date) -> date:
    return month_start(day, -1)


def _counted(session: Session, where: str) -> str:
    """The summary's rows (``s`` the site, ``d`` the dimension, ``c`` the code, ``n`` the
    count), from the facts ``where`` picks (``f`` is the facts' alias): as the console
    counts, live visits only, a code of a many-valued field once per visit, a commune also
    as its EPCI (``:epci``, :func:`hub.places.epci_json`)."""
    place = "COALESCE(f.commune, 'non-precise')"
    selects = [
        f"SELECT f.site_id AS s, '{VISITS}' AS d, '' AS c, count(*) AS n FROM contact_fact f"
        f" WHERE {where} GROUP BY f.site_id",
        f"SELECT f.site_id, '{REFERRALS}', '', sum(f.referrals) FROM contact_fact f"
        f" WHERE {where} GROUP BY f.site_id",
        f"SELECT f.site_id, f.dim, f.code, count(*) FROM contact_code f WHERE {where}"
        " GROUP BY f.site_id, f.dim, f.code",
        f"SELECT f.site_id, '{EPCI}', COALESCE(m.value, {place}), count(*) FROM contact_fact f"
        f" LEFT JOIN {dialect.json_pairs(session, ':epci')} AS m ON m.key = f.commune"
        f" WHERE {where} GROUP BY f.site_id, COALESCE(m.value, {place})",
    ] + [
        f"SELECT f.site_id, '{dim}', COALESCE(f.{name}, 'non-precise'), count(*)"
        f" FROM contact_fact f WHERE {where} GROUP BY f.site_id, COALESCE(f.{name}, 'non-precise')"
        for dim, name in ONE_VALUED.items()
    ]
    return " UNION ALL ".join(selects)


def _recount(session: Session, where: str, params: dict[str, Any]) -> None:
    month = "CAST(:start AS date)" if dialect.on_postgres(session) else ":start"
    session.execute(
        text(
            "INSERT INTO contact_summary (month, site_id, dim, code, count)"
            f" SELECT {month}, s, d, c, n FROM ({_counted(session, where)}) AS counted"
            " WHERE n > 0"
        ),
        {**params, "epci": epci_json()},
    )


def detailed_from(session: Session) -> date | None:
    """The first month the hub still holds in detail (:mod:`hub.retention`): those before
    have no facts left, and their counts are never counted again."""
    first = session.scalar(text("SELECT contacts_from FROM retention_setting WHERE id = 1"))
    return None if first is None else as_day(first)


def as_day(value: Any) -> date:
    """A day as a date, whether the database gave a date or its ISO text (SQLite)."""
    return value if isinstance(value, date) else date.fromisoformat(str(value)[:10])


def count_month(session: Session, start: date) -> None:
    """Count every site's month starting on ``start`` again from its facts (not a month
    no longer held in detail: its counts are all that is left of it)."""
    first = detailed_from(session)
    if first is not None and start < first:
        return
    params = {"start": start, "end": next_month(start)}
    session.execute(text("DELETE FROM contact_summary WHERE month = :start"), params)
    _recount(session, "f.day >= :start AND f.day < :end", params)


def changes(session: Session, first: date, last: date) -> dict[date, int]:
    """Each month's sum of its sites' changes (:func:`add`), from the month of ``first``
    to that of ``last``; a month no push has touched is left out. Read before the counts
    it stands for, it marks what was read no newer than it is."""
    rows = session.execute(
        text(
            "SELECT month, sum(changes) FROM month_change WHERE month BETWEEN :first AND :last"
            " GROUP BY month"
        ),
        {"first": month_start(first), "last": month_start(last)},
    )
    return {as_day(month): int(n) for month, n in rows}


# --- a push's change, added -------------------------------------------------------------
Key = tuple[date, str, str, str]  # month, site, dimension, code


def _by_id(session: Session, table: str, columns: str) -> str:
    """The ``columns`` of ``table``'s rows of the visits ``:ids``, each looked up by its
    primary key (a planner whose statistics lag behind a growing table would rather scan
    it whole: ``OFFSET 0`` keeps the look-up per id)."""
    if dialect.on_postgres(session):
        return (
            f"SELECT {columns} FROM unnest(CAST(:ids AS varchar[])) AS i(id) CROSS JOIN LATERAL"
            f" (SELECT * FROM {table} WHERE record_id = i.id OFFSET 0) AS f"
        )
    return f"SELECT {columns} FROM json_each(:ids) AS i JOIN {table} f ON f.record_id = i.value"


def counted_of(session: Session, contact_ids: list[str]) -> Counter[Key]:
    """What these visits add to the counts by month, as their facts now stand: their rows
    read by id (two look-ups by primary key), counted here as :func:`_counted` counts."""
    found: Counter[Key] = Counter()
    one = ", ".join(f"f.{name}" for name in ONE_VALUED.values())
    fact_columns, code_columns = (
        f"f.site_id, f.day, f.referrals, {one}",
        "f.site_id, f.day, f.dim, f.code",
    )
    for start in range(0, len(contact_ids), 5000):
        chunk = contact_ids[start : start + 5000]
        ids: Any = chunk if dialect.on_postgres(session) else json.dumps(chunk)
        rows = session.execute(text(_by_id(session, "contact_fact", fact_columns)), {"ids": ids})
        for site, day, referrals, *values in rows:
            month = month_start(as_day(day))
            found[month, site, VISITS, ""] += 1
            found[month, site, REFERRALS, ""] += int(referrals or 0)
            for dim, value in zip(ONE_VALUED, values, strict=True):
                code = "non-precise" if value is None else str(value)
                found[month, site, dim, code] += 1
                if dim == "commune":
                    found[month, site, EPCI, epci_of(code)] += 1
        rows = session.execute(text(_by_id(session, "contact_code", code_columns)), {"ids": ids})
        for site, day, dim, code in rows:
            found[month_start(as_day(day)), site, dim, code] += 1
    return found


def among(session: Session, column: Any, values: list[str]) -> Any:
    """``column IN values``, as one array on PostgreSQL (a statement whose text does not
    grow with the batch)."""
    if dialect.on_postgres(session):
        return column == any_(bindparam(None, values, type_=ARRAY(String)))
    return column.in_(values)


def add(session: Session, before: Counter[Key], after: Counter[Key]) -> None:
    """Add to the counts by month what a push changed: what its visits count now, less
    what they counted before it; and one change to each site's month it touched, whether
    its counts moved or not (two visits trading themes move a table of two dimensions,
    not the counts of one: :mod:`hub.pair_counts`). Pushes of one site's month take turns
    (a lock each), so that a count gone to zero is deleted by the one that saw it there."""
    touched = sorted({(site, month) for month, site, _dim, _code in before.keys() | after.keys()})
    if not touched:
        return
    dialect.hold(session, (f"month {site} {start}" for site, start in touched))
    changed = dialect.insert(session, month_change)
    session.execute(
        changed.on_conflict_do_update(
            index_elements=["month", "site_id"],
            set_={"changes": month_change.c.changes + 1},
        ),
        [{"month": start, "site_id": site, "changes": 1} for site, start in touched],
    )
    change = {key: after[key] - before[key] for key in sorted(before.keys() | after.keys())}
    rows: list[dict[str, Any]] = [
        {"month": month, "site_id": site, "dim": dim, "code": code, "count": n}
        for (month, site, dim, code), n in change.items()
        if n
    ]
    if not rows:
        return
    upsert = dialect.insert(session, contact_summary)
    session.execute(
        upsert.on_conflict_do_update(
            index_elements=["month", "site_id", "dim", "code"],
            set_={"count": contact_summary.c.count + upsert.excluded.count},
        ),
        rows,
    )
    lower = sorted({(row["site_id"], row["month"]) for row in rows if row["count"] < 0})
    for site, start in lower:  # only a count taken from can have come to nothing
        session.execute(
            text(
                "DELETE FROM contact_summary WHERE site_id = :site AND month = :start AND count = 0"
            ),
            {"site": site, "start": start},
        )
