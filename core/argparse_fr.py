"""French words for argparse's own messages (usage, errors, help headings).

argparse takes its messages through ``gettext``; the desk and the hub speak French by
default, so both command lines (``aiguillage``, ``aiguillage-hub``) do too.
"""

from __future__ import annotations

import argparse

FRENCH: dict[str, str] = {
    "usage: ": "usage : ",
    "positional arguments": "arguments",
    "options": "options",
    "show this help message and exit": "affiche cette aide et quitte",
    "the following arguments are required: %s": "arguments obligatoires manquants : %s",
    "unrecognized arguments: %s": "arguments non reconnus : %s",
    "invalid choice: %(value)r (choose from %(choices)s)": (
        "choix invalide : %(value)r (possibles : %(choices)s)"
    ),
    "expected one argument": "une valeur est attendue",
    "expected at least one argument": "au moins une valeur est attendue",
    "argument %(argument_name)s: %(message)s": "argument %(argument_name)s : %(message)s",
    "%(prog)s: error: %(message)s\n": "%(prog)s : erreur : %(message)s\n",
    "not allowed with argument %s": "incompatible avec l’argument %s",
    "one of the arguments %s is required": "l’un des arguments %s est obligatoire",
    "invalid %(type)s value: %(value)r": "valeur %(type)s invalide : %(value)r",
    "ambiguous option: %(option)s could match %(matches)s": (
        "option ambiguë : %(option)s peut désigner %(matches)s"
    ),
    "show program's version number and exit": "affiche la version et quitte",
}


def use_language(lang: str) -> None:
    """Make argparse speak ``lang`` ("fr" or "en") from now on in this process."""
    if lang == "en":
        argparse._ = lambda message: message  # type: ignore[attr-defined]
        argparse.ngettext = lambda s, p, n: s if n == 1 else p  # type: ignore[attr-defined]
        return
    argparse._ = lambda message: FRENCH.get(message, message)  # type: ignore[attr-defined]

    def ngettext(singular: str, plural: str, count: int) -> str:
        chosen = singular if count == 1 else plural
        return FRENCH.get(chosen, chosen)

    argparse.ngettext = ngettext  # type: ignore[attr-defined]
