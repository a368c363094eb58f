"""The region's events (forums, information days, workshops), published by a coordinator
from the console or a file and sent to the desks in the change stream (kind ``event``,
:class:`core.wire.EventWire`); withdrawn, an event leaves a tombstone there.

A file is a JSON list of :class:`core.wire.EventWire` objects, or a CSV (UTF-8 or
Windows-1252, comma or semicolon) with the columns ``titre, debut, fin, code_insee,
adresse, organisateur, lien, description, publics, thematiques`` (codes separated by
``|``). A file is taken whole or refused whole, each bad line named.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Mapping
from datetime import date, datetime
from functools import cache
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from core import events, hours
from core.errors import DeskError
from core.i18n import gettext, language
from core.textfile import delimiter, read_text
from core.wire_timed import EventWire
from hub.directory import Published, lock, publish, tombstone
from hub.models import DirectoryEntry
from hub.places import places
from hub.service import HubError, now
from hub.time_models import RegionEvent

SOURCE = "console"
MAX_FILE = 2 * 2**20
MAX_ROWS = 2000
COLUMNS = (
    "titre", "debut", "fin", "code_insee", "adresse", "organisateur", "lien", "description",
    "publics", "thematiques",
)  # fmt: skip


def record_id(event_id: int) -> str:
    return f"event-{event_id}"


@cache
def _codes() -> tuple[frozenset[str], frozenset[str]]:
    """data·inclusion's publics, and its themes and their categories."""
    from data_inclusion.schema import v1

    themes = {t.value for t in v1.Thematique}
    # A whole category (``choisir-un-metier``) as well as one of its themes.
    return frozenset(p.value for p in v1.Public), frozenset(
        themes | {t.partition("--")[0] for t in themes}
    )


def _moment(typed: Any, what: str, insee: str) -> datetime:
    """A moment on the place's clock: one given with its offset (``…T08:00Z``) is turned
    to the place's time, not read as if it were."""
    try:
        moment = (
            typed if isinstance(typed, datetime) else datetime.fromisoformat(str(typed).strip())
        )
    except ValueError:
        raise ValueError(
            gettext("{what}\u00a0: une date et une heure attendues (2027-03-07 09:00)").format(
                what=what
            )
        ) from None
    if moment.tzinfo is not None:
        moment = moment.astimezone(hours.timezone_for(insee))
    return moment.replace(tzinfo=None, second=0, microsecond=0)


def _list(value: Any) -> list[str]:
    if isinstance(value, list):
        return [str(v).strip() for v in value if str(v).strip()]
    return [v.strip() for v in str(value or "").replace(",", "|").split("|") if v.strip()]


def checked(fields: Mapping[str, Any]) -> EventWire:
    """An event from its fields (the console's form, a file's line or object), or a
    ValueError in words."""
    title = " ".join(str(fields.get("title") or "").split())
    if not title:
        raise ValueError(gettext("le titre manque"))
    insee = str(fields.get("code_insee") or "").strip().upper()
    commune = places().names.get(insee) if insee in places().population else None
    if commune is None:
        raise ValueError(gettext("commune inconnue\u00a0: {code}").format(code=insee or "—"))
    starts_at = _moment(fields.get("starts_at"), gettext("Début"), insee)
    ends_at = _moment(fields.get("ends_at"), gettext("Fin"), insee)
    problem = events.problem(starts_at, ends_at)
    if problem:
        raise ValueError(gettext(problem))
    link = str(fields.get("lien") or "").strip()
    if link and not link.startswith(("https://", "http://")):
        raise ValueError(gettext("le lien doit commencer par https://"))
    publics, themes = _list(fields.get("publics")), _list(fields.get("thematiques"))
    known_publics, known_themes = _codes()
    unknown = [c for c in publics if c not in known_publics]
    unknown += [c for c in themes if c not in known_themes]
    if unknown:
        raise ValueError(gettext("codes inconnus\u00a0: {codes}").format(codes=", ".join(unknown)))
    try:
        return EventWire(
            title=title, starts_at=starts_at, ends_at=ends_at, code_insee=insee,
            commune=commune, adresse=" ".join(str(fields.get("adresse") or "").split()),
            organisateur=" ".join(str(fields.get("organisateur") or "").split()),
            lien=link, description=str(fields.get("description") or "").strip(),
            publics=sorted(set(publics)), thematiques=sorted(set(themes)),
        )  # fmt: skip
    except ValidationError as error:
        where = ", ".join(str(e["loc"][0]) for e in error.errors() if e["loc"])
        raise ValueError(gettext("champ refusé\u00a0: {where}").format(where=where)) from None


