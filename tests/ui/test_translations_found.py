"""Every text the window translates is in the catalogue: lupdate does not read inside
f-strings, so ``f"{self.tr('…')}"`` would stay French in English."""

from __future__ import annotations

import re
from pathlib import Path

UI = Path(__file__).resolve().parents[2] / "ui"


def test_no_tr_call_hides_inside_an_f_string() -> None:
    hidden = [
        f"{path.name}:{number}"
        for path in sorted(UI.glob("*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if re.search(r"""\bf["'].*\{[^}]*\.tr\(""", line)
    ]
    assert hidden == []
