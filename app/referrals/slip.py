"""The referral slip ("fiche d'orientation") the visitor takes home, as a PDF (reportlab).

Three formats: A4, A5, and an 80 mm receipt roll of variable length (72 mm printable). A
large-print option sets the body at 16 pt or more. Fonts are embedded so that every French
character prints; missing fields are left out and long texts wrap. What the slip says is
in :mod:`.slip_story`; here it is laid out on its page or roll, the description cut to fit.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from datetime import date, datetime
from typing import Any

from reportlab.lib.pagesizes import A4, A5
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, SimpleDocTemplate

from app.directory import markdown
from app.directory.records import ServiceDetail
from app.referrals.slip_story import LARGE_STEPS, Site, qr_target, story

__all__ = ["FORMATS", "Site", "qr_target", "render_slip"]

FORMATS = ("a4", "a5", "receipt")
RECEIPT_WIDTH = 80 * mm
RECEIPT_PRINTABLE = 72 * mm
RECEIPT_LONGEST = 400 * mm  # a longer strip is lost or torn before the visitor reads it
# Large print needs more paper: its whole record fits in that, a description in what is left.
RECEIPT_LONGEST_LARGE = 600 * mm


def render_slip(
    detail: ServiceDetail,
    site: Site,
    code: str,
    *,
    fmt: str = "a4",
    large: bool = False,
    day: date | None = None,
    appointment: datetime | None = None,
) -> bytes:
    """The slip as PDF bytes: one page (a roll under 40 cm), the description cut with « … »
    where it would not fit, since the QR code leads to the whole of it."""
    if fmt not in FORMATS:
        raise ValueError(fmt)
    day = day or date.today()
    meta: dict[str, Any] = {
        "title": f"Fiche d’orientation {code}",
        "author": site.name or "Aiguillage",
        "subject": str(detail.service.get("nom") or ""),
        "creator": "Aiguillage",
    }

    step = 0

    def layout(budget: int | None) -> tuple[bytes, float]:
        args = (detail, site, code, day, fmt, large)
        return layout_pdf(
            fmt, large, meta, lambda width: story(*args, width, appointment, budget, step)
        )

    # One page, a roll under 40 cm (60 in large print); where the rest of the slip already
    # takes more, the description adds nothing to it.
    room = 1.0 if fmt != "receipt" else float(RECEIPT_LONGEST_LARGE if large else RECEIPT_LONGEST)
    pdf, size = layout(None)
    if size <= room:
        return pdf
    bare = layout(0)[1]
    while large and bare > room and step + 1 < len(LARGE_STEPS):
        step += 1
        pdf, size = layout(None)
        if size <= room:
            return pdf
        bare = layout(0)[1]
    room = max(room, bare)
    # The longest start of the description that still fits.
    total = sum(len(b.text) for b in markdown.blocks(str(detail.service.get("description") or "")))
    low, high = 0, total
    # To a few characters: the cut falls at a word anyway, and each try lays out the slip.
    while high - low > (16 if low > 64 else 1):
        middle = (low + high) // 2
        if layout(middle)[1] <= room:
            low = middle
        else:
            high = middle
    return layout(low)[0]


def layout_pdf(
    fmt: str, large: bool, meta: dict[str, Any], story: Callable[[float], list[Flowable]]
) -> tuple[bytes, float]:
    """The PDF of ``story(width)`` in that format, and its size: pages, or on a roll its
    length (points; what runs past the very long probe page counts as more)."""
    buffer = io.BytesIO()
    if fmt == "receipt":
        margin = (RECEIPT_WIDTH - RECEIPT_PRINTABLE) / 2
        # The roll is as long as the slip: lay it out once on a very long page, and cut
        # the page where the last line fell.
        tall = 3000 * mm
        probe = SimpleDocTemplate(
            io.BytesIO(), pagesize=(RECEIPT_WIDTH, tall), leftMargin=margin,
            rightMargin=margin, topMargin=margin, bottomMargin=margin,
        )  # fmt: skip
        probe.build(story(RECEIPT_PRINTABLE))
        used = tall - margin - probe.frame._y
        page = (RECEIPT_WIDTH, used + 2 * margin + 4 * mm)
        doc = SimpleDocTemplate(
            buffer, pagesize=page, leftMargin=margin, rightMargin=margin,
            topMargin=margin, bottomMargin=margin, **meta,
        )  # fmt: skip
        doc.build(story(RECEIPT_PRINTABLE))
        return buffer.getvalue(), page[1] + (probe.page - 1) * tall
    pagesize = A4 if fmt == "a4" else A5
    # Large print takes some of the margins back; any office printer still reaches there.
    margin = (18 if fmt == "a4" else 12) * mm * (0.7 if large else 1)
    doc = SimpleDocTemplate(
        buffer, pagesize=pagesize, leftMargin=margin, rightMargin=margin,
        topMargin=margin, bottomMargin=margin, **meta,
    )  # fmt: skip
    doc.build(story(pagesize[0] - 2 * margin))
    return buffer.getvalue(), float(doc.page)
