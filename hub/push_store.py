"""Storing a desk's push: each record checked on its own (its shape, then the border's
checks), new records inserted with one statement, those already held compared.

The console's counts are kept as records arrive (:mod:`hub.facts`), in the same transaction.

Uniqueness is the database's: a record is inserted with ``ON CONFLICT DO NOTHING`` and,
when it was there already, compared with what is stored (never check-then-insert). Each
reason a record is rejected for is written in the language of the desk that sent it.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from pydantic import ValidationError
from sqlalchemy import Engine, select, text, update
from sqlalchemy.orm import Session

from core.i18n import N_, gettext
from core.wire import PAYLOADS, PROTOCOL, HubProtocol, Outcome, PushRecord, PushResult, protocol_of
from hub import dialect, facts, retention
from hub.checks import Border
from hub.models import Record, Site
from hub.service import now


@dataclass(frozen=True, slots=True)
class _Checked:
    record: PushRecord
    payload: dict[str, Any]
    content_hash: str


# How a payload's fault reads in a rejection (pydantic's error types).
FAULTS = {
    "missing": N_("manquant"), "extra_forbidden": N_("inconnu"), "string_pattern_mismatch":
    N_("caractères ou forme non admis"), "string_unicode": N_("texte illisible"),
    "string_too_long": N_("trop long"), "string_too_short": N_("trop court"),
    "too_long": N_("trop d’éléments"), "too_short": N_("vide"),
    "literal_error": N_("valeur non prévue"),
}  # fmt: skip


def printable(text: str, limit: int = 80) -> str:
    """Text a client sent, safe to repeat in an answer: no control character, no lone
    surrogate (which no JSON encoder writes), cut short."""
    kept = "".join(c if c.isprintable() and not 0xD800 <= ord(c) <= 0xDFFF else "?" for c in text)
    return kept[:limit]


def fault(error: ValidationError) -> str:
    """A payload's first fault: the field and what is wrong with it."""
    first = error.errors()[0]
    where = printable(".".join(str(p) for p in first.get("loc", ())))
    what = gettext(FAULTS.get(str(first.get("type")), N_("valeur invalide")))
    return gettext("{field}\u00a0: {fault}").format(field=where or gettext("contenu"), fault=what)


def _check(record: PushRecord, border: Border, accepted: frozenset[str]) -> _Checked | str:
    """The record's payload checked on its own: the clean payload, or why it is rejected.
    A field the hub's protocol does not accept is refused (a desk that read the protocol
    never sends one); one it accepts and the desk left out takes its default."""
    model = PAYLOADS[record.kind]
    unknown = sorted(set(record.payload) - accepted)
    if unknown:
        return gettext("{field}\u00a0: {fault}").format(
            field=printable(unknown[0]), fault=gettext(FAULTS["extra_forbidden"])
        )
    try:
        full = model.model_validate(record.payload).model_dump(mode="json")
    except ValidationError as error:
        return fault(error)
    clean = {name: value for name, value in full.items() if name in accepted}
    refused = border.reason(record.kind, clean)
    if refused:
        return refused[:300]
    encoded = json.dumps(clean, sort_keys=True, separators=(",", ":"))
    return _Checked(record, clean, hashlib.sha256(encoded.encode()).hexdigest())


def _insert_new(
    session: Session,
    engine: Engine,
    site: Site,
    fresh: dict[str, tuple[int, _Checked]],
    moment: datetime,
) -> set[str]:
    """Insert the batch's records the database does not hold yet; their ids."""
    if not fresh:
        return set()
    if dialect.on_postgres(session):
        return _insert_new_postgresql(session, site, [c for _i, c in fresh.values()], moment)
    rows = [
        {
            "id": checked.record.id,
            "kind": checked.record.kind,
            "site_id": site.id,
            "version": checked.record.version,
            "content_hash": checked.content_hash,
            "day": facts.day_of(checked.payload),
            "payload": checked.payload,
            "received_on": moment.date(),
            "updated_on": moment.date(),
        }
        for _index, checked in fresh.values()
    ]
    # One statement compiled once and cached (SQLAlchemy sends the rows as one multi-row
    # INSERT): a VALUES clause built per batch cost more than the insert.
    table = Record.__table__
    statement = dialect.insert(session, table).on_conflict_do_nothing(index_elements=["id"])
    statement = statement.returning(table.c.id)
    return set(session.connection().execute(statement, rows).scalars())


# The batch's columns an array each, its payloads one JSON array, zipped by position: one
# statement whose text never changes, and no payload escaped as an element of a text array
# (the driver's escaping of every quote of every payload cost more than the insert).
_INSERT_NEW = text(
    "INSERT INTO record"
    " (id, kind, site_id, version, content_hash, day, payload, received_on, updated_on)"
    " SELECT r.id, r.kind, :site_id, r.version, r.content_hash, r.day, p.payload, :on, :on"
    " FROM unnest(CAST(:ids AS varchar[]), CAST(:kinds AS varchar[]),"
    " CAST(:versions AS integer[]), CAST(:hashes AS varchar[]), CAST(:days AS date[]))"
    " WITH ORDINALITY AS r(id, kind, version, content_hash, day, n)"
    " JOIN jsonb_array_elements(CAST(:payloads AS jsonb)) WITH ORDINALITY AS p(payload, n)"
    " ON p.n = r.n"
    " ON CONFLICT DO NOTHING RETURNING id"
)


