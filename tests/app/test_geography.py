"""The commune picker's lookups and the INSEE code checks."""

from __future__ import annotations

import pytest

from app.desk import Desk
from core.errors import DeskError
from core.places import GEOGRAPHY_EDITION, load_geography_file, search_key


def test_shipped_file_is_the_expected_edition_and_complete() -> None:
    data = load_geography_file()
    assert data["edition"] == GEOGRAPHY_EDITION
    assert len(data["communes"]) > 34_000
    codes = {row[0] for row in data["communes"]}
    assert {"13004", "13047", "2A004", "2B033", "97411", "75056", "13204"} <= codes


@pytest.mark.parametrize(
    ("typed", "key"),
    [
        ("Saint-Martin-de-Crau", "saint martin de crau"),
        ("ST MARTIN DE CRAU", "saint martin de crau"),
        ("St-Martin de Crau", "saint martin de crau"),
        ("L'Isle-sur-la-Sorgue", "l isle sur la sorgue"),
        ("Sainte-Marie-aux-Mines", "sainte marie aux mines"),
        ("Ste Marie aux mines", "sainte marie aux mines"),
        ("Œuilly", "oeuilly"),
        ("ÉGUILLES", "eguilles"),
    ],
)
def test_search_key_ignores_case_accents_saint_and_hyphens(typed: str, key: str) -> None:
    assert search_key(typed) == key


@pytest.mark.parametrize(
    ("typed", "insee"),
    [
        ("Saint-Martin-de-Crau", "13097"),
        ("st martin de crau", "13097"),
        ("SAINT MARTIN DE CR", "13097"),
        ("martin de crau", "13097"),
        ("salon de provence", "13103"),
        ("ARLES", "13004"),
        ("arlès", "13004"),
        ("istr", "13047"),
        ("Ajaccio", "2A004"),
    ],
)
def test_search_by_name_puts_the_expected_commune_first(desk: Desk, typed: str, insee: str) -> None:
    found = desk.geography.search(typed, near="13047")  # an Istres desk
    assert found, typed
    assert found[0].insee == insee


@pytest.mark.parametrize(
    ("typed", "insee"),
    [
        ("salon", "13103"),  # not Salon (Dordogne), nor Salon (Aube)
        ("aix", "13001"),  # not Aix (Corrèze)
        ("mira", "13063"),  # Miramas, the neighbour
        ("istres", "13047"),
        ("sai", "13092"),  # Saint-Chamas, in Istres' EPCI, before larger Saint-… elsewhere
    ],
)
def test_at_an_istres_desk_the_nearest_commune_comes_first(
    desk: Desk, typed: str, insee: str
) -> None:
    assert desk.geography.search(typed, near="13047")[0].insee == insee


def test_far_from_home_a_whole_name_still_leads(desk: Desk) -> None:
    """A desk in Dordogne, where Salon is a neighbour: the same rule puts it first."""
    assert desk.geography.search("salon", near="24322")[0].insee == "24518"


def test_a_city_s_arrondissements_come_in_their_own_order(desk: Desk) -> None:
    found = [c.insee for c in desk.geography.search("marseille", limit=17, near="13047")]
    assert found == ["13055"] + [f"132{n:02d}" for n in range(1, 17)]  # the city, then 1er…16e


def test_search_by_postcode_finds_the_communes_of_that_postcode(desk: Desk) -> None:
    assert [c.insee for c in desk.geography.search("13200")] == ["13004"]
    # 13004 is a Marseille postcode, whatever Arles' INSEE code says.
    marseille = {c.insee for c in desk.geography.search("13004")}
    assert "13204" in marseille
    assert "13004" not in marseille
    assert all(any(p.startswith("138") for p in c.postcodes) for c in desk.geography.search("138"))


def test_a_delegated_commune_leads_to_the_commune_it_belongs_to(desk: Desk) -> None:
    # Bâgé-la-Ville is now part of Bâgé-Dommartin (01025).
    found = desk.geography.search("Bâgé-la-Ville")
    assert "01025" in {c.insee for c in found}


def test_display_uses_the_usual_postcode(desk: Desk) -> None:
    istres = desk.geography.get("13047")
    assert istres is not None
    assert istres.display == "Istres (13800)"


def test_check_code_accepts_insee_codes_and_special_answers(desk: Desk) -> None:
    geo = desk.geography
    assert geo.check_code("13004") == "13004"
    assert geo.check_code("2a004") == "2A004"
    assert geo.check_code("hors-region") == "hors-region"
    assert geo.check_code("non-precise") == "non-precise"


def test_check_code_names_a_postcode_given_for_an_insee_code(desk: Desk) -> None:
    with pytest.raises(DeskError) as caught:
        desk.geography.check_code("13200")
    assert caught.value.text("fr") == (
        "Commune : « 13200 » est un code postal (Arles) ; donnez le code INSEE de la commune."
    )
    assert "postcode" in caught.value.text("en")


@pytest.mark.parametrize("code", ["99999", "1300", "13 004", "2C001"])
def test_check_code_refuses_unknown_codes(desk: Desk, code: str) -> None:
    with pytest.raises(DeskError) as caught:
        desk.geography.check_code(code)
    assert caught.value.key == "unknown_commune"
    assert "n’est pas un code INSEE connu" in caught.value.text("fr")


def test_check_code_names_text_that_is_no_commune(desk: Desk) -> None:
    with pytest.raises(DeskError) as caught:
        desk.geography.check_code("Atlantide")
    assert caught.value.text("fr") == (
        "Commune : aucune commune ne correspond à « Atlantide » ; choisissez-la dans la liste."
    )
