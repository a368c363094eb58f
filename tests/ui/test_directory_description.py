"""A partner's description, written in Markdown, in the directory's detail pane: formatted,
with nothing to follow or load, as the agent reads it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import update

from app.desk import Desk
from db.models import Service
from tests.ui.test_directory_panel import search_for
from ui.main_window import MainWindow

DESCRIPTIONS = Path(__file__).parents[1] / "data" / "descriptions"
CEJ = "demo-spro-etm--ml-ouest-provence-cej"


def describe_cej(desk: Desk, name: str) -> str:
    text = (DESCRIPTIONS / name).read_text(encoding="utf-8")
    with desk.sessions.begin() as session:
        session.execute(update(Service).where(Service.id == CEJ).values(description=text))
    return text


def shown_detail(qtbot: QtBot, window: MainWindow) -> tuple[str, str]:
    search_for(qtbot, window, "contrat engagement jeune ouest provence")
    detail = window.directory.detail
    assert window.directory.model.hit(0).service_id == CEJ
    return detail.toPlainText(), detail.toHtml()


def test_headings_and_bullets_read_as_text_without_markdown_marks(
    qtbot: QtBot, window: MainWindow, desk: Desk
) -> None:
    describe_cej(desk, "action-logement-logement-social.md")
    text, html = shown_detail(qtbot, window)
    assert "Pour qui ?" in text.replace("\u00a0", " ")
    assert "• Rechercher un logement qui sera votre résidence principale" in text.replace(
        "\u00a0", " "
    )
    assert "2. Créez votre compte sur le site Action Logement (https://al-in.fr/)" in text.replace(
        "\u00a0", " "
    )
    for mark in ("###", "## ", "**", "](", "- Etre"):
        assert mark not in text, mark
    # The headings are headings, the bold is bold; the links are words, not links.
    assert re.search(r"<h5[^>]*>.*Pour qui", html)
    assert re.search(r"font-weight:\s*(600|700).*Pour prétendre", html)
    assert "demande-logement-social.gouv.fr/index" in text
    assert 'href="https://www.demande-logement' not in html
    assert 'href="https://al-in.fr' not in html


@pytest.mark.parametrize(
    ("name", "expected", "never"),
    [
        (
            "reseau-alpha-abc-formation-presentation.md",
            "Fondée en 1986, ABC FORMATION est une association loi 1901",
            ("<br>", "<div", "$(window)", "sizeSmall", "display: none"),
        ),
        (
            "reseau-alpha-abc-formation-page.md",
            "Apprendre le français en Île-de-France",
            ("<script", "<meta", "<img", "function(", "logoabc.gif", "{"),
        ),
        ("valideur-page-head.md", "", ("<script", "cdn.jsdelivr.net", "htmx", "<link")),
        ("data-inclusion-readme.md", "architecture", ("![", "drawio.png")),
    ],
)
def test_a_description_with_html_scripts_or_images_shows_words_only(
    qtbot: QtBot, window: MainWindow, desk: Desk, name: str, expected: str, never: tuple[str, ...]
) -> None:
    describe_cej(desk, name)
    text, html = shown_detail(qtbot, window)
    assert expected in text
    for piece in never:
        assert piece not in text, piece
    # Nothing the pane would load (an image, a style sheet, a script) and nothing to click.
    assert "<img" not in html
    assert "jsdelivr" not in html
    assert "href=" not in html.split("<table", 1)[0]
