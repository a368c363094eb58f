"""Services meant for a narrower public than their ``publics`` say.

data·inclusion's publics are broad: a fund for temp workers, a permanence for private-sector
employees and a workshop for registered jobseekers all say ``actifs`` or
``demandeurs-emploi``. What narrows them is written in their access conditions
(``conditions_acces``) or their name: « Être salarié du secteur privé », « Se former quand on
est intérimaire », « Être inscrit à France Travail ». An agent reads that and does not send a
retired visitor to a jobseekers' workshop; the search reads it the same way, and ranks such a
service below those that fit (it is still proposed: the agent may know better).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class Restriction:
    """A narrower public, found by SQL ``LIKE`` patterns on the lower-cased conditions and
    name; the desk's publics (``app.nomenclature``) that belong to it, and those that may."""

    name: str
    patterns: tuple[str, ...]
    met_by: frozenset[str]
    maybe: frozenset[str] = frozenset()


# In SQLite, lower() leaves accented letters as they are, and "_" stands for one of them.
RESTRICTIONS: tuple[Restriction, ...] = (
    # Temp workers: none of the desk's publics says a visitor is one.
    # (Not every mention: the PTP is for employees, "CDD et intérimaires" included.)
    Restriction(
        "interimaires",
        ("%on est int_rimaire%", "%travaill_ en int_rim%", "%int_rimaires uniquement%"),
        frozenset(),
    ),
    # Employees only; someone changing careers may still have a job, or may not.
    Restriction(
        "salaries",
        ("%tre salari_%", "%salari_s du secteur%", "%pour les salari_s%"),
        frozenset({"salarie"}),
        frozenset({"reconversion", "independant"}),
    ),
    # Registered jobseekers only.
    Restriction(
        "demandeurs-emploi",
        ("%tre inscrit% france travail%", "%tre demandeur% d_emploi%"),
        frozenset({"demandeur-emploi"}),
        frozenset({"reconversion", "sans-activite", "exile-refugie"}),
    ),
)


def unmet(public: str | None, params: dict[str, Any]) -> str:
    """A SQL expression on service ``s``: 2 when the service is meant for a narrower public
    the visitor does not belong to, 1 when they may belong to it (an employee's service for
    someone changing careers), else 0; "0" when the visitor's public is unknown."""
    if not public or public == "autre":
        return "0"
    surely: list[str] = []
    maybe: list[str] = []
    for index, restriction in enumerate(RESTRICTIONS):
        if public in restriction.met_by:
            continue
        tests = maybe if public in restriction.maybe else surely
        for number, pattern in enumerate(restriction.patterns):
            key = f"r{index}_{number}"
            params[key] = pattern
            tests.append(f"lower(COALESCE(s.conditions_acces, '') || ' ' || s.nom) LIKE :{key}")
    cases = [f"WHEN {' OR '.join(t)} THEN {n}" for n, t in ((2, surely), (1, maybe)) if t]
    return f"(CASE {' '.join(cases)} ELSE 0 END)" if cases else "0"
