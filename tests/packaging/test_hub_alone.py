"""The hub installs and runs without the desk: ``pip install '.[hub]'`` into a fresh
environment brings no Qt, and the hub starts, migrates its database and loads every page
without one module of the desk."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="a Linux virtual environment")

# Everything the hub serves, imported the way uvicorn and the command line import it.
HUB_MODULES = "hub.api, hub.cli, hub.console.web, hub.region_report, hub.migrate"
DESK = ("app", "db", "ui", "PySide6", "shiboken6")


def run(*command: str | Path, env: dict[str, str] | None = None) -> str:
    done = subprocess.run(
        [str(part) for part in command], capture_output=True, text=True, timeout=300,
        check=False, env=env,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-3000:]
    return done.stdout


def source_tree(target: Path) -> Path:
    """The checkout's files (tracked or new, not ignored), copied where pip may build."""
    listed = run("git", "-C", ROOT, "ls-files", "--cached", "--others", "--exclude-standard")
    for name in listed.splitlines():
        source = ROOT / name
        if source.is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            (target / name).write_bytes(source.read_bytes())
    return target


def test_the_hub_installs_and_runs_without_qt_or_the_desk(tmp_path: Path) -> None:
    tree = source_tree(tmp_path / "src")
    venv = tmp_path / "hub-venv"
    run(sys.executable, "-m", "venv", venv)
    python = venv / "bin" / "python"
    run(python, "-m", "pip", "install", "-q", f"{tree}[hub]")

    no_qt = subprocess.run([python, "-c", "import PySide6"], capture_output=True, check=False)
    assert no_qt.returncode != 0
    assert run(venv / "bin" / "aiguillage-hub", "--version").startswith("aiguillage-hub ")
    loaded = run(
        python, "-c",
        f"import sys, {HUB_MODULES}; print(sorted({{m.split('.')[0] for m in sys.modules}}))",
    )  # fmt: skip
    assert not set(ast.literal_eval(loaded)) & set(DESK), loaded

    # A quick local try: the hub's schema, migrated on SQLite from the installed scripts.
    env = {
        "PATH": os.environ.get("PATH", ""),
        "AIGUILLAGE_HUB_HOME": str(tmp_path / "hub-home"),
        "AIGUILLAGE_HUB_SECRET": "tests-" + "k" * 58,
    }
    assert "Schéma à jour" in run(venv / "bin" / "aiguillage-hub", "migrate", env=env)
    head = sorted((ROOT / "hub" / "migrations" / "versions").glob("h*.py"))[-1].name[:5]
    stored = run(
        python, "-c",
        "import sqlite3, sys; print(sqlite3.connect(sys.argv[1])"
        ".execute('SELECT version_num FROM alembic_version').fetchone()[0])",
        tmp_path / "hub-home" / "hub.sqlite3",
    )  # fmt: skip
    assert stored.strip() == head

    site = next((venv / "lib").glob("python3*/site-packages"))
    size = run("du", "-sm", site).split()[0]
    print(f"\nhub-only site-packages: {size} MB")