def _insert_new_postgresql(
    session: Session, site: Site, fresh: list[_Checked], moment: datetime
) -> set[str]:
    result = session.execute(
        _INSERT_NEW,
        {
            "site_id": site.id,
            "on": moment.date(),
            "ids": [c.record.id for c in fresh],
            "kinds": [c.record.kind for c in fresh],
            "versions": [c.record.version for c in fresh],
            "hashes": [c.content_hash for c in fresh],
            "days": [facts.day_of(c.payload) for c in fresh],
            "payloads": json.dumps([c.payload for c in fresh]),
        },
    )
    return set(result.scalars())


def store_push(
    session: Session,
    engine: Engine,
    site: Site,
    records: list[PushRecord],
    speaks: HubProtocol | None = None,
    desk: str = "",
) -> list[PushResult]:
    """Store a batch; one answer per record, in the order they came. New records go in
    with one statement; those the database already holds are compared one by one.
    ``speaks`` is the hub's protocol (its payload fields), this version's when None;
    ``desk``: the id of the desk that sent it (its referrals' slip codes are its own)."""
    speaks = speaks or protocol_of(PROTOCOL)
    moment, border = now(), Border(session)
    kept_from = retention.read(session, pushing=True).kept_from()
    answers: dict[int, PushResult] = {}
    fresh: dict[str, tuple[int, _Checked]] = {}
    for index, record in enumerate(records):
        checked = _check(record, border, speaks.accepted(record.kind))
        if isinstance(checked, str):
            answers[index] = _result(record, "rejected", checked)
        elif too_old := retention.refusal(record.kind, facts.day_of(checked.payload), kept_from):
            answers[index] = _result(record, "rejected", too_old)  # the period is gone
        elif record.id in fresh:  # the same id twice in one batch: the later is compared
            answers[index] = _result(record, "rejected", gettext("identifiant répété dans l’envoi"))
        else:
            fresh[record.id] = (index, checked)
    contacts = [i for i, (_n, c) in fresh.items() if c.record.kind == "contact"]
    for record_id in retention.summarised_ids(session, contacts):  # moved out of its month
        index, checked = fresh.pop(record_id)
        answers[index] = _result(checked.record, "rejected", gettext(
            "accueil déjà résumé avec son mois : le hub n’en garde que le compte"))  # fmt: skip
    inserted = _insert_new(session, engine, site, fresh, moment)
    for record_id, (index, checked) in fresh.items():
        if record_id in inserted:
            answers[index] = _result(checked.record, "accepted")
        else:
            answers[index] = _compare(session, site, checked.record, checked, moment)
    # What the console counts, kept with the records (a stale or repeated one changes none).
    facts.record(
        session,
        (
            facts.Stored(checked.record.kind, checked.record.id, site.id, checked.payload)
            for index, checked in fresh.values()
            if answers[index].outcome == "accepted"
        ),
        new=inserted,
        desk=desk,
    )
    site.last_sync_at = moment
    return [answers[i] for i in range(len(records))]


def _result(record: PushRecord, outcome: Outcome, reason: str | None = None) -> PushResult:
    return PushResult(
        kind=record.kind,
        id=record.id,
        version=record.version,
        outcome=outcome,
        reason=reason,
    )


def _compare(
    session: Session, site: Site, record: PushRecord, checked: _Checked, moment: datetime
) -> PushResult:
    stored = session.execute(
        select(
            Record.site_id, Record.kind, Record.version, Record.content_hash, Record.payload
        ).where(Record.id == record.id)
    ).one()
    if stored.site_id != site.id or stored.kind != record.kind:
        return _result(record, "rejected", gettext("identifiant déjà pris par un autre envoi"))
    if record.version < stored.version:
        return _result(record, "stale")
    if record.version == stored.version:
        if stored.content_hash == checked.content_hash or _same(
            record.kind, stored.payload, checked.payload
        ):
            return _result(record, "already_had")
        return _result(record, "conflict", gettext("même version, contenu différent"))
    # A newer version: the update only applies if nobody stored a newer one meanwhile.
    changed = session.execute(
        update(Record)
        .where(Record.id == record.id, Record.version < record.version)
        .values(
            version=record.version,
            content_hash=checked.content_hash,
            payload=checked.payload,
            day=facts.day_of(checked.payload),
            updated_on=moment.date(),
        )
    )
    if getattr(changed, "rowcount", 0):
        return _result(record, "accepted")
    return _compare(session, site, record, checked, moment)


def _same(kind: str, stored: dict[str, Any], sent: dict[str, Any]) -> bool:
    """Whether two payloads say the same once each field left out takes its default: a
    record stored by this hub before it learnt a field, sent again with that field at its
    default, is the same record."""
    model = PAYLOADS[kind]
    try:
        return bool(
            model.model_validate(stored).model_dump(mode="json")
            == model.model_validate(sent).model_dump(mode="json")
        )
    except ValidationError:
        return False
