"""The command line's handlers: each opens the desk, does one thing, says what it did."""

from __future__ import annotations

import argparse
import sys
from datetime import date, timedelta
from pathlib import Path
from typing import TextIO

from app.backup.copies import damage_error, latest_sound, make_backup, restore_backup
from app.backup.health import problems
from app.cli.texts import cli_language, dumps, parse_at, say
from app.desk import Desk
from app.intake.contact import ContactDraft
from app.intake.tallies import ImportRefused, import_contacts
from app.paths import desk_paths
from core.errors import DeskError
from core.exports import FORMATS
from core.files import write_atomically


def contact(args: argparse.Namespace, out: TextIO) -> int:
    desk = Desk.open()
    lang = cli_language()
    try:
        if args.action == "add":
            draft = ContactDraft(
                channel=args.channel,
                public=args.public,
                age=args.age,
                gender=args.gender,
                commune=args.commune,
                themes=args.theme,
                answers=args.answer,
                duration=args.duration,
                first_visit=args.first_visit,
                agent_code=args.agent,
                note=args.note,
                moment=parse_at(args.at),
            )
            record = desk.intake.save(draft)
            print(record.id, file=out)
            return 0
        try:
            count = import_contacts(args.file, desk.intake)
        except ImportRefused as refused:
            for line in refused.lines(lang):
                print(line, file=sys.stderr)
            raise DeskError("csv_rejected", count=refused.line_count) from None
        print(say("imported", lang, count=count), file=out)
        return 0
    finally:
        desk.close()


def settings(args: argparse.Namespace, out: TextIO) -> int:
    desk = Desk.open()
    try:
        if args.action == "get":
            if args.key is None:
                for key, value in desk.settings.all().items():
                    if not desk.settings.spec(key).internal:
                        print(f"{key} = {dumps(value)}", file=out)
                return 0
            desk.settings.spec(args.key, public_only=True)
            value = desk.settings.get(args.key)
            print(value if isinstance(value, str) else dumps(value), file=out)
            return 0
        value = desk.settings.set_text(args.key, args.value)
        print(say("set", cli_language(), key=args.key, value=dumps(value)), file=out)
        return 0
    finally:
        desk.close()


def backup(args: argparse.Namespace, out: TextIO) -> int:
    desk = Desk.open(load_demo=False)
    try:
        path = make_backup(desk.paths.database, desk.paths.backups)
        print(say("backup_made", cli_language(), path=path), file=out)
        return 0
    finally:
        desk.close()


def restore(args: argparse.Namespace, out: TextIO) -> int:
    # The database may be damaged: restoring must not need to open it.
    paths = desk_paths().ensure()
    if args.latest:
        found = latest_sound(paths.backups)
        if found is None:
            raise DeskError("no_backup")
        chosen = found.path
    else:
        chosen = args.file
    safety = restore_backup(chosen, paths.database, paths.backups)
    desk = Desk.open(paths, load_demo=False)  # brings an older backup's schema up to date
    lang = cli_language()
    try:
        desk.purge_notes()  # a file from elsewhere may hold notes past their retention
    finally:
        desk.close()
    if safety is None:
        print(say("restored_no_safety", lang, path=chosen), file=out)
    else:
        print(say("restored", lang, path=chosen, safety=safety), file=out)
    return 0


def check(args: argparse.Namespace, out: TextIO) -> int:
    paths = desk_paths().ensure()
    lang = cli_language()
    found = problems(paths.database)
    if found:
        for problem in found:
            print(problem, file=sys.stderr)
        # The way back is named, as at start-up: the latest sound backup.
        raise damage_error(found, paths.backups)
    print(say("sound", lang, path=paths.database), file=out)
    return 0


def bench(args: argparse.Namespace, out: TextIO) -> int:
    """The performance figures; on a throw-away folder unless ``AIGUILLAGE_HOME`` is set."""
    import importlib
    import os
    import tempfile

    # The bench lives in the development tools, which the desk never imports by name in its
    # code (it imports the hub): looked up when asked for, absent from the Windows bundle.
    try:
        benches = importlib.import_module("devtools.bench")
    except ModuleNotFoundError as error:
        if error.name not in ("devtools", "devtools.bench"):
            raise
        print(say("bench_missing", cli_language()), file=sys.stderr)
        return 2

    own_home = None
    if not os.environ.get("AIGUILLAGE_HOME"):
        own_home = tempfile.TemporaryDirectory(prefix="aiguillage-bench-")
        os.environ["AIGUILLAGE_HOME"] = own_home.name
    try:
        figures = benches.run(args.only)
    finally:
        if own_home is not None:
            del os.environ["AIGUILLAGE_HOME"]
            own_home.cleanup()
    if args.json:
        print(dumps(figures), file=out)
    else:
        for line in benches.plain_lines(figures, cli_language()):
            print(line, file=out)
    return 0


