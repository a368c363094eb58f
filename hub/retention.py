"""How long the hub keeps the region's data, and the work that keeps it to that.

A regional coordinator sets (console or ``aiguillage-hub retention set``) how many months
referral records and directory flags are kept, and after how many years visits are kept
only as a summary. ``aiguillage-hub retention apply`` (run daily by cron or a systemd
timer) then deletes the referrals and flags past their horizon, and deletes the records
and facts of every whole month of visits past theirs, leaving only that month's counts by
site (:mod:`hub.monthly`, kept for every month as records arrive, counted once more
first): one transaction per month, so that a stop halfway leaves each month whole, and run
again it finds nothing left to do.

A horizon is the first day of a month: what happened before it goes. Each kind also keeps
the first day it still holds (``contacts_from``…), moved forward as months go, so that a
push of a record before it is refused (:func:`refusal`) even once the region keeps longer
again: a summarised month is never counted twice. A push is refused on what ``apply``
removed, never on the setting alone: a setting changed by mistake and put back before the
next run loses nothing. The ids of the visits summarised are kept (nothing else of them),
so that an edit that moves one out of its summarised month is refused too; and a visit
whose referrals went counts none from then on (:func:`_delete` counts it again).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session, sessionmaker

from core.i18n import N_, gettext
from hub import dialect, facts, monthly, referral_counts
from hub.models import (
    FlagReview,
    Record,
    RetentionSetting,
    Site,
    pair_count,
    referral_fact,
    referral_slip,
    summarised_contact,
)  # fmt: skip
from hub.monthly import as_day, month_start, next_month
from hub.partner_models import ReferralOutcome, referral_summary
from hub.service import HubError, now

DEFAULTS = {"referral_months": 24, "flag_months": 12, "detail_years": 5, "no_news_days": 30,
            "slip_months": 13}  # fmt: skip
# Each setting's bounds (included).
BOUNDS = {"referral_months": (1, 120), "flag_months": (1, 120), "detail_years": (1, 30),
          "no_news_days": (7, 365), "slip_months": (1, 120)}  # fmt: skip


@dataclass(frozen=True, slots=True)
class Retention:
    """The region's setting, and the first day of each kind the hub still holds."""

    referral_months: int
    flag_months: int
    detail_years: int
    contacts_from: date | None = None
    referrals_from: date | None = None
    flags_from: date | None = None
    # Days after its slip with no news from the partner before a referral is « sans
    # nouvelles » (core.outcomes): the region's period, kept with its other settings.
    no_news_days: int = DEFAULTS["no_news_days"]
    # Months a referral's slip code and what its partner said are kept one by one, then
    # only counted by month (hub/slip_retention.py); and the first day still held so.
    slip_months: int = DEFAULTS["slip_months"]
    slips_from: date | None = None

    def kept_from(self) -> dict[str, date | None]:
        """The first day of each kind the hub holds: what ``apply`` removed is before."""
        return {"contact": self.contacts_from, "referral": self.referrals_from,
                "flag": self.flags_from}  # fmt: skip

    def horizons(self, today: date) -> dict[str, date]:
        """The first day of each kind kept on ``today``: what is before goes (or went)."""
        settled = {
            "contact": month_start(today, 12 * self.detail_years),
            "referral": month_start(today, self.referral_months),
            "flag": month_start(today, self.flag_months),
        }
        held = self.kept_from()
        return {kind: max(day, held[kind] or day) for kind, day in settled.items()}


@dataclass(frozen=True, slots=True)
class Applied:
    """What ``apply`` did."""

    referrals: int = 0
    flags: int = 0
    contacts: int = 0
    months: int = 0
    slips: int = 0

    def __add__(self, other: Applied) -> Applied:
        return Applied(
            self.referrals + other.referrals, self.flags + other.flags,
            self.contacts + other.contacts, self.months + other.months,
            self.slips + other.slips,
        )  # fmt: skip


