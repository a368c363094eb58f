"""Screenshots of the directory in time: a closure in the results and the record, the
« À venir » tab, and a slip naming an event over the window (``devtools.screenshots``)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

# ``devtools.screenshots``'s shooter (its window, its folder, its waits), passed in.
_Shots = Any

EVENTS = (
    ("event-0", "Forum des métiers de la montagne", 0, 9, 8, "06023", "Breil-sur-Roya",
     "Salle des fêtes", ["choisir-un-metier"]),
    ("event-1", "Atelier CV et lettre de motivation", 2, 14, 3, "13056", "Martigues",
     "Cité des métiers, salle 2", ["preparer-sa-candidature"]),
    ("event-2", "Forum de l’orientation", 7, 9, 8, "13047", "Istres",
     "Halle polyvalente", ["choisir-un-metier", "trouver-un-emploi"]),
    ("event-3", "Journée des métiers de la mer", 14, 9, 7, "06029", "Cannes",
     "Palais des festivals", ["choisir-un-metier"]),
)  # fmt: skip


def seed(shots: _Shots) -> None:
    """A closure of the Mission locale Ouest Provence this week, and three events, as a
    pull from the hub would store them."""
    from app.directory import timed

    desk = shots.window.desk
    now = desk.intake.now().replace(tzinfo=None)
    with desk.sessions.begin() as session:
        timed.apply(session, "notice", "notice-1", {
            "structure_id": "demo-spro-etm--ml-ouest-provence", "service_id": None,
            "kind": "closed", "starts_on": now.date() - timedelta(days=1),
            "ends_on": now.date() + timedelta(days=6), "hours": None,
            "message": "Travaux dans les locaux",
        }, now)  # fmt: skip
        for event_id, title, days, hour, length, insee, commune, place, themes in EVENTS:
            start = datetime.combine(now.date() + timedelta(days=days), datetime.min.time())
            timed.apply(session, "event", event_id, {
                "title": title, "starts_at": start.replace(hour=hour),
                "ends_at": start.replace(hour=hour + length), "code_insee": insee,
                "commune": commune, "adresse": place,
                "organisateur": "SPRO Entre Terre et Mer", "lien": "https://example.org/forum",
                "description": "Rencontrer des professionnels et des centres de formation.",
                "publics": ["jeunes", "demandeurs-emploi"], "thematiques": themes,
            }, now)  # fmt: skip


def time_shots(shots: _Shots, *, slip: bool, drawn: Callable[[Any], bool]) -> None:
    """The directory with a closure, « À venir », an event's slip (``drawn``: whether the
    preview shows its page), the place of reception."""
    window, target, suffix = shots.window, shots.target, shots.suffix
    window.show_tab(1)
    panel = window.directory
    panel.commune.set_code("13047")
    panel.search_box.setText("ouest provence")
    panel._timer.stop()
    panel.run_search()
    shots.wait_for(lambda: panel.shown_text == "ouest provence")
    closed = next(row for row in range(panel.model.rowCount()) if panel.model.hit(row).closed_until)
    panel.table.selectRow(closed)
    shots.wait_for(lambda: panel.detail_for == panel.current())
    window.grab().save(str(target / f"annuaire-fermeture{suffix}.png"))
    window.show_tab(3)
    events = window.events_panel()
    events.period.setCurrentIndex(1)
    shots.wait_for(lambda: events.model.rowCount() == len(EVENTS))
    events.table.selectRow(1)
    shots.settle()
    window.grab().save(str(target / f"a-venir{suffix}.png"))
    if slip:
        events.print_current()
        shots.wait_for(lambda: getattr(window, "slip_dialog", None) is not None)
        dialog = window.slip_dialog
        shots.wait_for(lambda: len(dialog.slips) == 1)
        shots.wait_for(lambda: drawn(dialog.view.grab().toImage()), seconds=20, step=0.05)
        shots.on_screen("fiche-evenement", dialog)
        dialog.reject()
    window.show_tab(0)
    reception(shots)


def reception(shots: _Shots) -> None:
    """« Où j’accueille aujourd’hui » over the window, the forum of the day chosen; then
    the window away from its site, its status bar saying so."""
    window = shots.window
    window.open_reception()
    dialog = window.reception_dialog
    shots.wait_for(lambda: dialog.event_choice.count() > 1)
    dialog.event_choice.setCurrentIndex(1)
    shots.settle()
    shots.on_screen("lieu-accueil", dialog)
    dialog.submit()
    shots.wait_for(lambda: window.here.away)
    window.form.clear()
    shots.settle()
    shots.on_screen("hors-les-murs")
