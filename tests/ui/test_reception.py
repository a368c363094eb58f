"""A desk that moves, keys only: the bus is in Saorge for the forum of the day; Ctrl+L says
so in one step (the event chosen gives its commune), the status bar tells it, the form's
channel becomes « hors les murs » and each visit stores the place and the event. At the
busy stand, Ctrl+R saves the last visit again and Ctrl+G saves the form's visit for twelve
people at once, marked as one batch. « Revenir au site » undoes it; the statistics count
by place of reception and by event."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app.desk import Desk
from app.directory import timed
from app.stats import queries as stats
from db.models import Contact
from tests.ui.visit_keys import fill
from ui.batch_dialog import BatchDialog
from ui.main_window import MainWindow
from ui.reception_dialog import ReceptionDialog


def forum_today(desk: Desk) -> None:
    now = desk.intake.now().replace(tzinfo=None)
    start = now.replace(hour=9, minute=0, second=0, microsecond=0)
    with desk.sessions.begin() as session:
        timed.apply(session, "event", "event-7", {
            "title": "Forum des métiers de la montagne", "starts_at": start,
            "ends_at": start + timedelta(hours=8), "code_insee": "06132", "commune": "Saorge",
            "adresse": "Salle des fêtes", "organisateur": "SPRO", "lien": "", "description": "",
            "publics": [], "thematiques": [],
        }, now)  # fmt: skip


def stored(desk: Desk) -> list[tuple[str, str | None, str | None, str | None]]:
    with desk.sessions() as session:
        rows = session.execute(
            select(Contact.channel, Contact.place, Contact.event, Contact.batch).order_by(
                Contact.created_at
            )
        )
        return [tuple(row) for row in rows]  # type: ignore[misc]


def press(qtbot: QtBot, window: MainWindow, key: Qt.Key) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.form.channel.setFocus()
    qtbot.keyClick(window, key, Qt.KeyboardModifier.ControlModifier)


def test_the_bus_at_a_forum_counts_its_visits_by_place_and_event(
    qtbot: QtBot, window: MainWindow, desk: Desk
) -> None:
    forum_today(desk)
    assert window.reception_button.isHidden()  # at the site: nothing to say
    press(qtbot, window, Qt.Key.Key_L)
    qtbot.waitUntil(lambda: isinstance(getattr(window, "reception_dialog", None), ReceptionDialog))
    dialog = window.reception_dialog
    qtbot.waitUntil(lambda: dialog.event_choice.count() == 2, timeout=15_000)
    assert dialog.event_choice.itemText(1).startswith("Forum des métiers de la montagne — Saorge")
    dialog.event_choice.setFocus()
    qtbot.keyClick(dialog.event_choice, Qt.Key.Key_Down)
    assert dialog.place.code() == "06132"  # the event's commune
    with qtbot.waitSignal(dialog.accepted, timeout=15_000):
        qtbot.keyClick(dialog.event_choice, Qt.Key.Key_Return)
    assert window.reception_button.text() == "Hors les murs\u00a0: Saorge  (Ctrl+L)"
    assert window.reception_button.toolTip() == "Forum des métiers de la montagne"
    assert window.form.channel.value() == "hors-les-murs"

    fill(window.form, "jeune-non-scolarise", "16-25", "femme", "06132", ["decouvrir-metiers"],
         ["information"])  # fmt: skip
    with qtbot.waitSignal(window.sig_saved, timeout=15_000):
        window.form.submit()
    press(qtbot, window, Qt.Key.Key_R)  # the same again, now
    qtbot.waitUntil(lambda: len(stored(desk)) == 2, timeout=15_000)
    assert "Dernier accueil répété" in window.notice_text.text()

    fill(window.form, "scolaire", "moins-16", "homme", "06132", ["decouvrir-metiers"],
         ["information"])  # fmt: skip
    press(qtbot, window, Qt.Key.Key_G)
    qtbot.waitUntil(lambda: isinstance(getattr(window, "batch_dialog", None), BatchDialog))
    batch = window.batch_dialog
    batch.count.setValue(0)  # below its range: the spin box keeps 2
    qtbot.keyClicks(batch.count, "12")
    with qtbot.waitSignal(batch.sig_saved, timeout=15_000):
        qtbot.keyClick(batch.count, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(stored(desk)) == 14, timeout=15_000)
    assert "12 accueils enregistrés d’un coup" in window.notice_text.text()
    rows = stored(desk)
    assert {(c, p, e) for c, p, e, _b in rows} == {("hors-les-murs", "06132", "event-7")}
    assert len({b for *_x, b in rows[2:]}) == 1 and rows[0][3] is None  # one batch, marked

    press(qtbot, window, Qt.Key.Key_L)
    qtbot.waitUntil(lambda: window.reception_dialog is not dialog)
    back = window.reception_dialog
    assert back.back.isEnabled()
    with qtbot.waitSignal(back.accepted, timeout=15_000):
        qtbot.mouseClick(back.back, Qt.MouseButton.LeftButton)
    assert window.reception_button.isHidden()
    assert window.form.channel.value() == "sur-place"
    fill(window.form, "salarie", "26-44", "homme", "13047", ["vae"], ["information"])
    with qtbot.waitSignal(window.sig_saved, timeout=15_000):
        window.form.submit()
    assert stored(desk)[-1][:3] == ("sur-place", desk.settings.get("site.commune") or None, None)

    counted_by_place_and_event(desk, window)


def counted_by_place_and_event(desk: Desk, window: MainWindow) -> None:
    """The statistics by place of reception and by event, small counts hidden."""
    today = desk.intake.today()

    def counted(dim: str) -> dict[str, int | None]:
        with desk.sessions() as session:
            found = stats.compute(session, today, today + timedelta(days=1), [dim], min_cell=5)
        return {r[dim]: r["count"] for r in found.rows}

    site = str(desk.settings.get("site.commune")) or "non-precise"
    # One visit at the site, hidden, and the bus's 14 with it: 15 − 14 would give it away.
    assert counted("place") == {"06132": None, site: None}
    assert counted("event") == {"event-7": None, "non-precise": None}
    for _ in range(5):
        desk.intake.save(replace(window.form.draft(), public="salarie", age="26-44",
                                 gender="homme", commune="13047", themes=["vae"],
                                 answers=["information"]))  # fmt: skip
    assert counted("place") == {"06132": 14, site: 6}
    assert counted("event") == {"event-7": 14, "non-precise": 6}
