"""The gettext catalogue of the text outside the window: every French message the code
marks (core, the desk's services, the hub and its console's templates) has its English,
the compiled catalogue is the one its source says, and the French is typeset."""

from __future__ import annotations

import re
import string
from functools import cache

from babel.messages.catalog import Catalog
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po

from core.i18n import LOCALE_DIR, ngettext
from core.resources import PACKAGE_ROOT

EN = LOCALE_DIR / "en" / "LC_MESSAGES"
# A plain space before : ; ! ? », or after «, would let a line break strand the sign.
BAD_SPACE = re.compile(r" [:;!?»]|« ")
BAD_APOSTROPHE = re.compile(r"[A-Za-zÀ-ÿ]'[A-Za-zÀ-ÿ]")

Key = tuple[str | tuple[str, ...], str | None]


@cache
def extracted() -> dict[Key, str]:
    """Every message the code marks, as ``make catalogues`` extracts it: (id, context) ->
    where it was found."""
    with (PACKAGE_ROOT / "babel.cfg").open(encoding="utf-8") as config:
        # Babel's own reader of babel.cfg (shipped without annotations).
        method_map, options_map = parse_mapping_cfg(config)  # type: ignore[no-untyped-call]
    found: dict[Key, str] = {}
    keywords = {**DEFAULT_KEYWORDS, "Nn_": (1, 2)}
    for where, line, message, _comments, context in extract_from_dir(
        PACKAGE_ROOT, method_map, options_map, keywords=keywords
    ):
        found[(message, context)] = f"{where}:{line}"
    return found


def english() -> Catalog:
    with (EN / "aiguillage.po").open("rb") as source:
        return read_po(source, locale="en")


def test_the_code_marks_the_core_s_messages() -> None:
    ids = {message if isinstance(message, str) else message[0] for message, _c in extracted()}
    assert "Aucune sauvegarde n’est disponible." in ids  # core/errors.py
    assert "À propos de ces chiffres" in ids  # core/report/text.py
    assert len(extracted()) > 130


def test_every_message_has_its_english() -> None:
    catalogue = english()
    untranslated = []
    for (message, context), where in extracted().items():
        entry = catalogue.get(message, context=context)
        strings = entry.string if entry is not None else ""
        forms = strings if isinstance(strings, tuple) else (strings,)
        if entry is None or entry.fuzzy or not all(forms):
            untranslated.append(f"{where}: {message!r}")
    assert untranslated == []


def test_the_english_keeps_every_placeholder() -> None:
    def fields(text: str) -> set[str]:
        """``{name}`` (Python) and ``%(name)s`` (the console's templates)."""
        if "%(" in text:
            return set(re.findall(r"%\((\w+)\)s", text))
        return {name for _t, name, _s, _c in string.Formatter().parse(text) if name}

    wrong = []
    for entry in english():
        if not entry.id:
            continue
        ids = [str(i) for i in tuple_of(entry.id)]
        strings = [str(s) for s in tuple_of(entry.string)]
        if any(fields(s) != fields(ids[-1]) for s in strings if s):
            wrong.append(entry.id)
    assert wrong == []


def tuple_of(strings: object) -> tuple[object, ...]:
    return tuple(strings) if isinstance(strings, list | tuple) else (strings,)


def test_the_compiled_catalogue_is_up_to_date() -> None:
    """The .mo is committed so that a clone runs without compiling: it must say what the
    .po says (``make catalogues`` rebuilds it)."""
    with (EN / "aiguillage.mo").open("rb") as compiled:
        shipped = {
            (tuple_of(m.id), m.context): tuple_of(m.string) for m in read_mo(compiled) if m.id
        }
    source = {
        (tuple_of(m.id), m.context): tuple_of(m.string) for m in english() if m.id and not m.fuzzy
    }
    assert shipped == source


def test_french_messages_are_typeset() -> None:
    texts: list[str] = []
    for message, _context in extracted():
        texts += [message] if isinstance(message, str) else list(message)
    wrong = [t for t in texts if BAD_SPACE.search(t) or BAD_APOSTROPHE.search(t)]
    assert wrong == []


def test_counted_messages_follow_each_language_s_rule() -> None:
    forms = ("{count:,} autre commune", "{count:,} autres communes")
    assert [ngettext(*forms, n, "fr") for n in (0, 1, 2)] == [forms[0], forms[0], forms[1]]
    english_forms = [ngettext(*forms, n, "en") for n in (0, 1, 2)]
    assert english_forms == [
        f"{{count:,}} other {word}" for word in ("communes", "commune", "communes")
    ]
