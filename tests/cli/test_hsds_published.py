"""``aiguillage directory import`` fed with HSDS exports published by others
(``tests/data/*/README.md``): what the summary says, and what the directory then holds."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from sqlalchemy import select

from app.desk import Desk
from core.hours import describe
from db.models import Service, Structure
from tests.cli.test_commands import aiguillage

DATA = Path(__file__).parents[1] / "data"
NB, NNB = "\u00a0", "\u202f"


DAYS = ("Mo", "Tu", "We", "Th", "Fr", "Sa", "Su")


def day_spans(hours: str) -> int:
    """How many (day, opening) pairs a plain weekly ``opening_hours`` value holds."""
    total = 0
    for rule in hours.split("; "):
        days, times = rule.split(" ")
        for part in days.split(","):
            first, _, last = part.partition("-")
            total += (DAYS.index(last or first) - DAYS.index(first) + 1) * len(times.split(","))
    return total


def figures(head: str) -> tuple[int, int]:
    """(read, added + updated + refused + duplicates) from a French summary's first line."""
    numbers = {
        word: int(n)
        for n, word in re.findall(r"(\d+) (structures? lues?|services? lus?|structures? ajoutées?"
                                  r"|mises? à jour|services? ajoutés?|mis à jour|refusés?|doublons?)",
                                  head)
    }  # fmt: skip
    values = list(numbers.values())
    read = values[0] + values[1]
    return read, sum(values[2:]) if len(values) == len(numbers) else -1


def test_the_hsds_3_examples_are_imported_and_what_is_not_read_is_said(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    done = aiguillage(home, "directory", "import", str(DATA / "hsds-3-examples"))
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0] == (
        f"HSDS (CSV){NB}: 1 structure lue et 1 service lu{NNB}; 1 structure ajoutée,"
        f" 0 mise à jour{NNB}; 1 service ajouté, 0 mis à jour{NNB}; 0 doublon{NNB}; 0 retiré{NNB};"
        f" 0 refusé{NNB}; 2 avertissements."
    )
    # read = added + updated + refused + duplicates: 1 + 1 = (1 + 0) + (1 + 0) + 0 + 0
    # The US area names no French commune, and MyCity is none either: said, service kept.
    # Its place's latitude (100) is no latitude: left out, and said.
    assert lines[1:4] == [
        f"Avertissements (gardés){NB}:",
        f"  · Service ac148810-d857-441c-9679-408f346de14b{NB}: zone desservie non reconnue{NB}:"
        f" «{NB}The service is available to all residents of the MyCity area. We provide the"
        f" se…{NB}»{NNB}; le service n’est rattaché à aucune commune",
        f"  · Service ac148810-d857-441c-9679-408f346de14b{NB}: latitude{NB}: «{NB}100{NB}»"
        f" n’est pas un nombre entre -90 et 90{NNB}; coordonnées retirées (centre de la commune)",
    ]
    assert lines[4] == f"Non lu (laissé de côté){NB}:"
    unread = {line.split(NB)[0].strip(" ·"): line for line in lines[5:]}
    assert set(unread) == {
        "organizations.csv", "services.csv", "locations.csv", "addresses.csv",
        "service_at_location.csv", "phones.csv", "schedules.csv", "service_areas.csv",
    }  # fmt: skip
    # What a visitor could need and the desk does not show is at least named.
    assert "alert (1 ligne)" in unread["services.csv"]
    # Its one schedule was valid on 1 January 2005 only: no hours, and said why.
    assert unread["schedules.csv"] == (
        f"  · schedules.csv{NB}: 1 ligne sur 1 non convertie en horaires{NB}: 1 validité terminée"
    )
    assert "country (1 ligne)" in unread["addresses.csv"]

    monkeypatch.setenv("AIGUILLAGE_HOME", str(home))
    desk = Desk.open(load_demo=False)
    try:
        with desk.sessions() as session:
            service = session.get(Service, "hsds-3-examples--ac148810-d857-441c-9679-408f346de14b")
            assert service is not None
            assert service.nom == "Community Counselling"
            assert service.telephone == "+44 1234 234567"
            assert service.zone_eligibilite == []
            assert service.horaires_accueil is None
            assert service.frais == "payant"
            assert (service.latitude, service.longitude) == (None, None)
            structure = session.get(
                Structure, "hsds-3-examples--d9d5e0f5-d3ce-4f73-9a2f-4dd0ecc6c610"
            )
            assert structure is not None and structure.nom == "Example Organization Inc."
    finally:
        desk.close()


