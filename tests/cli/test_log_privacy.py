"""The desk's log file holds nothing about a visitor: not even the personal data a refused
note or comment quoted back to the agent."""

from __future__ import annotations

from pathlib import Path

from tests.cli.test_commands import ADD, aiguillage

TYPED = ["Mme Sophie Martin", "06 12 34 56 78", "sophie.martin@orange.fr", "12 rue des Lilas"]


def test_a_refused_note_is_logged_without_what_it_held(home: Path) -> None:
    for typed, lang in zip(TYPED, ["fr", "en", "fr", "fr"], strict=True):
        done = aiguillage(home, *ADD, "--theme", "bad-code", "--note", f"voir {typed}", lang=lang)
        assert done.returncode == 1
        assert typed in done.stderr  # the agent is shown what to take out
    logs = "".join(p.read_text(encoding="utf-8") for p in home.rglob("aiguillage.log*"))
    assert "contact: " in logs  # the refusals are logged…
    assert "note_personal_data" in logs and "unknown_code" in logs
    for typed in TYPED:
        assert typed not in logs  # …without the words that were refused
