"""The region's activity report: the shared report (:mod:`core.report.activity`), counted
across every site by the hub, with a section by site first."""

from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from core.report.activity import build_pdf, story
from core.stats.tables import StatsResult
from hub import stats
from hub.labels import RegionLabeller

SECTIONS: tuple[tuple[str, ...], ...] = (
    ("site",), ("public",), ("theme",), ("channel",), ("age",), ("gender",), ("epci",),
    ("partner",), ("answer",), ("day",),
)  # fmt: skip
REGION = "Ensemble des sites de la région"


def render_region_report(
    session: Session, start: date, end: date, made_on: date,
    min_cell: int = stats.MIN_CELL, lang: str = "fr", site: str | None = None,
) -> bytes:  # fmt: skip
    """The report over ``start``..``end`` as PDF bytes, small counts hidden; one site's
    with ``site`` (then without the section by site)."""
    labeller = RegionLabeller(session, lang)
    known = stats.totals(session, start, end)

    def count(by: tuple[str, ...]) -> StatsResult:
        return stats.compute(session, start, end, by, min_cell, site, known)

    sections = SECTIONS[1:] if site else SECTIONS
    heading = labeller("site", site) if site else REGION
    flowables, title = story(
        count,
        labeller,
        labeller.lists,
        start,
        end,
        min_cell,
        heading,
        made_on,
        sections,
    )
    return build_pdf(flowables, title, heading, lang)
