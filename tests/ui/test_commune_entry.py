"""The commune of residence: typed, picked from the suggestions, or the site's own proposed."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from app.desk import Desk
from tests.ui.visit_keys import fill
from ui.main_window import MainWindow


def test_the_sites_commune_is_proposed_first_on_an_empty_field(
    qtbot: QtBot, window: MainWindow, desk: Desk
) -> None:
    form = window.form
    form.set_defaults("sur-place", "13103")
    form.clear()
    form.gender.setFocus()
    qtbot.keyClick(form.gender, Qt.Key.Key_Tab)
    assert window.focusWidget() is form.commune
    popup = form.commune.completer().popup()
    assert popup is not None
    assert popup.isVisible()
    shown = [form.commune.model.index(r, 0).data() for r in range(form.commune.model.rowCount())]
    assert shown == ["Salon-de-Provence (13300)", "Hors région", "Non précisée"]
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert form.commune.code() == "hors-region"
    assert window.focusWidget() is form.themes


@pytest.mark.parametrize(
    ("typed", "stored", "message"),
    [
        ("13310", "13097", None),  # one commune has this postcode: Saint-Martin-de-Crau
        ("13004", None, "Commune\u00a0: le code postal 13004 couvre plusieurs communes (Marseille"),
        ("99999", None, "Commune\u00a0: aucune commune n’a le code postal 99999."),
        (
            "Sainte-Marie",
            None,
            "Commune\u00a0: plusieurs communes s’appellent «\u00a0Sainte-Marie\u00a0»",
        ),
        ("saint martin de crau", "13097", None),
        ("hors région", "hors-region", None),
        (
            "Atlantide",
            None,
            "Commune\u00a0: aucune commune ne correspond à «\u00a0Atlantide\u00a0»",
        ),
    ],
)
def test_a_commune_typed_without_picking_is_taken_only_when_it_is_certain(
    qtbot: QtBot,
    window: MainWindow,
    desk: Desk,
    typed: str,
    stored: str | None,
    message: str | None,
) -> None:
    form = window.form
    fill(form, "scolaire", "moins-16", "homme", "13047", ["decrochage"], ["information"])
    form.commune.setText(typed)
    if stored is None:
        assert message is not None
        form.submit()
        assert form.field_errors["commune"].text().startswith(message)
        assert window.focusWidget() is form.commune
        assert desk.intake.count_on(desk.intake.today()) == 0
        return
    with qtbot.waitSignal(window.sig_saved, timeout=15_000) as saved:
        form.submit()
    assert desk.intake.get(saved.args[0]).commune == stored


def test_the_suggestion_model_passes_the_model_tester(
    qtbot: QtBot, qtmodeltester: ModelTester, window: MainWindow
) -> None:
    fill(
        window.form,
        "demandeur-emploi",
        "26-44",
        "femme",
        "13004",
        ["trouver-emploi"],
        ["information"],
    )
    window.orient()
    dialog = window.referral_dialog
    assert dialog.model.rowCount() > 0
    qtmodeltester.check(dialog.model)
    dialog.reject()


def test_the_commune_field_never_guesses_and_offers_the_site_s_commune_once_emptied(
    qtbot: QtBot, window: MainWindow, desk: Desk
) -> None:
    """A shared postcode or one of several homonyms is never taken by Enter alone; an
    emptied field offers the site's own commune again, as on arriving in it."""
    desk.settings.set("site.commune", "13047")
    window.form.set_defaults("sur-place", "13047")
    field = window.form.commune
    field.setFocus()
    popup = field.completer().popup()
    assert popup is not None
    qtbot.keyClicks(field, "13250")  # Saint-Chamas and Cornillon-Confoux
    qtbot.waitUntil(popup.isVisible)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert field.code() is None and popup.isVisible()  # nothing taken at random
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    chosen = popup.currentIndex().data()
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert field.code() in ("13029", "13092") and field.text() == chosen
    # Emptied with the keyboard: the site's commune is offered, and Enter takes it.
    qtbot.keyClick(field, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(field, Qt.Key.Key_Backspace)
    qtbot.waitUntil(popup.isVisible)
    assert field.model.index(0, 0).data() == "Istres (13800)"
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert field.code() == "13047"
