"""Flags, favourites, local entries and the detail of a record."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from app.desk import Desk
from app.directory import records
from app.directory.formats import read_directory
from app.directory.importing import apply
from app.directory.search import SearchQuery, search
from core.errors import DeskError
from core.resources import resource
from db.models import DirectoryFlag, Service

CEJ = "demo-spro-etm--ml-ouest-provence-cej"


def test_the_detail_holds_every_field_of_the_service_and_its_structure(desk: Desk) -> None:
    with desk.sessions() as session:
        detail = records.detail(session, CEJ, today=date(2026, 11, 24))
    assert detail.service["nom"] == "Contrat d’engagement jeune (CEJ)"
    assert detail.structure["nom"] == "Mission locale Ouest Provence"
    assert detail.thematiques and detail.publics and detail.zone_eligibilite
    assert detail.modes_accueil and not detail.is_local and not detail.favourite
    assert detail.flags == 0


def test_a_flag_is_stored_to_go_up_to_the_hub(desk: Desk) -> None:
    with desk.sessions.begin() as session:
        records.flag(session, CEJ, "hours", "Fermé le mercredi après-midi désormais")
    with desk.sessions() as session:
        stored = session.scalars(select(DirectoryFlag)).one()
        assert (stored.service_id, stored.reason, stored.version, stored.synced_version) == (
            CEJ,
            "hours",
            1,
            0,
        )
        assert stored.structure_id == "demo-spro-etm--ml-ouest-provence"
        assert records.detail(session, CEJ).flags == 1


@pytest.mark.parametrize(
    ("service_id", "reason", "comment", "message"),
    [
        (CEJ, "other", "  ", "Signalement\u00a0: dites en quelques mots ce qui ne va pas."),
        (CEJ, "moved", None, "Signalement\u00a0: code inconnu «\u00a0moved\u00a0»"),
        ("nowhere", "closed", None, "n’est pas (ou plus) dans l’annuaire"),
    ],
)
def test_a_bad_flag_is_refused_and_nothing_is_stored(
    desk: Desk, service_id: str, reason: str, comment: str | None, message: str
) -> None:
    with pytest.raises(DeskError) as caught, desk.sessions.begin() as session:
        records.flag(session, service_id, reason, comment)
    assert message in caught.value.text("fr")
    with desk.sessions() as session:
        assert session.scalars(select(DirectoryFlag)).all() == []


def test_favourites_come_and_go_and_can_be_searched(desk: Desk) -> None:
    with desk.sessions.begin() as session:
        assert records.toggle_favourite(session, CEJ) is True
    with desk.sessions() as session:
        hits = search(session, SearchQuery(favourites=True))
        assert [h.service_id for h in hits] == [CEJ] and hits[0].favourite
    with desk.sessions.begin() as session:
        assert records.toggle_favourite(session, CEJ) is False
    with desk.sessions() as session:
        assert search(session, SearchQuery(favourites=True)) == []


def test_a_local_entry_is_searchable_and_survives_a_full_import(desk: Desk) -> None:
    with desk.sessions.begin() as session:
        service_id = records.add_local(
            session,
            {"nom": "Permanence du Point Info Jeunesse de Fos", "commune": "Fos-sur-Mer",
             "code_insee": "13039", "telephone": "04 65 71 99 01"},
            {"nom": "Permanence jobs d’été", "description": "Aide à la recherche d’un job d’été"
             " et à la rédaction du CV, sans rendez-vous le mercredi.",
             "horaires_accueil": "We 14:00-17:00", "documents": ["CV"]},
        )  # fmt: skip
    with desk.sessions.begin() as session:
        apply(session, read_directory(resource("demo"), desk.geography))
    with desk.sessions() as session:
        hits = search(session, SearchQuery(text="jobs d ete"))
        assert hits[0].service_id == service_id and hits[0].is_local
        stored = session.get(Service, service_id)
        assert stored is not None and stored.retired_at is None and stored.documents == ["CV"]


def test_a_local_entry_that_breaks_the_schema_is_refused(desk: Desk) -> None:
    with pytest.raises(DeskError) as caught, desk.sessions.begin() as session:
        records.add_local(session, {"nom": "X"}, {"nom": "Atelier", "description": "court"})
    assert caught.value.text("fr").startswith("Entrée locale refusée\u00a0: nom\u00a0: trop court")


def test_a_verified_record_is_no_longer_to_be_checked(desk: Desk) -> None:
    with desk.sessions() as session:
        stale = [h for h in search(session, SearchQuery(limit=100)) if h.stale]
    assert stale
    with desk.sessions.begin() as session:
        records.mark_verified(session, stale[0].service_id)
    with desk.sessions() as session:
        assert not records.detail(session, stale[0].service_id).stale


def test_codes_read_as_words() -> None:
    from app.directory import display

    assert display.label({}, "se-former--trouver-sa-formation") == "Trouver sa formation"
    assert display.label(display.PUBLICS, "jeunes", "en") == "young people"
    assert display.label({}, "inconnu--code-maison") == "inconnu\u00a0: code maison"
    assert display.format_phone("+33465711902") == "04 65 71 19 02"
    assert display.format_phone("0033 4 65 71 19 02") == "04 65 71 19 02"
    assert display.format_phone("+44 20 7946 0958") == "+44 20 7946 0958"


def test_every_public_mode_and_cost_of_the_schema_has_english_words() -> None:
    """The English window shows the schema's publics, modes and costs in English; only
    the thematiques, which the schema names in French alone, stay French there."""
    from data_inclusion.schema import v1

    from app.directory import display

    tables = {
        v1.Public: display.PUBLICS,
        v1.ModeAccueil: display.MODES,
        v1.ModeMobilisation: display.MODES,
        v1.Frais: display.FRAIS,
    }
    missing = [m.value for enum, table in tables.items() for m in enum if m.value not in table]
    assert missing == []
    assert display.label(display.PUBLICS, "personnes-exilees", "en") == "exiles and refugees"
    assert display.label(display.PUBLICS, "personnes-exilees") == "personnes exilées"
