"""The region's directory and lists on the hub: imported, then published to desks as an
ordered log of changes (``directory_change``) that desks pull after a cursor.

Only what changed is published; a full import of a source retires, as tombstones, what
the source no longer holds. Records are checked by the official data.inclusion schema.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError
from sqlalchemy import Engine, select, text
from sqlalchemy.orm import Session

from core.directory.validation import explain
from core.fields import LISTED
from core.i18n import gettext, language
from core.places import search_key
from hub.list_items import MAX_LABEL as MAX_LABEL
from hub.list_items import list_item as list_item
from hub.models import DirectoryChange, DirectoryEntry
from hub.service import HubError, now

MAX_FILE = 50 * 2**20
CONVERT_TIMEOUT_S = 300
LISTS = LISTED  # the lists desks pick a contact's codes from
# The wire's own code type: a list item's code must be one desks can push back.


@dataclass
class Published:
    added: int = 0
    changed: int = 0
    unchanged: int = 0
    retired: int = 0
    refused: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "added": self.added,
            "changed": self.changed,
            "unchanged": self.unchanged,
            "retired": self.retired,
            "refused": self.refused,
        }


@contextmanager
def as_datainclusion(path: Path) -> Iterator[tuple[Path, list[str]]]:
    """A data.inclusion JSON folder for ``path``, with the records its conversion refused:
    the folder itself, or, for a CSV folder, an HSDS folder or a spreadsheet, the one the
    desk's own command writes from it (``aiguillage directory convert``, run apart on a
    throw-away desk folder: the readers check places against the desk's geography
    tables, which the hub does not hold)."""
    names = {p.name.lower() for p in path.iterdir()} if path.is_dir() else set()
    if {"structures.json", "services.json"} <= names:
        yield path, []
        return
    with tempfile.TemporaryDirectory(prefix="aiguillage-hub-") as scratch:
        target = Path(scratch) / "datainclusion"
        # The desk's converter names what it refuses in the language of the report.
        desk = str(Path(scratch) / "desk")
        env = dict(os.environ, AIGUILLAGE_HOME=desk, AIGUILLAGE_LANG=language())
        command = [sys.executable, "-m", "ui.launcher", "directory", "convert", str(path)]
        try:
            done = subprocess.run(
                [*command, "-o", str(target)], capture_output=True, text=True, env=env,
                check=False, timeout=CONVERT_TIMEOUT_S,
            )  # fmt: skip
        except subprocess.TimeoutExpired:
            minutes = CONVERT_TIMEOUT_S // 60
            raise HubError(
                "malformed",
                gettext("conversion trop longue (plus de {minutes} min)").format(minutes=minutes),
            ) from None
        lines = done.stderr.strip().splitlines()
        if done.returncode != 0:
            raise HubError("malformed", (lines or [gettext("conversion impossible")])[-1])
        # The command names each record it refused on a line of its own.
        refused = done.stderr.splitlines()
        yield target, [line[4:] for line in refused if line.startswith("  – ")]


def _read(path: Path) -> str:
    if not path.is_file():
        raise HubError(
            "malformed", gettext("Fichier introuvable\u00a0: {name}").format(name=path.name), 404
        )
    if path.stat().st_size > MAX_FILE:
        raise HubError(
            "too_large",
            gettext("Fichier trop volumineux\u00a0: {name}").format(name=path.name),
            413,
        )
    raw = path.read_bytes().removeprefix(b"\xef\xbb\xbf")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="strict")


def _records(folder: Path, name: str) -> list[dict[str, Any]]:
    wanted = f"{name}.json"
    found = [p for p in folder.iterdir() if p.name.lower() == wanted] if folder.is_dir() else []
    if not found:
        raise HubError(
            "malformed", gettext("pas de {wanted} parmi les fichiers").format(wanted=wanted)
        )
    json_file = found[0]
    try:
        data = json.loads(_read(json_file))
    except (ValueError, RecursionError) as error:
        raise HubError(
            "malformed",
            gettext("{name}\u00a0: JSON invalide ({error})").format(
                name=json_file.name, error=error
            ),
        ) from None
    if not isinstance(data, list) or not all(isinstance(r, dict) for r in data):
        raise HubError(
            "malformed",
            gettext("{name}\u00a0: une liste d’enregistrements attendue").format(
                name=json_file.name
            ),
        )
    return data


def _hash(payload: dict[str, Any]) -> str:
    return hashlib.sha256(json.dumps(payload, sort_keys=True, default=str).encode()).hexdigest()


def describe(kind: str, record_id: str, payload: dict[str, Any]) -> tuple[str, str]:
    """What the console lists of an entry and the words it is found by: its name (a list
    item's French label), its town, its id; without case or accents."""
    if kind == "nomenclature":
        title = str(payload.get("label_fr") or record_id)
    else:
        title = str(payload.get("nom") or record_id)
    words = [title, str(payload.get("commune") or ""), str(payload.get("code_postal") or "")]
    return title[:300], search_key(" ".join([*words, record_id]))


def publishable(day: date) -> date:
    """``day`` (the region's, Paris's) as a record's ``date_maj`` data·inclusion's schema
    takes wherever it checks it (on the hub, on a desk): it refuses a date after its
    machine's today, and a machine on UTC is still on the day before from midnight to 1 or
    2 a.m. in Paris. A record checked then is dated the day before: never refused."""
    return min(day, date.today())


def lock(session: Session, engine: Engine) -> None:
    # Changes must become visible in the order of their numbers, or a desk could pass one by.
    if engine.dialect.name == "postgresql":
        session.execute(text("LOCK TABLE directory_change IN EXCLUSIVE MODE"))


def publish(
    session: Session,
    kind: str,
    record_id: str,
    source: str,
    payload: dict[str, Any],
    report: Published,
) -> None:
    entry = session.get(DirectoryEntry, (kind, record_id))
    checked = entry.verified_on if entry and entry.verified_on else None
    verified = publishable(checked).isoformat() if checked else ""
    # Checked by a coordinator since: the source's older date does not undo it.
    if kind != "nomenclature" and str(payload.get("date_maj") or "") < verified:
        payload = {**payload, "date_maj": verified}
    digest = _hash(payload)
    if entry is not None and entry.content_hash == digest and not entry.deleted:
        report.unchanged += 1
        return
    change = DirectoryChange(
        kind=kind, record_id=record_id, deleted=False, payload=payload, at=now()
    )
    session.add(change)
    session.flush()
    title, key = describe(kind, record_id, payload)
    if entry is None:
        entry = DirectoryEntry(
            kind=kind, record_id=record_id, source=source, content_hash=digest,
            seq=change.seq, title=title, search_key=key,
        )  # fmt: skip
        session.add(entry)
        report.added += 1
    else:
        entry.content_hash, entry.deleted, entry.seq, entry.source = (
            digest,
            False,
            change.seq,
            source,
        )
        entry.title, entry.search_key = title, key
        report.changed += 1
    if kind == "service":
        from hub.quality import score

        entry.quality = score(payload)[0]


def import_directory(
    session: Session,
    engine: Engine,
    folder: Path,
    *,
    full: bool = True,
    refused: list[str] | None = None,
) -> Published:
    """Import a data.inclusion JSON folder (``structures.json`` and ``services.json``);
    ``refused`` names the records its conversion already set aside, for the report."""
    from data_inclusion.schema import v1

    report = Published(refused=list(refused or []))
    structures, services = _records(folder, "structures"), _records(folder, "services")
    lock(session, engine)
    kept: dict[str, set[str]] = {"structure": set(), "service": set()}
    sources: set[str] = set()
    live = DirectoryEntry.deleted.is_(False)
    known = set(
        session.scalars(
            select(DirectoryEntry.record_id).where(DirectoryEntry.kind == "structure", live)
        )
    )
    for kind, rows, model in (
        ("structure", structures, v1.Structure),
        ("service", services, v1.Service),
    ):
        for index, raw in enumerate(rows, 1):
            record = _checked(kind, model, raw, index, known | kept["structure"], report)
            if record is not None:
                kept[kind].add(record["id"])
                sources.add(record["source"])
                publish(session, kind, record["id"], record["source"], record, report)
    if full and sources:
        report.retired += _retire(session, sources, kept)
    return report


def _checked(
    kind: str,
    model: type[BaseModel],
    raw: dict[str, Any],
    index: int,
    structures: set[str],
    report: Published,
) -> dict[str, Any] | None:
    """The record as the schema reads it, or None once the report says why it is refused
    (against the schema, or a service of a structure neither known nor imported)."""
    label = str(raw.get("id") or f"n° {index}")
    try:
        record: dict[str, Any] = model.model_validate(raw).model_dump(mode="json")
    except ValidationError as error:
        french, english = explain(error.errors())
        reason = english if language() == "en" else french
        report.refused.append(f"{kind} {label}\u00a0: {reason}")
        return None
    if kind == "service" and record["structure_id"] not in structures:
        unknown = gettext("structure inconnue {id}").format(id=record["structure_id"])
        report.refused.append(f"service {label}\u00a0: {unknown}")
        return None
    return record


def _retire(session: Session, sources: set[str], kept: dict[str, set[str]]) -> int:
    """Tombstones for what ``sources`` held and no longer hold (a full import): how many."""
    gone = session.scalars(
        select(DirectoryEntry).where(
            DirectoryEntry.source.in_(sources), DirectoryEntry.deleted.is_(False),
            DirectoryEntry.kind.in_(("structure", "service")),
        )
    ).all()  # fmt: skip
    retired = 0
    for entry in gone:
        if entry.record_id in kept[entry.kind]:
            continue
        tombstone(session, entry)
        retired += 1
    return retired


def tombstone(session: Session, entry: DirectoryEntry) -> None:
    """``entry`` withdrawn: a tombstone in the change stream retires it on every desk."""
    change = DirectoryChange(
        kind=entry.kind, record_id=entry.record_id, deleted=True, payload={}, at=now()
    )
    session.add(change)
    session.flush()
    entry.deleted, entry.seq = True, change.seq


def publish_lists(session: Session, engine: Engine, path: Path) -> Published:
    """Publish the region's lists: a JSON list of ``{list, code, label_fr, label_en,
    position, active}``. A code is never reused: a retired one stays, inactive. An item
    :func:`list_item` refuses is named in the report, with why; the others are published."""
    try:
        items = json.loads(_read(path))
    except (ValueError, RecursionError) as error:
        raise HubError(
            "malformed",
            gettext("{name}\u00a0: JSON invalide ({error})").format(name=path.name, error=error),
        ) from None
    if not isinstance(items, list):
        raise HubError(
            "malformed",
            gettext("{name}\u00a0: une liste d’éléments attendue").format(name=path.name),
        )
    report = Published()
    lock(session, engine)
    for index, item in enumerate(items, 1):
        if not isinstance(item, dict):
            report.refused.append(f"élément {index}\u00a0: objet attendu")
            continue
        name, code = str(item.get("list", "")), str(item.get("code", ""))
        try:
            payload = list_item(
                name, code, item.get("label_fr"), item.get("label_en"),
                item.get("position", 0), item.get("active", True),
            )  # fmt: skip
        except HubError as error:
            report.refused.append(f"élément {index} ({name}:{code})\u00a0: {error.message}")
            continue
        record_id = f"{name}:{payload['code']}"
        publish(session, "nomenclature", record_id, "region", payload, report)
    return report


def changes_after(session: Session, cursor: int, limit: int) -> tuple[list[DirectoryChange], int]:
    """The changes after ``cursor`` (at most ``limit``), and the newest change number."""
    rows = list(
        session.scalars(
            select(DirectoryChange)
            .where(DirectoryChange.seq > cursor)
            .order_by(DirectoryChange.seq)
            .limit(limit)
        )
    )
    last = (
        session.scalar(select(DirectoryChange.seq).order_by(DirectoryChange.seq.desc()).limit(1))
        or 0
    )
    return rows, int(last)
