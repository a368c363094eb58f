"""Importing tallies from a CSV file: all rows or none, each error named by its line."""

from __future__ import annotations

import uuid
from datetime import datetime
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from app.desk import Desk
from app.intake import tallies as contact_import
from app.intake.tallies import ImportRefused, import_contacts
from core.errors import DeskError
from db.models import Contact
from tests.conftest import stored_contacts

HEADER = "date,channel,public,age,gender,commune,themes,answers\n"


def write(tmp_path: Path, text: str, encoding: str = "utf-8") -> Path:
    path = tmp_path / "forum.csv"
    path.write_bytes(text.encode(encoding))
    return path


def test_every_row_is_stored_with_its_date(desk: Desk, tmp_path: Path) -> None:
    path = write(
        tmp_path,
        HEADER
        + "2026-11-20,hors-les-murs,scolaire,moins-16,femme,13047,decouvrir-metiers|alternance,information\n"
        + "2026-11-20T14:30,hors-les-murs,demandeur-emploi,26-44,homme,13004,trouver-emploi,documentation|information\n"
        + "\n"
        + "21/11/2026,telephone,salarie,45-54,non-precise,hors-region,vae,rendez-vous\n",
    )
    assert import_contacts(path, desk.intake) == 3
    with desk.sessions() as session:
        rows = session.scalars(select(Contact).order_by(Contact.moment_local)).all()
        assert [(r.moment_local, r.time_known) for r in rows] == [
            (datetime(2026, 11, 20, 12, 0), False),
            (datetime(2026, 11, 20, 14, 30), True),
            (datetime(2026, 11, 21, 12, 0), False),
        ]
        assert [t.code for t in rows[0].themes] == ["alternance", "decouvrir-metiers"]
        assert rows[2].commune == "hors-region"


def test_excel_semicolons_in_windows_1252_are_read(desk: Desk, tmp_path: Path) -> None:
    text = HEADER.replace(",", ";") + (
        "20/11/2026 10:05;sur-place;reconversion;26-44;femme;13103;vae;information\n"
    )
    path = write(tmp_path, text, "cp1252")
    assert import_contacts(path, desk.intake) == 1


def test_utf8_with_bom_is_read(desk: Desk, tmp_path: Path) -> None:
    path = tmp_path / "bom.csv"
    path.write_bytes(
        b"\xef\xbb\xbf"
        + (HEADER + "2026-11-20,sur-place,etudiant,16-25,femme,13056,vae,information\n").encode()
    )
    assert import_contacts(path, desk.intake) == 1


def test_one_bad_row_refuses_the_whole_file_naming_its_line(desk: Desk, tmp_path: Path) -> None:
    path = write(
        tmp_path,
        HEADER
        + "2026-11-20,sur-place,scolaire,moins-16,femme,13047,decouvrir-metiers,information\n"
        + "2026-11-20,sur-place,scolaire,moins-16,femme,13200,decouvrir-metiers,informatio\n"
        + "2026-11-20,sur-place,scolaire\n"
        + "2026-13-45,sur-place,scolaire,moins-16,femme,13047,decouvrir-metiers,information\n",
    )
    with pytest.raises(ImportRefused) as caught:
        import_contacts(path, desk.intake)
    lines = caught.value.lines("fr")
    assert (
        "Ligne 3 : Commune : « 13200 » est un code postal (Arles) ; donnez le code INSEE de la commune."
        in lines
    )
    assert any(line.startswith("Ligne 3 : Réponse : code inconnu « informatio »") for line in lines)
    assert "Ligne 4 : 3 colonnes au lieu de 8." in lines
    assert any(line.startswith("Ligne 5 : date « 2026-13-45 » illisible") for line in lines)
    assert caught.value.line_count == 3
    assert stored_contacts(desk) == 0


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("", "Le fichier ne contient aucune ligne de données."),
        (HEADER, "Le fichier ne contient aucune ligne de données."),
        ("jour,canal\n2026-11-20,sur-place\n", "En-tête attendu : date,channel,public"),
    ],
)
def test_a_file_that_cannot_be_read_is_refused(
    desk: Desk, tmp_path: Path, content: str, message: str
) -> None:
    with pytest.raises(ImportRefused) as caught:
        import_contacts(write(tmp_path, content), desk.intake)
    assert caught.value.lines("fr")[0].startswith(message)
    assert stored_contacts(desk) == 0


