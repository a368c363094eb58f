"""A structure's SPRO referent: the professional the agents call (name, phone, e-mail),
set by the coordinator on the structure's page. It goes to enrolled desks only, in the
change stream (kind ``referent``, protocol 5): never on the partner's page, never on a
slip, never in an export meant for the public. A referent withdrawn leaves a tombstone."""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass

from sqlalchemy import Engine
from sqlalchemy.orm import Session

from core.i18n import gettext
from core.wire_timed import ReferentWire
from hub.directory import Published, lock, publish, tombstone
from hub.models import DirectoryEntry
from hub.proposals import INVISIBLE, e164
from hub.service import HubError

SOURCE = "console"


@dataclass(frozen=True, slots=True)
class Referent:
    nom: str
    telephone: str | None
    courriel: str | None


def _refused(reason: str) -> HubError:
    return HubError(
        "malformed",
        gettext("Référent refusé, rien n’a changé\u00a0: {reason}.").format(reason=reason),
    )


def _phone(typed: str) -> str | None:
    if not typed:
        return None
    found = e164(typed)
    if found is None:
        said = gettext("«\u00a0{value}\u00a0» n’est pas un numéro valide")
        raise _refused(said.format(value=typed[:40]))
    return found


def _mail(typed: str) -> str | None:
    from email_validator import EmailNotValidError, validate_email

    if not typed:
        return None
    try:
        return str(validate_email(typed, check_deliverability=False).normalized)
    except EmailNotValidError:
        said = gettext("«\u00a0{value}\u00a0» n’est pas une adresse électronique")
        raise _refused(said.format(value=typed[:60])) from None


def from_form(form: Mapping[str, str]) -> Referent:
    """The referent typed on the structure's page, or a refusal in words."""
    typed = {k: form.get(k, "") for k in ("nom", "telephone", "courriel")}
    for value in typed.values():
        if any(unicodedata.category(c) in INVISIBLE for c in value):
            raise _refused(gettext("caractère invisible ou de mise en forme"))
    nom = " ".join(typed["nom"].split())
    if not 2 <= len(nom) <= 120:
        raise _refused(gettext("le nom manque"))
    telephone, courriel = _phone(typed["telephone"].strip()), _mail(typed["courriel"].strip())
    if telephone is None and courriel is None:
        raise _refused(gettext("un téléphone ou un courriel, au moins"))
    return Referent(nom, telephone, courriel)


def _live_structure(session: Session, structure_id: str) -> None:
    entry = session.get(DirectoryEntry, ("structure", structure_id))
    if entry is None or entry.deleted:
        raise HubError("malformed", gettext("Cette fiche n’est plus publiée."), 404)


def set_referent(session: Session, engine: Engine, structure_id: str, referent: Referent) -> None:
    """The structure's referent published to the desks (replacing the one before)."""
    _live_structure(session, structure_id)
    payload = ReferentWire(
        structure_id=structure_id, nom=referent.nom, telephone=referent.telephone,
        courriel=referent.courriel,
    ).model_dump(mode="json")  # fmt: skip
    lock(session, engine)
    publish(session, "referent", structure_id, SOURCE, payload, Published())


def withdraw(session: Session, engine: Engine, structure_id: str) -> None:
    lock(session, engine)
    entry = session.get(DirectoryEntry, ("referent", structure_id))
    if entry is None or entry.deleted:
        raise HubError("malformed", gettext("Ce partenaire n’a pas de référent."), 404)
    tombstone(session, entry)


def of_structure(session: Session, structure_id: str) -> Referent | None:
    """The structure's referent as published, if any."""
    from hub.models import DirectoryChange

    entry = session.get(DirectoryEntry, ("referent", structure_id))
    if entry is None or entry.deleted:
        return None
    change = session.get(DirectoryChange, entry.seq)
    if change is None:
        return None
    payload = change.payload
    return Referent(
        str(payload.get("nom") or ""), payload.get("telephone"), payload.get("courriel")
    )
