"""Statistics equal a plain recount of the records, for every dimension and pair."""

from __future__ import annotations

import itertools
import uuid
from collections import Counter
from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import delete, insert

from app.desk import Desk
from app.stats import queries as stats
from core.errors import DeskError
from core.stats import tables
from core.stats.export import to_csv
from db.models import Contact, ContactAnswer, ContactTheme, Referral
from tests.conftest import FakeClock

START = datetime(2026, 1, 1)
COMMUNES = {"13047": "200054807", "13006": "241300375", "13004": "241300417", "hors-region": None}
THEMES = ["vae", "alternance", "trouver-emploi"]
ANSWERS = ["information", "documentation"]
PARTNERS = ["p1", "p2"]

contact = st.fixed_dictionaries(
    {
        "minutes": st.integers(0, 60 * 24 * 200),
        "time_known": st.booleans(),
        "channel": st.sampled_from(["sur-place", "telephone"]),
        "public": st.sampled_from(["scolaire", "salarie", "autre"]),
        "age": st.sampled_from(["16-25", "26-44"]),
        "gender": st.sampled_from(["femme", "homme"]),
        "commune": st.sampled_from(sorted(COMMUNES)),
        "duration": st.sampled_from([None, "5-15"]),
        "place": st.sampled_from([None, "13047", "06132"]),
        "event": st.sampled_from([None, "event-1", "event-2"]),
        "themes": st.sets(st.sampled_from(THEMES), min_size=1),
        "answers": st.sets(st.sampled_from(ANSWERS), min_size=1),
        "partners": st.sets(st.sampled_from(PARTNERS)),
        "cancelled": st.booleans(),
    }
)


def codes(record: dict[str, Any], dim: str) -> list[str]:
    moment = START + timedelta(minutes=record["minutes"])
    if dim in ("channel", "public", "age", "gender", "commune"):
        return [record[dim]]
    by_dimension: dict[str, Callable[[], list[str]]] = {
        "epci": lambda: [COMMUNES[record["commune"]] or record["commune"]],
        "theme": lambda: sorted(record["themes"]),
        "answer": lambda: sorted(record["answers"]),
        "partner": lambda: sorted(record["partners"]),
        "duration": lambda: [record["duration"] or "non-precise"],
        "place": lambda: [record["place"] or "non-precise"],
        "event": lambda: [record["event"] or "non-precise"],
        "weekday": lambda: [str(moment.isoweekday())],
        "hour": lambda: [f"{moment.hour:02d}" if record["time_known"] else "non-precise"],
        "day": lambda: [moment.date().isoformat()],
        "week": lambda: [(moment.date() - timedelta(days=moment.weekday())).isoformat()],
        "month": lambda: [moment.strftime("%Y-%m")],
    }
    return by_dimension[dim]()


def store(desk: Desk, records: list[dict]) -> None:  # type: ignore[type-arg]
    with desk.sessions.begin() as session:
        for model in (Referral, ContactTheme, ContactAnswer, Contact):
            session.execute(delete(model))
        for n, record in enumerate(records):
            moment = START + timedelta(minutes=record["minutes"])
            cid = str(uuid.UUID(int=n + 1, version=4))
            session.execute(insert(Contact).values(
                id=cid, site_id="local", moment_local=moment, moment_utc=moment,
                time_known=record["time_known"], channel=record["channel"], public=record["public"],
                age=record["age"], gender=record["gender"], commune=record["commune"],
                duration=record["duration"], place=record["place"], event=record["event"],
                status="cancelled" if record["cancelled"] else "active",
                version=1, synced_version=0, created_at=moment, updated_at=moment,
            ))  # fmt: skip
            for code in record["themes"]:
                session.execute(insert(ContactTheme).values(contact_id=cid, code=code))
            for code in record["answers"]:
                session.execute(insert(ContactAnswer).values(contact_id=cid, code=code))
            for k, partner in enumerate(sorted(record["partners"])):
                session.execute(insert(Referral).values(
                    id=str(uuid.uuid4()), contact_id=cid, service_id=f"{partner}-s",
                    structure_id=partner, slip_code=f"{n:03d}-{k:03d}"[:7], status="active",
                    version=1, synced_version=0, created_at=moment, updated_at=moment,
                ))  # fmt: skip


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(records=st.lists(contact, max_size=25))
def test_counts_equal_a_plain_recount_for_every_dimension_and_pair(
    desk: Desk,
    records: list[dict],  # type: ignore[type-arg]
) -> None:
    store(desk, records)
    active = [r for r in records if not r["cancelled"]]
    end = (START + timedelta(days=201)).date()
    dims = list(stats.DIMENSIONS)
    with desk.sessions() as session:
        assert stats.compute(session, START.date(), end, []).total == len(active)
        for pair in [(d,) for d in dims] + list(itertools.combinations(dims, 2)):
            result = stats.compute(session, START.date(), end, list(pair))
            expected: Counter[tuple[str, ...]] = Counter()
            for record in active:
                for combo in itertools.product(*(codes(record, d) for d in pair)):
                    expected[combo] += 1
            got = {tuple(row[d] for d in pair): row["count"] for row in result.rows}
            assert got == dict(expected), pair
            assert result.total == len(active), pair  # a visit counts once in the total


