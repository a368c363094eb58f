"""Build the desk's compact copy of the communes of France.

Source: Etalab's ``decoupage-administratif`` data (2026 edition, Licence Ouverte), the
folder holding ``communes.json``, ``epci.json``, ``departements.json`` and ``regions.json``
(the npm package ``@etalab/decoupage-administratif@6.0.0``, folder ``data/``).

    python resources/geography/build_geography.py SOURCE_FOLDER

writes ``resources/geography/communes.json.gz`` beside this script:

    {"edition": "2026",
     "regions":      [[code, name], ...],
     "departements": [[code, name, region], ...],
     "epci":         [[siren, name, type], ...],
     "communes":     [[insee, name, departement, region, epci|null, population, "cp cp"], ...],
     "aliases":      [[name, insee], ...]}

Communes are the current communes plus the municipal arrondissements of Paris, Lyon and
Marseille (people give them as their commune). Delegated and associated communes become
aliases of the commune they now belong to, so a visitor can name their village.

With ``--centres GEO_API_COMMUNES_JSON`` it writes only ``centres.json.gz``: each current
commune's centre, ``{"source": ..., "centres": [[insee, latitude, longitude], ...]}``, rounded
to 4 decimals (about 10 m), read from an export of geo.api.gouv.fr's ``/communes`` with the
``centre`` field (a GeoJSON point, longitude first; IGN ADMIN EXPRESS, Licence Ouverte) and
kept for the codes of the shipped ``communes.json.gz``. A commune the export lacks has no
centre: its distance is unknown.

It also writes ``former_communes.json.gz``: ``{"edition": "2026", "former": {code: current}}``,
the code of each commune merged since (a commune's ``anciensCodes``, a delegated or
associated commune's own code) mapped to the current commune that holds it. A former code
now shared by two communes (a commune split) is left out: it names no one commune.
"""

from __future__ import annotations

import gzip
import json
import sys
from pathlib import Path
from typing import Any

EDITION = "2026"
OUTPUT = Path(__file__).resolve().parent / "communes.json.gz"
FORMER_OUTPUT = OUTPUT.with_name("former_communes.json.gz")
CENTRES_OUTPUT = OUTPUT.with_name("centres.json.gz")
CENTRES_SOURCE = "geo.api.gouv.fr /communes centre (IGN ADMIN EXPRESS), export of 2021-04-01"


def _load(folder: Path, name: str) -> list[dict[str, Any]]:
    with (folder / name).open(encoding="utf-8") as handle:
        data: list[dict[str, Any]] = json.load(handle)
    return data


def build(source: Path) -> dict[str, Any]:
    communes = _load(source, "communes.json")
    epcis = _load(source, "epci.json")
    departements = _load(source, "departements.json")
    regions = _load(source, "regions.json")

    epci_of: dict[str, str] = {}
    for epci in epcis:
        for member in epci.get("membres", []):
            epci_of[member["code"]] = epci["code"]

    rows: list[list[Any]] = []
    names: dict[str, str] = {}
    aliases: list[list[str]] = []
    for commune in communes:
        kind = commune["type"]
        code = commune["code"]
        if kind == "commune-actuelle":
            epci = epci_of.get(code)
        elif kind == "arrondissement-municipal":
            epci = epci_of.get(commune.get("commune", ""))
        else:
            continue
        names[code] = commune["nom"]
        rows.append(
            [
                code,
                commune["nom"],
                commune["departement"],
                commune["region"],
                epci,
                int(commune.get("population") or 0),
                " ".join(commune.get("codesPostaux", [])),
            ]
        )
    for commune in communes:
        if commune["type"] in ("commune-deleguee", "commune-associee"):
            parent = commune.get("chefLieu") or commune["code"]
            if parent in names and names[parent] != commune["nom"]:
                aliases.append([commune["nom"], parent])

    return {
        "edition": EDITION,
        "regions": sorted([r["code"], r["nom"]] for r in regions),
        "departements": sorted([d["code"], d["nom"], d["region"]] for d in departements),
        "epci": sorted([e["code"], e["nom"], e["type"]] for e in epcis),
        "communes": sorted(rows),
        "aliases": sorted(aliases),
    }


def former_communes(source: Path) -> dict[str, str]:
    """Former commune code -> the current commune's code (see the module docstring)."""
    communes = _load(source, "communes.json")
    current = {
        c["code"] for c in communes if c["type"] in ("commune-actuelle", "arrondissement-municipal")
    }
    held: dict[str, set[str]] = {}
    for commune in communes:
        if commune["type"] == "commune-actuelle":
            for old in commune.get("anciensCodes", []):
                held.setdefault(old, set()).add(commune["code"])
        elif commune["type"] in ("commune-deleguee", "commune-associee") and commune.get(
            "chefLieu"
        ):
            held.setdefault(commune["code"], set()).add(commune["chefLieu"])
    return {
        old: next(iter(now))
        for old, now in sorted(held.items())
        if old not in current and len(now) == 1
    }


def centres(export: Path, geography: Path = OUTPUT) -> dict[str, Any]:
    """Each commune's centre from a geo.api.gouv.fr export (see the module docstring), for
    the communes of ``geography`` only."""
    with gzip.open(geography, "rt", encoding="utf-8") as handle:
        codes = {row[0] for row in json.load(handle)["communes"]}
    with export.open(encoding="utf-8") as handle:
        communes: list[dict[str, Any]] = json.load(handle)
    rows = []
    for commune in communes:
        point = commune.get("centre") or {}
        if commune.get("code") in codes and point.get("type") == "Point":
            longitude, latitude = point["coordinates"]
            rows.append([commune["code"], round(latitude, 4), round(longitude, 4)])
    return {"source": CENTRES_SOURCE, "centres": sorted(rows)}


def _write(path: Path, data: dict[str, Any]) -> None:
    payload = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    # mtime=0 keeps the output byte-identical from one build to the next.
    with path.open("wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as out:
        out.write(payload)


def main(argv: list[str]) -> int:
    if len(argv) == 3 and argv[1] == "--centres":
        found = centres(Path(argv[2]))
        _write(CENTRES_OUTPUT, found)
        print(f"{len(found['centres'])} centres -> {CENTRES_OUTPUT.name}")
        return 0
    if len(argv) != 2:
        print(
            "usage: build_geography.py SOURCE_FOLDER | --centres GEO_API_COMMUNES_JSON",
            file=sys.stderr,
        )
        return 2
    data = build(Path(argv[1]))
    _write(OUTPUT, data)
    print(f"{len(data['communes'])} communes, {len(data['epci'])} EPCI -> {OUTPUT.name}")
    former = former_communes(Path(argv[1]))
    _write(FORMER_OUTPUT, {"edition": EDITION, "former": former})
    print(f"{len(former)} former communes -> {FORMER_OUTPUT.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
