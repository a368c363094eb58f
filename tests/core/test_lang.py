"""Dates and counts in the desk's language, and ``AIGUILLAGE_LANG`` over the setting."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from app.desk import Desk
from app.directory.batch import ImportSummary
from core.lang import day_text, french_date, moment_text, plural


def test_dates_are_written_the_way_each_language_writes_them() -> None:
    assert day_text(date(2026, 11, 3)) == "03/11/2026"
    assert day_text(date(2026, 11, 3), "en") == "3 Nov 2026"
    assert moment_text(datetime(2026, 11, 3, 9, 5)) == "03/11/2026 09:05"
    assert moment_text(datetime(2026, 11, 3, 9, 5), "en") == "3 Nov 2026, 09:05"


def test_french_counts_0_and_1_in_the_singular_english_only_1() -> None:
    forms = ("{count} jour", "{count} jours", "{count} day", "{count} days")
    assert [plural(n, "fr", forms) for n in (0, 1, 2)] == ["0 jour", "1 jour", "2 jours"]
    assert [plural(n, "en", forms) for n in (0, 1, 2)] == ["0 days", "1 day", "2 days"]


def test_a_directory_import_says_its_counts_without_brackets() -> None:
    summary = ImportSummary("data·inclusion", structures_added=1, services_added=2)
    summary.services_updated = 54
    assert summary.lines()[0] == (
        "data·inclusion\u00a0: 1 structure ajoutée, 0 mise à jour\u202f; 2 services ajoutés,"
        " 54 mis à jour\u202f; 0 doublon\u202f; 0 retiré\u202f; 0 refusé\u202f; 0 avertissement."
    )
    assert summary.lines("en")[0] == (
        "data·inclusion: 1 structure added, 0 updated; 2 services added, 54 updated;"
        " 0 duplicates; 0 retired; 0 refused; 0 warnings."
    )


@pytest.mark.parametrize(("chosen", "lang"), [("en_GB.UTF-8", "en"), ("fr", "fr"), ("", "en")])
def test_aiguillage_lang_wins_over_the_setting(
    desk: Desk, monkeypatch: pytest.MonkeyPatch, chosen: str, lang: str
) -> None:
    desk.settings.set("ui.language", "en")
    monkeypatch.setenv("AIGUILLAGE_LANG", chosen)
    assert desk.language == lang


def test_dates_read_in_french() -> None:
    assert french_date(date(2026, 11, 24)) == "mardi 24 novembre 2026"
    assert french_date(date(2027, 1, 1)) == "vendredi 1er janvier 2027"
