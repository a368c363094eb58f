"""The console's activity: the region's visits over a period, across sites, by one
dimension, small counts hidden; as CSV or XLSX, and the region's report as PDF.

The routes only read the request and show the page: what they show is computed by the
functions above them (``hub.stats``, ``core.exports``, the region's report)."""

from __future__ import annotations

import calendar
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from typing import Any
from urllib.parse import urlencode

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response
from sqlalchemy import select
from sqlalchemy.orm import Session

from core.exports import FORMATS, write
from core.i18n import N_, gettext, language
from core.report.activity import in_order
from core.report.text import percent
from core.stats.tables import StatsResult
from hub import stats
from hub.console.auth import Visitor
from hub.console.web import (
    REGION_OR_SITE,
    Console,
    ConsoleOf,
    Refused,
    own_site,
    thousands,
    today,
)
from hub.labels import RegionLabeller
from hub.models import Site
from hub.region_report import render_region_report

# The dimensions offered, as the page names them.
NAMES = {
    "site": N_("Site"), "epci": N_("Intercommunalité (EPCI)"), "public": N_("Public"),
    "theme": N_("Thème"), "channel": N_("Canal"), "partner": N_("Partenaire d’orientation"),
    "age": N_("Âge"), "gender": N_("Genre"), "answer": N_("Réponse apportée"),
    "place": N_("Lieu d’accueil"), "event": N_("Événement"), "month": N_("Mois"),
}  # fmt: skip
LONGEST = timedelta(days=3 * 366)


@dataclass(frozen=True)
class Query:
    start: date
    end: date
    by: str
    site: str
    then: str = ""  # a second dimension, crossed with the first
    uncrossed: bool = False  # a second dimension asked for one site, and left out

    @property
    def dims(self) -> list[str]:
        return [self.by, self.then] if self.then else [self.by]

    def params(self, **changes: str) -> str:
        values = {"du": self.start.isoformat(), "au": self.end.isoformat(), "par": self.by,
                  "puis": self.then, "site": self.site}  # fmt: skip
        values.update(changes)
        return urlencode(values)

    @property
    def file_stem(self) -> str:
        where = self.site or "region"
        return f"activite-{where}-{self.start:%Y%m%d}-{self.end:%Y%m%d}"


@dataclass(frozen=True)
class Line:
    label: str
    count: int | None
    text: str
    share: str


def month_bounds(day: date) -> tuple[date, date]:
    return day.replace(day=1), day.replace(day=calendar.monthrange(day.year, day.month)[1])


def presets(now: date) -> list[tuple[str, date, date]]:
    """The usual periods: this month, last month, this year, last year."""
    last_month = month_bounds(now.replace(day=1) - timedelta(days=1))
    year = gettext("Année {year}")
    return [
        (gettext("Ce mois-ci"), *month_bounds(now)),
        (gettext("Le mois dernier"), *last_month),
        (year.format(year=now.year), date(now.year, 1, 1), date(now.year, 12, 31)),
        (year.format(year=now.year - 1), date(now.year - 1, 1, 1), date(now.year - 1, 12, 31)),
    ]


def _day(value: str, name: str, default: date) -> date:
    if not value.strip():
        return default
    for shape in ("%Y-%m-%d", "%d/%m/%Y"):
        try:
            day = datetime.strptime(value.strip(), shape).date()
        except ValueError:
            continue
        if date(2000, 1, 1) <= day <= date(2099, 12, 31):
            return day
    said = gettext("{name}\u00a0: «\u00a0{value}\u00a0» n’est pas une date (JJ/MM/AAAA).")
    raise Refused(said.format(name=name, value=value[:40]), 400)


def read_period(request: Request) -> tuple[date, date]:
    """The period asked for (this month when none); a bad one is refused in words."""
    got = request.query_params
    first, last = month_bounds(today())
    start = _day(got.get("du", ""), "Du", first)
    end = _day(got.get("au", ""), "Au", last)
    if end < start:
        said = gettext("La période finit avant de commencer\u00a0: vérifiez les dates.")
        raise Refused(said, 400)
    if end - start > LONGEST:
        raise Refused(gettext("Trois ans au plus par période."), 400)
    return start, end


def read_query(request: Request) -> Query:
    """The period, dimension and site asked for; a bad one is refused with a message."""
    got = request.query_params
    start, end = read_period(request)
    by = got.get("par", "site")
    if by not in NAMES:
        raise Refused(gettext("Dimension inconnue\u00a0: {by}.").format(by=by[:40]), 400)
    site, then = got.get("site", ""), got.get("puis", "")
    if then and then not in NAMES:
        raise Refused(gettext("Dimension inconnue\u00a0: {by}.").format(by=then[:40]), 400)
    if site and by == "site":
        by = "public"  # one site by site says nothing
    if then == by:
        then = ""
    # A site's table of two dimensions and the region's, side by side, would give away a
    # count the site's hides (the region's less the other sites'): crossed tables are the
    # region's only, its table by site included.
    uncrossed = bool(site and then)
    return Query(start, end, by, site, "" if uncrossed else then, uncrossed)


@dataclass(frozen=True)
class Crossed:
    """A table of two dimensions as shown: the second's codes across, the first's down."""

    columns: list[str]
    rows: list[tuple[str, list[str]]]


def crossed(result: StatsResult, labeller: RegionLabeller) -> Crossed:
    """Each count, ``secret`` when hidden, zero where no visit came."""
    first, second = result.by
    cells = {(r[first], r[second]): r["count"] for r in result.rows}

    def ordered(dim: str, codes: set[str]) -> list[tuple[str, str]]:
        named = [(labeller(dim, code), code) for code in codes]
        return sorted(named, key=lambda n: n[1] if dim in stats.TIME else n[0].casefold())

    columns = ordered(second, {b for _a, b in cells})
    rows = []
    for label, a in ordered(first, {a for a, _b in cells}):
        shown = []
        for _name, b in columns:
            count = cells.get((a, b), 0)
            shown.append(gettext("secret") if count is None else thousands(count))
        rows.append((label, shown))
    return Crossed([name for name, _code in columns], rows)