def test_small_cells_are_hidden_in_json_and_read_as_less_than_n_in_csv(desk: Desk) -> None:
    base = {"time_known": True, "channel": "sur-place", "age": "16-25", "gender": "femme",
            "commune": "13047", "duration": None, "place": None, "event": None, "themes": {"vae"}, "answers": {"information"},
            "partners": set(), "cancelled": False}  # fmt: skip
    store(desk, [dict(base, minutes=n, public="scolaire") for n in range(6)]
          + [dict(base, minutes=100, public="salarie")])  # fmt: skip
    with desk.sessions() as session:
        result = stats.compute(session, date(2026, 1, 1), date(2026, 1, 2), ["public"], min_cell=5)
    # The 6 is hidden too, or the total 7 minus 6 would give the 1 away.
    assert result.as_json()["rows"] == [
        {"public": "salarie", "count": None, "suppressed": True},
        {"public": "scolaire", "count": None, "suppressed": True},
    ]
    assert (
        to_csv(result)
        == (
            "\ufeffpublic;nombre;part (%)\r\nsalarie;masqué;\r\nscolaire;masqué;\r\ntotal;7;100,0\r\n"
        ).encode()
    )


@pytest.mark.parametrize(
    ("by", "message"),
    [(["cuisine"], "Dimension inconnue"), (["theme", "public", "age"], "deux dimensions")],
)
def test_bad_dimensions_are_refused(desk: Desk, by: list[str], message: str) -> None:
    with pytest.raises(DeskError) as caught, desk.sessions() as session:
        stats.compute(session, date(2026, 1, 1), date(2026, 2, 1), by)
    assert message in caught.value.text("fr")


def test_an_impossible_date_or_period_is_refused(desk: Desk) -> None:
    with pytest.raises(DeskError):
        tables.parse_day("2026-02-30")
    with pytest.raises(DeskError) as caught, desk.sessions() as session:
        stats.compute(session, date(2026, 3, 1), date(2026, 2, 1), [])
    assert "la fin (2026-02-01) précède le début (2026-03-01)" in caught.value.text("fr")


