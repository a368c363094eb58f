"""The threat model names, for each control, the test that checks it: every file and test
it names must exist, so that the document cannot claim a test that was renamed or lost."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_every_test_the_threat_model_names_exists() -> None:
    text = (ROOT / "docs" / "SECURITY.md").read_text(encoding="utf-8")
    named: list[tuple[str, str | None]] = []
    text = re.sub(r"^```.*?^```", "", text, flags=re.M | re.S)  # the drawing
    for cell in re.findall(r"`([^`\n]+)`", text):
        # « tests/x.py::name », « tests/x.py », or « ::name » (the file named before it)
        match = re.fullmatch(r"(tests/[\w/]+\.py)?(?:::(\w+))?", cell)
        if match is None or not any(match.groups()):
            continue
        path, test = match.groups()
        if path is None:
            assert named, f"« {cell} » names no file"
            path = named[-1][0]
        named.append((path, test))
    assert len(named) > 40
    for path, test in named:
        source = ROOT / path
        assert source.is_file(), path
        if test is not None:
            assert re.search(rf"^(async )?def {test}\(", source.read_text(), re.M), (path, test)
