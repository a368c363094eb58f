"""The region's directory and lists, imported at the hub and pulled by desks."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import sessionmaker

from app.desk import Desk
from app.directory.search import SearchQuery, search
from app.sync import run
from core.resources import resource
from db.models import Service, SyncState
from hub import directory
from tests.hub.conftest import Hub
from tests.hub.test_sync import code_for


@pytest.fixture(autouse=True)
def no_keyring(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AIGUILLAGE_NO_KEYRING", "1")


def region_folder(tmp_path: Path, drop: int = 0) -> Path:
    """The demo directory as the Région would publish it: another source, other ids."""
    folder = tmp_path / "region"
    folder.mkdir(exist_ok=True)
    for name in ("structures", "services"):
        text = (resource("demo") / f"{name}.json").read_text(encoding="utf-8")
        records = json.loads(text.replace("demo-spro-etm", "region-paca"))
        if name == "services" and drop:
            records = records[drop:]
        (folder / f"{name}.json").write_text(json.dumps(records, ensure_ascii=False), "utf-8")
    return folder


def hub_import(hub: Hub, folder: Path) -> directory.Published:
    with sessionmaker(hub.engine, expire_on_commit=False).begin() as session:
        return directory.import_directory(session, hub.engine, folder)


def services(desk: Desk, source: str) -> list[Service]:
    with desk.sessions() as session:
        return list(
            session.scalars(
                select(Service).where(Service.source == source, Service.retired_at.is_(None))
            )
        )


def test_the_regions_directory_replaces_the_demo_and_only_changes_travel(
    desk: Desk, hub: Hub, tmp_path: Path
) -> None:
    published = hub_import(hub, region_folder(tmp_path))
    assert (published.added, published.refused) == (87, [])
    assert hub_import(hub, region_folder(tmp_path)).unchanged == 87  # nothing new to send
    _site, code = code_for(hub)
    run.enrol(desk, hub.url, code)
    summary = run.sync_once(desk)
    assert summary.pulled == 87
    assert len(services(desk, "region-paca")) == 61
    assert services(desk, "demo-spro-etm") == []  # the demo made way
    with desk.sessions() as session:
        hits = search(session, SearchQuery(text="contrat engagement jeune"))
        assert hits and hits[0].service_id.startswith("region-paca--")
        etag = session.get(SyncState, "directory").etag  # type: ignore[union-attr]
    assert etag
    assert run.sync_once(desk).pulled == 0  # 304: nothing new
    # A full re-import without two services: they travel as tombstones and retire.
    assert hub_import(hub, region_folder(tmp_path, drop=2)).retired == 2
    assert run.sync_once(desk).pulled == 2
    assert len(services(desk, "region-paca")) == 59


def test_a_local_entry_is_never_overwritten_by_a_pull(desk: Desk, hub: Hub, tmp_path: Path) -> None:
    folder = region_folder(tmp_path)
    target = "region-paca--ml-ouest-provence-cej"
    hub_import(hub, folder)
    _site, code = code_for(hub)
    run.enrol(desk, hub.url, code)
    run.sync_once(desk)
    with desk.sessions.begin() as session:
        row = session.get(Service, target)
        assert row is not None
        row.is_local, row.nom = True, "CEJ — notre permanence"
    records = json.loads((folder / "services.json").read_text("utf-8"))
    next(r for r in records if r["id"] == target)["nom"] = (
        "Contrat d’engagement jeune (nouveau nom)"
    )
    (folder / "services.json").write_text(json.dumps(records, ensure_ascii=False), "utf-8")
    assert hub_import(hub, folder).changed == 1
    run.sync_once(desk)
    with desk.sessions() as session:
        assert session.get(Service, target).nom == "CEJ — notre permanence"  # type: ignore[union-attr]


def test_the_regions_lists_arrive_and_a_retired_code_stays_readable(
    desk: Desk, hub: Hub, tmp_path: Path
) -> None:
    lists = tmp_path / "listes.json"
    lists.write_text(
        json.dumps(
            [
                {
                    "list": "theme",
                    "code": "numerique",
                    "label_fr": "Numérique",
                    "label_en": "Digital",
                    "position": 20,
                },
                {
                    "list": "channel",
                    "code": "visio",
                    "label_fr": "Visio",
                    "label_en": "Video call",
                    "active": False,
                },
                {"list": "nope", "code": "x", "label_fr": "X", "label_en": "X"},
            ]
        ),
        "utf-8",
    )
    with sessionmaker(hub.engine).begin() as session:
        report = directory.publish_lists(session, hub.engine, lists)
    assert report.added == 2 and len(report.refused) == 1
    _site, code = code_for(hub)
    run.enrol(desk, hub.url, code)
    assert run.sync_once(desk).pulled == 2
    assert "numerique" in desk.lists.active_codes("theme")
    assert "visio" not in desk.lists.active_codes("channel")
    assert desk.lists.label("channel", "visio") == "Visio"


def test_the_hub_refuses_bad_directory_files_and_names_bad_records(
    hub: Hub, tmp_path: Path
) -> None:
    folder = region_folder(tmp_path)
    records = json.loads((folder / "services.json").read_text("utf-8"))
    records[0]["structure_id"] = "region-paca--nulle-part"
    records[1]["nom"] = "AB"
    (folder / "services.json").write_text(json.dumps(records, ensure_ascii=False), "utf-8")
    report = hub_import(hub, folder)
    assert report.added == 85 and len(report.refused) == 2
    assert any("structure inconnue" in reason for reason in report.refused)
    broken = tmp_path / "broken"
    broken.mkdir()
    (broken / "structures.json").write_text("[{", "utf-8")
    (broken / "services.json").write_text("[]", "utf-8")
    from hub.service import HubError

    with pytest.raises(HubError) as caught:
        hub_import(hub, broken)
    assert "JSON invalide" in caught.value.message


def _csv_folder(tmp_path: Path) -> Path:
    """The region's first structure and service as a data.inclusion CSV folder."""
    folder = tmp_path / "csv"
    folder.mkdir()
    for name in ("structures", "services"):
        records = json.loads((region_folder(tmp_path) / f"{name}.json").read_text("utf-8"))
        record = {
            key: "|".join(value) if isinstance(value, list) else value
            for key, value in records[0].items()
            if value is not None and not isinstance(value, dict)
        }
        with (folder / f"{name}.csv").open("w", encoding="utf-8", newline="") as out:
            writer = csv.DictWriter(out, fieldnames=list(record), delimiter=";")
            writer.writeheader()
            writer.writerow(record)
    return folder


