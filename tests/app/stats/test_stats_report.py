"""The activity report, read back from the PDF file itself."""

from __future__ import annotations

import io
import json
from datetime import date, datetime
from pathlib import Path

import pypdfium2
import pytest
from pypdf import PdfReader

from app.desk import Desk
from app.intake.contact import ContactDraft
from app.stats.report import render_report, write_report
from core.errors import DeskError
from core.report.style import fit
from core.report.text import number, percent, period_title
from core.stats.tables import previous_month
from ui.launcher import main as aiguillage

OCTOBER = (date(2026, 10, 1), date(2026, 10, 31))
MADE_ON = date(2026, 11, 24)
CEJ = "demo-spro-etm--ml-ouest-provence-cej"
CMA = "demo-spro-etm--cmar-paca-decouverte-metiers"  # the longest partner name of the demo


def text_of(pdf: bytes) -> str:
    reader = PdfReader(io.BytesIO(pdf))
    text = "\n".join(page.extract_text() for page in reader.pages)
    # No-break spaces come back as plain ones, or not at all: compare words.
    return " ".join(text.replace("\u00a0", " ").replace("\u202f", " ").split())


def pages(pdf: bytes) -> int:
    return len(PdfReader(io.BytesIO(pdf)).pages)


def visit(desk: Desk, when: datetime, **changes: object) -> str:
    fields: dict[str, object] = {
        "channel": "sur-place", "public": "demandeur-emploi", "age": "26-44",
        "gender": "femme", "commune": "13047", "themes": ["trouver-formation", "alternance"],
        "answers": ["information"], "moment": when,
    }  # fmt: skip
    fields.update(changes)
    return desk.intake.save(ContactDraft(**fields)).id  # type: ignore[arg-type]


@pytest.fixture
def october(desk: Desk) -> Desk:
    """Eight visits in October 2026 (six jobseekers referred to the CEJ, two employees)
    and one cancelled visit that must never show."""
    desk.settings.set_text("site.name", "Cité des métiers d’Istres")
    for day in range(5, 11):
        visit(desk, datetime(2026, 10, day, 10, 30), referrals=[CEJ])
    for day in (12, 13):
        visit(desk, datetime(2026, 10, day, 15, 0), public="salarie", age="45-54",
              gender="homme", commune="13004", themes=["vae"], answers=["documentation"])  # fmt: skip
    cancelled = visit(desk, datetime(2026, 10, 14, 9, 0), public="retraite", commune="13103",
                      themes=["creer-entreprise"], answers=["rendez-vous"])  # fmt: skip
    desk.intake.cancel(cancelled)
    return desk


def test_a_calendar_month_reads_as_words_with_its_total_and_hidden_small_cells(
    october: Desk,
) -> None:
    pdf = render_report(october, *OCTOBER, made_on=MADE_ON)
    text = text_of(pdf)
    for expected in (
        "Cité des métiers d’Istres",
        "Rapport d’activité — octobre 2026",
        "Édité le mardi 24 novembre 2026",
        "Les effectifs inférieurs à 5 sont masqués (« masqué »), et d’autres avec eux",
        "8 accueils sur la période",
        "1. Publics accueillis",
        "2. Thèmes des demandes",
        "3. Canaux de contact",
        "4. Âges",
        "5. Genre",
        "6. Communes de résidence",
        "7. Intercommunalités (EPCI)",
        "8. Jours et heures d’affluence",
        "9. Orientations par partenaire",
        "10. Réponses apportées",
        "11. Accueils par jour",
        # Labels as words, counts, shares with a decimal comma, hidden cells.
        # 6 and 2 of 8: both hidden, or 8 − 6 would give the 2 away.
        "Demandeur·se d’emploi masqué",
        "Salarié·e masqué",
        "Alternance, apprentissage 6 75,0 %",
        "Total des accueils 8 100 %",
        "Istres masqué",
        "Arles masqué",
        "Métropole d'Aix-Marseille-Provence masqué",
        "Mission locale Ouest Provence 6 75,0 %",
        "Lundi",
        "10 h",
        # The note at the end.
        "premiers accueils anonymes",
        "Un accueil qui porte sur deux thèmes compte une fois sous chaque thème",
        "peuvent donc dépasser 100 % au total",
        "Les accueils annulés ne comptent jamais.",
    ):
        assert expected in text, expected
    # Shares and thousands keep their narrow no-break space in the file.
    raw = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    assert "75,0\u202f%" in raw  # the themes (a visit may hold several) add up to no total
    for never in ("Retraité·e", "Salon-de-Provence", "Créer une entreprise", "Rendez-vous pris"):
        assert never not in text
    assert "9 accueils" not in text