def slip(args: argparse.Namespace, out: TextIO) -> int:
    """Write a slip; nothing is written when the service is unknown."""
    from app.referrals.records import slip_for_service

    desk = Desk.open()
    try:
        fmt = args.format or str(desk.settings.get("slip.format"))
        pdf, code = slip_for_service(desk, args.service, fmt=fmt, large=args.large, code=args.code)
    finally:
        desk.close()
    target: Path = args.output
    partial = target.with_name(target.name + ".partial")
    partial.write_bytes(pdf)
    partial.replace(target)
    print(say("slip_written", cli_language(), code=code, path=target), file=out)
    return 0


def enrol(args: argparse.Namespace, out: TextIO) -> int:
    from app.sync.run import enrol as enrol_desk

    desk = Desk.open()
    try:
        result = enrol_desk(desk, args.hub_url, args.code)
    finally:
        desk.close()
    print(
        say("enrolled", cli_language(), site=result["site_name"], site_id=result["site_id"]),
        file=out,
    )
    return 0


def sync(args: argparse.Namespace, out: TextIO) -> int:
    """One sync; exits non-zero when it could not finish (what was sent stays sent)."""
    from app.sync.run import sync_once

    desk = Desk.open()
    try:
        summary = sync_once(desk)
    finally:
        desk.close()
    if args.json:
        print(dumps(summary.as_dict()), file=out)
    else:
        print(say("synced", cli_language(), **summary.as_dict()), file=out)
    return 0


def stats(args: argparse.Namespace, out: TextIO) -> int:
    """Counts over a period; JSON by default, CSV as French Excel opens it, XLSX; or the
    activity report in PDF."""
    from app.stats import queries as statistics
    from core.stats.export import to_csv

    lang = cli_language()
    by = [d.strip() for d in args.by.split(",") if d.strip()]
    chosen = FORMATS.get(args.format)
    if chosen is not None and chosen.content != "table" and not args.output:
        raise DeskError("output_needed", format=args.format)
    if args.format == "pdf" and by:
        raise DeskError("report_no_by")
    desk = Desk.open(load_demo=False)
    try:
        start, end = _period(args, desk.intake.today())
        # A file is meant to leave the site: the site's threshold, unless told otherwise.
        min_cell = args.min_cell
        if min_cell is None and args.output:
            min_cell = int(desk.settings.get("stats.min_cell"))
        if chosen is not None and chosen.content == "report":
            from app.stats.report import write_report

            write_report(desk, start, end, args.output, lang, min_cell)
            print(say("report_written", lang, path=args.output), file=out)
            return 0
        if chosen is not None and chosen.content == "tables":
            # The same workbook as the window's: every table of the report, labelled.
            from app.stats.exports import export_tables

            export_tables(desk, start, end, args.output, chosen.name, by, min_cell, lang)
            return 0
        with desk.sessions() as session:
            result = statistics.compute(session, start, end, by, min_cell)
    finally:
        desk.close()
    if args.format == "csv":
        content = to_csv(result, lang)
        if args.output:
            write_atomically(args.output, content)
        else:
            sys.stdout.flush()
            sys.stdout.buffer.write(content)
        return 0
    text = dumps(result.as_json())
    if args.output:
        args.output.write_text(text + "\n", encoding="utf-8")
    else:
        print(text, file=out)
    return 0


def _period(args: argparse.Namespace, today: date) -> tuple[date, date]:
    """The period asked for: ``--month``, else ``--from``/``--to``; by default the last 30
    days, or for the report the previous calendar month."""
    from core.stats.tables import parse_day, parse_month, previous_month

    if args.month:
        if args.start or args.end:
            raise DeskError("month_and_dates")
        return parse_month(args.month)
    if not args.start and not args.end and args.format == "pdf":
        return previous_month(today)
    start = parse_day(args.start) if args.start else today - timedelta(days=30)
    end = parse_day(args.end) if args.end else today
    if end < start:
        raise DeskError("bad_period", start=start.isoformat(), end=end.isoformat())
    return start, end
