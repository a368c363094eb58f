"""A desk killed in the middle of its work loses nothing it had confirmed.

Real desk processes (``tests.db.crash_saver``) save, edit and cancel contacts on one
database and are killed with SIGKILL at random moments, sometimes two at once. After
each round, every change they confirmed on stdout is in the database as it was made, the
file is sound, and the desk opens again; at the end, the statistics — facts kept by
triggers — count exactly the active contacts.

``AIGUILLAGE_CRASH_SEED`` replays another sequence of delays and drafts.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from app.backup.health import problems
from app.desk import Desk
from app.paths import DeskPaths
from app.stats.queries import compute

pytestmark = pytest.mark.skipif(
    not hasattr(signal, "SIGKILL"), reason="needs SIGKILL to kill a desk outright"
)

ROOT = Path(__file__).resolve().parents[2]
ROUNDS = 32
SEED = int(os.environ.get("AIGUILLAGE_CRASH_SEED", "20261124"))

State = dict[str, Any] | None


@dataclass
class Ledger:
    """What the desks confirmed, and the one change each killed desk had under way."""

    confirmed: dict[str, State] = field(default_factory=dict)
    under_way: dict[str, State] = field(default_factory=dict)
    saves: int = 0
    changes: int = 0
    counts: int = 0
    killed_opening: int = 0

    def read(self, output: str) -> None:
        self.killed_opening += not output
        for line in output.splitlines(keepends=True):
            if not line.endswith("\n"):
                break  # cut by the kill: written after the save returned, but unreadable
            event = json.loads(line)
            if event["op"] == "begin":
                self.under_way[event["id"]] = event["state"]
            elif event["op"] == "ok":
                self.under_way.pop(event["id"], None)
                if event["id"] in self.confirmed:
                    self.changes += 1
                else:
                    self.saves += 1
                self.confirmed[event["id"]] = event["state"]
            elif event["op"] == "stats":
                self.counts += 1


@dataclass
class Saver:
    process: subprocess.Popen[bytes]
    out: Path
    err: Path

    @classmethod
    def start(cls, home: Path, seed: int, name: str) -> Saver:
        out, err = home.parent / f"{name}.out", home.parent / f"{name}.err"
        with out.open("wb") as stdout, err.open("wb") as stderr:
            # stdout goes to a file: what the desk wrote stays readable after the kill.
            process = subprocess.Popen(
                [sys.executable, "-m", "tests.db.crash_saver", str(home), str(seed)],
                cwd=ROOT,
                stdout=stdout,
                stderr=stderr,
                env={**os.environ, "AIGUILLAGE_HOME": str(home), "PYTHONPATH": str(ROOT)},
            )
        return cls(process, out, err)

    def ready(self) -> bool:
        """Whether the desk is open (its first line is out)."""
        # Dying of anything but the kill (an error in the desk) fails the test.
        assert self.process.poll() is None, self.err.read_text(encoding="utf-8")[-3000:]
        return self.out.stat().st_size > 0

    def kill(self) -> str:
        self.process.send_signal(signal.SIGKILL)
        code = self.process.wait(timeout=10)
        assert code == -signal.SIGKILL, self.err.read_text(encoding="utf-8")[-3000:]
        return self.out.read_text(encoding="utf-8")

    def stop(self) -> None:
        """Leave no desk running behind a failed round."""
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait(timeout=10)


def kill_at_random(savers: list[Saver], rng: random.Random) -> list[str]:
    """Kill each desk at a random moment: one time in five while it opens (counted from its
    start), otherwise while it works (counted from its ready line, whatever the load)."""
    early = [rng.random() < 0.2 for _ in savers]
    delays = [rng.uniform(0.05, 0.4) if e else rng.uniform(0.05, 0.7) for e in early]
    spawned = time.monotonic()
    deadlines = [spawned + d if e else None for e, d in zip(early, delays, strict=True)]
    outputs: dict[int, str] = {}
    while len(outputs) < len(savers):
        now = time.monotonic()
        assert now < spawned + 30, "a desk did not open within 30 s"
        for n, saver in enumerate(savers):
            if n in outputs:
                continue
            if deadlines[n] is None and saver.ready():
                deadlines[n] = now + delays[n]
            moment = deadlines[n]
            if moment is not None and now >= moment:
                outputs[n] = saver.kill()
        time.sleep(0.005)
    return [outputs[n] for n in range(len(savers))]


def stored_states(database: Path) -> dict[str, State]:
    """Every contact of the database, read with plain SQL as :func:`state_of` describes."""
    connection = sqlite3.connect(database)
    try:
        states: dict[str, State] = {}
        for row in connection.execute(
            "SELECT id, status, version, channel, public, commune, duration, note, time_known"
            " FROM contact"
        ):
            keys = ("status", "version", "channel", "public", "commune", "duration", "note")
            states[row[0]] = {
                **dict(zip(keys, row[1:8], strict=True)),
                "time_known": bool(row[8]),
                "themes": [],
                "answers": [],
                "referrals": [],
            }
        for key, sql in (
            ("themes", "SELECT contact_id, code FROM contact_theme"),
            ("answers", "SELECT contact_id, code FROM contact_answer"),
            ("referrals", "SELECT contact_id, service_id FROM referral WHERE status = 'active'"),
        ):
            for contact_id, code in connection.execute(sql):
                states[contact_id][key].append(code)  # type: ignore[index]
        for state in states.values():
            for key in ("themes", "answers", "referrals"):
                state[key].sort()  # type: ignore[index]
        return states
    finally:
        connection.close()


def check_sound(database: Path) -> None:
    """SQLite's integrity check and foreign keys, as ``aiguillage check`` reads them."""
    assert problems(database) == []


