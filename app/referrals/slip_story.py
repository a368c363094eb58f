"""What a referral slip says, as reportlab flowables: who sends the visitor, where to, the
service's details in a table (or run in on a roll), its description, the date, the code
and a QR code to the service's page. :mod:`.slip` lays them out."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from xml.sax.saxutils import escape

from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Image, Paragraph, Spacer, Table

from app.directory import display, markdown
from app.directory.records import ServiceDetail
from core.lang import FRENCH_MONTHS, french_date
from core.report.style import ACCENT, fonts

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


def styles_for(fmt: str, large: bool) -> dict[str, ParagraphStyle]:
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


def carrying(target: str | None, code: str) -> str | None:
    """What the QR code holds: the page it leads to, with the slip's code after a ``#``
    (the page opens as before; a partner's scanner, typing it into the hub's partner page,
    gives the code). A page whose address has a ``#`` already keeps it, without the code."""
    if not target or "#" in target or not code:
        return target
    return f"{target}#{code}"


def qr_code(target: str, size: float) -> Flowable:
    widget = QrCodeWidget(target, barLevel="M")
    x1, y1, x2, y2 = widget.getBounds()
    drawing = Drawing(size, size, transform=[size / (x2 - x1), 0, 0, size / (y2 - y1), 0, 0])
    drawing.add(widget)
    return drawing


def story(
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
    styles = styles_for(fmt, large)
    para = paragraphs(styles)
    target = qr_target(detail)
    flowables = _sender_and_service(detail, site, para, large, width)
    rows = _rows(detail, day, appointment, large, step, target)
    flowables += _details(rows, styles, para, fmt, large, width)
    described = markdown.blocks(str(detail.service.get("description") or ""))
    if budget is not None:
        described = markdown.cut(described, budget)
    if described:
        flowables.append(Spacer(1, 3 if large else 6))
        flowables += _description(described, styles)
    flowables.append(Spacer(1, 4 if large else 8))
    return flowables + _footer(code, day, para, fmt, large, width, carrying(target, code))


Para = Callable[..., Paragraph]


def paragraphs(styles: dict[str, ParagraphStyle]) -> Para:
    def para(text: str, style: str = "body") -> Paragraph:
        # reportlab breaks lines at a narrow no-break space; a plain one it keeps whole.
        text = text.replace("\u202f", "\u00a0")
        return Paragraph(escape(text).replace("\n", "<br/>"), styles[style])

    return para


def _sender_and_service(
    detail: ServiceDetail, site: Site, para: Para, large: bool, width: float
) -> list[Flowable]:
    """The site's logo, name and address, then the partner and the service."""
    service, structure = detail.service, detail.structure
    flowables: list[Flowable] = []
    if site.logo:
        try:
            logo = Image(site.logo)
            ratio = min(width * 0.4 / logo.imageWidth, 18 * mm / logo.imageHeight)
            logo.drawWidth, logo.drawHeight = logo.imageWidth * ratio, logo.imageHeight * ratio
            logo.hAlign = "LEFT"
            flowables.append(logo)
        except (OSError, ValueError):
            pass  # a logo that cannot be read does not stop the slip
    if site.name:
        flowables.append(para(site.name, "site"))
    sender = [line for line in (site.address, display.format_phone(site.phone)) if line]
    if large and sender:
        flowables.append(para(" – ".join(sender), "small"))  # one line where it fits
    else:
        flowables += [para(line, "small") for line in sender]
    flowables.append(para("Vous êtes orienté·e vers", "intro"))
    flowables.append(para(str(structure.get("nom") or ""), "title"))
    flowables.append(para(str(service.get("nom") or ""), "service"))
    flowables.append(Spacer(1, 2 if large else 4))
    return flowables


def _rows(
    detail: ServiceDetail,
    day: date,
    appointment: datetime | None,
    large: bool,
    step: int,
    target: str | None,
) -> list[tuple[str, str]]:
    """The service's details a visitor needs, (label, value), those with a value."""
    service, structure = detail.service, detail.structure

    def pick(name: str) -> str:
        return str(service.get(name) or structure.get(name) or "")

    rows: list[tuple[str, str]] = [
        ("Adresse", display.postal_address(pick)),
        ("Téléphone", display.format_phone(pick("telephone"))),
        ("Courriel", "" if large and step > 1 and pick("telephone") else pick("courriel")),
        ("Site web", "" if large and step and target else str(structure.get("site_web") or "")),
        ("Horaires", detail.hours_words("fr", today=day)),
        # Large print keeps the next date, and the stop nearest the visitor, alone.
        ("Prochaines dates", detail.next_dates_words("fr", 1 if large else 3)),
        ("Prochains arrêts", "\n".join(detail.stops_words("fr")[: 1 if large else 3])),
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
    for note in detail.notice_lines("fr", day):
        rows.append(("Attention", note))
    return [(label, value) for label, value in rows if value]


def _details(
    shown: list[tuple[str, str]],
    styles: dict[str, ParagraphStyle],
    para: Para,
    fmt: str,
    large: bool,
    width: float,
) -> list[Flowable]:
    """The details beside their labels on a page, above them (or run in) on a roll."""
    if fmt == "receipt" and large:
        # A label above its value would take a line of its own: run it in, in bold.
        run_in: list[Flowable] = []
        for label, value in shown:
            value = value.replace("\u202f", "\u00a0")
            if label == "Téléphone":
                value = value.replace(" ", "\u00a0")  # a number is never cut in two
            markup = escape(value).replace("\n", "<br/>")
            run_in.append(Paragraph(f"<b>{escape(label)}\u00a0:</b> {markup}", styles["body"]))
        return run_in
    if fmt == "receipt":
        # On a narrow roll, the label above its value reads better than side by side.
        return [line for label, value in shown for line in (para(label, "label"), para(value))]
    if not shown:  # a record with nothing but its name has no table (reportlab refuses one)
        return []
    if large:
        # The label column as wide as its longest label, no wider: the values get the room.
        label_style = styles["label"]
        label_width: float = 8 + max(
            stringWidth(label, label_style.fontName, label_style.fontSize) for label, _ in shown
        )
    else:
        label_width = width * 0.22
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
    return [table]


def _footer(
    code: str, day: date, para: Para, fmt: str, large: bool, width: float, target: str | None
) -> list[Flowable]:
    """The day the slip was handed, the code to quote, and the QR code beside them."""
    handed = f"{day.day} {FRENCH_MONTHS[day.month - 1]} {day.year}" if large else french_date(day)
    footer: list[Flowable] = [para(f"Fiche remise le {handed}", "small")]
    if fmt == "receipt" or large:
        # Never cut the code in two: on its own line where the line is short.
        footer += [para("Code à indiquer\u00a0:", "label"), para(code, "code")]
    else:
        footer.append(para(f"Code à indiquer\u00a0: {code}", "code"))
    if not target:
        return footer
    size = min(width * 0.45, 38 * mm) if fmt == "receipt" else 30 * mm
    if large:
        size = QR_SMALLEST
    if fmt == "receipt" and not large:
        return [*footer, Spacer(1, 4), qr_code(target, size)]
    table = Table([[footer, qr_code(target, size)]], colWidths=[width - size - 6, size + 6])
    table.setStyle([("VALIGN", (0, 0), (-1, -1), "BOTTOM"), ("LEFTPADDING", (0, 0), (0, -1), 0)])
    table.hAlign = "LEFT"
    return [table]


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
