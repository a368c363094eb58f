"""The activity report as an A4 PDF (reportlab), French by default, English complete.

A header (the site, the period, the day it was made, the threshold, the key figures),
then one section per table of :data:`core.stats.tables.REPORT_TABLES`, each a chart and its
table, and a note on what the figures count. The report is meant to leave the site: by
default counts under the site's threshold (setting ``stats.min_cell``), and those that
would give them away, read « masqué » (:mod:`core.disclosure`).
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from datetime import date

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, SimpleDocTemplate, Spacer, Table
from reportlab.platypus.flowables import HRFlowable

from core.report.charts import GRID
from core.report.sections import MARGIN, WIDTH, Lists, Writer, in_order
from core.report.style import ACCENT, fonts, footed_canvas
from core.report.text import number, period_title, said, written_on
from core.stats import tables
from core.stats.labels import Labeller
from core.stats.tables import StatsResult

__all__ = ["Count", "Lists", "build_pdf", "in_order", "story"]

# ``count(by)``: the period's counts by those dimensions (none: the total alone), the
# threshold applied.
Count = Callable[[tuple[str, ...]], StatsResult]


def story(
    count: Count,
    labeller: Labeller,
    lists: Lists,
    start: date,
    end: date,
    min_cell: int,
    site_name: str,
    made_on: date,
    sections: Sequence[tuple[str, ...]] = tables.REPORT_TABLES,
    more: Callable[[Writer, int], list[Flowable]] | None = None,
) -> tuple[list[Flowable], str]:
    """The report's flowables and title: the header, then one section per dimension of
    ``sections`` (then ``more``'s, numbered next). The desk counts its own visits; the
    hub counts the region's."""
    writer = Writer(labeller, lists, min_cell)
    lang, say = writer.lang, writer.say
    title = period_title(start, end, lang)
    story: list[Flowable] = []
    if site_name:
        story.append(writer.para(site_name, "site"))
    story += [writer.para(title, "title"), writer.para(say("made", day=written_on(made_on, lang)))]
    threshold = say("threshold", n=min_cell) if min_cell > 1 else say("no_threshold")
    story += [writer.para(threshold), Spacer(1, 10)]
    total = count(()).total
    by_dims = {dims: count(dims) for dims in sections}
    days = len(by_dims[("day",)].rows if ("day",) in by_dims else count(("day",)).rows)
    figures = [(number(total, lang), say("visits", count=total))]
    if total:
        figures += [
            (number(days, lang), say("days", count=days)),
            (number(total / days, lang, 1), say("mean_per_day")),
        ]
    story += [_figures(figures, writer), HRFlowable(width="100%", thickness=0.6, color=GRID)]
    if not total:
        story.append(writer.para(say("no_visit"), "lead"))
    else:
        for n, dims in enumerate(sections, start=1):
            if dims == ("weekday", "hour"):
                extra = [count((d,)) for d in dims]
                story += writer.weekly_grid(n, by_dims[dims], *extra)
            elif dims == ("day",):
                step = tables.time_step(start, end)
                series = by_dims[dims] if step == "day" else count((step,))
                story += writer.time_series(n, step, series)
            else:
                story += writer.breakdown(n, by_dims[dims])
        if more is not None:
            story += more(writer, len(sections) + 1)
    story.append(writer.para(say("about"), "h2"))
    notes = ["note_anonymous", "note_multiple", "note_cancelled"]
    notes += ["note_threshold"] if min_cell > 1 else []
    story += [writer.para(say(key, n=min_cell), "note") for key in notes]
    return story, title


def _figures(figures: Sequence[tuple[str, str]], writer: Writer) -> Table:
    """The key figures side by side: a large number over its caption."""
    _regular, bold = fonts()
    width = WIDTH / 3
    cells = []
    for value, caption in figures:
        inner = Table([[value], [writer.para(caption, "caption")]], colWidths=[width - 12])
        inner.setStyle([
            ("FONT", (0, 0), (0, 0), bold, 22), ("TEXTCOLOR", (0, 0), (0, 0), ACCENT),
            ("LEFTPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (0, 0), 6),
        ])  # fmt: skip
        cells.append(inner)
    table = Table([cells], colWidths=[width] * len(cells))
    table.setStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0)])
    table.hAlign = "LEFT"
    return table


def build_pdf(flowables: list[Flowable], title: str, author: str, lang: str = "fr") -> bytes:
    """The report's pages, each with its footer (author, title, page n of N)."""
    buffer = io.BytesIO()
    footer = " — ".join(p for p in (author, title) if p)
    doc = SimpleDocTemplate(
        buffer, pagesize=A4, leftMargin=MARGIN, rightMargin=MARGIN, topMargin=MARGIN,
        bottomMargin=MARGIN + 4 * mm, title=title, author=author or "Aiguillage",
        subject=title, creator="Aiguillage", lang="en" if lang == "en" else "fr",
    )  # fmt: skip
    pages = footed_canvas(footer, lambda n, count: said("page", lang, page=n, pages=count), MARGIN)
    doc.build(flowables, canvasmaker=pages)
    return buffer.getvalue()