def test_the_summary_of_an_hsds_import_in_english(home: Path) -> None:
    done = aiguillage(home, "directory", "import", str(DATA / "hsds-1-sample"), lang="en")
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0] == (
        "HSDS (CSV): 10 structures read and 13 services read; 10 structures added, 0 updated;"
        " 10 services added, 0 updated; 0 duplicates; 0 retired; 3 refused; 1 warning."
    )
    assert lines[1] == (
        "  – Service a27a0710-72d2-41a2-8947-9d0e0e69e257: status “inactive”: closed service,"
        " not imported"
    )
    assert (
        "  · Service c89eb05c-62dd-4b64-b494-0cc347b6ea7f: service area not recognised:"
        " “Sample service area”; the service is placed nowhere"
    ) in lines
    assert "  · holiday_schedules.csv: file not read, 1 row" in lines
    assert "  · postal_addresses.csv: file not read, 1 row" in lines


def test_a_real_hsds_1_export_gives_its_weekday_rows_as_hours_and_counts_the_rest(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Illinois Legal Aid Online, as Open Referral's transformer writes it (HSDS 1.x)."""
    done = aiguillage(home, "directory", "import", str(DATA / "hsds-1-ilao"))
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0].startswith(
        f"HSDS (CSV){NB}: 33 structures lues et 89 services lus{NNB}; 33 structures ajoutées,"
        f" 0 mise à jour{NNB}; 89 services ajoutés, 0 mis à jour{NNB}; 0 doublon"
    )
    read, accounted = figures(lines[0])
    assert read == accounted == 33 + 89
    # 476 rows: 142 became hours; 334 are said, each with why.
    assert (
        f"  · regular_schedules.csv{NB}: 334 lignes sur 476 non converties en horaires{NB}:"
        " 150 d’un lieu ou service sans fiche importée, 182 sans heures (jour fermé),"
        " 2 fermeture avant l’ouverture"
    ) in lines
    # A record holds one place: the other places whose hours are thus not kept are named.
    assert (
        f"  · Structure 24561{NB}: horaires de 4 autres lieux non repris (la fiche garde le lieu"
        f" «{NB}CARPLS{NB}»){NB}: Administrative Hearings Advice Desk, Municipal Court Advice"
        " Desk, Collection Self-Help Desk, Domestic Relations Self-Help Desk"
    ) in lines
    assert sum("autres lieux non repris" in line or "autre lieu non repris" in line
               for line in lines) == 7  # fmt: skip

    monkeypatch.setenv("AIGUILLAGE_HOME", str(home))
    desk = Desk.open(load_demo=False)
    try:
        with desk.sessions() as session:
            hours = dict(
                session.execute(
                    select(Structure.nom, Structure.horaires_accueil).where(
                        Structure.source == "hsds-1-ilao"
                    )
                ).all()
            )
            lambda_legal = session.get(Service, "hsds-1-ilao--25251")
            fees = session.scalars(
                select(Service.frais).where(
                    Service.source == "hsds-1-ilao", Service.frais.is_not(None)
                )
            ).all()
    finally:
        desk.close()
    assert hours["Illinois Armed Forces Legal Aid Network"] == "Mo-Fr 09:00-17:00"
    assert describe(hours["Illinois Armed Forces Legal Aid Network"]) == f"lun.–ven. 9{NB}h–17{NB}h"
    with_hours = [value for value in hours.values() if value]
    assert len(with_hours) == 31
    # Each row turned into hours is one opening of one day: 476 − 334 = 142, all in the records.
    assert sum(map(day_spans, with_hours)) == 476 - 334 == 142
    # HSDS 1.x calls the fees text ``fees``: « Free to everyone » is free.
    assert lambda_legal is None or lambda_legal.frais is not None
    assert fees.count("gratuit") > 0
