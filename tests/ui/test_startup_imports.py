"""The window's first screen loads only what it shows: the slips' and reports' drawing, the
sync client, the wire's models, the spreadsheets, the schema's migrations, the directory's
search and records, the backups and the dialogs a visit opens are loaded when first used,
not before the agent can type."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

# What the first screen (the intake form, the day's journal, the lists) never needs.
NOT_AT_START = (
    "sqlalchemy",  # the first screen is read with sqlite3 (app.first_screen)
    "db",  # the desk's models and migrations, loaded when the desk opens after the paint
    "app.intake.service",  # the desk's services, likewise
    "app.geography",
    "reportlab",  # slips and the PDF report
    "httpx",  # the sync client
    "pydantic",  # the wire's models
    "openpyxl",  # spreadsheets
    "alembic",  # the schema is current: its revision is read with one statement
    "markdown_it",  # a partner's description, read when one is opened
    "app.cli.main",  # the command line's parser: no command opens the window
    "ui.directory_panel",  # the directory tab, built when first shown
    "ui.arrival_dialog",  # « Accueillir une personne orientée », opened from the menu
    "ui.stats_panel",  # the statistics tab, likewise
    "app.directory.search",  # the directory's search, first asked for in a dialog or the tab
    "app.directory.records",  # a partner's record, likewise
    "app.directory.batch",  # a directory file read, from the settings
    "opening_hours",  # a partner's hours, read with its record
    "app.backup.copies",  # the day's backup, taken once the window is up
    "ui.about",  # « À propos », opened from the Help menu
    "ui.slip_dialog",  # a visit's slips, opened from the journal
    "ui.referral_dialog",  # the partners suggested, opened from the form
    "PySide6.QtNetwork",  # the network's reachability, watched once the window is up
)

# The modules loaded when the window can take input (the first screen shown), noted when
# the smoke run takes its figures; the run goes on until the desk is open and read.
STARTED = """
import json, sys
import ui.main
from ui.launcher import main
shown = []
figures = ui.main.smoke_figures
def noted():
    shown.append(sorted(sys.modules))
    return figures()
ui.main.smoke_figures = noted
code = main(["--smoke"])
print("MODULES " + json.dumps(shown[0]))
print("AFTER " + json.dumps(sorted(sys.modules)))
sys.exit(code)
"""


def start_window(home: Path) -> tuple[dict[str, float], set[str], set[str]]:
    """Start the window as ``aiguillage --smoke`` does, in a process of its own: what it
    reported, the modules it had loaded when its first screen was shown, and once the desk
    was open and the day read from it."""
    root = Path(__file__).resolve().parents[2]
    env = dict(os.environ, AIGUILLAGE_HOME=str(home), PYTHONPATH=str(root))
    done = subprocess.run(
        [sys.executable, "-c", STARTED],
        env=env,
        cwd=root,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    lines = done.stdout.splitlines()
    figures = json.loads(next(line for line in lines if line.startswith("{")))
    modules = json.loads(next(line for line in lines if line.startswith("MODULES "))[8:])
    after = json.loads(next(line for line in lines if line.startswith("AFTER "))[6:])
    return figures, set(modules), set(after)


def loaded(modules: set[str], package: str) -> list[str]:
    return sorted(m for m in modules if m == package or m.startswith(package + "."))


def test_the_first_screen_loads_nothing_it_does_not_show(home: Path) -> None:
    figures, modules, after = start_window(home)
    # The day was shown from the desk, after the first screen: the window took input.
    assert 0 < figures["startup_s"] < figures["desk_ready_s"]
    assert "ui.main_window" in modules and "app.first_screen" in modules
    assert "sqlalchemy" in after and "app.intake.service" in after  # the desk was opened
    for package in NOT_AT_START:
        assert not loaded(modules, package), f"{package} loaded before the window showed"
