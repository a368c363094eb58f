"""Referral slips, read back from the PDF files themselves."""

from __future__ import annotations

import io
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

import pypdfium2
import pytest
import zxingcpp
from pypdf import PdfReader
from pypdf.generic import DictionaryObject
from sqlalchemy import select

from app.desk import Desk
from app.directory import records
from app.directory.records import ServiceDetail
from app.intake.contact import ContactDraft
from app.referrals.records import slip_for_service, slips_for_contact
from app.referrals.slip import Site, qr_target, render_slip
from db.models import Referral

CEJ = "demo-spro-etm--ml-ouest-provence-cej"
SITE = Site("Cité des métiers d’Istres", "Place fictive, 13800 Istres", "+33465710000")
DAY = date(2026, 11, 24)
MM = 72 / 25.4


def cej(desk: Desk) -> ServiceDetail:
    with desk.sessions() as session:
        return records.detail(session, CEJ, today=DAY)


def text_of(pdf: bytes) -> str:
    reader = PdfReader(io.BytesIO(pdf))
    # PDF text extraction gives no-break spaces back as plain ones, or not at all.
    return "\n".join(page.extract_text() for page in reader.pages).replace("\u00a0", " ")


def fonts_of(pdf: bytes) -> set[str]:
    reader = PdfReader(io.BytesIO(pdf))
    names = set()
    for page in reader.pages:
        resources = page["/Resources"]
        assert isinstance(resources, DictionaryObject)
        fonts = resources["/Font"]
        assert isinstance(fonts, DictionaryObject)
        for font in fonts.values():
            names.add(str(font.get_object()["/BaseFont"]))
    return names


@pytest.mark.parametrize(
    ("fmt", "width_mm", "height_mm"),
    [("a4", 210, 297), ("a5", 148, 210), ("receipt", 80, None)],
)
def test_each_format_has_its_page_size_and_says_everything(
    desk: Desk, fmt: str, width_mm: float, height_mm: float | None
) -> None:
    pdf = render_slip(cej(desk), SITE, "K7M-42Q", fmt=fmt, day=DAY)
    reader = PdfReader(io.BytesIO(pdf))
    box = reader.pages[0].mediabox
    assert float(box.width) == pytest.approx(width_mm * MM, abs=1)
    if height_mm is None:
        assert len(reader.pages) == 1  # a roll is one long page
        assert float(box.height) > 150 * MM
    else:
        assert float(box.height) == pytest.approx(height_mm * MM, abs=1)
    text = " ".join(text_of(pdf).split())
    for expected in (
        "Cité des métiers d’Istres",
        "04 65 71 00 00",
        "Vous êtes orienté·e vers",
        "Mission locale Ouest Provence",
        "Contrat d’engagement jeune (CEJ)",
        "12 avenue Hélène-Boucher, 13800 Istres",
        "04 65 71 01 02",
        "cej@ml-ouest-provence.example.org",
        "lun.–ven. 8 h 30–12 h et 13 h 30–17 h",
        "fermé les jours fériés",
        "Sans rendez-vous",
        "Pièce d’identité",
        "mardi 24 novembre 2026",
        "K7M-42Q",
    ):
        assert expected in text, expected
    assert any("DejaVuSans" in name for name in fonts_of(pdf))


def test_large_print_sets_every_line_at_16_points_or_more(desk: Desk) -> None:
    pdf = render_slip(cej(desk), SITE, "K7M-42Q", fmt="a4", large=True, day=DAY)
    sizes: list[float] = []

    def visit(text: str, _cm: object, tm: list[float], _font: object, size: float) -> None:
        if text.strip():
            sizes.append(size * tm[0] if tm[0] else size)

    for page in PdfReader(io.BytesIO(pdf)).pages:
        page.extract_text(visitor_text=visit)
    assert sizes and min(sizes) >= 16


def test_missing_fields_are_left_out_cleanly(desk: Desk) -> None:
    bare = cej(desk)
    empty = dict.fromkeys(
        ("telephone", "courriel", "horaires_accueil", "site_web", "lien_source",
         "lien_mobilisation", "conditions_acces", "adresse", "latitude", "longitude"),
    )  # fmt: skip
    bare = replace(
        bare,
        service={**bare.service, **empty},
        structure={**bare.structure, **empty},
        documents=[],
        publics=[],
        modes_mobilisation=[],
    )
    text = text_of(render_slip(bare, Site("CIO d’Arles"), "ABC-234", day=DAY))
    for label in (
        "Téléphone",
        "Courriel",
        "Site web",
        "Horaires",
        "À apporter",
        "Pour qui",
    ):
        assert label not in text
    assert "ABC-234" in text and "Mission locale Ouest Provence" in text


