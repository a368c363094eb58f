"""Importing partner directories: every format, good and bad files, re-imports."""

from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.desk import Desk
from app.directory import importing
from app.directory.batch import ImportSummary
from app.directory.formats import read_directory, spreadsheet_template
from app.directory.importing import apply
from app.directory.search import SearchQuery, search
from core.errors import DeskError
from core.resources import resource
from db.models import Service, Structure

DEMO = resource("demo")


def demo_copy(tmp_path: Path) -> Path:
    folder = tmp_path / "datainclusion"
    folder.mkdir()
    for name in ("structures.json", "services.json"):
        shutil.copy(DEMO / name, folder / name)
    return folder


def load(folder: Path, name: str) -> list[dict]:  # type: ignore[type-arg]
    return json.loads((folder / name).read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def save(folder: Path, name: str, records: list[dict]) -> None:  # type: ignore[type-arg]
    (folder / name).write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")


def run(desk: Desk, path: Path, **options: object) -> ImportSummary:
    batch = read_directory(path, desk.geography)
    with desk.sessions.begin() as session:
        return apply(session, batch, **options)  # type: ignore[arg-type]


def count(desk: Desk, model: type, *, active: bool = True) -> int:
    with desk.sessions() as session:
        query = select(func.count()).select_from(model)
        if active:
            query = query.where(model.retired_at.is_(None))  # type: ignore[attr-defined]
        return int(session.scalar(query) or 0)


def test_importing_the_same_folder_again_updates_in_place(desk: Desk, tmp_path: Path) -> None:
    summary = run(desk, demo_copy(tmp_path))
    assert (summary.structures_added, summary.structures_updated) == (0, 26)
    assert (summary.services_added, summary.services_updated, summary.retired) == (0, 61, 0)
    assert summary.refused == []
    assert count(desk, Service, active=False) == 61 and count(desk, Structure) == 26


def test_each_bad_record_is_refused_with_its_reason_and_the_others_are_stored(
    desk: Desk, tmp_path: Path
) -> None:
    folder = demo_copy(tmp_path)
    services = load(folder, "services.json")
    original_name = services[1]["nom"]
    services[0]["structure_id"] = "demo-spro-etm--nulle-part"
    services[1]["nom"] = "AB"
    services[2]["code_insee"] = "13999"
    services[3]["zone_eligibilite"] = ["13047", "13999"]
    new = dict(services[4], id="demo-spro-etm--nouveau-service", nom="Nouvel atelier CV")
    save(folder, "services.json", [*services, new])
    summary = run(desk, folder, full=False)
    reasons = {r.label: r.text("fr") for r in summary.refused}
    assert reasons == {
        services[0][
            "id"
        ]: f"Service {services[0]['id']}\u00a0: structure inconnue «\u00a0demo-spro-etm--nulle-part\u00a0»",
        services[1][
            "id"
        ]: f"Service {services[1]['id']}\u00a0: nom\u00a0: trop court («\u00a0AB\u00a0»)",
    }
    # A code the geography does not know costs the record nothing: it is left out, and said.
    warnings = {r.label: r.text("fr") for r in summary.warnings}
    assert warnings == {
        services[2]["id"]: f"Service {services[2]['id']}\u00a0: code_insee\u00a0:"
        " «\u00a013999\u00a0» n’est pas une commune connue, code retiré",
        services[3]["id"]: f"Service {services[3]['id']}\u00a0: zone_eligibilite\u00a0:"
        " code «\u00a013999\u00a0» inconnu, retiré",
    }
    assert summary.services_added == 1 and summary.services_updated == 59
    assert summary.lines("fr")[0].endswith("2 refusés\u202f; 2 avertissements.")
    with desk.sessions() as session:
        unplaced = session.get(Service, services[2]["id"])
        assert unplaced is not None and unplaced.code_insee is None
        narrowed = session.get(Service, services[3]["id"])
        assert narrowed is not None and {z.code for z in narrowed.zone_eligibilite} == {"13047"}
    with desk.sessions() as session:
        kept = session.get(Service, services[1]["id"])
        assert kept is not None and kept.nom == original_name  # the stored record stays
        hits = search(session, SearchQuery(text="nouvel atelier"))
    assert [h.service_id for h in hits] == ["demo-spro-etm--nouveau-service"]


def test_a_full_import_retires_what_the_source_no_longer_publishes(
    desk: Desk, tmp_path: Path
) -> None:
    folder = demo_copy(tmp_path)
    services = load(folder, "services.json")
    gone = services[0]
    # The next file holds neither the service gone nor the one the desk made its own.
    save(folder, "services.json", services[2:])
    with desk.sessions.begin() as session:
        local = session.get(Service, services[1]["id"])
        assert local is not None
        local.is_local = True
    assert run(desk, folder, full=False).retired == 0
    summary = run(desk, folder)
    assert summary.retired == 1  # the local entry stays, though the source dropped it
    with desk.sessions() as session:
        retired = session.get(Service, gone["id"])
        assert retired is not None and retired.retired_at is not None
        assert gone["id"] not in {h.service_id for h in search(session, SearchQuery(limit=200))}
        assert session.get(Service, services[1]["id"]).retired_at is None  # type: ignore[union-attr]


def test_data_inclusion_csv_is_read_with_its_lists(desk: Desk, tmp_path: Path) -> None:
    folder = tmp_path / "csv"
    folder.mkdir()
    for name in ("structures", "services"):
        records = load(DEMO, f"{name}.json")
        columns = sorted({key for record in records for key in record})
        with (folder / f"{name}.csv").open("w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, columns)
            writer.writeheader()
            for record in records:
                writer.writerow(
                    {
                        k: (
                            json.dumps(v)
                            if k in ("thematiques", "zone_eligibilite")
                            else ",".join(v)
                        )
                        if isinstance(v, list)
                        else v
                        for k, v in record.items()
                    }
                )
    summary = run(desk, folder)
    assert summary.format == "data·inclusion (CSV)"
    assert summary.refused == [] and summary.services_updated == 61
    with desk.sessions() as session:
        cej = session.get(Service, "demo-spro-etm--ml-ouest-provence-cej")
        expected = next(r for r in load(DEMO, "services.json") if r["id"] == cej.id)  # type: ignore[union-attr]
        assert cej is not None and {p.code for p in cej.publics} == set(expected["publics"])
        assert {z.code for z in cej.zone_eligibilite} == set(expected["zone_eligibilite"])


def test_the_spreadsheet_template_imports_and_reimports(desk: Desk, tmp_path: Path) -> None:
    path = tmp_path / "annuaire du CIO.csv"
    path.write_bytes(spreadsheet_template().encode("utf-8"))  # as the window saves it
    summary = run(desk, path)
    assert summary.refused == [] and (summary.structures_added, summary.services_added) == (1, 1)
    with desk.sessions() as session:
        service = session.scalars(
            select(Service).where(Service.structure_id == "annuaire-du-cio--cio-d-istres")
        ).one()
        assert service.nom == "Entretien d’orientation"
        assert (service.code_insee, service.commune, service.horaires_accueil) == (
            "13047",
            "Istres",
            "Mo-Fr 09:00-12:00,13:30-17:00; PH off",
        )
        assert {t.code for t in service.thematiques} >= {"se-former--trouver-sa-formation"}
        assert {p.code for p in service.publics} == {"etudiants", "jeunes"}
        assert {z.code for z in service.zone_eligibilite} == {"13047", "200054807"}
        assert {m.code for m in service.modes if m.kind == "accueil"} == {
            "a-distance",
            "en-presentiel",
        }
        assert service.documents == ["Dernier bulletin scolaire", "Pièce d’identité"]
    # The same sheet saved again by Excel in Windows-1252, without a BOM.
    path.write_bytes(spreadsheet_template().lstrip("\ufeff").encode("cp1252"))
    again = run(desk, path)
    assert (again.services_added, again.services_updated) == (0, 1)


def test_spreadsheet_rows_with_an_unknown_or_ambiguous_commune_are_refused(
    desk: Desk, tmp_path: Path
) -> None:
    path = tmp_path / "tableur.csv"
    path.write_text(
        "structure,service,description,commune,code_postal\n"
        "Espace emploi,Atelier CV,Un atelier pour écrire son CV avec un conseiller.,Atlantide,\n"
        "Espace emploi,Café emploi,Rencontrer des employeurs du territoire chaque mois.,Sainte-Marie,\n"
        "Espace emploi,Permanence,Une permanence sans rendez-vous le mardi matin.,Miramas,13140\n",
        encoding="utf-8",
    )
    summary = run(desk, path)
    assert [r.text("fr") for r in summary.refused] == [
        "Service ligne 2\u00a0: commune\u00a0: «\u00a0Atlantide\u00a0» introuvable",
        "Service ligne 3\u00a0: commune\u00a0: plusieurs communes s’appellent «\u00a0Sainte-Marie\u00a0», précisez le code postal",
    ]
    assert summary.services_added == 1


@pytest.mark.parametrize(
    ("files", "message"),
    [
        ({"structures.json": "[{", "services.json": "[]"}, "n’est pas du JSON valide (ligne 1)"),
        ({"structures.json": '{"id": 1}', "services.json": "[]"}, "doit contenir une liste"),
        (
            {"structures.csv": "id,source\nx,y\n", "services.csv": "id,source,structure_id,nom\n"},
            "Colonnes manquantes dans structures.csv\u00a0: nom",
        ),
        ({"notes.txt": "rien"}, "Format d’annuaire non reconnu"),
    ],
)
def test_a_folder_that_cannot_be_read_stores_nothing(
    desk: Desk, tmp_path: Path, files: dict[str, str], message: str
) -> None:
    folder = tmp_path / "bad"
    folder.mkdir()
    for name, content in files.items():
        (folder / name).write_text(content, encoding="utf-8")
    before = count(desk, Service, active=False)
    with pytest.raises(DeskError) as caught:
        run(desk, folder)
    assert message in caught.value.text("fr")
    assert count(desk, Service, active=False) == before


def test_wrong_encoding_and_oversized_files_are_refused_whole(
    desk: Desk, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "tableur.csv"
    path.write_bytes(b"structure,service,description,commune\n\x81\x8d,\x8f,\x90,\x9d\n")
    with pytest.raises(DeskError) as caught:
        run(desk, path)
    assert "ni en UTF-8 ni en Windows-1252" in caught.value.text("fr")
    folder = demo_copy(tmp_path)
    monkeypatch.setattr(importing, "MAX_FILE_BYTES", 1000)
    with pytest.raises(DeskError) as caught:
        run(desk, folder)
    assert caught.value.text("fr").startswith("Fichier trop volumineux\u00a0: structures.json")
    assert count(desk, Service, active=False) == 61


def test_the_files_themselves_are_never_changed(desk: Desk, tmp_path: Path) -> None:
    folder = demo_copy(tmp_path)
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    run(desk, folder)
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before
