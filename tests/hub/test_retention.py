"""The region's retention: ``apply`` deletes the referrals and flags past their horizon and
summarises whole months of older visits, and nothing else; a summarised period's tables
are those computed before it was summarised; a push for a day the hub no longer keeps is
refused per record and changes nothing."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import Engine, func, select, text
from sqlalchemy.orm import Session, sessionmaker

from core.lists import DEFAULT_LISTS
from core.wire import PushRecord, PushResult
from hub import push_store, retention, service, stats
from hub.models import FlagReview, Record, Site
from tests.hub.conftest import SITES

TODAY = date(2026, 12, 3)
# With 5 years in detail, 24 months of referrals and 12 of flags on TODAY, what goes is
# before 2021-12-01, 2024-12-01 and 2025-12-01.
SHORT = {"referral_months": 24, "flag_months": 12, "detail_years": 5}
# The same, referrals kept as long as the visits' detail: summarising changes no table.
SAME = {**SHORT, "referral_months": 60}
LONG = {"referral_months": 120, "flag_months": 120, "detail_years": 30}
SERVICE = "svc-emploi"


def codes(name: str, n: int = 3) -> list[str]:
    return [item[0] for item in DEFAULT_LISTS[name]][:n]


def keep(engine: Engine, values: dict[str, int]) -> None:
    with Session(engine) as session, session.begin():
        retention.change(session, "claire.m", **values)


def send(
    engine: Engine, site: str, kind: str, payloads: list[dict[str, Any]],
    ids: list[str] | None = None, version: int = 1,
) -> list[PushResult]:  # fmt: skip
    records = [
        PushRecord(kind=kind, id=record_id, version=version, payload=p)  # type: ignore[arg-type]
        for p, record_id in zip(payloads, ids or [str(uuid.uuid4()) for _ in payloads], strict=True)
    ]
    with Session(engine) as session, session.begin():
        found = session.get(Site, service.slugify(site))
        assert found is not None
        return push_store.store_push(session, engine, found, records)


def stored(engine: Engine, site: str, kind: str, payloads: list[dict[str, Any]]) -> list[str]:
    answers = send(engine, site, kind, payloads)
    assert {a.outcome for a in answers} <= {"accepted"}, answers
    return [a.id for a in answers]


def visit(day: str, public: str = "scolaire", **more: Any) -> dict[str, Any]:
    return {"day": day, "channel": "sur-place", "public": public, "age": "16-25",
            "gender": "femme", "commune": "13047", "themes": ["trouver-emploi"],
            "answers": ["information"], **more}  # fmt: skip


def records(engine: Engine) -> dict[str, set[str]]:
    with Session(engine) as session:
        out: dict[str, set[str]] = {"contact": set(), "referral": set(), "flag": set()}
        for kind, record_id in session.execute(select(Record.kind, Record.id)):
            out[kind].add(record_id)
        return out


# What is left of the months no longer kept in detail.
SUMMARISED = text("SELECT * FROM contact_summary WHERE month < '2021-12-01' ORDER BY 1, 2, 3, 4")


def apply(engine: Engine, today: date = TODAY) -> retention.Applied:
    return retention.apply(sessionmaker(engine), today)


def test_apply_deletes_what_is_past_its_horizon_and_nothing_else(engine: Engine) -> None:
    keep(engine, LONG)
    _old_visit, kept_visit = stored(engine, "Istres", "contact", [visit("2021-11-30"),
                                                                  visit("2021-12-01")])  # fmt: skip
    cancelled = stored(engine, "Istres", "contact", [visit("2021-06-02", cancelled=True)])
    referral = {"service_id": SERVICE}
    _old_referral, kept_referral = stored(engine, "Istres", "referral", [
        {**referral, "day": "2024-11-30", "contact_id": kept_visit},
        {**referral, "day": "2024-12-01", "contact_id": kept_visit},
    ])  # fmt: skip
    flag = {"service_id": SERVICE, "reason": "closed"}
    old_flag, kept_flag = stored(engine, "Martigues", "flag", [
        {**flag, "day": "2025-11-30"}, {**flag, "day": "2025-12-01"},
    ])  # fmt: skip
    with Session(engine) as session, session.begin():
        session.add(FlagReview(flag_id=old_flag, handled_at=datetime(2025, 12, 2), handled_by="c"))
    keep(engine, SHORT)

    done = apply(engine)

    assert done == retention.Applied(referrals=1, flags=1, contacts=2, months=2)
    assert records(engine) == {
        "contact": {kept_visit}, "referral": {kept_referral}, "flag": {kept_flag}
    }  # fmt: skip
    with Session(engine) as session:
        assert session.scalar(select(func.count()).select_from(FlagReview)) == 0
        summary = session.execute(
            text("SELECT month, site_id, dim, code, count FROM contact_summary"
                 " WHERE dim IN ('visits', 'public', 'theme')")
        ).all()  # fmt: skip
        kept = retention.read(session)
    # The cancelled visit of June is deleted and counted nowhere, as the console counts;
    # the kept month of December is counted by month as every month is.
    assert sorted(summary) == [
        (date(2021, 11, 1), "istres", "public", "scolaire", 1),
        (date(2021, 11, 1), "istres", "theme", "trouver-emploi", 1),
        (date(2021, 11, 1), "istres", "visits", "", 1),
        (date(2021, 12, 1), "istres", "public", "scolaire", 1),
        (date(2021, 12, 1), "istres", "theme", "trouver-emploi", 1),
        (date(2021, 12, 1), "istres", "visits", "", 1),
    ]
    assert cancelled[0] not in records(engine)["contact"]
    assert (kept.contacts_from, kept.referrals_from, kept.flags_from) == (
        date(2021, 12, 1), date(2024, 12, 1), date(2025, 12, 1),
    )  # fmt: skip
    # Run again, it finds nothing to do, and the summary is not counted twice.
    assert apply(engine) == retention.Applied()
    with Session(engine) as session:
        assert stats.totals(session, date(2021, 11, 1), date(2021, 11, 30)).of()[0] == 1


def test_a_push_for_a_day_the_hub_no_longer_keeps_is_refused_and_changes_nothing(
    engine: Engine,
) -> None:
    keep(engine, LONG)
    stored(engine, "Istres", "contact", [visit("2021-11-30")])
    keep(engine, SHORT)
    apply(engine)
    # The region keeps longer again: November 2021 is summarised all the same.
    keep(engine, {"detail_years": 10})
    before = records(engine)
    with Session(engine) as session:
        summary_before = session.execute(SUMMARISED).all()
    answers = send(engine, "Istres", "contact", [visit("2021-11-30"), visit("2026-11-30")])
    assert [a.outcome for a in answers] == ["rejected", "accepted"]
    assert answers[0].reason == (
        "accueil du 30/11/2021\u00a0: le hub ne garde plus les accueils d’avant le 01/12/2021"
    )
    referral = {"service_id": SERVICE, "contact_id": answers[1].id}
    refused = send(engine, "Istres", "referral", [{**referral, "day": "2024-11-30"}])
    assert refused[0].outcome == "rejected" and "orientations d’avant le 01/12/2024" in str(
        refused[0].reason
    )
    after = records(engine)
    assert after["contact"] == before["contact"] | {answers[1].id}
    assert after["referral"] == before["referral"] == set()
    with Session(engine) as session:
        assert session.execute(SUMMARISED).all() == summary_before  # the visit of 2026 apart


def test_a_second_run_that_listed_a_month_before_the_first_summarised_it_keeps_its_counts(
    engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two runs at once (the night's timer, a coordinator's command): each lists the months
    to do, then waits its turn; the one that comes second finds the month done."""
    keep(engine, LONG)
    stored(engine, "Istres", "contact", [visit("2021-11-30"), visit("2021-11-02")])
    keep(engine, SHORT)
    listed = retention._months
    with sessionmaker(engine).begin() as session:
        stale = {kind: listed(session, kind, date(2021, 12, 1)) for kind in ("contact",)}
    assert apply(engine).months == 1
    monkeypatch.setattr(retention, "_months", lambda _s, kind, _b: stale.get(kind, []))
    assert apply(engine) == retention.Applied()
    with Session(engine) as session:
        assert stats.totals(session, date(2021, 11, 1), date(2021, 11, 30)).of()[0] == 2
        assert session.execute(SUMMARISED).all() != []


