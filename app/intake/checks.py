"""The checks of a visit before it is stored: codes of the lists, the commune, the agent's
code, the note (no one's personal data), the services referred to and the moment."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta, tzinfo
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from app.geography import Geography
from app.intake.clock import machine_local
from app.intake.contact import ContactDraft
from app.nomenclature import Nomenclatures
from core.errors import DeskError, ValidationFailed
from core.fields import CONTACT_FIELDS
from core.privacy import find_personal_data
from db.models import Service

NOTE_MAX = 500
# An event's id in the hub's stream (its code on the wire).
_EVENT = re.compile(r"^[a-z0-9][a-z0-9-]{0,63}$")
_AGENT_CODE = re.compile(r"^[A-Za-z0-9]{1,8}$")
# A moment a few minutes ahead is a clock drift between machines, not a mistake.
_FUTURE_TOLERANCE = timedelta(minutes=5)
# Nothing this desk records can be older than the SPRO itself.
EARLIEST = date(2000, 1, 1)


def _dedupe(codes: Iterable[str]) -> list[str]:
    seen: dict[str, None] = {}
    for code in codes:
        code = code.strip()
        if code:
            seen.setdefault(code, None)
    return list(seen)


class DraftChecks:
    """What :meth:`validate` needs: the lists, the geography, the directory's services and
    the desk's clock."""

    def __init__(
        self,
        sessions: sessionmaker[Session],
        nomenclatures: Nomenclatures,
        geography: Geography,
        clock: Callable[[], datetime],
    ) -> None:
        self._sessions = sessions
        self._lists = nomenclatures
        self._geo = geography
        self._clock = clock

    def validate(self, draft: ContactDraft) -> ContactDraft:
        """The draft cleaned up (codes trimmed, duplicates removed, commune upper-cased),
        or :class:`ValidationFailed` naming every problem."""
        clean = self.checked(draft, self._clock())
        clean.moment = draft.moment
        return clean

    def checked(self, draft: ContactDraft, now: datetime) -> ContactDraft:
        """:meth:`validate` against the desk's time ``now`` (aware), read once by a caller
        that checks many drafts; the clean draft's moment, if it has one, is the aware
        local moment, as :meth:`local` reads it in the zone of ``now``."""
        problems: list[DeskError] = []
        clean = replace(
            draft,
            themes=_dedupe(draft.themes),
            answers=_dedupe(draft.answers),
            note=(draft.note or "").strip() or None,
            agent_code=(draft.agent_code or "").strip().upper() or None,
            referrals=_dedupe(draft.referrals),
        )
        for field in CONTACT_FIELDS:
            if not field.listed or field.multiple:
                continue  # several codes: checked below, each with its own message
            value = (getattr(clean, field.name) or "").strip()
            if field.required or value:
                setattr(clean, field.name, value)
                self._check_code(field.key, value, problems)
            else:
                setattr(clean, field.name, None)  # an optional code left blank
        if not clean.themes:
            problems.append(DeskError("need_one_theme", field="theme"))
        for code in clean.themes:
            self._check_code("theme", code, problems)
        if not clean.answers:
            problems.append(DeskError("need_one_answer", field="answer"))
        for code in clean.answers:
            self._check_code("answer", code, problems)
        if not clean.commune.strip():
            problems.append(DeskError("missing_value", field="commune"))
        else:
            try:
                clean.commune = self._geo.check_code(clean.commune)
            except DeskError as error:
                problems.append(error)
        if clean.place:
            try:
                clean.place = self._geo.check_code(clean.place)
            except DeskError as error:
                problems.append(error)
        if clean.event and not _EVENT.match(clean.event):
            problems.append(DeskError("unknown_event"))
        if clean.agent_code and not _AGENT_CODE.match(clean.agent_code):
            problems.append(DeskError("agent_code_invalid", field="agent_code"))
        if clean.note:
            problems.extend(self._check_note(clean.note))
        if clean.referrals:
            problems.extend(self._check_services(clean.referrals))
        if clean.moment is not None:
            clean.moment, problem = self._check_moment(clean.moment, clean.time_known, now)
            problems.extend(problem)
        if problems:
            raise ValidationFailed(problems)
        return clean

    def local(self, moment: datetime, zone: tzinfo | None = None) -> datetime:
        """``moment`` as an aware time of the desk's time zone (``zone``, that of the
        desk's clock unless given); a naive one is taken as the desk's local time
        (daylight saving included)."""
        if zone is None:
            zone = self._clock().tzinfo
        if isinstance(zone, ZoneInfo):
            aware = moment.replace(tzinfo=zone) if moment.tzinfo is None else moment
            # Through UTC and back: a time the clocks skipped in spring (02:30 on the last
            # Sunday of March) becomes the hour it really was (03:30), so the local and
            # UTC moments stored always agree.
            return aware.astimezone(UTC).astimezone(zone)
        return machine_local(moment)

    def _check_moment(
        self, moment: datetime, time_known: bool, now: datetime
    ) -> tuple[datetime, list[DeskError]]:
        """The aware local moment (:meth:`local`, in the zone of ``now``) and what is wrong
        with it; a moment too old to be read in a time zone is given back as it came."""
        if moment.year < EARLIEST.year:
            shown = f"{moment.day:02d}/{moment.month:02d}/{moment.year:04d}"
            too_old = DeskError(
                "moment_too_old", field="date", moment=shown, earliest=EARLIEST.year
            )
            return moment, [too_old]
        local = self.local(moment, now.tzinfo)
        # A tally with a date only is in the future only when its day is.
        future = local.date() > now.date() if not time_known else local > now + _FUTURE_TOLERANCE
        if future:
            shown = local.strftime("%d/%m/%Y %H:%M" if time_known else "%d/%m/%Y")
            return local, [DeskError("moment_in_future", field="date", moment=shown)]
        return local, []

    def _check_code(self, list_name: str, code: str, problems: list[DeskError]) -> None:
        if not code:
            problems.append(DeskError("missing_value", field=list_name))
            return
        item = self._lists.item(list_name, code)
        if item is None:
            choices = ", ".join(self._lists.active_codes(list_name))
            problems.append(DeskError("unknown_code", field=list_name, code=code, choices=choices))
        elif not item.active:
            problems.append(DeskError("inactive_code", field=list_name, code=code))

    def _check_services(self, service_ids: list[str]) -> list[DeskError]:
        with self._sessions() as session:
            known = set(
                session.scalars(
                    select(Service.id).where(
                        Service.id.in_(service_ids), Service.retired_at.is_(None)
                    )
                )
            )
        return [
            DeskError("unknown_service", field="referral", id=service_id)
            for service_id in service_ids
            if service_id not in known
        ]

    @staticmethod
    def _check_note(note: str) -> list[DeskError]:
        if len(note) > NOTE_MAX:
            return [DeskError("note_too_long", field="note", length=len(note), limit=NOTE_MAX)]
        hits = find_personal_data(note)
        return [
            DeskError("note_personal_data", field="note", kind=hit.kind, text=hit.text)
            for hit in hits[:1]
        ]
