"""Directory imports fed with data published by others (``tests/data/*/README.md``)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.desk import Desk
from app.directory.batch import ImportSummary
from app.directory.formats import read_directory
from app.directory.importing import apply
from db.models import Service, Structure

DATA = Path(__file__).parents[1] / "data"
RHONE = DATA / "rhone-spreadsheet" / "lieux-rhone.csv"


def aiguillage(home: Path, *args: str, lang: str = "fr") -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, AIGUILLAGE_HOME=str(home), AIGUILLAGE_LANG=lang)
    return subprocess.run(
        [sys.executable, "-m", "ui.launcher", *args],
        capture_output=True, text=True, env=env, timeout=120, check=False,
    )  # fmt: skip


def stored(home: Path) -> tuple[int, int, list[tuple[str | None, str | None, str | None]]]:
    desk = Desk.open(load_demo=False)
    try:
        with desk.sessions() as session:
            live = Service.retired_at.is_(None) & Service.source.is_not(None)
            services = session.scalar(
                select(func.count()).select_from(Service).where(live, Service.source == "rhone")
            )
            structures = session.scalar(
                select(func.count()).select_from(Structure).where(Structure.source == "rhone")
            )
            forma_tic = session.execute(
                select(Service.commune, Service.adresse, Service.code_insee)
                .join(Structure, Structure.id == Service.structure_id)
                .where(Structure.nom == "Forma-TIC")
                .order_by(Service.commune)
            ).all()
    finally:
        desk.close()
    return int(services or 0), int(structures or 0), [(c, a, i) for c, a, i in forma_tic]


def test_a_real_region_spreadsheet_keeps_every_homonym_and_its_figures_add_up(
    home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sheet = tmp_path / "rhone.csv"
    shutil.copy(RHONE, sheet)
    done = aiguillage(home, "directory", "import", str(sheet))
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0] == (
        "tableur CSV\u00a0: 409 lignes lues\u202f; 395 structures ajoutées, 0 mise à jour\u202f;"
        " 405 services ajoutés, 0 mis à jour\u202f; 4 doublons\u202f; 0 retiré\u202f;"
        " 0 refusé\u202f; 5 avertissements."
    )
    # rows read = added + updated + duplicates + refused
    assert 409 == 405 + 0 + 4 + 0
    assert "  – Service ligne 186\u00a0: doublon exact de la ligne 5" in lines
    assert (
        "  · Service ligne 14\u00a0: commune\u00a0: «\u00a0Oullins\u00a0» n’est pas le nom d’une"
        " commune actuelle, placé d’après 69600 à Oullins-Pierre-Bénite (69149)"
    ) in lines
    monkeypatch.setenv("AIGUILLAGE_HOME", str(home))
    services, structures, forma_tic = stored(home)
    assert (services, structures) == (405, 395)  # added + updated = what is stored
    # Four « Médiation numérique » places of one structure: four services, each its address.
    assert forma_tic == [
        ("Belleville-en-Beaujolais", "8 rue du 14 juillet", "69019"),
        ("L'Arbresle", "Le Canevas 2.0 84 rue Claude Terrasse", "69010"),
        ("Tarare", "21 Boulevard Voltaire", "69243"),
        ("Villefranche-sur-Saône", "588 boulevard Albert Camus", "69264"),
    ]
    again = aiguillage(home, "directory", "import", str(sheet))
    assert again.stdout.splitlines()[0].startswith(
        "tableur CSV\u00a0: 409 lignes lues\u202f; 0 structure ajoutée, 395 mises à jour\u202f;"
        " 0 service ajouté, 405 mis à jour\u202f; 4 doublons"
    )


def run(desk: Desk, path: Path, source: str | None = None) -> ImportSummary:
    batch = read_directory(path, desk.geography, source)
    with desk.sessions.begin() as session:
        return apply(session, batch)


def test_the_validator_fixture_takes_its_source_and_lists_every_error_in_french(
    desk: Desk, tmp_path: Path
) -> None:
    folder = tmp_path / "modele"
    shutil.copytree(DATA / "datainclusion-valideur", folder)
    summary = run(desk, folder, source="action-logement")
    refused = {r.label: r.text("fr") for r in summary.refused}
    structure = refused.pop("005d3060-c322-4ec5-bd70-a60f054d3b81")
    # Every error of the record, not the first three; the help and example rows are skipped.
    assert structure == (
        "Structure 005d3060-c322-4ec5-bd70-a60f054d3b81\u00a0: date_maj\u00a0: champ"
        " obligatoire absent\u202f; code_postal\u00a0: trop long («\u00a0750121\u00a0»)\u202f;"
        " courriel\u00a0: adresse électronique invalide («\u00a0pas une adresse\u00a0»)\u202f;"
        " site_web\u00a0: adresse web invalide («\u00a0pas une url !\u00a0»)"
    )
    assert "Input should" not in structure and "Field required" not in structure
    assert set(refused) == {
        "53669028-8862-4f42-a80c-d3f269456edc",
        "53669028-8862-4f42-a80c-d3f269456ed2",
    }
    assert refused["53669028-8862-4f42-a80c-d3f269456edc"] == (
        "Service 53669028-8862-4f42-a80c-d3f269456edc\u00a0: date_maj\u00a0: champ obligatoire"
        " absent\u202f; thematiques\u00a0: valeur inconnue («\u00a0logement-hebergement--louer"
        "-un-appartement\u00a0»)\u202f; mobilisable_par\u00a0: valeur inconnue («\u00a0autres"
        "\u00a0»)\u202f; nombre_semaines\u00a0: nombre entier attendu («\u00a0beaucoup\u00a0»)"
    )
    assert (summary.structures_added, summary.services_added) == (0, 0)
    assert desk_count(desk) == 0


def desk_count(desk: Desk) -> int:
    with desk.sessions() as session:
        query = select(func.count()).select_from(Service).where(Service.source == "action-logement")
        return int(session.scalar(query) or 0)
