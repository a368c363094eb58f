"""Where F4 and the directory search send a visitor, on the real records of the Rhône
(``tests/data/rhone-spreadsheet``, 409 published data·inclusion rows).

The published sheet gives each place its address and commune but no area
(``zone_eligibilite``): every one of its services serves around its own address, its
département. To check the arrondissement rule on these records, a copy of the sheet gets a
``zone`` column, filled as a coordinator would for four of its real places (a town hall for
its town, a Maison de la Métropole for its arrondissement, …); nothing else is changed.
"""

from __future__ import annotations

import csv
import shutil
from datetime import datetime
from pathlib import Path

from sqlalchemy import select

from app.desk import Desk
from app.directory.formats import read_directory
from app.directory.importing import apply
from app.directory.search import SearchHit, SearchQuery, search
from db.models import Service, ServiceZone
from tests.conftest import PARIS

RHONE = Path(__file__).parents[1] / "data" / "rhone-spreadsheet" / "lieux-rhone.csv"
NOW = datetime(2026, 11, 24, 10, 0, tzinfo=PARIS)
LYON, LYON_3E, LYON_8E, VILLEURBANNE, VENISSIEUX, GRENOBLE = (
    "69123", "69383", "69388", "69266", "69259", "38185",
)  # fmt: skip
# Structure (as the sheet names it) -> the area given to its « Médiation numérique » place.
AREAS = {
    "Emmaüs connect": LYON,  # Lyon 8e address, serves the whole city
    "Maison de la Métropole de Lyon": LYON_3E,  # its sector: the 3e
    "COMMUNE DE VILLEURBANNE MAIRIE": VILLEURBANNE,  # the town hall, for its residents
    "UL de Villeurbanne Est Lyonnais": f"{VILLEURBANNE}|{LYON}",  # Villeurbanne and Lyon
}


def imported(desk: Desk, tmp_path: Path, areas: dict[str, str] | None = None) -> None:
    """The sheet imported as ``aiguillage directory import`` does, with ``areas`` in a
    ``zone`` column when given."""
    sheet = tmp_path / "lieux-rhone.csv"
    if areas is None:
        shutil.copy(RHONE, sheet)
    else:
        with RHONE.open(encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle, delimiter=";"))
        assert {r["structure"] for r in rows} >= set(areas)
        fields = [*rows[0], "zone"]
        with sheet.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, fields, delimiter=";")
            writer.writeheader()
            for row in rows:
                writer.writerow({**row, "zone": areas.get(row["structure"], "")})
    batch = read_directory(sheet, desk.geography, "rhone")
    with desk.sessions.begin() as session:
        apply(session, batch)


def f4(desk: Desk, commune: str, typed: str = "", **visitor: str) -> list[SearchHit]:
    """What F4 lists for a visitor of ``commune`` (as ui/referral_dialog.py asks)."""
    query = SearchQuery(
        text=typed,
        public=visitor.get("public"),
        age=visitor.get("age"),
        commune=commune,
        for_visitor=True,
        limit=50,
    )
    with desk.sessions() as session:
        return search(session, query, now=NOW)


def finds(desk: Desk, commune: str, structure: str) -> bool:
    """Whether the agent, typing the partner's name in F4, finds its place in the list."""
    return any(h.structure_name == structure for h in f4(desk, commune, structure))


def test_a_visitor_of_lyon_3e_and_of_lyon_finds_the_city_and_its_arrondissements(
    desk: Desk, tmp_path: Path
) -> None:
    imported(desk, tmp_path, AREAS)
    # Lyon 3e: the services for the whole city, for the 3e, and for Villeurbanne and Lyon…
    assert finds(desk, LYON_3E, "Emmaüs connect")
    assert finds(desk, LYON_3E, "Maison de la Métropole de Lyon")
    assert finds(desk, LYON_3E, "UL de Villeurbanne Est Lyonnais")
    # …but not the town hall of Villeurbanne, which serves Villeurbanne only.
    assert not finds(desk, LYON_3E, "COMMUNE DE VILLEURBANNE MAIRIE")
    assert finds(desk, VILLEURBANNE, "COMMUNE DE VILLEURBANNE MAIRIE")
    # Lyon as a whole: the arrondissement's service too.
    assert finds(desk, LYON, "Maison de la Métropole de Lyon")
    assert finds(desk, LYON, "Emmaüs connect")
    # The 8e is Lyon, not the 3e's sector.
    assert finds(desk, LYON_8E, "Emmaüs connect")
    assert not finds(desk, LYON_8E, "Maison de la Métropole de Lyon")
    # Served in the visitor's own commune: the list says so.
    hit = next(h for h in f4(desk, LYON_3E, "Emmaüs connect"))
    assert (hit.commune, hit.nearness) == ("Lyon", 3)


