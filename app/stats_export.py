"""Statistics as files: CSV as French Excel opens it (UTF-8 with BOM, ``;``, decimal
comma); suppressed cells read ``< N``."""

from __future__ import annotations

import csv
import io

from app.stats import StatsResult

HEADERS = {
    "fr": {"count": "nombre", "share": "part (%)"},
    "en": {"count": "count", "share": "share (%)"},
}


def share(count: int | None, total: int) -> str:
    """A percentage with a decimal comma (French Excel reads it as a number)."""
    if count is None or not total:
        return ""
    return f"{100 * count / total:.1f}".replace(".", ",")


def to_csv(result: StatsResult, lang: str = "fr") -> bytes:
    words = HEADERS["en" if lang == "en" else "fr"]
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    dims = list(result.by) or [""]
    writer.writerow(
        [*result.by, words["count"], words["share"]] if result.by else ["", words["count"]]
    )
    for row in result.rows:
        count = row["count"]
        shown = f"< {result.min_cell}" if row.get("suppressed") else str(count)
        writer.writerow([*(row[d] for d in result.by), shown, share(count, result.total)])
    padding = [""] * (len(dims) - 1)
    tail = ["100,0"] if result.by and result.total else []
    writer.writerow(["total", *padding, str(result.total), *tail])
    return ("\ufeff" + out.getvalue()).encode("utf-8")
