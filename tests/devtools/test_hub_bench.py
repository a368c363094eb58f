"""``aiguillage-hub bench`` on a small region: every figure of the design's table comes
with its goal and its raw cost, the console answers every page, the burst stores each
record once, and a kept region is measured again without being loaded twice."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from devtools import hub_bench
from hub.console.activity_pages import NAMES
from hub.localpg import local_postgres


@pytest.fixture
def kept() -> Iterator[Path]:
    """A folder PostgreSQL's own user can reach (pytest's are its owner's alone)."""
    folder = Path(tempfile.mkdtemp(prefix="aiguillage-hub-bench-"))
    os.chmod(folder, 0o755)
    yield folder / "region"
    shutil.rmtree(folder, ignore_errors=True)


def test_the_hub_bench_measures_every_figure_and_keeps_its_region(kept: Path) -> None:
    first = hub_bench.run(contacts=1500, desks=4, workers=1, keep=kept, repeat=1)
    assert first["load_s"] is not None and first["records"] > 1500
    assert set(first["goals"]) == {
        "activity_page_s", "referral_page_s", "csv_s", "xlsx_year_s", "region_pdf_s",
        "push_burst_p95_s",
    }  # fmt: skip
    for key in first["goals"]:
        assert first[key] > 0 and first["ratios_to_count_star"][key] is not None
        assert first["goals_met"][key] == (first[key] <= first["goals"][key])
    # Every page of the console for the region, its largest site, and a crossed table.
    assert len(first["pages_s"]) == 2 * len(NAMES) - 1 + 2
    assert first["activity_page_first_ask_s"] > 0 and first["activity_page_first_ask_slowest"]
    assert set(first["csv_each_s"]) == {"csv/partner", "csv/epci", "csv/theme"}
    # The referrals given slip codes and partners' words, then « Orientations » by each.
    assert first["slips_s"] is not None
    assert set(first["referral_pages_s"]) == {"partner", "theme", "site", "epci"}
    burst = first["burst"]
    assert burst["stored"] == burst["distinct"] == burst["expected"] == 4 * 50
    # Started again on the kept folder, the region is there: not loaded twice.
    with local_postgres(keep=kept) as postgres:
        assert hub_bench._region(postgres, 1500, 2025)[1] is None
        assert hub_bench._raw(postgres.url("region"))["records"] == first["records"]
        # Another region asked for: the kept one is replaced, not measured as if it were.
        assert hub_bench._region(postgres, 1000, 2025)[1] is not None


def test_the_hub_bench_is_a_command_of_the_hub_in_french_and_english() -> None:
    def helped(lang: str) -> str:
        done = subprocess.run(
            [sys.executable, "-m", "hub.cli", "bench", "--help"],
            capture_output=True, text=True, env={"AIGUILLAGE_LANG": lang, "PATH": ""},
            check=True,
        )  # fmt: skip
        return done.stdout

    assert "région générée" in helped("fr") and "--keep" in helped("fr")
    assert "generated region" in helped("en")
