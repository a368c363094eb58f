"""Statistics as files: CSV as French Excel opens it (UTF-8 with BOM, ``;``, decimal
comma); hidden cells read « masqué » (whether under the threshold or hidden with one:
one mark for both, so that neither is told from the other)."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

from core.cells import append_row, csv_row
from core.fields import CONTACT_FIELDS
from core.files import write_atomically
from core.formatting import decimal_share
from core.i18n import N_, InContext, gettext, translate
from core.stats.tables import StatsResult

HEADERS = {"count": N_("nombre"), "share": N_("part (%)"), "hidden": N_("masqué")}


def to_csv(result: StatsResult, lang: str = "fr", labels: Any | None = None) -> bytes:
    """Codes and dimension names as they are (for machines), or as words when ``labels``
    (``labels(dimension, code)``) is given (for people)."""
    words = {key: gettext(word, lang) for key, word in HEADERS.items()}
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    names = [dimension_label(d, lang) if labels else d for d in result.by]
    writer.writerow([*names, words["count"], words["share"]] if result.by else ["", words["count"]])
    for row in result.rows:
        count = row["count"]
        shown = words["hidden"] if row.get("suppressed") else str(count)
        values = [labels(d, row[d]) if labels else row[d] for d in result.by]
        writer.writerow([*csv_row(values), shown, decimal_share(count, result.total)])
    padding = [""] * (max(len(result.by), 1) - 1)
    tail = ["100,0"] if result.by and result.total else []
    writer.writerow(["Total" if labels else "total", *padding, str(result.total), *tail])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


# Dimension names as a coordinator reads them in a spreadsheet.
DIMENSION_LABELS: dict[str, str | InContext] = {
    "site": N_("Site"),
    **{f.key: f.label for f in CONTACT_FIELDS if f.counted},
    "epci": N_("EPCI"), "partner": N_("Partenaire"),
    "weekday": N_("Jour de la semaine"),
    "hour": N_("Heure"), "day": N_("Jour"), "week": N_("Semaine du"),
    "month": N_("Mois"),
}  # fmt: skip


def dimension_label(dimension: str, lang: str = "fr") -> str:
    """A dimension's name in ``lang`` (the name itself when it has none)."""
    found = DIMENSION_LABELS.get(dimension)
    return translate(found, lang) if found is not None else dimension


def to_xlsx(
    tables: list[StatsResult], path: str | Path, lang: str = "fr", labels: Any | None = None
) -> None:
    """Write :func:`xlsx_bytes` to ``path``; a failed write leaves no file behind."""
    write_atomically(path, xlsx_bytes(tables, lang, labels))


def xlsx_bytes(tables: list[StatsResult], lang: str = "fr", labels: Any | None = None) -> bytes:
    """A workbook of one sheet per table, with readable headers; hidden cells read
    « masqué ». ``labels(dimension, code)`` turns a code into words (the codes stay when
    absent)."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    book.remove(book.active)
    for result in tables:
        names = [dimension_label(d, lang) for d in result.by]
        title = (" × ".join(names) or "Total")[:31]
        sheet = book.create_sheet(title)
        period = f"{result.start:%d/%m/%Y} – {result.end:%d/%m/%Y}"
        sheet.append([gettext("Période", lang), period])
        sheet.append([])
        words = {key: gettext(word, lang) for key, word in HEADERS.items()}
        sheet.append([*names, words["count"], words["share"]])
        for cell in sheet[3]:
            cell.font = Font(bold=True)
        for row in result.rows:
            count = row["count"]
            shown: Any = words["hidden"] if row.get("suppressed") else count
            share_value = round(100 * count / result.total, 1) if count and result.total else None
            values = [labels(d, row[d]) if labels else row[d] for d in result.by]
            append_row(sheet, [*values, shown, share_value])
        sheet.append(["Total", *([""] * max(0, len(names) - 1)), result.total])
        sheet.cell(sheet.max_row, 1).font = Font(bold=True)
        for column in sheet.columns:
            width = max(len(str(c.value or "")) for c in column)
            sheet.column_dimensions[column[0].column_letter].width = min(max(10, width + 2), 60)
    content = io.BytesIO()
    book.save(content)
    return content.getvalue()
