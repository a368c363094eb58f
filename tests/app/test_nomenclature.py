"""The default lists: codes exactly as the design writes them, labels, mappings."""

from __future__ import annotations

from data_inclusion.schema import v1
from sqlalchemy import func, select

from app.desk import Desk
from app.nomenclature import seed_defaults
from core.lists import AGE_PUBLICS, DEFAULT_LISTS, PUBLIC_PUBLICS, THEME_THEMATIQUES
from db.models import NomenclatureItem, NomenclatureMapping

DESIGN = {
    "channel": "sur-place telephone courriel visio hors-les-murs",
    "public": "scolaire etudiant jeune-non-scolarise demandeur-emploi salarie independant "
    "reconversion sans-activite retraite proche exile-refugie autre",
    "age": "moins-16 16-25 26-44 45-54 55-plus non-precise",
    "gender": "femme homme non-precise",
    "theme": "decouvrir-metiers choisir-orientation trouver-formation financer-formation "
    "alternance vae trouver-emploi evolution-professionnelle creer-entreprise "
    "mobilite-internationale handicap-emploi decrochage apprendre-francais vie-quotidienne",
    "answer": "information documentation outil-autonomie orientation-partenaire rendez-vous autre",
    "duration": "moins-5 5-15 15-30 plus-30",
}


def test_default_codes_are_the_designs_in_order(desk: Desk) -> None:
    for list_name, codes in DESIGN.items():
        assert desk.lists.active_codes(list_name) == codes.split(), list_name


def test_every_code_has_a_french_and_an_english_label() -> None:
    for items in DEFAULT_LISTS.values():
        for code, label_fr, label_en in items:
            assert label_fr.strip() and label_en.strip(), code
            assert "'" not in label_fr, f"{code}: French uses the apostrophe ’"


def test_mappings_use_valid_data_inclusion_codes() -> None:
    thematiques = {t.value for t in v1.Thematique}
    publics = {p.value for p in v1.Public}
    assert set(THEME_THEMATIQUES) == set(DESIGN["theme"].split())
    assert set(PUBLIC_PUBLICS) == set(DESIGN["public"].split())
    for values in THEME_THEMATIQUES.values():
        assert values and set(values) <= thematiques
    for values in [*PUBLIC_PUBLICS.values(), *AGE_PUBLICS.values()]:
        assert set(values) <= publics
    assert set(AGE_PUBLICS) <= set(DESIGN["age"].split())


def test_seeding_again_changes_nothing_and_keeps_the_hubs_items(desk: Desk) -> None:
    with desk.sessions.begin() as session:
        hub_item = session.get(NomenclatureItem, ("theme", "vae"))
        assert hub_item is not None
        hub_item.origin, hub_item.label_fr = "hub", "VAE (liste régionale)"
    with desk.sessions.begin() as session:
        assert seed_defaults(session) == 0
    with desk.sessions() as session:
        assert session.scalar(select(func.count()).select_from(NomenclatureItem)) == sum(
            len(v) for v in DEFAULT_LISTS.values()
        )
        assert session.get(NomenclatureItem, ("theme", "vae")).label_fr == "VAE (liste régionale)"  # type: ignore[union-attr]
        mappings = session.scalar(select(func.count()).select_from(NomenclatureMapping))
    assert mappings == sum(
        len(v) for table in (THEME_THEMATIQUES, PUBLIC_PUBLICS, AGE_PUBLICS) for v in table.values()
    )


def test_a_retired_code_stays_readable(desk: Desk) -> None:
    with desk.sessions.begin() as session:
        item = session.get(NomenclatureItem, ("channel", "visio"))
        assert item is not None
        item.active = False
    desk.lists.reload()
    assert "visio" not in desk.lists.active_codes("channel")
    assert desk.lists.label("channel", "visio") == "Visio"
    assert desk.lists.label("channel", "fax-1998") == "fax-1998"
