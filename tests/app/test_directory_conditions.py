"""The ages a service is for, read in its conditions as an agent reads them."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from app.directory.conditions import AGE_BANDS, _age_unmet, age_range

VALIDATOR = Path(__file__).parents[1] / "data" / "datainclusion-valideur" / "services.csv"


def unmet(text: str, band: str) -> int:
    return _age_unmet(text, *AGE_BANDS[band])


def test_the_validators_young_people_of_15_to_20() -> None:
    with VALIDATOR.open(encoding="utf-8", newline="") as handle:
        publics = {r["publics_precisions"] for r in csv.DictReader(handle)}
    assert "Jeunes de 15 à 20 ans." in publics
    assert age_range("Jeunes de 15 à 20 ans.") == ((15, 20), (15, 20))
    assert unmet("Jeunes de 15 à 20 ans.", "moins-16") == 0  # 15 is in
    assert unmet("Jeunes de 15 à 20 ans.", "26-44") == 2


@pytest.mark.parametrize(
    ("text", "band", "expected"),
    [
        ("Avoir entre 16 et 25 ans et ne plus être scolarisé.", "moins-16", 2),
        ("Avoir entre 16 et 25 ans et ne plus être scolarisé.", "16-25", 0),
        ("Accompagnement des 16-25 ans", "45-54", 2),
        # An exception lets some in: ranked below, never hidden.
        ("Avoir entre 16 et 25 ans (29 ans pour les jeunes reconnus travailleurs "
         "handicapés).", "26-44", 1),
        ("Avoir entre 16 et 29 ans (15 ans si la classe de troisième est achevée).",
         "moins-16", 1),
        ("Avoir entre 16 et 29 ans. Pas de limite d’âge pour les personnes reconnues "
         "travailleurs handicapées.", "55-plus", 1),
        ("Avoir au moins 16 ans et avoir quitté un établissement scolaire.", "moins-16", 2),
        ("Avoir moins de 26 ans.", "26-44", 2),
        ("Avoir moins de 26 ans.", "16-25", 0),
        ("Avoir 45 ans et plus.", "26-44", 2),
        # Not ages: a length of residence, of experience, a child's age.
        ("Être arrivé en France depuis moins de 15 ans.", "26-44", 0),
        ("Justifier de 10 ans d’expérience dans le métier.", "moins-16", 0),
        ("Parents d’enfants de 0 à 3 ans.", "26-44", 0),
        ("", "moins-16", 0),
    ],
)  # fmt: skip
def test_ages_in_the_conditions(text: str, band: str, expected: int) -> None:
    assert unmet(text, band) == expected
