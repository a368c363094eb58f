"""A directory flag's comment leaves the desk: it goes through the visit note's guard
before the flag is queued, and a refusal stores nothing."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from app.desk import Desk
from app.directory import records
from app.intake.service import IntakeService
from app.sync.push import next_batch
from core.errors import DeskError
from db.models import DirectoryFlag

SERVICE = "demo-spro-etm--ml-ouest-provence-cej"

PERSONAL = [
    "Rappeler la personne au 06 12 34 56 78",
    "Rappeler la personne au +33 6 12 34 56 78",
    "son courriel : lea.dupont@orange.fr",
    "NIR 2 84 05 13 004 512 33 transmis par erreur",
    "IBAN FR76 3000 6000 0112 3456 7890 189 à rembourser",
    "Le jeune, né le 12/03/1987, n’a pas été reçu",
]
ORDINARY = [
    "Fermé depuis le 3 mars, le service a déménagé à Arles.",
    "Horaires : lundi à vendredi 9 h – 12 h, plus le samedi.",
    "Le territoire servi est l’EPCI, pas tout le département.",
]


def flag_count(desk: Desk) -> int:
    with desk.sessions() as session:
        return int(session.scalar(select(func.count()).select_from(DirectoryFlag)) or 0)


@pytest.mark.parametrize("comment", PERSONAL)
def test_a_comment_holding_personal_data_is_refused_like_a_note(desk: Desk, comment: str) -> None:
    with pytest.raises(DeskError) as caught, desk.sessions.begin() as session:
        records.flag(session, SERVICE, "other", comment)
    error = caught.value
    assert error.key == "flag_personal_data"
    # The same verdict and the same words for the kind as the visit's note gives.
    (note_error,) = IntakeService._check_note(comment)
    assert error.params["kind"] == note_error.params["kind"]
    what = note_error.text("fr").split("contenir ", 1)[1].split(" (", 1)[0]
    assert error.text("fr").startswith(f"Commentaire refusé\u00a0: il semble contenir {what} (")
    assert error.text("en").startswith("Comment refused: it seems to hold ")
    assert flag_count(desk) == 0
    with desk.sessions() as session:
        assert next_batch(session)[0] == []  # nothing queued to leave


@pytest.mark.parametrize("comment", ORDINARY)
def test_an_ordinary_comment_is_queued_as_typed(desk: Desk, comment: str) -> None:
    with desk.sessions.begin() as session:
        flag_id = records.flag(session, SERVICE, "other", comment)
    with desk.sessions() as session:
        (record,) = next_batch(session)[0]
    assert (record.id, record.payload["comment"]) == (flag_id, comment)
