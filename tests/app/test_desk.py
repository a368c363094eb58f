"""Opening the desk: first start with the demo directory, and records kept across restarts."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import func, select

from app.desk import Desk
from app.intake.contact import ContactDraft
from app.paths import DeskPaths
from db.models import Service, Structure


def test_first_start_loads_the_demo_directory_once(tmp_path: Path) -> None:
    paths = DeskPaths(data=tmp_path, logs=tmp_path / "logs")
    desk = Desk.open(paths)
    with desk.sessions() as session:
        assert session.scalar(select(func.count()).select_from(Structure)) == 26
        assert session.scalar(select(func.count()).select_from(Service)) == 61
        cej = session.get(Service, "demo-spro-etm--ml-ouest-provence-cej")
        assert cej is not None
        assert cej.structure.nom.startswith("Mission locale")
        assert cej.thematiques and cej.publics and cej.zone_eligibilite
        assert {m.kind for m in cej.modes} == {"accueil", "mobilisation"}
        assert any(s.documents for s in session.scalars(select(Service)))
    assert desk.settings.get("directory.demo_loaded") is True
    with desk.sessions.begin() as session:
        session.delete(session.get(Service, "demo-spro-etm--ml-ouest-provence-cej"))
    desk.close()
    desk = Desk.open(paths)
    with desk.sessions() as session:
        assert session.scalar(select(func.count()).select_from(Service)) == 60
    desk.close()


def test_no_demo_when_a_hub_is_enrolled(tmp_path: Path) -> None:
    paths = DeskPaths(data=tmp_path, logs=tmp_path / "logs")
    desk = Desk.open(paths, load_demo=False)
    desk.settings.set("hub.url", "https://hub.example.org")
    desk.close()
    desk = Desk.open(paths)
    with desk.sessions() as session:
        assert session.scalar(select(func.count()).select_from(Structure)) == 0
    desk.close()


def test_a_contact_is_still_there_after_a_restart(home: Path) -> None:
    paths = DeskPaths(data=home, logs=home / "logs")
    desk = Desk.open(paths)
    record = desk.intake.save(
        ContactDraft("visio", "etudiant", "16-25", "homme", "13103", ["vae"], ["information"])
    )
    desk.close()
    desk = Desk.open(paths)
    again = desk.intake.get(record.id)
    assert (again.channel, again.public, again.commune, again.themes) == (
        "visio",
        "etudiant",
        "13103",
        ("vae",),
    )
    desk.close()


def test_loading_records_never_overwrites_a_local_entry(home: Path) -> None:
    from app.directory.demo import load_demo

    desk = Desk.open(DeskPaths(data=home, logs=home / "logs"))
    with desk.sessions.begin() as session:
        service = session.get(Service, "demo-spro-etm--ml-ouest-provence-cej")
        assert service is not None
        service.is_local, service.nom = True, "CEJ — permanence du mardi (entrée locale)"
    with desk.sessions.begin() as session:
        load_demo(session)
    with desk.sessions() as session:
        kept = session.get(Service, "demo-spro-etm--ml-ouest-provence-cej")
        assert kept is not None and kept.nom == "CEJ — permanence du mardi (entrée locale)"
    desk.close()
