"""Importing an Open Referral HSDS 3.0 export through the real pipeline: read, check, store."""

from __future__ import annotations

import shutil
from datetime import date, datetime
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.desk import Desk
from app.directory.batch import ImportSummary
from app.directory.hsds import read_hsds
from app.directory.importing import apply
from core.errors import DeskError
from core.hours import open_at
from db.models import Service, Structure
from tests.conftest import PARIS

HSDS = Path(__file__).parent / "data" / "hsds"


def _import(desk: Desk, folder: Path = HSDS) -> ImportSummary:
    batch = read_hsds(folder, desk.geography)
    with desk.sessions.begin() as session:
        return apply(session, batch)


def _service_count(desk: Desk) -> int:
    with desk.sessions() as session:
        return int(session.scalar(select(func.count()).select_from(Service)) or 0)


def test_an_export_is_stored_with_its_places_phones_hours_and_areas(desk: Desk) -> None:
    summary = _import(desk)

    assert summary.sources == ["hsds"]
    assert (summary.structures_added, summary.services_added) == (3, 4)
    refused = {r.label: r.text("fr") for r in summary.refused}
    assert refused == {
        "svc-pij-accueil": "Service svc-pij-accueil\u00a0: description\u00a0: champ obligatoire absent",
        "svc-cfa-visite": "Service svc-cfa-visite\u00a0: structure inconnue «\u00a0hsds--org-cfa-fermé\u00a0»",
        # Not imported, and said: a closed service is never dropped without a word.
        "svc-ml-atelier-cv": "Service svc-ml-atelier-cv\u00a0: statut «\u00a0inactive\u00a0»\u00a0: service fermé, non importé",
    }
    with desk.sessions() as session:
        cio = session.get(Structure, "hsds--org-cio-istres")
        assert cio is not None
        assert (cio.nom, cio.code_insee, cio.commune, cio.code_postal) == (
            "CIO d’Istres",
            "13047",
            "Istres",
            "13800",
        )
        assert (cio.adresse, cio.complement_adresse) == ("Allée Jean Jaurès", "Bâtiment B")
        assert cio.telephone == "04 42 55 10 10"
        assert cio.horaires_accueil == "Mo-Fr 09:00-12:30,13:30-17:00"

        interview = session.get(Service, "hsds--svc-cio-entretien")
        assert interview is not None
        assert interview.structure_id == "hsds--org-cio-istres"
        assert interview.nom == "Entretien d’orientation"
        # Its own line and hours, not the place's; hours from several rows merged.
        assert interview.telephone == "04 42 55 10 12"
        assert interview.horaires_accueil == "Mo-Fr 09:00-12:00,13:30-16:30"
        assert (interview.frais, interview.frais_precisions) == ("gratuit", None)
        assert (
            interview.conditions_acces
            == "Collégiens, lycéens, étudiants et adultes, sur rendez-vous."
        )
        assert interview.lien_mobilisation == "https://cio-istres.example.fr/rendez-vous"
        assert str(interview.date_maj) == "2025-09-15"
        # By INSEE code, and by the name of a commune.
        assert sorted(z.code for z in interview.zone_eligibilite) == ["13047", "13063"]


def test_a_service_takes_what_it_lacks_from_its_place_and_its_organization(desk: Desk) -> None:
    _import(desk)
    with desk.sessions() as session:
        documentation = session.get(Service, "hsds--svc-cio-documentation")
        assert documentation is not None
        # No hours or phone of its own: those of its place.
        assert documentation.horaires_accueil == "Mo-Fr 09:00-12:30,13:30-17:00"
        assert documentation.telephone == "04 42 55 10 10"
        assert [z.code for z in documentation.zone_eligibilite] == ["200054807"]
        assert documentation.lien_mobilisation is None

        youth = session.get(Service, "hsds--svc-ml-accompagnement")
        assert youth is not None
        # The physical address rather than the post-office box listed first.
        assert (youth.adresse, youth.code_insee, youth.commune, youth.code_postal) == (
            "12 boulevard des Lices",
            "13004",
            "Arles",
            "13200",
        )
        assert youth.telephone == "04 90 96 20 20"  # the organization's
        # "1MO" (first Monday of the month) has no place in a plain week.
        assert youth.horaires_accueil == "Mo,We,Fr 14:00-17:00"
        # "Planète Mars" is left out; the service stays.
        assert [z.code for z in youth.zone_eligibilite] == ["13004"]
        assert youth.frais is None

        bafa = session.get(Service, "hsds--svc-pij-bafa")
        assert bafa is not None
        assert (bafa.code_insee, bafa.commune) == ("13103", "Salon-de-Provence")
        assert bafa.horaires_accueil == "Mo-Fr 09:00-12:00,14:00-18:00; Sa 09:00-12:00"
        assert [z.code for z in bafa.zone_eligibilite] == ["13103"]
        assert bafa.frais == "payant"
        assert bafa.frais_precisions == (
            "450 € la session de formation générale, aides de la CAF possibles"
        )

        assert session.get(Service, "hsds--svc-ml-atelier-cv") is None  # inactive


def test_importing_the_same_export_again_updates_in_place(desk: Desk) -> None:
    _import(desk)
    before = _service_count(desk)

    again = _import(desk)

    assert (again.structures_added, again.structures_updated) == (0, 3)
    assert (again.services_added, again.services_updated) == (0, 4)
    assert again.retired == 0
    assert _service_count(desk) == before
    with desk.sessions() as session:
        ids = session.scalars(select(Service.id).where(Service.source == "hsds"))
        assert len(list(ids)) == 4


