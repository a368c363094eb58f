"""``aiguillage directory``: a service's opening hours explained, a directory file converted,
imported or searched.
"""

from __future__ import annotations

import argparse
import sys
from datetime import datetime
from typing import Any, TextIO

from app.cli.texts import cli_language, dumps, parse_at, say
from app.desk import Desk
from app.directory.search import SearchHit, SearchQuery
from core.errors import DeskError, ValidationFailed


def directory(args: argparse.Namespace, out: TextIO) -> int:
    if args.action == "import":
        return _directory_import(args, out)
    if args.action == "convert":
        return _directory_convert(args, out)
    if args.action == "hours":
        return _directory_hours(args, out)
    return _directory_search(args, out)


def _directory_hours(args: argparse.Namespace, out: TextIO) -> int:
    """A value checked before it is published: its words, what was repaired, and whether
    the place is open at ``--at`` on its own clock (the desk's site when no ``--commune``)."""
    from core import hours

    lang = cli_language()
    desk = Desk.open(load_demo=False)
    try:
        commune = desk.geography.check_code(args.commune) if args.commune else None
        zone = str(desk.settings.get("site.school_zone"))
        site = str(desk.settings.get("site.commune")) or None
    finally:
        desk.close()
    place = commune or site
    school_zone = hours.school_zone_for(commune) if commune else zone or None
    moment = parse_at(args.at)
    read = hours.reading(args.text)
    text = hours.describe(args.text, lang, commune=place, school_zone=school_zone)
    state = None
    if moment is not None:
        state = hours.open_at(args.text, moment, commune=place, school_zone=school_zone)
    if args.json:
        report: dict[str, Any] = {
            "valid": read.valid,
            "description": text,
            "comments": read.comments,
            "open": state,
        }
        if read.repairs:
            report["warnings"] = read.warnings(lang)
        print(dumps(report), file=out)
        return 0 if read.valid else 1
    print(text, file=out)
    for warning in read.warnings(lang):
        print(say("hours_warning", lang, warning=warning), file=out)
    if moment is not None:
        key = "unknown" if state is None else "open" if state else "closed"
        print(say(key, lang), file=out)
    return 0 if read.valid else 1


def _directory_convert(args: argparse.Namespace, out: TextIO) -> int:
    import json

    from app.directory.formats import convert, read_directory

    desk = Desk.open(load_demo=False)
    lang = cli_language()
    try:
        batch = read_directory(args.path, desk.geography, args.source)
    finally:
        desk.close()
    refused, warnings = convert(batch, args.output)
    for refusal in refused:
        print(f"  – {refusal.text(lang)}", file=sys.stderr)
    for warning in warnings:
        print(f"  · {warning.text(lang)}", file=sys.stderr)
    counts = {
        name: len(json.loads((args.output / f"{name}.json").read_text(encoding="utf-8")))
        for name in ("structures", "services")
    }
    print(
        say("converted", lang, path=args.output, refused=len(refused), **counts),
        file=out,
    )
    return 0


def _directory_import(args: argparse.Namespace, out: TextIO) -> int:
    from app.directory.formats import read_directory
    from app.directory.importing import apply

    desk = Desk.open()
    lang = cli_language()
    try:
        batch = read_directory(args.path, desk.geography, args.source)
        with desk.sessions.begin() as session:
            summary = apply(session, batch, full=not args.partial)
    finally:
        desk.close()
    for line in summary.lines(lang):
        print(line, file=out)
    stored = summary.structures_added + summary.structures_updated
    stored += summary.services_added + summary.services_updated
    return 1 if summary.refused and not stored else 0


def _directory_search(args: argparse.Namespace, out: TextIO) -> int:
    from app.directory.search import search

    desk = Desk.open()
    try:
        query, moment = _search_query(args, desk)
        with desk.sessions() as session:
            hits = search(session, query, now=moment)
    finally:
        desk.close()
    if args.json:
        print(dumps([_hit_json(h) for h in hits]), file=out)
        return 0
    lang = cli_language()
    if not hits:
        print(say("no_hit", lang), file=out)
    for hit in hits:
        print(_hit_line(hit, lang), file=out)
    return 0


def _search_query(args: argparse.Namespace, desk: Desk) -> tuple[SearchQuery, datetime | None]:
    """The command's search, every code checked; and the moment it looks at hours."""
    from zoneinfo import ZoneInfo

    problems = []
    for field, codes in (("theme", args.theme), ("public", [args.public] if args.public else [])):
        for code in codes:
            if desk.lists.item(field, code) is None:
                choices = ", ".join(desk.lists.active_codes(field))
                problems.append(DeskError("unknown_code", field=field, code=code, choices=choices))
    commune = desk.geography.check_code(args.commune) if args.commune else None
    if problems:
        raise ValidationFailed(problems)
    moment = parse_at(args.at)
    if moment is not None and moment.tzinfo is None:
        moment = moment.replace(tzinfo=ZoneInfo("Europe/Paris"))
    if moment is None and args.open_now:
        moment = desk.intake.now()  # open now: at the desk's clock
    query = SearchQuery(
        text=args.text,
        commune=commune,  # outside the region: the search has no area to filter on
        themes=args.theme,
        public=args.public,
        mode=args.mode,
        free=args.free,
        type=args.type,
        open_at=moment if (args.open_now or args.at) else None,
        limit=max(1, min(args.limit, 200)),
    )
    return query, moment


def _hit_line(hit: SearchHit, lang: str) -> str:
    marks = []
    if hit.open_now is not None:
        marks.append(say("open" if hit.open_now else "closed", lang))
    if hit.stale:
        marks.append(say("to_check", lang))
    if hit.is_local:
        marks.append(say("local", lang))
    star = "★ " if hit.favourite else ""
    where = f" ({hit.commune})" if hit.commune else ""
    tail = f" [{', '.join(marks)}]" if marks else ""
    return f"{star}{hit.structure_name}{where} — {hit.service_name}{tail}"


def _hit_json(hit: SearchHit) -> dict[str, Any]:
    from dataclasses import asdict

    data = asdict(hit)
    data["date_maj"] = hit.date_maj.isoformat() if hit.date_maj else None
    return data
