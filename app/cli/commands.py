"""The command line's handlers: each opens the desk, does one thing, says what it did."""

from __future__ import annotations

import argparse
import sys
from typing import TextIO

from app.backup import list_backups, make_backup, problems, restore_backup
from app.cli.main import cli_language, dumps, parse_at, say
from app.contact_import import ImportRefused, import_contacts
from app.desk import Desk
from app.errors import DeskError
from app.intake import ContactDraft
from app.paths import desk_paths


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
        found = list_backups(paths.backups)
        if not found:
            raise DeskError("no_backup")
        chosen = found[0].path
    else:
        chosen = args.file
    safety = restore_backup(chosen, paths.database, paths.backups)
    desk = Desk.open(paths, load_demo=False)  # brings an older backup's schema up to date
    lang = cli_language()
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
        raise DeskError("database_damaged", reason=str(paths.database))
    print(say("sound", lang, path=paths.database), file=out)
    return 0
