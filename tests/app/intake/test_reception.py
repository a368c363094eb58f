"""Where the desk receives today, without a window: a commune and an event for the day
only; what cannot be a place is refused in words and changes nothing; a batch entry and
« repeat the last visit » refuse what is one person's."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest
from sqlalchemy import func, select

from app.desk import Desk
from app.intake.batches import repeat_last, save_batch
from app.intake.contact import ContactDraft
from core.errors import DeskError
from db.models import Contact
from tests.conftest import FakeClock

CEJ = "demo-spro-etm--ml-ouest-provence-cej"
VISIT = ContactDraft("sur-place", "scolaire", "moins-16", "homme", "06132",
                     ["decouvrir-metiers"], ["information"])  # fmt: skip


def contacts(desk: Desk) -> int:
    with desk.sessions() as session:
        return int(session.scalar(select(func.count()).select_from(Contact)) or 0)


def test_a_place_of_reception_lasts_the_day(desk: Desk, clock: FakeClock) -> None:
    desk.settings.set("site.commune", "13047")
    assert desk.intake.reception() == ("13047", None)  # at the site: its commune
    assert desk.receive_at("06132", None).place == "06132"
    record = desk.intake.save(VISIT)
    with desk.sessions() as session:
        row = session.get(Contact, record.id)
        assert row is not None and (row.place, row.event) == ("06132", None)
    clock.advance(timedelta(days=1).total_seconds())
    assert not desk.reception().away
    assert desk.intake.reception() == ("13047", None)


@pytest.mark.parametrize(
    ("place", "event", "key"),
    [("99999", None, "unknown_commune"), ("hors-region", None, "unknown_commune_name"),
     ("Saorge", None, "unknown_commune_name"), (None, "event-404", "unknown_event")],
)  # fmt: skip
def test_what_cannot_be_a_place_is_refused_and_changes_nothing(
    desk: Desk, place: str | None, event: str | None, key: str
) -> None:
    with pytest.raises(DeskError) as refused:
        desk.receive_at(place, event)
    assert refused.value.key == key
    assert not desk.reception().away


def test_a_batch_entry_and_a_repeated_visit(desk: Desk) -> None:
    with pytest.raises(DeskError) as empty:
        repeat_last(desk.intake)
    assert empty.value.key == "nothing_to_repeat"
    for count in (0, 501):
        with pytest.raises(DeskError) as refused:
            save_batch(desk.intake, VISIT, count)
        assert refused.value.key == "batch_count"
    with pytest.raises(DeskError) as referred:
        save_batch(desk.intake, replace(VISIT, referrals=[CEJ]), 3)
    assert referred.value.key == "batch_no_referrals"
    assert contacts(desk) == 0
    assert save_batch(desk.intake, replace(VISIT, note="rappeler la mairie"), 12) == 12
    with desk.sessions() as session:
        rows = session.scalars(select(Contact)).all()
        assert len({r.batch for r in rows}) == 1 and all(r.note is None for r in rows)
    again = repeat_last(desk.intake)
    assert again.note is None and again.batch is None and contacts(desk) == 13


def test_a_visit_received_away_keeps_its_place_when_corrected(desk: Desk) -> None:
    desk.settings.set("site.commune", "13047")
    desk.receive_at("06132", None)
    [saved] = [desk.intake.save(VISIT)]
    desk.receive_at(None, None)  # back at the site before the correction
    fixed = desk.intake.edit(saved.id, replace(saved.draft(), age="16-25", place=None))
    assert (fixed.place, fixed.event, fixed.age) == ("06132", None, "16-25")
    save_batch(desk.intake, VISIT, 2)
    with desk.sessions() as session:
        batch = session.scalars(select(Contact).where(Contact.batch.is_not(None))).first()
        assert batch is not None
        mark = batch.batch
    again = desk.intake.edit(batch.id, replace(desk.intake.get(batch.id).draft(), age="16-25"))
    with desk.sessions() as session:
        row = session.get(Contact, again.id)
        assert row is not None and row.batch == mark


def test_the_repeated_visit_is_the_day_s_last_one(desk: Desk, clock: FakeClock) -> None:
    desk.intake.save(VISIT)
    clock.advance(60)
    last = desk.intake.save(replace(VISIT, public="salarie", age="26-44", themes=["vae"]))
    clock.advance(60)
    again = repeat_last(desk.intake)
    assert (again.public, again.age, again.themes) == (last.public, last.age, last.themes)
    assert again.id != last.id and again.moment_local > last.moment_local
