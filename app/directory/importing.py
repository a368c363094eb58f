"""Importing a partner directory: each record checked on its own, valid ones stored.

Every format (data.inclusion JSON or CSV, Open Referral HSDS CSV, a plain spreadsheet) is
first read into a :class:`~app.directory.batch.Batch` of data.inclusion-shaped records;
this module then checks each one with the official ``data-inclusion-schema`` and against
the geography, stores the valid ones (updating in place, never duplicating), names every
refused one with its reason, and retires what a full import of a source no longer holds.
The file itself is never changed; a file that cannot be read stores nothing.

Nothing read is lost without a word: a refused record is named with every reason, a row
repeating another is named as a duplicate, and a code the geography no longer knows (a
commune merged since) is mapped to its current commune or dropped with a warning, the
record kept — as data·inclusion itself drops invalid codes.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from app.directory.batch import Batch, ImportSummary, Refusal
from app.directory.search_index import clear_index, reindex
from app.directory.store import upsert_service, upsert_structure
from core import textfile
from core.directory.validation import explain
from core.places import former_communes
from db.models import Commune, Departement, Epci, Service, Structure

MAX_FILE_BYTES = 50 * 2**20


# --- reading a file safely ---------------------------------------------------------------


def read_text(path: Path) -> str:
    """A directory file's text (see :func:`core.textfile.read_text`)."""
    return textfile.read_text(path, MAX_FILE_BYTES)


# --- checking ------------------------------------------------------------------------------


class _Geography:
    """The codes the checks need, read once per import."""

    def __init__(self, session: Session) -> None:
        self.communes: dict[str, str] = {
            insee: name for insee, name in session.execute(select(Commune.insee, Commune.name))
        }
        self.epci = set(session.scalars(select(Epci.code)))
        self.departements = set(session.scalars(select(Departement.code)))
        self.former = former_communes()

    def zone_ok(self, code: str) -> bool:
        return (
            code in ("france", "99100")
            or code in self.communes
            or code in self.epci
            or code in self.departements
        )

    def current(self, code: str) -> str | None:
        """The current commune of a former one the desk's geography still holds."""
        now = self.former.get(code)
        return now if now in self.communes else None


def _fix_places(record: dict[str, Any], geo: _Geography) -> list[tuple[str, str]]:
    """Map or drop, in ``record``, each code the geography does not know; say what was done.
    A stale code never costs the record: data·inclusion drops invalid codes the same way."""
    said: list[tuple[str, str]] = []
    insee = record.get("code_insee")
    if insee and insee not in geo.communes:
        now = geo.current(insee)
        record["code_insee"] = now
        if now:
            said.append(
                (
                    f"code_insee\u00a0: «\u00a0{insee}\u00a0» est une ancienne commune,"
                    f" remplacée par «\u00a0{now}\u00a0» ({geo.communes[now]})",
                    f"code_insee: “{insee}” is a former commune, replaced by “{now}”"
                    f" ({geo.communes[now]})",
                )
            )
        else:
            said.append(
                (
                    f"code_insee\u00a0: «\u00a0{insee}\u00a0» n’est pas une commune connue,"
                    " code retiré",
                    f"code_insee: “{insee}” is not a known commune, code left out",
                )
            )
    zones = record.get("zone_eligibilite")
    if zones:
        kept: list[str] = []
        for code in map(str, zones):
            if geo.zone_ok(code):
                kept.append(code)
                continue
            now = geo.current(code)
            if now:
                kept.append(now)
                said.append(
                    (
                        f"zone_eligibilite\u00a0: «\u00a0{code}\u00a0» est une ancienne"
                        f" commune, remplacée par «\u00a0{now}\u00a0» ({geo.communes[now]})",
                        f"zone_eligibilite: “{code}” is a former commune, replaced by"
                        f" “{now}” ({geo.communes[now]})",
                    )
                )
            else:
                said.append(
                    (
                        f"zone_eligibilite\u00a0: code «\u00a0{code}\u00a0» inconnu, retiré",
                        f"zone_eligibilite: unknown code “{code}”, left out",
                    )
                )
        record["zone_eligibilite"] = list(dict.fromkeys(kept)) or None
    return said


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

    summary = ImportSummary(
        batch.format,
        refused=list(batch.refused),
        duplicates=list(batch.duplicates),
        warnings=list(batch.warnings),
        rows=batch.rows,
        records_read=batch.records_read,
        unread=list(batch.unread),
    )
    geo = _Geography(session)
    kept_structures: dict[str, dict[str, Any]] = {}
    refused_structures: dict[str, tuple[str, str]] = {}
    for label, raw in batch.structures:
        try:
            record = v1.Structure.model_validate(raw).model_dump()
        except ValidationError as error:
            reason = explain(error.errors())
            refused_structures[str(raw.get("id") or label)] = reason
            if not batch.derived_structures:  # else said on each of its rows
                summary.refused.append(Refusal("structure", label, reason))
            continue
        for said in _fix_places(record, geo):
            summary.warnings.append(Refusal("structure", label, said))
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
        structure_id = record["structure_id"]
        if structure_id in refused_structures and structure_id not in known:
            told = refused_structures[structure_id] if batch.derived_structures else None
            summary.refused.append(
                Refusal("service", label, _structure_refused(structure_id, told))
            )
            continue
        if structure_id not in known:
            summary.refused.append(
                Refusal(
                    "service",
                    label,
                    (
                        f"structure inconnue «\u00a0{structure_id}\u00a0»",
                        f"unknown structure “{structure_id}”",
                    ),
                )
            )
            continue
        for said in _fix_places(record, geo):
            summary.warnings.append(Refusal("service", label, said))
        kept_services.append((record, documents))

    # A structure whose services were all refused is said; made from rows, it is not kept.
    served = {record["structure_id"] for record, _documents in kept_services}
    for label, raw in batch.structures:
        structure_id = str(raw.get("id"))
        if structure_id not in kept_structures or structure_id in served:
            continue
        if any(str(r.get("structure_id")) == structure_id for _l, r, _d in batch.services):
            summary.warnings.append(
                Refusal(
                    "structure",
                    label if not batch.derived_structures else f"«\u00a0{raw.get('nom')}\u00a0»",
                    (
                        "aucun de ses services n’a été accepté"
                        + (", elle n’est pas ajoutée" if batch.derived_structures else ""),
                        "none of its services was accepted"
                        + (", it is not added" if batch.derived_structures else ""),
                    ),
                )
            )
            if batch.derived_structures:
                del kept_structures[structure_id]

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


def _structure_refused(structure_id: str, reason: tuple[str, str] | None) -> tuple[str, str]:
    if reason is None:
        return (
            f"sa structure «\u00a0{structure_id}\u00a0» est refusée (voir plus haut)",
            f"its structure “{structure_id}” is refused (see above)",
        )
    return (
        f"sa structure est refusée\u00a0: {reason[0]}",
        f"its structure is refused: {reason[1]}",
    )


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
