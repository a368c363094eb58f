"""What the Région learns of its referrals, read on the console's « Orientations » page
over real HTTP on PostgreSQL: referrals issued by partner, the share of people who came,
what followed, « sans nouvelles » after the region's period, small counts hidden."""

from __future__ import annotations

import random
import re
from collections import Counter
from datetime import date, timedelta

import httpx
import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from core.outcomes import STATUSES
from hub import partners, referral_figures, retention
from hub.console.web import today
from hub.models import referral_fact
from tests.disclosure_audit import exposed
from tests.hub.conftest import Hub
from tests.hub.console_kit import STRUCTURE, import_demo, push, text_of, visit
from tests.hub.test_region_report import read

ISTRES = "Cité des métiers d’Istres"
SALON = "demo-spro-etm--ml-pays-salonnais"
ARLES = "demo-spro-etm--cio-arles"
JUNE = (date(2026, 6, 1), date(2026, 6, 30))


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


def test_by_site_no_hidden_count_can_be_worked_out_with_the_region_s_total(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The page by site shows each site's referrals whole, its statuses hidden where small,
    and the region's row « Ensemble » as the table by partner hides it: for random
    regions, no hidden count is narrowed to one value by everything shown (linear
    programming, as an attacker would)."""
    rng = random.Random(977)
    for _round in range(150):
        found: Counter[tuple[str, str]] = Counter()
        for site in range(rng.randint(2, 4)):
            for state in STATUSES:
                if rng.random() < 0.5:
                    found[f"s{site}", state] = rng.choice([1, 2, 3, 4, 6, 10, 14])
        if not found:
            continue
        monkeypatch.setattr(referral_figures, "counts", lambda *_a, seen=found, **_k: seen)
        by_site = referral_figures.figures(None, *JUNE, "site", JUNE[1], 30, 5)  # type: ignore[arg-type]
        total = referral_figures.figures(None, *JUNE, "partner", JUNE[1], 30, 5).total  # type: ignore[arg-type]
        values: dict[tuple[str, str], int] = {}
        hidden: set[tuple[str, str]] = set()
        constraints = []
        for row in by_site.rows:
            assert row.issued is not None  # a volume, shown whole
            for state in STATUSES:
                values[row.code, state] = found.get((row.code, state), 0)
                if row.counts[state] is None:
                    hidden.add((row.code, state))
            constraints.append(({(row.code, s): 1 for s in STATUSES}, row.issued))
        for state in STATUSES:
            values["", state] = sum(found.get((r.code, state), 0) for r in by_site.rows)
            if total.counts[state] is None:
                hidden.add(("", state))
            line = {(r.code, state): 1 for r in by_site.rows}
            constraints.append(({**line, ("", state): -1}, 0))
        worked_out = {cell for cell in exposed(values, hidden, constraints) if values[cell]}
        assert not worked_out, (found, worked_out)  # (a hidden zero that must be one: no one)


def test_what_a_hub_process_keeps_of_a_month_follows_every_change(hub: Hub) -> None:
    """Each month's count is kept by the process: a partner's word, a new referral and a
    visit's themes corrected each count that month again (and a month kept is the same
    answer as one counted anew)."""
    import_demo(hub)
    day = date(2026, 10, 5)
    [referral] = referrals(hub, STRUCTURE, [day], 500)
    period = (date(2026, 10, 1), date(2026, 10, 31))

    def counted(dim: str = "partner") -> dict[tuple[str, str], int]:
        with Session(hub.engine) as session:
            return dict(referral_figures.counts(session, *period, dim, day, 30))

    assert counted() == {(STRUCTURE, "en-attente"): 1}
    with Session(hub.engine) as session, session.begin():
        partners.record(session, STRUCTURE, referral, "accompagnee")
    assert counted() == {(STRUCTURE, "accompagnee"): 1}
    referrals(hub, SALON, [day], 600)
    assert counted() == {(STRUCTURE, "accompagnee"): 1, (SALON, "en-attente"): 1}
    assert counted("theme") == {("alternance", "accompagnee"): 1, ("alternance", "en-attente"): 1}
    with Session(hub.engine) as session:
        contact = session.scalar(
            select(referral_fact.c.contact_id).where(referral_fact.c.record_id == referral)
        )
    push(hub, ISTRES, "contact", [visit("demandeur-emploi", "13047", ["vae"], day=day.isoformat())],
         ids=[str(contact)], version=2)  # fmt: skip
    assert counted("theme") == {("vae", "accompagnee"): 1, ("alternance", "en-attente"): 1}