def test_a_very_long_description_wraps_and_every_french_character_prints(desk: Desk) -> None:
    words = "Œuvre d’insertion « tremplin » : 15 € par mois, à régler à l’accueil ; "
    long = replace(cej(desk), service={**cej(desk).service, "description": words * 60})
    for fmt in ("a4", "receipt"):
        pdf = render_slip(long, SITE, "K7M-42Q", fmt=fmt, day=DAY)
        text = text_of(pdf)
        assert "Œuvre d’insertion « tremplin »" in " ".join(text.split())
        assert "15 € par mois" in text
        assert "K7M-42Q" in text  # the end is there: the code to give after the cut
        assert " ".join(text.split()).count("tremplin") < 60  # cut, with « … »
        assert "…" in text
    assert len(PdfReader(io.BytesIO(render_slip(long, SITE, "K", fmt="a4", day=DAY))).pages) == 1


def test_the_qr_code_decodes_to_the_services_page(desk: Desk) -> None:
    detail = cej(desk)
    pdf = render_slip(detail, SITE, "K7M-42Q", fmt="a4", day=DAY)
    image = pypdfium2.PdfDocument(pdf)[0].render(scale=3).to_pil()
    found = [r.text for r in zxingcpp.read_barcodes(image)]
    # The page, and the slip's code after it for a partner's scanner (hub/partners.py).
    assert found == [f"{qr_target(detail)}#K7M-42Q"]
    assert found[0].startswith("https://ml-ouest-provence.example.org")


def test_without_a_web_page_the_qr_code_leads_to_the_map(desk: Desk) -> None:
    detail = cej(desk)
    none = dict.fromkeys(("lien_source", "lien_mobilisation", "site_web"))
    detail = replace(
        detail, service={**detail.service, **none}, structure={**detail.structure, **none}
    )
    target = qr_target(detail)
    assert target is not None and target.startswith("https://www.openstreetmap.org/")
    image = pypdfium2.PdfDocument(render_slip(detail, SITE, "K", fmt="receipt", day=DAY))[0]
    read = [r.text for r in zxingcpp.read_barcodes(image.render(scale=4).to_pil())]
    assert read == [target]  # the map's address has its own « # »: no code after it


def test_a_visits_slips_carry_their_referral_codes_and_are_marked_printed(desk: Desk) -> None:
    other = "demo-spro-etm--cio-martigues-istres-entretien-orientation"
    record = desk.intake.save(
        ContactDraft("sur-place", "scolaire", "16-25", "femme", "13047", ["choisir-orientation"],
                     ["orientation-partenaire"], referrals=[CEJ, other])
    )  # fmt: skip
    slips = slips_for_contact(desk, record.id, fmt="a5")
    codes = {r.slip_code for r in record.referrals}
    assert {code for _id, code, _pdf in slips} == codes
    for _id, code, pdf in slips:
        assert code in text_of(pdf)
    # A visit's referrals made in one save share their time: find CEJ's by its service.
    first = next(r for r in record.referrals if r.service_id == CEJ)
    _pdf, code = slip_for_service(desk, CEJ, code=first.slip_code.lower())
    assert code == first.slip_code
    with desk.sessions() as session:
        referral = session.scalars(select(Referral).where(Referral.slip_code == code)).one()
        assert referral.printed_at == datetime(2026, 11, 24, 10, 15)
    # A slip printed from the directory, for no visit, gets a code of its own.
    _pdf, loose = slip_for_service(desk, CEJ)
    assert loose not in codes


def test_a_slip_for_an_unknown_service_is_refused(desk: Desk) -> None:
    from core.errors import DeskError

    with pytest.raises(DeskError) as caught:
        slip_for_service(desk, "nowhere--1")
    assert "n’est pas (ou plus) dans l’annuaire" in caught.value.text("fr")


# --- partners' descriptions, as data.inclusion publishes them (Markdown) ------------------

DESCRIPTIONS = Path(__file__).parents[2] / "data" / "descriptions"


