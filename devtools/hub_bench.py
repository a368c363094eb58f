"""``aiguillage-hub bench``: the hub's figures of the design, on a region it generates.

A region's year (1,200 sites of skewed sizes, ``contacts`` visits with their themes,
answers and referrals: :mod:`devtools.hub_region`) goes into a PostgreSQL the bench starts
with production settings (fsync on); the hub is then served as a region runs it
(``aiguillage-hub serve --workers N``) and a coordinator signed in to its console asks,
over HTTP, for every activity page of the year (the region's, the largest site's, a
table of two dimensions), the CSV, the XLSX and the PDF report; a bare ``count(*)`` over
the same rows is timed in the same run, so that each figure has its raw cost beside it.
Last, 500 desks push at once (:mod:`devtools.hub_burst`), on a database of their own.

Each page is asked for three times and its median kept (the first warms PostgreSQL's
cache as a page already asked for today would have, and works out what later asks of the
dimension reuse: its first ask is given too); each file is asked once of a hub started for
it, nothing of it worked out yet. ``keep``: a folder where the
generated region stays between runs (loaded once, then measured again as it is).
"""

from __future__ import annotations

import contextlib
import secrets
import statistics
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
from sqlalchemy import Engine, text
from sqlalchemy.orm import Session

from devtools import hub_burst, hub_region
from devtools.measure import plain_lines, ratio
from hub.config import make_engine
from hub.console.accounts import add_coordinator
from hub.console.activity_pages import NAMES
from hub.localpg import LocalPostgres, local_postgres
from hub.migrate import upgrade

# The design's table ("What fast and safe mean here"), the hub's lines.
GOALS: dict[str, float] = {
    "activity_page_s": 1.0,
    "referral_page_s": 1.0,
    "csv_s": 1.0,
    "xlsx_year_s": 5.0,
    "region_pdf_s": 15.0,
    "push_burst_p95_s": 5.0,
}
CONTACTS = 3_000_000  # a region's year: Auvergne-Rhône-Alpes received 3.2 million people
LOGIN = "banc"
__all__ = ["GOALS", "plain_lines", "run"]
YEAR = {"du": f"{hub_region.YEAR}-01-01", "au": f"{hub_region.YEAR}-12-31"}


def _region(postgres: LocalPostgres, contacts: int, seed: int) -> tuple[str, float | None]:
    """The region's database (loaded unless a kept one already holds this region) and how
    long loading took (``None`` when it was there)."""
    admin = make_engine(postgres.url("postgres"))
    with admin.connect() as connection:
        connection = connection.execution_options(isolation_level="AUTOCOMMIT")
        there = connection.scalar(text("SELECT 1 FROM pg_database WHERE datname = 'region'"))
        engine = make_engine(postgres.url("region")) if there else None
        if engine is not None and _loaded(engine) != (contacts, seed):
            engine.dispose()
            engine = None
            connection.execute(text("DROP DATABASE region"))
            there = False
        if not there:
            connection.execute(text("CREATE DATABASE region"))
    admin.dispose()
    url = postgres.url("region")
    if engine is not None:  # kept from an earlier run: brought up to date as a hub would be
        try:
            upgrade(engine)
        finally:
            engine.dispose()
        return url, None
    engine = make_engine(url)
    try:
        upgrade(engine)
        began = time.perf_counter()
        hub_region.load(engine, contacts, seed)
        loaded = time.perf_counter() - began
        with engine.begin() as connection:
            connection.execute(text("CREATE TABLE bench_region (contacts int, seed int)"))
            connection.execute(
                text("INSERT INTO bench_region VALUES (:c, :s)"), {"c": contacts, "s": seed}
            )
    finally:
        engine.dispose()
    return url, loaded


def _loaded(engine: Engine) -> tuple[int, int] | None:
    with engine.connect() as connection:
        try:
            row = connection.execute(text("SELECT contacts, seed FROM bench_region")).first()
            last = connection.scalar(text("SELECT max(day) FROM contact_fact"))
        except Exception:  # a region that never finished loading
            return None
    if row is None or last is None or last.year != hub_region.YEAR:
        return None  # a region of another year is not the one measured
    return int(row[0]), int(row[1])


@contextlib.contextmanager
def _signed_in(url: str, address: str) -> Iterator[httpx.Client]:
    """A coordinator's browser, signed in to the console."""
    password = secrets.token_urlsafe(18)
    login = f"{LOGIN}-{secrets.token_hex(4)}"  # one of its own each run, on a kept region
    engine = make_engine(url)
    with Session(engine) as session, session.begin():
        add_coordinator(session, login, "Banc d’essai", password)
    engine.dispose()
    with httpx.Client(base_url=address, timeout=600) as client:
        form = client.get("/console/login")
        token = form.text.split('name="form_token" value="', 1)[1].split('"', 1)[0]
        answer = client.post(
            "/console/login",
            data={"login": login, "password": password, "form_token": token, "next": ""},
        )
        if answer.status_code != 303:
            raise RuntimeError(f"the console refused the bench's coordinator: {answer.status_code}")
        yield client