def test_a_service_row_without_id_is_named_by_its_line(desk: Desk, tmp_path: Path) -> None:
    folder = tmp_path / "hsds"
    shutil.copytree(HSDS, folder)
    with (folder / "services.csv").open("a", encoding="utf-8") as handle:
        handle.write(
            ",org-pij-salon,,Permanence Europe,,Information sur la mobilité en Europe.,,,active,,,,,,,,,,,,\n"
        )

    summary = _import(desk, folder)

    assert summary.services_added == 4
    assert "Service ligne 9\u00a0: id\u00a0: à renseigner" in [
        r.text("fr") for r in summary.refused
    ]


def test_services_without_organization_column_store_nothing(desk: Desk, tmp_path: Path) -> None:
    folder = tmp_path / "hsds"
    shutil.copytree(HSDS, folder)
    services = folder / "services.csv"
    header, rest = services.read_text(encoding="utf-8").split("\n", 1)
    # A French-spelt column, as a hand-edited export may have it.
    services.write_text(header.replace("organization_id", "organisation") + "\n" + rest, "utf-8")
    before = _service_count(desk)

    with pytest.raises(DeskError) as raised:
        _import(desk, folder)

    assert raised.value.key == "missing_columns"
    assert raised.value.params == {"path": "services.csv", "columns": "organization_id"}
    assert _service_count(desk) == before


def test_an_hsds_1_dataset_gives_its_weekday_schedules_as_hours(desk: Desk) -> None:
    """openreferral/sample-data (HSDS 1.1): ``regular_schedules.csv`` with ``weekday``."""
    folder = Path(__file__).parents[1] / "data" / "hsds-1-sample"
    summary = _import(desk, folder)
    assert summary.records_read == (10, 13)
    assert [r.reason.text("fr") for r in summary.refused] == [
        "statut «\u00a0inactive\u00a0»\u00a0: service fermé, non importé"
    ] * 3
    with desk.sessions() as session:
        helpline = session.get(Service, "hsds-1-sample--c89eb05c-62dd-4b64-b494-0cc347b6ea7f")
        assert helpline is not None and helpline.nom == "Never Homeless Helpline"
        assert helpline.horaires_accueil == "Mo-We 09:00-17:00"


EXAMPLES = Path(__file__).parents[1] / "data" / "hsds-3-examples"
COUNSELLING = "ac148810-d857-441c-9679-408f346de14b"


def _hours_on(desk: Desk, today: date) -> tuple[str | None, list[str]]:
    batch = read_hsds(EXAMPLES, desk.geography, today=today)
    hours = {key: record.get("horaires_accueil") for key, record, _docs in batch.services}
    return hours[COUNSELLING], [
        fr for said in batch.unread if "en horaires" in (fr := said.text("fr"))
    ]


def test_a_schedule_gives_hours_only_while_it_is_valid(desk: Desk) -> None:
    """Open Referral's HSDS 3.0 example: Thursdays and Fridays 10:00–18:00, valid from
    2005-01-01 to 2005-01-01."""
    # Read before its validity: the hours hold in that period only.
    hours, said = _hours_on(desk, date(2004, 12, 1))
    assert hours == "2005 Jan 01-2005 Jan 01: Th-Fr 10:00-18:00"
    assert said == []
    # The period is not open on a Thursday outside it.
    thursday = datetime(2004, 12, 2, 11, 0, tzinfo=PARIS)
    assert open_at(hours, thursday) is False
    # Read today: its validity is over, so no hours, and the summary says why.
    hours, said = _hours_on(desk, date(2026, 11, 24))
    assert hours is None
    assert said == [
        "schedules.csv\u00a0: 1 ligne sur 1 non convertie en horaires\u00a0: 1 validité terminée"
    ]


def test_a_period_replaces_the_plain_week_while_it_lasts(desk: Desk, tmp_path: Path) -> None:
    """The example's schedule, made a summer timetable next to the usual week."""
    folder = tmp_path / "summer"
    shutil.copytree(EXAMPLES, folder)
    path = folder / "schedules.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    header = lines[0].split(",")
    usual = lines[1].replace("2005-01-01,2005-01-01,2005-01-01", ",,2005-01-01", 1)
    summer = lines[1].replace("48102e86", "58102e86").replace(
        "2005-01-01,2005-01-01,2005-01-01", "2026-07-01,2026-08-31,2005-01-01", 1
    ).replace("10:00:00,18:00:00", "09:00:00,12:00:00")  # fmt: skip
    assert header[4:6] == ["valid_from", "valid_to"]
    path.write_text("\n".join([lines[0], usual, summer]) + "\n", encoding="utf-8")
    batch = read_hsds(folder, desk.geography, today=date(2026, 6, 1))
    hours = {key: record.get("horaires_accueil") for key, record, _docs in batch.services}
    assert hours[COUNSELLING] == ("Th-Fr 10:00-18:00; 2026 Jul 01-2026 Aug 31: Th-Fr 09:00-12:00")
    assert open_at(hours[COUNSELLING], datetime(2026, 7, 2, 15, 0, tzinfo=PARIS)) is False
    assert open_at(hours[COUNSELLING], datetime(2026, 9, 3, 15, 0, tzinfo=PARIS)) is True
