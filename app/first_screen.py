"""What the window's first screen shows, read with the standard library's ``sqlite3``.

An everyday start shows the intake form and the day's journal before SQLAlchemy, the
models and the services are loaded: the settings, the lists the form offers and the day's
visits are read here with a few plain statements on the same database file, read-only,
exactly as the desk's services read them (``Settings``, ``Nomenclatures``,
``IntakeService.contacts_on``: same filters, same order). The desk is opened once the
window is shown. A start with anything to build or upgrade (no database yet, a schema or
reference data behind this release, the demo directory to load) gets ``None``: it takes
the long way, the desk opened first.
"""

from __future__ import annotations

import json
import logging
import sqlite3
from contextlib import closing
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from app.intake.clock import day_bounds
from app.intake.contact import ContactRecord, ReferralLine
from app.nomenclature import Nomenclatures, defaults_behind
from app.settings import SPECS
from core.lang import chosen_language
from core.lists import COMMUNE_SPECIAL, LIST_NAMES, Item
from core.places import CENTRES_EDITION, GEOGRAPHY_EDITION, CommuneInfo

# The schema's revision this release's migrations end at (``db.migrate.HEAD``) and the
# directory's search index version (``app.directory.search_index``), known here without
# loading them; ``tests/app/test_first_screen.py`` checks that they agree.
SCHEMA_HEAD = "0009"
INDEX_VERSION = 2
log = logging.getLogger(__name__)

_CONTACT_COLUMNS = (
    "id, moment_local, time_known, channel, public, age, gender, commune, duration,"
    " first_visit, agent_code, note, status, version, synced_version, place, event, batch"
)


@dataclass(frozen=True, slots=True)
class FirstScreen:
    """The settings, lists and day's visits the window shows first."""

    stored: dict[str, Any]  # the settings' table, as ``Settings`` holds it
    lists: Nomenclatures
    day: date
    contacts: list[ContactRecord]
    communes: dict[str, CommuneInfo | None]  # the day's and the site's, as ``communes_of``

    def setting(self, key: str) -> Any:
        """As ``Settings.get``: the stored value, else the default."""
        return self.stored.get(key, SPECS[key].default)

    @property
    def language(self) -> str:
        """As ``Desk.language``."""
        return chosen_language() or str(self.setting("ui.language"))

    @property
    def active(self) -> int:
        return sum(1 for contact in self.contacts if not contact.cancelled)


def read_first_screen(database: Path, day: date) -> FirstScreen | None:
    """The first screen of an everyday start on ``day`` (the desk's today), or ``None``
    when the desk must open first (see the module)."""
    if not database.is_file():
        return None
    try:
        uri = f"{database.as_uri()}?mode=ro"
        # Not waiting on a writer: the long way does, with the window's own messages.
        with closing(sqlite3.connect(uri, uri=True, timeout=0.2)) as connection:
            connection.execute("BEGIN")  # one snapshot for every read, whoever writes
            return _read(connection, day)
    except Exception:
        log.warning("first screen not read: the desk opens first", exc_info=True)
        return None


def _read(connection: sqlite3.Connection, day: date) -> FirstScreen | None:
    versions = connection.execute("SELECT version_num FROM alembic_version").fetchall()
    if versions != [(SCHEMA_HEAD,)]:
        return None
    # The column's numeric affinity gives a number back as one, the rest as JSON text.
    stored = {
        key: json.loads(value) if isinstance(value, str) else value
        for key, value in connection.execute("SELECT key, value FROM setting")
    }
    contacts = _contacts(connection, day)
    codes = [c.commune for c in contacts] + [str(stored.get("site.commune") or "")]
    screen = FirstScreen(stored, _lists(connection), day, contacts, _communes(connection, codes))
    behind = (
        screen.setting("geography.edition") != GEOGRAPHY_EDITION
        or screen.setting("geography.centres") != CENTRES_EDITION
        or screen.setting("directory.index_version") != INDEX_VERSION
    )
    items = {
        (list_name, code): (origin, version)
        for list_name, code, origin, version in connection.execute(
            "SELECT list_name, code, origin, version FROM nomenclature_item"
        )
    }
    if behind or defaults_behind(items) or _wants_demo(connection, screen):
        return None
    return screen


