"""Errors the desk's core reports to a person, in French or English.

The core never formats a sentence for a person itself: it raises a :class:`DeskError`
with a message key and its parameters, and the command line or the window renders it in
the user's language (French by default).
"""

from __future__ import annotations

from typing import Any

from core.fields import LABELS
from core.formatting import number
from core.i18n import N_, Counted, InContext, Nn_, Np_, translate
from core.lang import plural

Language = str  # "fr" or "en"

# key -> French message, translated through the catalogue (core.i18n). French typography:
# non-breaking space before « : ; ! ? », inside « », and the apostrophe ’.
MESSAGES: dict[str, str | Counted] = {
    "unknown_code": N_("{field} : code inconnu « {code} ». Codes possibles : {choices}."),
    "inactive_code": N_("{field} : le code « {code} » n’est plus en usage."),
    "missing_value": N_("{field} : à renseigner."),
    "need_one_theme": N_("Thème : choisissez au moins un thème de la demande."),
    "referral_needs_partner": N_(
        "Orientation vers un partenaire\u00a0: choisissez le partenaire (Entrée ou F4 ouvre"
        " la liste) ou décochez cette réponse."
    ),
    "need_one_answer": N_("Réponse : choisissez au moins une réponse apportée."),
    "unknown_commune": N_("Commune : « {code} » n’est pas un code INSEE connu."),
    "unknown_commune_name": N_(
        "Commune : aucune commune ne correspond à « {code} » ; choisissez-la dans la liste."
    ),
    "postcode_several": N_(
        "Commune\u00a0: le code postal {code} couvre plusieurs communes ({names}…)\u202f;"
        " choisissez-la dans la liste."
    ),
    "unknown_postcode": N_("Commune\u00a0: aucune commune n’a le code postal {code}."),
    "commune_homonyms": N_(
        "Commune\u00a0: plusieurs communes s’appellent «\u00a0{code}\u00a0» ({names})\u202f;"
        " choisissez-la dans la liste."
    ),
    "commune_is_postcode": N_(
        "Commune : « {code} » est un code postal ({names}) ; donnez le code INSEE de la commune."
    ),
    "note_personal_data": N_(
        "Note refusée : elle semble contenir {what} (« {text} »). La note ne doit"
        " contenir aucune donnée personnelle."
    ),
    "note_too_long": N_("Note : {length} caractères, {limit} au plus."),
    "agent_code_invalid": N_("Code agent : de 1 à 8 lettres ou chiffres."),
    "moment_in_future": N_("Date : {moment} est dans le futur."),
    "unknown_service": N_(
        "Orientation\u00a0: le service «\u00a0{id}\u00a0» n’est pas (ou plus) dans l’annuaire."
    ),
    "moment_too_old": N_("Date\u00a0: {moment} est trop ancienne (avant {earliest})."),
    "flag_needs_comment": N_("Signalement\u00a0: dites en quelques mots ce qui ne va pas."),
    "flag_personal_data": N_(
        "Commentaire refusé\u00a0: il semble contenir {what} («\u00a0{text}\u00a0»)."
        " Un signalement ne doit contenir aucune donnée personnelle."
    ),
    "local_entry_refused": N_("Entrée locale refusée\u00a0: {reason}"),
    "hub_bad_url": N_(
        "Adresse du hub\u00a0: «\u00a0{url}\u00a0» n’est pas une adresse web (https://…)."
    ),
    "hub_unreachable": N_(
        "Le hub régional ne répond pas ({url}, {reason})\u202f; nouvel essai plus tard,"
        " rien n’est perdu."
    ),
    "hub_tls": N_(
        "Connexion sécurisée impossible avec «\u00a0{url}\u00a0» (certificat refusé ou"
        " invalide)\u202f: vérifiez l’adresse du hub\u202f; nouvel essai plus tard, rien"
        " n’est perdu."
    ),
    "hub_unavailable": N_(
        "Le hub régional est indisponible (HTTP {status})\u202f; nouvel essai plus tard,"
        " rien n’est perdu."
    ),
    "hub_busy": N_(
        "Le hub régional est occupé\u202f; nouvel essai dans {seconds}\u00a0s, rien n’est perdu."
    ),
    "hub_enrol_too_many": N_(
        "Trop d’essais d’inscription depuis cette adresse\u00a0: attendez un quart d’heure,"
        " puis saisissez de nouveau le code (vérifiez-le avant\u00a0; il est peut-être mal"
        " recopié)."
    ),
    "hub_too_many": N_(
        "Le hub régional reçoit trop de requêtes de ce poste\u202f; nouvel essai dans une"
        " minute, rien n’est perdu."
    ),
    "notice_refused": N_("Information temporaire refusée\u00a0: {reason}."),
    "unknown_event": N_("Cet événement a été retiré depuis."),
    "batch_count": N_("Nombre de personnes\u00a0: de 1 à {limit}."),
    "batch_no_referrals": N_(
        "Une saisie groupée n’oriente vers aucun partenaire\u00a0: enregistrez ces accueils"
        " un par un pour leur donner une fiche."
    ),
    "nothing_to_repeat": N_("Aucun accueil à répéter aujourd’hui."),
    "unknown_notice": N_("Cette information temporaire n’est pas de ce poste."),
    "hub_bad_answer": N_(
        "Réponse du hub refusée ({reason})\u202f; rien n’a été modifié sur ce poste."
    ),
    "hub_revoked": N_(
        "Ce poste a été révoqué par la coordination régionale\u202f: il ne peut plus envoyer"
        " ni recevoir de données. Contactez-la pour obtenir un nouveau code d’inscription."
    ),
    "hub_too_old": N_(
        "Cette version d’Aiguillage est trop ancienne pour le hub régional\u202f: mettez-la à jour."
    ),
    "hub_too_new": N_(
        "Le hub régional parle une version plus ancienne du protocole que ce poste\u202f:"
        " la coordination régionale doit le mettre à jour. Rien n’est perdu\u202f: les"
        " enregistrements restent sur ce poste et partiront après la mise à jour."
    ),
    "hub_bad_code": N_(
        "Ce code d’inscription n’est pas ou plus valable\u202f: demandez un nouveau code"
        " à la coordination régionale."
    ),
    "hub_expired_code": N_("Ce code d’inscription a expiré\u202f: demandez-en un nouveau."),
    "hub_used_code": N_(
        "Ce code d’inscription a déjà servi pour un autre poste\u202f: demandez-en un nouveau."
    ),
    "hub_refused": N_("Le hub a refusé la requête (HTTP {status}\u00a0: {message})."),
    "not_enrolled": N_(
        "Ce poste n’est inscrit auprès d’aucun hub\u202f: aiguillage enrol ADRESSE CODE."
    ),
    "bad_day": N_(
        "Date\u00a0: «\u00a0{value}\u00a0» n’est pas une date (AAAA-MM-JJ ou JJ/MM/AAAA)."
    ),
    "bad_month": N_(
        "Mois\u00a0: «\u00a0{value}\u00a0» n’est pas un mois (AAAA-MM, par exemple 2026-11)."
    ),
    "month_and_dates": N_("Donnez soit --month, soit --from et --to, pas les deux."),
    "report_no_by": N_("Le rapport PDF contient toutes les dimensions\u00a0: retirez --by."),
    "bad_period": N_("Période\u00a0: la fin ({end}) précède le début ({start})."),
    "bad_slip_code": N_(
        "Code de la fiche\u00a0: «\u00a0{value}\u00a0» n’en est pas un (trois lettres ou"
        " chiffres, un tiret, trois autres, comme K7M-42Q\u00a0; jamais O, I, 0 ni 1)."
    ),
    "unknown_dimension": N_(
        "Dimension inconnue\u00a0: «\u00a0{name}\u00a0». Dimensions\u00a0: {choices}."
    ),
    "too_many_dimensions": N_("Une ou deux dimensions différentes au plus."),
    "output_needed": N_("Le format {format} s’écrit dans un fichier\u00a0: ajoutez -o FICHIER."),
    "contact_not_found": N_("Accueil introuvable : {id}."),
    "contact_cancelled": N_("Cet accueil est annulé ; il ne peut plus être modifié."),
    "nothing_to_undo": N_(
        "Rien à annuler : le dernier enregistrement date de plus de {seconds} secondes."
    ),
    "csv_line": N_("Ligne {line} : {message}"),
    "csv_header": N_("En-tête attendu : {expected} ; trouvé : {found}."),
    "csv_columns": N_("{found} colonnes au lieu de {expected}."),
    "csv_bad_date": N_(
        "date « {value} » illisible (attendu AAAA-MM-JJ, AAAA-MM-JJTHH:MM ou JJ/MM/AAAA)."
    ),
    "csv_cell": N_("cellule illisible ou trop longue ({reason})."),
    "csv_empty": N_("Le fichier ne contient aucune ligne de données."),
    "file_too_big": N_(
        "Fichier trop volumineux\u00a0: {path} ({size}\u00a0Mo, {limit}\u00a0Mo au plus)\u202f;"
        " rien n’a été importé."
    ),
    "file_encoding": N_(
        "Fichier illisible\u00a0: {path} n’est ni en UTF-8 ni en Windows-1252\u202f;"
        " rien n’a été importé."
    ),
    "bad_json": N_(
        "Fichier illisible\u00a0: {path} n’est pas du JSON valide (ligne {line})\u202f;"
        " rien n’a été importé."
    ),
    "json_not_list": N_(
        "Fichier illisible\u00a0: {path} doit contenir une liste d’enregistrements\u202f;"
        " rien n’a été importé."
    ),
    "missing_columns": N_(
        "Colonnes manquantes dans {path}\u00a0: {columns}\u202f; rien n’a été importé."
    ),
    "unknown_directory_format": N_(
        "Format d’annuaire non reconnu\u00a0: {path}. Attendu\u00a0: un dossier data·inclusion"
        " (structures.json et services.json, ou .csv), un dossier HSDS (organizations.csv,"
        " services.csv…) ou un tableur CSV."
    ),
    "file_not_found": N_("Fichier introuvable : {path}"),
    "file_unreadable": N_("Fichier illisible : {path} ({reason})"),
    "csv_rejected": Nn_(
        "Import refusé, rien n’a été enregistré : {count} ligne en erreur.",
        "Import refusé, rien n’a été enregistré : {count} lignes en erreur.",
    ),
    "unknown_setting": N_("Réglage inconnu : « {key} ». Réglages : {choices}."),
    "bad_setting_value": N_("Réglage {key} : valeur « {value} » refusée ({expected})."),
    "backup_not_found": N_("Sauvegarde introuvable : {path}"),
    "no_backup": N_("Aucune sauvegarde n’est disponible."),
    "backup_unsound": N_(
        "Cette sauvegarde est inutilisable ({reason}) ; la base actuelle est inchangée."
    ),
    "database_damaged": N_("La base de données est endommagée : {reason}"),
    "database_damaged_backup": N_(
        "La base de données est endommagée ({reason}). Dernière sauvegarde saine\u00a0: {path}"
        " du {moment}\u00a0; pour la remettre en place\u00a0: aiguillage restore --latest"
    ),
    "database_damaged_no_backup": N_(
        "La base de données est endommagée ({reason}), et aucune sauvegarde saine n’est"
        " disponible\u00a0; appelez l’assistance."
    ),
    "database_error": N_("La base de données ne répond pas ({reason}) ; rien n’a été modifié."),
    "file_error": N_("Fichier inaccessible : {path} ({reason}) ; rien n’a été modifié."),
    "database_newer": N_(
        "Cette base a été créée par une version plus récente d’Aiguillage ({revision}) ;"
        " mettez Aiguillage à jour."
    ),
}

