"""The referral slip ("fiche d'orientation") the visitor takes home, as a PDF (reportlab).

Three formats: A4, A5, and an 80 mm receipt roll of variable length (72 mm printable). A
large-print option sets the body at 16 pt or more. Fonts are embedded so that every French
character prints; missing fields are left out and long texts wrap.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any
from xml.sax.saxutils import escape

from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib.pagesizes import A4, A5
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Image, Paragraph, SimpleDocTemplate, Spacer, Table

from app.directory import display, markdown
from app.directory.records import ServiceDetail
from core.lang import FRENCH_MONTHS, french_date
from core.report.style import ACCENT, fonts

FORMATS = ("a4", "a5", "receipt")
RECEIPT_WIDTH = 80 * mm
RECEIPT_PRINTABLE = 72 * mm
RECEIPT_LONGEST = 400 * mm  # a longer strip is lost or torn before the visitor reads it
# Large print needs more paper: its whole record fits in that, a description in what is left.
RECEIPT_LONGEST_LARGE = 600 * mm
QR_SMALLEST = 25 * mm  # large print: the symbol 2 cm wide within its quiet zone
# In large print, the less vital lines are shortened so that the slip keeps to one page.
# Each step is tried in turn until the record fits (an A5 page holds fewer lines than A4):
# « À apporter » keeps its first items and says how many more; « Pour qui » is cut at a
# word with « … »; from the second step, the web site is left to the QR code that leads there,
# and at the last, the e-mail address to the phone number.
LARGE_STEPS = ((3, 110), (2, 60), (1, 40))  # (documents, characters of « Pour qui »)


@dataclass(frozen=True, slots=True)
class Site:
    """Who sends the visitor: the site's identity, from its settings."""

    name: str
    address: str = ""
    phone: str = ""
    logo: str = ""


def french_moment(moment: datetime) -> str:
    time = f"{moment.hour}\u00a0h" + (f"\u00a0{moment.minute:02d}" if moment.minute else "")
    return f"{french_date(moment.date())} à {time}"


def _styles(fmt: str, large: bool) -> dict[str, ParagraphStyle]:
    regular, bold = fonts()
    body = {"a4": 11.5, "a5": 10.0, "receipt": 9.0}[fmt]
    if large:
        body = max(16.0, body * 1.5)
    # Large print: the letters keep their size, the room goes from between the lines and from
    # the headings, which stand out by weight and colour more than by size.
    lead = body * (1.15 if large else 1.3)
    grow = 0.45 if large else 1.0  # how much of the headings' extra size they keep
    return {
        "site": ParagraphStyle("site", fontName=bold, fontSize=body, leading=lead),
        # In large print nothing is smaller than the body.
        "small": ParagraphStyle(
            "small", fontName=regular, fontSize=body if large else body * 0.9, leading=lead
        ),
        "intro": ParagraphStyle(
            "intro",
            fontName=regular,
            fontSize=body * (1 + 0.1 * grow),
            leading=lead * (1 + 0.1 * grow),
            spaceBefore=3 if large else 6,
        ),
        "title": ParagraphStyle(
            "title",
            fontName=bold,
            fontSize=body * (1 + 0.6 * grow),
            leading=body * (1 + 0.9 * grow),
            textColor=ACCENT,
        ),
        "service": ParagraphStyle(
            "service",
            fontName=bold,
            fontSize=body * (1 + 0.2 * grow),
            leading=lead * (1 + 0.2 * grow),
        ),
        "body": ParagraphStyle("body", fontName=regular, fontSize=body, leading=lead),
        "label": ParagraphStyle("label", fontName=bold, fontSize=body, leading=lead),
        "code": ParagraphStyle(
            "code",
            fontName=bold,
            fontSize=body * (1 + 0.5 * grow),
            leading=body * (1 + 0.8 * grow),
            textColor=ACCENT,
        ),
    }


def _appointment(detail: ServiceDetail, noted: datetime | None) -> str:
    if noted is not None:
        return f"Rendez-vous le {french_moment(noted)}."
    text = " ".join(
        str(detail.service.get(k) or "") for k in ("conditions_acces", "mobilisation_precisions")
    ).lower()
    if "sans rendez-vous" in text or "sans rdv" in text:
        return "Sans rendez-vous."
    if "rendez-vous" in text or "rdv" in text:
        return "Sur rendez-vous."
    if "se-presenter" in detail.modes_mobilisation:
        return "Sans rendez-vous, aux heures d’ouverture."
    if detail.modes_mobilisation:
        return "Prenez contact avant de vous déplacer."
    return ""


