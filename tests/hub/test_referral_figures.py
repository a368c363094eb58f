"""What the Région learns of its referrals, read on the console's « Orientations » page
over real HTTP on PostgreSQL: referrals issued by partner, the share of people who came,
what followed, « sans nouvelles » after the region's period, small counts hidden."""

from __future__ import annotations

import re
from datetime import date, timedelta

import httpx
from sqlalchemy.orm import Session

from hub import partners, retention
from hub.console.web import today
from tests.hub.conftest import Hub
from tests.hub.console_kit import STRUCTURE, import_demo, push, text_of, visit
from tests.hub.test_region_report import read

ISTRES = "Cité des métiers d’Istres"
SALON = "demo-spro-etm--ml-pays-salonnais"
ARLES = "demo-spro-etm--cio-arles"


def referrals(hub: Hub, structure: str, days: list[date], first: int) -> list[str]:
    contacts = push(hub, ISTRES, "contact", [
        visit("demandeur-emploi", "13047", ["alternance"], day=d.isoformat()) for d in days
    ])  # fmt: skip
    return push(hub, ISTRES, "referral", [
        {"day": d.isoformat(), "contact_id": c, "service_id": f"{structure}-cej",
         "structure_id": structure, "slip_code": f"K7M-{first + n:03d}".replace("0", "A")
         .replace("1", "B")}
        for n, (d, c) in enumerate(zip(days, contacts, strict=True))
    ])  # fmt: skip


def row_of(page: httpx.Response, label: str) -> list[str]:
    """The cells of the table's row headed ``label``, as a reader reads them."""
    for row in re.findall(r"<tr>(.*?)</tr>", page.text, re.S):
        cells = [
            re.sub(r"<[^>]+>", "", c).strip()
            for c in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row, re.S)
        ]
        if cells and cells[0] == label:
            return cells
    raise AssertionError(f"no row {label}")


def test_the_region_reads_show_up_rate_and_outcomes_by_partner(
    hub: Hub, signed_in: httpx.Client
) -> None:
    import_demo(hub)
    now = today()
    old, recent = now - timedelta(days=40), now - timedelta(days=3)
    ml = referrals(hub, STRUCTURE, [old] * 16 + [recent] * 6, 200)
    referrals(hub, ARLES, [recent] * 2, 300)
    referrals(hub, SALON, [recent] * 8, 400)
    with Session(hub.engine) as session, session.begin():
        for referral in ml[:6]:
            partners.record(session, STRUCTURE, referral, "accompagnee")
        for referral in ml[6:11]:
            partners.record(session, STRUCTURE, referral, "presentee")
    period = {"du": (now - timedelta(days=60)).isoformat(), "au": now.isoformat()}
    page = signed_in.get("/console/orientations", params={**period, "par": "partner"})
    assert page.status_code == 200
    shown = text_of(page)
    assert "Orientations de la région" in shown and "32 orientations suivies" in shown
    # Issued, accompanied, elsewhere, not eligible, no room, came (no outcome said),
    # no news (issued 40 days ago), waiting (3 days ago), and the share who came.
    ml_row = row_of(page, "Mission locale Ouest Provence")
    assert ml_row == ["Mission locale Ouest Provence", "22", "6", "0", "0", "0", "5", "5", "6",
                      "50,0\u202f%"]  # fmt: skip
    arles = row_of(page, "CIO d’Arles")
    assert arles[1] == "secret" and arles[-1] == "—"  # two referrals: hidden, no rate
    assert row_of(page, "Mission locale du Pays salonnais")[1] == "secret"  # with it
    assert "sans nouvelles après 30 jours" in shown
    # The region's period changes what « sans nouvelles » is.
    with Session(hub.engine) as session, session.begin():
        retention.change(session, "test", no_news_days=60)
    page = signed_in.get("/console/orientations", params={**period, "par": "partner"})
    assert row_of(page, "Mission locale Ouest Provence")[6:9] == ["5", "0", "11"]
    by_site = signed_in.get("/console/orientations", params={**period, "par": "site"})
    assert row_of(by_site, ISTRES)[1] == "32"  # how many a site issued is shown whole
    # The region's report (PDF, read back) has the same table, hidden alike.
    report = signed_in.get("/console/activite/rapport.pdf", params=period)
    assert report.status_code == 200
    text = read(report.content)[1]
    assert "Suites des orientations" in text, text
    assert re.search(
        r"Mission locale Ouest\s+Provence\s+22\s+50,0 %\s+6\s+0\s+0\s+0\s+0\s", text
    ), text
    assert re.search(r"CIO d’Arles\s+masqué\s+—", text), text
    assert "« sans nouvelles » 60 jours après sa fiche" in " ".join(text.split())


def test_a_bad_dimension_or_period_is_refused_in_words(signed_in: httpx.Client) -> None:
    page = signed_in.get("/console/orientations", params={"par": "age"})
    assert page.status_code == 400 and "Dimension inconnue" in text_of(page)
    page = signed_in.get("/console/orientations", params={"du": "2026-12-01", "au": "2026-11-01"})
    assert page.status_code == 400 and "finit avant de commencer" in text_of(page)
