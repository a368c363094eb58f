"""The region's lists (nomenclatures) as desks get them: the desk's shipped defaults, and
over them the items the hub published (``directory_entry`` of kind ``nomenclature``).

A code is never deleted nor reused for another meaning: retiring one publishes it with
``active`` false, and old records keep reading its label.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from core.fields import BY_KEY
from core.i18n import gettext
from core.lists import DEFAULT_LISTS
from hub import directory
from hub.directory import LISTS, Published
from hub.models import DirectoryChange, DirectoryEntry
from hub.service import HubError

KIND = "nomenclature"
# Each list's name, as the console shows it.
TITLES = {name: BY_KEY[name].label[0] for name in LISTS}
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


def publish_item(
    session: Session,
    engine: Engine,
    list_name: str,
    code: str,
    label_fr: str,
    label_en: str,
    position: int | str | None,
    active: bool,
) -> Published:
    """Publish one item of a list (added, or its labels, order or state changed), checked
    as a published file's are (:func:`hub.directory.list_item`). With no position, a
    known code keeps its own and a new one goes after the list's last."""
    if position is None or (isinstance(position, str) and not position.strip()):
        current = region_lists(session).get(list_name, [])
        same = [i.position for i in current if i.code == code.strip()]
        position = same[0] if same else min(999, max((i.position for i in current), default=-1) + 1)
    payload = directory.list_item(list_name, code, label_fr, label_en, position, active)
    report = Published()
    directory.lock(session, engine)
    record_id = f"{list_name}:{payload['code']}"
    directory.publish(session, KIND, record_id, REGION, payload, report)
    return report


def set_active(
    session: Session, engine: Engine, list_name: str, code: str, active: bool
) -> Published:
    """Retire a code (``active`` false) or put it back into service, with its labels and
    order as they are; a desk default is then published as a region item."""
    item = find(session, list_name, code)
    if item is None:
        title = TITLES.get(list_name, list_name)
        raise HubError(
            "not_found",
            gettext("Code inconnu dans la liste {title}\u00a0: «\u00a0{code}\u00a0».").format(
                title=title, code=code
            ),
            404,
        )
    return publish_item(
        session, engine, list_name, code, item.label_fr, item.label_en, item.position, active
    )
