"""Enrolment at the hub's border, over HTTP to the hub under uvicorn on PostgreSQL: a used
code never gives a token again but for the bounded retry of a lost answer, a code touches
only its own site's desks, refusals all read alike, guessing is slowed per address, codes
are kept under a keyed hash, and the API's description is off by default."""

from __future__ import annotations

import hashlib
import hmac
import os
import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta
from pathlib import Path

import httpx
import pytest
import uvicorn
from sqlalchemy import select, update
from sqlalchemy.orm import sessionmaker

from hub import service
from hub.api import create_app
from hub.localpg import free_port
from hub.models import EnrolCode, SiteToken
from tests.hub.conftest import Hub
from tests.hub.test_sync import code_for

REFUSAL = "Ce code d’inscription n’est pas ou plus valable\u00a0: demandez un nouveau code"


def enrol(url: str, code: str, desk_id: str) -> httpx.Response:
    body = {"code": code, "desk_id": desk_id, "desk_version": "1.0"}
    return httpx.post(f"{url}/api/v1/enrol", json=body, timeout=30)


def works(hub: Hub, token: str) -> bool:
    """Whether the hub serves a desk holding that token."""
    answer = httpx.get(
        f"{hub.url}/api/v1/changes", headers={"Authorization": f"Bearer {token}"}, timeout=30
    )
    return answer.status_code == 200


def live_tokens(hub: Hub, site_id: str) -> int:
    with sessionmaker(hub.engine)() as session:
        rows = session.scalars(
            select(SiteToken).where(SiteToken.site_id == site_id, SiteToken.revoked_at.is_(None))
        )
        return len(list(rows))


def age_codes(hub: Hub, **moved: timedelta) -> None:
    """Move every code's first use (``used_at``) or expiry (``expires_at``) back in time."""
    with sessionmaker(hub.engine).begin() as session:
        for column, delta in moved.items():
            field = getattr(EnrolCode, column)
            session.execute(update(EnrolCode).values({field: field - delta}))


def refused_alike(answer: httpx.Response) -> None:
    assert answer.status_code == 403, answer.text
    assert answer.json()["code"] == "bad_code"
    assert answer.json()["message"].startswith(REFUSAL)


def test_a_revoked_desk_never_gets_a_token_again_from_its_old_code(hub: Hub) -> None:
    site_id, code = code_for(hub)
    desk = str(uuid.uuid4())
    assert enrol(hub.url, code, desk).status_code == 200
    with sessionmaker(hub.engine).begin() as session:
        service.revoke(session, site_id)
    refused_alike(enrol(hub.url, code, desk))
    # Weeks later, the code long expired: still nothing.
    age_codes(hub, used_at=timedelta(days=30), expires_at=timedelta(days=30))
    refused_alike(enrol(hub.url, code, desk))
    assert live_tokens(hub, site_id) == 0


def test_the_retry_of_a_lost_answer_is_bounded(hub: Hub) -> None:
    site_id, code = code_for(hub)
    desk = str(uuid.uuid4())
    first = enrol(hub.url, code, desk).json()["token"]
    # The answer was lost: the same desk sends the code again and gets a token that works,
    # in place of the one it never received.
    again = enrol(hub.url, code.lower().replace("-", ""), desk)
    assert again.status_code == 200
    assert works(hub, again.json()["token"]) and not works(hub, first)
    assert live_tokens(hub, site_id) == 1
    # Sixteen minutes after first use, the retry is over.
    age_codes(hub, used_at=timedelta(minutes=16))
    refused_alike(enrol(hub.url, code, desk))
    assert works(hub, again.json()["token"])

    # Within the window, but the coordination revoked that one desk meanwhile.
    site_id, code = code_for(hub, "Espace Métiers de Salon")
    desk = str(uuid.uuid4())
    assert enrol(hub.url, code, desk).status_code == 200
    with sessionmaker(hub.engine).begin() as session:
        service.revoke(session, site_id, desk)
    refused_alike(enrol(hub.url, code, desk))
    assert live_tokens(hub, site_id) == 0

    # Within the window, but the code has expired.
    site_id, code = code_for(hub, "PIJ de Miramas")
    desk = str(uuid.uuid4())
    assert enrol(hub.url, code, desk).status_code == 200
    age_codes(hub, expires_at=timedelta(days=8))
    refused_alike(enrol(hub.url, code, desk))


