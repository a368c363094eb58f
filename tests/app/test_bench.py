"""The bench runs end to end (on a small directory here; the real run uses 50,000)."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from app import bench
from app.desk import Desk
from db.models import Service


def test_the_search_bench_reports_its_figures(desk: Desk, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(bench, "SEARCH_SERVICES", 500)
    figures = bench.bench_search(desk)
    assert set(figures) == {
        "search_p95_ms",
        "search_median_ms",
        "search_queries",
        "search_raw_fts_p95_ms",
        "search_ratio",
    }
    assert figures["search_queries"] > 200
    with desk.sessions() as session:
        assert session.scalar(select(func.count()).select_from(Service)) == 500


def test_the_slip_bench_reports_its_figures(desk: Desk) -> None:
    figures = bench.bench_slip(desk)
    assert set(figures) == {"slip_ms", "slip_raw_reportlab_ms", "slip_ratio"}
    assert figures["slip_ms"] > 0


def test_the_sync_bench_pushes_everything_to_a_real_hub(
    desk: Desk, monkeypatch: pytest.MonkeyPatch
) -> None:
    from hub.localpg import binary

    if binary("initdb") is None:
        pytest.skip("PostgreSQL is not installed (make test installs it)")
    monkeypatch.setenv("AIGUILLAGE_NO_KEYRING", "1")
    monkeypatch.setattr(bench, "SYNC_CONTACTS", 700)
    figures = bench.bench_sync(desk)
    assert figures["sync_pushed"] == 700 and figures["sync_pending_after"] == 0
    assert figures["sync_push_100k_s"] > 0


def test_the_stats_bench_reports_its_figures(desk: Desk, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(bench, "STATS_CONTACTS", 2000)
    figures = bench.bench_stats(desk)
    assert figures["stats_contacts"] == 2000 and figures["stats_year_ms"] > 0
