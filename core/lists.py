"""The lists (nomenclatures): default codes, labels, and data.inclusion mappings.

Every list is code, French and English labels, order, active flag and version. The desk
ships these defaults; the hub may publish the region's own lists. A code is never reused
for another meaning, and a retired code stays readable in old records. The desk's stored
copy is ``app.nomenclature``.
"""

from __future__ import annotations

from dataclasses import dataclass

# list name -> [(code, French label, English label)], in display order.
DEFAULT_LISTS: dict[str, list[tuple[str, str, str]]] = {
    "channel": [
        ("sur-place", "Sur place", "In person"),
        ("telephone", "Téléphone", "Telephone"),
        ("courriel", "Courriel", "E-mail"),
        ("visio", "Visio", "Video call"),
        ("hors-les-murs", "Hors les murs", "Outreach"),
    ],
    "public": [
        ("scolaire", "Scolaire", "Pupil"),
        ("etudiant", "Étudiant·e", "Student"),
        ("jeune-non-scolarise", "Jeune non scolarisé·e", "Young person out of school"),
        ("demandeur-emploi", "Demandeur·se d’emploi", "Jobseeker"),
        ("salarie", "Salarié·e", "Employee"),
        ("independant", "Indépendant·e", "Self-employed"),
        ("reconversion", "En reconversion", "Changing career"),
        ("sans-activite", "Sans activité", "Not working"),
        ("retraite", "Retraité·e", "Retired"),
        ("proche", "Proche, parent", "Relative, parent"),
        ("exile-refugie", "Personne exilée, réfugiée", "Exiled person, refugee"),
        ("autre", "Autre", "Other"),
    ],
    "age": [
        ("moins-16", "Moins de 16 ans", "Under 16"),
        ("16-25", "16-25 ans", "16-25"),
        ("26-44", "26-44 ans", "26-44"),
        ("45-54", "45-54 ans", "45-54"),
        ("55-plus", "55 ans et plus", "55 and over"),
        ("non-precise", "Non précisé", "Not given"),
    ],
    "gender": [
        ("femme", "Femme", "Woman"),
        ("homme", "Homme", "Man"),
        ("non-precise", "Non précisé", "Not given"),
    ],
    "theme": [
        ("decouvrir-metiers", "Découvrir des métiers", "Discover occupations"),
        ("choisir-orientation", "Choisir son orientation", "Choose a path"),
        ("trouver-formation", "Trouver une formation", "Find a training course"),
        ("financer-formation", "Financer une formation", "Fund a training course"),
        ("alternance", "Alternance, apprentissage", "Work-study, apprenticeship"),
        ("vae", "Validation des acquis (VAE)", "Accreditation of prior learning (VAE)"),
        ("trouver-emploi", "Trouver un emploi", "Find a job"),
        ("evolution-professionnelle", "Évolution professionnelle", "Career development"),
        ("creer-entreprise", "Créer une entreprise", "Start a business"),
        ("mobilite-internationale", "Mobilité internationale", "Working or studying abroad"),
        ("handicap-emploi", "Handicap et emploi", "Disability and work"),
        ("decrochage", "Décrochage scolaire", "Early school leaving"),
        ("apprendre-francais", "Apprendre le français", "Learning French"),
        ("vie-quotidienne", "Vie quotidienne", "Daily life"),
    ],
    "answer": [
        ("information", "Information", "Information"),
        ("documentation", "Documentation remise", "Documents given"),
        ("outil-autonomie", "Outil en autonomie", "Self-service tool"),
        ("orientation-partenaire", "Orientation vers un partenaire", "Referred to a partner"),
        ("rendez-vous", "Rendez-vous pris", "Appointment made"),
        ("autre", "Autre", "Other"),
    ],
    "duration": [
        ("moins-5", "Moins de 5 min", "Under 5 min"),
        ("5-15", "5 à 15 min", "5 to 15 min"),
        ("15-30", "15 à 30 min", "15 to 30 min"),
        ("plus-30", "Plus de 30 min", "Over 30 min"),
    ],
}

# The commune field also accepts these, besides INSEE codes.
COMMUNE_SPECIAL: list[tuple[str, str, str]] = [
    ("hors-region", "Hors région", "Outside the region"),
    ("non-precise", "Non précisée", "Not given"),
]

