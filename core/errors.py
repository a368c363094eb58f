"""Errors the desk's core reports to a person, in French or English.

The core never formats a sentence for a person itself: it raises a :class:`DeskError`
with a message key and its parameters, and the command line or the window renders it in
the user's language (French by default).
"""

from __future__ import annotations

from typing import Any

from core.fields import LABELS
from core.lang import plural

Language = str  # "fr" or "en"

# key -> (French, English). French typography: non-breaking space before « : ; ! ? »,
# inside « », and the apostrophe ’.
MESSAGES: dict[str, tuple[str, str]] = {
    "unknown_code": (
        "{field} : code inconnu « {code} ». Codes possibles : {choices}.",
        "{field}: unknown code “{code}”. Possible codes: {choices}.",
    ),
    "inactive_code": (
        "{field} : le code « {code} » n’est plus en usage.",
        "{field}: the code “{code}” is no longer in use.",
    ),
    "missing_value": ("{field} : à renseigner.", "{field}: required."),
    "need_one_theme": (
        "Thème : choisissez au moins un thème de la demande.",
        "Theme: choose at least one theme of the request.",
    ),
    "referral_needs_partner": (
        "Orientation vers un partenaire\u00a0: choisissez le partenaire (Entrée ou F4 ouvre"
        " la liste) ou décochez cette réponse.",
        "Referred to a partner: choose the partner (Enter or F4 opens the list) or untick"
        " this answer.",
    ),
    "need_one_answer": (
        "Réponse : choisissez au moins une réponse apportée.",
        "Answer: choose at least one answer given.",
    ),
    "unknown_commune": (
        "Commune : « {code} » n’est pas un code INSEE connu.",
        "Commune: “{code}” is not a known INSEE code.",
    ),
    "unknown_commune_name": (
        "Commune : aucune commune ne correspond à « {code} » ; choisissez-la dans la liste.",
        "Commune: no commune matches “{code}”; pick it from the list.",
    ),
    "postcode_several": (
        "Commune\u00a0: le code postal {code} couvre plusieurs communes ({names}…)\u202f;"
        " choisissez-la dans la liste.",
        "Commune: postcode {code} covers several communes ({names}…); pick it from the list.",
    ),
    "unknown_postcode": (
        "Commune\u00a0: aucune commune n’a le code postal {code}.",
        "Commune: no commune has the postcode {code}.",
    ),
    "commune_homonyms": (
        "Commune\u00a0: plusieurs communes s’appellent «\u00a0{code}\u00a0» ({names})\u202f;"
        " choisissez-la dans la liste.",
        "Commune: several communes are called “{code}” ({names}); pick it from the list.",
    ),
    "commune_is_postcode": (
        "Commune : « {code} » est un code postal ({names}) ; donnez le code INSEE de la commune.",
        "Commune: “{code}” is a postcode ({names}); give the commune’s INSEE code.",
    ),
    "note_personal_data": (
        "Note refusée : elle semble contenir {what} (« {text} »). La note ne doit"
        " contenir aucune donnée personnelle.",
        "Note refused: it seems to hold {what} (“{text}”). A note must hold no personal data.",
    ),
    "note_too_long": (
        "Note : {length} caractères, {limit} au plus.",
        "Note: {length} characters, {limit} at most.",
    ),
    "agent_code_invalid": (
        "Code agent : de 1 à 8 lettres ou chiffres.",
        "Agent code: 1 to 8 letters or digits.",
    ),
    "moment_in_future": (
        "Date : {moment} est dans le futur.",
        "Date: {moment} is in the future.",
    ),
    "unknown_service": (
        "Orientation\u00a0: le service «\u00a0{id}\u00a0» n’est pas (ou plus) dans l’annuaire.",
        "Referral: the service “{id}” is not (or no longer) in the directory.",
    ),
    "moment_too_old": (
        "Date\u00a0: {moment} est trop ancienne (avant {earliest}).",
        "Date: {moment} is too old (before {earliest}).",
    ),
    "flag_needs_comment": (
        "Signalement\u00a0: dites en quelques mots ce qui ne va pas.",
        "Report: say in a few words what is wrong.",
    ),
    "flag_personal_data": (
        "Commentaire refusé\u00a0: il semble contenir {what} («\u00a0{text}\u00a0»)."
        " Un signalement ne doit contenir aucune donnée personnelle.",
        "Comment refused: it seems to hold {what} (“{text}”). A report must hold no personal data.",
    ),
    "local_entry_refused": (
        "Entrée locale refusée\u00a0: {reason}",
        "Local entry refused: {reason}",
    ),
    "hub_bad_url": (
        "Adresse du hub\u00a0: «\u00a0{url}\u00a0» n’est pas une adresse web (https://…).",
        "Hub address: “{url}” is not a web address (https://…).",
    ),
    "hub_unreachable": (
        "Le hub régional ne répond pas ({url}, {reason})\u202f; nouvel essai plus tard,"
        " rien n’est perdu.",
        "The regional hub does not answer ({url}, {reason}); trying again later, nothing is lost.",
    ),
    "hub_tls": (
        "Connexion sécurisée impossible avec «\u00a0{url}\u00a0» (certificat refusé ou"
        " invalide)\u202f: vérifiez l’adresse du hub\u202f; nouvel essai plus tard, rien"
        " n’est perdu.",
        "No secure connection with “{url}” (certificate refused or invalid): check the hub’s"
        " address; trying again later, nothing is lost.",
    ),
    "hub_unavailable": (
        "Le hub régional est indisponible (HTTP {status})\u202f; nouvel essai plus tard,"
        " rien n’est perdu.",
        "The regional hub is unavailable (HTTP {status}); trying again later, nothing is lost.",
    ),
    "hub_enrol_too_many": (
        "Trop d’essais d’inscription depuis cette adresse\u00a0: attendez un quart d’heure,"
        " puis saisissez de nouveau le code (vérifiez-le avant\u00a0; il est peut-être mal"
        " recopié).",
        "Too many enrolment attempts from this address: wait a quarter of an hour, then"
        " type the code again (check it first; it may be mistyped).",
    ),
    "hub_too_many": (
        "Le hub régional reçoit trop de requêtes de ce poste\u202f; nouvel essai dans une"
        " minute, rien n’est perdu.",
        "The regional hub receives too many requests from this desk; trying again in a"
        " minute, nothing is lost.",
    ),
    "hub_bad_answer": (
        "Réponse du hub refusée ({reason})\u202f; rien n’a été modifié sur ce poste.",
        "The hub’s answer was refused ({reason}); nothing was changed on this desk.",
    ),
    "hub_revoked": (
        "Ce poste a été révoqué par la coordination régionale\u202f: il ne peut plus envoyer"
        " ni recevoir de données. Contactez-la pour obtenir un nouveau code d’inscription.",
        "This desk was revoked by the regional coordination: it can no longer send or receive"
        " data. Contact them for a new enrolment code.",
    ),
    "hub_too_old": (
        "Cette version d’Aiguillage est trop ancienne pour le hub régional\u202f:"
        " mettez-la à jour.",
        "This version of Aiguillage is too old for the regional hub: please update it.",
    ),
    "hub_too_new": (
        "Le hub régional parle une version plus ancienne du protocole que ce poste\u202f:"
        " la coordination régionale doit le mettre à jour. Rien n’est perdu\u202f: les"
        " enregistrements restent sur ce poste et partiront après la mise à jour.",
        "The regional hub speaks an older version of the protocol than this desk: the"
        " regional coordination must update it. Nothing is lost: the records stay on this"
        " desk and go up after the update.",
    ),
    "hub_bad_code": (
        "Ce code d’inscription n’est pas ou plus valable\u202f: demandez un nouveau code"
        " à la coordination régionale.",
        "This enrolment code is not or no longer valid: ask the regional coordination for"
        " a new one.",
    ),
    "hub_expired_code": (
        "Ce code d’inscription a expiré\u202f: demandez-en un nouveau.",
        "This enrolment code has expired: ask for a new one.",
    ),
    "hub_used_code": (
        "Ce code d’inscription a déjà servi pour un autre poste\u202f: demandez-en un nouveau.",
        "This enrolment code was already used by another desk: ask for a new one.",
    ),
    "hub_refused": (
        "Le hub a refusé la requête (HTTP {status}\u00a0: {message}).",
        "The hub refused the request (HTTP {status}: {message}).",
    ),
    "not_enrolled": (
        "Ce poste n’est inscrit auprès d’aucun hub\u202f: aiguillage enrol ADRESSE CODE.",
        "This desk is enrolled with no hub: aiguillage enrol ADDRESS CODE.",
    ),
    "bad_day": (
        "Date\u00a0: «\u00a0{value}\u00a0» n’est pas une date (AAAA-MM-JJ ou JJ/MM/AAAA).",
        "Date: “{value}” is not a date (YYYY-MM-DD or DD/MM/YYYY).",
    ),
    "bad_month": (
        "Mois\u00a0: «\u00a0{value}\u00a0» n’est pas un mois (AAAA-MM, par exemple 2026-11).",
        "Month: “{value}” is not a month (YYYY-MM, for example 2026-11).",
    ),
    "month_and_dates": (
        "Donnez soit --month, soit --from et --to, pas les deux.",
        "Give either --month or --from and --to, not both.",
    ),
    "report_no_by": (
        "Le rapport PDF contient toutes les dimensions\u00a0: retirez --by.",
        "The PDF report holds every dimension: remove --by.",
    ),
    "bad_period": (
        "Période\u00a0: la fin ({end}) précède le début ({start}).",
        "Period: the end ({end}) comes before the start ({start}).",
    ),
    "unknown_dimension": (
        "Dimension inconnue\u00a0: «\u00a0{name}\u00a0». Dimensions\u00a0: {choices}.",
        "Unknown dimension: “{name}”. Dimensions: {choices}.",
    ),
    "too_many_dimensions": (
        "Une ou deux dimensions différentes au plus.",
        "One or two different dimensions at most.",
    ),
    "output_needed": (
        "Le format {format} s’écrit dans un fichier\u00a0: ajoutez -o FICHIER.",
        "The {format} format goes to a file: add -o FILE.",
    ),
    "contact_not_found": ("Accueil introuvable : {id}.", "Contact not found: {id}."),
    "contact_cancelled": (
        "Cet accueil est annulé ; il ne peut plus être modifié.",
        "This contact is cancelled; it can no longer be changed.",
    ),
    "nothing_to_undo": (
        "Rien à annuler : le dernier enregistrement date de plus de {seconds} secondes.",
        "Nothing to undo: the last save is more than {seconds} seconds old.",
    ),
    "csv_line": ("Ligne {line} : {message}", "Line {line}: {message}"),
    "csv_header": (
        "En-tête attendu : {expected} ; trouvé : {found}.",
        "Expected header: {expected}; found: {found}.",
    ),
    "csv_columns": (
        "{found} colonnes au lieu de {expected}.",
        "{found} columns instead of {expected}.",
    ),
    "csv_bad_date": (
        "date « {value} » illisible (attendu AAAA-MM-JJ, AAAA-MM-JJTHH:MM ou JJ/MM/AAAA).",
        "unreadable date “{value}” (expected YYYY-MM-DD, YYYY-MM-DDTHH:MM or DD/MM/YYYY).",
    ),
    "csv_cell": (
        "cellule illisible ou trop longue ({reason}).",
        "unreadable or too long cell ({reason}).",
    ),
    "csv_empty": ("Le fichier ne contient aucune ligne de données.", "The file holds no data row."),
    "file_too_big": (
        "Fichier trop volumineux\u00a0: {path} ({size}\u00a0Mo, {limit}\u00a0Mo au plus)\u202f;"
        " rien n’a été importé.",
        "File too large: {path} ({size} MB, {limit} MB at most); nothing was imported.",
    ),
    "file_encoding": (
        "Fichier illisible\u00a0: {path} n’est ni en UTF-8 ni en Windows-1252\u202f;"
        " rien n’a été importé.",
        "Unreadable file: {path} is neither UTF-8 nor Windows-1252; nothing was imported.",
    ),
    "bad_json": (
        "Fichier illisible\u00a0: {path} n’est pas du JSON valide (ligne {line})\u202f;"
        " rien n’a été importé.",
        "Unreadable file: {path} is not valid JSON (line {line}); nothing was imported.",
    ),
    "json_not_list": (
        "Fichier illisible\u00a0: {path} doit contenir une liste d’enregistrements\u202f;"
        " rien n’a été importé.",
        "Unreadable file: {path} must hold a list of records; nothing was imported.",
    ),
    "missing_columns": (
        "Colonnes manquantes dans {path}\u00a0: {columns}\u202f; rien n’a été importé.",
        "Columns missing in {path}: {columns}; nothing was imported.",
    ),
    "unknown_directory_format": (
        "Format d’annuaire non reconnu\u00a0: {path}. Attendu\u00a0: un dossier data·inclusion"
        " (structures.json et services.json, ou .csv), un dossier HSDS (organizations.csv,"
        " services.csv…) ou un tableur CSV.",
        "Unknown directory format: {path}. Expected: a data·inclusion folder (structures.json"
        " and services.json, or .csv), an HSDS folder (organizations.csv, services.csv…) or a"
        " CSV spreadsheet.",
    ),
    "file_not_found": ("Fichier introuvable : {path}", "File not found: {path}"),
    "file_unreadable": (
        "Fichier illisible : {path} ({reason})",
        "Unreadable file: {path} ({reason})",
    ),
    "csv_rejected": (
        "Import refusé, rien n’a été enregistré : {count} {count:ligne|lignes} en erreur.",
        "Import refused, nothing was stored: {count} {count:line|lines} in error.",
    ),
    "unknown_setting": (
        "Réglage inconnu : « {key} ». Réglages : {choices}.",
        "Unknown setting: “{key}”. Settings: {choices}.",
    ),
    "bad_setting_value": (
        "Réglage {key} : valeur « {value} » refusée ({expected}).",
        "Setting {key}: value “{value}” refused ({expected}).",
    ),
    "backup_not_found": ("Sauvegarde introuvable : {path}", "Backup not found: {path}"),
    "no_backup": ("Aucune sauvegarde n’est disponible.", "No backup is available."),
    "backup_unsound": (
        "Cette sauvegarde est inutilisable ({reason}) ; la base actuelle est inchangée.",
        "This backup cannot be used ({reason}); the current database is unchanged.",
    ),
    "database_damaged": (
        "La base de données est endommagée : {reason}",
        "The database is damaged: {reason}",
    ),
    "database_damaged_backup": (
        "La base de données est endommagée ({reason}). Dernière sauvegarde saine\u00a0: {path}"
        " du {moment}\u00a0; pour la remettre en place\u00a0: aiguillage restore --latest",
        "The database is damaged ({reason}). Latest sound backup: {path} of {moment};"
        " to put it back: aiguillage restore --latest",
    ),
    "database_damaged_no_backup": (
        "La base de données est endommagée ({reason}), et aucune sauvegarde saine n’est"
        " disponible\u00a0; appelez l’assistance.",
        "The database is damaged ({reason}) and no sound backup is available; call support.",
    ),
    "database_error": (
        "La base de données ne répond pas ({reason}) ; rien n’a été modifié.",
        "The database does not answer ({reason}); nothing was changed.",
    ),
    "file_error": (
        "Fichier inaccessible : {path} ({reason}) ; rien n’a été modifié.",
        "File not accessible: {path} ({reason}); nothing was changed.",
    ),
    "database_newer": (
        "Cette base a été créée par une version plus récente d’Aiguillage ({revision}) ;"
        " mettez Aiguillage à jour.",
        "This database was made by a newer version of Aiguillage ({revision});"
        " please update Aiguillage.",
    ),
}

