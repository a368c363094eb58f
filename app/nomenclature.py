"""The desk's lists (nomenclatures): default codes, labels, and data.inclusion mappings.

Every list is code, French and English labels, order, active flag and version. The desk
ships these defaults; the hub may publish the region's own lists. A code is never reused
for another meaning, and a retired code stays readable in old records.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from db.models import NomenclatureItem, NomenclatureMapping

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


def seed_defaults(session: Session) -> int:
    """Insert or refresh the desk's default lists; the hub's own items are left alone."""
    existing = {(i.list_name, i.code): i for i in session.scalars(select(NomenclatureItem))}
    changed = 0
    for list_name, items in DEFAULT_LISTS.items():
        for position, (code, label_fr, label_en) in enumerate(items):
            current = existing.get((list_name, code))
            if current is None:
                session.add(
                    NomenclatureItem(
                        list_name=list_name,
                        code=code,
                        label_fr=label_fr,
                        label_en=label_en,
                        position=position,
                        active=True,
                        version=DEFAULTS_VERSION,
                        origin="desk",
                    )
                )
                changed += 1
            elif current.origin == "desk" and current.version < DEFAULTS_VERSION:
                current.label_fr, current.label_en = label_fr, label_en
                current.position, current.version = position, DEFAULTS_VERSION
                changed += 1
    mappings = {
        (m.list_name, m.code, m.target, m.value)
        for m in session.scalars(select(NomenclatureMapping))
    }
    wanted = (
        {
            ("theme", code, "thematique", value)
            for code, values in THEME_THEMATIQUES.items()
            for value in values
        }
        | {
            ("public", code, "public", value)
            for code, values in PUBLIC_PUBLICS.items()
            for value in values
        }
        | {
            ("age", code, "public", value)
            for code, values in AGE_PUBLICS.items()
            for value in values
        }
    )
    for list_name, code, target, value in sorted(wanted - mappings):
        session.add(NomenclatureMapping(list_name=list_name, code=code, target=target, value=value))
        changed += 1
    return changed


class Nomenclatures:
    """The lists as stored in the desk database, read once and kept in memory."""

    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self._sessions = sessions
        self._lists: dict[str, list[Item]] = {}
        self.reload()

    def reload(self) -> None:
        lists: dict[str, list[Item]] = {name: [] for name in LIST_NAMES}
        with self._sessions() as session:
            rows = session.scalars(
                select(NomenclatureItem).order_by(
                    NomenclatureItem.list_name, NomenclatureItem.position, NomenclatureItem.code
                )
            )
            for row in rows:
                lists.setdefault(row.list_name, []).append(
                    Item(row.code, row.label_fr, row.label_en, row.active)
                )
        self._lists = lists

    def items(self, list_name: str, *, include_inactive: bool = False) -> list[Item]:
        return [i for i in self._lists.get(list_name, []) if include_inactive or i.active]

    def item(self, list_name: str, code: str) -> Item | None:
        for item in self._lists.get(list_name, []):
            if item.code == code:
                return item
        return None

    def label(self, list_name: str, code: str, lang: str = "fr") -> str:
        """The label of a code; a retired or unknown code still reads as itself."""
        item = self.item(list_name, code)
        return item.label(lang) if item else code

    def labels(self, list_name: str, codes: Iterable[str], lang: str = "fr") -> list[str]:
        return [self.label(list_name, code, lang) for code in codes]

    def active_codes(self, list_name: str) -> list[str]:
        return [i.code for i in self.items(list_name)]
