"""The console (and the hub's answers to desks) speak the language a browser or a desk
prefers, read from ``Accept-Language`` as browsers write it."""

from __future__ import annotations

import pytest

from core.i18n import accepted_language


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("en-GB,en;q=0.9,fr;q=0.8", "en"),  # Firefox set to British English
        ("fr-FR", "fr"),
        ("en-US", "en"),
        ("de-DE,de;q=0.9", "fr"),  # neither: the region's language
        ("de-DE,de;q=0.9,en;q=0.5", "en"),  # the first the console speaks
        ("*", "fr"),
        ("", "fr"),
        (None, "fr"),
        ("garbage;;;=,q=;q=x", "fr"),
        ("en;q=0, fr;q=0.1", "fr"),  # q=0: English refused
        ("en;q=0", "fr"),
        ("fr;q=0.3, en;q=0.7", "en"),  # by weight, not by order
        ("fr, en", "fr"),  # equal weights: the first
        ("EN-gb", "en"),
        ("en;q=x, fr;q=0.5", "fr"),  # an unreadable weight counts as refused
    ],
)
def test_the_preferred_language_is_read_from_real_headers(
    header: str | None, expected: str
) -> None:
    assert accepted_language(header) == expected
