"""The activity report's charts, drawn with reportlab.graphics: horizontal bars for a
breakdown, vertical bars for a series over time, and a shaded hours × weekdays grid.

They know nothing of languages: every text arrives already written (numbers formatted,
labels as words). A count under the threshold arrives as ``None`` with its text ``< N``.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from reportlab.graphics.shapes import Drawing, Line, Rect, String
from reportlab.lib.colors import Color, HexColor, white
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Table

from core.report.style import ACCENT, MUTED, fit, fonts

BAR = HexColor("#2e6da4")
HIDDEN = HexColor("#c9ced6")  # a count under the threshold: only its upper bound is known
HIDDEN_CELL = HexColor("#eceef1")
TEXT = HexColor("#222222")
GRID = HexColor("#d9dde3")
PALE = HexColor("#dce8f4")


@dataclass(frozen=True, slots=True)
class Bar:
    """One bar: its label, its count (``None`` when hidden) and the count as printed."""

    label: str
    value: int | None
    text: str


def bar_chart(
    bars: Sequence[Bar],
    width: float,
    size: float = 8.0,
    label_share: float = 0.42,
    pitch: float | None = None,
) -> Drawing:
    """Horizontal bars, one per row, their labels on the left (cut to fit) and their
    counts at their ends. A hidden count has no bar, only its ``< N``. ``pitch`` is the
    height of a row (to stand beside a table's rows)."""
    regular, _bold = fonts()
    pitch = pitch or size * 1.75
    height = pitch * len(bars) + 4
    drawing = Drawing(width, height)
    label_width = min(max(stringWidth(b.label, regular, size) for b in bars), width * label_share)
    text_width = max(stringWidth(b.text, regular, size) for b in bars) + 6
    x0 = label_width + 8
    room = max(width - x0 - text_width, 20)
    top = max((b.value or 0 for b in bars), default=0) or 1
    drawing.add(Line(x0, 0, x0, height, strokeColor=GRID, strokeWidth=0.6))
    for index, bar in enumerate(bars):
        y = height - 2 - pitch * (index + 1)
        middle = y + pitch / 2 - size * 0.35
        label = fit(bar.label, label_width, regular, size)
        drawing.add(
            String(x0 - 5, middle, label, fontName=regular, fontSize=size, fillColor=TEXT,
                   textAnchor="end")
        )  # fmt: skip
        length = 0.0
        if bar.value:
            length = max(room * bar.value / top, 1.0)
            drawing.add(
                Rect(x0, y + pitch * 0.18, length, pitch * 0.64, fillColor=BAR, strokeColor=None)
            )
        drawing.add(
            String(x0 + length + 4, middle, bar.text, fontName=regular, fontSize=size,
                   fillColor=TEXT if bar.value is not None else MUTED)
        )  # fmt: skip
    return drawing


def _step(top: float) -> int:
    """A round step (1, 2 or 5 × 10^k) giving at most five lines up to ``top``."""
    raw = max(top / 5, 1)
    power = 10 ** math.floor(math.log10(raw))
    return int(next(m * power for m in (1, 2, 5, 10) if m * power >= raw))


def column_chart(
    bars: Sequence[Bar],
    width: float,
    *,
    ceiling: int = 0,
    muted: Sequence[bool] = (),
    number: Callable[[int], str] = str,
    height: float = 150,
    size: float = 7.0,
) -> Drawing:
    """Vertical bars over time, labels below (thinned out when the bars are narrow).
    A hidden count is drawn in grey up to ``ceiling``, the bound it is known to be under.
    ``muted`` greys the label of a bar (a weekend day); ``number`` formats the scale."""
    regular, _bold = fonts()
    top = max([b.value or 0 for b in bars] + [ceiling if any(b.value is None for b in bars) else 0])
    step = _step(top or 1)
    scale_top = step * math.ceil((top or 1) / step)
    ticks = list(range(0, scale_top + 1, step))
    left = max(stringWidth(number(t), regular, size) for t in ticks) + 6
    bottom = size * 2
    plot_w, plot_h = width - left - 2, height - bottom - size
    drawing = Drawing(width, height)
    for tick in ticks:
        y = bottom + plot_h * tick / scale_top
        drawing.add(Line(left, y, left + plot_w, y, strokeColor=GRID, strokeWidth=0.5))
        drawing.add(
            String(left - 4, y - size * 0.35, number(tick), fontName=regular, fontSize=size,
                   fillColor=MUTED, textAnchor="end")
        )  # fmt: skip
    slot = plot_w / max(len(bars), 1)
    widest = max((stringWidth(b.label, regular, size) for b in bars), default=0) + 3
    every = max(1, math.ceil(widest / slot))
    for index, bar in enumerate(bars):
        x = left + slot * index
        value = bar.value if bar.value is not None else ceiling
        if value:
            drawing.add(
                Rect(x + slot * 0.15, bottom, slot * 0.7, plot_h * value / scale_top,
                     fillColor=BAR if bar.value is not None else HIDDEN, strokeColor=None)
            )  # fmt: skip
        if index % every == 0 and bar.label:
            grey = index < len(muted) and muted[index]
            drawing.add(
                String(x + slot / 2, bottom - size * 1.3, bar.label, fontName=regular,
                       fontSize=size, fillColor=MUTED if grey else TEXT, textAnchor="middle")
            )  # fmt: skip
    drawing.add(Line(left, bottom, left + plot_w, bottom, strokeColor=MUTED, strokeWidth=0.6))
    return drawing


def _shade(share: float) -> Color:
    """From pale blue (few) to the accent (the busiest cell)."""
    share = min(max(share, 0.0), 1.0)
    return Color(
        PALE.red + (ACCENT.red - PALE.red) * share,
        PALE.green + (ACCENT.green - PALE.green) * share,
        PALE.blue + (ACCENT.blue - PALE.blue) * share,
    )


def heat_grid(
    corner: str,
    columns: Sequence[str],
    rows: Sequence[tuple[str, Sequence[Bar | None], str]],
    totals: tuple[str, Sequence[str], str],
    width: float,
    size: float = 7.0,
) -> Table:
    """A table of counts shaded by their size: ``rows`` are (label, cells, row total);
    a cell is ``None`` where nothing was counted. ``totals`` is the last line."""
    regular, bold = fonts()
    top = max((c.value or 0 for _label, cells, _t in rows for c in cells if c), default=0) or 1
    data: list[list[str]] = [[corner, *columns, totals[0]]]
    style: list[tuple[object, ...]] = [
        ("FONT", (0, 0), (-1, -1), regular, size),
        ("FONT", (0, 0), (-1, 0), bold, size),
        ("FONT", (0, 0), (0, -1), bold, size),
        ("FONT", (-1, 0), (-1, -1), bold, size),
        ("FONT", (0, -1), (-1, -1), bold, size),
        ("ALIGN", (1, 0), (-1, -1), "CENTER"),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("GRID", (1, 1), (-2, -2), 0.5, white),
        ("LINEABOVE", (0, -1), (-1, -1), 0.6, MUTED),
        ("LINEBEFORE", (-1, 0), (-1, -1), 0.6, MUTED),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ("LEFTPADDING", (0, 0), (-1, -1), 2),
        ("RIGHTPADDING", (0, 0), (-1, -1), 2),
    ]
    for r, (label, cells, total) in enumerate(rows, start=1):
        data.append([label, *(c.text if c else "" for c in cells), total])
        for c, cell in enumerate(cells, start=1):
            if cell is None:
                continue
            if cell.value is None:
                style += [
                    ("BACKGROUND", (c, r), (c, r), HIDDEN_CELL),
                    ("TEXTCOLOR", (c, r), (c, r), MUTED),
                ]
                continue
            share = cell.value / top
            style.append(("BACKGROUND", (c, r), (c, r), _shade(share)))
            if share > 0.5:
                style.append(("TEXTCOLOR", (c, r), (c, r), white))
    data.append([totals[0], *totals[1], totals[2]])
    table = Table(data, colWidths=_grid_widths(data, len(columns), width, bold, size))
    table.setStyle(style)
    table.hAlign = "LEFT"
    return table


def _grid_widths(
    data: list[list[str]], columns: int, width: float, font: str, size: float
) -> list[float]:
    """The widths of a grid's columns: its labels, its cells, its totals."""
    first = max(stringWidth(line[0], font, size) for line in data) + 8
    last = max(stringWidth(line[-1], font, size) for line in data) + 12
    needs = [
        max(stringWidth(line[c], font, size) + 10 for line in data) for c in range(1, columns + 1)
    ]
    room = width - first - last
    # The grid spans the page unless its cells would grow too wide to read as a grid; a
    # wide header (``no time``) takes its room from the cells that have some to spare.
    widths = [max(need, min(room / max(columns, 1), 44.0)) for need in needs]
    excess = sum(widths) - room
    spare = [w - need for w, need in zip(widths, needs, strict=True)]
    if excess > 0 and sum(spare):
        cut = min(excess / sum(spare), 1.0)
        widths = [w - s * cut for w, s in zip(widths, spare, strict=True)]
    return [first, *widths, last]
