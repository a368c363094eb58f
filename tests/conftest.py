"""Shared fixtures: a real desk on a real SQLite file under a temporary AIGUILLAGE_HOME."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import func, select

from app.desk import Desk
from app.paths import DeskPaths
from db.models import Contact

PARIS = ZoneInfo("Europe/Paris")
# No screen in the test run: Qt draws offscreen (a window test anywhere in the suite), on
# a screen the size of the counter PC's (1366 × 768; QT_SCALE_FACTOR=1.5 makes it 150 %).
COUNTER_SCREEN = Path(__file__).parent / "ui" / "screens" / "counter-1366x768.json"
if os.environ.get("QT_QPA_PLATFORM", "offscreen") == "offscreen":
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={COUNTER_SCREEN}"


class FakeClock:
    """A clock the tests move by hand (aware, Europe/Paris)."""

    def __init__(self, start: datetime) -> None:
        self.now = start
        self.mono = 1000.0

    def __call__(self) -> datetime:
        return self.now

    def monotonic(self) -> float:
        return self.mono

    def advance(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)
        self.mono += seconds


@pytest.fixture(scope="session")
def template_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A desk database made once (schema, lists, geography, demo), copied for each test."""
    home = tmp_path_factory.mktemp("template")
    desk = Desk.open(DeskPaths(data=home, logs=home / "logs"))
    desk.close()
    return home


@pytest.fixture
def home(tmp_path: Path, template_home: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """``AIGUILLAGE_HOME`` for one test, holding a ready desk database."""
    target = tmp_path / "home"
    target.mkdir()
    shutil.copy2(template_home / "aiguillage.sqlite3", target / "aiguillage.sqlite3")
    monkeypatch.setenv("AIGUILLAGE_HOME", str(target))
    monkeypatch.setenv("AIGUILLAGE_LANG", "fr")
    return target


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(datetime(2026, 11, 24, 10, 15, 0, tzinfo=PARIS))


@pytest.fixture
def desk(home: Path, clock: FakeClock) -> Iterator[Desk]:
    desk = Desk.open(
        DeskPaths(data=home, logs=home / "logs"), clock=clock, monotonic=clock.monotonic
    )
    yield desk
    desk.close()


def stored_contacts(desk: Desk) -> int:
    """How many contacts the desk database holds, whatever their status."""
    with desk.sessions() as session:
        return int(session.scalar(select(func.count()).select_from(Contact)) or 0)
