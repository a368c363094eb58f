"""Real opening_hours values (tests/data/opening-hours/corpus.csv) read the way an agent
would read them out to a visitor: every value is read, repaired or named unreadable, and the
French text is the one written by hand in the corpus."""

from __future__ import annotations

import csv
import re
from collections import Counter
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import opening_hours

from core import hours

CORPUS = Path(__file__).resolve().parents[1] / "data" / "opening-hours"
KINDS = {"week", "exceptions", "comment", "repairable", "unreadable"}
UNREADABLE = "horaires non reconnus"
UNREADABLE_EN = "unrecognised hours"
# The day the corpus is read on: a visitor reading the hours that day is not told of what
# is already past (see the README).
REFERENCE_DAY = date(2026, 12, 1)


@dataclass(frozen=True)
class Row:
    value: str
    source: str
    expected_fr: str
    expected_en: str
    kind: str


def corpus() -> list[Row]:
    with (CORPUS / "corpus.csv").open(encoding="utf-8", newline="") as f:
        return [Row(**line) for line in csv.DictReader(f)]


def strictly_valid(value: str) -> bool:
    """Valid as written, by the OSM parser itself (no repair)."""
    try:
        opening_hours.OpeningHours(value)
    except Exception:  # the parser's own ParserError, absent from its type stubs
        return False
    return True


def test_the_corpus_is_real_data_of_every_kind() -> None:
    rows = corpus()
    assert len(rows) >= 300
    assert len({r.value for r in rows}) == len(rows)
    assert {r.kind for r in rows} == KINDS
    readme = (CORPUS / "README.md").read_text(encoding="utf-8")
    for source in {r.source for r in rows}:
        assert f"`{source}`" in readme, source
    for row in rows:
        assert row.value.strip(), row
        if row.kind == "unreadable":
            assert row.expected_fr == UNREADABLE, row
            assert not strictly_valid(row.value), row
        elif row.kind != "exceptions":
            assert row.expected_fr, row
        if row.kind in {"week", "comment", "exceptions"}:
            assert strictly_valid(row.value), row
        # French typography, outside the comments kept word for word: no plain space
        # before ; : » or after «.
        text = re.sub("«\u00a0.*?\u00a0»", "«»", row.expected_fr)
        for sign in (" ;", " :", " »", "« "):
            assert sign not in text, row
    filled = [r for r in rows if r.kind == "exceptions" and r.expected_fr]
    assert len(filled) >= 60
    english = Counter(r.kind for r in rows if r.expected_en)
    assert sum(english.values()) == len([r for r in rows if r.expected_fr]), english
    assert set(english) == KINDS, english
    for row in rows:
        if row.kind == "unreadable" and row.expected_en:
            assert row.expected_en == UNREADABLE_EN, row


def known_gaps() -> dict[str, str]:
    """Values not yet read as the corpus says, each with why (known-gaps.csv)."""
    with (CORPUS / "known-gaps.csv").open(encoding="utf-8", newline="") as f:
        return {line["value"]: line["why"] for line in csv.DictReader(f)}


def test_every_real_value_reads_as_written_in_the_corpus() -> None:
    rows = corpus()
    gaps = known_gaps()
    assert set(gaps) <= {r.value for r in rows}
    still_open: list[str] = []
    figures: Counter[str] = Counter()
    wrong: list[str] = []
    for row in rows:
        got = hours.describe(row.value, "fr", today=REFERENCE_DAY)
        named_unreadable = UNREADABLE in got
        figures["values"] += 1
        if named_unreadable:
            figures["unreadable"] += 1
        elif got.strip() == row.value.strip():
            figures["shown raw"] += 1
        else:
            figures["read"] += 1
            if not strictly_valid(row.value):
                figures["repaired"] += 1
        if row.kind == "unreadable":
            ok = named_unreadable and row.value.strip() in got
        elif row.expected_fr:
            ok = got == row.expected_fr
        else:
            ok = not named_unreadable and got != row.value
        if row.value in gaps:
            # A known gap that now reads right leaves the list; the others are counted.
            assert not ok, f"{row.value!r} now reads as the corpus says: take it off known-gaps.csv"
            still_open.append(row.value)
            continue
        if ok:
            figures["matching"] += 1
        else:
            want = row.expected_fr or "(a reading, not the raw value)"
            if row.kind == "unreadable":
                want = f"{UNREADABLE} + the raw value"
            note = ""
            if " ".join(want.split()) == " ".join(got.split()):
                note = "  (only the spaces differ: no-break U+00A0 / U+202F expected)"
            wrong.append(
                f"[{row.kind}] {row.value}\n    → expected {want}\n    ← got      {got}{note}"
            )
    summary = (
        f"{figures['values']} values: {figures['read']} read "
        f"({figures['repaired']} of them repaired), {figures['unreadable']} named unreadable, "
        f"{figures['shown raw']} shown raw, "
        f"{figures['matching']} as the corpus says, {len(still_open)} known gaps"
    )
    print(summary)
    assert not wrong, summary + f"; {len(wrong)} wrong:\n" + "\n".join(wrong)


def test_real_values_read_in_english_as_written_in_the_corpus() -> None:
    """Every row read with AIGUILLAGE_LANG=en, checked as the French is: its ``expected_en``
    (filled wherever ``expected_fr`` is), or a reading when both are empty; every mismatch
    at once."""
    gaps = known_gaps()
    wrong: list[str] = []
    checked = matching = 0
    for row in corpus():
        assert bool(row.expected_en) == bool(row.expected_fr), row
        if row.value in gaps:
            continue
        checked += 1
        got = hours.describe(row.value, "en", today=REFERENCE_DAY)
        if row.kind == "unreadable":
            ok = got == f"{UNREADABLE_EN}: {row.value.strip()}"
        elif row.expected_en:
            ok = got == row.expected_en
        else:
            ok = not got.startswith(UNREADABLE_EN) and got != row.value
        if ok:
            matching += 1
        else:
            want = row.expected_en or "(a reading, not the raw value)"
            wrong.append(f"[{row.kind}] {row.value}\n    → expected {want}\n    ← got      {got}")
    print(f"{checked} values read in English, {matching} as the corpus says")
    assert checked >= 300
    assert not wrong, f"{len(wrong)} of {checked} wrong:\n" + "\n".join(wrong)
