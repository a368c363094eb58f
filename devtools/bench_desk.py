"""The benches of what an agent waits for at the desk: a contact saved when Enter is
pressed (``contact_save_ms_p99``), and the window's start (``startup_s``, ``rss_mb``).
:mod:`devtools.bench` runs them with the others."""

from __future__ import annotations

import json
import os
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from contextlib import closing
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from app.desk import Desk
from app.intake.contact import ContactDraft
from app.logs import LOG_NAME
from db.models import Structure
from devtools.bench_data import contact_drafts, fill_contacts, stored_contacts
from devtools.measure import percentile, ratio

SAVE_STORED = 1_000_000
# Enough for a steady 99th percentile (the 20th slowest), in a few seconds.
SAVES = 2000
# A row as wide as a contact's, for the raw cost of a durable insert.
_RAW_TABLE = "bench_raw_insert"
_RAW_COLUMNS = (
    "id, site_id, moment_local, moment_utc, time_known, channel, public, age, gender,"
    " commune, status, version, synced_version, created_at, updated_at"
)


def _raw_row(draft: ContactDraft) -> tuple[object, ...]:
    """A row as wide as the contact the draft makes."""
    stamp = datetime.now().isoformat(" ", "microseconds")
    codes = (draft.channel, draft.public, draft.age, draft.gender, draft.commune)
    return (str(uuid.uuid4()), "local", stamp, stamp, 1, *codes, "active", 1, 0, stamp, stamp)


def bench_contact_save(desk: Desk) -> dict[str, Any]:
    """``contact_save_ms_p99``: varied contacts saved one at a time through the intake
    service (checks, the contact with its themes and answers, referrals with their slip
    codes, the statistics' triggers, a commit that waits for the disk, the record read
    back), with 1,000,000 already stored; every save counted, the first included. Beside
    each, a bare insert and commit of a row as wide into a table of the same database file,
    on a connection of the desk's engine (WAL, ``synchronous=FULL``)."""
    from app.stats.queries import refresh

    fill_contacts(desk, SAVE_STORED)
    # The facts as after a count: the rows the saves mark dirty are theirs alone.
    with desk.sessions() as session:
        refresh(session)
    stored = stored_contacts(desk)
    drafts = contact_drafts(desk, SAVES)
    raw_connection = desk.engine.raw_connection()
    try:
        cursor = raw_connection.cursor()
        cursor.execute(f"DROP TABLE IF EXISTS {_RAW_TABLE}")
        cursor.execute(f"CREATE TABLE {_RAW_TABLE} ({_RAW_COLUMNS}, PRIMARY KEY (id))")
        raw_connection.commit()
        values = ", ".join("?" * (_RAW_COLUMNS.count(",") + 1))
        insert_row = f"INSERT INTO {_RAW_TABLE} ({_RAW_COLUMNS}) VALUES ({values})"
        timings, raw = [], []
        for draft in drafts:
            begin = time.perf_counter()
            desk.intake.save(draft)
            timings.append((time.perf_counter() - begin) * 1000)
            row = _raw_row(draft)
            begin = time.perf_counter()
            cursor.execute(insert_row, row)
            raw_connection.commit()
            raw.append((time.perf_counter() - begin) * 1000)
        cursor.execute(f"DROP TABLE {_RAW_TABLE}")
        raw_connection.commit()
    finally:
        raw_connection.close()
    p99, raw_p99 = percentile(timings, 0.99), percentile(raw, 0.99)
    return {
        "contact_save_ms_p99": round(p99, 2),
        "contact_save_ms_p50": round(statistics.median(timings), 2),
        "contact_save_count": len(timings),
        "contact_save_with_referral": sum(1 for d in drafts if d.referrals),
        "contact_save_stored": stored,
        "contact_save_raw_ms_p99": round(raw_p99, 2),
        "contact_save_raw_ms_p50": round(statistics.median(raw), 2),
        "contact_save_ratio": ratio(p99, raw_p99),
    }


# Start-ups measured after one not counted (cold, reported apart): the median of these.
STARTUP_RUNS = 5
FIRST_START_RUNS = 3


