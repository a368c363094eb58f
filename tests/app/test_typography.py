"""French typography in every French text a user reads: no-break spaces, the ’ apostrophe."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from app.cli.argparse_fr import FRENCH
from app.cli.main import TEXTS
from app.errors import FIELDS, MESSAGES, PERSONAL_DATA
from app.nomenclature import COMMUNE_SPECIAL, DEFAULT_LISTS
from app.paths import resource
from app.stats_report_text import OTHERS, SECTIONS
from app.stats_report_text import TEXTS as REPORT_TEXTS

# A plain space before : ; ! ? », or after «, would let a line break strand the sign.
BAD_SPACE = re.compile(r" [:;!?»]|« ")
# An ASCII apostrophe between letters (l'accueil) instead of ’ (l’accueil).
BAD_APOSTROPHE = re.compile(r"[A-Za-zÀ-ÿ]'[A-Za-zÀ-ÿ]")


def french_texts() -> list[str]:
    texts = [fr for fr, _en in MESSAGES.values()]
    texts += [fr for fr, _en in TEXTS.values()]
    texts += [fr for fr, _en in FIELDS.values()] + [fr for fr, _en in PERSONAL_DATA.values()]
    texts += list(FRENCH.values())
    texts += [fr for items in DEFAULT_LISTS.values() for _code, fr, _en in items]
    texts += [fr for _code, fr, _en in COMMUNE_SPECIAL]
    texts += [fr for fr, _en in REPORT_TEXTS.values()] + [fr for fr, _en in SECTIONS.values()]
    texts += [word for (fr, _en) in OTHERS.values() for word in fr]
    tree = ET.parse(resource("translations", "aiguillage_en.ts"))
    texts += [m.findtext("source") or "" for m in tree.iter("message")]
    return texts


def test_french_texts_use_no_break_spaces_and_the_typographic_apostrophe() -> None:
    texts = french_texts()
    assert len(texts) > 150
    wrong = [t for t in texts if BAD_SPACE.search(t) or BAD_APOSTROPHE.search(t)]
    assert wrong == []
