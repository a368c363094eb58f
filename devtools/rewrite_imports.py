"""Rewrite the names of the desk's modules that moved to their feature's folder, in Python
files and documents: ``python -m devtools.rewrite_imports [FILE|DIR …]`` (the whole tree by
default). A branch started before the move runs it after merging; running it twice changes
nothing more.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

# Old module -> new module.
MOVED: dict[str, str] = {
    "app.contact": "app.intake.contact",
    "app.intake": "app.intake.service",
    "app.contact_import": "app.intake.tallies",
    "app.referral": "app.referrals.codes",
    "app.slip": "app.referrals.slip",
    "app.slip_records": "app.referrals.records",
    "app.stats": "app.stats.queries",
    "app.stats_dashboard": "app.stats.dashboard",
    "app.stats_export": "app.stats.exports",
    "app.stats_labels": "app.stats.labels",
    "app.stats_report": "app.stats.report",
    "app.backup": "app.backup.copies",
}
# The new packages' modules, read from their folders: ``app.stats.report`` or
# ``app.backup.health`` is already new, not ``app.stats`` or ``app.backup`` + more.
_ROOT = Path(__file__).resolve().parent.parent
_NEW_CHILDREN: dict[str, set[str]] = {}
for _new in MOVED.values():
    _parent = _new.rsplit(".", 1)[0]
    _folder = _ROOT.joinpath(*_parent.split("."))
    _NEW_CHILDREN[_parent] = {f.stem for f in _folder.glob("*.py") if f.stem != "__init__"}
_SUFFIXES = (".py", ".md", ".toml", ".cfg", ".ini", ".spec", ".txt", "Makefile")
_SKIP = {".git", ".venv", ".mypy_cache", ".ruff_cache", "build", "dist", "node_modules"}


def _dotted(old: str) -> re.Pattern[str]:
    parent = old if old in _NEW_CHILDREN else None
    children = "|".join(sorted(_NEW_CHILDREN.get(parent or "", set())))
    # Neither app.stats.report nor ``from app.stats import report`` is an old name.
    guard = rf"(?!\.(?:{children})\b|\s+import\s+(?:{children})\b)" if children else ""
    return re.compile(rf"(?<![\w.]){re.escape(old)}\b{guard}")


def _slashed(old: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w/]){re.escape(old.replace('.', '/'))}\.py\b")


_FROM_APP = re.compile(r"^(\s*)from app import (\w+)(?: as (\w+))?$", re.MULTILINE)


def _from_app(match: re.Match[str]) -> str:
    indent, name, alias = match.group(1), match.group(2), match.group(3)
    new = MOVED.get(f"app.{name}")
    if new is None:
        return match.group(0)
    package, module = new.rsplit(".", 1)
    local = alias or name
    tail = "" if local == module else f" as {local}"
    return f"{indent}from {package} import {module}{tail}"


def rewrite(text: str) -> str:
    # Longest names first, so that app.stats_report is not read as app.stats + "_report".
    for old in sorted(MOVED, key=len, reverse=True):
        new = MOVED[old]
        text = _dotted(old).sub(new, text)
        text = _slashed(old).sub(new.replace(".", "/") + ".py", text)
    return _FROM_APP.sub(_from_app, text)


def files(roots: list[Path]) -> list[Path]:
    found: list[Path] = []
    for root in roots:
        if root.is_file():
            found.append(root)
            continue
        for path in root.rglob("*"):
            if _SKIP.intersection(path.parts) or not path.is_file():
                continue
            if path.name.endswith(_SUFFIXES) and path.name != Path(__file__).name:
                found.append(path)
    return found


def main(argv: list[str]) -> int:
    roots = [Path(a) for a in argv] or [Path(".")]
    for path in files(roots):
        text = path.read_text(encoding="utf-8")
        new = rewrite(text)
        if new != text:
            path.write_text(new, encoding="utf-8")
            print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