def test_sections_without_data_say_so_in_one_line(desk: Desk) -> None:
    visit(desk, datetime(2026, 10, 5, 10, 0))
    text = text_of(render_report(desk, *OCTOBER, min_cell=1, made_on=MADE_ON))
    assert "Aucun effectif n’est masqué." in text
    assert (
        "9. Orientations par partenaire Aucune orientation vers un partenaire sur la période."
        in text
    )
    assert "Demandeur·se d’emploi 1 100,0 %" in text
    assert "1 accueil sur la période" in text


def test_when_every_count_is_small_no_chart_is_drawn(october: Desk) -> None:
    text = text_of(render_report(october, *OCTOBER, min_cell=10, made_on=MADE_ON))
    assert "Tous les effectifs sont masqués (seuil de 10) : pas de graphique." in text
    assert "Demandeur·se d’emploi masqué" in text
    assert "8 accueils sur la période" in text  # the total is never hidden


@pytest.mark.parametrize(
    ("start", "end", "title"),
    [
        (date(2026, 10, 1), date(2026, 10, 31), "Rapport d’activité — octobre 2026"),
        (date(2026, 10, 5), date(2026, 10, 20), "Rapport d’activité du 05/10/2026 au 20/10/2026"),
        (date(2026, 10, 5), date(2026, 10, 5), "Rapport d’activité du 05/10/2026"),
        (date(2025, 1, 1), date(2025, 12, 31), "Rapport d’activité — année 2025"),
        (date(2026, 2, 1), date(2026, 2, 28), "Rapport d’activité — février 2026"),
        (date(2026, 2, 1), date(2026, 2, 27), "Rapport d’activité du 01/02/2026 au 27/02/2026"),
    ],
)
def test_the_period_is_written_out(start: date, end: date, title: str) -> None:
    assert period_title(start, end) == title


def test_a_custom_period_is_written_from_day_to_day(october: Desk) -> None:
    text = text_of(render_report(october, date(2026, 10, 5), date(2026, 10, 7), made_on=MADE_ON))
    assert "Rapport d’activité du 05/10/2026 au 07/10/2026" in text
    assert "3 accueils sur la période" in text


def test_english_is_complete(october: Desk) -> None:
    text = text_of(render_report(october, *OCTOBER, lang="en", made_on=MADE_ON))
    for expected in (
        "Activity report — October 2026",
        "Made on Tuesday 24 November 2026",
        "Counts under 5 are hidden (“hidden”), and others with them",
        "8 visits in the period",
        "1. Visitors by situation",
        "8. Busy days and hours",
        "11. Visits per day",
        "Jobseeker hidden",
        "Employee hidden",
        "All visits 8 100%",
        "Monday",
        "10:00",
        "The figures count anonymous first contacts",
        "Cancelled visits never count.",
    ):
        assert expected in text, expected
    for french in ("accueil", "Demandeur", "Rapport", "Nombre", "masqué", "Lundi"):
        assert french not in text


def test_an_empty_period_makes_a_short_report_saying_so(desk: Desk, tmp_path: Path) -> None:
    path = write_report(desk, date(2026, 9, 1), date(2026, 9, 30), tmp_path / "r.pdf")
    pdf = path.read_bytes()
    assert pdf.startswith(b"%PDF") and pages(pdf) == 1
    text = text_of(pdf)
    assert "Rapport d’activité — septembre 2026" in text
    assert "0 accueil sur la période" in text
    assert "Aucun accueil n’a été enregistré sur cette période." in text
    assert "Publics accueillis" not in text


def test_a_period_ending_before_it_starts_is_refused(desk: Desk, tmp_path: Path) -> None:
    with pytest.raises(DeskError) as caught:
        write_report(desk, date(2026, 10, 20), date(2026, 10, 1), tmp_path / "r.pdf")
    assert "précède le début" in caught.value.text("fr")
    assert not (tmp_path / "r.pdf").exists()


