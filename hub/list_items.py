"""The region's lists as the hub reads them: the desk's shipped defaults, overlaid by the
items the hub published (``directory_entry`` of kind ``nomenclature``). Publishing them is
:mod:`hub.lists`; this half reads only, so the checks of a pushed batch can use it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from pydantic import TypeAdapter, ValidationError
from sqlalchemy import select
from sqlalchemy.orm import Session

from core import wire
from core.fields import LISTED as LISTS
from core.i18n import gettext
from core.lists import DEFAULT_LISTS
from hub.models import DirectoryChange, DirectoryEntry
from hub.service import HubError

KIND = "nomenclature"
DEFAULT, REGION = "defaut", "region"


@dataclass(frozen=True)
class ListItem:
    """One code of a list as desks have it: ``origin`` says whether it is the desk's
    default (``defaut``) or the region's (``region``, published on ``published_at``);
    ``shipped`` whether the desk ships that code (a region item may override it)."""

    list_name: str
    code: str
    label_fr: str
    label_en: str
    position: int
    active: bool
    origin: str
    shipped: bool
    published_at: datetime | None = None


def _published(session: Session) -> dict[tuple[str, str], tuple[dict[str, Any], datetime]]:
    """The region's items, each with its current payload and when it was published."""
    rows = session.execute(
        select(DirectoryChange.payload, DirectoryChange.at)
        .join(DirectoryEntry, DirectoryEntry.seq == DirectoryChange.seq)
        .where(DirectoryEntry.kind == KIND, DirectoryEntry.deleted.is_(False))
    )
    found = {}
    for payload, at in rows:
        if isinstance(payload, dict) and payload.get("list") in LISTS and payload.get("code"):
            found[(str(payload["list"]), str(payload["code"]))] = (payload, at)
    return found


def region_lists(session: Session) -> dict[str, list[ListItem]]:
    """Every list (in ``LISTS`` order): the desk's defaults overlaid by the region's
    items, ordered as desks show them (by position, then code)."""
    published = _published(session)
    lists: dict[str, list[ListItem]] = {}
    for name in LISTS:
        items: dict[str, ListItem] = {}
        for position, (code, label_fr, label_en) in enumerate(DEFAULT_LISTS.get(name, [])):
            items[code] = ListItem(name, code, label_fr, label_en, position, True, DEFAULT, True)
        for (list_name, code), (payload, at) in published.items():
            if list_name != name:
                continue
            items[code] = ListItem(
                name, code, str(payload.get("label_fr") or code),
                str(payload.get("label_en") or code), _int(payload.get("position")),
                bool(payload.get("active", True)), REGION, code in items, at,
            )  # fmt: skip
        lists[name] = sorted(items.values(), key=lambda i: (i.position, i.code))
    return lists


def _int(value: Any) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return 0


def find(session: Session, list_name: str, code: str) -> ListItem | None:
    """The code of that list as desks have it, or None when it is neither a default nor
    published."""
    for item in region_lists(session).get(list_name, []):
        if item.code == code:
            return item
    return None


MAX_LABEL = 200
_WIRE_CODE: TypeAdapter[str] = TypeAdapter(wire.Code)


def list_item(
    name: str, code: str, label_fr: Any, label_en: Any, position: Any = 0, active: Any = True
) -> dict[str, Any]:
    """A list item as published, once checked (the console and ``publish_lists`` share
    this): a known list, a code the wire accepts (or desks could not push contacts using
    it), both labels (at most ``MAX_LABEL`` characters), an order from 0 to 999.
    Refused with a French ``HubError("malformed")`` saying what is wrong."""
    if name not in LISTS:
        raise HubError(
            "malformed", gettext("Liste inconnue\u00a0: «\u00a0{name}\u00a0».").format(name=name)
        )
    code = code.strip()
    if not code:
        raise HubError("malformed", gettext("Code\u00a0: à renseigner."))
    try:
        _WIRE_CODE.validate_python(code)
    except ValidationError:
        raise HubError(
            "malformed",
            gettext(
                "Code «\u00a0{code}\u00a0» refusé\u00a0: lettres minuscules sans accent,"
                " chiffres et tirets seulement (64 caractères au plus), en commençant par une"
                " lettre ou un chiffre, p.\u00a0ex. «\u00a0aide-mobilite\u00a0»."
            ).format(code=code[:80]),
        ) from None
    labels = []
    for label, what in (
        (label_fr, gettext("Libellé français")),
        (label_en, gettext("Libellé anglais")),
    ):
        clean = " ".join(label.split()) if isinstance(label, str) else ""
        if not clean:
            raise HubError("malformed", gettext("{what}\u00a0: à renseigner.").format(what=what))
        if len(clean) > MAX_LABEL:
            raise HubError(
                "malformed",
                gettext("{what}\u00a0: {max_label} caractères au plus ({count} saisis).").format(
                    what=what, max_label=MAX_LABEL, count=len(clean)
                ),
            )
        labels.append(clean)
    if isinstance(position, str) and position.strip().isdecimal():
        position = int(position.strip())
    if isinstance(position, bool) or not isinstance(position, int) or not 0 <= position <= 999:
        raise HubError("malformed", gettext("Ordre\u00a0: un nombre entier de 0 à 999."))
    if not isinstance(active, bool):
        raise HubError("malformed", gettext("En service\u00a0: true ou false attendu."))
    return {
        "list": name, "code": code, "label_fr": labels[0], "label_en": labels[1],
        "position": position, "active": active,
    }  # fmt: skip
