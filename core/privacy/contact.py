"""E-mail addresses and phone numbers, as agents type them and as visitors dictate them:
« arobase », « chez gmail », spaced @, O for 0, digits in words, odd separators.

International numbers are left to phonenumbers' matcher, which knows every country's
lengths; French national numbers are ours, as a typo must not let one through."""

import re
from collections.abc import Iterator
from datetime import date

from core.privacy.base import Span, digits_of

# --- e-mail ------------------------------------------------------------------------------
_W = r"[ \t\r\n]"
_PROVIDERS = (
    r"(?:gmail|googlemail|hotmail|yahoo|outlook|live|msn|orange|wanadoo|free|sfr|neuf|"
    r"laposte|icloud|aol|protonmail|proton|yopmail|bbox|numericable)"
)
_TLDS = r"(?:fr|com|net|org|eu|be|ch|info|io|me|de|uk|es|it|ma|dz|tn|sn|re|gp|mq|gf|yt|nc|pf)"
_LOCAL_PART = r"[a-z0-9._%+-]+"
_DOT_WORD = rf"{_W}*[(\[{{]{_W}*(?:dot|point){_W}*[)\]}}]{_W}*|{_W}+(?:dot|point){_W}+"
_EMAIL = re.compile(
    rf"(?<![a-z0-9._%+-])(?P<local>{_LOCAL_PART}(?:{_W}+point{_W}+{_LOCAL_PART})*)"
    rf"(?P<at>{_W}*@{_W}*|{_W}*[(\[{{]{_W}*(?:at|arobase|a|@){_W}*[)\]}}]{_W}*"
    rf"|{_W}+(?P<word>at|arobase|chez){_W}+)"
    rf"(?P<domain>[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{{2,}}(?![a-z0-9])"
    rf"|[a-z0-9-]+(?:(?:{_W}*[.,]{_W}*|{_DOT_WORD})[a-z0-9-]+)*?"
    rf"(?:{_W}*[.,]{_W}*|{_DOT_WORD}){_TLDS}(?![a-z0-9])"
    rf"|{_PROVIDERS}(?![a-z0-9@-]|\.[a-z0-9]))",
    re.IGNORECASE,
)


def find_emails(work: str, _text: str, _today: date) -> Iterator[Span]:
    for m in _EMAIL.finditer(work):
        # « stage chez Orange » is not an address: with « chez », the part before it must
        # look like a mailbox (jean.dupont, lea59), or a top-level domain must follow.
        mailbox = re.search(r"[._0-9-]", m["local"]) is not None
        provider_and_tld = re.match(_PROVIDERS + r"\W", m["domain"], re.IGNORECASE) is not None
        if (m["word"] or "").lower() == "chez" and not (mailbox or provider_and_tld):
            continue
        yield "email", m.start(), m.end()


# --- phone -------------------------------------------------------------------------------
_PSEP = r"(?:[ \t]*[./,_-][ \t]*|\s+)"
_P = _PSEP + "?"
_FRENCH_PHONE = re.compile(
    r"(?<![0-9+])(?:"
    # +33 / 0033 and the overseas codes, with an optional (0) or stray trunk 0
    rf"(?:\+|00)[ \t]*(?:33|262|269|590|594|596){_P}(?:\([ \t]*0[ \t]*\){_P}|0{_P})?[1-9]"
    rf"(?:{_P}[0-9]){{8}}"
    rf"|0{_P}[1-9](?:{_P}[0-9]){{8}}"  # national: 0 + 9 digits, any grouping
    r")(?![0-9])"
)
# A group of digits where a visitor's O and l stand for 0 and 1 (« O6 l2 34 56 78 »).
_DIGITISH = re.compile(r"(?<![^\W_])[0-9OolI]*[0-9][0-9OolI]*(?![^\W_])")
_LOOKALIKE = str.maketrans("OolI", "0011")


def _digitised(work: str) -> str:
    """`work` with the O and l of digit groups read as digits (same length)."""
    return _DIGITISH.sub(lambda m: m.group().translate(_LOOKALIKE), work)