# Field names as a person reads them: a contact's fields (core/fields.py), and the rest.
FIELDS: dict[str, tuple[str, str]] = {
    **LABELS,
    "date": ("Date", "Date"),
    "note": ("Note", "Note"),
    "agent_code": ("Code agent", "Agent code"),
    "referral": ("Orientation", "Referral"),
    "flag": ("Signalement", "Report"),
}

PERSONAL_DATA: dict[str, tuple[str, str]] = {
    "email": ("une adresse électronique", "an e-mail address"),
    "phone": ("un numéro de téléphone", "a phone number"),
    "nir": ("un numéro de sécurité sociale", "a social security number"),
    "iban": ("un IBAN", "an IBAN"),
    "birth_date": ("une date de naissance", "a date of birth"),
    "name": ("le nom d’une personne", "a person’s name"),
    "address": ("une adresse postale", "a postal address"),
    "card": ("un numéro de carte bancaire", "a payment card number"),
    "siret": ("un numéro SIRET ou SIREN", "a SIRET or SIREN number"),
    "tax_number": ("un numéro fiscal", "a tax number"),
    "plate": ("une plaque d’immatriculation", "a number plate"),
    "id_document": (
        "un numéro de pièce d’identité (passeport, carte d’identité, permis, titre de séjour)",
        "an identity document number (passport, identity card, licence, residence permit)",
    ),
    "caf": ("un numéro d’allocataire (CAF, MSA)", "a benefits claimant number (CAF, MSA)"),
    "france_travail": ("un identifiant France Travail", "a France Travail identifier"),
    "ine": ("un numéro INE d’élève ou d’étudiant", "a student number (INE)"),
    "reordered": (
        "des caractères invisibles qui changent l’ordre d’affichage du texte",
        "invisible characters that change the order in which the text is shown",
    ),
}


