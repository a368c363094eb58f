"""Importing a partner directory: each record checked on its own, valid ones stored.

Every format (data.inclusion JSON or CSV, Open Referral HSDS CSV, a plain spreadsheet) is
first read into a :class:`~app.directory.batch.Batch` of data.inclusion-shaped records;
this module then checks each one with the official ``data-inclusion-schema`` and against
the geography (:mod:`app.directory.checks`: codes and coordinates), stores the valid ones
(updating in place, never duplicating), names every refused one with its reason, and
retires what a full import of a source no longer holds.
The file itself is never changed; a file that cannot be read stores nothing.

Nothing read is lost without a word: a refused record is named with every reason, a row
repeating another is named as a duplicate, and a code or coordinates the geography cannot
take are mapped or dropped with a warning, the record kept.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from app.directory.batch import Batch, Both, ImportSummary, Refusal, Sentence, Told, told
from app.directory.checks import Known, fix_places, near_its_commune, readable_point
from app.directory.search_index import clear_index, reindex
from app.directory.store import upsert_service, upsert_structure
from core import textfile
from core.directory.validation import explain
from core.i18n import N_
from db.models import Service, Structure

MAX_FILE_BYTES = 50 * 2**20


# --- reading a file safely ---------------------------------------------------------------


def read_text(path: Path) -> str:
    """A directory file's text (see :func:`core.textfile.read_text`)."""
    return textfile.read_text(path, MAX_FILE_BYTES)


# --- checking ------------------------------------------------------------------------------

Checked = dict[str, dict[str, Any]]  # structure id -> its record


def _checked(raw: dict[str, Any], model: Any, known: Known) -> tuple[dict[str, Any], list[Told]]:
    """A record through the schema and the geography, with what was said of it; the schema's
    :class:`~pydantic.ValidationError` when it refuses it."""
    raw = dict(raw)
    said = readable_point(raw)
    record: dict[str, Any] = model.model_validate(raw).model_dump()
    return record, fix_places(record, known) + said


def _check_structures(
    batch: Batch, known: Known, summary: ImportSummary
) -> tuple[Checked, dict[str, Sentence]]:
    """The structures kept, and the reason of each refused one by its id."""
    from data_inclusion.schema import v1
    from pydantic import ValidationError

    kept: Checked = {}
    refused: dict[str, Sentence] = {}
    for label, raw in batch.structures:
        try:
            record, said = _checked(raw, v1.Structure, known)
        except ValidationError as error:
            reason = Both(*explain(error.errors()))
            refused[str(raw.get("id") or label)] = reason
            if not batch.derived_structures:  # else said on each of its rows
                summary.refused.append(Refusal("structure", label, reason))
            continue
        said += near_its_commune(record, known, record.get("code_insee"))
        if not batch.derived_structures:  # else said on its row's service
            summary.warnings += [Refusal("structure", label, each) for each in said]
        kept[record["id"]] = record
    return kept, refused


def _check_services(
    batch: Batch,
    known: Known,
    summary: ImportSummary,
    structures: Checked,
    refused_structures: dict[str, Sentence],
    alive: set[str],
) -> list[tuple[dict[str, Any], list[str]]]:
    """The services kept, with their documents; ``alive``: the structures they may name."""
    from data_inclusion.schema import v1
    from pydantic import ValidationError

    kept: list[tuple[dict[str, Any], list[str]]] = []
    for label, raw, documents in batch.services:
        try:
            record, said = _checked(raw, v1.Service, known)
        except ValidationError as error:
            summary.refused.append(Refusal("service", label, Both(*explain(error.errors()))))
            continue
        structure_id = record["structure_id"]
        if structure_id not in alive:
            if structure_id in refused_structures:
                told_why = refused_structures[structure_id] if batch.derived_structures else None
                reason = _structure_refused(structure_id, told_why)
            else:
                reason = told(N_("structure inconnue «\u00a0{id}\u00a0»"), id=structure_id)
            summary.refused.append(Refusal("service", label, reason))
            continue
        # Without a commune of its own, a service is placed where its structure is.
        structure = structures.get(structure_id, {})
        commune = record.get("code_insee") or structure.get("code_insee")
        said += near_its_commune(record, known, commune)
        summary.warnings += [Refusal("service", label, each) for each in said]
        kept.append((record, documents))
    return kept


def _leave_unserved(
    batch: Batch,
    structures: Checked,
    services: list[tuple[dict[str, Any], list[str]]],
    summary: ImportSummary,
) -> None:
    """A structure whose services were all refused is said; made from rows, it is not kept."""
    served = {record["structure_id"] for record, _documents in services}
    for label, raw in batch.structures:
        structure_id = str(raw.get("id"))
        if structure_id not in structures or structure_id in served:
            continue
        if not any(str(r.get("structure_id")) == structure_id for _l, r, _d in batch.services):
            continue
        if batch.derived_structures:
            said = told(N_("aucun de ses services n’a été accepté, elle n’est pas ajoutée"))
            name = f"«\u00a0{raw.get('nom')}\u00a0»"
            summary.warnings.append(Refusal("structure", name, said))
            del structures[structure_id]
        else:
            said = told(N_("aucun de ses services n’a été accepté"))
            summary.warnings.append(Refusal("structure", label, said))


# --- storing --------------------------------------------------------------------------------


def apply(
    session: Session,
    batch: Batch,
    *,
    full: bool = True,
    now: Callable[[], datetime] = lambda: datetime.now(UTC).replace(tzinfo=None),
) -> ImportSummary:
    """Check and store a batch in the caller's transaction; see the module docstring."""
    summary = ImportSummary(
        batch.format,
        refused=list(batch.refused),
        duplicates=list(batch.duplicates),
        warnings=list(batch.warnings),
        rows=batch.rows,
        records_read=batch.records_read,
        unread=list(batch.unread),
    )
    known = Known(session)
    structures, refused_structures = _check_structures(batch, known, summary)
    alive = set(structures) | set(
        session.scalars(select(Structure.id).where(Structure.retired_at.is_(None)))
    )
    services = _check_services(batch, known, summary, structures, refused_structures, alive)
    _leave_unserved(batch, structures, services, summary)
    _store(session, structures, services, summary)
    summary.sources = sorted(
        {r["source"] for r in structures.values()} | {r["source"] for r, _d in services}
    )
    if full and summary.sources:
        service_ids = {r["id"] for r, _d in services}
        summary.retired = _retire(session, summary.sources, set(structures), service_ids, now())
    reindex(session, [r["id"] for r, _d in services])
    return summary


def _store(
    session: Session,
    structures: Checked,
    services: list[tuple[dict[str, Any], list[str]]],
    summary: ImportSummary,
) -> None:
    """Store each record in place of the one of its id, counting what was added or updated."""
    existing_structures = set(session.scalars(select(Structure.id)))
    existing_services = set(session.scalars(select(Service.id)))
    for record in structures.values():
        upsert_structure(session, record)
        if record["id"] in existing_structures:
            summary.structures_updated += 1
        else:
            summary.structures_added += 1
    session.flush()
    for record, documents in services:
        upsert_service(session, record, documents)
        if record["id"] in existing_services:
            summary.services_updated += 1
        else:
            summary.services_added += 1
    session.flush()


def _structure_refused(structure_id: str, reason: Sentence | None) -> Told:
    if reason is None:
        return told(
            N_("sa structure «\u00a0{id}\u00a0» est refusée (voir plus haut)"), id=structure_id
        )
    return told(N_("sa structure est refusée\u00a0: {reason}"), reason=reason)


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
