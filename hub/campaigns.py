"""Freshness campaigns: the coordinator asks every partner structure of a territory (a
département or an EPCI) to confirm or update its records. Each is given a new link
(:func:`hub.partners.give_link`, which ends its earlier one), shown once to the
coordinator with the structure's own address to send it to; the partner, on its page,
says « Mes fiches sont à jour » (its records are checked today and go down to desks so
dated) or proposes a change (:mod:`hub.proposals`); the coordinator sees who answered."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from core.i18n import gettext
from hub import partners, proposals, review
from hub.models import DirectoryChange, DirectoryEntry
from hub.partner_models import Campaign, CampaignPartner
from hub.places import places
from hub.service import HubError, now


@dataclass(frozen=True)
class Asked:
    """A structure a campaign asks: its id, name, public e-mail, and its new link's secret."""

    partner: str
    title: str
    courriel: str
    token: str


def _in_territory(territory: str) -> set[str] | None:
    """The communes of a territory; None when the code is neither a département nor an
    EPCI of the shipped geography."""
    known = places()
    if territory in known.epci:
        return {c for c, e in known.epci_of.items() if e == territory}
    if territory in known.departements:
        return {c for c in known.population if c.startswith(territory)}
    return None


def structures(session: Session, territory: str) -> list[tuple[str, str, str]]:
    """The live structures whose commune lies in the territory: (id, name, e-mail)."""
    communes = _in_territory(territory)
    if communes is None:
        said = gettext("Territoire inconnu\u00a0: «\u00a0{code}\u00a0» n’est ni un département ni"
                       " un EPCI (numéro SIREN).")  # fmt: skip
        raise HubError("bad_territory", said.format(code=territory[:20]), 400)
    rows = session.execute(
        select(DirectoryEntry.record_id, DirectoryEntry.title, DirectoryChange.payload)
        .join(DirectoryChange, DirectoryChange.seq == DirectoryEntry.seq)
        .where(DirectoryEntry.kind == "structure", DirectoryEntry.deleted.is_(False))
        .order_by(DirectoryEntry.title)
    )
    return [
        (record_id, title, str(payload.get("courriel") or ""))
        for record_id, title, payload in rows
        if str(payload.get("code_insee") or "") in communes
    ]


def start(session: Session, territory: str, by: str) -> tuple[Campaign, list[Asked]]:
    """A new campaign over the territory: each structure gets a new link, to be sent."""
    territory = territory.strip().upper()[:16]
    found = structures(session, territory)
    if not found:
        said = gettext(
            "Aucune structure de l’annuaire dans ce territoire\u00a0: rien n’est envoyé."
        )
        raise HubError("empty_territory", said, 400)
    campaign = Campaign(territory=territory, started_at=now(), started_by=by[:200])
    session.add(campaign)
    session.flush()
    asked = []
    for partner, title, courriel in found:
        token = partners.give_link(session, partner, by)
        session.add(CampaignPartner(campaign_id=campaign.id, partner=partner))
        asked.append(Asked(partner, title, courriel, token))
    return campaign, asked


def answered(session: Session, partner: str, answer: str) -> None:
    """The partner answered the campaigns that asked it and it has not answered yet."""
    rows = session.scalars(
        select(CampaignPartner).where(
            CampaignPartner.partner == partner, CampaignPartner.answered_at.is_(None)
        )
    )
    for row in rows:
        row.answered_at, row.answer = now(), answer


def confirm(session: Session, engine: Engine, partner: str, who: str, today: date) -> int:
    """« Mes fiches sont à jour »: each of the partner's records checked today (published
    again so dated, for desks to stop showing it as to be checked); how many."""
    mine = proposals.owned(session, partner)
    for record in mine:
        review.verify(session, engine, record.kind, record.record_id, who, today)
    answered(session, partner, "confirmee")
    return len(mine)


@dataclass(frozen=True)
class CampaignLine:
    id: int
    territory: str
    name: str
    started_at: datetime
    started_by: str
    asked: int
    answered: int


def lines(session: Session) -> list[CampaignLine]:
    """Every campaign, newest first, with how many partners it asked and how many answered."""
    rows = session.execute(
        select(
            Campaign, func.count(CampaignPartner.partner), func.count(CampaignPartner.answered_at)
        )
        .join(CampaignPartner, CampaignPartner.campaign_id == Campaign.id)
        .group_by(Campaign.id)
        .order_by(Campaign.started_at.desc(), Campaign.id.desc())
    )
    names = places().names
    return [
        CampaignLine(
            c.id,
            c.territory,
            names.get(c.territory, c.territory),
            c.started_at,
            c.started_by,
            int(asked),
            int(done),
        )
        for c, asked, done in rows
    ]


def partners_of(
    session: Session, campaign_id: int
) -> list[tuple[str, str, str | None, datetime | None]]:
    """A campaign's partners: (id, name, answer, when), those who answered last."""
    rows = session.execute(
        select(CampaignPartner, DirectoryEntry.title)
        .outerjoin(
            DirectoryEntry,
            (DirectoryEntry.kind == "structure")
            & (DirectoryEntry.record_id == CampaignPartner.partner),
        )
        .where(CampaignPartner.campaign_id == campaign_id)
    )
    found = [(p.partner, title or p.partner, p.answer, p.answered_at) for p, title in rows]
    if not found:
        raise HubError("unknown_campaign", gettext("Campagne inconnue."), 404)
    return sorted(found, key=lambda f: (f[3] is not None, f[1].casefold()))