def described(desk: Desk, name: str, times: int = 1) -> ServiceDetail:
    text = "\n\n".join([(DESCRIPTIONS / name).read_text(encoding="utf-8")] * times)
    # (times=0: the same record with no description)
    detail = cej(desk)
    return replace(detail, service={**detail.service, "description": text})


def alone(desk: Desk, name: str) -> ServiceDetail:
    """A record with a name and that description only, so that the description has room."""
    detail = described(desk, name)
    return replace(
        detail,
        service={"nom": detail.service["nom"], "description": detail.service["description"]},
        structure={"nom": detail.structure["nom"]},
        documents=[],
        publics=[],
        modes_mobilisation=[],
    )


def slip_pages(pdf: bytes) -> tuple[int, float, str]:
    """Pages, height of the first (cm) and text, as read back from the PDF."""
    reader = PdfReader(io.BytesIO(pdf))
    return len(reader.pages), float(reader.pages[0].mediabox.height) / MM / 10, text_of(pdf)


FORMATS_PRINTS = [(f, large) for f in ("a4", "a5", "receipt") for large in (False, True)]


@pytest.mark.parametrize(("fmt", "large"), FORMATS_PRINTS)
def test_a_long_markdown_description_prints_as_bullets_on_one_page(
    desk: Desk, fmt: str, large: bool
) -> None:
    pdf = render_slip(
        described(desk, "action-logement-logement-social.md", times=3),
        SITE, "K7M-42Q", fmt=fmt, large=large, day=DAY,
    )  # fmt: skip
    pages, height_cm, text = slip_pages(pdf)
    # One page, a roll under 40 cm (60 in large print).
    assert pages == 1
    if fmt == "receipt":
        assert height_cm <= (60 if large else 40)
    flat = " ".join(text.split())
    for mark in ("###", "##", "**", "]("):
        assert mark not in text, mark
    if not large:
        assert "Les logements sociaux accessibles depuis la plateforme locative AL’in" in flat
    if fmt in ("a4", "receipt") and not large:
        assert "• Rechercher un logement qui sera votre résidence principale" in flat
    assert "…" in flat  # three times the text never fits: it is cut, and says so
    # What follows the description still prints: the code to give and the date.
    assert "K7M-42Q" in flat and "24 novembre 2026" in flat


def test_a_description_that_fits_prints_whole_with_its_bullets(desk: Desk) -> None:
    pdf = render_slip(alone(desk, "monenfant-creche-avip.md"), SITE, "K7M-42Q", day=DAY)
    pages, _height, text = slip_pages(pdf)
    flat = " ".join(text.split())
    assert pages == 1
    assert "…" not in flat.split("entreprise…)", 1)[1]  # the partner's own « … », no cut
    assert "À Vocation d’Insertion Professionnelle" in flat and "## À" not in flat
    assert "**" not in flat
    assert "• Réserver une place en crèche de jeunes enfants" in flat
    assert "• Les accompagner vers l’emploi ou la formation professionnelle" in flat


@pytest.mark.parametrize("fmt", ["a4", "a5", "receipt"])
def test_a_scraped_web_page_of_20_000_characters_prints_its_words_only(
    desk: Desk, fmt: str
) -> None:
    pdf = render_slip(
        described(desk, "reseau-alpha-abc-formation-page.md"), SITE, "K7M-42Q", fmt=fmt, day=DAY
    )
    pages, height_cm, text = slip_pages(pdf)
    assert pages == 1 and (fmt != "receipt" or height_cm < 40)
    for piece in ("<", "function(", "$(", "{", "logoabc.gif", "http-equiv"):
        assert piece not in text, piece
    assert "MENU" in text  # the page's first words
    assert "…" in text


def test_remote_scripts_and_images_leave_nothing_on_the_slip(desk: Desk) -> None:
    for name in ("valideur-page-head.md", "reseau-alpha-abc-formation-presentation.md"):
        _pages, _height, text = slip_pages(
            render_slip(described(desk, name), SITE, "K7M-42Q", fmt="a5", day=DAY)
        )
        for piece in ("<script", "jsdelivr", "sizeSmall", "<br>", "display: none"):
            assert piece not in text, (name, piece)
    _pages, _height, text = slip_pages(
        render_slip(alone(desk, "data-inclusion-readme.md"), SITE, "K7M-42Q", day=DAY)
    )
    assert "![" not in text and "drawio.png" not in text
    assert "– l'outil de correspondance" in " ".join(text.split())  # the nested list