def pick(pair: tuple[str, str], lang: str, /, **params: Any) -> str:
    """The French or English side of a (French, English) catalog entry, its parameters
    filled in. Every text catalog of the desk (messages, commands, report, window start)
    reads through it."""
    text = pair[1] if lang == "en" else pair[0]
    if not params:
        return text
    counted = {
        k: Counted(v, lang) if isinstance(v, int) and not isinstance(v, bool) else v
        for k, v in params.items()
    }
    return text.format(**counted)


class Counted:
    """A count in a catalog entry: ``{n}`` writes it, ``{n:ligne|lignes}`` the form the
    language's plural rule (Babel's CLDR) asks for: French « 0 ligne », English « 0 lines »."""

    def __init__(self, value: int, lang: str) -> None:
        self.value, self.lang = value, lang

    def __format__(self, spec: str) -> str:
        if "|" not in spec:
            return format(self.value, spec)
        one, other = spec.split("|", 1)
        return plural(self.value, self.lang, (one, other, one, other))


def field_label(field: str, lang: Language = "fr") -> str:
    return pick(FIELDS[field], lang) if field in FIELDS else field


def render(key: str, lang: Language = "fr", /, **params: Any) -> str:
    """The message ``key`` in ``lang`` with its parameters filled in."""
    return pick(MESSAGES[key], lang, **params)


