"""The hub answers a desk in the desk's language: the desk sends its ``ui.language`` as
``Accept-Language``, and what the agent reads of the hub (why a record was rejected, why a
request was refused) is in French or English to match. Real HTTP, the hub under uvicorn."""

from __future__ import annotations

import pytest
from sqlalchemy import update

from app.desk import Desk
from app.sync import run
from app.sync.client import HubClient
from app.sync.queue import quarantined
from core.errors import DeskError
from db.models import Contact
from tests.hub.conftest import Hub
from tests.hub.test_protocol import VISIT
from tests.hub.test_sync import enrolled


@pytest.fixture(autouse=True)
def no_keyring(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AIGUILLAGE_NO_KEYRING", "1")


REASONS = {
    "fr": "channel\u00a0: code «\u00a0teleportation\u00a0» absent des listes de la région",
    "en": "channel: code “teleportation” not in the region’s lists",
}


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_a_rejected_record_reads_in_the_desks_language(
    desk: Desk, hub: Hub, lang: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("AIGUILLAGE_LANG", raising=False)  # the desk's setting speaks
    desk.settings.set("ui.language", lang)
    assert desk.language == lang
    enrolled(desk, hub)
    record = desk.intake.save(VISIT)
    with desk.sessions.begin() as session:  # a code the region's lists never had
        session.execute(
            update(Contact).where(Contact.id == record.id).values(channel="teleportation")
        )
    summary = run.sync_once(desk)
    assert (summary.pushed, summary.rejected) == (0, 1)
    with desk.sessions() as session:
        (entry,) = quarantined(session)
    assert entry.reason == REASONS[lang]


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("fr", "Requête mal formée (adresse inconnue)."),
        ("en", "Malformed request (unknown address)."),
    ],
)
def test_a_refusal_of_the_hub_reads_in_the_desks_language(hub: Hub, lang: str, said: str) -> None:
    client = HubClient(hub.url, "a-token", lang=lang)
    try:
        with pytest.raises(DeskError) as refused:
            client._call("GET", "/no-such-address", None, {})
    finally:
        client.close()
    assert refused.value.params["message"] == said