def lines(result: StatsResult, labeller: RegionLabeller) -> list[Line]:
    """The table's rows as shown: the largest first (time in its order, ages and genders
    in their list's order), the hidden counts last."""
    dim = result.by[0]
    if dim == "month":
        ordered = [(labeller(dim, r[dim]), r) for r in sorted(result.rows, key=lambda r: r[dim])]
    else:
        ordered = in_order(result, labeller, labeller.lists)
    return [
        Line(
            label,
            r["count"],
            gettext("secret") if r["count"] is None else thousands(r["count"]),
            "" if r["count"] is None else percent(r["count"], result.total, language()),
        )
        for label, r in ordered
    ]


def scoped(who: Visitor, query: Query) -> Query:
    """A site coordinator's query is of its own site (another's is refused); the
    region's coordination asks what it likes."""
    if who.role == "region":
        return query
    own_site(who, query.site or who.site_id or "")
    if query.site:
        return query
    by = "public" if query.by == "site" else query.by
    return replace(query, site=who.site_id or "", by=by, then="", uncrossed=bool(query.then))


def site_choices(session: Session) -> list[tuple[str, str]]:
    return [(s.id, s.name) for s in session.scalars(select(Site).order_by(Site.name))]


def check_site(session: Session, query: Query) -> None:
    if query.site and session.get(Site, query.site) is None:
        raise Refused(gettext("Site inconnu\u00a0: {site}").format(site=query.site[:60]), 404)


def activity_context(session: Session, query: Query) -> dict[str, Any]:
    """What the activity page shows for ``query``: the table (one dimension, or two
    crossed), its lines, the key figures."""
    check_site(session, query)
    labeller = RegionLabeller(session, language())
    site = query.site or None
    known = stats.totals(session, query.start, query.end)  # one pass, for both
    result = stats.compute(session, query.start, query.end, query.dims, site=site, known=known)
    figures = stats.key_figures(session, query.start, query.end, site, known)
    shown = crossed(result, labeller) if query.then else lines(result, labeller)
    return {
        "result": result, "lines": shown, "figures": figures,
        "sites": site_choices(session),
        "site_name": labeller("site", query.site) if query.site else "",
    }  # fmt: skip


def one_table(session: Session, query: Query) -> bytes:
    """The CSV of the dimension asked for."""
    result = stats.compute(session, query.start, query.end, query.dims, site=query.site or None)
    return write("csv", [result], "fr", RegionLabeller(session))


def every_table(session: Session, query: Query) -> bytes:
    """The XLSX of every dimension, a sheet each, the totals first; the two crossed last
    when the page crosses two."""
    site = query.site or None
    dims: list[list[str]] = [[]] + [[d] for d in NAMES if not (site and d == "site")]
    dims += [query.dims] if query.then else []
    known = stats.totals(session, query.start, query.end)
    tables = [
        stats.compute(session, query.start, query.end, by, site=site, known=known) for by in dims
    ]
    return write("xlsx", tables, "fr", RegionLabeller(session))


def report(session: Session, query: Query) -> bytes:
    """The region's activity report (PDF)."""
    site = query.site or None
    return render_region_report(session, query.start, query.end, today(), site=site)


router = APIRouter()


@router.get("/activite", response_class=HTMLResponse)
async def activity(request: Request, console: ConsoleOf) -> HTMLResponse:
    who = await console.visitor(request, REGION_OR_SITE)
    query = scoped(who, read_query(request))
    context = await console.db(lambda session: activity_context(session, query))
    if who.role == "site":  # the other sites are not a site coordinator's to choose
        context["sites"] = [(i, n) for i, n in context["sites"] if i == who.site_id]
    return console.page(
        request, "activity.html", visitor=who, query=query,
        names={dim: gettext(name) for dim, name in NAMES.items()},
        presets=presets(today()), min_cell=stats.MIN_CELL,
        multiple=query.by in stats.MULTIPLE, volume=query.by in stats.VOLUMES, **context,
        both_volumes=all(d in stats.VOLUMES for d in query.dims),
    )  # fmt: skip


async def export(
    request: Request,
    console: Console,
    make: Callable[[Session, Query], bytes],
    name: str,
    media_type: str,
) -> Response:
    """A file of the period asked for (``name`` may use ``{stem}`` and ``{by}``)."""
    who = await console.visitor(request, REGION_OR_SITE)
    query = scoped(who, read_query(request))

    def work(session: Session) -> bytes:
        check_site(session, query)
        return make(session, query)

    filename = name.format(stem=query.file_stem, by="-".join(query.dims))
    return Response(
        await console.db(work), media_type=media_type,
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )  # fmt: skip


# Each download is a format of the registry (core/exports.py): its extension and type.
CSV, XLSX, PDF = FORMATS["csv"], FORMATS["xlsx"], FORMATS["pdf"]


@router.get("/activite/export.csv")
async def export_csv(request: Request, console: ConsoleOf) -> Response:
    return await export(request, console, one_table, CSV.file_name("{stem}-{by}"), CSV.mime)


@router.get("/activite/export.xlsx")
async def export_xlsx(request: Request, console: ConsoleOf) -> Response:
    return await export(request, console, every_table, XLSX.file_name("{stem}"), XLSX.mime)


@router.get("/activite/rapport.pdf")
async def export_report(request: Request, console: ConsoleOf) -> Response:
    return await export(request, console, report, PDF.file_name("rapport-{stem}"), PDF.mime)