def _times(work: Callable[[], object], repeat: int = 3) -> list[float]:
    times = []
    for _ in range(repeat):
        began = time.perf_counter()
        work()
        times.append(time.perf_counter() - began)
    return times


def _median_of(work: Callable[[], object], repeat: int = 3, digits: int = 3) -> float:
    return round(statistics.median(_times(work, repeat)), digits)


def _get(client: httpx.Client, path: str, params: dict[str, str]) -> Callable[[], object]:
    def work() -> object:
        answer = client.get(path, params={**YEAR, **params})
        if answer.status_code != 200:
            raise RuntimeError(f"{path} {params}: {answer.status_code} {answer.text[:300]}")
        return answer.content

    return work


PAGE = "/console/activite"


def _console(client: httpx.Client, sites: list[str], repeat: int) -> dict[str, Any]:
    """Each page of the year, for the region and for its largest site, asked ``repeat``
    times (their median kept, and the first ask of each: nothing of it worked out yet)."""
    largest = sites[0]
    first: dict[str, float] = {}

    def timed(params: dict[str, str]) -> float:
        took = _times(_get(client, PAGE, params), repeat)
        first[" ".join(f"{k}={v}" for k, v in sorted(params.items()))] = round(took[0], 3)
        return round(statistics.median(took), 3)

    pages: dict[str, float] = {}
    for dim in NAMES:
        pages[f"region/{dim}"] = timed({"par": dim})
        if dim != "site":
            pages[f"site/{dim}"] = timed({"par": dim, "site": largest})
    for where in ({}, {"site": largest}):
        name = "site" if where else "region"
        pages[f"{name}/public×theme"] = timed({"par": "public", "puis": "theme", **where})
    slowest = max(pages, key=pages.__getitem__)
    return {
        "activity_page_s": pages[slowest],
        "activity_page_slowest": slowest,
        # A dimension's table is hidden once for the region and every site, and a region's
        # month of two dimensions kept once: the first ask of a page pays for it.
        "activity_page_first_ask_s": max(first.values()),
        "activity_page_first_ask_slowest": max(first, key=first.__getitem__),
        "pages_s": pages,
        "first_asks_s": first,
    }


def _slips(url: str) -> float | None:
    """The region's referrals given slip codes and, for six in ten, a partner's word (as
    desks of protocol 3 and partners at work would have), when they have none yet; how long
    it took (``None``: there already)."""
    engine = make_engine(url)
    try:
        with engine.begin() as connection:
            if connection.scalar(text("SELECT count(*) FROM referral_slip")):
                return None
            began = time.perf_counter()
            connection.execute(text(
                "INSERT INTO referral_slip (record_id, code, desk_id, site_id, day, service_id,"
                " partner) SELECT f.record_id, upper(substr(md5(f.record_id), 1, 3)) || '-' ||"
                " upper(substr(md5(f.record_id), 4, 3)), 'banc-' || f.site_id, f.site_id, c.day,"
                " 'service', f.partner FROM referral_fact f JOIN contact_fact c"
                " ON c.record_id = f.contact_id ON CONFLICT DO NOTHING"
            ))  # fmt: skip
            connection.execute(text(
                "INSERT INTO referral_outcome (record_id, presented_on, outcome, outcome_on,"
                " changed_on) SELECT record_id, day + 5, (ARRAY['accompagnee', 'accompagnee',"
                " 'accompagnee', 'reorientee', 'non-eligible', 'pas-de-place', NULL])"
                "[1 + abs(hashtext(record_id)) % 7], day + 9, day + 9 FROM referral_slip"
                " WHERE abs(hashtext(record_id || 'x')) % 10 < 6"
            ))  # fmt: skip
        with engine.connect() as connection:
            connection.execution_options(isolation_level="AUTOCOMMIT").execute(
                text("VACUUM ANALYZE referral_slip, referral_outcome")
            )
        return time.perf_counter() - began
    finally:
        engine.dispose()