# Field names as a person reads them: a contact's fields (core/fields.py), and the rest.
FIELDS: dict[str, InContext] = {
    **LABELS,
    "date": Np_("champ", "Date"),
    "note": Np_("champ", "Note"),
    "agent_code": Np_("champ", "Code agent"),
    "referral": Np_("champ", "Orientation"),
    "flag": Np_("champ", "Signalement"),
}

# What a refused text seems to hold, as « it seems to hold … » says it.
PERSONAL_DATA: dict[str, str] = {
    "email": N_("une adresse électronique"),
    "phone": N_("un numéro de téléphone"),
    "nir": N_("un numéro de sécurité sociale"),
    "iban": N_("un IBAN"),
    "birth_date": N_("une date de naissance"),
    "name": N_("le nom d’une personne"),
    "address": N_("une adresse postale"),
    "card": N_("un numéro de carte bancaire"),
    "siret": N_("un numéro SIRET ou SIREN"),
    "tax_number": N_("un numéro fiscal"),
    "plate": N_("une plaque d’immatriculation"),
    "id_document": N_(
        "un numéro de pièce d’identité (passeport, carte d’identité, permis, titre de séjour)"
    ),
    "caf": N_("un numéro d’allocataire (CAF, MSA)"),
    "france_travail": N_("un identifiant France Travail"),
    "ine": N_("un numéro INE d’élève ou d’étudiant"),
    "reordered": N_("des caractères invisibles qui changent l’ordre d’affichage du texte"),
}


