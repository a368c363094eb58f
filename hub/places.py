"""The shipped geography as the hub reads it, loaded once for the border (:mod:`hub.checks`)
and for the counts (:mod:`hub.monthly`, :mod:`hub.activity_counts`, :mod:`hub.labels`)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache

from core.places import load_geography_file


@dataclass(frozen=True)
class Places:
    population: dict[str, int]  # commune -> inhabitants
    epci: frozenset[str]
    departements: frozenset[str]
    epci_of: dict[str, str]  # commune -> its EPCI, for the communes in one
    names: dict[str, str]  # commune, EPCI and département -> its name


@lru_cache(maxsize=1)
def places() -> Places:
    data = load_geography_file()
    communes = data["communes"]
    names = {insee: name for insee, name, *_rest in communes}
    names.update({code: name for code, name, _kind in data["epci"]})
    names.update({code: name for code, name, _region in data["departements"]})
    return Places(
        population={row[0]: int(row[5] or 0) for row in communes},
        epci=frozenset(e[0] for e in data["epci"]),
        departements=frozenset(d[0] for d in data["departements"]) | {c[2] for c in communes},
        epci_of={row[0]: row[4] for row in communes if row[4]},
        names=names,
    )


def epci_of(code: str) -> str:
    """A commune as its EPCI; a commune in none, an EPCI already (a small commune goes up
    as its EPCI), a département or a special answer stands for itself."""
    return places().epci_of.get(code, code)


@lru_cache(maxsize=1)
def epci_json() -> str:
    """Each commune's EPCI as a JSON object, for a statement to recode communes itself."""
    return json.dumps(places().epci_of, separators=(",", ":"))
