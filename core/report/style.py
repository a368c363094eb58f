"""What the desk's PDFs share: the embedded fonts (DejaVu Sans prints every French
character), the colours, a page foot numbered ``page N of M``, and text cut to a width."""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from typing import Any

from reportlab.lib.colors import HexColor
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.pdfmetrics import registerFontFamily
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from core.resources import resource

ACCENT = HexColor("#1f4e79")
MUTED = HexColor("#6b7280")


@cache
def fonts() -> tuple[str, str]:
    """The regular and bold font names, registered with reportlab on first use."""
    pdfmetrics.registerFont(TTFont("DejaVuSans", str(resource("fonts", "DejaVuSans.ttf"))))
    pdfmetrics.registerFont(
        TTFont("DejaVuSans-Bold", str(resource("fonts", "DejaVuSans-Bold.ttf")))
    )
    # <b> in a paragraph takes the bold face; there is no italic face, so <i> stays upright.
    registerFontFamily(
        "DejaVuSans",
        normal="DejaVuSans",
        bold="DejaVuSans-Bold",
        italic="DejaVuSans",
        boldItalic="DejaVuSans-Bold",
    )
    return "DejaVuSans", "DejaVuSans-Bold"


def footed_canvas(footer: str, page_text: Callable[[int, int], str], margin: float) -> Any:
    """A canvas class for ``doc.build(canvasmaker=...)`` that writes ``footer`` on the
    left of every page's foot and ``page_text(page, pages)`` on the right: the pages are
    held back until the last one, so that their count is known."""
    regular, _bold = fonts()
    size = 7.5

    class FootedCanvas(Canvas):  # type: ignore[misc]
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._held: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._held.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            width = self._pagesize[0]
            for state in self._held:
                self.__dict__.update(state)
                self.setFont(regular, size)
                self.setFillColor(MUTED)
                right = page_text(self._pageNumber, len(self._held))
                self.drawRightString(width - margin, margin * 0.6, right)
                room = width - 2 * margin - pdfmetrics.stringWidth(right, regular, size) - 12
                self.drawString(margin, margin * 0.6, fit(footer, room, regular, size))
                super().showPage()
            super().save()

    return FootedCanvas


def fit(text: str, width: float, font: str, size: float) -> str:
    """``text`` cut at a word (else a letter) with an ellipsis so that it fits ``width``."""
    if pdfmetrics.stringWidth(text, font, size) <= width:
        return text
    words = text.split(" ")
    while len(words) > 1:
        words.pop()
        shorter = " ".join(words).rstrip(" ,;:–—-") + "…"
        if pdfmetrics.stringWidth(shorter, font, size) <= width and len(shorter) > len(text) / 2:
            return shorter
    while text and pdfmetrics.stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text.rstrip() + "…"
