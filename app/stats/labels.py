"""The desk's labeller: names of EPCI and partners read from its own database."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.geography import Geography
from app.nomenclature import Nomenclatures
from core.stats.labels import Labeller
from db.models import Epci, Event, Referral, Structure


class DeskLabeller(Labeller):
    """:class:`core.stats.labels.Labeller` over the desk's lists, geography and database."""

    def __init__(
        self, session: Session, lists: Nomenclatures, geography: Geography, lang: str = "fr"
    ) -> None:
        super().__init__(lists, geography, lang)
        self._session = session

    def _load(self, dimension: str) -> dict[str, str]:
        session = self._session
        if dimension == "epci":
            return {code: name for code, name in session.execute(select(Epci.code, Epci.name))}
        if dimension == "event":
            return {code: title for code, title in session.execute(select(Event.id, Event.title))}
        # A partner is named by the directory, else by what its referrals recorded.
        names = {
            structure_id: name
            for structure_id, name in session.execute(
                select(Referral.structure_id, Referral.structure_name)
                .where(Referral.structure_id.is_not(None), Referral.structure_name != "")
                .order_by(Referral.created_at)
            )
            if structure_id
        }
        names.update(
            (code, name) for code, name in session.execute(select(Structure.id, Structure.nom))
        )
        return names
