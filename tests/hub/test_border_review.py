"""A second look at the hub's border, over HTTP to the hub under uvicorn on PostgreSQL: what
an attacker or a privacy reviewer tried after the border was built, each hole found closed."""

from __future__ import annotations

import threading
import unicodedata
import uuid
from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest

from app.desk import Desk
from app.directory import records
from app.errors import DeskError
from app.sync import run
from app.sync.client import Transient
from hub.api import RATE_LIMIT
from tests.hub.conftest import Hub
from tests.hub.test_border_push import flag, outcomes, push, stored, token_for
from tests.hub.test_sync import code_for


@pytest.fixture(autouse=True)
def no_keyring(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AIGUILLAGE_NO_KEYRING", "1")


def test_a_desk_slowed_at_enrolment_is_told_to_wait_a_quarter_of_an_hour(
    desk: Desk, hub: Hub
) -> None:
    _site_id, code = code_for(hub)
    for n in range(10):  # a neighbour's wrong guesses, from the same address
        body = {"code": f"GUES-S{n:03d}", "desk_id": str(uuid.uuid4()), "desk_version": "1.0"}
        assert httpx.post(f"{hub.url}/api/v1/enrol", json=body).status_code == 403
    with pytest.raises(DeskError) as refused:
        run.enrol(desk, hub.url, code)
    french, english = refused.value.text("fr"), refused.value.text("en")
    assert "HTTP" not in french and "indisponible" not in french
    assert "Trop d’essais d’inscription" in french and "quart d’heure" in french
    assert "\u00a0:" in french
    assert "Too many enrolment attempts" in english and "quarter of an hour" in english
    assert desk.settings.get("hub.url") == "" and desk.settings.get("site.id") == "local"


def test_a_desk_over_the_hubs_rate_limit_is_told_so_and_tries_again_later(
    desk: Desk, hub: Hub
) -> None:
    run.enrol(desk, hub.url, code_for(hub)[1])
    token = (desk.paths.data / "hub-token").read_text()
    with httpx.Client(headers={"Authorization": f"Bearer {token}"}) as loop:
        for _ in range(RATE_LIMIT):  # a runaway loop with this desk's token
            loop.get(f"{hub.url}/api/v1/changes")
    with pytest.raises(Transient) as later:
        run.sync_once(desk)
    french = later.value.text("fr")
    assert "trop de requêtes" in french and "HTTP" not in french, french
    assert "too many requests" in later.value.text("en")


# Text whose personal data a reader sees whole but the guard read in pieces: accents typed
# as separate marks (as a Mac pastes them), a mark on a digit, and a run whose display order
# invisible controls reverse (it reads « 06 12 34 56 78 » in the console and the window).
DISGUISED = [
    ("la conseillère " + unicodedata.normalize("NFD", "Hélène DUPRÉ") + " dit fermé", "name"),
    ("rappeler au 0\u03016 12 34 56 78 pour les horaires", "phone"),
    ("rappeler au 0\u03326\u0332 1\u03322 34 56 78", "phone"),
    ("rappeler au \u202e87 65 43 21 60\u202c pour les horaires", "reordered"),
    ("rappeler au \u202b78 56 34 12 06\u202c pour les horaires", "reordered"),
    ("rappeler au \u206778 56 34 12 06\u2069 pour les horaires", "reordered"),
]


def test_a_flag_comment_disguised_with_marks_or_reordering_is_refused_at_the_hub(
    hub: Hub,
) -> None:
    token = token_for(hub)
    comments = [comment for comment, _kind in DISGUISED]
    results = outcomes(push(hub, token, *[("flag", flag(comment=c)) for c in comments]))
    for comment, (outcome, reason) in zip(comments, results, strict=True):
        assert outcome == "rejected", comment
        assert "données personnelles" in str(reason)
        assert "reordered" not in str(reason) and "name" not in str(reason)
    assert stored(hub) == 0


@pytest.mark.parametrize(("comment", "kind"), DISGUISED)
def test_the_desk_refuses_the_same_disguised_comments_before_they_leave(
    desk: Desk, comment: str, kind: str
) -> None:
    with pytest.raises(DeskError) as caught, desk.sessions.begin() as session:
        records.flag(session, "demo-spro-etm--ml-ouest-provence-cej", "other", comment)
    assert caught.value.params["kind"] == kind
    french = caught.value.text("fr")
    assert french.startswith("Commentaire refusé\u00a0: il semble contenir ")
    # The message itself is never turned round by the controls it quotes.
    assert not any(unicodedata.category(c) == "Cf" for c in french)


def test_guesses_sent_all_at_once_are_limited_as_those_sent_one_by_one(hub: Hub) -> None:
    _site_id, code = code_for(hub)
    together = threading.Barrier(30)

    def guess(n: int) -> int:
        body = {"code": f"GUES-{n:04d}", "desk_id": str(uuid.uuid4()), "desk_version": "1.0"}
        with httpx.Client(base_url=hub.url, timeout=60) as client:
            client.get("/api/v1/health")  # connected beforehand: the guesses leave together
            together.wait()
            return client.post("/api/v1/enrol", json=body).status_code

    with ThreadPoolExecutor(max_workers=30) as pool:
        statuses = list(pool.map(guess, range(30)))
    assert sorted(set(statuses)) == [403, 429]
    assert statuses.count(403) <= 10, statuses  # no more guesses than the limit allows
    # The right code then waits once ten guesses were spent (a guess turned away tried none).
    body = {"code": code, "desk_id": str(uuid.uuid4()), "desk_version": "1.0"}
    expected = 429 if statuses.count(403) == 10 else 200
    assert httpx.post(f"{hub.url}/api/v1/enrol", json=body).status_code == expected
