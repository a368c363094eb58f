"""The counts the hub keeps as records arrive are those its records hold: after any
sequence of pushes (new records, edits, cancellations, stale versions sent again,
referrals before or after their visit), every table of the console read from the facts
equals the one worked out from the payloads; and a hub migrated with records already
stored fills the same facts as pushing them did."""

from __future__ import annotations

import importlib.util
import uuid
from collections import Counter
from datetime import date, timedelta
from types import ModuleType
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import Engine, text
from sqlalchemy.orm import Session

from core.lists import DEFAULT_LISTS
from core.wire import PushRecord
from hub import activity_counts, facts, pair_counts, push_store, service, stats
from hub.checks import today
from hub.migrate import MIGRATIONS
from hub.models import Site
from hub.monthly import month_start, next_month
from tests.hub import payload_counts
from tests.hub.conftest import SITES

CONTACTS = [str(uuid.UUID(int=n + 1)) for n in range(5)]
REFERRALS = [str(uuid.UUID(int=n + 100)) for n in range(4)]
FLAGS = [str(uuid.UUID(int=n + 200)) for n in range(2)]
TODAY = today()
DAYS = [(TODAY - timedelta(days=n)).isoformat() for n in (1, 2, 40)]
START, END = TODAY - timedelta(days=60), TODAY


def codes(name: str, n: int = 3) -> list[str]:
    return [item[0] for item in DEFAULT_LISTS[name]][:n]


contacts = st.fixed_dictionaries(
    {
        "day": st.sampled_from(DAYS),
        "channel": st.sampled_from(codes("channel", 2)),
        "public": st.sampled_from(codes("public")),
        "age": st.sampled_from(codes("age", 2)),
        "gender": st.sampled_from(codes("gender")),
        "commune": st.sampled_from(["13047", "hors-region", "non-precise"]),
        "themes": st.lists(st.sampled_from(codes("theme")), min_size=1, max_size=3),
        "answers": st.lists(st.sampled_from(codes("answer")), min_size=1, max_size=2),
        "duration": st.none() | st.sampled_from(codes("duration", 2)),
        "first_visit": st.none() | st.booleans(),
        "cancelled": st.booleans(),
    }
)
referrals = st.fixed_dictionaries(
    {
        "day": st.sampled_from(DAYS),
        "contact_id": st.sampled_from(CONTACTS),
        "service_id": st.sampled_from(["svc-emploi", "svc-formation"]),
        "structure_id": st.none() | st.just("structure-ml"),
        "cancelled": st.booleans(),
    }
)
flags = st.fixed_dictionaries(
    {
        "day": st.sampled_from(DAYS),
        "service_id": st.just("svc-emploi"),
        "reason": st.just("closed"),
        "cancelled": st.booleans(),
    }
)
# A record sent: its kind, which of its kind, its version and payload. Versions are drawn
# small so that edits, stale versions and conflicts (same version, other content) all come.
sends = (
    st.tuples(st.just("contact"), st.integers(0, 4), st.integers(1, 3), contacts)
    | st.tuples(st.just("referral"), st.integers(0, 3), st.integers(1, 3), referrals)
    | st.tuples(st.just("flag"), st.integers(0, 1), st.integers(1, 3), flags)
)
Send = tuple[str, int, int, dict[str, Any]]
batches = st.lists(
    st.lists(sends, min_size=1, max_size=4, unique_by=lambda s: (s[0], s[1])),
    min_size=1,
    max_size=8,
)
IDS = {"contact": CONTACTS, "referral": REFERRALS, "flag": FLAGS}


def play(engine: Engine, pushes: list[list[Send]]) -> None:
    """A fresh hub's records, then each batch pushed by the desk of each record's site."""
    with engine.begin() as connection:
        connection.execute(text("DELETE FROM record"))
        connection.execute(text("DELETE FROM contact_summary"))
        # Records deleted under the hub's feet: their months changed, as a push would say.
        connection.execute(text("UPDATE month_change SET changes = changes + 1"))
    push_all(engine, pushes)


def push_all(engine: Engine, pushes: list[list[Send]]) -> None:
    """Each batch pushed by the desk of each record's site."""
    for batch in pushes:
        by_site: dict[str, list[PushRecord]] = {}
        for kind, index, version, payload in batch:
            record = PushRecord(kind=kind, id=IDS[kind][index], version=version, payload=payload)  # type: ignore[arg-type]
            by_site.setdefault(service.slugify(SITES[index % 2]), []).append(record)
        with Session(engine) as session, session.begin():
            for site_id, records in by_site.items():
                site = session.get(Site, site_id)
                assert site is not None
                answers = push_store.store_push(session, engine, site, records)
                assert "rejected" not in {a.outcome for a in answers}, answers


TABLES = ("contact_fact", "contact_code", "referral_fact", "flag_fact", "contact_summary")


def facts_of(engine: Engine) -> dict[str, list[tuple[Any, ...]]]:
    with engine.connect() as connection:
        return {
            table: sorted(tuple(row) for row in connection.execute(text(f"SELECT * FROM {table}")))
            for table in TABLES
        }


def migration(name: str = "h0008_activity_facts") -> ModuleType:
    path = MIGRATIONS / "versions" / f"{name}.py"
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


SETTINGS = settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


# Periods cut in months differently: days at both ends; whole months only; one month's days.
PERIODS = [
    (START, END),
    (month_start(TODAY, 2), next_month(TODAY) - timedelta(days=1)),
    (month_start(TODAY), TODAY),
]