def test_a_code_only_touches_desks_of_its_own_site(hub: Hub) -> None:
    site_a, code_a = code_for(hub, "CIO d’Arles")
    desk = str(uuid.uuid4())
    token_a = enrol(hub.url, code_a, desk).json()["token"]
    site_b, code_b = code_for(hub, "Mission locale d’Istres")
    # Site B's code, sent twice with site A's desk id: refused both times.
    refused_alike(enrol(hub.url, code_b, desk))
    refused_alike(enrol(hub.url, code_b, desk))
    assert works(hub, token_a) and live_tokens(hub, site_a) == 1
    assert live_tokens(hub, site_b) == 0
    # The code was not spent: a desk of site B still enrols with it.
    assert enrol(hub.url, code_b, str(uuid.uuid4())).json()["site_id"] == site_b


def test_unknown_used_and_expired_codes_get_the_same_answer(hub: Hub) -> None:
    _site, used = code_for(hub)
    assert enrol(hub.url, used, str(uuid.uuid4())).status_code == 200
    _site, expired = code_for(hub, "Cité des métiers")
    with sessionmaker(hub.engine).begin() as session:
        session.execute(
            update(EnrolCode)
            .where(EnrolCode.used_at.is_(None))
            .values(expires_at=service.now() - timedelta(minutes=1))
        )
    answers = [enrol(hub.url, c, str(uuid.uuid4())) for c in ("ZZZZ-ZZZZ", used, expired)]
    assert len({(a.status_code, a.text) for a in answers}) == 1
    refused_alike(answers[0])


@contextmanager
def another_hub_process(hub: Hub) -> Iterator[str]:
    """A second hub process on the same database (as behind a load balancer); its URL."""
    port = free_port()
    server = uvicorn.Server(
        uvicorn.Config(create_app(hub.engine), host="127.0.0.1", port=port, log_level="warning")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


def test_guessing_codes_is_slowed_per_address_across_hub_processes(hub: Hub) -> None:
    site_id, code = code_for(hub)
    with another_hub_process(hub) as other:
        for n in range(10):  # a few wrong codes, by turns to either process
            refused_alike(enrol(hub.url if n % 2 else other, f"GUES-S{n:03d}", str(uuid.uuid4())))
        for url in (hub.url, other):
            # Even the right code waits: the guesser cannot tell which one was right.
            answer = enrol(url, code, str(uuid.uuid4()))
            assert answer.status_code == 429
            assert answer.json() == {
                "code": "too_many",
                "message": "Trop d’essais d’inscription depuis cette adresse\u00a0: réessayez"
                " dans un quart d’heure.",
            }
    assert live_tokens(hub, site_id) == 0
    # A quarter of an hour later, the address may try again (and old attempts are purged).
    with sessionmaker(hub.engine).begin() as session:
        from hub.models import EnrolAttempt

        session.execute(update(EnrolAttempt).values(at=EnrolAttempt.at - timedelta(minutes=16)))
    assert enrol(hub.url, code, str(uuid.uuid4())).status_code == 200


def test_codes_are_kept_under_a_keyed_hash_and_older_codes_still_work(hub: Hub) -> None:
    site_id, code = code_for(hub)
    raw = code.replace("-", "")
    with sessionmaker(hub.engine)() as session:
        stored = session.scalars(select(EnrolCode.code_hash)).one()
    assert stored != hashlib.sha256(raw.encode()).hexdigest()
    key = os.environ["AIGUILLAGE_HUB_SECRET"].encode()
    assert stored == hmac.new(key, raw.encode(), hashlib.sha256).hexdigest()
    # A code made before codes were keyed (a bare SHA-256) still enrols its desk.
    with sessionmaker(hub.engine).begin() as session:
        session.add(
            EnrolCode(
                code_hash=hashlib.sha256(b"ABCD2345").hexdigest(), site_id=site_id,
                created_at=service.now(), expires_at=service.now() + timedelta(days=1),
            )
        )  # fmt: skip
    assert enrol(hub.url, "ABCD-2345", str(uuid.uuid4())).json()["site_id"] == site_id


def test_without_a_secret_the_hub_makes_one_readable_by_itself_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from hub.config import secret_key

    monkeypatch.delenv("AIGUILLAGE_HUB_SECRET")
    monkeypatch.setenv("AIGUILLAGE_HUB_HOME", str(tmp_path))
    first = secret_key()
    assert len(first) == 64 and secret_key() == first
    assert (tmp_path / "hub-secret").stat().st_mode & 0o777 == 0o600
    assert [p.name for p in tmp_path.iterdir()] == ["hub-secret"]


def test_the_api_description_is_off_unless_a_setting_turns_it_on(
    hub: Hub, monkeypatch: pytest.MonkeyPatch
) -> None:
    pages = ("/docs", "/redoc", "/openapi.json")
    assert [httpx.get(hub.url + p).status_code for p in pages] == [404, 404, 404]
    monkeypatch.setenv("AIGUILLAGE_HUB_DOCS", "1")
    with another_hub_process(hub) as other:
        assert [httpx.get(other + p).status_code for p in pages] == [200, 200, 200]
