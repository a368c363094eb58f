"""The activity report's sections: for a dimension, a chart beside or above its table
(the long ones cut to their first rows and the others summed), the busy days and hours as
a shaded grid, and visits over time. :mod:`.activity` puts them in order under the header."""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any, Protocol

from reportlab.lib.colors import HexColor
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table

from core.errors import said as say
from core.i18n import gettext
from core.lang import day_text
from core.lists import Item
from core.report.charts import Bar, bar_chart, column_chart, heat_grid
from core.report.style import MUTED, fit, fonts
from core.report.text import (
    NNBSP,
    OTHERS,
    SECTIONS,
    number,
    para,
    percent,
    said,
    styles,
)
from core.stats import tables
from core.stats.export import dimension_label
from core.stats.labels import Labeller, short_weekday
from core.stats.tables import StatsResult

MARGIN = 18 * mm
WIDTH = A4[0] - 2 * MARGIN
ZEBRA = HexColor("#f3f5f8")
# A table this short goes beside its chart rather than under it.
SIDE_BY_SIDE = 7
GUTTER = 16
# The long dimensions show their first N rows, and the others summed.
# A region's sites too: a table of 1,200 sites would not hold on a page.
TOP_ROWS = {"commune": 10, "epci": 10, "partner": 15, "site": 20}
# In this order the dimensions read best as listed, not by size.
LIST_ORDER = ("age", "gender")


@dataclass(frozen=True, slots=True)
class Line:
    """A table row: its label, its count (``None`` when hidden) as printed, its share."""

    label: str
    count: int | None
    text: str
    share: str

    def bar(self) -> Bar:
        return Bar(self.label, self.count, self.text)


