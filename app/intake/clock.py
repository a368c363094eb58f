"""The desk's clock: now in the machine's time zone, a moment read on the machine's wall clock
(summer time's repeated and skipped hours included), and the bounds of a day.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta


def local_now() -> datetime:
    """Now, in the machine's time zone (aware)."""
    return datetime.now().astimezone()


def machine_local(moment: datetime) -> datetime:
    """``moment`` in the machine's own zone; a naive one is read as its wall clock.

    Of the two readings of a naive time, the one its ``fold`` asks for is taken when it
    shows that wall-clock time again (``fold=0``: summer time, in the hour that happens
    twice); a time the clocks skipped is read with the offset before the change, as
    :mod:`zoneinfo` does."""
    if moment.tzinfo is not None:
        return moment.astimezone()
    folds = (moment.fold, 1 - moment.fold)  # the reading asked for first
    readings = [moment.replace(fold=fold).astimezone().astimezone(UTC) for fold in folds]
    for utc in readings:
        if utc.astimezone().replace(tzinfo=None) == moment:
            return utc.astimezone()
    return max(readings).astimezone()


def day_bounds(day: date) -> tuple[datetime, datetime]:
    start = datetime.combine(day, datetime.min.time())
    return start, start + timedelta(days=1)


# How long the last save can be taken back (the notice's Undo, Ctrl+Z).
UNDO_SECONDS = 10
