"""The demo partner directory of the SPRO « Entre Terre et Mer » (resources/demo/).

Checks that the three JSON files follow the data·inclusion v1 schema, hold together (ids,
links between services and structures, desk-side complements), use real geographic codes
and only fictional contact details.
"""

from __future__ import annotations

import gzip
import json
import re
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from data_inclusion.schema import v1

from core.places import city_of

ROOT = Path(__file__).resolve().parents[2]
DEMO = ROOT / "resources" / "demo"
GEOGRAPHY = ROOT / "resources" / "geography" / "communes.json.gz"

SOURCE = "demo-spro-etm"
PREFIX = f"{SOURCE}--"
# The Arcep keeps 04 65 71 xx xx for audiovisual works: never given to a subscriber.
FICTIONAL_PHONE = re.compile(r"^(?:\+334|04)6571\d{4}$")
FICTIONAL_DOMAIN = "example.org"
LATEST_DATE_MAJ = date(2026, 11, 20)
STALE_BEFORE = date(2026, 5, 24)
URL_FIELDS = ("site_web", "lien_source", "lien_mobilisation", "accessibilite_lieu")


def _load(name: str) -> Any:
    with (DEMO / name).open(encoding="utf-8") as handle:
        return json.load(handle)


@pytest.fixture(scope="module")
def structures() -> list[dict[str, Any]]:
    data = _load("structures.json")
    assert isinstance(data, list)
    return data


@pytest.fixture(scope="module")
def services() -> list[dict[str, Any]]:
    data = _load("services.json")
    assert isinstance(data, list)
    return data


@pytest.fixture(scope="module")
def complements() -> dict[str, Any]:
    data = _load("complements.json")
    assert isinstance(data, dict)
    return data


@pytest.fixture(scope="module")
def geography() -> dict[str, Any]:
    if not GEOGRAPHY.exists():
        pytest.skip("geography not built")
    with gzip.open(GEOGRAPHY, "rt", encoding="utf-8") as handle:
        data: dict[str, Any] = json.load(handle)
    return data


def _records(
    structures: list[dict[str, Any]], services: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    return structures + services


def test_counts(structures: list[dict[str, Any]], services: list[dict[str, Any]]) -> None:
    assert 18 <= len(structures) <= 30
    assert 45 <= len(services) <= 70


def test_structures_follow_the_schema(structures: list[dict[str, Any]]) -> None:
    for structure in structures:
        # ignore_warnings=False also rejects the schema's soft rules (final period in nom).
        v1.Structure.model_validate(structure, context={"ignore_warnings": False})
        unknown = set(structure) - set(v1.Structure.model_fields)
        assert not unknown, (structure["id"], unknown)


def test_services_follow_the_schema(services: list[dict[str, Any]]) -> None:
    for service in services:
        v1.Service.model_validate(service, context={"ignore_warnings": False})
        unknown = set(service) - set(v1.Service.model_fields)
        assert not unknown, (service["id"], unknown)


def test_ids_are_unique_and_prefixed(
    structures: list[dict[str, Any]], services: list[dict[str, Any]]
) -> None:
    ids = [record["id"] for record in _records(structures, services)]
    assert len(ids) == len(set(ids))
    for record in _records(structures, services):
        assert record["id"].startswith(PREFIX), record["id"]
        assert len(record["id"]) > len(PREFIX), record["id"]
        assert record["source"] == SOURCE, record["id"]


def test_every_service_belongs_to_a_structure(
    structures: list[dict[str, Any]], services: list[dict[str, Any]]
) -> None:
    structure_ids = {structure["id"] for structure in structures}
    for service in services:
        assert service["structure_id"] in structure_ids, service["id"]
    # And every structure offers at least one service.
    assert structure_ids == {service["structure_id"] for service in services}


def test_complements_point_at_services(
    services: list[dict[str, Any]], complements: dict[str, Any]
) -> None:
    assert set(complements) == {"services"}
    service_ids = {service["id"] for service in services}
    assert complements["services"]
    for service_id, extra in complements["services"].items():
        assert service_id in service_ids, service_id
        documents = extra["documents"]
        assert documents, service_id
        assert all(isinstance(doc, str) and doc.strip() for doc in documents), service_id
        assert len(documents) == len(set(documents)), service_id


def test_telephones_are_fictional(
    structures: list[dict[str, Any]], services: list[dict[str, Any]]
) -> None:
    for record in _records(structures, services):
        telephone = record.get("telephone")
        if telephone is not None:
            compact = re.sub(r"[\s.]", "", telephone)
            assert FICTIONAL_PHONE.match(compact), (record["id"], telephone)


def test_courriels_are_fictional(
    structures: list[dict[str, Any]], services: list[dict[str, Any]]
) -> None:
    for record in _records(structures, services):
        courriel = record.get("courriel")
        if courriel is not None:
            assert courriel.endswith("." + FICTIONAL_DOMAIN), (record["id"], courriel)


def test_web_addresses_are_fictional(
    structures: list[dict[str, Any]], services: list[dict[str, Any]]
) -> None:
    for record in _records(structures, services):
        for field in URL_FIELDS:
            url = record.get(field)
            if url is not None:
                host = urlsplit(url).hostname or ""
                assert host == FICTIONAL_DOMAIN or host.endswith("." + FICTIONAL_DOMAIN), (
                    record["id"],
                    field,
                    url,
                )


def test_no_siret_is_invented(structures: list[dict[str, Any]]) -> None:
    for structure in structures:
        assert structure.get("siret") is None, structure["id"]


def test_dates(structures: list[dict[str, Any]], services: list[dict[str, Any]]) -> None:
    for record in _records(structures, services):
        assert date.fromisoformat(record["date_maj"]) <= LATEST_DATE_MAJ, record["id"]
    # Some services are old enough for the desk to flag them as "to be checked".
    stale = [s for s in services if date.fromisoformat(s["date_maj"]) < STALE_BEFORE]
    assert 0 < len(stale) < len(services) / 2


def test_communes_exist(
    structures: list[dict[str, Any]],
    services: list[dict[str, Any]],
    geography: dict[str, Any],
) -> None:
    communes = {row[0]: row for row in geography["communes"]}
    for record in _records(structures, services):
        code = record.get("code_insee")
        if code is None:
            continue
        assert code in communes, (record["id"], code)
        _, name, _, _, _, _, postcodes = communes[code]
        # An address in an arrondissement names its city (« 13003 Marseille »).
        city = city_of(code)
        if city is not None:
            name = communes[city][1]
        assert record.get("commune") == name, (record["id"], record.get("commune"), name)
        if record.get("code_postal") is not None:
            assert record["code_postal"] in postcodes.split(), (record["id"], code)


def test_zones_eligibilite_exist(services: list[dict[str, Any]], geography: dict[str, Any]) -> None:
    communes = {row[0] for row in geography["communes"]}
    epcis = {row[0] for row in geography["epci"]}
    departements = {row[0] for row in geography.get("departements", [])}
    for service in services:
        for code in service.get("zone_eligibilite") or []:
            if code == "france":
                continue
            if len(code) == 5:
                assert code in communes, (service["id"], code)
            elif len(code) == 9:
                assert code in epcis, (service["id"], code)
            elif departements:
                assert code in departements, (service["id"], code)