def pick(pair: tuple[str, str], lang: str, /, **params: Any) -> str:
    """The French or English side of a (French, English) pair, its parameters filled in:
    the last texts not yet in the catalogue (the window's start, a directory entry's
    refusal)."""
    return fill(pair[1] if lang == "en" else pair[0], lang, **params)


def said(message: str | Counted, lang: str, /, **params: Any) -> str:
    """A catalogue message (plain, or counted by its ``count`` parameter) in ``lang``,
    its parameters filled in."""
    count = int(params.get("count", 0)) if isinstance(message, Counted) else 0
    return fill(translate(message, lang, count), lang, **params)


def fill(text: str, lang: str, /, **params: Any) -> str:
    """``text`` with its parameters; an int parameter may choose a word by the language's
    plural rule: ``{n:ligne|lignes}``."""
    if not params:
        return text
    counted = {
        k: Count(v, lang) if isinstance(v, int) and not isinstance(v, bool) else v
        for k, v in params.items()
    }
    return text.format(**counted)


class Count:
    """A count in a catalog entry: ``{n}`` writes it, ``{n:,}`` writes it grouped as the
    language does (Babel), ``{n:ligne|lignes}`` the form the language's plural rule
    (Babel's CLDR) asks for: French « 0 ligne », English « 0 lines »."""

    def __init__(self, value: int, lang: str) -> None:
        self.value, self.lang = value, lang

    def __format__(self, spec: str) -> str:
        if spec == ",":  # grouped as the language writes it: « 1 180 », « 1,180 »
            return number(self.value, self.lang)
        if "|" not in spec:
            return format(self.value, spec)
        one, other = spec.split("|", 1)
        return plural(self.value, self.lang, (one, other, one, other))


def field_label(field: str, lang: Language = "fr") -> str:
    return translate(FIELDS[field], lang) if field in FIELDS else field


def render(key: str, lang: Language = "fr", /, **params: Any) -> str:
    """The message ``key`` in ``lang`` with its parameters filled in."""
    return said(MESSAGES[key], lang, **params)


class Said(str):
    """A catalogue message given as a parameter: translated with the error."""


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
            params["what"] = said(PERSONAL_DATA[str(params["kind"])], lang)
        for name, value in params.items():
            if isinstance(value, DeskError):
                params[name] = value.text(lang)
            elif isinstance(value, tuple) and len(value) == 2:
                params[name] = pick(value, lang)  # a (French, English) pair
            elif isinstance(value, Said):
                params[name] = said(value, lang)
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