def read(session: Session, *, pushing: bool = False) -> Retention:
    """The region's setting (the defaults until a coordinator sets one). ``pushing``: the
    row held (shared, on PostgreSQL) until the push's transaction ends, so that a month
    ``apply`` is summarising is either summarised with the push's records or refuses
    them, never neither."""
    if pushing and dialect.on_postgres(session):
        query = select(RetentionSetting).where(RetentionSetting.id == 1)
        row = session.scalar(query.with_for_update(read=True, key_share=True))
        if row is None:  # none set yet: made now, for pushes and ``apply`` to take turns on it
            _row(session)
            row = session.scalar(query.with_for_update(read=True, key_share=True))
    else:
        row = session.get(RetentionSetting, 1)
    if row is None:
        return Retention(DEFAULTS["referral_months"], DEFAULTS["flag_months"],
                         DEFAULTS["detail_years"])  # fmt: skip
    return Retention(
        row.referral_months, row.flag_months, row.detail_years,
        row.contacts_from, row.referrals_from, row.flags_from, row.no_news_days,
        row.slip_months, row.slips_from,
    )  # fmt: skip


def insert_ignoring(session: Session, table: Any) -> Any:
    """``INSERT … ON CONFLICT DO NOTHING`` on the hub's database, whichever it is."""
    return dialect.insert(session, table).on_conflict_do_nothing()


def _row(session: Session, *, lock: bool = False) -> RetentionSetting:
    """The setting's row, made with the defaults if need be; locked until the transaction
    ends with ``lock`` (two runs of ``apply`` take turns)."""
    session.execute(insert_ignoring(session, RetentionSetting).values(id=1, **DEFAULTS))
    query = select(RetentionSetting).where(RetentionSetting.id == 1)
    row = session.scalar(query.with_for_update() if lock else query)
    assert row is not None
    return row


SAID = {
    "referral_months": N_("Orientations\u00a0: de {low} à {high} mois."),
    "flag_months": N_("Signalements\u00a0: de {low} à {high} mois."),
    "detail_years": N_("Accueils gardés en détail\u00a0: de {low} à {high} ans."),
    "no_news_days": N_("«\u00a0Sans nouvelles\u00a0» après\u00a0: de {low} à {high} jours."),
    "slip_months": N_("Codes des fiches et suites\u00a0: de {low} à {high} mois."),
}
REFUSED = {
    "contact": N_("accueil du {day}\u00a0: le hub ne garde plus les accueils d’avant le {first}"),
    "referral": N_(
        "orientation du {day}\u00a0: le hub ne garde plus les orientations d’avant le {first}"
    ),
    "flag": N_(
        "signalement du {day}\u00a0: le hub ne garde plus les signalements d’avant le {first}"
    ),
}


def problem(values: dict[str, int]) -> str:
    """Why these settings will not do, or nothing."""
    for name, value in values.items():
        low, high = BOUNDS[name]
        if not low <= value <= high:
            return gettext(SAID[name]).format(low=low, high=high)
    if values["slip_months"] > values["referral_months"]:
        return gettext(
            "Les codes des fiches ne peuvent être gardés plus longtemps que les orientations"
            " ({months} mois)."
        ).format(months=values["referral_months"])
    if values["referral_months"] > 12 * values["detail_years"]:
        return gettext(
            "Les orientations ne peuvent être gardées plus longtemps que le détail des accueils"
            " ({months} mois)."
        ).format(months=12 * values["detail_years"])
    return ""


def change(session: Session, by: str, **values: int | None) -> Retention:
    """Set the region's retention (what is not given stays); refused with a message when
    a value is out of its bounds, and then nothing changes. Referrals kept for fewer
    months than their slips take the slips' months down with them, unless those are
    given too."""
    row = _row(session)
    merged = {name: getattr(row, name) for name in DEFAULTS}
    given = {name: value for name, value in values.items() if value is not None}
    merged.update(given)
    if "slip_months" not in given:
        merged["slip_months"] = min(merged["slip_months"], merged["referral_months"])
    said = problem(merged)
    if said:
        raise HubError("bad_retention", said, 400)
    for name, value in merged.items():
        setattr(row, name, value)
    row.changed_at, row.changed_by = now(), by[:200]
    session.flush()
    return read(session)