def _wants_demo(connection: sqlite3.Connection, screen: FirstScreen) -> bool:
    """As the desk's opening decides to load the demo directory."""
    if screen.setting("directory.demo_loaded") or screen.setting("hub.url"):
        return False
    return not connection.execute("SELECT count(*) FROM structure").fetchone()[0]


def _lists(connection: sqlite3.Connection) -> Nomenclatures:
    """As ``Nomenclatures.reload``."""
    lists: dict[str, list[Item]] = {name: [] for name in LIST_NAMES}
    rows = connection.execute(
        "SELECT list_name, code, label_fr, label_en, active FROM nomenclature_item"
        " ORDER BY list_name, position, code"
    )
    for list_name, code, label_fr, label_en, active in rows:
        lists.setdefault(list_name, []).append(Item(code, label_fr, label_en, bool(active)))
    return Nomenclatures(None, read=lists)


def _stamp(moment: datetime) -> str:
    """A moment as SQLAlchemy stores it in SQLite, to compare with the stored text."""
    return moment.isoformat(" ", "microseconds")


def _contacts(connection: sqlite3.Connection, day: date) -> list[ContactRecord]:
    """As ``IntakeService.contacts_on(day)``: cancelled visits included, oldest first."""
    start, end = day_bounds(day)
    rows = connection.execute(
        f"SELECT {_CONTACT_COLUMNS} FROM contact WHERE moment_local >= ? AND moment_local < ?"
        " ORDER BY moment_utc, created_at",
        (_stamp(start), _stamp(end)),
    ).fetchall()
    ids = [row[0] for row in rows]
    themes = _codes(connection, "contact_theme", ids)
    answers = _codes(connection, "contact_answer", ids)
    referrals = _referrals(connection, ids)
    return [
        ContactRecord(
            id=row[0],
            moment_local=datetime.fromisoformat(row[1]),
            time_known=bool(row[2]),
            channel=row[3],
            public=row[4],
            age=row[5],
            gender=row[6],
            commune=row[7],
            themes=tuple(themes.get(row[0], ())),
            answers=tuple(answers.get(row[0], ())),
            duration=row[8],
            first_visit=None if row[9] is None else bool(row[9]),
            agent_code=row[10],
            note=row[11],
            status=row[12],
            version=row[13],
            synced_version=row[14],
            place=row[15],
            event=row[16],
            batch=row[17],
            referrals=tuple(referrals.get(row[0], ())),
        )
        for row in rows
    ]


def _marks(ids: list[str]) -> str:
    return ", ".join("?" * len(ids))


def _codes(connection: sqlite3.Connection, table: str, ids: list[str]) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    rows = connection.execute(
        f"SELECT contact_id, code FROM {table} WHERE contact_id IN ({_marks(ids)}) ORDER BY code",
        ids,
    )
    for contact_id, code in rows:
        found.setdefault(contact_id, []).append(code)
    return found


def _referrals(connection: sqlite3.Connection, ids: list[str]) -> dict[str, list[ReferralLine]]:
    """The active referrals of each contact, in the order they were made."""
    found: dict[str, list[ReferralLine]] = {}
    rows = connection.execute(
        "SELECT contact_id, service_id, service_name, structure_name, slip_code, presented_on,"
        " outcome FROM referral"
        f" WHERE contact_id IN ({_marks(ids)}) AND status = 'active' ORDER BY created_at, rowid",
        ids,
    )
    for contact_id, service_id, service_name, structure_name, code, came, outcome in rows:
        line = ReferralLine(service_id, service_name, structure_name, code,
                            date.fromisoformat(came) if came else None, outcome)  # fmt: skip
        found.setdefault(contact_id, []).append(line)
    return found


def _communes(connection: sqlite3.Connection, codes: list[str]) -> dict[str, CommuneInfo | None]:
    """As ``ui.places.communes_of`` (``Geography.get``): special answers left out, an
    unknown code ``None``."""
    special = {code for code, _fr, _en in COMMUNE_SPECIAL}
    wanted = sorted({code.upper() for code in codes if code and code not in special})
    found: dict[str, CommuneInfo | None] = dict.fromkeys(wanted)
    rows = connection.execute(
        "SELECT insee, name, departement, region, epci, population, postcodes FROM commune"
        f" WHERE insee IN ({_marks(wanted)})",
        wanted,
    )
    for insee, name, departement, region, epci, population, postcodes in rows:
        found[insee] = CommuneInfo(
            insee, name, departement, region, epci, population, tuple(postcodes.split())
        )
    return found
