"""Text outside the window, in French or English: gettext catalogues read with Babel.

French is the source language: a message's id is its French text, as a reader of the code
sees it (the window's Qt Linguist sources are French too), and
``resources/locale/en/LC_MESSAGES/aiguillage.po`` holds its English. French needs no
catalogue: its plural forms are chosen here by Babel's CLDR rule (« 0 ligne », « 1 ligne »,
« 2 lignes »), the English ones by the catalogue's ``Plural-Forms``.

Every function takes the language, since one process writes in both (an error shown in
French is logged in English); without it, the desk's language (:func:`language`) is used.
Tables of messages mark their texts with :func:`N_` (or :func:`Nn_` for a counted one, and
:func:`Np_` for one whose French is another's with other English) so that ``pybabel
extract`` finds them; they are translated when read (:func:`translate`).

A message with one count is a catalogue plural (:func:`ngettext`, :func:`Nn_`). A message
with several counts (« {pushed} envoyés, {pulled} reçus ») cannot be one, since a catalogue
entry has a single number: each counted word is written ``{n:mot|mots}`` in the message and
chosen by the language's plural rule (Babel's CLDR) when filled (``core.errors.fill``).

The compiled ``.mo`` is committed beside its ``.po`` (``make translations`` rebuilds both)
so that a fresh clone runs without a compile step; a test checks that it is up to date.
"""

from __future__ import annotations

import gettext as _gettext
from contextvars import ContextVar
from functools import cache
from typing import NamedTuple

from babel import Locale
from babel.core import negotiate_locale
from babel.support import NullTranslations, Translations

from core.lang import chosen_language
from core.resources import resource

DOMAIN = "aiguillage"
LOCALE_DIR = resource("locale")
LANGUAGES = ("fr", "en")

_language: str = ""
# One request's language, where one process serves people of either (the hub's console).
_asked: ContextVar[str] = ContextVar("aiguillage_language", default="")


def use_language(lang: str) -> None:
    """The desk's language, for text written without one: its ``ui.language`` setting
    (``AIGUILLAGE_LANG`` still wins, as for the window)."""
    global _language
    _language = "en" if lang == "en" else "fr"


def language() -> str:
    """The language of the request being answered (:func:`answer_in`), else
    ``AIGUILLAGE_LANG`` when set, else the language given to :func:`use_language`, else
    French."""
    return _asked.get() or chosen_language() or _language or "fr"


def answer_in(lang: str) -> None:
    """Text written without a language, until this request (this context) ends, is in
    ``lang``."""
    _asked.set("en" if lang == "en" else "fr")


def accepted_language(header: str | None) -> str:
    """``en`` or ``fr``, whichever an ``Accept-Language`` header prefers (French when it
    names neither: the region's language). Babel matches the tags (``en-GB`` is English);
    it reads no header, so the weights are read here: ``q=0`` refuses a language, and
    among equal weights the earlier tag wins."""
    ranked: list[tuple[float, int, str]] = []
    for position, part in enumerate((header or "").split(",")):
        tag, *params = (piece.strip() for piece in part.split(";"))
        weight = 1.0
        for param in params:
            name, _equals, value = param.partition("=")
            if name.strip().lower() == "q":
                try:
                    weight = float(value)
                except ValueError:
                    weight = 0.0
        if tag and 0 < weight <= 1:
            ranked.append((-weight, position, tag))
    preferred = [tag for _weight, _position, tag in sorted(ranked)]
    found = negotiate_locale(preferred, LANGUAGES, sep="-")
    return "en" if found is not None and found.lower() == "en" else "fr"


def _lang(lang: str | None) -> str:
    chosen = language() if lang is None else lang
    return "en" if chosen.startswith("en") else "fr"


@cache
def translations(lang: str) -> _gettext.NullTranslations:
    """The catalogue of ``lang``: English's, or none for French (the source language)."""
    if lang != "en":
        return NullTranslations()
    return Translations.load(str(LOCALE_DIR), ["en"], DOMAIN)


def N_(message: str) -> str:
    """Marks a French message for extraction; it is translated where it is read."""
    return message


class Counted(NamedTuple):
    """A message that counts: its French singular and plural, chosen by ``count``."""

    singular: str
    plural: str


def Nn_(singular: str, plural: str) -> Counted:
    """Marks a counted message (singular, plural) for extraction."""
    return Counted(singular, plural)


class InContext(NamedTuple):
    """A message whose French is another's with other English, and its context."""

    context: str
    message: str


def Np_(context: str, message: str) -> InContext:
    """Marks a message with its context for extraction (``keywords`` in ``babel.cfg``)."""
    return InContext(context, message)


def gettext(message: str, lang: str | None = None) -> str:
    """``message`` in ``lang``; an empty message stays empty (gettext would give the
    catalogue's header)."""
    return translations(_lang(lang)).gettext(message) if message else ""


def pgettext(context: str, message: str, lang: str | None = None) -> str:
    """``message`` where its French is the same as another's with other English."""
    return translations(_lang(lang)).pgettext(context, message)


def npgettext(context: str, singular: str, plural: str, count: int, lang: str | None = None) -> str:
    chosen = _lang(lang)
    if chosen == "en":
        return translations("en").npgettext(context, singular, plural, count)
    return singular if french_plural_form(count) == "one" else plural


def ngettext(singular: str, plural: str, count: int, lang: str | None = None) -> str:
    """The form of a counted message the language's rule asks for."""
    chosen = _lang(lang)
    if chosen == "en":
        return translations("en").ngettext(singular, plural, count)
    return singular if french_plural_form(count) == "one" else plural


def french_plural_form(count: int) -> str:
    """CLDR's French category: « one » for 0 and 1."""
    return "one" if Locale("fr").plural_form(count) == "one" else "other"


def translate(message: str | Counted | InContext, lang: str | None = None, count: int = 0) -> str:
    """A table's message, plain, counted or in its context, in ``lang``."""
    if isinstance(message, Counted):
        return ngettext(message.singular, message.plural, count, lang)
    if isinstance(message, InContext):
        return pgettext(message.context, message.message, lang)
    return gettext(message, lang)