def refusal(kind: str, day: date, kept_from: dict[str, date | None]) -> str:
    """Why a pushed record of ``day`` is refused, or nothing: the hub no longer holds its
    kind that far back (a month of visits may have been summarised already)."""
    first = kept_from[kind]
    if first is None or day >= first:
        return ""
    return gettext(REFUSED[kind]).format(day=f"{day:%d/%m/%Y}", first=f"{first:%d/%m/%Y}")


def summarised_ids(session: Session, ids: list[str]) -> set[str]:
    """Those of ``ids`` that are visits the hub now keeps only as a summary."""
    if not ids:
        return set()
    return set(session.scalars(select(summarised_contact.c.id).where(
        summarised_contact.c.id.in_(ids))))  # fmt: skip


# --- applying it --------------------------------------------------------------------


def _of_sites(session: Session) -> Any:
    """Every site, named: the records' index (site, kind, day) then finds a kind's days
    site by site, where a region's records would otherwise be read whole."""
    return Record.site_id.in_(list(session.scalars(select(Site.id))))


def _months(session: Session, kind: str, before: date) -> list[date]:
    """The months holding records of ``kind`` before ``before``, oldest first."""
    if dialect.on_postgres(session):
        month: Any = func.date_trunc("month", Record.day)
    else:  # a hub on SQLite, for a trial: its days are ISO text
        month = func.strftime("%Y-%m-01", Record.day)
    where = (_of_sites(session), Record.kind == kind, Record.day < before)
    rows = session.execute(select(month).where(*where).group_by(month))
    found = (v.date() if isinstance(v, datetime) else v for (v,) in rows)
    return sorted(v if isinstance(v, date) else date.fromisoformat(v) for v in found)


def _delete(session: Session, kind: str, start: date, end: date) -> int:
    """Delete the records of ``kind`` from ``start`` to before ``end`` (their facts go with
    them); how many. A visit whose referrals go is counted again without them: it counts
    the same whatever is pushed of it later."""
    where = (_of_sites(session), Record.kind == kind, Record.day >= start, Record.day < end)
    gone = select(Record.id).where(*where)
    if kind == "flag":
        session.execute(delete(FlagReview).where(FlagReview.flag_id.in_(gone)))
    if kind == "contact":  # their ids only, for an edit of one to be refused
        session.execute(insert_ignoring(session, summarised_contact).from_select(["id"], gone))
    referred: list[str] = []
    if kind == "referral":
        of = select(referral_fact.c.contact_id).where(referral_fact.c.record_id.in_(gone))
        referred = sorted(set(session.scalars(of)))
    result = session.execute(delete(Record).where(*where))
    if referred:
        before = monthly.counted_of(session, referred)
        facts.referred(session, referred)
        monthly.add(session, before, monthly.counted_of(session, referred))
    return int(result.rowcount or 0)  # type: ignore[attr-defined]


def _summarise(session: Session, start: date) -> int:
    """Count the month's visits once more from their facts (:mod:`hub.monthly`: the
    summary is what the console reads of the month from now on), then delete their
    records; how many records went. Its tables of two dimensions go (those are no longer
    given over a summarised month)."""
    monthly.count_month(session, start)
    session.execute(delete(pair_count).where(pair_count.c.month == start))
    return _delete(session, "contact", start, next_month(start))