def test_the_first_push_of_a_region_that_never_set_its_retention_holds_the_setting(
    engine: Engine,
) -> None:
    """A push holds the setting's row (made then with the defaults): a month being
    summarised either takes its records or refuses them."""
    with engine.begin() as connection:
        connection.execute(text("DELETE FROM retention_setting"))
    stored(engine, "Istres", "contact", [visit("2026-11-30")])
    with Session(engine) as session:
        assert retention.read(session) == retention.Retention(24, 12, 5)
        assert session.scalar(text("SELECT count(*) FROM retention_setting")) == 1


def test_settings_out_of_bounds_are_refused_with_a_message_and_change_nothing(
    engine: Engine,
) -> None:
    with Session(engine) as session, session.begin():
        assert retention.read(session) == retention.Retention(24, 12, 5)
        with pytest.raises(service.HubError, match="Accueils gardés en détail\u00a0: de 1 à 30"):
            retention.change(session, "claire.m", detail_years=0)
        with pytest.raises(service.HubError, match="plus longtemps que le détail des accueils"):
            retention.change(session, "claire.m", referral_months=72)
        assert retention.read(session) == retention.Retention(24, 12, 5)


# --- a summarised period's tables are those computed before -----------------------------

DAYS = ["2019-01-15", "2019-02-01", "2019-12-31", "2020-02-29", "2021-06-30", "2021-11-30",
        "2021-12-01", "2022-01-31"]  # fmt: skip
