"""What a partner says of a referral it received (the partner's loop): the person came,
then one of these outcomes. Codes, never free text; the hub records them
(``hub.partners``), the desk shows those of its own referrals (``app.sync.outcomes``)."""

from __future__ import annotations

import re
from datetime import date

from core.i18n import N_, gettext

OUTCOMES = {
    "accompagnee": N_("accompagné·e"),
    "reorientee": N_("réorienté·e ailleurs"),
    "non-eligible": N_("non éligible"),
    "pas-de-place": N_("pas de place"),
}


# Where a referral stands, one status each: an outcome; « présenté·e » with none said
# yet; and with no news at all, « en attente » until the region's period (NO_NEWS_DAYS
# by default) is over, « sans nouvelles » after it. They add up to the referrals issued.
STATUSES = {
    **OUTCOMES,
    "presentee": N_("présenté·e, suite non dite"),
    "sans-nouvelles": N_("sans nouvelles"),
    "en-attente": N_("en attente"),
}
# The statuses as a table's columns name them.
COLUMNS = {
    "accompagnee": N_("Accompagnées"),
    "reorientee": N_("Réorientées"),
    "non-eligible": N_("Non éligibles"),
    "pas-de-place": N_("Pas de place"),
    "presentee": N_("Venues, suite non dite"),
    "sans-nouvelles": N_("Sans nouvelles"),
    "en-attente": N_("En attente"),
}
CAME = (*OUTCOMES, "presentee")  # the statuses of a person who came
NO_NEWS_DAYS = 30


def status(
    issued: date, presented_on: date | None, outcome: str | None, today: date,
    no_news_days: int = NO_NEWS_DAYS,
) -> str:  # fmt: skip
    """Where a referral issued on ``issued`` stands on ``today`` (:data:`STATUSES`)."""
    if outcome in OUTCOMES:
        return outcome
    if presented_on is not None:
        return "presentee"
    return "sans-nouvelles" if (today - issued).days > no_news_days else "en-attente"


def slip_code_in(typed: str) -> str | None:
    """A slip code as typed (lower case, spaces, no dash), or as a scanner types the
    slip's QR code (its page's address, the code after the ``#``), in its printed form;
    None when it cannot be one."""
    from core.wire import SLIP_CODE  # pydantic's: not before the desk's window shows

    typed = typed.rsplit("#", 1)[-1]
    letters = re.sub(r"[\s\-–—.]", "", typed.upper())
    code = f"{letters[:3]}-{letters[3:]}"
    return code if re.fullmatch(SLIP_CODE, code) else None


def outcome_label(code: str | None, lang: str | None = None) -> str:
    """An outcome's words; an unknown code (a later hub's) says nothing."""
    return gettext(OUTCOMES[code], lang) if code in OUTCOMES else ""


def said(presented_on: date | None, outcome: str | None, lang: str | None = None) -> str:
    """« venu·e le 12/01, accompagné·e », « venu·e le 12/01 », or nothing yet."""
    if presented_on is None:
        return ""
    came = gettext("venu·e le {day}", lang).format(day=f"{presented_on:%d/%m}")
    words = outcome_label(outcome, lang)
    return f"{came}, {words}" if words else came
