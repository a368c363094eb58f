"""A second look at the hub's border, over HTTP to the hub under uvicorn on PostgreSQL: what
an attacker or a privacy reviewer tried after the border was built, each hole found closed."""

from __future__ import annotations

import uuid

import httpx
import pytest

from app.desk import Desk
from app.errors import DeskError
from app.sync import run
from app.sync.client import Transient
from hub.api import RATE_LIMIT
from tests.hub.conftest import Hub
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
