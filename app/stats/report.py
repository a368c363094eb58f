"""The desk's activity report: its counts, from its own database, laid out by
:mod:`core.report.activity`."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from app.stats import queries as stats
from app.stats.labels import DeskLabeller
from core.errors import DeskError
from core.files import write_atomically
from core.report.activity import build_pdf, story
from core.stats.tables import StatsResult

if TYPE_CHECKING:
    from app.desk import Desk


def render_report(
    desk: Desk, start: date, end: date, lang: str = "fr", min_cell: int | None = None,
    made_on: date | None = None,
) -> bytes:  # fmt: skip
    """The report over ``start``..``end`` as PDF bytes. ``min_cell`` overrides the site's
    threshold; ``made_on`` is the day printed as the report's date (today by default)."""
    if end < start:
        raise DeskError("bad_period", start=start.isoformat(), end=end.isoformat())
    threshold = int(desk.settings.get("stats.min_cell") if min_cell is None else min_cell)
    made_on = made_on or desk.intake.today()
    site_name = str(desk.settings.get("site.name") or "")
    with desk.sessions() as session:
        labeller = DeskLabeller(session, desk.lists, desk.geography, lang)

        def count(by: tuple[str, ...]) -> StatsResult:
            return stats.compute(session, start, end, list(by), threshold)

        flowables, title = story(
            count, labeller, desk.lists, start, end, threshold, site_name, made_on
        )
    return build_pdf(flowables, title, site_name, lang)


def write_report(
    desk: Desk, start: date, end: date, path: Path | str, lang: str = "fr",
    min_cell: int | None = None, made_on: date | None = None,
) -> Path:  # fmt: skip
    """Write the report to ``path``; a failed write leaves no file behind."""
    pdf = render_report(desk, start, end, lang, min_cell, made_on)
    return write_atomically(path, pdf)