def test_the_hours_on_the_slip_follow_the_place_s_own_school_holidays(desk: Desk) -> None:
    found = cej(desk)
    value = "Mo-Fr 09:00-12:00; SH off"

    def at(commune: str) -> str:
        where = {"horaires_accueil": value, "code_insee": commune}
        placed = replace(
            found,
            service={**found.service, **where},
            structure={**found.structure, "code_insee": commune},
        )
        return " ".join(text_of(render_slip(placed, SITE, "K7M-42Q", fmt="a4", day=DAY)).split())

    assert "fermé pendant les vacances scolaires" in at("13047")  # Istres, zone B
    # Saint-Denis de La Réunion: its own calendar, which the desk does not hold
    reunion = at("97411")
    assert "dates non connues pour cette zone" in reunion
    assert "fermé pendant les vacances scolaires" not in reunion


# --- large print: one page too, for every record of the demo directory ---------------------

DEMO = Path(__file__).parents[3] / "resources" / "demo" / "services.json"


def demo_services() -> list[str]:
    import json

    return [str(s["id"]) for s in json.loads(DEMO.read_text(encoding="utf-8"))]


@pytest.mark.parametrize("fmt", ["a4", "a5"])
def test_large_print_keeps_every_demo_service_on_one_page(desk: Desk, fmt: str) -> None:
    for service_id in demo_services():
        with desk.sessions() as session:
            detail = records.detail(session, service_id, today=DAY)
        pages, _height, text = slip_pages(
            render_slip(detail, SITE, "K7M-42Q", fmt=fmt, large=True, day=DAY)
        )
        assert pages == 1, service_id
        flat = " ".join(text.split())
        # What the visitor needs to get there is never shortened.
        for vital in (
            str(detail.structure["nom"]),
            str(detail.service["nom"]),
            "K7M-42Q",
            "24 novembre 2026",
        ):
            assert " ".join(vital.split()) in flat, (service_id, vital)
    detail = cej(desk)
    flat = " ".join(
        text_of(render_slip(detail, SITE, "K7M-42Q", fmt=fmt, large=True, day=DAY)).split()
    )
    for vital in (
        "12 avenue Hélène-Boucher, 13800 Istres",
        "04 65 71 01 02",
        "lun.–ven. 8 h 30–12 h et 13 h 30–17 h",
        "fermé les jours fériés",
        "Pièce d’identité",
    ):
        assert vital in flat, vital


def test_large_print_shortens_the_less_vital_lines_and_says_so(desk: Desk) -> None:
    flat = " ".join(
        text_of(render_slip(cej(desk), SITE, "K7M-42Q", fmt="a4", large=True, day=DAY)).split()
    )
    # Five documents: the first three, and how many more.
    assert "Relevé d’identité bancaire (RIB)" in flat and "… et 2 autres" in flat
    assert "Attestation de ressources" not in flat
    assert "travailleurs…" in flat and "ne suivre ni études" not in flat


def test_large_print_qr_code_is_at_least_2_cm_and_still_reads(desk: Desk) -> None:
    detail = cej(desk)
    for fmt in ("a4", "a5", "receipt"):
        pdf = render_slip(detail, SITE, "K7M-42Q", fmt=fmt, large=True, day=DAY)
        page = pypdfium2.PdfDocument(pdf)[0]
        scale = 3
        found = zxingcpp.read_barcodes(page.render(scale=scale).to_pil())
        assert [r.text for r in found] == [f"{qr_target(detail)}#K7M-42Q"], fmt
        corners = found[0].position
        side_mm = (corners.top_right.x - corners.top_left.x) / scale / MM
        assert side_mm >= 20, (fmt, side_mm)  # the symbol itself, within its quiet zone


def test_a_large_print_receipt_stays_under_60_cm(desk: Desk) -> None:
    _pages, height_cm, text = slip_pages(
        render_slip(cej(desk), SITE, "K7M-42Q", fmt="receipt", large=True, day=DAY)
    )
    assert height_cm < 50  # was 52.8 cm with no description at all
    flat = " ".join(text.split())
    assert "04 65 71 01 02" in flat and "K7M-42Q" in flat
    assert "Un conseiller référent suit le jeune" in flat  # the description has room