class Writer:
    """Builds the story of one report; every text goes through ``say``."""

    def __init__(self, labeller: Labeller, lists: Lists, min_cell: int) -> None:
        self.label = labeller
        self.lang = labeller.lang
        self.lists = lists
        self.min_cell = min_cell
        self.styles = styles()
        self.hidden = said("hidden_mark", self.lang)

    def say(self, key: str, **params: Any) -> str:
        return said(key, self.lang, **params)

    def para(self, text: str, style: str = "body") -> Paragraph:
        return para(text, self.styles[style])

    def line(self, label: str, count: int | None, total: int) -> Line:
        if count is None:
            return Line(label, None, self.hidden, "")
        return Line(label, count, number(count, self.lang), percent(count, total, self.lang))

    # --- the sections ------------------------------------------------------------------

    def breakdown(self, number_: int, result: StatsResult) -> list[Flowable]:
        """A chart and a table of one dimension, the largest first (ages and genders in
        their list's order); the long ones cut at their first N and the rest summed."""
        dim = result.by[0]
        title, top = gettext(SECTIONS[dim], self.lang), TOP_ROWS.get(dim, 0)
        labelled = in_order(result, self.label, self.lists)
        # One row past the first N is shown rather than summed as "1 other".
        cut = top and len(labelled) > top + 1
        shown, rest = (labelled[:top], labelled[top:]) if cut else (labelled, [])
        if rest:
            title = self.say(f"top_{dim}", title=title, n=top)
        heading = self.heading(number_, title)
        if not labelled:
            empty = self.say("no_partner" if dim == "partner" else "no_data")
            return [KeepTogether([heading, self.para(empty)])]
        lines = [self.line(label, row["count"], result.total) for label, row in shown]
        if rest:
            lines.append(self.rest(dim, [row for _label, row in rest], result.total))
        story: list[Flowable] = [heading]
        multiple = dim in tables.MULTIPLE
        head = dimension_label(dim, self.lang)
        total = self.say("total_visits" if multiple else "total")
        bars = [line.bar() for line in lines[: len(shown)]]
        if all(line.count is None for line in lines):
            story.append(self.para(self.say("all_hidden", n=self.min_cell), "small"))
            story.append(self.table(head, lines, total, result, WIDTH))
        elif len(lines) <= SIDE_BY_SIDE and self.fits(lines, (WIDTH - GUTTER) / 2):
            # A short table beside its chart: half the height, the same words.
            half = (WIDTH - GUTTER) / 2
            table = self.table(head, lines, total, result, half)
            # Each bar level with its row: the table's rows are one line each.
            table.wrap(half, WIDTH)
            header, pitch = table._rowHeights[0], table._rowHeights[1]
            chart = bar_chart(bars, half, label_share=0.56, pitch=pitch)
            pair = Table([[chart, table]], colWidths=[half + GUTTER, half])
            pair.setStyle([
                ("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0), ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (0, 0), header - 2),
            ])  # fmt: skip
            pair.hAlign = "LEFT"
            story.append(pair)
        else:
            chart = bar_chart(bars, WIDTH)
            story += [chart, Spacer(1, 6), self.table(head, lines, total, result, WIDTH)]
        if multiple:
            story.append(self.para(self.say(f"note_{dim}"), "small"))
        return [KeepTogether(story)]

    def fits(self, lines: list[Line], width: float) -> bool:
        """Whether every label holds on one line of a table ``width`` wide."""
        room = width - 2 * min(80.0, width / 5) - 12
        return all(stringWidth(line.label, fonts()[0], 8.5) <= room for line in lines)

    def rest(self, dim: str, rows: list[dict[str, Any]], total: int) -> Line:
        """The rows past the first N, summed; ``≥`` when some of them are hidden."""
        label = say(OTHERS[dim], self.lang, count=len(rows))
        seen = sum(r["count"] or 0 for r in rows)
        hidden = sum(r["count"] is None for r in rows)
        if hidden:
            # Each hidden count is at least 1: a bound that tells nothing of any of them.
            return Line(label, None, f"≥ {number(seen + hidden, self.lang)}", "")
        return self.line(label, seen, total)

    def table(
        self, head: str, lines: list[Line], total_label: str, result: StatsResult, width: float
    ) -> Table:
        regular, bold = fonts()
        data: list[list[Any]] = [[self.para(head, "th"), self.say("count"), self.say("share")]]
        data += [[self.para(line.label, "td"), line.text, line.share] for line in lines]
        hundred = "100%" if self.lang == "en" else f"100{NNBSP}%"
        data.append([self.para(total_label, "th"), number(result.total, self.lang), hundred])
        style: list[tuple[Any, ...]] = [
            ("FONT", (1, 0), (-1, -1), regular, 8.5),
            ("FONT", (1, 0), (-1, 0), bold, 8.5),
            ("FONT", (1, -1), (-1, -1), bold, 8.5),
            ("ALIGN", (1, 0), (-1, -1), "RIGHT"),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("LINEBELOW", (0, 0), (-1, 0), 0.6, MUTED),
            ("LINEABOVE", (0, -1), (-1, -1), 0.6, MUTED),
            ("TOPPADDING", (0, 0), (-1, -1), 1.5),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
        ]
        style += [("BACKGROUND", (0, r), (-1, r), ZEBRA) for r in range(2, len(data) - 1, 2)]
        style += [
            ("TEXTCOLOR", (1, r), (1, r), MUTED) for r, ln in enumerate(lines, 1) if not ln.share
        ]
        numbers = min(80.0, width / 5)
        table = Table(data, colWidths=[width - 2 * numbers, numbers, numbers], repeatRows=1)
        table.setStyle(style)
        table.hAlign = "LEFT"
        return table

    def heading(self, number_: int, title: str) -> Paragraph:
        return self.para(f"{number_}.\u00a0{title}", "h2")

    def weekly_grid(
        self, number_: int, grid: StatsResult, days: StatsResult, hours: StatsResult
    ) -> list[Flowable]:
        """Weekdays × hours, shaded by count, with each line's and column's total."""
        heading = self.heading(number_, gettext(SECTIONS["weekday"], self.lang))
        if not grid.rows:
            return [KeepTogether([heading, self.para(self.say("no_data"))])]
        present = {r["hour"] for r in grid.rows}
        known = sorted(int(h) for h in present if h != "non-precise")
        codes = [f"{h:02d}" for h in range(known[0], known[-1] + 1)] if known else []
        codes += ["non-precise"] if "non-precise" in present else []
        weekdays = [
            str(d) for d in range(1, 8) if d <= 5 or any(r["weekday"] == str(d) for r in grid.rows)
        ]
        cells = {(r["weekday"], r["hour"]): r["count"] for r in grid.rows}

        def cell(key: tuple[str, str]) -> Bar | None:
            if key not in cells:
                return None
            value = cells[key]
            return Bar("", value, number(value, self.lang) if value is not None else self.hidden)

        def text(result: StatsResult, dim: str, code: str) -> str:
            for row in result.rows:
                if row[dim] == code:
                    return self.line("", row["count"], 1).text
            return ""

        columns = [
            self.say("no_time") if c == "non-precise" else self.label("hour", c) for c in codes
        ]
        rows = [
            (
                _capital(self.label("weekday", d)),
                [cell((d, c)) for c in codes],
                text(days, "weekday", d),
            )
            for d in weekdays
        ]
        totals = (
            self.say("total"),
            [text(hours, "hour", c) for c in codes],
            number(grid.total, self.lang),
        )
        table = heat_grid("", columns, rows, totals, WIDTH)
        caption = self.say("grid_caption", n=self.min_cell)
        return [KeepTogether([heading, table, Spacer(1, 4), self.para(caption, "small")])]

    def time_series(self, number_: int, step: str, result: StatsResult) -> list[Flowable]:
        """Visits per day (per week or month over a long period): bars, then a table of
        the steps that had visits, in three columns."""
        en = self.lang == "en"
        heading = self.heading(number_, self.say(f"per_{step}"))
        if not result.rows:
            return [KeepTogether([heading, self.para(self.say("no_data"))])]
        counts = {r[step]: r["count"] for r in result.rows}
        bars, weekend = [], []
        for moment in tables.time_steps(result.start, result.end, step):
            code = tables.step_code(moment, step)
            ticks = {"day": str(moment.day), "week": f"{moment:%d/%m}", "month": f"{moment:%m/%y}"}
            bars.append(Bar(ticks[step], counts.get(code, 0), ""))
            weekend.append(step == "day" and moment.weekday() >= 5)
        chart = column_chart(
            bars, WIDTH, ceiling=self.min_cell, muted=weekend, number=lambda n: number(n, self.lang)
        )
        story: list[Flowable] = [heading, chart]
        if any(r["count"] is None for r in result.rows):
            story.append(self.para(self.say(f"hidden_{step}", n=self.min_cell), "small"))
        lines = []
        one_year = result.start.year == result.end.year
        for row in result.rows:
            label = self.label(step, row[step])
            if step != "month":
                # A day or a week's Monday, its year left out when the period has one.
                day = date.fromisoformat(row[step])
                label = day_text(day, self.lang)
                if one_year:
                    label = label.rsplit(" ", 1)[0] if en else label[:-5]
                if step == "day":
                    label = f"{short_weekday(day.isoweekday(), self.lang)} {label}"
            lines.append(self.line(label, row["count"], result.total))
        table = self.columns(lines, self.say(f"head_{step}"), result.total)
        story += [Spacer(1, 6), table]
        return [KeepTogether(story)]

    def columns(self, lines: list[Line], head: str, total: int) -> Table:
        """A long list of short rows and their total, laid out in three columns of
        (label, count, share)."""
        regular, bold = fonts()
        hundred = "100%" if self.lang == "en" else f"100{NNBSP}%"
        lines = [*lines, Line(self.say("total"), total, number(total, self.lang), hundred)]
        per = math.ceil(len(lines) / 3)
        groups = [lines[i * per : (i + 1) * per] for i in range(3)]
        # Three groups of (label, count, share) with a gap between them.
        label_width = (WIDTH - 2 * 12) / 3 - 80
        widths = [label_width, 36, 44, 12, label_width, 36, 44, 12, label_width, 36, 44, 0]
        data: list[list[str]] = [[head, self.say("count"), self.say("share"), ""] * 3]
        for r in range(per):
            row: list[str] = []
            for group in groups:
                line = group[r] if r < len(group) else None
                label = fit(line.label, label_width - 6, regular, 8) if line else ""
                row += [label, line.text, line.share, ""] if line else ["", "", "", ""]
            data.append(row)
        style: list[tuple[Any, ...]] = [
            ("FONT", (0, 0), (-1, -1), regular, 8),
            ("FONT", (0, 0), (-1, 0), bold, 8),
            ("TOPPADDING", (0, 0), (-1, -1), 1.5),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
            ("LEFTPADDING", (0, 0), (-1, -1), 3),
            ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ]
        for g, group in enumerate(groups):
            first, last = 4 * g, 4 * g + 2
            style.append(("ALIGN", (first + 1, 0), (last, -1), "RIGHT"))
            if group:
                style.append(("LINEBELOW", (first, 0), (last, 0), 0.6, MUTED))
            style += [("BACKGROUND", (first, r), (last, r), ZEBRA)
                      for r in range(2, len(group), 2)]  # fmt: skip
            style += [("TEXTCOLOR", (first + 1, r), (first + 1, r), MUTED)
                      for r, line in enumerate(group, 1) if not line.share]  # fmt: skip
        # The total closes the last group.
        g, r = (len(lines) - 1) // per, (len(lines) - 1) % per + 1
        style += [("FONT", (4 * g, r), (4 * g + 2, r), bold, 8),
                  ("LINEABOVE", (4 * g, r), (4 * g + 2, r), 0.6, MUTED)]  # fmt: skip
        table = Table(data, colWidths=widths, repeatRows=1)
        table.setStyle(style)
        table.hAlign = "LEFT"
        return table


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def in_order(
    result: StatsResult, label: Callable[[str, str], str], lists: Lists
) -> list[tuple[str, dict[str, Any]]]:
    """A table's rows with their labels, the largest first, hidden ones last (ages and
    genders in their list's order)."""
    dim = result.by[0]
    labelled = [(label(dim, r[dim]), r) for r in result.rows]
    if dim in LIST_ORDER:
        place = {i.code: n for n, i in enumerate(lists.items(dim, include_inactive=True))}
        labelled.sort(key=lambda lr: (lr[1][dim] == "non-precise", place.get(lr[1][dim], 99)))
    else:
        labelled.sort(key=lambda lr: (lr[1]["count"] is None, -(lr[1]["count"] or 0), lr[0]))
    return labelled


class Lists(Protocol):
    """The lists, as the report orders ages and genders (the desk's or the region's)."""

    def items(self, list_name: str, *, include_inactive: bool = False) -> list[Item]: ...
