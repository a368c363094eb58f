"""What the command line prints besides errors, in the user's language, and the small
helpers its commands share (the language to print in, dates read from the command line, JSON).
"""

from __future__ import annotations

import functools
import json
from datetime import datetime
from pathlib import Path
from typing import Any

from core.errors import DeskError, pick
from core.lang import chosen_language

# (French, English) for what the command line prints besides errors.
TEXTS: dict[str, tuple[str, str]] = {
    "description": (
        "Aiguillage : le poste du premier accueil du SPRO. Sans commande, ouvre la fenêtre.",
        "Aiguillage: the SPRO reception desk. Without a command, opens the window.",
    ),
    "smoke": (
        "démarre, affiche la fenêtre, imprime {startup_s, rss_mb} et quitte",
        "start, show the window, print {startup_s, rss_mb}, quit",
    ),
    "version": ("affiche la version et quitte", "show the version and quit"),
    "contact": ("les accueils", "contacts"),
    "contact_add": (
        "enregistre un accueil ; imprime son identifiant",
        "log one contact; prints its id",
    ),
    "contact_import": (
        "importe des accueils comptés sur papier (CSV), toutes les lignes ou aucune",
        "import contacts tallied on paper (CSV), all rows or none",
    ),
    "settings": ("les réglages du poste", "the desk's settings"),
    "backup": ("copie la base de données dans le dossier des sauvegardes", "back up the database"),
    "restore": ("remet une sauvegarde en place", "restore a backup"),
    "check": ("vérifie l’intégrité de la base de données", "check the database's integrity"),
    "directory": ("l’annuaire des partenaires", "the partner directory"),
    "directory_import": (
        "importe un dossier data·inclusion, un dossier HSDS ou un tableur CSV",
        "import a data·inclusion folder, an HSDS folder or a CSV spreadsheet",
    ),
    "partial": (
        "import partiel : ne retire pas ce que le fichier ne contient plus",
        "partial import: do not retire what the file no longer holds",
    ),
    "directory_convert": (
        "écrit un annuaire (tout format) en dossier data·inclusion, sans rien enregistrer",
        "write a directory (any format) as a data·inclusion folder, storing nothing",
    ),
    "converted": (
        "{structures} {structures:structure|structures} et {services} {services:service|services}"
        " écrits dans {path}\u202f; {refused} {refused:refusé|refusés}.",
        "{structures} {structures:structure|structures} and {services}"
        " {services:service|services} written to {path}; {refused} refused.",
    ),
    "directory_search": ("cherche dans l’annuaire", "search the directory"),
    "directory_hours": (
        "lit des horaires au format OpenStreetMap et les écrit en clair",
        "read OpenStreetMap opening hours and write them out in plain words",
    ),
    "hours_commune": (
        "commune du lieu (INSEE)\u00a0: son fuseau horaire et sa zone de vacances scolaires",
        "the place's commune (INSEE): its time zone and school-holiday zone",
    ),
    "hours_warning": ("Avertissement : {warning}", "Warning: {warning}"),
    "unknown": ("inconnu", "unknown"),
    "open": ("ouvert", "open"),
    "closed": ("fermé", "closed"),
    "to_check": ("à vérifier", "to be checked"),
    "local": ("local", "local"),
    "no_hit": ("Aucun service ne correspond.", "No service matches."),
    "bench": (
        "mesure les performances sur des données générées (jamais celles d’un poste)",
        "measure performance on generated data (never a desk's own)",
    ),
    "bench_missing": (
        "La mesure des performances ne fait pas partie de cette installation (elle est dans "
        "les outils de développement, « devtools », absents du paquet Windows).",
        "Performance measurement is not part of this installation (it is in the development "
        "tools, “devtools”, left out of the Windows bundle).",
    ),
    "slip": (
        "fiche d’orientation d’un service, en PDF (A4, A5 ou ticket de 80\u00a0mm)",
        "a referral slip for a service, as a PDF (A4, A5 or 80 mm receipt)",
    ),
    "slip_written": ("Fiche {code} enregistrée\u00a0: {path}", "Slip {code} saved: {path}"),
    "enrol": (
        "inscrit ce poste auprès du hub régional avec un code d’inscription",
        "enrol this desk with the regional hub with an enrolment code",
    ),
    "sync": ("synchronise avec le hub régional", "sync with the regional hub"),
    "enrolled": (
        "Poste inscrit auprès du hub\u00a0: site «\u00a0{site}\u00a0» ({site_id}).",
        "Desk enrolled with the hub: site “{site}” ({site_id}).",
    ),
    "synced": (
        "Synchronisé\u00a0: {pushed} {pushed:envoyé|envoyés}, {pending} en attente"
        " (dont {held} jusqu’à la mise à jour du hub), {pulled} {pulled:reçu|reçus},"
        " {rejected} {rejected:refusé|refusés}.",
        "Synced: {pushed} sent, {pending} pending ({held} until the hub is updated),"
        " {pulled} received, {rejected} refused.",
    ),
    "stats": (
        "l’activité d’une période, par une ou deux dimensions, ou le rapport d’activité en PDF",
        "the activity of a period, by one or two dimensions, or the activity report as a PDF",
    ),
    "stats_month": (
        "un mois entier, à la place de --from et --to (AAAA-MM)",
        "a whole month, instead of --from and --to (YYYY-MM)",
    ),
    "stats_format": (
        "json (par défaut), csv, xlsx ou pdf (le rapport d’activité, par défaut du mois"
        " précédent)\u00a0; xlsx et pdf s’écrivent dans un fichier (-o)",
        "json (default), csv, xlsx or pdf (the activity report, by default of the previous"
        " month); xlsx and pdf go to a file (-o)",
    ),
    "stats_min_cell": (
        "masque les effectifs inférieurs à N, et d’autres avec eux là où une soustraction"
        " les retrouverait (dans un fichier -o, par défaut le seuil du site ; --min-cell 1"
        " montre tout)",
        "hide counts under N, and others with them where a subtraction would find them"
        " again (in a file -o, the site’s threshold by default; --min-cell 1 shows all)",
    ),
    "report_written": (
        "Rapport d’activité enregistré\u00a0: {path}",
        "Activity report saved: {path}",
    ),
    "imported": (
        "{count} {count:accueil importé|accueils importés}.",
        "{count} {count:contact|contacts} imported.",
    ),
    "backup_made": ("Sauvegarde faite : {path}", "Backup made: {path}"),
    "restored": (
        "Sauvegarde remise en place : {path}. Copie de la base précédente : {safety}",
        "Backup restored: {path}. Copy of the previous database: {safety}",
    ),
    "restored_no_safety": ("Sauvegarde remise en place : {path}.", "Backup restored: {path}."),
    "sound": ("Base de données saine : {path}", "Database sound: {path}"),
    "error": ("Erreur : {message}", "Error: {message}"),
    "set": ("{key} = {value}", "{key} = {value}"),
}


def say(key: str, lang: str, /, **params: Any) -> str:
    return pick(TEXTS[key], lang, **params)


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

    from app.backup.health import open_readonly

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


def parse_at(value: str | None) -> datetime | None:
    if value is None:
        return None
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        raise DeskError("csv_bad_date", value=value) from None


def dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)
