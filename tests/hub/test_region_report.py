"""The region's activity report (PDF) with a region's real number of sites: 1,200."""

from __future__ import annotations

import io
import re
import uuid
from datetime import date

from pypdf import PdfReader
from sqlalchemy.orm import Session

from core.wire import PushRecord
from hub import push_store, service
from hub.region_report import render_region_report
from tests.hub.conftest import Hub
from tests.hub.console_kit import visit

SITES = 1200


def fill_region(hub: Hub) -> None:
    """1,200 sites, the busiest with 40 visits of November, most with one or two."""
    with Session(hub.engine) as session, session.begin():
        for index in range(SITES):
            site = service.add_site(session, f"Point d’accueil {index + 1:04d}")
            session.flush()
            visits = 40 - index if index < 20 else 1 + index % 2
            records = [
                PushRecord(kind="contact", id=str(uuid.uuid4()), version=1,
                           payload=visit("salarie", "13047", ["vae"]))
                for _ in range(visits)
            ]  # fmt: skip
            push_store.store_push(session, hub.engine, site, records)


def read(pdf: bytes) -> tuple[int, str]:
    """The pages and the text of a PDF, its no-break spaces read as spaces."""
    reader = PdfReader(io.BytesIO(pdf))
    text = "\n".join(page.extract_text() for page in reader.pages)
    return len(reader.pages), text.replace("\u202f", " ").replace("\u00a0", " ")


def test_the_region_s_report_holds_1200_sites_in_a_few_pages_in_both_languages(hub: Hub) -> None:
    fill_region(hub)
    with Session(hub.engine) as session:
        pdf = render_region_report(
            session, date(2026, 11, 1), date(2026, 11, 30), made_on=date(2026, 12, 1)
        )
    pages, text = read(pdf)
    assert pages <= 8
    assert "Accueils par site : les 20 plus fréquentés" in text
    assert "Point d’accueil 0001" in text and "Point d’accueil 0020" in text
    assert "Point d’accueil 0021" not in text
    # The others summed, whole, on their own row: 590 sites with one visit, 590 with two.
    assert re.search(r"\n1 180 autres sites\s+1 770\s", text), text
    with Session(hub.engine) as session:
        pdf = render_region_report(
            session, date(2026, 11, 1), date(2026, 11, 30), made_on=date(2026, 12, 1), lang="en"
        )
    english = read(pdf)[1]
    assert "Visits by site: the busiest 20" in english
    assert "Point d’accueil 0020" in english and "Point d’accueil 0021" not in english
    assert re.search(r"\n1,180 other sites\s+1,770\s", english), english
