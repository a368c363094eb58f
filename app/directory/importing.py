"""Importing a partner directory: each record checked on its own, valid ones stored.

Every format (data.inclusion JSON or CSV, Open Referral HSDS CSV, a plain spreadsheet) is
first read into a :class:`Batch` of data.inclusion-shaped records; this module then checks
each one with the official ``data-inclusion-schema`` and against the geography, stores the
valid ones (updating in place, never duplicating), names every refused one with its
reason, and retires what a full import of a source no longer holds. The file itself is
never changed; a file that cannot be read stores nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from app import textfile
from app.directory.search import clear_index, reindex
from app.directory.store import upsert_service, upsert_structure
from app.lang import plural
from db.models import Commune, Departement, Epci, Service, Structure

MAX_FILE_BYTES = 50 * 2**20


@dataclass(frozen=True, slots=True)
class Refusal:
    """A record left out, and why (a French and an English sentence)."""

    kind: str  # "structure" or "service"
    label: str  # how the file names it: its id, or its line
    reason: tuple[str, str]

    def text(self, lang: str = "fr") -> str:
        what = {"structure": ("Structure", "Structure"), "service": ("Service", "Service")}[
            self.kind
        ]
        pick = 1 if lang == "en" else 0
        separator = ": " if lang == "en" else "\u00a0: "
        return f"{what[pick]} {self.label}{separator}{self.reason[pick]}"


@dataclass
class Batch:
    """What a reader found in the files, before any check."""

    format: str
    structures: list[tuple[str, dict[str, Any]]] = field(default_factory=list)
    services: list[tuple[str, dict[str, Any], list[str]]] = field(default_factory=list)
    refused: list[Refusal] = field(default_factory=list)


@dataclass
class ImportSummary:
    format: str
    sources: list[str] = field(default_factory=list)
    structures_added: int = 0
    structures_updated: int = 0
    services_added: int = 0
    services_updated: int = 0
    retired: int = 0
    refused: list[Refusal] = field(default_factory=list)

    def lines(self, lang: str = "fr") -> list[str]:
        def count(value: int, *forms: str) -> str:
            """Forms: French one, French other, English one, English other."""
            return plural(value, lang, (forms[0], forms[1], forms[2], forms[3]))

        structures = count(
            self.structures_added,
            "{count} structure ajoutée",
            "{count} structures ajoutées",
            "{count} structure added",
            "{count} structures added",
        )
        structures_updated = count(
            self.structures_updated,
            "{count} mise à jour",
            "{count} mises à jour",
            "{count} updated",
            "{count} updated",
        )
        services = count(
            self.services_added,
            "{count} service ajouté",
            "{count} services ajoutés",
            "{count} service added",
            "{count} services added",
        )
        services_updated = count(
            self.services_updated,
            "{count} mis à jour",
            "{count} mis à jour",
            "{count} updated",
            "{count} updated",
        )
        retired = count(
            self.retired, "{count} retiré", "{count} retirés", "{count} retired", "{count} retired"
        )
        refused = count(
            len(self.refused),
            "{count} refusé",
            "{count} refusés",
            "{count} refused",
            "{count} refused",
        )
        if lang == "en":
            head = (
                f"{self.format}: {structures}, {structures_updated}; {services},"
                f" {services_updated}; {retired}; {refused}."
            )
        else:
            head = (
                f"{self.format}\u00a0: {structures}, {structures_updated}\u202f; {services},"
                f" {services_updated}\u202f; {retired}\u202f; {refused}."
            )
        return [head, *(f"  – {refusal.text(lang)}" for refusal in self.refused)]


# --- reading a file safely ---------------------------------------------------------------


def read_text(path: Path) -> str:
    """A directory file's text (see :func:`app.textfile.read_text`)."""
    return textfile.read_text(path, MAX_FILE_BYTES)


# --- checking ------------------------------------------------------------------------------

_PYDANTIC: dict[str, tuple[str, str]] = {
    "missing": ("champ obligatoire absent", "required field missing"),
    "string_too_short": ("trop court", "too short"),
    "string_too_long": ("trop long", "too long"),
    "enum": ("valeur inconnue", "unknown value"),
    "literal_error": ("valeur inconnue", "unknown value"),
    "url_parsing": ("adresse web invalide", "invalid web address"),
    "url_scheme": ("adresse web invalide", "invalid web address"),
    "date_from_datetime_parsing": ("date illisible", "unreadable date"),
    "date_parsing": ("date illisible", "unreadable date"),
    "string_pattern_mismatch": ("format invalide", "invalid format"),
    "float_parsing": ("nombre attendu", "number expected"),
    "int_parsing": ("nombre entier attendu", "whole number expected"),
    "too_short": ("liste vide", "empty list"),
    "set_type": ("liste attendue", "list expected"),
    "list_type": ("liste attendue", "list expected"),
    "string_type": ("texte attendu", "text expected"),
}