def qr_target(detail: ServiceDetail) -> str | None:
    """The service's web page, else a map link to the place."""
    service, structure = detail.service, detail.structure
    for url in (
        service.get("lien_source"),
        service.get("lien_mobilisation"),
        structure.get("site_web"),
    ):
        if url:
            return str(url)
    return display.map_link(
        service.get("latitude") or structure.get("latitude"),
        service.get("longitude") or structure.get("longitude"),
        service.get("adresse") or structure.get("adresse"),
        service.get("commune") or structure.get("commune"),
    )


def _qr(target: str, size: float) -> Flowable:
    widget = QrCodeWidget(target, barLevel="M")
    x1, y1, x2, y2 = widget.getBounds()
    drawing = Drawing(size, size, transform=[size / (x2 - x1), 0, 0, size / (y2 - y1), 0, 0])
    drawing.add(widget)
    return drawing


def _story(
    detail: ServiceDetail,
    site: Site,
    code: str,
    day: date,
    fmt: str,
    large: bool,
    width: float,
    appointment: datetime | None,
    budget: int | None = None,
    step: int = 0,
) -> list[Flowable]:
    """The slip's flowables; ``budget``: how many characters of the description to keep;
    ``step``: how far large print shortens the less vital lines (``LARGE_STEPS``)."""
    styles = _styles(fmt, large)
    service, structure = detail.service, detail.structure

    def pick(name: str) -> str:
        return str(service.get(name) or structure.get(name) or "")

    def para(text: str, style: str = "body") -> Paragraph:
        # reportlab breaks lines at a narrow no-break space; a plain one it keeps whole.
        text = text.replace("\u202f", "\u00a0")
        return Paragraph(escape(text).replace("\n", "<br/>"), styles[style])

    story: list[Flowable] = []
    if site.logo:
        try:
            logo = Image(site.logo)
            ratio = min(width * 0.4 / logo.imageWidth, 18 * mm / logo.imageHeight)
            logo.drawWidth, logo.drawHeight = logo.imageWidth * ratio, logo.imageHeight * ratio
            logo.hAlign = "LEFT"
            story.append(logo)
        except (OSError, ValueError):
            pass  # a logo that cannot be read does not stop the slip
    if site.name:
        story.append(para(site.name, "site"))
    sender = [line for line in (site.address, display.format_phone(site.phone)) if line]
    if large and sender:
        story.append(para(" – ".join(sender), "small"))  # one line where it fits
    else:
        story += [para(line, "small") for line in sender]
    story.append(para("Vous êtes orienté·e vers", "intro"))
    story.append(para(str(structure.get("nom") or ""), "title"))
    story.append(para(str(service.get("nom") or ""), "service"))
    story.append(Spacer(1, 2 if large else 4))

    target = qr_target(detail)
    address = display.postal_address(pick)
    rows: list[tuple[str, str]] = [
        ("Adresse", address),
        ("Téléphone", display.format_phone(pick("telephone"))),
        ("Courriel", "" if large and step > 1 and pick("telephone") else pick("courriel")),
        ("Site web", "" if large and step and target else str(structure.get("site_web") or "")),
        ("Horaires", detail.hours_words("fr", today=day)),
        ("Accueil", _appointment(detail, appointment)),
    ]
    publics = ", ".join(display.label(display.PUBLICS, p) for p in detail.publics)
    who = " ".join(
        p for p in (publics.capitalize() + "." if publics else "", pick("conditions_acces")) if p
    )
    documents = list(detail.documents)
    if large:
        # The less vital lines are shortened, so that large print keeps to one page; the QR
        # code leads to the whole of them.
        keep, longest = LARGE_STEPS[step]
        who = shorten(who, longest)
        if len(documents) > keep + 1:  # (one line for one item saves nothing)
            more = len(documents) - keep
            documents = documents[:keep]
            documents.append(f"… et {more} autre" + ("s" if more > 1 else ""))
    rows.append(("Pour qui", who))
    rows.append(("À apporter", "\n".join(f"• {d}" for d in documents)))
    for note in detail.notes:
        rows.append(("Attention", note))
    shown = [(label, value) for label, value in rows if value]
    if large:
        # The label column as wide as its longest label, no wider: the values get the room.
        label_style = styles["label"]
        label_width: float = 8 + max(
            (stringWidth(label, label_style.fontName, label_style.fontSize) for label, _ in shown),
            default=0,
        )
    else:
        label_width = width * (0.3 if fmt == "receipt" else 0.22)
    if fmt == "receipt" and large:
        # A label above its value would take a line of its own: run it in, in bold.
        for label, value in shown:
            value = value.replace("\u202f", "\u00a0")
            if label == "Téléphone":
                value = value.replace(" ", "\u00a0")  # a number is never cut in two
            markup = escape(value).replace("\n", "<br/>")
            story.append(Paragraph(f"<b>{escape(label)}\u00a0:</b> {markup}", styles["body"]))
    elif fmt == "receipt":
        # On a narrow roll, the label above its value reads better than side by side.
        for label, value in shown:
            story.append(para(label, "label"))
            story.append(para(value))
    elif shown:  # a record with nothing but its name has no table (reportlab refuses one)
        table = Table(
            [[para(label, "label"), para(value)] for label, value in shown],
            colWidths=[label_width, width - label_width],
        )
        table.setStyle(
            [("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (0, -1), 0)]
            + ([("TOPPADDING", (0, 0), (-1, -1), 1), ("BOTTOMPADDING", (0, 0), (-1, -1), 1)]
               if large else [])
        )  # fmt: skip
        table.hAlign = "LEFT"
        story.append(table)
    described = markdown.blocks(str(service.get("description") or ""))
    if budget is not None:
        described = markdown.cut(described, budget)
    if described:
        story.append(Spacer(1, 3 if large else 6))
        story += _description(described, styles)
    story.append(Spacer(1, 4 if large else 8))
    handed = f"{day.day} {FRENCH_MONTHS[day.month - 1]} {day.year}" if large else french_date(day)
    footer = [para(f"Fiche remise le {handed}", "small")]
    if fmt == "receipt" or large:
        # Never cut the code in two: on its own line where the line is short.
        footer += [para("Code à indiquer\u00a0:", "label"), para(code, "code")]
    else:
        footer.append(para(f"Code à indiquer\u00a0: {code}", "code"))
    if target:
        size = min(width * 0.45, 38 * mm) if fmt == "receipt" else 30 * mm
        if large:
            size = QR_SMALLEST
        if fmt == "receipt" and not large:
            story += [*footer, Spacer(1, 4), _qr(target, size)]
        else:
            table = Table([[footer, _qr(target, size)]], colWidths=[width - size - 6, size + 6])
            table.setStyle(
                [("VALIGN", (0, 0), (-1, -1), "BOTTOM"), ("LEFTPADDING", (0, 0), (0, -1), 0)]
            )
            table.hAlign = "LEFT"
            story.append(table)
    else:
        story += footer
    return story


def shorten(text: str, longest: int) -> str:
    """``text`` cut after a word to at most ``longest`` characters, ending with « … »."""
    if len(text) <= longest:
        return text
    words = text[: longest - 1]
    if not text[longest - 1].isspace() and " " in words:
        words = words.rsplit(" ", 1)[0]
    return words.rstrip(" ,;:.–—-") + "…"


def _description(
    described: list[markdown.Block], styles: dict[str, ParagraphStyle]
) -> list[Flowable]:
    """A description's headings, paragraphs and bullets, as the slip prints them."""
    small = styles["small"]
    heading = ParagraphStyle("heading", parent=styles["label"], spaceBefore=3)
    out: list[Flowable] = []
    for block in described:
        markup = "".join(_span_markup(span) for span in block.spans)
        if block.kind == "heading":
            out.append(Paragraph(markup, heading))
        elif block.kind == "item":
            indent = small.fontSize * 1.4 * max(block.depth, 1)
            style = ParagraphStyle(
                "item",
                parent=small,
                leftIndent=indent,
                bulletIndent=indent - small.fontSize * 1.2,
                bulletFontName=small.fontName,  # « • » and « – » exist in DejaVu, not Helvetica
            )
            out.append(Paragraph(markup, style, bulletText=block.marker or None))
        else:
            out.append(Paragraph(markup, ParagraphStyle("para", parent=small, spaceBefore=2)))
    return out


def _span_markup(span: markdown.Span) -> str:
    # reportlab breaks lines at a narrow no-break space; a plain one it keeps whole.
    text = escape(span.text.replace("\u202f", "\u00a0")).replace("\n", "<br/>")
    if span.em:
        text = f"<i>{text}</i>"
    if span.strong:
        text = f"<b>{text}</b>"
    return text


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
        return _layout(
            fmt, large, meta, lambda width: _story(*args, width, appointment, budget, step)
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


def _layout(
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
