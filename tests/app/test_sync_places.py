"""Where a visitor lives, as it leaves the desk: never a commune of fewer than 2,000
inhabitants as itself, over every commune of the shipped geography."""

from __future__ import annotations

import re
from dataclasses import replace

from pydantic import TypeAdapter
from sqlalchemy import select

from app.desk import Desk
from app.intake.contact import ContactDraft
from app.sync.outgoing import PublicPlaces
from app.sync.push import next_batch
from core.places import SMALL_COMMUNE
from core.wire import ContactWire, Place
from db.models import Commune, Departement, Epci

VISIT = ContactDraft(
    "sur-place", "demandeur-emploi", "26-44", "femme", "13004", ["trouver-formation"],
    ["orientation-partenaire"],
)  # fmt: skip
PLACE = TypeAdapter(Place)


def test_no_small_commune_ever_leaves_as_itself(desk: Desk) -> None:
    with desk.sessions() as session:
        places = PublicPlaces(session)
        communes = list(session.execute(select(Commune.insee, Commune.population, Commune.epci)))
        epcis = set(session.scalars(select(Epci.code)))
        departements = set(session.scalars(select(Departement.code)))
        assert len(communes) > 34_000
        small_without_epci = 0
        for insee, population, epci in communes:
            public = places.public(insee)
            assert PLACE.validate_python(public) == public, insee
            if population >= SMALL_COMMUNE:
                assert public == insee
                continue
            assert public != insee, insee
            assert public in epcis | departements, (insee, public)
            if not epci:
                small_without_epci += 1
                assert public in departements, (insee, public)
    assert small_without_epci == 42


def test_islands_and_overseas_go_up_as_their_departement(desk: Desk) -> None:
    expected = {
        "29083": "29",  # Île-de-Sein, 263 inhabitants
        "22016": "22",  # Île-de-Bréhat
        "97501": "975",  # Miquelon-Langlade
        "98741": "987",  # Rapa, French Polynesia
        "98832": "988",  # Yaté, New Caledonia
        "98901": "989",  # Clipperton
        "13006": "241300375",  # Aureille: its EPCI, as before
        "13004": "13004",  # Arles: large enough to be itself
        "hors-region": "hors-region",
        "non-precise": "non-precise",
    }
    ids = {desk.intake.save(replace(VISIT, commune=code)).id: code for code in expected}
    with desk.sessions() as session:
        batch = next_batch(session)[0]
    sent = {record.id: record.payload["commune"] for record in batch}
    assert {ids[i]: place for i, place in sent.items()} == expected
    for record in batch:  # the hub's own model takes each of them
        taken = ContactWire.model_validate(record.payload).model_dump()
        assert taken["commune"] == record.payload["commune"]


def test_a_code_the_geography_does_not_know_goes_no_finer_than_its_departement(
    desk: Desk,
) -> None:
    with desk.sessions() as session:
        places = PublicPlaces(session)
        # Codes of another edition (a commune merged since), shaped like INSEE codes.
        assert places.public("29999") == "29"
        assert places.public("2A999") == "2A"
        assert places.public("97199") == "971"
        # No département has these numbers: nothing finer than « non précisée ».
        assert places.public("96001") == "non-precise"
        assert places.public("20001") == "non-precise"
        for code in ("29999", "2A999", "97199", "96001"):
            assert re.fullmatch(r"[0-9]{2}|2[AB]|9[78][0-9]|non-precise", places.public(code))