def test_neither_utf8_nor_windows_1252_is_refused(desk: Desk, tmp_path: Path) -> None:
    path = tmp_path / "binary.csv"
    path.write_bytes(HEADER.encode() + b"\x81\x8d\x8f\x90\x9d\n")
    with pytest.raises(ImportRefused) as caught:
        import_contacts(path, desk.intake)
    assert caught.value.lines("fr") == [
        "Fichier illisible\u00a0: binary.csv n’est ni en UTF-8 ni en Windows-1252\u202f;"
        " rien n’a été importé."
    ]


def test_missing_and_oversized_files_are_refused(
    desk: Desk, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with pytest.raises(ImportRefused) as caught:
        import_contacts(tmp_path / "absent.csv", desk.intake)
    assert caught.value.lines("fr")[0].startswith("Fichier introuvable")
    monkeypatch.setattr(contact_import, "MAX_BYTES", 10)
    with pytest.raises(ImportRefused) as caught:
        import_contacts(write(tmp_path, HEADER * 3), desk.intake)
    assert caught.value.lines("fr")[0].startswith("Fichier trop volumineux")
    assert stored_contacts(desk) == 0


def test_trailing_excel_semicolons_are_ignored(desk: Desk, tmp_path: Path) -> None:
    text = HEADER.replace(",", ";").replace("\n", ";;\n") + (
        "20/11/2026;sur-place;reconversion;26-44;femme;13103;vae;information;;\n"
    )
    assert import_contacts(write(tmp_path, text), desk.intake) == 1


def test_an_overlong_cell_is_a_line_error_not_a_crash(desk: Desk, tmp_path: Path) -> None:
    text = HEADER + "2026-11-20,sur-place," + '"' + "x" * 200_000 + '"' + ",a,b,c,d,e\n"
    with pytest.raises(ImportRefused) as caught:
        import_contacts(write(tmp_path, text), desk.intake)
    assert caught.value.lines("fr")[0].startswith("Ligne 2\u00a0: cellule illisible ou trop longue")
    assert stored_contacts(desk) == 0


GOOD = "2026-11-20T10:{minute:02d},sur-place,salarie,26-44,femme,13047,vae|alternance,information\n"


def test_a_file_written_batch_by_batch_is_stored_whole(
    desk: Desk, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(contact_import, "BATCH", 3)
    path = write(tmp_path, HEADER + "".join(GOOD.format(minute=m) for m in range(8)))
    assert import_contacts(path, desk.intake) == 8
    with desk.sessions() as session:
        rows = session.scalars(select(Contact).order_by(Contact.moment_local)).all()
        assert [r.moment_local.minute for r in rows] == list(range(8))
        assert {tuple(sorted(t.code for t in r.themes)) for r in rows} == {("alternance", "vae")}
        assert {tuple(a.code for a in r.answers) for r in rows} == {("information",)}


def test_a_bad_row_after_batches_were_written_leaves_nothing_stored(
    desk: Desk, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(contact_import, "BATCH", 3)
    rows = [GOOD.format(minute=m) for m in range(10)]
    rows[7] = rows[7].replace("13047", "99999")
    rows[9] = rows[9].replace("salarie", "salari")
    path = write(tmp_path, HEADER + "".join(rows))
    with pytest.raises(ImportRefused) as caught:
        import_contacts(path, desk.intake)
    lines = caught.value.lines("fr")
    # Every line in error is named, those after the first too; nothing was kept.
    assert [line.split("\u00a0:")[0] for line in lines] == ["Ligne 9", "Ligne 11"]
    assert stored_contacts(desk) == 0


def test_the_file_is_read_whole_before_the_database_is_written(
    desk: Desk, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A window open on the same desk waits only for the writing, not for the reading."""
    monkeypatch.setattr(contact_import, "BATCH", 3)
    path = write(tmp_path, HEADER + "".join(GOOD.format(minute=m) for m in range(8)))
    checked: list[int] = []
    real_draft, real_adding = contact_import._draft, desk.intake.adding

    def draft(line: int, row: list[str], intake: object, now: datetime) -> object:
        checked.append(line)
        return real_draft(line, row, desk.intake, now)

    def adding() -> object:
        assert len(checked) == 8, "the writing began before every row was checked"
        return real_adding()

    monkeypatch.setattr(contact_import, "_draft", draft)
    monkeypatch.setattr(desk.intake, "adding", adding)
    assert import_contacts(path, desk.intake) == 8
    assert stored_contacts(desk) == 8


def _read_by_strptime(value: str) -> tuple[datetime, bool] | str:
    """How a date was read before the usual forms were read without strptime."""
    value = value.strip()
    for fmt, with_time in contact_import._FORMATS:
        try:
            moment = datetime.strptime(value, fmt)
        except ValueError:
            continue
        return (moment if with_time else moment.replace(hour=12)), with_time
    return "refused"


DATES = st.one_of(
    st.from_regex(r"[0-9]{1,5}-[0-9]{1,3}-[0-9]{1,3}([Tt ][0-9]{1,3}:[0-9]{1,3}(:[0-9]{1,3})?)?"),
    st.from_regex(r"[0-9]{1,2}/[0-9]{1,2}/[0-9]{4}( [0-9]{1,2}:[0-9]{2})?", fullmatch=True),
    st.text(alphabet="0123456789-/T: \u0663", max_size=20),
)


@given(DATES)
@example("2026-11-20 14:30:00")  # seconds are read after a T only
@example("2026-02-29T10:00")
@example("2026-11-20T24:00")
@example(" 2026-11-20 ")
def test_dates_are_read_as_strptime_reads_them(value: str) -> None:
    try:
        read: tuple[datetime, bool] | str = contact_import._parse_moment(value)
    except DeskError as error:
        assert error.key == "csv_bad_date"
        read = "refused"
    assert read == _read_by_strptime(value)


def test_dates_in_the_future_or_before_2000_are_refused_naming_their_line(
    desk: Desk, tmp_path: Path
) -> None:
    """The desk's clock reads 24/11/2026 10:15 (Paris); a few minutes ahead is a drift."""
    row = ",sur-place,salarie,26-44,femme,13047,vae,information\n"
    dates = ("2026-11-24T10:25", "2026-11-25", "1999-12-31", "2026-11-24T10:19", "24/11/2026")
    path = write(tmp_path, HEADER + "".join(date + row for date in dates))
    with pytest.raises(ImportRefused) as caught:
        import_contacts(path, desk.intake)
    assert caught.value.lines("fr") == [
        "Ligne 2\u00a0: Date\u00a0: 24/11/2026 10:25 est dans le futur.",
        "Ligne 3\u00a0: Date\u00a0: 25/11/2026 est dans le futur.",
        "Ligne 4\u00a0: Date\u00a0: 31/12/1999 est trop ancienne (avant 2000).",
    ]
    assert stored_contacts(desk) == 0


def test_a_failure_while_writing_keeps_nothing_and_leaves_the_desk_as_it_was(
    desk: Desk, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(contact_import, "BATCH", 3)
    path = write(tmp_path, HEADER + "".join(GOOD.format(minute=m) for m in range(8)))
    ids = iter(["a", "b", "c", "d", "e", "b", "g", "h"])  # the sixth is the second's
    monkeypatch.setattr(uuid, "uuid4", lambda: next(ids))
    with pytest.raises(IntegrityError):
        import_contacts(path, desk.intake)
    assert stored_contacts(desk) == 0
    # Each connection the desk keeps has SQLite's settings back as they were.
    connections = [desk.engine.connect() for _ in range(desk.engine.pool.checkedin())]  # type: ignore[attr-defined]
    try:
        assert connections
        for connection in connections:
            temp_store = connection.exec_driver_sql("PRAGMA temp_store").scalar()
            cache_size = connection.exec_driver_sql("PRAGMA cache_size").scalar()
            assert (temp_store, cache_size) == (0, -2000)
    finally:
        for connection in connections:
            connection.close()
