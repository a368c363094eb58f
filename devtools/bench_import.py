"""``contact_import_100k_s``: 100,000 tallies imported from a CSV file by the desk's own
command (``aiguillage contact import``) in a process of its own, with that process's peak
memory; beside it the time to read the same file with Python's csv module alone."""

from __future__ import annotations

import contextlib
import csv
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from app.desk import Desk
from devtools.measure import ratio

IMPORT_ROWS = 100_000
# Communes of the Bouches-du-Rhône, as a forum's tallies would have them.
COMMUNES = ("13004", "13047", "13103", "13056", "13201", "13205", "13213", "hors-region")


def write_tallies(desk: Desk, path: Path, rows: int, seed: int = 5) -> None:
    """A CSV file of ``rows`` tallies of 2026, as an event's team would write it."""
    rng = random.Random(seed)
    lists = {
        name: desk.lists.active_codes(name)
        for name in ("channel", "public", "age", "gender", "theme", "answer")
    }
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(("date", "channel", "public", "age", "gender", "commune", "themes",
                         "answers"))  # fmt: skip
        for _ in range(rows):
            day = f"2026-{rng.randint(1, 10):02d}-{rng.randint(1, 28):02d}"
            writer.writerow(
                (
                    f"{day}T{rng.randint(9, 17):02d}:{rng.randint(0, 59):02d}",
                    rng.choice(lists["channel"]),
                    rng.choice(lists["public"]),
                    rng.choice(lists["age"]),
                    rng.choice(lists["gender"]),
                    rng.choice(COMMUNES),
                    "|".join(rng.sample(lists["theme"], rng.randint(1, 2))),
                    rng.choice(lists["answer"]),
                )
            )


def _run_measured(command: list[str], env: dict[str, str]) -> tuple[float, float, int, str]:
    """(seconds, peak memory in MB, exit status, error output) of one child process.

    The peak is the child's own high-water mark (``VmHWM``), read while it runs: what
    ``wait4`` reports counts the parent's memory at the fork too (Linux keeps it across
    ``exec``), a whole bench's desk once the import ran after the other measures."""
    start = time.perf_counter()
    peak_kb = 0
    with subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL,
                          stderr=subprocess.PIPE) as child:  # fmt: skip
        status_file = Path(f"/proc/{child.pid}/status")
        while True:
            pid, status, usage = os.wait4(child.pid, os.WNOHANG)
            if pid:
                break
            with contextlib.suppress(OSError, ValueError):
                for line in status_file.read_text().splitlines():
                    if line.startswith("VmHWM:"):
                        peak_kb = max(peak_kb, int(line.split()[1]))
            time.sleep(0.02)
        seconds = time.perf_counter() - start
        child.returncode = os.waitstatus_to_exitcode(status)
        error = child.stderr.read().decode("utf-8", "replace") if child.stderr else ""
    if not peak_kb:  # no /proc (not Linux): the figure wait4 gives
        peak_kb = usage.ru_maxrss
    return seconds, peak_kb / 1024, child.returncode, error


def bench_import(desk: Desk) -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="aiguillage-bench-import-") as folder:
        path = Path(folder) / "forum.csv"
        write_tallies(desk, path, IMPORT_ROWS)
        begin = time.perf_counter()
        with path.open(encoding="utf-8", newline="") as source:
            read = sum(1 for _row in csv.reader(source))
        raw_s = time.perf_counter() - begin
        env = dict(os.environ, AIGUILLAGE_HOME=str(desk.paths.data), AIGUILLAGE_LANG="en")
        command = [sys.executable, "-m", "ui.launcher", "contact", "import", str(path)]
        seconds, peak_mb, status, error = _run_measured(command, env)
    if status:
        raise RuntimeError(f"contact import exited with {status}: {error.strip()[-500:]}")
    return {
        "contact_import_100k_s": round(seconds, 1),
        "contact_import_100k_mb": round(peak_mb),
        "contact_import_rows": read - 1,
        "contact_import_raw_csv_s": round(raw_s, 2),
        "contact_import_ratio": ratio(seconds, raw_s),
    }
