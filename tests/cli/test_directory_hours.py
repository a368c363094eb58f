"""``aiguillage directory hours``: a coordinator checks a value before publishing it."""

from __future__ import annotations

import json
from pathlib import Path

from tests.cli.test_commands import aiguillage

NB = "\u00a0"
NNB = "\u202f"


def test_hours_are_written_in_french_and_say_open_or_closed(home: Path) -> None:
    value = "Mo-Fr 09:00-12:00,13:30-17:00; PH off"
    done = aiguillage(home, "directory", "hours", value, "--at", "2026-12-07T10:00")
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == [
        f"lun.–ven. 9{NB}h–12{NB}h et 13{NB}h{NB}30–17{NB}h{NNB}; fermé les jours fériés",
        "ouvert",
    ]
    christmas = aiguillage(home, "directory", "hours", value, "--at", "2026-12-25T10:00")
    assert christmas.stdout.splitlines()[-1] == "fermé"


def test_hours_in_english(home: Path) -> None:
    done = aiguillage(
        home, "directory", "hours", "Mo-Fr 09:00-17:00; Jul-Aug off", "--at",
        "2027-07-05T10:00", lang="en",
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == ["Mon–Fri 9:00–17:00; Jul–Aug: closed", "closed"]


def test_json_says_when_the_hours_cannot_tell(home: Path) -> None:
    done = aiguillage(
        home, "directory", "hours", 'Sa "sur rendez-vous"', "--at", "2026-12-05T03:00", "--json"
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == {
        "valid": True,
        "description": f"sam. «{NB}sur rendez-vous{NB}»",
        "comments": ["sur rendez-vous"],
        "open": None,
    }


def test_a_repaired_value_is_valid_with_a_warning(home: Path) -> None:
    value = "lundi,vendredi 10:00-18:00"
    done = aiguillage(home, "directory", "hours", value, "--json")
    report = json.loads(done.stdout)
    assert report["valid"] is True
    assert report["description"] == f"lun. et ven. 10{NB}h–18{NB}h"
    assert report["warnings"] == ["jours écrits en français lus comme Mo,Fr 10:00-18:00"]
    text = aiguillage(home, "directory", "hours", "Mo 7-18", lang="en")
    assert text.returncode == 0, text.stderr
    assert text.stdout.splitlines() == [
        "Mon 7:00–18:00",
        "Warning: shortened times read as Mo 07:00-18:00",
    ]


def test_an_unreadable_value_is_named_and_refused(home: Path) -> None:
    done = aiguillage(home, "directory", "hours", "le matin")
    assert done.returncode == 1
    assert done.stdout.strip() == f"horaires non reconnus{NB}: le matin"
    report = json.loads(aiguillage(home, "directory", "hours", "le matin", "--json").stdout)
    assert report["valid"] is False and report["open"] is None


def test_times_skipped_or_repeated_by_the_clock_change_are_answered(home: Path) -> None:
    for moment in ("2027-03-28T02:30", "2027-10-31T02:30"):
        done = aiguillage(home, "directory", "hours", "Su 00:00-24:00", "--at", moment)
        assert done.returncode == 0, done.stderr
        assert done.stdout.splitlines()[-1] == "ouvert"
    search = aiguillage(home, "directory", "search", "--at", "2027-03-28T02:30")
    assert search.returncode == 0, search.stderr
    assert "Traceback" not in search.stderr


def test_the_place_s_commune_sets_its_clock(home: Path) -> None:
    # 15:30 in Paris is 10:30 in Fort-de-France.
    at = ("--at", "2026-12-07T15:30+01:00")
    martinique = aiguillage(
        home, "directory", "hours", "Mo-Fr 09:00-12:00", *at, "--commune", "97209"
    )
    assert martinique.stdout.splitlines()[-1] == "ouvert", martinique.stderr
    paris = aiguillage(home, "directory", "hours", "Mo-Fr 09:00-12:00", *at, "--commune", "75056")
    assert paris.stdout.splitlines()[-1] == "fermé", paris.stderr