def test_the_xlsx_export_reads_back_with_readable_headers(desk: Desk, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    from core.stats.export import to_xlsx

    base = {"time_known": True, "channel": "sur-place", "age": "16-25", "gender": "femme",
            "commune": "13047", "duration": None, "place": None, "event": None, "themes": {"vae"}, "answers": {"information"},
            "partners": set(), "cancelled": False}  # fmt: skip
    store(desk, [dict(base, minutes=n, public="scolaire") for n in range(6)]
          + [dict(base, minutes=100, public="salarie")])  # fmt: skip
    with desk.sessions() as session:
        by_public = stats.compute(
            session, date(2026, 1, 1), date(2026, 1, 2), ["public"], min_cell=5
        )
        by_pair = stats.compute(session, date(2026, 1, 1), date(2026, 1, 2), ["public", "theme"])
    path = tmp_path / "activite.xlsx"
    to_xlsx([by_public, by_pair], str(path), labels=lambda d, code: desk.lists.label(d, code))
    book = load_workbook(path)
    assert book.sheetnames == ["Public", "Public × Thème"]
    sheet = book["Public"]
    rows = [[c.value for c in row] for row in sheet.iter_rows()]
    assert rows[0] == ["Période", "01/01/2026 – 02/01/2026", None]
    assert rows[2] == ["Public", "nombre", "part (%)"]
    assert rows[3] == ["Salarié·e", "masqué", None]
    assert rows[4] == ["Scolaire", "masqué", None]
    assert rows[5][:2] == ["Total", 7]
    pair = [[c.value for c in row] for row in book["Public × Thème"].iter_rows()]
    assert pair[2] == ["Public", "Thème", "nombre", "part (%)"]
    assert ["Scolaire", "Validation des acquis (VAE)", 6, 85.7] in pair


def test_counts_follow_every_write_of_the_counter(desk: Desk, clock: FakeClock) -> None:
    """Saves, edits, referrals, cancels and undos reach the counts at once (the facts are
    marked by triggers and built at the next count)."""
    from dataclasses import replace

    from app.intake.contact import ContactDraft

    cej = "demo-spro-etm--ml-ouest-provence-cej"
    draft = ContactDraft(
        "sur-place", "jeune-non-scolarise", "16-25", "homme", "13047",
        ["trouver-emploi", "alternance"], ["orientation-partenaire"], referrals=[cej],
    )  # fmt: skip
    today = clock().date()

    def counts(by: str) -> dict[str, int]:
        with desk.sessions() as session:
            result = stats.compute(session, today, today, [by])
        return {row[by]: row["count"] for row in result.rows}

    first = desk.intake.save(draft)
    second = desk.intake.save(replace(draft, public="salarie", themes=["vae"], referrals=[]))
    assert counts("public") == {"jeune-non-scolarise": 1, "salarie": 1}
    assert counts("theme") == {"alternance": 1, "trouver-emploi": 1, "vae": 1}
    assert counts("partner") == {"demo-spro-etm--ml-ouest-provence": 1}
    desk.intake.edit(second.id, replace(draft, public="scolaire", themes=["vae"], referrals=[]))
    assert counts("public") == {"jeune-non-scolarise": 1, "scolaire": 1}
    desk.intake.cancel(first.id)
    assert counts("public") == {"scolaire": 1}
    assert counts("partner") == {}
    desk.intake.undo_last()
    with desk.sessions() as session:
        assert stats.compute(session, today, today, []).total == 0


def test_a_count_waits_for_another_desk_saving_instead_of_failing(
    desk: Desk, clock: FakeClock
) -> None:
    """Two desks (or the window and the command line) on one file: building the facts waits
    its turn for the write lock, as a save does, instead of "database is locked" at once."""
    import threading

    from app.intake.contact import ContactDraft

    desk.intake.save(
        ContactDraft("visio", "etudiant", "16-25", "homme", "13103", ["vae"], ["information"])
    )
    other = Desk.open(desk.paths, load_demo=False)
    connection = other.engine.raw_connection()
    release = threading.Timer(0.3, connection.commit)
    try:
        connection.execute("BEGIN IMMEDIATE")  # the other desk is in the middle of a save
        release.start()
        today = clock().date()
        with desk.sessions() as session:
            assert stats.compute(session, today, today, ["theme"]).rows == [
                {"theme": "vae", "count": 1}
            ]
    finally:
        release.cancel()
        if release.ident is not None:
            release.join()
        connection.close()
        other.close()


def test_referrals_count_every_slip_where_partners_count_one_structure(
    desk: Desk, clock: FakeClock
) -> None:
    from app.intake.contact import ContactDraft

    two_services = ["demo-spro-etm--ml-ouest-provence-cej",
                    "demo-spro-etm--ml-ouest-provence-parrainage"]  # fmt: skip
    desk.intake.save(
        ContactDraft("sur-place", "jeune-non-scolarise", "16-25", "homme", "13047",
                     ["alternance"], ["orientation-partenaire"], referrals=two_services)
    )  # fmt: skip
    today = clock().date()
    with desk.sessions() as session:
        assert stats.referrals_in(session, today, today) == 2
        partners = stats.compute(session, today, today, ["partner"]).rows
    assert partners == [{"partner": "demo-spro-etm--ml-ouest-provence", "count": 1}]


@pytest.mark.parametrize("value", ["9999-12-31", "1999-12-31", "31/12/1850"])
def test_days_outside_what_the_desk_can_hold_are_refused(value: str) -> None:
    with pytest.raises(DeskError) as caught:
        tables.parse_day(value)
    assert value in caught.value.text("fr")
    with pytest.raises(DeskError):
        tables.parse_month("9999-12")
