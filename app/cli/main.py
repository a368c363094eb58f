"""The ``aiguillage`` command line.

Everything an administrator, a script or a test needs runs without the window. Every
command exits non-zero with a one-line message in the user's language when it cannot do
what was asked, and then changes nothing. Codes are the nomenclature codes; communes are
INSEE codes, never postcodes.
"""

from __future__ import annotations

import argparse
import contextlib
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TextIO

from app.cli.texts import cli_language, say
from core.argparse_fr import use_language
from core.errors import DeskError
from core.exports import FORMATS
from core.version import app_version

WindowRunner = Callable[[argparse.Namespace], int]


# The benches of devtools.bench.BENCHES, in their order (a test keeps the two in step).
BENCH_NAMES = ("first_start", "slip", "search", "sync", "contact_import", "stats",
               "contact_save", "startup")  # fmt: skip


def build_parser(lang: str) -> argparse.ArgumentParser:
    use_language(lang)
    parser = argparse.ArgumentParser(prog="aiguillage", description=say("description", lang))
    parser.add_argument("--smoke", action="store_true", help=say("smoke", lang))
    parser.add_argument(
        "--version",
        action="version",
        version=f"aiguillage {app_version()}",
        help=say("version", lang),
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMANDE")
    _contact_parser(commands, lang)
    settings = commands.add_parser("settings", help=say("settings", lang))
    settings_commands = settings.add_subparsers(dest="action", metavar="ACTION", required=True)
    get = settings_commands.add_parser("get")
    get.add_argument("key", nargs="?", metavar="CLÉ")
    put = settings_commands.add_parser("set")
    put.add_argument("key", metavar="CLÉ")
    put.add_argument("value", metavar="VALEUR")

    commands.add_parser("backup", help=say("backup", lang))
    restore = commands.add_parser("restore", help=say("restore", lang))
    which = restore.add_mutually_exclusive_group(required=True)
    which.add_argument("file", nargs="?", type=Path, metavar="FICHIER")
    which.add_argument("--latest", action="store_true")
    commands.add_parser("check", help=say("check", lang))
    _directory_parser(commands, lang)
    enrol = commands.add_parser("enrol", help=say("enrol", lang))
    enrol.add_argument("hub_url", metavar="HUB_URL")
    enrol.add_argument("code", metavar="CODE", nargs="?", default="")
    sync = commands.add_parser("sync", help=say("sync", lang))
    sync.add_argument("--json", action="store_true")

    _slip_parser(commands, lang)

    stats = commands.add_parser("stats", help=say("stats", lang))
    stats.add_argument("--from", dest="start", metavar="DATE")
    stats.add_argument("--to", dest="end", metavar="DATE")
    stats.add_argument("--month", metavar="AAAA-MM", help=say("stats_month", lang))
    stats.add_argument("--by", default="", metavar="DIM[,DIM]")
    stats.add_argument("--min-cell", type=int, metavar="N", help=say("stats_min_cell", lang))
    stats.add_argument(
        "--format", choices=("json", *FORMATS), default="json",
        help=say("stats_format", lang),
    )  # fmt: skip
    stats.add_argument("-o", "--output", type=Path, metavar="FICHIER")

    bench = commands.add_parser("bench", help=say("bench", lang))
    bench.add_argument("--json", action="store_true", help=say("bench_json", lang))
    bench.add_argument(
        "--only", action="append", metavar="MESURE", choices=BENCH_NAMES,
        help=say("bench_only", lang, names=", ".join(BENCH_NAMES)),
    )  # fmt: skip
    return parser


def _contact_parser(
    commands: argparse._SubParsersAction[argparse.ArgumentParser], lang: str
) -> None:
    contact = commands.add_parser("contact", help=say("contact", lang))
    contact_commands = contact.add_subparsers(dest="action", metavar="ACTION", required=True)
    add = contact_commands.add_parser("add", help=say("contact_add", lang))
    add.add_argument("--channel", required=True, metavar="CANAL")
    add.add_argument("--public", required=True, metavar="PUBLIC")
    add.add_argument("--age", required=True, metavar="ÂGE")
    add.add_argument("--gender", required=True, metavar="GENRE")
    add.add_argument("--commune", required=True, metavar="INSEE")
    add.add_argument("--theme", action="append", required=True, metavar="THÈME")
    add.add_argument("--answer", action="append", required=True, metavar="RÉPONSE")
    add.add_argument("--duration", metavar="DURÉE")
    visit = add.add_mutually_exclusive_group()
    visit.add_argument("--first-visit", dest="first_visit", action="store_true", default=None)
    visit.add_argument("--return-visit", dest="first_visit", action="store_false")
    add.add_argument("--agent", metavar="CODE")
    add.add_argument("--note", metavar="TEXTE")
    add.add_argument("--at", metavar="AAAA-MM-JJTHH:MM")
    imp = contact_commands.add_parser("import", help=say("contact_import", lang))
    imp.add_argument("file", type=Path, metavar="FICHIER.csv")


def _directory_parser(
    commands: argparse._SubParsersAction[argparse.ArgumentParser], lang: str
) -> None:
    directory = commands.add_parser("directory", help=say("directory", lang))
    directory_commands = directory.add_subparsers(dest="action", metavar="ACTION", required=True)
    imp = directory_commands.add_parser("import", help=say("directory_import", lang))
    imp.add_argument("path", type=Path, metavar="CHEMIN")
    imp.add_argument("--source", metavar="SOURCE")
    imp.add_argument("--partial", action="store_true", help=say("partial", lang))
    convert = directory_commands.add_parser("convert", help=say("directory_convert", lang))
    convert.add_argument("path", type=Path, metavar="CHEMIN")
    convert.add_argument("-o", "--output", type=Path, required=True, metavar="DOSSIER")
    convert.add_argument("--source", metavar="SOURCE")
    find = directory_commands.add_parser("search", help=say("directory_search", lang))
    find.add_argument("text", nargs="?", default="", metavar="TEXTE")
    find.add_argument("--commune", metavar="INSEE")
    find.add_argument("--theme", action="append", default=[], metavar="THÈME")
    find.add_argument("--public", metavar="PUBLIC")
    find.add_argument("--mode", choices=("en-presentiel", "a-distance"))
    find.add_argument("--free", action="store_true")
    find.add_argument("--type", metavar="TYPE")
    find.add_argument("--open-now", action="store_true")
    find.add_argument("--at", metavar="AAAA-MM-JJTHH:MM")
    find.add_argument("--limit", type=int, default=20)
    find.add_argument("--json", action="store_true")
    hours = directory_commands.add_parser("hours", help=say("directory_hours", lang))
    hours.add_argument("text", metavar="TEXTE")
    hours.add_argument("--at", metavar="AAAA-MM-JJTHH:MM")
    hours.add_argument("--commune", metavar="INSEE", help=say("hours_commune", lang))
    hours.add_argument("--json", action="store_true")


def _slip_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser], lang: str) -> None:
    slip = commands.add_parser("slip", help=say("slip", lang))
    slip.add_argument("service", metavar="SERVICE_ID")
    slip.add_argument("--format", choices=("a4", "a5", "receipt"), default=None)
    slip.add_argument("--large", action="store_true")
    slip.add_argument("--code", metavar="CODE")
    slip.add_argument("-o", "--output", type=Path, required=True, metavar="FICHIER.pdf")