@SETTINGS
@given(pushes=batches)
def test_the_counts_kept_at_push_time_equal_a_recount_from_the_records(
    engine: Engine, pushes: list[list[Send]]
) -> None:
    play(engine, pushes)
    with Session(engine) as session:
        for start, end in PERIODS:
            known = stats.totals(session, start, end)
            for dim in stats.DIMENSIONS:
                kept = activity_counts.cells(session, start, end, dim)
                recount = payload_counts.cells(session, start, end, dim)
                if dim == "epci":  # communes as their EPCI
                    recount = Counter[tuple[str, str]]()
                    for (where, code), n in payload_counts.cells(session, start, end, dim).items():
                        recount[where, activity_counts.recoded(dim, code)] += n
                assert kept == recount, (dim, start, end)
                by_month = Counter[str]()
                for (_site, day), n in recount.items():
                    by_month[day[:7]] += n
                if dim == "month":
                    volumes = activity_counts.volumes(session, start, end, dim, None, known)
                    assert volumes == by_month, (start, end)
            for site in (None, *(service.slugify(name) for name in SITES)):
                figures = payload_counts.key_figures(session, start, end, site)
                assert stats.key_figures(session, start, end, site, known) == figures
                assert known.of(site)[0] == figures["contact"]


@SETTINGS
@given(pushes=batches)
def test_a_migrated_hub_fills_the_facts_pushing_wrote(
    engine: Engine, pushes: list[list[Send]]
) -> None:
    play(engine, pushes)
    pushed = facts_of(engine)
    with engine.begin() as connection:
        for table in ("contact_fact", "referral_fact", "flag_fact"):
            connection.execute(text(f"DELETE FROM {table}"))
    assert facts_of(engine)["contact_code"] == []
    with engine.begin() as connection:
        migration().backfill(connection)
    assert facts_of(engine) == pushed
    with engine.begin() as connection:
        connection.execute(text("DELETE FROM contact_summary"))
        migration("h0010_monthly_counts").backfill(connection)
        migration("h0011_epci_counts").backfill(connection)
        migration("h0024_notices_events").backfill(connection)
    assert facts_of(engine) == pushed


def test_a_referral_before_its_visit_and_its_cancellation_are_counted(engine: Engine) -> None:
    """A visit's partner appears when its referral came first, and goes when cancelled."""
    visit = {"day": DAYS[0], "channel": "sur-place", "public": "salarie", "age": "16-25",
             "gender": "femme", "commune": "13047", "themes": ["vae"], "answers": ["autre"]}  # fmt: skip
    sent = {"day": DAYS[0], "contact_id": CONTACTS[0], "service_id": "svc-emploi"}
    site = service.slugify(SITES[0])
    play(engine, [[("referral", 0, 1, sent)], [("contact", 0, 1, visit)]])
    with Session(engine) as session:
        assert activity_counts.cells(session, START, END, "partner") == {(site, "svc-emploi"): 1}
        assert stats.key_figures(session, START, END)["referral"] == 1
    play(engine, [[("referral", 0, 1, sent)], [("contact", 0, 1, visit)],
                  [("referral", 0, 2, {**sent, "cancelled": True})]])  # fmt: skip
    with Session(engine) as session:
        assert activity_counts.cells(session, START, END, "partner") == {}
        assert stats.key_figures(session, START, END)["referral"] == 0
        assert activity_counts.cells(session, START, END, "public") == {(site, "salarie"): 1}


def test_a_missing_value_and_non_precise_are_one_code_in_the_counts_by_month(
    engine: Engine,
) -> None:
    """A region whose durations list « non-precise » (as ages do): a visit that says it and
    one that says nothing are counted under one code, month after month."""
    visit = {"day": DAYS[0], "channel": "sur-place", "public": "salarie", "age": "16-25",
             "gender": "femme", "commune": "13047", "themes": ["vae"], "answers": ["autre"]}  # fmt: skip
    site = service.slugify(SITES[1])  # the site that pushes the second visit (play)
    with engine.begin() as connection:
        connection.execute(text("DELETE FROM record"))
        connection.execute(text("DELETE FROM contact_summary"))
    play(engine, [[("contact", 1, 1, {**visit, "duration": None}),
                   ("contact", 3, 1, {**visit, "duration": None})]])  # fmt: skip
    with Session(engine) as session, session.begin():  # one says it, as the list may allow
        said = {**visit, "duration": "non-precise"}
        facts.record(session, [facts.Stored("contact", CONTACTS[3], site, said)])
    month = month_start(date.fromisoformat(DAYS[0]))
    with Session(engine) as session:
        counted = session.execute(
            text("SELECT code, count FROM contact_summary WHERE dim = 'duration' AND month = :m"),
            {"m": month},
        ).all()
    assert counted == [("non-precise", 2)]


@SETTINGS
@given(pushes=batches)
def test_the_region_s_pairs_kept_by_month_equal_the_facts_after_every_push(
    engine: Engine, pushes: list[list[Send]]
) -> None:
    """Each pair asked for after each push (so kept, then changed, then asked again)
    equals the same pair worked out from the facts afresh."""
    play(engine, [])
    pairs = [("public", "theme"), ("theme", "answer"), ("site", "partner"), ("epci", "age")]
    for batch in pushes:
        push_all(engine, [batch])
        with Session(engine) as session, session.begin():
            for start, end in PERIODS:
                for dims in pairs:
                    fresh = Counter[tuple[str, str]]()
                    for a, b, n in pair_counts._from_facts(session, start, end, dims):
                        codes = (activity_counts.code_of(a), activity_counts.code_of(b))
                        fresh[activity_counts.recoded(dims[0], codes[0]),
                              activity_counts.recoded(dims[1], codes[1])] += n  # fmt: skip
                    assert pair_counts.cells(session, start, end, dims) == fresh, (dims, start)