def add(session: Session, engine: Engine, event: EventWire, who: str) -> RegionEvent:
    """``event`` stored and published to the desks."""
    row = RegionEvent(**event.model_dump(), created_at=now(), created_by=who[:200])
    session.add(row)
    session.flush()
    lock(session, engine)
    publish(session, "event", record_id(row.id), SOURCE, event.model_dump(mode="json"), Published())
    return row


def withdraw(session: Session, engine: Engine, event_id: int) -> RegionEvent:
    row = session.get(RegionEvent, event_id, with_for_update=True)
    if row is None or row.withdrawn_at is not None:
        raise HubError("malformed", gettext("Événement inconnu ou déjà retiré."), 404)
    row.withdrawn_at = now()
    lock(session, engine)
    entry = session.get(DirectoryEntry, ("event", record_id(row.id)))
    if entry is not None and not entry.deleted:
        tombstone(session, entry)
    return row


def upcoming(session: Session, today: date) -> list[RegionEvent]:
    """The events not over before ``today``, soonest first."""
    start = datetime.combine(today, datetime.min.time())
    return list(
        session.scalars(
            select(RegionEvent)
            .where(RegionEvent.withdrawn_at.is_(None), RegionEvent.ends_at >= start)
            .order_by(RegionEvent.starts_at, RegionEvent.id)
        )
    )


def _rows(path: Path) -> list[Mapping[str, Any]]:
    """A file's events as field mappings (the wire's names)."""
    try:
        text = read_text(path, MAX_FILE)
    except DeskError as error:
        raise HubError("malformed", error.text(language())) from None
    if path.suffix.lower() == ".json":
        try:
            data = json.loads(text)
        except (ValueError, RecursionError) as error:  # bad JSON, a 5,000-digit number…
            raise HubError(
                "malformed", gettext("JSON illisible\u00a0: {e}").format(e=error)
            ) from None
        if not isinstance(data, list) or not all(isinstance(r, dict) for r in data):
            raise HubError("malformed", gettext("une liste d’événements attendue"))
        return data
    # newline="": a file saved as « CSV (Macintosh) » ends its lines with CR alone.
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter(text))
    try:
        named = [name.strip() for name in reader.fieldnames or []]
        rows = list(reader)
    except csv.Error as error:
        reason = gettext("CSV illisible\u00a0: {e}").format(e=error)
        raise HubError("malformed", reason) from None
    missing = [c for c in ("titre", "debut", "fin", "code_insee") if c not in named]
    if missing:
        raise HubError(
            "malformed", gettext("colonnes manquantes\u00a0: {c}").format(c=", ".join(missing))
        )
    renamed = {"titre": "title", "debut": "starts_at", "fin": "ends_at"}
    return [{renamed.get(k.strip(), k.strip()): v for k, v in row.items() if k} for row in rows]


def import_file(session: Session, engine: Engine, path: Path, who: str) -> int:
    """Every event of the file published, or none (a HubError naming each bad line)."""
    rows = _rows(path)
    if len(rows) > MAX_ROWS:
        raise HubError("malformed", gettext("plus de {n} événements").format(n=MAX_ROWS))
    good, bad = [], []
    for number, row in enumerate(rows, start=1):
        try:
            good.append(checked(row))
        except ValueError as error:
            bad.append(gettext("ligne {n}\u00a0: {reason}").format(n=number, reason=error))
    if bad:
        raise HubError("malformed", "\u00a0; ".join(bad[:20]) + (" …" if len(bad) > 20 else ""))
    if not good:
        raise HubError("malformed", gettext("aucun événement dans le fichier"))
    for event in good:
        add(session, engine, event, who)
    return len(good)
