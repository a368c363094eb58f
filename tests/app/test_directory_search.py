"""Which communes a service serves, when it is open, and what a search finds first."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

import pytest

from app.desk import Desk
from app.directory.search import SearchQuery, search
from app.directory.zones import serves, zone_codes
from core import hours
from db.models import Service
from tests.conftest import PARIS


@pytest.mark.parametrize(
    ("commune", "zone", "served"),
    [
        ("13047", ["13047"], True),  # the commune itself
        ("13047", ["13004"], False),  # another commune
        ("13047", ["200054807"], True),  # its EPCI (Métropole Aix-Marseille-Provence)
        ("13004", ["200054807"], False),  # Arles is not in the Métropole
        ("13004", ["13"], True),  # its département
        ("13004", ["84"], False),
        ("2A004", ["2A"], True),  # Ajaccio, Corse-du-Sud
        ("2A004", ["2B"], False),
        ("2B033", ["2B"], True),  # Bastia, Haute-Corse
        ("2B033", ["20"], False),  # the old Corsican code is no département now
        ("97411", ["974"], True),  # Saint-Denis de La Réunion
        ("97101", ["971"], True),  # Les Abymes, Guadeloupe
        ("97611", ["976"], True),  # Mamoudzou, Mayotte
        ("97411", ["971", "972", "973"], False),
        ("97209", ["france"], True),  # Fort-de-France: national services
        ("13047", ["99100"], True),
        # A city's arrondissements belong to it, both ways (Marseille, Paris, Lyon).
        ("13201", ["13055"], True),
        ("13055", ["13201"], True),
        ("13201", ["13202"], False),  # another arrondissement
        ("75118", ["75056"], True),
        ("75056", ["75118"], True),
        ("69383", ["69123"], True),
        ("69123", ["69389"], True),
        ("69123", ["13055"], False),
    ],
)
def test_a_service_serves_a_commune_by_its_commune_epci_departement_or_nation(
    desk: Desk, commune: str, zone: list[str], served: bool
) -> None:
    with desk.sessions() as session:
        codes = zone_codes(session, commune)
        assert codes, commune
        assert serves(session, zone, None, codes) is served


@pytest.mark.parametrize(
    ("commune", "zone", "place", "served"),
    [
        ("13004", [], "13004", True),  # no area: its own département
        ("13047", [], "13004", True),
        ("2A004", [], "13004", False),  # …and not all of France
        ("13004", [], None, False),  # no area, no address: it serves no one known
        ("13004", ["US-WA-033"], None, False),  # an area the desk cannot read
        ("13004", ["Washington"], "13004", True),
        ("13004", ["84"], "13004", False),  # a readable area is what counts
    ],
)
def test_without_a_readable_area_a_service_serves_its_own_departement(
    desk: Desk, commune: str, zone: list[str], place: str | None, served: bool
) -> None:
    with desk.sessions() as session:
        assert serves(session, zone, place, zone_codes(session, commune)) is served


OFFICE = "Mo-Fr 09:00-12:30,13:30-17:00; Sa 09:00-12:00; PH off"


@pytest.mark.parametrize(
    ("moment", "is_open"),
    [
        ("2026-11-24 10:00", True),  # a Tuesday morning
        ("2026-11-24 12:45", False),  # lunch break
        ("2026-11-24 13:30", True),
        ("2026-11-24 17:00", False),  # closing time
        ("2026-11-28 11:00", True),  # Saturday morning
        ("2026-11-28 14:00", False),  # Saturday afternoon
        ("2026-11-29 10:00", False),  # Sunday
        ("2026-12-25 10:00", False),  # Christmas, a Friday: PH off
        ("2026-11-11 10:00", False),  # Armistice, a Wednesday
        ("2027-05-06 10:00", False),  # Ascension Thursday
        ("2026-07-14 10:00", False),  # Bastille Day
    ],
)
def test_open_now_honours_lunch_weekends_and_french_public_holidays(
    moment: str, is_open: bool
) -> None:
    at = datetime.fromisoformat(moment).replace(tzinfo=PARIS)
    assert hours.open_at(OFFICE, at) is is_open


def test_unknown_or_unreadable_hours_are_neither_open_nor_closed() -> None:
    at = datetime(2026, 11, 24, 10, tzinfo=PARIS)
    assert hours.open_at(None, at) is None
    assert hours.open_at("le matin", at) is None


@pytest.mark.parametrize(
    ("osm", "french", "english"),
    [
        (
            "Mo-Fr 09:00-12:30,13:30-17:00; PH off",
            "lun.–ven. 9\u00a0h–12\u00a0h\u00a030 et 13\u00a0h\u00a030–17\u00a0h\u202f; fermé les jours fériés",
            "Mon–Fri 9:00–12:30 and 13:30–17:00; closed on public holidays",
        ),
        ("Tu,Th 09:00-12:00", "mar. et jeu. 9\u00a0h–12\u00a0h", "Tue and Thu 9:00–12:00"),
        (
            "We[1] 09:30-12:00",
            "1er mer. du mois\u00a0: 9\u00a0h\u00a030–12\u00a0h",
            "1st Wed of the month: 9:30–12:00",
        ),
        ("24/7", "7\u00a0j/7, 24\u00a0h/24", "24/7"),
        ("le matin", "horaires non reconnus\u00a0: le matin", "unrecognised hours: le matin"),
    ],
)
def test_hours_read_in_plain_french_and_english(osm: str, french: str, english: str) -> None:
    from datetime import date

    assert hours.describe(osm, "fr", today=date(2026, 11, 24)) == french
    assert hours.describe(osm, "en", today=date(2026, 11, 24)) == english


NOW = datetime(2026, 11, 24, 10, 0, tzinfo=PARIS)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("apprentissage", "Apprentissage dans l’artisanat"),
        ("APPRENT", "Apprentissage dans l’artisanat"),  # a prefix, any case
        ("aprentisage", "Apprentissage dans l’artisanat"),  # two typos
        ("artisanat arles", "Apprentissage dans l’artisanat"),
        (
            "éducation nationale",
            "Entretien d’orientation avec un psychologue de l’Éducation nationale",
        ),
        (
            "education nationale",
            "Entretien d’orientation avec un psychologue de l’Éducation nationale",
        ),
    ],
)
def test_text_search_ignores_accents_and_case_takes_prefixes_and_forgives_typos(
    desk: Desk, typed: str, expected: str
) -> None:
    with desk.sessions() as session:
        hits = search(session, SearchQuery(text=typed), now=NOW)
    assert expected in [h.service_name for h in hits[:3]], [h.service_name for h in hits]


def test_a_word_found_nowhere_finds_nothing(desk: Desk) -> None:
    with desk.sessions() as session:
        assert search(session, SearchQuery(text="xylophone"), now=NOW) == []


def test_filters_keep_only_what_serves_the_visitor(desk: Desk) -> None:
    query = SearchQuery(commune="13047", themes=["trouver-formation"], public="jeune-non-scolarise")
    with desk.sessions() as session:
        hits = search(session, query, now=NOW)
        assert hits
        assert all(h.themes_matched >= 1 and h.public_fits for h in hits)
        assert not any("Mission locale du Pays d’Arles" in h.structure_name for h in hits)
        # The nearest first among equally fitting services.
        assert hits[0].nearness == 3
        remote = search(session, SearchQuery(mode="a-distance", limit=100), now=NOW)
        present = search(session, SearchQuery(mode="en-presentiel", limit=100), now=NOW)
        assert remote and present and len(remote) < len(present)


def test_open_at_keeps_only_what_is_open_then(desk: Desk) -> None:
    sunday = datetime(2026, 11, 29, 10, 0, tzinfo=PARIS)
    tuesday = datetime(2026, 11, 24, 10, 0, tzinfo=PARIS)
    with desk.sessions() as session:
        assert search(session, SearchQuery(open_at=sunday, limit=100), now=sunday) == []
        open_tuesday = search(session, SearchQuery(open_at=tuesday, limit=100), now=tuesday)
    assert open_tuesday and all(h.open_now for h in open_tuesday)


def test_old_records_are_marked_to_be_checked(desk: Desk) -> None:
    with desk.sessions() as session:
        hits = search(session, SearchQuery(limit=100), now=NOW)
    stale = [h for h in hits if h.stale]
    assert stale and all(
        h.date_maj is not None and (NOW.date() - h.date_maj).days > 183 for h in stale
    )
    assert all((NOW.date() - h.date_maj).days <= 183 for h in hits if not h.stale and h.date_maj)


def _place(desk: Desk, key: str, commune: str, zone: list[str], name: str) -> None:
    """A service of the given area, standing in the given commune."""
    from app.directory.search_index import reindex
    from app.directory.store import upsert_service, upsert_structure

    structure = {
        "source": "t",
        "id": f"t--{key}",
        "nom": f"Structure {name}",
        "date_maj": date(2026, 11, 1),
    }
    service: dict[str, Any] = {
        "source": "t", "id": f"t--{key}-s", "structure_id": f"t--{key}", "nom": name,
        "date_maj": date(2026, 11, 1), "code_insee": commune, "zone_eligibilite": zone,
        "thematiques": ["trouver-un-emploi--repondre-a-des-offres-demploi"],
        "publics": ["tous-publics"], "mobilisable_par": ["usagers"],
    }  # fmt: skip
    with desk.sessions.begin() as session:
        upsert_structure(session, structure)
        session.flush()
        upsert_service(session, service, [])
        session.flush()
        reindex(session, [service["id"]])


def _found(desk: Desk, commune: str) -> list[str]:
    query = SearchQuery(commune=commune, themes=["trouver-emploi"], limit=100)
    with desk.sessions() as session:
        return [h.service_name for h in search(session, query, now=NOW)]


def test_a_city_and_its_arrondissements_find_each_others_services(desk: Desk) -> None:
    _place(desk, "m", "13201", ["13055"], "Pour tout Marseille")
    _place(desk, "m1", "13201", ["13201"], "Pour Marseille 1er")
    _place(desk, "p", "75118", ["75118"], "Pour Paris 18e")
    _place(desk, "l", "69123", ["69123"], "Pour tout Lyon")
    assert {"Pour tout Marseille", "Pour Marseille 1er"} <= set(_found(desk, "13201"))
    assert {"Pour tout Marseille", "Pour Marseille 1er"} <= set(_found(desk, "13055"))
    assert "Pour Marseille 1er" not in _found(desk, "13202")
    assert "Pour Paris 18e" in _found(desk, "75056")
    assert "Pour tout Lyon" in _found(desk, "69385")


def test_a_service_without_a_readable_area_serves_its_departement_not_france(
    desk: Desk,
) -> None:
    # An example service of another country: no French area, no French address.
    _place(desk, "us", None, [], "Example Service Without Area")  # type: ignore[arg-type]
    _place(desk, "wa", None, ["US-WA"], "Example Service In Washington")  # type: ignore[arg-type]
    _place(desk, "arles", "13004", [], "Service arlésien sans zone")
    for commune in ("13004", "2A004"):
        found = _found(desk, commune)
        assert "Example Service Without Area" not in found
        assert "Example Service In Washington" not in found
    assert "Service arlésien sans zone" in _found(desk, "13047")  # same département
    assert "Service arlésien sans zone" not in _found(desk, "2A004")
    with desk.sessions() as session:
        anywhere = search(session, SearchQuery(text="example service"), now=NOW)
    assert {h.service_name for h in anywhere} >= {"Example Service Without Area"}


@pytest.mark.parametrize("saint_pierre", ["97416", "97502"])
def test_a_service_standing_in_the_visitors_commune_comes_first(
    desk: Desk, saint_pierre: str
) -> None:
    departement = saint_pierre[:3]
    for n, commune in enumerate(["97411", "97415", "97422", "97407", "97410", "97418"]):
        _place(desk, f"r{n}", commune if departement == "974" else "97501",
               [departement], f"Service {n}")  # fmt: skip
    _place(desk, "sp", saint_pierre, [departement], "Service à Saint-Pierre")
    _place(desk, "sp-other", "97225", ["972"], "Service à Saint-Pierre de Martinique")
    found = _found(desk, saint_pierre)
    assert found[0] == "Service à Saint-Pierre"
    assert "Service à Saint-Pierre de Martinique" not in found


def test_the_detail_says_when_the_area_is_not_given(desk: Desk) -> None:
    from app.directory.records import detail

    _place(desk, "none", "13004", ["Planet Mars"], "Sans zone lisible")
    _place(desk, "arles", "13004", ["13004"], "Pour Arles")
    with desk.sessions() as session:
        assert detail(session, "t--none-s").zone_given is False
        assert detail(session, "t--arles-s").zone_given is True


@pytest.mark.parametrize("typed", ["apprendre le français", "FLE", "réfugiés", "personnes exilées"])
def test_agents_words_find_the_directorys_own(desk: Desk, typed: str) -> None:
    with desk.sessions() as session:
        hits = search(session, SearchQuery(text=typed), now=NOW)
    # The demo's four ways to learn French, for pupils and for adults, come first.
    assert {h.service_name for h in hits[:4]} == {
        "Évaluation et orientation des élèves allophones nouvellement arrivés",
        "Ateliers sociolinguistiques (ASL)\u00a0: le français de la vie quotidienne",
        "Formation linguistique du contrat d’intégration républicaine (CIR)",
        "Français langue étrangère (FLE) à visée professionnelle",
    }, [h.service_name for h in hits]


def test_alternance_finds_apprenticeship(desk: Desk) -> None:
    with desk.sessions() as session:
        hits = search(session, SearchQuery(text="alternance"), now=NOW)
    assert "Apprentissage dans l’artisanat" in [h.service_name for h in hits]


def test_open_now_is_read_on_the_places_own_clock(desk: Desk) -> None:
    # Monday 7 December 2026, 6:00 in Paris is 9:00 in La Réunion (UTC+4).
    _place(desk, "run", "97411", ["974"], "Permanence à Saint-Denis de La Réunion")
    _place(desk, "ist", "13047", ["13"], "Permanence à Istres")
    with desk.sessions.begin() as session:
        for key in ("run", "ist"):
            service = session.get(Service, f"t--{key}-s")
            assert service is not None
            service.horaires_accueil = "Mo-Fr 08:00-12:00"
    moment = datetime(2026, 12, 7, 6, 0, tzinfo=PARIS)
    with desk.sessions() as session:
        reunion = search(session, SearchQuery(commune="97411", limit=100), now=moment)
        istres = search(session, SearchQuery(commune="13047", limit=100), now=moment)
    by_name = {h.service_name: h.open_now for h in reunion + istres}
    assert by_name["Permanence à Saint-Denis de La Réunion"] is True
    assert by_name["Permanence à Istres"] is False