def test_a_place_of_the_sheet_without_an_area_serves_the_rhone_and_not_isere(
    desk: Desk, tmp_path: Path
) -> None:
    imported(desk, tmp_path)
    with desk.sessions() as session:
        rhone = session.scalars(select(Service.id).where(Service.source == "rhone")).all()
        with_area = session.scalars(
            select(ServiceZone.service_id).where(ServiceZone.service_id.in_(rhone))
        ).all()
    assert len(rhone) == 405 and with_area == []  # the published sheet names no area
    # The Croix-Rouge's place at Villefranche-sur-Saône, 30 km north of Lyon.
    for commune in (LYON_3E, "69264", VENISSIEUX):
        hits = f4(desk, commune, "Croix Rouge française")
        assert [(h.structure_name, h.commune) for h in hits] == [
            ("Croix Rouge française", "Villefranche-sur-Saône")
        ], commune
    assert f4(desk, GRENOBLE, "Croix Rouge française") == []
    # None of the sheet's 405 places is proposed in Isère, though a Lyon visitor has them all.
    assert {h.service_id for h in f4(desk, GRENOBLE, "Médiation numérique")} & set(rhone) == set()
    assert len({h.service_id for h in f4(desk, LYON_3E, "Médiation numérique")} & set(rhone)) == 50


def places_in(commune: str) -> set[str]:
    """The structures of the sheet's rows in ``commune``, read from the file itself."""
    with RHONE.open(encoding="utf-8", newline="") as handle:
        return {
            r["structure"] for r in csv.DictReader(handle, delimiter=";") if r["commune"] == commune
        }


def test_a_young_jobseeker_of_venissieux_wanting_digital_help_sees_venissieux_first(
    desk: Desk, tmp_path: Path
) -> None:
    imported(desk, tmp_path)
    hits = f4(desk, VENISSIEUX, "numérique", public="demandeur-emploi", age="16-25")
    venissieux = places_in("Vénissieux")
    assert len(venissieux) == 15
    # The sheet says nothing of whom its places serve (no publics) and all fifteen of
    # Vénissieux offer « Médiation numérique »: F4 cannot tell the Bureau Information
    # Jeunesse from the social centres, so it lists the fifteen first, equal, for the agent
    # to choose among — the three a Lyon agent names first for a young jobseeker among them,
    # the Maison de l’Emploi included, which a text-score cut once left out of the 50.
    first = [h.structure_name for h in hits[:15]]
    assert set(first) == venissieux, [(h.structure_name, h.commune) for h in hits[:20]]
    assert {
        "BIJ (Vénissieux)",
        "Maison de l'Emploi de Vénissieux",
        "Pôle emploi (Vénissieux)",
    } <= set(first)
    assert all(h.nearness == 3 for h in hits[:15]) and hits[15].commune != "Vénissieux"


def test_a_visitor_of_lyon_8e_is_offered_lyon_first_and_no_french_course_there_is_none(
    desk: Desk, tmp_path: Path
) -> None:
    imported(desk, tmp_path)
    # No row of the sheet teaches French (its 409 rows are digital help, job search and
    # training; « française » is the Croix-Rouge's name): F4 shows nothing rather than a
    # course of another région (the demo's, at Arles) or a place that teaches none.
    assert f4(desk, LYON_8E, "apprendre le français") == []
    assert f4(desk, "13004", "apprendre le français") != []  # the phrase does find courses
    # Typed « numérique », the 8e's visitor gets places of Lyon, arrondissements all one city.
    hits = f4(desk, LYON_8E, "numérique")
    assert len(places_in("Lyon")) > 50 and {h.commune for h in hits} == {"Lyon"}
    assert {"Centre social Laennec", "Emmaüs Connect Lyon"} <= {h.structure_name for h in hits}