visits = st.lists(
    st.fixed_dictionaries(
        {
            "site": st.sampled_from(SITES),
            "day": st.sampled_from(DAYS),
            "public": st.sampled_from(codes("public")),
            "age": st.sampled_from(codes("age", 2)),
            "commune": st.sampled_from(["13047", "13004", "hors-region", "non-precise"]),
            "themes": st.lists(st.sampled_from(codes("theme")), min_size=1, max_size=3),
            "duration": st.none() | st.sampled_from(codes("duration", 2)),
            "cancelled": st.booleans(),
            "referred": st.lists(st.sampled_from(["svc-emploi", "svc-formation"]), max_size=2),
        }
    ),
    min_size=1,
    max_size=40,
)
PERIODS = [
    (date(2019, 1, 1), date(2019, 12, 31)),  # a summarised year
    (date(2019, 2, 1), date(2020, 2, 29)),
    (date(2021, 6, 1), date(2022, 1, 31)),  # summarised months, then detailed ones
]
ONE_WAY = [d for d in stats.DIMENSIONS if d not in ("day", "week")]


def tables(engine: Engine) -> dict[tuple[Any, ...], Any]:
    out: dict[tuple[Any, ...], Any] = {}
    with Session(engine) as session:
        for start, end in PERIODS:
            for site in (None, *(service.slugify(name) for name in SITES)):
                for dim in ONE_WAY:
                    if not (site and dim == "site"):
                        result = stats.compute(session, start, end, [dim], 3, site)
                        out[start, site, dim] = (result.total, result.rows)
                figures = stats.key_figures(session, start, end, site)
                out[start, site, "figures"] = {**figures, "flag": None}
    return out


@settings(max_examples=15, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])  # fmt: skip
@given(drawn=visits)
def test_a_summarised_period_shows_the_tables_it_showed_in_detail(
    engine: Engine, drawn: list[dict[str, Any]]
) -> None:
    with engine.begin() as connection:
        for table in ("record", "contact_summary", "retention_setting"):
            connection.execute(text(f"DELETE FROM {table}"))
    keep(engine, LONG)
    for one in drawn:
        payload = visit(one["day"], one["public"], age=one["age"], commune=one["commune"],
                        themes=one["themes"], duration=one["duration"],
                        cancelled=one["cancelled"])  # fmt: skip
        (contact,) = stored(engine, one["site"], "contact", [payload])
        sent = [
            {"day": one["day"], "contact_id": contact, "service_id": s} for s in one["referred"]
        ]
        if sent:
            stored(engine, one["site"], "referral", sent)
    before = tables(engine)
    keep(engine, SAME)
    apply(engine)
    with Session(engine) as session:
        left = session.scalar(text("SELECT count(*) FROM contact_fact WHERE day < '2021-12-01'"))
    assert left == 0
    assert tables(engine) == before


def test_an_edit_that_moves_a_summarised_visit_out_of_its_month_is_refused(
    engine: Engine,
) -> None:
    """Its month counts it already: stored again under a kept day, it would count twice."""
    keep(engine, LONG)
    (old,) = stored(engine, "Istres", "contact", [visit("2021-11-30")])
    keep(engine, SHORT)
    apply(engine)
    (answer,) = send(engine, "Istres", "contact", [visit("2022-01-10")], ids=[old], version=2)
    assert answer.outcome == "rejected"
    assert (
        answer.reason == "accueil déjà résumé avec son mois\u00a0: le hub n’en garde que le compte"
    )
    with Session(engine) as session:
        assert stats.totals(session, date(2021, 11, 1), date(2022, 1, 31)).of()[0] == 1
        assert old not in set(session.scalars(select(Record.id)))


def test_a_setting_changed_by_mistake_refuses_nothing_until_apply_runs(engine: Engine) -> None:
    """A push is refused on what was removed, not on the setting: put back before the
    night's run, a wrong setting has cost nothing."""
    keep(engine, {"referral_months": 1, "flag_months": 1, "detail_years": 1})
    (answer,) = send(engine, "Istres", "contact", [visit("2022-06-01")])
    assert answer.outcome == "accepted"
    keep(engine, LONG)
    assert apply(engine) == retention.Applied()
    with Session(engine) as session:
        assert stats.totals(session, date(2022, 6, 1), date(2022, 6, 30)).of()[0] == 1


def test_a_visit_whose_referrals_went_counts_none_whatever_is_pushed_of_it_later(
    engine: Engine,
) -> None:
    keep(engine, LONG)
    payload = visit("2023-05-02")
    (kept,) = stored(engine, "Istres", "contact", [payload])
    stored(engine, "Istres", "referral", [
        {"day": "2023-05-02", "contact_id": kept, "service_id": SERVICE}])  # fmt: skip
    may = (date(2023, 5, 1), date(2023, 5, 31))

    def counted() -> tuple[int, list[dict[str, Any]]]:
        with Session(engine) as session:
            partners = stats.compute(session, *may, ["partner"], 1).rows
            return stats.totals(session, *may).of()[1], partners

    assert counted() == (1, [{"partner": SERVICE, "count": 1}])
    keep(engine, SHORT)  # referrals before December 2024 go
    apply(engine)
    assert counted() == (0, [])
    stored_again = send(engine, "Istres", "contact", [{**payload, "public": "salarie"}],
                        ids=[kept], version=2)  # fmt: skip
    assert [a.outcome for a in stored_again] == ["accepted"]
    assert counted() == (0, [])