# A desk theme -> the data.inclusion v1 thematiques it concerns.
THEME_THEMATIQUES: dict[str, list[str]] = {
    "decouvrir-metiers": [
        "choisir-un-metier--decouvrir-un-metier-ou-un-secteur-dactivite",
        "choisir-un-metier--connaitre-les-opportunites-demploi",
    ],
    "choisir-orientation": [
        "choisir-un-metier--identifier-ses-points-forts-et-ses-competences",
        "choisir-un-metier--confirmer-son-choix-de-metier",
        "choisir-un-metier--decouvrir-un-metier-ou-un-secteur-dactivite",
    ],
    "trouver-formation": ["se-former--trouver-sa-formation"],
    "financer-formation": ["se-former--monter-son-dossier-de-formation"],
    "alternance": [
        "se-former--trouver-sa-formation",
        "trouver-un-emploi--faire-des-candidatures-spontanees",
    ],
    "vae": [
        "preparer-sa-candidature--valoriser-ses-competences",
        "choisir-un-metier--identifier-ses-points-forts-et-ses-competences",
        "se-former--monter-son-dossier-de-formation",
    ],
    "trouver-emploi": [
        "trouver-un-emploi--repondre-a-des-offres-demploi",
        "trouver-un-emploi--faire-des-candidatures-spontanees",
        "trouver-un-emploi--convaincre-un-recruteur-en-entretien",
        "preparer-sa-candidature--realiser-un-cv-et-ou-une-lettre-de-motivation",
        "preparer-sa-candidature--organiser-ses-demarches-de-recherche-demploi",
    ],
    "evolution-professionnelle": [
        "choisir-un-metier--identifier-ses-points-forts-et-ses-competences",
        "preparer-sa-candidature--valoriser-ses-competences",
        "trouver-un-emploi--maintien-dans-lemploi",
    ],
    "creer-entreprise": [
        "creer-une-entreprise--definir-son-projet-de-creation-dentreprise",
        "creer-une-entreprise--structurer-son-projet-de-creation-dentreprise",
        "creer-une-entreprise--developper-son-entreprise",
    ],
    "mobilite-internationale": [
        "souvrir-a-linternational--connaitre-les-opportunites-demploi-a-letranger",
        "souvrir-a-linternational--sinformer-sur-les-aides-pour-travailler-a-letranger",
        "souvrir-a-linternational--sorganiser-suite-a-son-retour-en-france",
    ],
    "handicap-emploi": [
        "sante--constituer-un-dossier-mdph-invalidite",
        "trouver-un-emploi--maintien-dans-lemploi",
    ],
    "decrochage": [
        "remobilisation--bien-etre-confiance-en-soi",
        "choisir-un-metier--decouvrir-un-metier-ou-un-secteur-dactivite",
        "se-former--trouver-sa-formation",
    ],
    "apprendre-francais": ["lecture-ecriture-calcul--maitriser-le-francais"],
    "vie-quotidienne": [
        "logement-hebergement--sinformer-sur-les-demarches-liees-a-lacces-au-logement",
        "mobilite--etre-accompagne-dans-son-parcours-mobilite",
        "sante--acces-aux-soins",
        "difficultes-administratives-ou-juridiques--accompagnement-aux-demarches-administratives",
        "difficultes-financieres--acquerir-une-autonomie-budgetaire",
    ],
}

# A desk public -> the data.inclusion v1 publics it belongs to (``tous-publics`` always fits).
PUBLIC_PUBLICS: dict[str, list[str]] = {
    "scolaire": ["jeunes"],
    "etudiant": ["etudiants", "jeunes"],
    "jeune-non-scolarise": ["jeunes"],
    "demandeur-emploi": ["demandeurs-emploi"],
    "salarie": ["actifs"],
    "independant": ["actifs"],
    "reconversion": ["actifs", "demandeurs-emploi"],
    "sans-activite": ["demandeurs-emploi", "beneficiaires-des-minimas-sociaux"],
    "retraite": ["seniors"],
    "proche": ["familles"],
    "exile-refugie": ["personnes-exilees"],
    "autre": [],
}

# A desk age band -> the data.inclusion v1 publics it belongs to: a 19-year-old jobseeker is
# one of the ``jeunes`` as much as one of the ``demandeurs-emploi``.
AGE_PUBLICS: dict[str, list[str]] = {
    "moins-16": ["jeunes"],
    "16-25": ["jeunes"],
    "55-plus": ["seniors"],
}

LIST_NAMES = tuple(DEFAULT_LISTS)
# Raised when the defaults change (2: learning French, exiled people and refugees); a desk
# item of an older version takes the new labels and places.
DEFAULTS_VERSION = 2


@dataclass(frozen=True, slots=True)
class Item:
    """One code of a list, as the desk shows it."""

    code: str
    label_fr: str
    label_en: str
    active: bool = True

    def label(self, lang: str = "fr") -> str:
        return self.label_en if lang == "en" else self.label_fr