def explain(errors: Sequence[Mapping[str, Any]]) -> tuple[str, str]:
    """The schema's complaints about a record, as one French and one English sentence."""
    french, english = [], []
    for error in errors[:3]:
        where = ".".join(str(p) for p in error.get("loc", ()) if not isinstance(p, int))
        kind = str(error.get("type", ""))
        if kind in _PYDANTIC:
            fr, en = _PYDANTIC[kind]
        else:  # the schema's own validators speak French already
            fr = en = str(error.get("msg", kind)).removeprefix("Value error, ")
        value = error.get("input")
        shown = f" («\u00a0{value}\u00a0»)" if isinstance(value, str) and kind != "missing" else ""
        shown_en = f" (“{value}”)" if shown else ""
        french.append(f"{where}\u00a0: {fr}{shown}")
        english.append(f"{where}: {en}{shown_en}")
    return "\u202f; ".join(french), "; ".join(english)


class _Geography:
    """The codes the checks need, read once per import."""

    def __init__(self, session: Session) -> None:
        self.communes = set(session.scalars(select(Commune.insee)))
        self.epci = set(session.scalars(select(Epci.code)))
        self.departements = set(session.scalars(select(Departement.code)))

    def zone_ok(self, code: str) -> bool:
        return (
            code in ("france", "99100")
            or code in self.communes
            or code in self.epci
            or code in self.departements
        )


def _check_places(record: dict[str, Any], geo: _Geography) -> tuple[str, str] | None:
    insee = record.get("code_insee")
    if insee and insee not in geo.communes:
        return (
            f"code_insee\u00a0: «\u00a0{insee}\u00a0» n’est pas une commune connue",
            f"code_insee: “{insee}” is not a known commune",
        )
    for code in record.get("zone_eligibilite") or []:
        if not geo.zone_ok(str(code)):
            return (
                f"zone_eligibilite\u00a0: code «\u00a0{code}\u00a0» inconnu",
                f"zone_eligibilite: unknown code “{code}”",
            )
    return None


# --- storing --------------------------------------------------------------------------------


def apply(
    session: Session,
    batch: Batch,
    *,
    full: bool = True,
    now: Callable[[], datetime] = lambda: datetime.now(UTC).replace(tzinfo=None),
) -> ImportSummary:
    """Check and store a batch in the caller's transaction; see the module docstring."""
    from data_inclusion.schema import v1
    from pydantic import ValidationError

    summary = ImportSummary(batch.format, refused=list(batch.refused))
    geo = _Geography(session)
    kept_structures: dict[str, dict[str, Any]] = {}
    for label, raw in batch.structures:
        try:
            record = v1.Structure.model_validate(raw).model_dump()
        except ValidationError as error:
            summary.refused.append(Refusal("structure", label, explain(error.errors())))
            continue
        problem = _check_places(record, geo)
        if problem:
            summary.refused.append(Refusal("structure", label, problem))
            continue
        kept_structures[record["id"]] = record
    known = set(kept_structures) | set(
        session.scalars(select(Structure.id).where(Structure.retired_at.is_(None)))
    )
    kept_services: list[tuple[dict[str, Any], list[str]]] = []
    for label, raw, documents in batch.services:
        try:
            record = v1.Service.model_validate(raw).model_dump()
        except ValidationError as error:
            summary.refused.append(Refusal("service", label, explain(error.errors())))
            continue
        if record["structure_id"] not in known:
            summary.refused.append(
                Refusal(
                    "service",
                    label,
                    (
                        f"structure inconnue «\u00a0{record['structure_id']}\u00a0»",
                        f"unknown structure “{record['structure_id']}”",
                    ),
                )
            )
            continue
        problem = _check_places(record, geo)
        if problem:
            summary.refused.append(Refusal("service", label, problem))
            continue
        kept_services.append((record, documents))

    existing_structures = set(session.scalars(select(Structure.id)))
    existing_services = set(session.scalars(select(Service.id)))
    for record in kept_structures.values():
        upsert_structure(session, record)
        if record["id"] in existing_structures:
            summary.structures_updated += 1
        else:
            summary.structures_added += 1
    session.flush()
    for record, documents in kept_services:
        upsert_service(session, record, documents)
        if record["id"] in existing_services:
            summary.services_updated += 1
        else:
            summary.services_added += 1
    session.flush()
    sources = sorted(
        {r["source"] for r in kept_structures.values()} | {r["source"] for r, _d in kept_services}
    )
    summary.sources = sources
    if full and sources:
        summary.retired = _retire(
            session, sources, set(kept_structures), {r["id"] for r, _d in kept_services}, now()
        )
    reindex(session, [r["id"] for r, _d in kept_services])
    return summary


def _retire(
    session: Session, sources: list[str], structures: set[str], services: set[str], when: datetime
) -> int:
    """Retire what these sources no longer publish (local entries are never touched)."""
    retired = 0
    model: type[Service] | type[Structure]
    for model, kept in ((Service, services), (Structure, structures)):
        live = session.scalars(
            select(model.id).where(
                model.source.in_(sources), model.retired_at.is_(None), model.is_local.is_(False)
            )
        )
        gone = [record_id for record_id in live if record_id not in kept]
        for start in range(0, len(gone), 500):
            session.execute(
                update(model)
                .where(model.id.in_(gone[start : start + 500]))
                .values(retired_at=when, updated_at=when)
            )
        if model is Service:
            clear_index(session, gone)
        retired += len(gone)
    return retired
