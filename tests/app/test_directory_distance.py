"""Nearness by distance in the directory's ranking, on real places of the Rhône.

``tests/data/rhone-coordinates`` holds the published data·inclusion rows of
``rhone-spreadsheet`` with their published ``latitude`` and ``longitude``; the communes'
centres are the shipped ones (IGN ADMIN EXPRESS via geo.api.gouv.fr). None of these places
has an area (``zone_eligibilite``): each serves its own département, so a visitor of
Saint-Symphorien-sur-Coise, in the Monts du Lyonnais, is offered the whole Rhône, and what
ranks the Rhône's places outside their EPCI is how far they are.
"""

from __future__ import annotations

import csv
import shutil
from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import select, update

from app.desk import Desk
from app.directory.formats import read_directory
from app.directory.importing import apply
from app.directory.search import DISTANCE_BANDS, SearchHit, SearchQuery, search
from core.places import distance_km
from db.models import Commune, Service, Structure
from tests.conftest import PARIS

DATA = Path(__file__).parents[1] / "data"
WITH_COORDINATES = DATA / "rhone-coordinates" / "lieux-rhone-coordonnees.csv"
WITHOUT_COORDINATES = DATA / "rhone-spreadsheet" / "lieux-rhone.csv"
HSDS = Path(__file__).parent / "data" / "hsds"
NOW = datetime(2026, 11, 24, 10, 0, tzinfo=PARIS)
SAINT_SYMPHORIEN, MORNANT, LYON, LYON_8E = "69238", "69141", "69123", "69388"
LIMAS = "69115"
# Two real places of the sheet, both outside the visitor's EPCI: Mornant's France services
# (17 km away) and « 42 Lyon » at Charbonnières-les-Bains (29 km away).
NEAR, FAR = "France services Mornant", "42 Lyon"


def imported(desk: Desk, sheet: Path) -> None:
    batch = read_directory(sheet, desk.geography, "rhone")
    assert not batch.refused
    with desk.sessions.begin() as session:
        apply(session, batch)


def proposed(desk: Desk, commune: str, typed: str = "médiation numérique") -> list[SearchHit]:
    """What F4 lists for a visitor of ``commune`` typing ``typed`` (every match, not only
    the first screen, to see where each place ranks)."""
    query = SearchQuery(text=typed, commune=commune, for_visitor=True, limit=400)
    with desk.sessions() as session:
        return search(session, query, now=NOW)


def position(hits: list[SearchHit], structure: str) -> int:
    return next(i for i, hit in enumerate(hits) if hit.structure_name == structure)


def test_shipped_centres_give_real_distances(desk: Desk) -> None:
    lyon, venissieux = desk.geography.centre(LYON), desk.geography.centre("69259")
    assert lyon is not None and venissieux is not None
    # Lyon to Vénissieux is 8 km; Paris to Marseille 660 km, as the crow flies.
    assert 7 < distance_km(lyon, venissieux) < 9
    paris, marseille = desk.geography.centre("75056"), desk.geography.centre("13055")
    assert paris is not None and marseille is not None
    assert 640 < distance_km(paris, marseille) < 680
    # The source gives the arrondissements none of their own: their city's.
    assert desk.geography.centre(LYON_8E) == lyon
    # Saint-Pierre-et-Miquelon is not in the source: unknown, not (0, 0).
    assert desk.geography.centre("97502") is None


@pytest.mark.parametrize("sheet", [WITH_COORDINATES, WITHOUT_COORDINATES], ids=["own", "centre"])
def test_a_nearer_place_ranks_before_a_farther_one(desk: Desk, sheet: Path) -> None:
    """With the places' own coordinates, or without them from their communes' centres."""
    imported(desk, sheet)
    hits = proposed(desk, SAINT_SYMPHORIEN)
    near, far = position(hits, NEAR), position(hits, FAR)
    assert hits[near].nearness == hits[far].nearness  # both: the same département
    assert near < far
    near_km, far_km = hits[near].distance_km, hits[far].distance_km
    assert near_km is not None and 15 < near_km < 20
    assert far_km is not None and 25 < far_km < 33
    # Among the département's places, none farther ranks before a nearer band.
    departement = [h.distance_km for h in hits if h.nearness == 1 and h.distance_km is not None]
    assert len(departement) == sum(1 for h in hits if h.nearness == 1)
    bands = [next(i for i, km in enumerate((*DISTANCE_BANDS, 1e9)) if d < km) for d in departement]
    assert bands == sorted(bands)
    # The visitor's own commune and EPCI still come first, whatever the distance.
    assert hits[0].commune == "Saint-Symphorien-sur-Coise"


def test_a_place_of_unknown_distance_does_not_rank_first(desk: Desk) -> None:
    """A place whose commune has no centre, without coordinates of its own, ranks as a
    place of its département would (45 to 60 km), not as the nearest."""
    imported(desk, WITHOUT_COORDINATES)
    with desk.sessions.begin() as session:
        session.execute(
            update(Commune).where(Commune.insee == MORNANT).values(latitude=None, longitude=None)
        )
    hits = proposed(desk, SAINT_SYMPHORIEN)
    near, far = position(hits, NEAR), position(hits, FAR)
    assert hits[near].distance_km is None
    assert far < near


def test_a_visitor_of_unknown_centre_gets_the_ranking_without_distance(desk: Desk) -> None:
    imported(desk, WITH_COORDINATES)
    with desk.sessions.begin() as session:
        session.execute(
            update(Commune)
            .where(Commune.insee == SAINT_SYMPHORIEN)
            .values(latitude=None, longitude=None)
        )
    hits = proposed(desk, SAINT_SYMPHORIEN)
    assert hits and all(h.distance_km is None for h in hits)
    assert hits[0].commune == "Saint-Symphorien-sur-Coise"


