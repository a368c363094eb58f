"""The rewrite of moved module names: old names become new ones, new names stay, twice is once."""

from __future__ import annotations

from devtools.rewrite_imports import rewrite

OLD = """import app.stats_report
import app.backup
from app import intake
from app.contact import ContactDraft
see app/slip.py
"""
NEW = """import app.stats.report
import app.backup.copies
from app.intake import service as intake
from app.intake.contact import ContactDraft
see app/referrals/slip.py
"""
ALREADY_NEW = """import app.backup.health
from app.backup import health
from app.intake import clock
import app.intake.clock
from app.stats import report
"""


def test_old_names_become_new_ones() -> None:
    assert rewrite(OLD) == NEW


def test_new_names_are_left_alone_and_a_second_run_changes_nothing() -> None:
    assert rewrite(ALREADY_NEW) == ALREADY_NEW
    assert rewrite(rewrite(OLD)) == NEW