def apply(sessions: sessionmaker[Session], today: date) -> Applied:
    """Delete referrals and flags past their horizon and summarise the visits past
    theirs, a month per transaction (taking turns with any other run); what was done."""
    done = Applied(slips=apply_slips(sessions, today))  # before their referrals may go
    with sessions.begin() as session:
        horizons = read(session).horizons(today)
        todo = {kind: _months(session, kind, horizons[kind]) for kind in horizons}
    for kind, months in todo.items():
        for start in months:
            with sessions.begin() as session:
                row = _row(session, lock=True)
                held = getattr(row, f"{kind}s_from")
                if held is not None and start < held:
                    continue  # another run did it while this one waited for its turn
                if kind == "contact":
                    done += Applied(contacts=_summarise(session, start), months=1)
                else:
                    count = _delete(session, kind, start, next_month(start))
                    done += Applied(**{f"{kind}s": count})
                _moved(row, kind, next_month(start))
    with sessions.begin() as session:
        row = _row(session, lock=True)
        for kind, horizon in horizons.items():
            _moved(row, kind, horizon)
        row.applied_at = now()
    return done


def _moved(row: RetentionSetting, kind: str, first: date) -> None:
    """The first day ``kind`` is kept moves forward to ``first`` (never back)."""
    name = f"{kind}s_from"
    held: date | None = getattr(row, name)
    if held is None or held < first:
        setattr(row, name, first)


def apply_slips(sessions: sessionmaker[Session], today: date) -> int:
    """Count, then delete, the slips and partners' words past the region's months (13 by
    default: the paper in the visitor's hand then leads nowhere, the Région's figures
    stay), a month per transaction; how many slips went."""
    with sessions.begin() as session:
        horizon = month_start(today, read(session).slip_months)
        oldest = session.scalar(
            select(func.min(referral_slip.c.day)).where(referral_slip.c.day < horizon)
        )
    done = 0
    month = None if oldest is None else month_start(as_day(oldest))
    while month is not None and month < horizon:
        with sessions.begin() as session:
            row = _row(session, lock=True)
            if row.slips_from is None or month >= row.slips_from:
                done += _summarise_slips(session, month, today, row.no_news_days)
                _moved(row, "slip", next_month(month))
        month = next_month(month)
    with sessions.begin() as session:
        _moved(_row(session, lock=True), "slip", horizon)
    return done


def _summarise_slips(session: Session, month: date, today: date, no_news_days: int) -> int:
    last = next_month(month) - timedelta(days=1)
    for dim in referral_counts.KEPT_BY:
        counted = referral_counts.by_site(session, month, last, dim, today, no_news_days)
        rows = [
            {"month": month, "site_id": site, "dim": dim, "code": code, "status": state,
             "count": n}
            for (site, code, state), n in counted.items()
        ]  # fmt: skip
        if rows:
            session.execute(referral_summary.insert(), rows)
    slips = select(referral_slip.c.record_id).where(referral_slip.c.day.between(month, last))
    session.execute(delete(ReferralOutcome).where(ReferralOutcome.record_id.in_(slips)))
    gone = session.execute(delete(referral_slip).where(referral_slip.c.day.between(month, last)))
    return int(gone.rowcount or 0)  # type: ignore[attr-defined]


# --- reading the summary ----------------------------------------------------------------


def summarised(session: Session, start: date, end: date, dim: str) -> bool:
    """Whether ``start``..``end`` holds months kept only as a summary, whose ``dim``
    (``pair`` for a table of two) must then be read from it; refused with a message when
    it cannot be: a day, a week, two dimensions crossed, or a month cut in two."""
    first = read(session).contacts_from
    if first is None or start >= first:
        return False
    # The period's summarised part must be whole months: from a 1st, to a month's end.
    whole = start.day == 1 and (end >= first or (end + timedelta(days=1)).day == 1)
    if dim in ("day", "week", "pair") or not whole:
        said = gettext(
            "Les accueils d’avant le {first} ne sont plus gardés qu’en résumé, par mois\u00a0:"
            " sur une période qui en comprend, seuls les tableaux d’une dimension sur des"
            " mois entiers sont disponibles (ni par jour, ni par semaine, ni croisés)."
        )
        raise HubError("summarised", said.format(first=f"{first:%d/%m/%Y}"), 400)
    return True
