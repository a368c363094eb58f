"""Settings: declared once, typed, checked when a person sets them."""

from __future__ import annotations

import pytest

from app.desk import Desk
from core.errors import DeskError


def test_defaults_then_stored_values(desk: Desk) -> None:
    assert desk.settings.get("notes.retention_days") == 30
    assert desk.settings.get("ui.language") == "fr"
    assert desk.settings.set_text("notes.retention_days", " 45 ") == 45
    assert desk.settings.get("notes.retention_days") == 45
    assert desk.settings.set_text("site.name", "Cité des métiers d’Istres") == (
        "Cité des métiers d’Istres"
    )
    assert desk.settings.all()["site.name"] == "Cité des métiers d’Istres"


@pytest.mark.parametrize(
    ("key", "value", "message"),
    [
        ("notes.retention_days", "abc", "Réglage notes.retention_days : valeur « abc » refusée"),
        ("notes.retention_days", "-1", "refusée (>= 0)"),
        ("ui.language", "de", "refusée (fr | en)"),
        ("slip.format", "a3", "refusée (a4 | a5 | receipt)"),
        ("nothing.here", "1", "Réglage inconnu : « nothing.here »"),
        ("directory.demo_loaded", "non", "Réglage inconnu"),
    ],
)
def test_bad_values_are_refused_and_change_nothing(
    desk: Desk, key: str, value: str, message: str
) -> None:
    before = desk.settings.all()
    with pytest.raises(DeskError) as caught:
        desk.settings.set_text(key, value)
    assert message in caught.value.text("fr")
    assert desk.settings.all() == before


def test_refusals_read_in_english_too(desk: Desk) -> None:
    with pytest.raises(DeskError) as caught:
        desk.settings.set_text("notes.retention_days", "lots")
    assert caught.value.text("en") == (
        "Setting notes.retention_days: value “lots” refused (whole number)."
    )


def test_the_sites_commune_must_be_an_insee_code(desk: Desk) -> None:
    assert desk.settings.set_text("site.commune", "13047") == "13047"
    with pytest.raises(DeskError) as caught:
        desk.settings.set_text("site.commune", "13800")
    assert "est un code postal (Istres" in caught.value.text("fr")
    assert desk.settings.get("site.commune") == "13047"


def test_several_values_are_stored_all_or_none(desk: Desk) -> None:
    from core.errors import ValidationFailed

    with pytest.raises(ValidationFailed) as caught:
        desk.settings.set_texts(
            {"site.name": "CIO d’Arles", "notes.retention_days": "-3", "ui.language": "it"}
        )
    assert len(caught.value.problems) == 2
    assert desk.settings.get("site.name") == ""
    desk.settings.set_texts({"site.name": "CIO d’Arles", "notes.retention_days": "60"})
    assert (desk.settings.get("site.name"), desk.settings.get("notes.retention_days")) == (
        "CIO d’Arles",
        60,
    )


@pytest.mark.parametrize(
    ("key", "value", "message"),
    [
        (
            "defaults.channel",
            "fax",
            "refusée (sur-place | telephone | courriel | visio | hors-les-murs)",
        ),
        ("hub.url", "not a url", "refusée (adresse web https://…)"),
        ("site.id", "autre-site", "Réglage inconnu"),
    ],
)
def test_values_are_checked_against_their_meaning(
    desk: Desk, key: str, value: str, message: str
) -> None:
    with pytest.raises(DeskError) as caught:
        desk.settings.set_text(key, value)
    assert message in caught.value.text("fr")


def test_settings_are_read_from_memory_and_follow_every_committed_change(desk: Desk) -> None:
    """Read once; a value written in another transaction (the enrolment's, the pull's
    direct change of a row) is seen once committed, and not before nor after a rollback."""
    from sqlalchemy import event

    from db.models import Setting

    statements: list[str] = []
    assert desk.settings.get("site.name") == ""
    event.listen(desk.engine, "before_cursor_execute", lambda *a: statements.append(a[2]))
    with desk.sessions.begin() as session:
        desk.settings.write(session, "site.name", "CIO d’Istres")
        session.flush()
        assert desk.settings.get("site.name") == ""  # not committed yet
    assert desk.settings.get("site.name") == "CIO d’Istres"
    with desk.sessions() as session:
        session.get(Setting, "site.name").value = "Brouillon"  # type: ignore[union-attr]
        session.flush()
        session.rollback()
    assert desk.settings.get("site.name") == "CIO d’Istres"
    with desk.sessions.begin() as session:
        row = session.get(Setting, "directory.demo_loaded")
        assert row is not None
        row.value = False
    assert desk.settings.get("directory.demo_loaded") is False
    reads = [s for s in statements if s.lstrip().upper().startswith("SELECT")]
    statements.clear()
    desk.settings.get("site.name")
    desk.settings.all()
    assert statements == []
    assert len(reads) == 3  # the rows the test itself read, by their key
