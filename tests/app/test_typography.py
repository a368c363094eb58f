"""French typography in every French text a user reads: no-break spaces, the ’ apostrophe.
The messages of the gettext catalogue are checked where they are extracted
(tests/core/test_catalogues.py); here, the tables still written as (French, English)."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from core.argparse_fr import FRENCH
from core.errors import FIELDS
from core.lists import COMMUNE_SPECIAL, DEFAULT_LISTS
from core.report.text import SECTIONS
from core.resources import resource

# A plain space before : ; ! ? », or after «, would let a line break strand the sign.
BAD_SPACE = re.compile(r" [:;!?»]|« ")
# An ASCII apostrophe between letters (l'accueil) instead of ’ (l’accueil).
BAD_APOSTROPHE = re.compile(r"[A-Za-zÀ-ÿ]'[A-Za-zÀ-ÿ]")


def french_texts() -> list[str]:
    texts = [fr for fr, _en in FIELDS.values()]
    texts += list(FRENCH.values())
    texts += [fr for items in DEFAULT_LISTS.values() for _code, fr, _en in items]
    texts += [fr for _code, fr, _en in COMMUNE_SPECIAL]
    texts += list(SECTIONS.values())
    tree = ET.parse(resource("translations", "aiguillage_en.ts"))
    texts += [m.findtext("source") or "" for m in tree.iter("message")]
    return texts


def test_french_texts_use_no_break_spaces_and_the_typographic_apostrophe() -> None:
    texts = french_texts()
    assert len(texts) > 150
    wrong = [t for t in texts if BAD_SPACE.search(t) or BAD_APOSTROPHE.search(t)]
    assert wrong == []


def test_the_console_s_pages_and_messages_too() -> None:
    """The hub's console: the text of its templates, and the messages its code shows."""
    import html
    from pathlib import Path

    console = Path(__file__).resolve().parents[2] / "hub" / "console"
    texts = []
    for page in sorted((console / "templates").glob("*.html")):
        markup = re.sub(r"\{[{%#].*?[%}#]\}", "", page.read_text(encoding="utf-8"), flags=re.S)
        texts += [html.unescape(t) for t in re.sub(r"<[^>]+>", "\n", markup).splitlines()]
    for module in sorted(console.glob("*.py")):
        # French strings: those with an accent, a French sign or a no-break space.
        strings = re.findall(r'"([^"\n]+)"', module.read_text(encoding="utf-8"))
        texts += [t for t in strings if re.search(r"[à-ÿœ’«»]|\\u00a0", t)]
    texts = [t.replace("\\u00a0", "\u00a0") for t in texts if t.strip()]
    assert len(texts) > 60
    wrong = [t for t in texts if BAD_SPACE.search(t) or BAD_APOSTROPHE.search(t)]
    assert wrong == []
