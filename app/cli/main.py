"""The ``aiguillage`` command line.

Everything an administrator, a script or a test needs runs without the window. Every
command exits non-zero with a one-line message in the user's language when it cannot do
what was asked, and then changes nothing. Codes are the nomenclature codes; communes are
INSEE codes, never postcodes.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import json
import sys
from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any, TextIO

from app.cli.argparse_fr import use_language
from core.errors import DeskError, said
from core.exports import FORMATS
from core.i18n import N_
from core.lang import chosen_language
from core.version import app_version

WindowRunner = Callable[[argparse.Namespace], int]

# What the command line prints besides errors: French messages of the catalogue
# (core.i18n); ``{n:accueil|accueils}`` picks a word by the language's plural rule.
TEXTS: dict[str, str] = {
    "description": N_(
        "Aiguillage : le poste du premier accueil du SPRO. Sans commande, ouvre la fenêtre."
    ),
    "smoke": N_("démarre, affiche la fenêtre, imprime {startup_s, rss_mb} et quitte"),
    "version": N_("affiche la version et quitte"),
    "contact": N_("les accueils"),
    "contact_add": N_("enregistre un accueil ; imprime son identifiant"),
    "contact_import": N_(
        "importe des accueils comptés sur papier (CSV), toutes les lignes ou aucune"
    ),
    "settings": N_("les réglages du poste"),
    "backup": N_("copie la base de données dans le dossier des sauvegardes"),
    "restore": N_("remet une sauvegarde en place"),
    "check": N_("vérifie l’intégrité de la base de données"),
    "directory": N_("l’annuaire des partenaires"),
    "directory_import": N_("importe un dossier data·inclusion, un dossier HSDS ou un tableur CSV"),
    "partial": N_("import partiel : ne retire pas ce que le fichier ne contient plus"),
    "directory_convert": N_(
        "écrit un annuaire (tout format) en dossier data·inclusion, sans rien enregistrer"
    ),
    "converted": N_(
        "{structures} {structures:structure|structures} et {services} {services:service|services}"
        " écrits dans {path}\u202f; {refused} {refused:refusé|refusés}."
    ),
    "directory_search": N_("cherche dans l’annuaire"),
    "directory_hours": N_("lit des horaires au format OpenStreetMap et les écrit en clair"),
    "hours_commune": N_(
        "commune du lieu (INSEE)\u00a0: son fuseau horaire et sa zone de vacances scolaires"
    ),
    "hours_warning": N_("Avertissement : {warning}"),
    "unknown": N_("inconnu"),
    "open": N_("ouvert"),
    "closed": N_("fermé"),
    "to_check": N_("à vérifier"),
    "local": N_("local"),
    "no_hit": N_("Aucun service ne correspond."),
    "bench": N_("mesure les performances sur des données générées (jamais celles d’un poste)"),
    "slip": N_("fiche d’orientation d’un service, en PDF (A4, A5 ou ticket de 80\u00a0mm)"),
    "slip_written": N_("Fiche {code} enregistrée\u00a0: {path}"),
    "enrol": N_("inscrit ce poste auprès du hub régional avec un code d’inscription"),
    "sync": N_("synchronise avec le hub régional"),
    "enrolled": N_("Poste inscrit auprès du hub\u00a0: site «\u00a0{site}\u00a0» ({site_id})."),
    "synced": N_(
        "Synchronisé\u00a0: {pushed} {pushed:envoyé|envoyés}, {pending} en attente"
        " (dont {held} jusqu’à la mise à jour du hub), {pulled} {pulled:reçu|reçus},"
        " {rejected} {rejected:refusé|refusés}."
    ),
    "stats": N_(
        "l’activité d’une période, par une ou deux dimensions, ou le rapport d’activité en PDF"
    ),
    "stats_month": N_("un mois entier, à la place de --from et --to (AAAA-MM)"),
    "stats_format": N_(
        "json (par défaut), csv, xlsx ou pdf (le rapport d’activité, par défaut du mois"
        " précédent)\u00a0; xlsx et pdf s’écrivent dans un fichier (-o)"
    ),
    "stats_min_cell": N_(
        "masque les effectifs inférieurs à N, et d’autres avec eux là où une soustraction"
        " les retrouverait (dans un fichier -o, par défaut le seuil du site ; --min-cell 1"
        " montre tout)"
    ),
    "report_written": N_("Rapport d’activité enregistré\u00a0: {path}"),
    "imported": N_("{count} {count:accueil importé|accueils importés}."),
    "backup_made": N_("Sauvegarde faite : {path}"),
    "restored": N_("Sauvegarde remise en place : {path}. Copie de la base précédente : {safety}"),
    "restored_no_safety": N_("Sauvegarde remise en place : {path}."),
    "sound": N_("Base de données saine : {path}"),
    "error": N_("Erreur : {message}"),
    "set": N_("{key} = {value}"),
}


def say(key: str, lang: str, /, **params: Any) -> str:
    return said(TEXTS[key], lang, **params)


def cli_language() -> str:
    """The command line's language: ``AIGUILLAGE_LANG`` when set, else the desk's
    ``ui.language`` setting, else French. Read without opening (or upgrading) the desk."""
    from app.paths import desk_paths

    return _language(chosen_language(), desk_paths().database)


@functools.lru_cache(maxsize=4)
def _language(chosen: str, database: Path) -> str:
    if chosen:
        return chosen
    import sqlite3

    from app.backup import open_readonly

    if database.is_file():
        try:
            connection = open_readonly(database)
            try:
                row = connection.execute(
                    "SELECT value FROM setting WHERE key = 'ui.language'"
                ).fetchone()
            finally:
                connection.close()
            if row and json.loads(row[0]) == "en":
                return "en"
        except (sqlite3.Error, ValueError):
            pass
    return "fr"


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
    enrol = commands.add_parser("enrol", help=say("enrol", lang))
    enrol.add_argument("hub_url", metavar="HUB_URL")
    enrol.add_argument("code", metavar="CODE", nargs="?", default="")
    sync = commands.add_parser("sync", help=say("sync", lang))
    sync.add_argument("--json", action="store_true")

    slip = commands.add_parser("slip", help=say("slip", lang))
    slip.add_argument("service", metavar="SERVICE_ID")
    slip.add_argument("--format", choices=("a4", "a5", "receipt"), default=None)
    slip.add_argument("--large", action="store_true")
    slip.add_argument("--code", metavar="CODE")
    slip.add_argument("-o", "--output", type=Path, required=True, metavar="FICHIER.pdf")

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
    bench.add_argument("--json", action="store_true")
    bench.add_argument(
        "--only",
        action="append",
        metavar="MESURE",
        choices=("slip", "search", "sync", "stats", "contact_save", "startup"),
    )
    return parser


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
    from app.cli import commands

    if args.command not in ("restore", "check", "bench"):
        preflight()
    handler: Callable[[argparse.Namespace, TextIO], int] = {
        "contact": commands.contact,
        "settings": commands.settings,
        "backup": commands.backup,
        "restore": commands.restore,
        "check": commands.check,
        "directory": commands.directory,
        "bench": commands.bench,
        "slip": commands.slip,
        "enrol": commands.enrol,
        "stats": commands.stats,
        "sync": commands.sync,
    }[args.command]
    return handler(args, out)


def _damage() -> DeskError | None:
    from app.backup import damage_report
    from app.paths import desk_paths

    paths = desk_paths()
    return damage_report(paths.database, paths.backups)


def preflight() -> None:
    """A quick check of the desk database before a command uses it: a damaged one is
    named with the latest sound backup, and nothing runs on it. A large database is not
    read whole before each command: SQLite's failure on it leads to the same message."""
    from app.backup import small_enough_to_check
    from app.paths import desk_paths

    if small_enough_to_check(desk_paths().database) and (problem := _damage()) is not None:
        raise problem


def parse_at(value: str | None) -> datetime | None:
    if value is None:
        return None
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        raise DeskError("csv_bad_date", value=value) from None


def dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)
