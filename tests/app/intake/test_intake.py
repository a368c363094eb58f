"""The intake service: what a stored contact holds, and what it refuses."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta

import pytest
from sqlalchemy import func, select

from app.desk import Desk
from app.intake.contact import ContactDraft
from core.errors import DeskError, ValidationFailed
from db.models import Contact, ContactAnswer, ContactTheme
from tests.conftest import PARIS, FakeClock, stored_contacts


def visit(**changes: object) -> ContactDraft:
    draft = ContactDraft(
        channel="sur-place",
        public="demandeur-emploi",
        age="26-44",
        gender="femme",
        commune="13047",
        themes=["trouver-formation", "financer-formation"],
        answers=["orientation-partenaire"],
    )
    return replace(draft, **changes)  # type: ignore[arg-type]


def test_a_saved_contact_holds_what_was_entered(desk: Desk, clock: FakeClock) -> None:
    record = desk.intake.save(visit(duration="5-15", first_visit=True, agent_code="ab1"))
    with desk.sessions() as session:
        row = session.get(Contact, record.id)
        assert row is not None
        assert (row.channel, row.public, row.age, row.gender, row.commune) == (
            "sur-place",
            "demandeur-emploi",
            "26-44",
            "femme",
            "13047",
        )
        assert [t.code for t in row.themes] == ["financer-formation", "trouver-formation"]
        assert [a.code for a in row.answers] == ["orientation-partenaire"]
        assert row.duration == "5-15" and row.first_visit is True and row.agent_code == "AB1"
        assert row.moment_local == datetime(2026, 11, 24, 10, 15)
        assert row.moment_utc == datetime(2026, 11, 24, 9, 15)  # Paris is UTC+1 in November
        assert (row.status, row.version, row.synced_version, row.site_id) == (
            "active",
            1,
            0,
            "local",
        )
    assert len(record.id) == 36
    assert desk.intake.count_on(clock().date()) == 1
    assert desk.day_view(clock().date()).pending == 1


def test_summer_time_is_two_hours_ahead_of_utc(desk: Desk, clock: FakeClock) -> None:
    record = desk.intake.save(visit(moment=datetime(2026, 7, 1, 9, 0, tzinfo=PARIS)))
    with desk.sessions() as session:
        row = session.get(Contact, record.id)
        assert row is not None
        assert (row.moment_local, row.moment_utc) == (
            datetime(2026, 7, 1, 9, 0),
            datetime(2026, 7, 1, 7, 0),
        )


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"channel": "sur-plac"}, "Canal : code inconnu « sur-plac »."),
        ({"public": "chomeur"}, "Public : code inconnu « chomeur »."),
        ({"age": "18-25"}, "Âge : code inconnu « 18-25 »."),
        ({"gender": ""}, "Genre : à renseigner."),
        ({"themes": []}, "Thème : choisissez au moins un thème de la demande."),
        ({"themes": ["vae", "cuisine"]}, "Thème : code inconnu « cuisine »."),
        ({"answers": []}, "Réponse : choisissez au moins une réponse apportée."),
        ({"duration": "1h"}, "Durée : code inconnu « 1h »."),
        ({"commune": "99999"}, "Commune : « 99999 » n’est pas un code INSEE connu."),
        ({"commune": "13800"}, "Commune : « 13800 » est un code postal (Istres"),
        ({"commune": ""}, "Commune : à renseigner."),
        ({"agent_code": "trop-long-code"}, "Code agent : de 1 à 8 lettres ou chiffres."),
        (
            {"moment": datetime(2026, 11, 25, 9, 0, tzinfo=PARIS)},
            "Date : 25/11/2026 09:00 est dans le futur.",
        ),
    ],
)
def test_bad_input_is_refused_in_french_and_nothing_is_written(
    desk: Desk, changes: dict[str, object], message: str
) -> None:
    with pytest.raises(ValidationFailed) as caught:
        desk.intake.save(visit(**changes))
    assert message in caught.value.text("fr")
    assert stored_contacts(desk) == 0


@pytest.mark.parametrize(
    ("note", "what"),
    [
        ("Rappeler au 06 12 34 56 78 demain", "un numéro de téléphone (« 06 12 34 56 78 »)"),
        ("écrire à jean.dupont@gmail.com", "une adresse électronique"),
        ("NIR 1 85 05 13 004 123 45", "un numéro de sécurité sociale"),
        ("RIB FR76 3000 6000 0112 3456 7890 189", "un IBAN"),
        ("née le 12/03/1990", "une date de naissance"),
    ],
)
def test_a_note_with_personal_data_is_refused(desk: Desk, note: str, what: str) -> None:
    with pytest.raises(ValidationFailed) as caught:
        desk.intake.save(visit(note=note))
    text = caught.value.text("fr")
    assert text.startswith("Note refusée : elle semble contenir " + what)
    assert "La note ne doit contenir aucune donnée personnelle." in text
    assert stored_contacts(desk) == 0


def test_a_plain_note_is_kept_on_the_desk(desk: Desk) -> None:
    record = desk.intake.save(visit(note="  Intéressée par l’aéronautique, rdv CIO mardi  "))
    assert record.note == "Intéressée par l’aéronautique, rdv CIO mardi"


def test_messages_also_read_in_english(desk: Desk) -> None:
    with pytest.raises(ValidationFailed) as caught:
        desk.intake.save(visit(channel="x", themes=[]))
    assert caught.value.text("en").startswith("Channel: unknown code “x”.")
    assert "Theme: choose at least one theme of the request." in caught.value.text("en")


def test_edit_makes_a_new_version_of_the_same_record(desk: Desk) -> None:
    record = desk.intake.save(visit())
    edited = desk.intake.edit(record.id, visit(public="salarie", themes=["vae"]))
    assert (edited.id, edited.version, edited.public, edited.themes) == (
        record.id,
        2,
        "salarie",
        ("vae",),
    )
    assert edited.moment_local == record.moment_local
    with desk.sessions() as session:
        themes = session.scalars(
            select(ContactTheme.code).where(ContactTheme.contact_id == record.id)
        )
        assert list(themes) == ["vae"]
    assert stored_contacts(desk) == 1


def test_cancel_keeps_the_record_as_cancelled_and_it_stops_counting(
    desk: Desk, clock: FakeClock
) -> None:
    record = desk.intake.save(visit())
    cancelled = desk.intake.cancel(record.id)
    assert (cancelled.status, cancelled.version) == ("cancelled", 2)
    assert desk.intake.count_on(clock().date()) == 0
    assert [c.id for c in desk.intake.contacts_on(clock().date())] == [record.id]
    with pytest.raises(DeskError) as caught:
        desk.intake.edit(record.id, visit())
    assert caught.value.text("fr") == "Cet accueil est annulé ; il ne peut plus être modifié."


def test_undo_takes_back_the_last_save_within_ten_seconds(desk: Desk, clock: FakeClock) -> None:
    record = desk.intake.save(visit())
    clock.advance(9)
    assert desk.intake.undo_last() == record.id
    assert stored_contacts(desk) == 0
    with desk.sessions() as session:
        assert session.scalar(select(func.count()).select_from(ContactAnswer)) == 0
    with pytest.raises(DeskError):
        desk.intake.undo_last()


def test_undo_is_refused_after_ten_seconds(desk: Desk, clock: FakeClock) -> None:
    desk.intake.save(visit())
    clock.advance(11)
    with pytest.raises(DeskError) as caught:
        desk.intake.undo_last()
    assert "plus de 10 secondes" in caught.value.text("fr")
    assert stored_contacts(desk) == 1


def test_undo_of_a_contact_already_sent_cancels_it(desk: Desk) -> None:
    record = desk.intake.save(visit())
    with desk.sessions.begin() as session:
        row = session.get(Contact, record.id)
        assert row is not None
        row.synced_version = 1
    desk.intake.undo_last()
    assert desk.intake.get(record.id).status == "cancelled"


def test_notes_past_retention_are_purged(desk: Desk, clock: FakeClock) -> None:
    old = desk.intake.save(visit(note="vu au forum", moment=clock() - timedelta(days=31)))
    recent = desk.intake.save(visit(note="à revoir", moment=clock() - timedelta(days=29)))
    assert desk.intake.purge_notes(30) == 1
    assert desk.intake.get(old.id).note is None
    assert desk.intake.get(recent.id).note == "à revoir"


def test_a_moment_given_with_an_offset_is_stored_in_local_time(desk: Desk) -> None:
    from datetime import UTC

    record = desk.intake.save(visit(moment=datetime(2026, 11, 20, 10, 0, tzinfo=UTC)))
    assert record.moment_local == datetime(2026, 11, 20, 11, 0)


def test_a_naive_summer_moment_is_paris_summer_time(desk: Desk) -> None:
    record = desk.intake.save(visit(moment=datetime(2026, 7, 1, 9, 0)))
    with desk.sessions() as session:
        row = session.get(Contact, record.id)
        assert row is not None and row.moment_utc == datetime(2026, 7, 1, 7, 0)


def test_a_date_only_tally_of_today_is_accepted_before_noon(desk: Desk, clock: FakeClock) -> None:
    assert clock().hour == 10
    record = desk.intake.save(visit(moment=datetime(2026, 11, 24, 12, 0), time_known=False))
    assert record.time_known is False
    with pytest.raises(ValidationFailed):
        desk.intake.save(visit(moment=datetime(2026, 11, 25, 12, 0), time_known=False))


def test_a_date_before_2000_is_refused(desk: Desk) -> None:
    with pytest.raises(ValidationFailed) as caught:
        desk.intake.save(visit(moment=datetime(1, 1, 1, 0, 10)))
    assert caught.value.text("fr") == "Date\u00a0: 01/01/0001 est trop ancienne (avant 2000)."
    assert stored_contacts(desk) == 0


def test_codes_are_stored_trimmed(desk: Desk) -> None:
    record = desk.intake.save(visit(duration=" 5-15 ", channel=" telephone"))
    assert (record.duration, record.channel) == ("5-15", "telephone")


def test_undo_keeps_a_visit_whose_slip_was_printed_as_cancelled(desk: Desk) -> None:
    from db.models import Referral

    record = desk.intake.save(visit(referrals=["demo-spro-etm--ml-ouest-provence-cej"]))
    with desk.sessions.begin() as session:
        referral = session.scalars(select(Referral)).one()
        referral.printed_at = datetime(2026, 11, 24, 9, 16)
    desk.intake.undo_last()
    assert desk.intake.get(record.id).status == "cancelled"
    assert desk.intake.get(record.id).referrals[0].slip_code == referral.slip_code
