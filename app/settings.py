"""The desk's settings, declared once with their type and default.

Values live in the desk database (table ``setting``), so that they are backed up and
restored with it. ``internal`` settings are the desk's own bookkeeping and cannot be set
from the command line. They are read once and kept in memory: the window asks for them
on its own thread, where no database is read. Any transaction of the desk's sessions
that changes a setting updates that copy once it is committed, whichever code wrote it.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any
from urllib.parse import urlparse

from core.errors import DeskError, Said, ValidationFailed
from core.i18n import N_

if TYPE_CHECKING:  # the specs are read by the window's first screen, before SQLAlchemy
    from sqlalchemy.orm import Session, UOWTransaction, sessionmaker


@dataclass(frozen=True, slots=True)
class SettingSpec:
    key: str
    kind: type
    default: Any
    choices: tuple[str, ...] = ()
    minimum: int | None = None
    maximum: int | None = None
    internal: bool = False
    # An INSEE code, checked against the geography.
    commune: bool = False
    # A code of this nomenclature list.
    list_name: str = ""
    url: bool = False

    def parse(self, raw: str) -> Any:
        """A value typed by a person, checked and converted; :class:`DeskError` otherwise."""
        value: Any
        if self.kind is bool:
            lowered = raw.strip().lower()
            if lowered in ("1", "true", "oui", "yes", "vrai", "on"):
                value = True
            elif lowered in ("0", "false", "non", "no", "faux", "off"):
                value = False
            else:
                raise self._refuse(raw, Said(N_("oui/non")))
        elif self.kind is int:
            try:
                value = int(raw.strip())
            except ValueError:
                raise self._refuse(raw, Said(N_("nombre entier"))) from None
            if self.minimum is not None and value < self.minimum:
                raise self._refuse(raw, f">= {self.minimum}")
            if self.maximum is not None and value > self.maximum:
                raise self._refuse(raw, f"<= {self.maximum}")
        else:
            value = raw.strip()
            if len(value) > 500:
                raise self._refuse(raw[:40] + "…", Said(N_("500 caractères au plus")))
        if self.choices and value not in self.choices:
            raise self._refuse(raw, " | ".join(self.choices))
        if self.url and value:
            parsed = urlparse(str(value))
            if parsed.scheme not in ("http", "https") or not parsed.netloc:
                raise self._refuse(raw, Said(N_("adresse web https://…")))
        return value

    def _refuse(self, raw: str, expected: str) -> DeskError:
        """``expected`` is said as it is (a range, the choices) or, a :class:`Said`,
        translated."""
        return DeskError("bad_setting_value", key=self.key, value=raw, expected=expected)


SPECS: dict[str, SettingSpec] = {
    spec.key: spec
    for spec in (
        SettingSpec("site.name", str, ""),
        SettingSpec("site.address", str, ""),
        SettingSpec("site.phone", str, ""),
        SettingSpec("site.commune", str, "", commune=True),
        SettingSpec("site.logo", str, ""),
        # The school-holiday zone the ``SH`` of opening hours follow; empty: the site
        # commune's (its département's académie).
        SettingSpec("site.school_zone", str, "", choices=("", "A", "B", "C", "corse", "outre-mer")),
        SettingSpec("site.id", str, "local", internal=True),
        SettingSpec("ui.language", str, "fr", choices=("fr", "en")),
        SettingSpec("defaults.channel", str, "sur-place", list_name="channel"),
        SettingSpec("notes.retention_days", int, 30, minimum=0, maximum=365),
        SettingSpec("slip.format", str, "a4", choices=("a4", "a5", "receipt")),
        SettingSpec("slip.printer", str, ""),
        # The folder a file dialog last went to (the user's documents until then).
        SettingSpec("ui.last_folder", str, "", internal=True),
        SettingSpec("slip.direct", bool, False),
        SettingSpec("stats.min_cell", int, 5, minimum=1, maximum=100),
        SettingSpec("hub.url", str, "", url=True),
        SettingSpec("geography.edition", str, "", internal=True),
        SettingSpec("geography.centres", str, "", internal=True),
        SettingSpec("directory.demo_loaded", bool, False, internal=True),
        SettingSpec("site.configured", bool, False, internal=True),
        SettingSpec("directory.index_version", int, 0, internal=True),
        SettingSpec("desk.id", str, "", internal=True),
        # Where the desk receives today, away from its site (app.intake.reception).
        SettingSpec("reception.day", str, "", internal=True),
        SettingSpec("reception.place", str, "", internal=True),
        SettingSpec("reception.event", str, "", internal=True),
        # Kept until the desk has enrolled with the hub (then replaced by the site token).
        SettingSpec("hub.pending_code", str, "", internal=True),
    )
}


_DELETED = object()
# What a session changed in the table, kept in its ``info`` until the commit.
_STAGED = "settings.staged"


class Settings:
    """Typed access to the settings stored in the desk database, kept in memory."""

    def __init__(
        self,
        sessions: sessionmaker[Session],
        clock: Callable[[], datetime] | None = None,
        check_commune: Callable[[str], str] | None = None,
        list_codes: Callable[[str], list[str]] | None = None,
    ) -> None:
        self._sessions = sessions
        self._clock = clock or (lambda: datetime.now(UTC).replace(tzinfo=None))
        self.check_commune = check_commune
        self.list_codes = list_codes
        self._stored: dict[str, Any] | None = None  # what the table holds, once read
        self._lock = threading.Lock()
        from sqlalchemy import event

        event.listen(sessions, "after_flush", self._note_flush)
        event.listen(sessions, "after_commit", self._apply_commit)
        event.listen(sessions, "after_rollback", self._drop_staged)

    def _stored_values(self) -> dict[str, Any]:
        stored = self._stored
        if stored is not None:
            return stored
        with self._lock:
            if self._stored is None:
                from sqlalchemy import select

                from db.models import Setting

                with self._sessions() as session:
                    rows = session.scalars(select(Setting))
                    self._stored = {row.key: row.value for row in rows}
            return self._stored

    @staticmethod
    def _note_flush(session: Session, _flush: UOWTransaction) -> None:
        from db.models import Setting

        staged: dict[str, Any] = session.info.setdefault(_STAGED, {})
        for row in (*session.new, *session.dirty):
            if isinstance(row, Setting):
                staged[row.key] = row.value
        for row in session.deleted:
            if isinstance(row, Setting):
                staged[row.key] = _DELETED

    def _apply_commit(self, session: Session) -> None:
        staged = session.info.pop(_STAGED, None)
        if not staged:
            return
        with self._lock:
            if self._stored is None:
                return  # read in full at the first ``get``
            stored = dict(self._stored)
            for key, value in staged.items():
                if value is _DELETED:
                    stored.pop(key, None)
                else:
                    stored[key] = value
            self._stored = stored

    @staticmethod
    def _drop_staged(session: Session) -> None:
        session.info.pop(_STAGED, None)

    def parse(self, key: str, raw: str) -> Any:
        """A value typed by a person for ``key``, checked (a :class:`DeskError` otherwise)."""
        spec = self.spec(key, public_only=True)
        value = spec.parse(raw)
        if spec.commune and value and self.check_commune is not None:
            value = self.check_commune(str(value))
        if spec.list_name and self.list_codes is not None:
            codes = self.list_codes(spec.list_name)
            if value not in codes:
                raise spec._refuse(raw, " | ".join(codes))
        return value

    @staticmethod
    def spec(key: str, *, public_only: bool = False) -> SettingSpec:
        spec = SPECS.get(key)
        if spec is None or (public_only and spec.internal):
            choices = ", ".join(k for k, s in SPECS.items() if not s.internal)
            raise DeskError("unknown_setting", key=key, choices=choices)
        return spec

    def get(self, key: str) -> Any:
        """The value of ``key`` (its default when never set), from memory."""
        spec = self.spec(key)
        return self._stored_values().get(key, spec.default)

    def all(self) -> dict[str, Any]:
        stored = self._stored_values()
        return {key: stored.get(key, spec.default) for key, spec in SPECS.items()}

    def set(self, key: str, value: Any) -> None:
        self.spec(key)
        with self._sessions.begin() as session:
            self.write(session, key, value)

    def set_text(self, key: str, raw: str) -> Any:
        """Set a value typed by a person; returns the value stored."""
        value = self.parse(key, raw)
        self.set(key, value)
        return value

    def set_texts(self, raw: dict[str, str]) -> dict[str, Any]:
        """Set several values typed by a person: every one is checked first, then all are
        stored in one transaction, or none (:class:`ValidationFailed`)."""
        values: dict[str, Any] = {}
        problems: list[DeskError] = []
        for key, text in raw.items():
            try:
                values[key] = self.parse(key, text)
            except DeskError as error:
                problems.append(error)
        if problems:
            raise ValidationFailed(problems)
        with self._sessions.begin() as session:
            for key, value in values.items():
                self.write(session, key, value)
        return values

    def write(self, session: Session, key: str, value: Any) -> None:
        """Set ``key`` within the caller's transaction."""
        from db.models import Setting

        row = session.get(Setting, key)
        if row is None:
            session.add(Setting(key=key, value=value, updated_at=self._clock()))
        else:
            row.value = value
            row.updated_at = self._clock()
