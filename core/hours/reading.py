"""Reading an ``opening_hours`` value as real directories write it.

The value is first read as OSM syntax. When the parser refuses it, the harmless mistakes
real data is full of are repaired, each with a warning: a stray ``;``, ``7-18`` for
``07:00-18:00``, French day names, spaces after commas, free text after the hours (kept as
a comment). A repair is kept only when what it reads is certain: free text is kept word for
word and names no day nor hour, a repaired rule says its hours, and no repaired rule
overrides the days of an earlier one (``Mardi-Samedi 12h-14h; Jeudi-Vendredi 19h-22h`` is
refused, not read as Thursday evenings only). A rule that is only a comment
(``"sur rendez-vous"``, ``Sa "sur rendez-vous"``) says nothing of when the place is open: it
is read as *unknown*, not as open all day.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta

import opening_hours

from core.i18n import N_, gettext

# What a repair did (a catalogue message); ``{detail}`` names the words it changed.
REPAIRS: dict[str, str] = {
    "separator": N_("point-virgule en trop retiré"),
    "french_days": N_("jours écrits en français lus comme {detail}"),
    "spaces": N_("espaces après les virgules retirées"),
    "short_times": N_("heures abrégées lues comme {detail}"),
    "free_text": N_("texte libre «\u00a0{detail}\u00a0» gardé comme commentaire"),
    "joined": N_("heures «\u00a0{detail}\u00a0» lues avec les jours qui les précèdent"),
}


@dataclass(frozen=True, slots=True)
class Reading:
    """A value as read: ``text`` is valid OSM syntax (repaired if need be), None when the
    value could not be read at all. ``repairs`` are (code, detail) pairs of :data:`REPAIRS`."""

    raw: str
    text: str | None
    repairs: tuple[tuple[str, str], ...] = ()

    @property
    def valid(self) -> bool:
        return self.text is not None

    def warnings(self, lang: str) -> list[str]:
        return [gettext(REPAIRS[code], lang).format(detail=detail) for code, detail in self.repairs]

    @property
    def comments(self) -> list[str]:
        found = re.findall(r'"([^"]*)"', self.text or "")
        return list(dict.fromkeys(c.strip() for c in found if c.strip()))


def parses(text: str) -> bool:
    try:
        opening_hours.OpeningHours(text, country="FR", auto_country=False)
    except Exception:  # the parser's own ParserError, absent from its type stubs
        return False
    return True


_SEPARATOR = re.compile(r'("[^"]*")|(\|\||;)')


def split_rules(text: str) -> tuple[list[str], list[str]]:
    """The rules of a value and the separators between them (``;`` or ``||``), quotes kept."""
    rules, separators, start = [], [], 0
    for match in _SEPARATOR.finditer(text):
        if match.group(2):
            rules.append(text[start : match.start()])
            separators.append(match.group(2))
            start = match.end()
    rules.append(text[start:])
    return rules, separators


def _outside_quotes(text: str, change: re.Pattern[str], replace: str | object) -> str:
    parts = re.split(r'("[^"]*")', text)
    return "".join(
        part if part.startswith('"') else change.sub(replace, part)  # type: ignore[arg-type]
        for part in parts
    )


_STATE = re.compile(r"(?<![\w\"])(open|closed|off|unknown)(?![\w\"])")
_TIME = re.compile(r"\d\d?:\d\d|sunrise|sunset|dawn|dusk|24/7")
_TIMES_ONLY = re.compile(r"^\d\d:\d\d-\d\d:\d\d(?:,\d\d:\d\d-\d\d:\d\d)*$")


def _comment_only(rule: str) -> str:
    """``Sa "sur rendez-vous"`` → ``Sa unknown "sur rendez-vous"``: a comment with no hours
    and no state does not mean open all day."""
    outside = re.sub(r'"[^"]*"', "", rule)
    if '"' not in rule or _TIME.search(outside) or _STATE.search(outside):
        return rule
    at = rule.index('"')
    head = rule[:at].rstrip()
    return f"{head} unknown {rule[at:]}".lstrip()


_FR_DAYS = {
    "lundi": "Mo", "mardi": "Tu", "mercredi": "We", "jeudi": "Th", "vendredi": "Fr",
    "samedi": "Sa", "dimanche": "Su", "lun": "Mo", "mar": "Tu", "mer": "We", "jeu": "Th",
    "ven": "Fr", "sam": "Sa", "dim": "Su",
}  # fmt: skip
# Full names in any case; abbreviations lower-case only (``Mar`` is March in OSM).
_FR_DAY = re.compile(
    r"(?<![\w])(?:(?i:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)s?"
    r"|(?:lun|mar|mer|jeu|ven|sam|dim)\.?)(?![\w])"
)
_FR_WORDS = [
    (re.compile(r"(?i)(?<=[A-Z][a-z]) +(?:au|à) +(?=[A-Z][a-z])"), "-"),
    (re.compile(r"(?i)(?<=[A-Z][a-z]) +et +(?=[A-Z][a-z])"), ","),
    (re.compile(r"(?i)(?<![\w])jours? f[ée]ri[ée]s?(?![\w])"), "PH"),
    (re.compile(r"(?i)(?<![\w])ferm[ée]e?(?![\w])"), "off"),
]


def _french_days(rule: str) -> str:
    def day(match: re.Match[str]) -> str:
        word = match.group(0).lower().rstrip(".")
        return _FR_DAYS[word[:-1] if word.endswith("s") and word[:-1] in _FR_DAYS else word]

    rule = _outside_quotes(rule, _FR_DAY, day)
    for pattern, replace in _FR_WORDS:
        rule = _outside_quotes(rule, pattern, replace)
    return rule


_CLOCK = r"(\d{1,2})(?:[hH:](\d{2})?|[hH])?"
_SHORT = re.compile(rf"(?<![\w:]){_CLOCK}\s*-\s*{_CLOCK}(?![\w:])")
_NOT_HOURS = re.compile(r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|week)\s*$")


def _short_times(rule: str) -> str:
    """``Mo 7-18`` → ``Mo 07:00-18:00``, ``9h30-12h`` → ``09:30-12:00``; never a month day
    (``Apr 10-16``), a week number or a year."""

    def clock(hour: str, minute: str | None) -> str:
        return f"{int(hour):02d}:{minute or '00'}"

    def fix(match: re.Match[str]) -> str:
        before = match.string[: match.start()]
        if _NOT_HOURS.search(before) or int(match.group(1)) > 24 or int(match.group(3)) > 24:
            return match.group(0)
        return f"{clock(match.group(1), match.group(2))}-{clock(match.group(3), match.group(4))}"

    return _outside_quotes(rule, _SHORT, fix)


def _spaces(rule: str) -> str:
    # not after a comment: ``"Sans rendez-vous", Mo-Fr …`` is the additional-rule separator
    return _outside_quotes(rule, re.compile(r"(?<=[\w\]])\s*,\s+"), ",")


_HOURS_WORD = re.compile(r"\d|(?<![\w])(?:Mo|Tu|We|Th|Fr|Sa|Su|PH|SH)(?![\w])")


def _free_text(rule: str, raw: str) -> tuple[str, str]:
    """The longest readable start of a rule, the rest kept as its comment: only when the
    rest is plain words written as they are in ``raw``, not hours or days left unread."""
    words = rule.split()
    for cut in range(len(words) - 1, 0, -1):
        head, rest = " ".join(words[:cut]), " ".join(words[cut:])
        if '"' in rest or not re.search(r"[^\W\d_]", rest) or not _TIME.search(head):
            continue
        if parses(head):
            if rest not in raw or _HOURS_WORD.search(rest) or _FR_DAY.search(rest):
                break
            return f'{head} "{rest}"', rest
    return rule, ""


def _weekdays(rule: str) -> set[int]:
    """The weekdays a rule opens (or leaves unknown), in a week with no holiday."""
    start = datetime(2026, 12, 7)  # a Monday
    found = opening_hours.OpeningHours(rule, country="FR", auto_country=False).intervals(
        start, start + timedelta(days=7)
    )
    return {a.weekday() for a, _b, state, _c in found if state != opening_hours.State.CLOSED}


def _overrides(rules: list[str]) -> bool:
    """Whether a rule takes days from an earlier one (the writer meant both)."""
    seen: set[int] = set()
    for rule in rules:
        days = _weekdays(rule)
        if days & seen:
            return True
        seen |= days
    return False


_DAY_LIST = re.compile(
    r"(?<=Mo|Tu|We|Th|Fr|Sa|Su|PH|SH|.\])\s*,\s+(?=(?:Mo|Tu|We|Th|Fr|Sa|Su|PH|SH)(?![a-z]))"
)


def _day_list(rule: str) -> str:
    joined = _outside_quotes(rule, _DAY_LIST, ",")
    return joined if joined == rule or parses(joined) or not parses(rule) else rule


def read(raw: str) -> Reading:
    """Read ``raw`` as it is, or repaired; ``text`` None when even repairs cannot read it."""
    rules, separators = split_rules(raw.strip())
    repairs: list[tuple[str, str]] = []
    # ``Mo, We, Fr 09:00-12:00`` is valid OSM, but means Monday and Wednesday all day.
    # ``SH Tu, SH Th 15:00-18:00`` is left as written: its days cannot be one list.
    spaced = [_day_list(rule) for rule in rules]
    if spaced != rules:
        repairs.append(("spaces", ""))
        rules = spaced
    rules = [_comment_only(rule.strip()) for rule in rules]
    text = _join(rules, separators)
    if parses(text):
        return Reading(raw, text, tuple(repairs))
    kept = [(rule, sep) for rule, sep in zip(rules, [*separators, ""], strict=True) if rule]
    if len(kept) < len(rules):
        repairs.append(("separator", ""))
        rules, separators = [r for r, _ in kept], [s for _, s in kept][:-1]
    fixed: list[str] = []
    joined: list[str] = []
    rewritten = False
    for index, rule in enumerate(rules):
        if parses(rule):
            fixed.append(rule)
            joined.append(separators[index - 1] if index else "")
            continue
        rewritten = True
        rule = _repaired(rule, raw, repairs)
        outside = re.sub(r'"[^"]*"', "", rule)
        if not _TIME.search(outside) and not _STATE.search(outside) and '"' not in rule:
            return Reading(raw, None)  # ``Lundi, Mardi``: days, but no hours said
        if (
            _TIMES_ONLY.match(rule)
            and fixed
            and separators[index - 1] == ";"
            and not _TIMES_ONLY.match(fixed[-1])
        ):
            # ``Mardi au samedi 10h-12h; 14h-19h``: the second hours are the same days'
            repairs.append(("joined", rule))
            fixed[-1] += "," + rule
            continue
        fixed.append(rule)
        joined.append(separators[index - 1] if index else "")
    text = _join(fixed, joined[1:])
    if not fixed or not parses(text):
        return Reading(raw, None)
    if rewritten and _overrides([r for r, s in zip(fixed, joined, strict=True) if s != "||"]):
        return Reading(raw, None)
    return Reading(raw, text, tuple(dict.fromkeys(repairs)))


def _repaired(rule: str, raw: str, repairs: list[tuple[str, str]]) -> str:
    """One rule OSM cannot read, with each repair that changes it (noted in ``repairs``);
    what still cannot be read is kept as free text."""
    for code, repair in (
        ("french_days", _french_days),
        ("spaces", _spaces),
        ("short_times", _short_times),
    ):
        changed = repair(rule)
        if changed != rule:
            detail = changed if code != "spaces" else ""
            repairs.append((code, detail))
            rule = _comment_only(changed)
    if not parses(rule):
        rule, rest = _free_text(rule, raw)
        if rest:
            repairs.append(("free_text", rest))
    return rule


def _join(rules: list[str], separators: list[str]) -> str:
    text = rules[0] if rules else ""
    for separator, rule in zip(separators, rules[1:], strict=False):
        text += f" {separator} {rule}" if separator == "||" else f"; {rule}"
    return text
