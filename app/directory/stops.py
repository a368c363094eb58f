"""Mobile services on the desk (the SPRO bus): the stops pulled from the hub, each with its
commune, place and hours. A stop serves its commune and its EPCI (:mod:`.search_fit`);
« ouvert maintenant » and the next date are computed per stop; the next stop near the
visitor comes first (its commune, its EPCI, its département, then the soonest)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from core import hours, notices
from core.events import when_words
from db.models import Commune, ServiceStop

SHOWN = 8


@dataclass(frozen=True, slots=True)
class StopView:
    commune: str
    adresse: str
    starts_at: datetime  # its next opening, on the place's clock
    ends_at: datetime
    near: int  # 3 the visitor's commune, 2 its EPCI, 1 its département, 0 further

    def words(self, lang: str = "fr") -> str:
        """« Tende, place de la Mairie : jeudi 12 mars 2027, 14 h–17 h »."""
        where = ", ".join(p for p in (self.commune, self.adresse) if p)
        colon = ": " if lang == "en" else "\u00a0: "
        return f"{where}{colon}{when_words(self.starts_at, self.ends_at, lang)}"


@dataclass(frozen=True, slots=True)
class Tour:
    """A mobile service's stops to come, the nearest to the visitor first; and whether
    one of them is open at the moment asked."""

    stops: list[StopView]
    open_now: bool


def _nearness(session: Session, visitor: str | None) -> dict[str, str]:
    if not visitor:
        return {}
    home = session.get(Commune, visitor)
    if home is None:
        return {}
    return {"insee": home.insee, "epci": home.epci or "", "departement": home.departement}


def tours(
    session: Session,
    service_ids: Iterable[str],
    moment: datetime,
    visitor: str | None = None,
    told: dict[str, list[notices.Notice]] | None = None,
    *,
    now_too: bool = True,
) -> dict[str, Tour]:
    """The tours of those of ``service_ids`` that have stops to come after ``moment``;
    the service's temporary information (``told``) closes its stops too; ``now_too``:
    whether one is open at ``moment`` (the search's « ouvert maintenant »)."""
    ids = list(service_ids)
    if not ids:
        return {}
    day = hours.wall_clock(moment).date()
    rows = session.execute(
        select(ServiceStop, Commune.epci, Commune.departement)
        .outerjoin(Commune, Commune.insee == ServiceStop.code_insee)
        .where(
            ServiceStop.service_id.in_(ids),
            ServiceStop.retired_at.is_(None),
            (ServiceStop.ends_on.is_(None)) | (ServiceStop.ends_on >= day),
        )
    ).all()
    if not rows:
        return {}
    home = _nearness(session, visitor)
    by_service: dict[str, list[StopView]] = defaultdict(list)
    open_now: dict[str, bool] = defaultdict(bool)
    for stop, epci, departement in rows:
        said = (told or {}).get(stop.service_id, [])
        found = notices.next_openings(stop.hours, said, moment, count=1, commune=stop.code_insee)
        if not found:
            continue
        near = 0
        if home:
            near = (
                3 if stop.code_insee == home["insee"]
                else 2 if epci and epci == home["epci"]
                else 1 if departement == home["departement"]
                else 0
            )  # fmt: skip
        (a, b) = found[0]
        by_service[stop.service_id].append(StopView(stop.commune, stop.adresse, a, b, near))
        if now_too and notices.open_at(stop.hours, said, moment, commune=stop.code_insee):
            open_now[stop.service_id] = True
    return {
        service_id: Tour(sorted(views, key=lambda v: (-v.near, v.starts_at)), open_now[service_id])
        for service_id, views in by_service.items()
    }
