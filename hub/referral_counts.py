"""The referrals the Région follows, counted: those still held one by one (their slip code
and what their partner said), by site, code and status, and the months kept only as counts
since the region's months for slips went by (:func:`hub.retention.apply_slips`): per month,
site, dimension (partner, theme, EPCI) and code, how many referrals stood at each status
(:data:`core.outcomes.STATUSES`) on the day they were counted.

A page counts its period month by month (:func:`held`), and each hub process keeps each
month's count under what it depends on: the month's changes (``referral_change``, which
:func:`touch` adds one to for each push that stores, edits or removes a slip of the month or
edits the visit of one, and for each partner's word), read before the count; and the day
« sans nouvelles » begins, where it falls in the month. A push of today's referrals counts
this month again, and only this month."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from datetime import date, timedelta
from typing import Any

from sqlalchemy import and_, case, func, literal, select
from sqlalchemy.orm import Session
from sqlalchemy.sql import ColumnElement, FromClause

from core.i18n import gettext
from core.outcomes import OUTCOMES
from hub import dialect
from hub.memo import Kept
from hub.models import (
    RetentionSetting,
    contact_code,
    contact_fact,
    referral_fact,
    referral_slip,
)
from hub.monthly import as_day, month_start, next_month
from hub.partner_models import ReferralOutcome, referral_change, referral_summary
from hub.places import places
from hub.service import HubError

KEPT_BY = ("partner", "theme", "epci")  # the dimensions kept; a site's is its partners' sum


def first_held(session: Session) -> date | None:
    """The first day whose slips are still held one by one (None: all are)."""
    return session.scalar(select(RetentionSetting.slips_from).where(RetentionSetting.id == 1))


def summary(
    session: Session, start: date, end: date, dim: str, site: str | None
) -> Counter[tuple[str, str]]:
    """The counts kept of the whole months from ``start`` to before ``end`` (refused in
    words when the period cuts one), by code of ``dim`` (``site``: by site) and status."""
    if start.day != 1 or end.day != 1:
        said = gettext(
            "Les codes des fiches d’avant le {first} ne sont plus gardés qu’en comptes par"
            " mois\u00a0: sur une période qui en comprend, choisissez des mois entiers."
        )
        first = first_held(session) or end
        raise HubError("summarised", said.format(first=f"{first:%d/%m/%Y}"), 400)
    s = referral_summary.c
    code = s.site_id if dim == "site" else s.code
    query = (
        select(code, s.status, func.sum(s.count))
        .where(s.dim == ("partner" if dim == "site" else dim), s.month >= start, s.month < end)
        .group_by(code, s.status)
    )
    if site is not None:
        query = query.where(s.site_id == site)
    return Counter({(str(c), str(st)): int(n) for c, st, n in session.execute(query)})


def by_site(
    session: Session, start: date, end: date, dim: str, today: date, no_news_days: int,
    site: str | None = None, *, per_site: bool = True, per_month: bool = False,
) -> Counter[tuple[str, str, str]]:  # fmt: skip
    """The referrals still held one by one, by site, code of ``dim`` and status; without
    ``per_site``, the sites summed (their key empty): a region's page wants no more, and
    a year's sites by partners is a third of a million groups to sort; with
    ``per_month``, by month (its first day, ISO) rather than by site."""
    slip, said = referral_slip.c, ReferralOutcome
    cutoff = today - timedelta(days=no_news_days)
    status = case(
        (said.outcome.in_(tuple(OUTCOMES)), said.outcome),
        (said.presented_on.is_not(None), "presentee"),
        (slip.day < cutoff, "sans-nouvelles"),
        else_="en-attente",
    ).label("status")
    code: ColumnElement[Any]
    joined: FromClause
    if dim == "partner":
        code, joined = slip.partner, referral_slip
    elif dim == "site":
        code, joined = slip.site_id, referral_slip
    else:
        fact = referral_fact.join(
            referral_slip, referral_slip.c.record_id == referral_fact.c.record_id
        )
        if dim == "theme":
            code = contact_code.c.code
            joined = fact.join(
                contact_code,
                and_(
                    contact_code.c.record_id == referral_fact.c.contact_id,
                    contact_code.c.dim == "theme",
                ),
            )
        else:
            code = contact_fact.c.commune
            joined = fact.join(contact_fact, contact_fact.c.record_id == referral_fact.c.contact_id)
    first: ColumnElement[Any] = slip.site_id if per_site else literal("")
    if per_month:
        first = (
            func.to_char(slip.day, "YYYY-MM-01")
            if dialect.on_postgres(session)
            else func.strftime("%Y-%m-01", slip.day)
        )
    query = (
        select(first, code.label("code"), status, func.count())
        .select_from(joined.outerjoin(said, said.record_id == slip.record_id))
        .where(slip.day.between(start, end))
        .group_by(*((first,) if per_site or per_month else ()), code, status)
    )
    if site is not None:
        query = query.where(slip.site_id == site)
    dialect.for_counting(session)
    found: Counter[tuple[str, str, str]] = Counter()
    epci_of = places().epci_of if dim == "epci" else {}
    for where, value, state, n in session.execute(query):
        key = "non-precise" if value is None else str(value)
        found[str(where), epci_of.get(key, key), str(state)] += int(n)
    return found


_MONTHS: Kept[Counter[tuple[str, str]]] = Kept(size=512)  # months × dimensions × sites asked


def held(
    session: Session, start: date, end: date, dim: str, today: date, no_news_days: int,
    site: str | None = None,
) -> Counter[tuple[str, str]]:  # fmt: skip
    """The referrals still held one by one over ``start``..``end``, by code and status,
    month by month, each month's count kept (see the module)."""
    changed = {
        as_day(month): int(n)
        for month, n in session.execute(
            select(referral_change.c.month, func.sum(referral_change.c.changes))
            .where(referral_change.c.month.between(month_start(start), month_start(end)))
            .group_by(referral_change.c.month)
        )
    }
    cutoff = today - timedelta(days=no_news_days)
    identity = dialect.identity(session)
    keys: dict[date, tuple[Any, ...]] = {}
    month = month_start(start)
    while month <= end:
        first, last = max(start, month), min(end, next_month(month) - timedelta(days=1))
        bound = min(max(cutoff, first), last + timedelta(days=1))  # where the month is cut
        keys[month] = (identity, first, last, dim, site, bound, changed.get(month, 0))
        month = next_month(month)
    missing = [m for m, key in keys.items() if _MONTHS.peek(key) is None]
    counted: dict[date, Counter[tuple[str, str]]] = {m: Counter() for m in missing}
    if missing:  # the months not kept, in one statement
        first, last = max(start, missing[0]), min(end, next_month(missing[-1]) - timedelta(days=1))
        rows = by_site(session, first, last, dim, today, no_news_days, site, per_month=True)
        for (month_of, code, state), n in rows.items():
            month = month_start(date.fromisoformat(month_of))
            if month in counted:
                counted[month][code, state] += n
    found: Counter[tuple[str, str]] = Counter()
    for month, key in keys.items():

        def work(month: date = month, key: tuple[Any, ...] = key) -> Counter[tuple[str, str]]:
            if month in counted:
                return counted[month]
            # Let go meanwhile by another page's months: counted again alone.
            one = by_site(session, key[1], key[2], dim, today, no_news_days, site, per_site=False)
            return Counter({(code, state): n for (_s, code, state), n in one.items()})

        found.update(_MONTHS.get(key, work))
    return found


def touch(session: Session, where: Iterable[tuple[str, date]]) -> None:
    """One change more to each (site, day)'s month: what was kept of it is counted again
    (a row per site and month, as ``month_change``: pushes of two sites never wait on one
    another)."""
    months = sorted({(site, month_start(as_day(day))) for site, day in where})
    if months:
        session.execute(
            dialect.insert(session, referral_change).on_conflict_do_update(
                index_elements=[referral_change.c.month, referral_change.c.site_id],
                set_={"changes": referral_change.c.changes + 1},
            ),
            [{"month": month, "site_id": site, "changes": 1} for site, month in months],
        )
