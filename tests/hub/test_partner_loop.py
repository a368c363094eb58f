"""The loop back to the desk: a partner confirms, by its code, a referral the desk printed;
at the desk's next sync its journal says so (« venu·e le 04/12, accompagné·e »). Only the
desk that printed the slip is told; another desk of the same site is not."""

from __future__ import annotations

import re
import uuid
from dataclasses import replace
from datetime import date

import httpx
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from pytestqt.qtbot import QtBot
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.desk import Desk
from app.sync import run
from app.sync.client import HubClient
from core.outcomes import said
from db.models import Referral
from hub import partners, service
from hub.checks import today
from tests.hub.conftest import Hub
from tests.hub.console_kit import STRUCTURE, import_demo
from tests.hub.test_sync import VISIT, enrolled
from tests.hub.test_window_sync import window
from ui.main_window import MainWindow

SERVICE = "demo-spro-etm--ml-ouest-provence-cej"
__all__ = ["window"]  # the window with its sync, from the window sync tests


def partner_says(hub: Hub, code: str, *what: str) -> None:
    """The Mission locale, with its link, types the code and says ``what``."""
    with Session(hub.engine) as session, session.begin():
        token = partners.give_link(session, STRUCTURE, "Claire Martin")
    with httpx.Client(base_url=hub.url, follow_redirects=False) as browser:
        assert browser.get(f"/console/partenaire/lien/{token}").status_code == 303
        page = browser.get("/console/partenaire", params={"code": code})
        key = re.search(r'name="key" value="([^"]+)"', page.text)
        referral = re.search(r'name="referral" value="([^"]+)"', page.text)
        assert key is not None and referral is not None, page.text[:500]
        for word in what:
            form = {"key": key.group(1), "referral": referral.group(1), "code": code, "said": word}
            assert browser.post("/console/partenaire/suite", data=form).status_code == 303


def journal_referrals(window: MainWindow) -> str:
    model = window.journal.model
    column = model.COLUMNS.index("referrals")
    return str(model.data(model.index(0, column)))


def test_the_partner_s_word_reaches_the_journal_of_the_desk_that_printed_the_slip(
    qtbot: QtBot, window: MainWindow, desk: Desk, hub: Hub
) -> None:
    import_demo(hub)
    enrolled(desk, hub)
    desk.intake.save(replace(VISIT, referrals=[SERVICE]))
    assert run.sync_once(desk).pushed == 2
    window.refresh()
    qtbot.waitUntil(lambda: window.journal.model.rowCount() == 1, timeout=10_000)
    assert journal_referrals(window) == "Mission locale Ouest Provence"
    with desk.sessions() as session:
        code = session.scalars(select(Referral.slip_code)).one()
    partner_says(hub, code, "presentee", "accompagnee")
    (action,) = [a for a in window.findChildren(QAction) if a.text() == "&Synchroniser maintenant"]
    with qtbot.waitSignal(window.sync.scheduler.sig_state, timeout=10_000):
        action.trigger()
    told = said(today(), "accompagnee", "fr")
    assert told == f"venu·e le {today():%d/%m}, accompagné·e"
    qtbot.waitUntil(
        lambda: journal_referrals(window) == f"Mission locale Ouest Provence ({told})",
        timeout=10_000,
    )
    # Nothing goes back up: the partner's word is not a change of the desk's.
    assert run.sync_once(desk).pushed == 0
    # The statistics tab counts it with the period's referrals, by partner.
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    panel = window.statistics()
    panel.set_period("year")
    table = panel.outcomes
    qtbot.waitUntil(lambda: table.rowCount() == 1, timeout=15_000)
    model = table.model()
    headers = [
        str(model.headerData(c, Qt.Orientation.Horizontal)) for c in range(model.columnCount())
    ]
    line = {h: str(model.data(model.index(0, c))) for c, h in enumerate(headers)}
    assert line["Partenaire"] == "Mission locale Ouest Provence"
    assert (line["Orientations"], line["Venues"], line["Accompagnées"]) == (
        "1",
        "100,0\u202f%",
        "1",
    )
    assert line["En attente"] == line["Sans nouvelles"] == "0"


def test_another_desk_of_the_site_is_not_told(desk: Desk, hub: Hub) -> None:
    import_demo(hub)
    site_id = enrolled(desk, hub)
    desk.intake.save(replace(VISIT, referrals=[SERVICE]))
    run.sync_once(desk)
    with desk.sessions() as session:
        code = session.scalars(select(Referral.slip_code)).one()
    partner_says(hub, code, "presentee")
    # A second desk enrolled at the same site asks the hub: it is told nothing.
    with Session(hub.engine) as session, session.begin():
        second_code, _expires = service.new_enrol_code(session, site_id)
    other = HubClient(hub.url)
    try:
        other.token = other.enrol(second_code, str(uuid.uuid4()), "0.9").token
        other.learn_protocol()
        assert other.outcomes(date(2000, 1, 1), "").outcomes == []
    finally:
        other.close()
    # The desk that printed the slip is.
    mine = HubClient(hub.url, (desk.paths.data / "hub-token").read_text())
    try:
        [told] = mine.outcomes(date(2000, 1, 1), "").outcomes
    finally:
        mine.close()
    assert (told.presented_on, told.outcome) == (today(), None)
