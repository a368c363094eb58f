"""What ``aiguillage-hub`` prints, in French or English: messages of the gettext catalogue
(``core.i18n``; English in the ``.po``), in the language ``AIGUILLAGE_LANG`` asks for,
French by default, as the desk's command line reads it.

``{n:ligne|lignes}`` in a message picks the word the language's plural rule asks for
(``core.errors.fill``).
"""

from __future__ import annotations

from typing import Any

from core.errors import said
from core.i18n import N_
from core.lang import chosen_language

TEXTS: dict[str, str] = {
    # the command line's help
    "description": N_("Le hub régional d’Aiguillage."),
    "version": N_("affiche la version et quitte"),
    "command": N_("COMMANDE"),
    "action": N_("ACTION"),
    "serve": N_("sert l’API (schéma mis à jour au départ)"),
    "address": N_("ADRESSE"),
    "host": N_("adresse sur laquelle écouter (par défaut\u00a0: {default})"),
    "port": N_("port sur lequel écouter (par défaut\u00a0: {default})"),
    "workers": N_("nombre de processus (par défaut\u00a0: {default})"),
    "migrate": N_("met le schéma de la base à jour"),
    "json": N_("écrit le résultat en JSON"),
    "site": N_("les sites d’accueil"),
    "site_add": N_("crée un site"),
    "name": N_("NOM"),
    "site_id": N_("SITE"),
    "enrol_code": N_("un code d’inscription à usage unique"),
    "hub_url": N_("adresse du hub, pour la chaîne de configuration"),
    "revoke": N_("révoque les postes d’un site et annule ses codes inutilisés"),
    "directory": N_("l’annuaire régional"),
    "directory_import": N_("importe un dossier data·inclusion"),
    "folder": N_("DOSSIER"),
    "partial": N_("import partiel\u00a0: ne retire pas ce que le fichier ne contient plus"),
    "nomenclature": N_("les listes de la région"),
    "publish": N_("publie les listes (JSON)"),
    "file": N_("FICHIER"),
    "stats": N_("l’activité reçue, par site"),
    "user": N_("les comptes de la console de coordination"),
    "user_add": N_("crée un compte (le mot de passe est demandé deux fois)"),
    "role_help": N_(
        "region : la coordination régionale (tout) ; site : la coordination"
        " d’un site (--site) ; partner : une structure partenaire (--partner)"
    ),
    "site_help": N_("le site d’un compte « site »"),
    "partner_help": N_(
        "l’identifiant dans l’annuaire de la structure (ou du service) d’un compte « partner »"
    ),
    "login": N_("IDENTIFIANT"),
    "shown_name": N_("nom affiché"),
    "user_list": N_("les comptes, leur état, leur dernière connexion connue"),
    "user_disable": N_("désactive un compte et ferme ses sessions"),
    "user_enable": N_("réactive un compte"),
    "user_password": N_("donne un nouveau mot de passe et ferme les sessions du compte"),
    "password_stdin": N_("lit le mot de passe sur l’entrée standard"),
    "bench": N_(
        "mesure les performances sur une région générée (dans un PostgreSQL démarré pour"
        " l’occasion, jamais la base du hub)"
    ),
    "bench_contacts": N_("accueils de l’année générée (par défaut\u00a0: {default})"),
    "bench_desks": N_("postes qui envoient en même temps (par défaut\u00a0: {default})"),
    "bench_keep": N_("dossier où garder la région générée, pour la mesurer de nouveau"),
    "bench_missing": N_(
        "La mesure des performances ne fait pas partie de cette installation (elle est dans"
        " les outils de développement, «\u00a0devtools\u00a0»)."
    ),
    "retention": N_("la conservation des données de la région"),
    "retention_show": N_("affiche combien de temps le hub garde chaque donnée"),
    "retention_set": N_("change la durée de conservation (les autres restent)"),
    "retention_apply": N_(
        "supprime ce qui a passé sa durée et résume les accueils anciens (à lancer chaque jour)"
    ),
    "months": N_("MOIS"),
    "years": N_("ANS"),
    "days": N_("JOURS"),
    "slip_months": N_(
        "mois pendant lesquels les codes des fiches et ce qu’en disent les partenaires sont"
        " gardés un à un, avant de n’être plus que comptés par mois"
    ),
    "no_news_days": N_(
        "jours sans nouvelles du partenaire après lesquels une orientation est «\u00a0sans"
        " nouvelles\u00a0»"
    ),
    "referral_months": N_("mois pendant lesquels les orientations sont gardées"),
    "flag_months": N_("mois pendant lesquels les signalements sont gardés"),
    "detail_years": N_("années pendant lesquelles les accueils sont gardés en détail"),
    # prompts
    "password_prompt": N_("Mot de passe\u00a0: "),
    "password_again": N_("Le même, encore\u00a0: "),
    "password_mismatch": N_("Les deux mots de passe diffèrent."),
    # results
    "migrated": N_("Schéma à jour."),
    "site_added": N_("Site créé\u00a0: {site}"),
    "enrol_code_made": N_(
        "Code d’inscription de {site}\u00a0: {code} (valable jusqu’au {expires})"
    ),
    "account_added": N_("Compte créé\u00a0: {login}. Connexion\u00a0: /console/login"),
    "account_line": N_("{login} — {name} — {state} — créé le {created}"),
    "account_scope": N_(" — {role} : {scope}"),
    "account_last_login": N_(" — dernière connexion le {moment}"),
    "no_account": N_("Aucun compte."),
    "enabled": N_("actif"),
    "disabled_state": N_("désactivé"),
    "enabled_again": N_("Compte réactivé\u00a0: {login}."),
    "disabled": N_(
        "Compte désactivé\u00a0: {login}, {ended} {ended:session fermée|sessions fermées}."
    ),
    "password": N_(
        "Mot de passe changé\u00a0: {login}, {ended} {ended:session fermée|sessions fermées}."
    ),
    "imported": N_(
        "{added} {added:ajouté|ajoutés}, {changed} {changed:modifié|modifiés},"
        " {unchanged} {unchanged:inchangé|inchangés}, {retired} {retired:retiré|retirés},"
        " {refused} {refused:refusé|refusés}."
    ),
    "site_activity": N_(
        "{site}\u00a0: {contacts} {contacts:accueil|accueils},"
        " {referrals} {referrals:orientation|orientations},"
        " {flags} {flags:signalement|signalements}, dernière synchro {last_sync}"
    ),
    "never": N_("jamais"),
    "no_site": N_("Aucun site."),
    "revoked": N_("{count} {count:poste révoqué|postes révoqués}."),
    "retention_said": N_(
        "Orientations gardées {referral_months} mois, signalements {flag_months} mois,"
        " accueils en détail {detail_years} {detail_years:an|ans} puis résumés par mois."
        " Une orientation est «\u00a0sans nouvelles\u00a0» {no_news_days} jours après sa"
        " fiche\u00a0; son code et sa suite sont gardés {slip_months} mois, puis seulement"
        " comptés."
    ),
    "retention_first": N_(
        "Le hub ne garde plus les accueils en détail d’avant le {contacts}, les orientations"
        " d’avant le {referrals}, les signalements d’avant le {flags}."
    ),
    "retention_applied": N_(
        "{referrals} {referrals:orientation supprimée|orientations supprimées},"
        " {flags} {flags:signalement supprimé|signalements supprimés},"
        " {contacts} {contacts:accueil résumé|accueils résumés}"
        " sur {months} mois."
    ),
    "error": N_("Erreur\u00a0: {message}"),
}


def hub_language() -> str:
    """``AIGUILLAGE_LANG`` as the desk's command line reads it (English for any English),
    else French: a hub has no settings of its own to fall back on."""
    return chosen_language() or "fr"


def say(key: str, lang: str, /, **params: Any) -> str:
    """The message ``key`` in ``lang``, its parameters filled in."""
    return said(TEXTS[key], lang, **params)