def test_the_hub_imports_a_spreadsheet_an_hsds_and_a_csv_folder_too(
    hub: Hub, tmp_path: Path
) -> None:
    from app.directory.formats import spreadsheet_template

    sheet = tmp_path / "cio.csv"
    sheet.write_text(
        spreadsheet_template() + "CIO fantôme;Entretien;Un entretien.;;;Nulle-Part-sur-Mer\r\n",
        encoding="utf-8",
    )
    reports = {}
    for path in (sheet, Path(__file__).parents[1] / "app" / "data" / "hsds", _csv_folder(tmp_path)):
        with (
            directory.as_datainclusion(path) as (folder, refused),
            sessionmaker(hub.engine).begin() as session,
        ):
            reports[path.name] = directory.import_directory(
                session, hub.engine, folder, refused=refused
            )
    assert reports["cio.csv"].added == 2 and reports["hsds"].added >= 2
    # The row the conversion set aside is named in the hub's report, with its reason.
    (refusal,) = reports["cio.csv"].refused
    assert "Nulle-Part-sur-Mer" in refusal, refusal
    assert reports["csv"].as_dict() == {
        "added": 2, "changed": 0, "unchanged": 0, "retired": 0, "refused": []
    }  # fmt: skip
    from hub.models import DirectoryEntry

    with sessionmaker(hub.engine)() as session:
        sources = set(session.scalars(select(DirectoryEntry.source)))
    assert {"cio", "hsds"} <= sources