def test_nothing_is_drawn_off_the_page(desk: Desk) -> None:
    """Long partner names and many rows: every character stays inside the page."""
    for day in range(1, 31):
        for hour in (9, 12, 16):
            visit(desk, datetime(2026, 10, day, hour, 5), referrals=[CMA, CEJ],
                  commune=("13047", "13063", "13004", "13103", "84007")[day % 5])  # fmt: skip
    pdf = render_report(desk, *OCTOBER, made_on=MADE_ON)
    assert "Chambre de métiers et de l’artisanat PACA – antenne d’Arles" in text_of(pdf)
    document = pypdfium2.PdfDocument(pdf)
    for page in document:
        width, height = page.get_size()
        chars = page.get_textpage()
        for index in range(chars.count_chars()):
            left, bottom, right, top = chars.get_charbox(index)
            assert left > 0 and right < width - 18 and bottom > 0 and top < height


def test_numbers_follow_french_typography() -> None:
    assert number(1234567) == "1\u202f234\u202f567"
    assert number(12.5, decimals=1) == "12,5"
    assert percent(1, 8) == "12,5\u202f%"
    assert number(1234, "en") == "1,234"
    assert percent(1, 8, "en") == "12.5%"


def test_long_labels_are_cut_at_a_word_with_an_ellipsis() -> None:
    label = "Chambre de métiers et de l’artisanat PACA – antenne d’Arles"
    cut = fit(label, 120, "Helvetica", 8)
    assert cut.endswith("…") and label.startswith(cut[:-1])
    assert fit("Istres", 120, "Helvetica", 8) == "Istres"


def test_the_default_period_is_the_previous_calendar_month() -> None:
    assert previous_month(date(2026, 11, 24)) == (date(2026, 10, 1), date(2026, 10, 31))
    assert previous_month(date(2027, 1, 3)) == (date(2026, 12, 1), date(2026, 12, 31))


def test_the_epci_table_of_five_and_one_hides_both(desk: Desk) -> None:
    """5 visits from Istres and 1 from Arles: a threshold of 5 hides the 1 and the 5 with
    it (communes and EPCI), or the total 6 would give the 1 away."""
    for day in range(5, 10):
        visit(desk, datetime(2026, 10, day, 10, 30), commune="13047")
    visit(desk, datetime(2026, 10, 12, 10, 30), commune="13004")
    text = text_of(render_report(desk, *OCTOBER, min_cell=5, made_on=MADE_ON))
    for hidden in (
        "Istres masqué",
        "Arles masqué",
        "Métropole d'Aix-Marseille-Provence masqué",
        "CA d'Arles-Crau-Camargue-Montagnette masqué",
    ):
        assert hidden in text
    assert "Total des accueils 6 100 %" in text
    for shown in ("Istres 5", "Arles 1", "Provence 5"):
        assert shown not in text


def test_the_grid_s_totals_read_as_the_tables_by_hour_and_by_weekday_asked_apart(
    desk: Desk, tmp_path: Path
) -> None:
    """Monday: 1 visit at 10 h and 3 at 11 h; Tuesday: 2 at 10 h; threshold 3. The
    command shows 3 and 3 visits by hour: the grid shows them too, and hides the counts
    that subtraction from them would find, instead of hiding its totals only (the
    Monday 11 h count was then the 11 h total of the command)."""
    visit(desk, datetime(2026, 10, 5, 10, 30))
    for day in (5, 12, 19):
        visit(desk, datetime(2026, 10, day, 11, 30))
    for day in (6, 13):
        visit(desk, datetime(2026, 10, day, 10, 30))
    text = text_of(render_report(desk, *OCTOBER, min_cell=3, made_on=MADE_ON))
    alone = {}
    for by in ("hour", "weekday"):
        out = tmp_path / f"{by}.json"
        period = ["--from", "2026-10-01", "--to", "2026-10-31", "--by", by, "--min-cell", "3"]
        assert aiguillage(["stats", *period, "--format", "json", "-o", str(out)]) == 0
        rows = json.loads(out.read_text(encoding="utf-8"))["rows"]
        alone[by] = {r[by]: r["count"] for r in rows if r["count"] != 0}
    assert alone == {"hour": {"10": 3, "11": 3}, "weekday": {"1": None, "2": None}}
    grid = "10 h 11 h Total Lundi masqué 3 masqué Mardi masqué masqué Mercredi Jeudi Vendredi"
    assert f"{grid} Total 3 3 6" in text