class DeskError(Exception):
    """An error a person can act on; ``text(lang)`` says it in their language."""

    def __init__(self, key: str, /, *, field: str | None = None, **params: Any) -> None:
        if key not in MESSAGES:
            raise KeyError(key)
        self.key = key
        self.field = field
        self.params = params
        super().__init__(self.text("fr"))

    def text(self, lang: Language = "fr") -> str:
        params = dict(self.params)
        if self.field is not None:
            params.setdefault("field", field_label(self.field, lang))
        if self.key == "note_personal_data":
            params["what"] = pick(PERSONAL_DATA[str(params["kind"])], lang)
        for name, value in params.items():
            if isinstance(value, DeskError):
                params[name] = value.text(lang)
            elif isinstance(value, tuple) and len(value) == 2:
                params[name] = pick(value, lang)  # a (French, English) pair
        return render(self.key, lang, **params)

    def for_log(self) -> str:
        """The error as the log file keeps it: its key and English words, without the text
        a person typed that it quotes (a refused note shows the agent the personal data it
        held; the log, which outlives every retention, must not keep it)."""
        params = {name: "…" if name == "text" else v for name, v in self.params.items()}
        return f"{self.key}: {DeskError(self.key, field=self.field, **params).text('en')}"


class ValidationFailed(DeskError):
    """A record refused; ``problems`` lists every reason, each a :class:`DeskError`."""

    def __init__(self, problems: list[DeskError]) -> None:
        self.problems = problems
        first = problems[0]
        super().__init__(first.key, field=first.field, **first.params)

    def text(self, lang: Language = "fr") -> str:
        return " ".join(problem.text(lang) for problem in self.problems)

    def for_log(self) -> str:
        return " ".join(problem.for_log() for problem in self.problems)
