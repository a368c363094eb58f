"""What the Région learns of its referrals: over a period, how many were issued, how many
people came (the show-up rate) and what followed, by partner, theme, site or territory
(EPCI), with small counts hidden like every table that leaves a site.

A referral is counted on the day its slip was printed, once, under one status
(:data:`core.outcomes.STATUSES`): the statuses add up to the referrals issued. Only the
referrals that went up with their slip code (desks of protocol 3) can be followed; those
are the ones counted here. A referral to a visitor with two themes counts under each.

**Hiding.** A table of codes by statuses, whose rows add up to the referrals issued by
code and whose columns to the region's (or the site's) count of each status. By a
characteristic of the visitors (partner, theme, territory), the issued count of a code
is itself a count that may be hidden, as in the table of that dimension alone
(:func:`core.disclosure.pair`); by site, how many referrals each site issued is shown
whole, as every volume is. A rate is shown only where none of the counts it is made of
is hidden. A site coordinator sees its own site's table and never the region's, so that
no count of one can be had from the other by subtraction.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy.orm import Session

from core import disclosure
from core.i18n import N_
from core.outcomes import CAME, STATUSES
from core.stats.tables import domain
from hub import referral_counts

DIMS = {
    "partner": N_("Partenaire"),
    "theme": N_("Thème"),
    "site": N_("Site"),
    "epci": N_("Intercommunalité (EPCI)"),
}
MARGIN = disclosure.MARGIN


@dataclass(frozen=True)
class Row:
    """A code's line: its referrals issued, each status's count, the share who came; a
    hidden count is None."""

    code: str
    issued: int | None
    counts: dict[str, int | None]
    came: float | None


@dataclass(frozen=True)
class Figures:
    dim: str
    rows: list[Row]
    total: Row
    no_news_days: int


def counts(
    session: Session, start: date, end: date, dim: str, today: date, no_news_days: int,
    site: str | None = None,
) -> Counter[tuple[str, str]]:  # fmt: skip
    """Referrals with a slip code printed over the period, by code of ``dim`` and status:
    those still held one by one, and the months kept only as counts (whole months only,
    refused in words otherwise)."""
    found: Counter[tuple[str, str]] = Counter()
    first = referral_counts.first_held(session)
    held_from = max(start, first) if first else start
    if held_from <= end:
        found.update(referral_counts.held(session, held_from, end, dim, today, no_news_days, site))
    if first is not None and start < first:
        stop = min(end + timedelta(days=1), first)
        found.update(referral_counts.summary(session, start, stop, dim, site))
    return found


def figures(
    session: Session, start: date, end: date, dim: str, today: date, no_news_days: int,
    min_cell: int, site: str | None = None,
) -> Figures:  # fmt: skip
    """The table of ``dim`` over the period (one site's with ``site``), hidden."""
    found = counts(session, start, end, dim, today, no_news_days, site)
    issued: Counter[str] = Counter()
    by_status: Counter[str] = Counter()
    for (code, state), n in found.items():
        issued[code] += n
        by_status[state] += n
    known = () if dim in ("site", "partner") else domain(dim, start, end)
    if dim == "site":  # a volume: each site's count is shown whole
        table = disclosure.two_way(found, None, by_status, ((), STATUSES))
        # The statuses' totals as every other table of the period hides them (by partner,
        # theme…: :func:`core.disclosure.pair` decides them alone), or one fills the other in.
        alone = disclosure.hide(disclosure.one_way(dict(by_status)), min_cell)
        for margin in table.margins:
            table.published[margin] = margin[1] in alone
        hidden = disclosure.hide(table, min_cell)
    else:
        rows = {code: issued.get(code, 0) for code in (*known, *issued)}
        hidden = disclosure.pair(found, rows, by_status, min_cell, (known, STATUSES))

    def row(code: str, counted: dict[str, int], issued_n: int, margin: bool) -> Row:
        shown: dict[str, int | None] = {}
        for state in STATUSES:
            cell = (MARGIN, state) if margin else (code, state)
            shown[state] = None if cell in hidden else counted.get(state, 0)
        whole = None if (code, MARGIN) in hidden else issued_n
        came = None
        if whole and all(n is not None for n in shown.values()):
            came = sum(shown[s] or 0 for s in CAME) / whole
        return Row(code, whole, shown, came)

    lines = [
        row(code, {s: found.get((code, s), 0) for s in STATUSES}, n, False)
        for code, n in issued.most_common()
    ]
    total = row("", dict(by_status), sum(issued.values()), True)
    return Figures(dim, lines, total, no_news_days)