def main(argv: Sequence[str] | None = None, window: WindowRunner | None = None) -> int:
    """Run one command; without a command, hand over to ``window`` (the desk window)."""
    lang = cli_language()
    args = build_parser(lang).parse_args(argv)
    if args.command is None:
        if window is None:
            print(say("error", lang, message="no window"), file=sys.stderr)
            return 2
        return window(args)
    from sqlalchemy.exc import SQLAlchemyError

    from app.logs import logger, setup_logging
    from app.paths import desk_paths

    log = logger("cli")
    # An unusable folder is said by the command itself.
    with contextlib.suppress(OSError):
        setup_logging(desk_paths())
    try:
        return run(args, sys.stdout)
    except DeskError as error:
        message = error.text(lang)
        log.warning("%s: %s", args.command, error.for_log())
        print(say("error", lang, message=message), file=sys.stderr)
        return 1
    except SQLAlchemyError as error:
        reason = str(getattr(error, "orig", None) or error).splitlines()[0][:200]
        damage = _damage()  # a large database is checked only now
        message = (damage or DeskError("database_error", reason=reason)).text(lang)
    except OSError as error:
        path = error.filename or ""
        message = DeskError("file_error", path=path, reason=error.strerror or error).text(lang)
    log.warning("%s: %s", args.command, message)
    print(say("error", lang, message=message), file=sys.stderr)
    return 1


def run(args: argparse.Namespace, out: TextIO) -> int:
    """Run a parsed command; :class:`DeskError` goes up to :func:`main`."""
    from app.cli import commands, directory_commands

    if args.command not in ("restore", "check", "bench"):
        preflight()
    handler: Callable[[argparse.Namespace, TextIO], int] = {
        "contact": commands.contact,
        "settings": commands.settings,
        "backup": commands.backup,
        "restore": commands.restore,
        "check": commands.check,
        "directory": directory_commands.directory,
        "bench": commands.bench,
        "slip": commands.slip,
        "enrol": commands.enrol,
        "stats": commands.stats,
        "sync": commands.sync,
    }[args.command]
    return handler(args, out)


def _damage() -> DeskError | None:
    from app.backup.copies import damage_report
    from app.paths import desk_paths

    paths = desk_paths()
    return damage_report(paths.database, paths.backups)


def preflight() -> None:
    """A quick check of the desk database before a command uses it: a damaged one is
    named with the latest sound backup, and nothing runs on it. A large database is not
    read whole before each command: SQLite's failure on it leads to the same message."""
    from app.backup.health import small_enough_to_check
    from app.paths import desk_paths

    if small_enough_to_check(desk_paths().database) and (problem := _damage()) is not None:
        raise problem
