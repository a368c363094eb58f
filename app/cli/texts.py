"""What the command line prints besides errors, in the user's language, and the small
helpers its commands share (the language to print in, dates read from the command line, JSON).
"""

from __future__ import annotations

import functools
import json
from datetime import datetime
from pathlib import Path
from typing import Any

from core.errors import DeskError, said
from core.i18n import N_
from core.lang import chosen_language

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
    "bench_json": N_("écrit le résultat en JSON"),
    "bench_only": N_("ne prend que cette mesure (à répéter pour en prendre plusieurs) : {names}"),
    "bench_missing": N_(
        "La mesure des performances ne fait pas partie de cette installation (elle est dans"
        " les outils de développement, «\u00a0devtools\u00a0», absents du paquet Windows)."
    ),
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