def _is_freephone(number: str) -> bool:
    """0 800 to 0 805: an organisation's free number, never a visitor's."""
    national = digits_of(number)
    national = "0" + national[2:] if national.startswith("33") else national
    national = "0" + national[4:] if national.startswith("0033") else national
    return national.startswith("080")


def find_phones(work: str, _text: str, _today: date) -> Iterator[Span]:
    import phonenumbers  # 0.1 s to import: paid on the first note, not at start-up

    digitised = _digitised(work)
    for m in _FRENCH_PHONE.finditer(digitised):
        yield (None if _is_freephone(m.group()) else "phone"), m.start(), m.end()
    for match in phonenumbers.PhoneNumberMatcher(digitised, "FR", phonenumbers.Leniency.POSSIBLE):
        if match.raw_string.startswith(("+", "00")):  # national forms are handled above
            yield "phone", match.start, match.end


# --- phone numbers in words: « zéro six douze trente-quatre… » ---------------------------
_UNITS = {
    "zero": 0, "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5,
    "six": 6, "sept": 7, "huit": 8, "neuf": 9,
}  # fmt: skip
_TEENS = {
    "dix": 10,
    "onze": 11,
    "douze": 12,
    "treize": 13,
    "quatorze": 14,
    "quinze": 15,
    "seize": 16,
}
_TENS = {
    "vingt": 20, "vingts": 20, "trente": 30, "quarante": 40, "cinquante": 50,
    "soixante": 60, "septante": 70, "huitante": 80, "octante": 80, "nonante": 90,
}  # fmt: skip
_TOKEN = re.compile(r"[a-z]+|[0-9]+", re.IGNORECASE)
_JOINERS = re.compile(r"[\s,;.:/_-]*")


def _number_words(tokens: list[str]) -> tuple[str, int] | None:
    """The digits the first words of `tokens` say and how many tokens they use."""
    first = tokens[0]
    nxt = tokens[1] if len(tokens) > 1 else ""
    if first == "quatre" and nxt in ("vingt", "vingts"):
        value, used = 80, 2
    elif first in _TENS:
        value, used = _TENS[first], 1
    elif first in _TEENS:
        if first == "dix" and _UNITS.get(nxt, 0) >= 7:
            return str(10 + _UNITS[nxt]), 2
        return str(_TEENS[first]), 1
    elif first in _UNITS:
        return str(_UNITS[first]), 1
    elif first.isdigit():
        return first, 1
    else:
        return None
    rest = tokens[used:]
    if rest[:1] == ["et"]:
        rest, used = rest[1:], used + 1
    after = rest[0] if rest else ""
    if value in (60, 80) and (after in _TEENS or (after == "dix")):
        teen = _number_words(rest)
        if teen is not None and len(teen[0]) == 2:
            return str(value + int(teen[0])), used + teen[1]
    if after in _UNITS and _UNITS[after] > 0:
        return str(value + _UNITS[after]), used + 1
    return str(value), used


def find_spoken_phones(work: str, _text: str, _today: date) -> Iterator[Span]:
    """Runs of number words (and digit groups) that spell a French phone number."""
    tokens = [t for t in _TOKEN.finditer(work)]
    i = 0
    while i < len(tokens):
        run = [tokens[i]]
        while i + len(run) < len(tokens) and _is_number_token(run[-1].group()):
            following = tokens[i + len(run)]
            if not _JOINERS.fullmatch(work[run[-1].end() : following.start()]):
                break
            run.append(following)
        words = [t.group().lower() for t in run]
        digits, used, spoken = "", 0, False
        while used < len(words) and (said := _number_words(words[used:])) is not None:
            digits += said[0]
            spoken = spoken or not words[used].isdigit()
            used += said[1]
        if spoken and len(digits) >= 10 and re.match(r"0[1-79]", digits):
            yield "phone", run[0].start(), run[used - 1].end()
        i += max(used, 1)


def _is_number_token(token: str) -> bool:
    word = token.lower()
    return token.isdigit() or word == "et" or word in _UNITS or word in _TEENS or word in _TENS
