"""F4's first three proposals for visitor profiles an agent knows the answer to."""

from __future__ import annotations

import csv
from datetime import datetime
from pathlib import Path

import pytest

from app.desk import Desk
from app.directory.search import SearchQuery, search
from tests.conftest import PARIS

PROFILES = Path(__file__).parents[1] / "data" / "profiles" / "profiles.csv"
NOW = datetime(2026, 11, 24, 10, 0, tzinfo=PARIS)


def _profiles() -> list[dict[str, str]]:
    with PROFILES.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@pytest.mark.parametrize(
    "profile", _profiles(), ids=lambda p: f"{p['commune']}-{p['public']}-{p['themes']}"
)
def test_the_partners_an_agent_names_first_are_in_f4s_first_three(
    desk: Desk, profile: dict[str, str]
) -> None:
    # As the referral dialog asks before the agent types anything.
    query = SearchQuery(
        themes=profile["themes"].split("|"),
        public=profile["public"],
        age=profile["age"],
        commune=profile["commune"],
        for_visitor=True,
        limit=50,
    )
    with desk.sessions() as session:
        hits = search(session, query, now=NOW)
    first = [h.structure_name for h in hits[:3]]
    for partner in profile["partners"].split("|"):
        assert partner in first, (partner, [(h.structure_name, h.service_name) for h in hits])


def test_a_visitor_is_not_proposed_what_only_professionals_can_call_on(desk: Desk) -> None:
    mine = SearchQuery(commune="13047", public="jeune-non-scolarise", age="16-25", limit=100)
    with desk.sessions() as session:
        agent = {h.service_name for h in search(session, mine, now=NOW)}
        mine.for_visitor = True
        visitor = {h.service_name for h in search(session, mine, now=NOW)}
    # The Mission locale's sponsoring is called on by its advisers, not by the young.
    assert "Parrainage vers l’emploi" in agent
    assert "Parrainage vers l’emploi" not in visitor


def test_disability_services_only_when_the_visit_calls_for_them(desk: Desk) -> None:
    cap = "Accompagnement vers l’emploi des personnes handicapées"
    query = SearchQuery(
        commune="13047", public="demandeur-emploi", age="26-44", themes=["trouver-emploi"],
        for_visitor=True, limit=100,
    )  # fmt: skip
    with desk.sessions() as session:
        assert cap not in {h.service_name for h in search(session, query, now=NOW)}
        query.themes = ["trouver-emploi", "handicap-emploi"]
        assert cap in {h.service_name for h in search(session, query, now=NOW)[:3]}
        # The agent who types the partner's name finds it.
        typed = SearchQuery(text="cap emploi", commune="13047", for_visitor=True)
        assert cap in {h.service_name for h in search(session, typed, now=NOW)}


def test_a_young_visitors_age_counts_with_the_public(desk: Desk) -> None:
    query = SearchQuery(
        commune="13047", public="demandeur-emploi", themes=["alternance"], for_visitor=True
    )
    with desk.sessions() as session:
        without_age = {h.service_name for h in search(session, query, now=NOW)}
        query.age = "16-25"
        with_age = [h.service_name for h in search(session, query, now=NOW)]
    assert "Point A apprentissage\u00a0: trouver un contrat et une entreprise" not in without_age
    assert "Point A apprentissage\u00a0: trouver un contrat et une entreprise" in with_age[:3]


@pytest.mark.parametrize("commune", ["13047", "13004", "13103", "13056"])
def test_a_pupil_of_15_is_not_proposed_the_mission_locales_16_25_first(
    desk: Desk, commune: str
) -> None:
    query = SearchQuery(
        commune=commune, public="scolaire", age="moins-16", themes=["choisir-orientation"],
        for_visitor=True, limit=50,
    )  # fmt: skip
    with desk.sessions() as session:
        hits = [(h.structure_name, h.service_name) for h in search(session, query, now=NOW)]
    mission_locale = [h for h in hits if h[0].startswith("Mission locale")]
    assert "Accompagnement des 16-25 ans" in (h[1] for h in mission_locale), hits
    # Still there for the agent who knows better, but not among the first three.
    assert not set(mission_locale) & set(hits[:3]), hits