def test_a_visitor_of_an_arrondissement_is_measured_from_the_city(desk: Desk) -> None:
    imported(desk, WITH_COORDINATES)
    mornant = [h for h in proposed(desk, LYON_8E, NEAR) if h.structure_name == NEAR]
    # Mornant is 19 km from Lyon's centre (the 8e's own would say 17).
    assert mornant and mornant[0].distance_km is not None
    assert 15 < mornant[0].distance_km < 25


def sheet_with(tmp_path: Path, changes: dict[int, dict[str, str]]) -> Path:
    """A copy of the sheet with some of its rows' cells changed (row index -> cells)."""
    with WITH_COORDINATES.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter=";"))
    for index, cells in changes.items():
        rows[index].update(cells)
    path = tmp_path / "lieux.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, list(rows[0]), delimiter=";")
        writer.writeheader()
        writer.writerows(rows)
    return path


def test_bad_coordinates_of_a_sheet_are_left_out_each_with_its_reason(
    desk: Desk, tmp_path: Path
) -> None:
    """Coordinates that cannot be the place's are left out, and said: the service is kept,
    measured from its commune's centre."""
    with WITH_COORDINATES.open(encoding="utf-8", newline="") as handle:
        published = list(csv.DictReader(handle, delimiter=";"))
    assert published[0]["commune"] == "Limas"
    path = sheet_with(
        tmp_path,
        {
            0: {"latitude": "4.715956", "longitude": "45.975943"},  # swapped
            1: {"latitude": "quarante-cinq"},
            2: {"longitude": ""},
            3: {"latitude": published[3]["latitude"].replace(".", ",")},  # a decimal comma
        },
    )
    summary = desk.import_directory(desk.read_directory(path))
    assert summary.refused == []
    said = {r.label: r.text("fr") for r in summary.warnings}
    assert said["ligne 2"].startswith("Service ligne 2\u00a0: latitude et longitude\u00a0: à ")
    assert said["ligne 2"].endswith(
        "\u00a0km de Limas, latitude et longitude inversées\u202f? Coordonnées retirées"
        " (centre de la commune)"
    )
    assert said["ligne 3"] == (
        "Service ligne 3\u00a0: latitude\u00a0: «\u00a0quarante-cinq\u00a0» n’est pas un nombre"
        " entre -90 et 90\u202f; coordonnées retirées (centre de la commune)"
    )
    assert said["ligne 4"] == (
        "Service ligne 4\u00a0: latitude et longitude\u00a0: à donner ensemble, ou aucune des"
        " deux\u202f; coordonnées retirées (centre de la commune)"
    )
    assert sum("oordonnées retirées" in text for text in said.values()) == 3
    english = next(r for r in summary.warnings if r.label == "ligne 2").text("en")
    assert "km from Limas, are latitude and longitude swapped? Coordinates left out" in english
    with desk.sessions() as session:
        stored = {
            (s.adresse, s.commune): (s.latitude, s.longitude)
            for s in session.scalars(select(Service))
        }
    place = [(row["adresse"], row["commune"]) for row in published[:4]]
    assert stored[place[0]] == stored[place[1]] == stored[place[2]] == (None, None)
    assert stored[place[3]] == (float(published[3]["latitude"]), float(published[3]["longitude"]))
    # Measured from Limas's centre, not from the other side of the world.
    hits = proposed(desk, LIMAS, "médiation numérique limas")
    udaf = [h for h in hits if h.structure_name == published[0]["structure"]]
    assert udaf and udaf[0].distance_km is not None and udaf[0].distance_km < 2


def test_coordinates_of_an_hsds_export_are_checked_as_a_sheet_s(desk: Desk, tmp_path: Path) -> None:
    folder = tmp_path / "hsds"
    shutil.copytree(HSDS, folder)
    locations = (folder / "locations.csv").read_text(encoding="utf-8")
    locations = locations.replace("43.5151,4.9895", "95,4.9895")  # Istres: no such latitude
    locations = locations.replace("43.6402,5.0973", "5.0973,43.6402")  # Salon: swapped
    (folder / "locations.csv").write_text(locations, encoding="utf-8")
    summary = desk.import_directory(desk.read_directory(folder))
    said = {(r.kind, r.label): r for r in summary.warnings}
    out_of_range = (
        "latitude\u00a0: «\u00a095\u00a0» n’est pas un nombre entre -90 et 90\u202f;"
        " coordonnées retirées (centre de la commune)"
    )
    for kind, label in (("structure", "org-cio-istres"), ("service", "svc-cio-entretien")):
        assert said[(kind, label)].reason.text("fr") == out_of_range
    assert said[("service", "svc-cio-entretien")].text("en") == (
        "Service svc-cio-entretien: latitude: “95” is not a number between -90 and 90;"
        " coordinates left out (the commune’s centre is used)"
    )
    swapped = said[("service", "svc-pij-bafa")].text("fr")
    assert "\u00a0km de Salon-de-Provence, latitude et longitude inversées\u202f?" in swapped
    assert "Structure org-pij-salon\u00a0: latitude et longitude\u00a0: à " in "\n".join(
        summary.lines("fr")
    )
    with desk.sessions() as session:
        placed: list[Structure | Service | None] = [
            session.get(Structure, "hsds--org-cio-istres"),
            session.get(Service, "hsds--svc-cio-entretien"),
            session.get(Service, "hsds--svc-pij-bafa"),
        ]
        assert [(r.latitude, r.longitude) for r in placed if r] == [(None, None)] * 3
        arles = session.get(Service, "hsds--svc-ml-accompagnement")
        assert arles is not None and (arles.latitude, arles.longitude) == (43.6766, 4.6278)
