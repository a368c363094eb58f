"""Services meant for a narrower public than their ``publics`` say.

data·inclusion's publics are broad: a fund for temp workers, a permanence for private-sector
employees and a workshop for registered jobseekers all say ``actifs`` or
``demandeurs-emploi``. What narrows them is written in their access conditions
(``conditions_acces``) or their name: « Être salarié du secteur privé », « Se former quand on
est intérimaire », « Être inscrit à France Travail ». An agent reads that and does not send a
retired visitor to a jobseekers' workshop; the search reads it the same way, and ranks such a
service below those that fit (it is still proposed: the agent may know better).

Ages are read the same way, in the conditions, the name and ``publics_precisions``:
« Avoir entre 16 et 25 ans » is no service for a pupil of 15, whatever its ``publics``
(``jeunes``) say; « 29 ans pour les jeunes reconnus travailleurs handicapés » or « 15 ans si
la classe de troisième est achevée » widen what may fit.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from sqlalchemy.orm import Session


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


# The desk's age bands (``app.nomenclature``), as the youngest and oldest age they hold.
AGE_BANDS: dict[str, tuple[int, int]] = {
    "moins-16": (0, 15),
    "16-25": (16, 25),
    "26-44": (26, 44),
    "45-54": (45, 54),
    "55-plus": (55, 150),
}
_N = r"(\d{1,2})\s*ans"
_RANGE = re.compile(r"(\d{1,2})\s*(?:ans\s*)?(?:et|à|au|-|–)\s*" + _N)
_FROM = re.compile(r"(?:au moins|à partir de|dès|plus de)\s*(?:l[’']âge de\s*)?" + _N)
_FROM_AFTER = re.compile(_N + r"\s*(?:et plus|ou plus|minimum|révolus)")
_UNDER = re.compile(r"(?:moins de|jusqu[’']à)\s*" + _N)
_BARE = re.compile(r"\b" + _N)
_NOT_AGE_BEFORE = re.compile(
    r"(?:depuis|pendant|il y a|durée de|durant)\s*(?:plus de|moins de)?\s*$"
)
_NOT_AGE_AFTER = re.compile(r"^\s*(?:d[’']|de )(?:expérience|ancienneté|activité|résidence)")
_NO_LIMIT = re.compile(r"(?:pas de|sans) limite d[’']âge")


def _is_age(text: str, match: re.Match[str]) -> bool:
    return not (
        _NOT_AGE_BEFORE.search(text[max(0, match.start() - 20) : match.start()])
        or _NOT_AGE_AFTER.match(text[match.end() :])
    )


# Called by SQL for every candidate row of a search: a cache smaller than the directory would
# be swept on each search (least recently used, in a cycle) and hit nothing.
@lru_cache(maxsize=1 << 16)
def age_range(text: str) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """The ages a service's conditions and name say it is for, and the wider ones they let
    in by exception; None when they say no age."""
    text = text.lower()
    low, high, spans = 0, 150, []
    for pattern, kind in ((_RANGE, "range"), (_FROM, "from"), (_FROM_AFTER, "from"),
                          (_UNDER, "under")):  # fmt: skip
        for match in pattern.finditer(text):
            if not _is_age(text, match):
                continue
            spans.append(match.span())
            numbers = [int(n) for n in match.groups()]
            if kind == "range" and 10 <= numbers[0] < numbers[1]:
                low, high = max(low, numbers[0]), min(high, numbers[1])
            elif kind == "from" and numbers[0] >= 10:
                low = max(low, numbers[0] + ("plus de" in match[0]))
            elif kind == "under" and numbers[0] >= 10:
                high = min(high, numbers[0] - ("moins de" in match[0]))
    if (low, high) == (0, 150) or low > high:
        return None
    wide_low, wide_high = low, high
    if _NO_LIMIT.search(text):
        wide_low, wide_high = 0, 150
    for match in _BARE.finditer(text):
        inside = any(a <= match.start() < b for a, b in spans)
        if not inside and _is_age(text, match) and int(match[1]) >= 10:
            wide_low, wide_high = min(wide_low, int(match[1])), max(wide_high, int(match[1]))
    return (low, high), (wide_low, wide_high)


def _age_unmet(text: str | None, low: int, high: int) -> int:
    """2 when a service's ages leave out the visitor's band even by exception, 1 when only
    an exception lets it in, else 0."""
    ages = age_range(text or "")
    if ages is None:
        return 0
    (strict_low, strict_high), (wide_low, wide_high) = ages
    if high < wide_low or low > wide_high:
        return 2
    return 1 if high < strict_low or low > strict_high else 0


def register(session: Session) -> None:
    """Make ``age_unmet()`` known to the session's SQLite connection, once for the life of
    that connection (the pool keeps it, and what it was told, from one search to the next)."""
    pooled = session.connection().connection
    if pooled.info.get("age_unmet"):
        return
    connection = pooled.driver_connection
    assert isinstance(connection, sqlite3.Connection)
    connection.create_function("age_unmet", 3, _age_unmet, deterministic=True)
    pooled.info["age_unmet"] = True


def unmet(public: str | None, params: dict[str, Any], age: str | None = None) -> str:
    """A SQL expression on service ``s``: 2 when the service is meant for a narrower public
    the visitor does not belong to, or for ages the visitor's band lies outside of; 1 when
    they may belong to it (an employee's service for someone changing careers, a young
    people's service open to a pupil of 15 by exception), else 0; "0" when the visitor's
    public and age are unknown. ``age_unmet()`` needs :func:`register`."""
    by_age = "0"
    if age in AGE_BANDS:
        params["age_low"], params["age_high"] = AGE_BANDS[age]
        # « Jeunes de 15 à 20 ans. » is as often said of the public as of the conditions.
        by_age = (
            "age_unmet(COALESCE(s.conditions_acces, '') || ' ' || s.nom || ' '"
            " || COALESCE(s.publics_precisions, ''), :age_low, :age_high)"
        )
    by_public = _public_unmet(public, params)
    if by_age == "0":
        return by_public
    return by_age if by_public == "0" else f"max({by_public}, {by_age})"


def _public_unmet(public: str | None, params: dict[str, Any]) -> str:
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
