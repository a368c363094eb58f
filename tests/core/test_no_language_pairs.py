"""Text outside the window is translated by the gettext catalogue only: no (French, English)
pair of literals may come back in the core, the desk's services, the hub or the development
tools (the window keeps Qt Linguist, and its own code is not read here)."""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
PACKAGES = ("core", "app", "hub", "devtools")

# Files still holding pairs, waiting for the catalogue; an entry without a pair left fails
# the test, so the list only ever shrinks.
STILL_PAIRED: frozenset[str] = frozenset()

# Words of English a French text does not hold.
ENGLISH = frozenset(
    [
        "the",
        "of",
        "by",
        "and",
        "not",
        "an",
        "at",
        "most",
        "yes",
        "no",
        "number",
        "whole",
        "web",
        "address",
        "week",
        "day",
        "hour",
        "month",
        "weekday",
        "visits",
        "referrals",
        "others",
        "given",
        "required",
    ]
)
_WORD = re.compile(r"[^\W\d_]+")
_NOT_PROSE = re.compile(r"[*\\?^$|\[\]_%=<>+]")


def _prose(text: str) -> bool:
    """Words a person reads, not a code, a pattern, a format or a CamelCase name."""
    words = _WORD.findall(text)
    return (
        sum(map(len, words)) >= 3
        and not _NOT_PROSE.search(text)
        and all(word[1:] == word[1:].lower() or word.isupper() for word in words)
    )


def looks_like_pair(first: str, second: str) -> bool:
    """``("Canal", "Channel")``, ``("nombre entier", "whole number")``: the French of a
    text, then its English."""
    if first == second or not (_prose(first) and _prose(second)) or not second.isascii():
        return False
    if not first.isascii():
        return True
    if first.islower() and len(_WORD.findall(first)) == 1:
        return False  # a code: ``("day", "week")``
    if ENGLISH & {word.lower() for word in _WORD.findall(second)}:
        return True
    return first[0].isupper() and second[0].isupper()


def pairs(source: str) -> Iterator[tuple[int, str, str]]:
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Tuple) and len(node.elts) == 2:
            first, second = node.elts
            if (
                isinstance(first, ast.Constant)
                and isinstance(second, ast.Constant)
                and isinstance(first.value, str)
                and isinstance(second.value, str)
                and looks_like_pair(first.value, second.value)
            ):
                yield node.lineno, first.value, second.value


def found() -> dict[str, list[str]]:
    where: dict[str, list[str]] = {}
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            relative = path.relative_to(ROOT).as_posix()
            for line, french, english in pairs(path.read_text(encoding="utf-8")):
                where.setdefault(relative, []).append(f"{line}: {french!r} / {english!r}")
    return where


def test_no_french_english_pair_outside_the_catalogue() -> None:
    new = {path: lines for path, lines in found().items() if path not in STILL_PAIRED}
    assert not new, "Mark the French with N_ and write its English in the .po:\n" + "\n".join(
        f"  {path}:{line}" for path, lines in sorted(new.items()) for line in lines
    )


def test_what_is_still_paired_is_still_paired() -> None:
    done = sorted(STILL_PAIRED - set(found()))
    assert not done, "No pair left: remove from STILL_PAIRED:\n  " + "\n  ".join(done)


def test_a_pair_is_found_and_codes_are_not() -> None:
    source = """
LABELS = {"channel": ("Canal", "Channel"), "agent": ("Code agent", "Agent code")}
SECTION = ("Accueils par site", "Visits by site")
refuse(raw, ("nombre entier", "whole number"))
PATTERNS = ((r"Input should be a valid date.*", "date attendue"), ("Extra inputs", "champ inconnu"))
CODES = ("weekday", "hour"), ("Mn", "Me"), ("PySide6", "LGPL-3.0"), ("%Y-%m-%d", "%d/%m/%Y")
FONTS = ("DejaVuSans", "DejaVuSans-Bold"), ("Site", "Site"), ("structure", "service")
"""
    assert {(french, english) for _line, french, english in pairs(source)} == {
        ("Canal", "Channel"),
        ("Code agent", "Agent code"),
        ("Accueils par site", "Visits by site"),
        ("nombre entier", "whole number"),
    }
