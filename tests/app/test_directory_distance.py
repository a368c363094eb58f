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
from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import update

from app.desk import Desk
from app.directory.formats import read_directory
from app.directory.importing import apply
from app.directory.search import DISTANCE_BANDS, SearchHit, SearchQuery, search
from core.places import distance_km
from db.models import Commune
from tests.conftest import PARIS

DATA = Path(__file__).parents[1] / "data"
WITH_COORDINATES = DATA / "rhone-coordinates" / "lieux-rhone-coordonnees.csv"
WITHOUT_COORDINATES = DATA / "rhone-spreadsheet" / "lieux-rhone.csv"
NOW = datetime(2026, 11, 24, 10, 0, tzinfo=PARIS)
SAINT_SYMPHORIEN, MORNANT, LYON, LYON_8E = "69238", "69141", "69123", "69388"
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


def test_bad_coordinates_are_refused_each_with_its_reason(desk: Desk, tmp_path: Path) -> None:
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
    batch = read_directory(path, desk.geography, "rhone")
    reasons = {r.label: r.text("fr") for r in batch.refused}
    assert "inversées" in reasons["ligne 2"] and "km de Limas" in reasons["ligne 2"]
    assert "«\u00a0quarante-cinq\u00a0» n’est pas un nombre" in reasons["ligne 3"]
    assert "à donner ensemble" in reasons["ligne 4"]
    assert "swapped" in next(r for r in batch.refused if r.label == "ligne 2").text("en")
    assert len(batch.refused) == 3
    kept = {label: record for label, record, _docs in batch.services}
    assert kept["ligne 5"]["latitude"] == float(published[3]["latitude"])
    assert kept["ligne 5"]["longitude"] == float(published[3]["longitude"])
    assert len(kept) == len(published) - 3 - len(batch.duplicates)