def _referral_pages(client: httpx.Client, repeat: int) -> dict[str, Any]:
    """« Orientations » over the year, by each dimension: median of ``repeat`` asks, and
    the first."""
    pages: dict[str, float] = {}
    first: dict[str, float] = {}
    for dim in ("partner", "theme", "site", "epci"):
        took = _times(_get(client, "/console/orientations", {"par": dim}), repeat)
        pages[dim], first[dim] = round(statistics.median(took), 3), round(took[0], 3)
    slowest = max(pages, key=pages.__getitem__)
    return {
        "referral_page_s": pages[slowest],
        "referral_page_slowest": slowest,
        "referral_pages_s": pages,
        "referral_first_asks_s": first,
    }


def _files(url: str, workers: int, largest: str) -> dict[str, Any]:
    """Each file asked once of a hub just started (nothing of it worked out in its
    processes yet): the CSV of three dimensions, the XLSX and the region's and a site's
    PDF report of the year."""
    asked = {
        "xlsx_year_s": (f"{PAGE}/export.xlsx", {}),
        "region_pdf_s": (f"{PAGE}/rapport.pdf", {}),
        "site_pdf_s": (f"{PAGE}/rapport.pdf", {"site": largest}),
        **{
            f"csv/{dim}": (f"{PAGE}/export.csv", {"par": dim})
            for dim in ("partner", "epci", "theme")
        },
    }
    took: dict[str, float] = {}
    for name, (path, params) in asked.items():
        with hub_burst.served(url, workers, None) as address, _signed_in(url, address) as client:
            took[name] = round(_times(_get(client, path, params), 1)[0], 3)
    csv = {name: took.pop(name) for name in list(took) if name.startswith("csv/")}
    return {**took, "csv_s": max(csv.values()), "csv_each_s": csv}


def _forget_pairs(url: str) -> None:
    """The region's tables of two dimensions kept by an earlier run, dropped."""
    engine = make_engine(url)
    with engine.begin() as connection:
        connection.execute(text("DELETE FROM pair_count"))
    engine.dispose()


def _raw(url: str) -> dict[str, Any]:
    """A bare ``count(*)`` over the year's visits, and what the region holds."""
    engine = make_engine(url)
    period = f"day BETWEEN '{YEAR['du']}' AND '{YEAR['au']}'"
    with engine.connect() as connection:

        def bare(sql: str) -> float:  # on a small region, a matter of microseconds
            return _median_of(lambda: connection.execute(text(sql)).scalar_one(), digits=6)

        figures = {
            "count_star_s": bare(f"SELECT count(*) FROM contact_fact WHERE {period}"),
            "count_records_s": bare(
                f"SELECT count(*) FROM record WHERE kind = 'contact' AND {period}"
            ),
            "records": int(connection.scalar(text("SELECT count(*) FROM record")) or 0),
            "referrals": int(
                connection.scalar(text("SELECT count(*) FROM record WHERE kind = 'referral'")) or 0
            ),
            "database_mb": round(
                int(connection.scalar(text("SELECT pg_database_size(current_database())")) or 0)
                / 2**20
            ),
        }
    engine.dispose()
    return figures


def run(
    contacts: int = CONTACTS, seed: int = 2025, desks: int = 500, workers: int = 2,
    keep: Path | None = None, repeat: int = 3,
) -> dict[str, Any]:  # fmt: skip
    """Every figure, with its goal, its ratio to the raw ``count(*)`` and whether it is met."""
    began = time.perf_counter()
    figures: dict[str, Any] = {"contacts": contacts, "sites": hub_region.SITES}
    with local_postgres(durable=True, keep=keep) as postgres:
        url, loaded = _region(postgres, contacts, seed)
        figures["load_s"] = None if loaded is None else round(loaded, 1)
        slipped = _slips(url)
        figures["slips_s"] = None if slipped is None else round(slipped, 1)
        figures.update(_raw(url))
        sites = hub_region.largest_sites(url)
        _forget_pairs(url)  # the pair's first ask as on a region that never asked it
        with hub_burst.served(url, workers, None) as address, _signed_in(url, address) as client:
            figures.update(_console(client, sites, repeat))
            figures.update(_referral_pages(client, repeat))
        figures.update(_files(url, workers, sites[0]))
        burst = hub_burst.burst(postgres, desks=desks, workers=workers)
    figures["push_burst_p95_s"] = burst.pop("push_burst_p95_s")
    figures["burst"] = burst
    figures["ratios_to_count_star"] = {
        key: ratio(figures[key], figures["count_star_s"])
        for key in GOALS
        if key != "push_burst_p95_s"
    }
    figures["ratios_to_count_star"]["push_burst_p95_s"] = ratio(
        figures["push_burst_p95_s"], burst["count_star_s"]
    )
    figures["bench_wall_s"] = round(time.perf_counter() - began, 1)
    figures["goals"] = GOALS
    figures["goals_met"] = {key: figures[key] <= goal for key, goal in GOALS.items()}
    return figures
