"""The console's « Conservation des données »: a coordinator sets how long the hub keeps
the region's data; a summarised period still shows its monthly tables of one dimension,
and says why it shows no other."""

from __future__ import annotations

import httpx
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from hub import checks, retention
from hub.models import RetentionSetting
from tests.hub.conftest import Hub
from tests.hub.console_kit import csrf_of, push, text_of, visit


def setting(hub: Hub) -> tuple[int, int, int, str | None]:
    with Session(hub.engine) as session:
        row = session.scalar(select(RetentionSetting))
        if row is None:
            return (24, 12, 5, None)
        return (row.referral_months, row.flag_months, row.detail_years, row.changed_by)


def test_a_coordinator_sets_the_retention_and_a_wrong_value_changes_nothing(
    signed_in: httpx.Client, hub: Hub
) -> None:
    page = signed_in.get("/console/conservation")
    shown = text_of(page)
    assert page.status_code == 200 and "Conservation des données" in shown
    assert 'name="orientations" type="number" min="1" max="120" value="24"' in page.text
    assert 'name="detail" type="number" min="1" max="30" value="5"' in page.text
    assert 'name="sans_nouvelles" type="number" min="7" max="365" value="30"' in page.text
    form = {"csrf": csrf_of(page), "orientations": "36", "signalements": "6", "detail": "8",
            "sans_nouvelles": "45", "codes": "13"}  # fmt: skip
    saved = signed_in.post("/console/conservation", data=form)
    assert saved.status_code == 303
    after = signed_in.get(saved.headers["location"])
    assert "Durées de conservation enregistrées." in text_of(after)
    assert 'name="orientations" type="number" min="1" max="120" value="36"' in after.text
    assert setting(hub) == (36, 6, 8, "claire.m")
    assert 'name="sans_nouvelles" type="number" min="7" max="365" value="45"' in after.text
    no_news = signed_in.post("/console/conservation", data={**form, "sans_nouvelles": "3"})
    assert no_news.status_code == 400
    assert "«\u00a0Sans nouvelles\u00a0» après\u00a0: de 7 à 365 jours." in text_of(no_news)

    too_short = signed_in.post("/console/conservation", data={**form, "detail": "0"})
    assert too_short.status_code == 400
    assert "Accueils gardés en détail\u00a0: de 1 à 30 ans." in text_of(too_short)
    assert 'name="detail" type="number" min="1" max="30" value="0"' in too_short.text
    longer = signed_in.post("/console/conservation", data={**form, "orientations": "120"})
    assert longer.status_code == 400
    assert "plus longtemps que le détail des accueils (96 mois)" in text_of(longer)
    words = signed_in.post("/console/conservation", data={**form, "signalements": "douze"})
    assert words.status_code == 400
    assert "«\u00a0douze\u00a0» n’est pas un nombre entier." in text_of(words)
    for odd in ("²", "١٢"):  # digits to Python, not numbers to type here
        refused = signed_in.post("/console/conservation", data={**form, "signalements": odd})
        assert refused.status_code == 400 and "n’est pas un nombre entier." in text_of(refused)
    forged = signed_in.post("/console/conservation", data={**form, "csrf": "x", "detail": "2"})
    assert forged.status_code == 403
    assert setting(hub) == (36, 6, 8, "claire.m")


def test_the_form_needs_a_session(browser: httpx.Client, hub: Hub) -> None:
    assert browser.get("/console/conservation").status_code == 303
    posted = browser.post("/console/conservation", data={"detail": "1"})
    assert posted.status_code == 403
    assert setting(hub) == (24, 12, 5, None)


def test_a_summarised_year_shows_monthly_tables_of_one_dimension_only(
    signed_in: httpx.Client, hub: Hub
) -> None:
    with Session(hub.engine) as session, session.begin():
        retention.change(session, "claire.m", referral_months=120, detail_years=30)
    publics = ["demandeur-emploi"] * 7 + ["scolaire"] * 6 + ["salarie"] * 2
    push(
        hub,
        "CIO d’Arles",
        "contact",
        [visit(p, "13004", ["vae"], day="2019-03-14") for p in publics],
    )
    year = {"du": "2019-01-01", "au": "2019-12-31"}
    before = {by: text_of(signed_in.get("/console/activite", params={**year, "par": by}))
              for by in ("public", "month", "site")}  # fmt: skip
    with Session(hub.engine) as session, session.begin():
        retention.change(session, "claire.m", referral_months=24, detail_years=5)
    retention.apply(sessionmaker(hub.engine), checks.today())

    for by, shown in before.items():
        assert text_of(signed_in.get("/console/activite", params={**year, "par": by})) == shown
    assert "Demandeur·se d’emploi 7 46,7" in before["public"]
    assert "Salarié·e secret Scolaire secret" in before["public"]  # 6 hidden with 2
    assert "15 accueils" in before["month"] and "mars 2019 15 100,0" in before["month"]
    said = "ne sont plus gardés qu’en résumé, par mois"
    for address, params in (
        ("/console/activite", {**year, "par": "public", "puis": "theme"}),
        ("/console/activite", {"du": "2019-03-10", "au": "2019-03-31", "par": "public"}),
        ("/console/activite/export.csv", {"du": "2019-03-01", "au": "2019-03-30"}),
        # The report counts the days a site was open: they are no longer kept.
        ("/console/activite/rapport.pdf", year),
    ):
        refused = signed_in.get(address, params=params)
        assert refused.status_code == 400 and said in text_of(refused), params
    xlsx = signed_in.get("/console/activite/export.xlsx", params=year)
    assert xlsx.status_code == 200 and xlsx.content.startswith(b"PK")
