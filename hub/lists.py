"""The region's lists (nomenclatures) as desks get them: the desk's shipped defaults, and
over them the items the hub published (``directory_entry`` of kind ``nomenclature``).

A code is never deleted nor reused for another meaning: retiring one publishes it with
``active`` false, and old records keep reading its label.
"""

from __future__ import annotations

from sqlalchemy import Engine
from sqlalchemy.orm import Session

from core.fields import BY_KEY
from core.i18n import gettext
from hub import directory
from hub.directory import LISTS, Published
from hub.list_items import KIND, REGION, find, region_lists
from hub.service import HubError

# Each list's name, as the console shows it.
TITLES = {name: BY_KEY[name].label.message for name in LISTS}


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