def smoke_env(home: Path) -> dict[str, str]:
    """The environment of a measured start: the caller's, offscreen, on ``home``, and with
    Python's bytecode written and reused as on a user's machine (a test run or a shell may
    forbid writing it, which makes every start compile the desk's modules anew)."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", AIGUILLAGE_HOME=str(home))
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def _smoke(command: list[str], home: Path) -> dict[str, float]:
    """Run a window that reports ``{"startup_s": …, "rss_mb": …}`` once its event loop runs."""
    done = subprocess.run(
        [sys.executable, *command], env=smoke_env(home), capture_output=True, text=True, timeout=300
    )
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    if done.returncode or not lines:
        problem = (done.stderr.strip().splitlines() or ["no output"])[-1]
        raise RuntimeError(f"{' '.join(command)} exited with {done.returncode}: {problem}")
    figures: dict[str, float] = json.loads(lines[-1])
    return figures


WINDOW = ["-m", "ui.launcher", "--smoke"]
EMPTY_WINDOW = ["-m", "ui.empty_window"]


def ensure_template() -> bool:
    """The database a first start copies, made as ``make template`` makes it when this
    checkout has none or an outdated one (a first start would otherwise be measured the
    long way, which no bundle takes). True when it had to be made."""
    from app.template import usable

    if usable():
        return False
    script = Path(__file__).resolve().parents[1] / "packaging" / "make_template.py"
    subprocess.run([sys.executable, str(script)], check=True, capture_output=True, timeout=600)
    return True


def started_from_template(home: Path) -> bool:
    """Whether the first start in ``home`` copied the template (its log says which way)
    and left a desk ready: the demo directory and the geography in its database."""
    from app.desk import FIRST_START_COPIED

    log = home / "logs" / LOG_NAME
    if not log.is_file() or FIRST_START_COPIED not in log.read_text(encoding="utf-8"):
        return False
    with closing(sqlite3.connect(home / "aiguillage.sqlite3")) as connection:
        services: int = connection.execute("SELECT count(*) FROM service").fetchone()[0]
        communes: int = connection.execute("SELECT count(*) FROM commune").fetchone()[0]
        demo = connection.execute(
            "SELECT value FROM setting WHERE key = 'directory.demo_loaded'"
        ).fetchone()
    return services > 0 and communes > 30_000 and demo == ("true",)


def bench_first_start(desk: Desk) -> dict[str, Any]:
    """``first_start_s``: the very first start of the window on a machine where the desk
    has never run (its database copied from the template made at build time), the median
    of :data:`FIRST_START_RUNS`, each in an empty folder, after one start not counted (the
    desk's bytecode written, as after installing it)."""
    ensure_template()
    runs, from_template = [], []
    for run in range(FIRST_START_RUNS + 1):
        with tempfile.TemporaryDirectory(prefix="aiguillage-bench-first-") as home:
            figure = _smoke(WINDOW, Path(home))["startup_s"]
            if run:  # the first warms up
                runs.append(figure)
                from_template.append(started_from_template(Path(home)))
    return {
        "first_start_s": round(statistics.median(runs), 3),
        "first_start_runs": runs,
        "first_start_from_template": all(from_template),
    }


def bench_startup(desk: Desk) -> dict[str, Any]:
    """``startup_s`` and ``rss_mb``: the desk window started in a new process
    (``aiguillage --smoke``, offscreen) on the bench's desk, from process start until its
    event loop runs with the window shown, and its memory then: the median of
    :data:`STARTUP_RUNS` after one start not counted. Beside it an empty Qt window started
    and measured the same way (``ui.empty_window``)."""
    # The site set up (no first-start wizard) and a directory in place (no demo to load).
    if not desk.settings.get("site.configured"):
        desk.settings.set("site.name", "Cité des métiers (banc d’essai)")
        desk.settings.set("site.configured", True)
    with desk.sessions.begin() as session:
        if not session.scalar(select(func.count()).select_from(Structure)):
            from app.directory.demo import load_demo

            load_demo(session)
    home = desk.paths.data
    # One start of each first, not counted (bytecode written, files in the disk's cache).
    cold = _smoke(WINDOW, home)
    _smoke(EMPTY_WINDOW, home)
    warm, warm_raw = [], []
    for _ in range(STARTUP_RUNS):
        warm.append(_smoke(WINDOW, home))
        warm_raw.append(_smoke(EMPTY_WINDOW, home))

    def median(runs: list[dict[str, float]], key: str) -> float:
        return statistics.median(run[key] for run in runs)

    startup, startup_raw = median(warm, "startup_s"), median(warm_raw, "startup_s")
    rss, rss_raw = median(warm, "rss_mb"), median(warm_raw, "rss_mb")
    return {
        "startup_s": round(startup, 3),
        "startup_cold_s": round(cold["startup_s"], 3),
        "startup_runs": len(warm),
        "startup_raw_s": round(startup_raw, 3),
        "startup_ratio": ratio(startup, startup_raw),
        # The desk behind the window open too (the first screen is read without it).
        "desk_ready_s": round(median(warm, "desk_ready_s"), 3),
        "rss_mb": round(rss, 1),
        "rss_raw_mb": round(rss_raw, 1),
        "rss_ratio": ratio(rss, rss_raw),
    }
