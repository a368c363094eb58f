"""Slip codes and what partners said of them are kept the region's months (13 by default),
then only counted by month: the code leads nowhere any more, the Région's figures over
whole months stay the same, a period cutting such a month is refused in words, a second
run counts nothing twice, and a desk that pushes an old referral again brings no code back."""

from __future__ import annotations

from datetime import date

import httpx
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from core.wire import PushRecord
from hub import partners, push_store, referral_figures, retention
from hub.models import Site, referral_slip
from hub.partner_models import ReferralOutcome
from tests.hub.conftest import Hub
from tests.hub.console_kit import DESK, STRUCTURE, import_demo, push, text_of, visit

ISTRES = "Cité des métiers d’Istres"
TODAY = date(2026, 12, 4)
JUNE = (date(2025, 6, 1), date(2025, 6, 30))


def slip_referrals(hub: Hub, day: date, count: int, prefix: str) -> list[dict[str, object]]:
    contacts = push(hub, ISTRES, "contact", [
        visit("demandeur-emploi", "13047", ["alternance"], day=day.isoformat())
    ] * count)  # fmt: skip
    payloads = [
        {"day": day.isoformat(), "contact_id": c, "service_id": f"{STRUCTURE}-cej",
         "structure_id": STRUCTURE, "slip_code": f"{prefix}-{n + 2}AA"}
        for n, c in enumerate(contacts)
    ]  # fmt: skip
    ids = push(hub, ISTRES, "referral", payloads)
    return [{"id": i, **p} for i, p in zip(ids, payloads, strict=True)]


def june(hub: Hub) -> dict[str, dict[tuple[str, str], int]]:
    """June's counts by each dimension the counts by month keep."""
    with Session(hub.engine) as session:
        return {dim: dict(referral_figures.counts(session, *JUNE, dim, TODAY, 30))
                for dim in ("partner", "theme", "epci", "site")}  # fmt: skip


def test_old_slips_go_their_counts_stay_and_nothing_counts_twice(
    hub: Hub, signed_in: httpx.Client
) -> None:
    import_demo(hub)
    old = slip_referrals(hub, date(2025, 6, 10), 6, "JUN")
    slip_referrals(hub, date(2026, 11, 10), 2, "NVB")  # within the 13 months: kept
    with Session(hub.engine) as session, session.begin():
        for referral in old[:5]:
            partners.record(session, STRUCTURE, str(referral["id"]), "accompagnee")
    before = june(hub)
    assert before["partner"] == {(STRUCTURE, "accompagnee"): 5, (STRUCTURE, "sans-nouvelles"): 1}
    assert before["theme"] == {
        ("alternance", "accompagnee"): 5,
        ("alternance", "sans-nouvelles"): 1,
    }
    assert sum(before["epci"].values()) == sum(before["site"].values()) == 6
    done = retention.apply(sessionmaker(hub.engine), TODAY)
    assert done.slips == 6
    with Session(hub.engine) as session:
        assert session.scalar(select(func.count()).select_from(referral_slip)) == 2
        assert session.scalar(select(func.count()).select_from(ReferralOutcome)) == 0
        assert partners.find(session, STRUCTURE, "JUN-2AA") == []  # the paper leads nowhere
        assert retention.read(session).slips_from == date(2025, 11, 1)
    assert june(hub) == before  # the Région's figures stay
    assert retention.apply(sessionmaker(hub.engine), TODAY).slips == 0
    assert june(hub) == before
    # A desk pushing one of those referrals again brings back no code, and no count.
    with Session(hub.engine) as session, session.begin():
        site = session.get(Site, "cite-des-metiers-d-istres")
        again = dict(old[0])
        record = PushRecord(kind="referral", id=str(again.pop("id")), version=2, payload=again)
        push_store.store_push(session, hub.engine, site, [record], desk=DESK)  # type: ignore[arg-type]
    with Session(hub.engine) as session:
        assert session.scalar(select(func.count()).select_from(referral_slip)) == 2
    assert june(hub) == before
    # On the console: June whole is read from the counts; a period cutting it is refused.
    page = signed_in.get("/console/orientations", params={"du": "2025-06-01", "au": "2025-06-30"})
    assert page.status_code == 200 and "6 orientations suivies" in " ".join(text_of(page).split())
    cut = signed_in.get("/console/orientations", params={"du": "2025-06-15", "au": "2025-12-31"})
    assert cut.status_code == 400 and "choisissez des mois entiers" in text_of(cut)
    whole = signed_in.get("/console/orientations", params={"du": "2025-06-01", "au": "2026-12-31"})
    assert whole.status_code == 200 and "8 orientations suivies" in " ".join(text_of(whole).split())