def check_confirmed(ledger: Ledger, database: Path, round_no: int) -> None:
    stored = stored_states(database)
    for contact_id, expected in ledger.confirmed.items():
        found = stored.get(contact_id)
        if contact_id in ledger.under_way:
            # Killed between its change and the answer: either state is sound.
            allowed = [expected, ledger.under_way.pop(contact_id)]
            assert found in allowed, f"round {round_no}: {contact_id} holds {found}, not {allowed}"
            ledger.confirmed[contact_id] = found
        else:
            assert found == expected, (
                f"round {round_no}: {contact_id} holds {found}, not {expected}"
            )


def reopen(paths: DeskPaths, ledger: Ledger) -> None:
    desk = Desk.open(paths, load_demo=False)
    try:
        assert desk.backups_made == []
        kept = [i for i, s in ledger.confirmed.items() if s is not None]
        if kept:
            record = desk.intake.get(kept[-1])
            expected = ledger.confirmed[kept[-1]]
            assert expected is not None
            assert (record.channel, list(record.themes)) == (
                expected["channel"],
                expected["themes"],
            )
        desk.day_view(desk.intake.today())
    finally:
        desk.close()


def test_killed_desks_keep_every_confirmed_contact(tmp_path: Path, template_home: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    shutil.copy2(template_home / "aiguillage.sqlite3", home / "aiguillage.sqlite3")
    paths = DeskPaths(data=home, logs=home / "logs")
    rng = random.Random(SEED)
    ledger = Ledger()
    started = time.monotonic()
    pairs = 0
    for round_no in range(ROUNDS):
        count = 2 if rng.random() < 0.3 else 1
        pairs += count == 2
        seeds = [rng.randrange(2**31) for _ in range(count)]
        savers = [Saver.start(home, seed, f"r{round_no}-{n}") for n, seed in enumerate(seeds)]
        try:
            outputs = kill_at_random(savers, rng)
        finally:
            for saver in savers:
                saver.stop()
        for output in outputs:
            ledger.read(output)
        check_confirmed(ledger, paths.database, round_no)
        check_sound(paths.database)
        reopen(paths, ledger)
    elapsed = time.monotonic() - started

    desk = Desk.open(paths, load_demo=False)
    try:
        end = desk.intake.today() + timedelta(days=1)
        with desk.sessions() as session:
            total = compute(session, date(2000, 1, 1), end, []).total
            by_theme = compute(session, date(2000, 1, 1), end, ["theme"]).rows
    finally:
        desk.close()
    connection = sqlite3.connect(paths.database)
    try:
        active = connection.execute(
            "SELECT count(*) FROM contact WHERE status = 'active'"
        ).fetchone()[0]
        themes = dict(
            connection.execute(
                "SELECT t.code, count(*) FROM contact_theme t JOIN contact c ON c.id = t.contact_id"
                " WHERE c.status = 'active' GROUP BY t.code"
            ).fetchall()
        )
        dirty = connection.execute("SELECT count(*) FROM stat_dirty").fetchone()[0]
    finally:
        connection.close()
    check_sound(paths.database)
    assert (total, dirty) == (active, 0)
    assert {r["theme"]: r["count"] for r in by_theme} == themes
    kept = sum(1 for s in ledger.confirmed.values() if s is not None)
    assert ledger.saves > 100 and kept > 0, "the desks hardly saved anything before the kills"
    print(
        f"crash test (seed {SEED}): {ROUNDS} rounds ({pairs} with two desks at once,"
        f" {ledger.killed_opening} desks killed while opening) in {elapsed:.1f} s; {ledger.saves} contacts confirmed, {ledger.changes} edits, cancels"
        f" or undos confirmed, {ledger.counts} statistics counts; {active} active contacts"
        " counted by the statistics"
    )
