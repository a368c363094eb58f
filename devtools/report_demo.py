"""The activity report's first pages as PNG pictures for the documentation, from a
month of plausible visits (:mod:`devtools.demo_activity`) on a throw-away desk.

    python -m devtools.report_demo docs [--lang en] [--pdf FILE]

The visits are drawn from a fixed seed (November 2026 at a desk of the Istres area, with
referrals to the demo directory), so the pictures only change with the code.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

PAGES = 3


def pictures(pdf: bytes, target: Path, stem: str, pages: int = PAGES) -> list[Path]:
    """The first ``pages`` pages as PNG, as the slips' pictures are made."""
    import pypdfium2

    written = []
    document = pypdfium2.PdfDocument(pdf)
    for index in range(min(pages, len(document))):
        path = target / f"{stem}-{index + 1}.png"
        document[index].render(scale=1.25).to_pil().save(path)
        written.append(path)
    return written


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m devtools.report_demo")
    parser.add_argument("target", nargs="?", default="docs")
    parser.add_argument("--lang", default="fr", choices=("fr", "en"))
    parser.add_argument("--pdf", type=Path, help="also keep the whole report there")
    args = parser.parse_args(argv[1:])
    target = Path(args.target).resolve()
    target.mkdir(parents=True, exist_ok=True)
    os.environ["AIGUILLAGE_HOME"] = tempfile.mkdtemp(prefix="aiguillage-report-")

    from app.desk import Desk
    from app.stats.report import render_report
    from devtools.demo_activity import log_visits

    now = datetime(2026, 12, 2, 9, 30, tzinfo=ZoneInfo("Europe/Paris"))
    desk = Desk.open(clock=lambda: now)
    try:
        desk.settings.set_texts({"site.name": "Cité des métiers d’Istres", "site.commune": "13047"})
        first, last = date(2026, 11, 1), date(2026, 11, 30)
        log_visits(desk, first, last)
        pdf = render_report(desk, first, last, args.lang)
    finally:
        desk.close()
        shutil.rmtree(os.environ["AIGUILLAGE_HOME"], ignore_errors=True)
    if args.pdf:
        args.pdf.write_bytes(pdf)
    stem = "rapport-mensuel" + ("-en" if args.lang == "en" else "")
    for path in pictures(pdf, target, stem):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
