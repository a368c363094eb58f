"""The console's « Orientations »: what became of the referrals issued over a period, by
partner, theme, site or territory (:mod:`hub.referral_figures`), small counts hidden. The
region's coordination sees the region's; a site's coordinator, its own site's only."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any
from urllib.parse import urlencode

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse
from sqlalchemy.orm import Session

from core.formatting import percent
from core.i18n import gettext, language
from core.outcomes import COLUMNS, STATUSES
from hub import referral_figures, retention, stats
from hub.console.activity_pages import presets, read_period
from hub.console.web import REGION_OR_SITE, ConsoleOf, Refused, thousands, today
from hub.labels import RegionLabeller

router = APIRouter()


@dataclass(frozen=True)
class Shown:
    """A line of the table as the page writes it."""

    label: str
    issued: str
    counts: list[str]
    came: str


def shown(label: str, row: referral_figures.Row) -> Shown:
    def text(n: int | None) -> str:
        return gettext("secret") if n is None else thousands(n)

    came = "—" if row.came is None else percent(round(row.came * 1000), 1000, language())
    counts = [text(row.counts[state]) for state in STATUSES]
    return Shown(label, text(row.issued), counts, came)


def read(session: Session, start: date, end: date, by: str, site: str | None) -> dict[str, Any]:
    """The page's table, and the key figures (each referral once)."""
    days = retention.read(session).no_news_days
    made = referral_figures.figures(session, start, end, by, today(), days, stats.MIN_CELL, site)
    # Each referral counts once by partner, site or territory: their totals are the same,
    # hidden alike (core.disclosure.one_way of the statuses); by theme, a referral counts
    # under each theme, and the key figures are the table by partner's.
    whole = made if by != "theme" else referral_figures.figures(
        session, start, end, "partner", today(), days, stats.MIN_CELL, site
    )  # fmt: skip
    labeller = RegionLabeller(session, language())
    return {
        "rows": [shown(labeller(by, row.code), row) for row in made.rows],
        "total": shown(gettext("Ensemble"), whole.total),
        "issued": whole.total.issued or 0,  # a total of referrals: shown whole
        "summed": by != "theme",  # a referral counts under each of its visitor's themes
        "no_news_days": days,
        "site_name": labeller("site", site) if site else "",
    }  # fmt: skip


@router.get("/orientations", response_class=HTMLResponse)
async def page(request: Request, console: ConsoleOf) -> HTMLResponse:
    who = await console.visitor(request, REGION_OR_SITE)
    start, end = read_period(request)
    site = who.site_id if who.role == "site" else None
    names = {dim: gettext(name) for dim, name in referral_figures.DIMS.items()}
    if site:
        names.pop("site")
    by = request.query_params.get("par", "partner")
    if by not in names:
        raise Refused(gettext("Dimension inconnue\u00a0: {by}.").format(by=by[:40]), 400)
    context = await console.db(lambda s: read(s, start, end, by, site))
    links = [(label, urlencode({"du": a.isoformat(), "au": b.isoformat(), "par": by}))
             for label, a, b in presets(today())]  # fmt: skip
    return console.page(
        request, "referrals.html", visitor=who, start=start, end=end, by=by, names=names,
        statuses=[gettext(COLUMNS[state]) for state in STATUSES], periods=links,
        min_cell=stats.MIN_CELL, **context,
    )  # fmt: skip
