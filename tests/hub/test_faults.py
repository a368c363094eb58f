"""Faults between desk and hub (cut connections, 5xx, a request delivered twice, a stall),
drawn by hypothesis: in every case each record ends at the hub exactly once and the desk
with nothing pending. And hostile answers from a hub change nothing on the desk."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from app.desk import Desk
from app.sync import client as sync_client
from app.sync import run
from app.sync.queue import pending_count
from core.errors import DeskError
from db.models import Contact, Service, SyncState
from tests.hub.conftest import Hub
from tests.hub.proxy import FAULTS, FaultyProxy
from tests.hub.test_sync import VISIT, code_for, hub_records


@pytest.fixture
def proxy(hub: Hub) -> Iterator[FaultyProxy]:
    proxy = FaultyProxy(hub.url)
    yield proxy
    proxy.close()


@pytest.fixture
def quick(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AIGUILLAGE_NO_KEYRING", "1")
    # Short, for the stalls; not so short that a loaded machine's honest answer to 700
    # records counts as one.
    monkeypatch.setattr(sync_client, "TIMEOUT", httpx.Timeout(2.5, connect=2.5))


@settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    schedule=st.lists(st.sampled_from(FAULTS), min_size=1, max_size=6),
    new=st.integers(min_value=1, max_value=700),
)
def test_every_record_arrives_exactly_once_whatever_the_faults(
    desk: Desk, hub: Hub, proxy: FaultyProxy, quick: None, schedule: list[str], new: int
) -> None:
    if not desk.settings.get("hub.url"):
        _site, code = code_for(hub)
        run.enrol(desk, hub.url, code)
        desk.settings.set("hub.url", proxy.url)
        # The token was kept under the hub's own address: keep it under the proxy's too.
        from app.sync import credentials

        token = (desk.paths.data / "hub-token").read_text()
        credentials.save_token(desk.paths.data, run._account(desk), token)
    for _ in range(new):
        desk.intake.save(VISIT)
    proxy.schedule = list(schedule)
    for _attempt in range(len(schedule) * 3 + 3):
        try:
            summary = run.sync_once(desk)
        except sync_client.Transient:
            continue
        if summary.pending == 0:
            break
    with desk.sessions() as session:
        assert pending_count(session) == 0
        ids = set(session.scalars(select(Contact.id)))
    stored = [r.id for r in hub_records(hub, "contact")]
    assert len(stored) == len(set(stored)) == len(ids)
    assert set(stored) == ids


class HostileHub:
    """A server that answers every request with what it is given."""

    def __init__(self) -> None:
        self.status = 200
        self.body = b"{}"
        hostile = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *_args: object) -> None:
                pass

            def do_POST(self) -> None:
                self.rfile.read(int(self.headers.get("Content-Length", "0")))
                self.send_response(hostile.status)
                self.send_header("Content-Length", str(len(hostile.body)))
                self.end_headers()
                self.wfile.write(hostile.body)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()


@pytest.fixture(scope="module")
def hostile() -> Iterator[HostileHub]:
    server = HostileHub()
    yield server
    server.server.shutdown()


def _snapshot(desk: Desk) -> list[tuple[str, int, int]]:
    with desk.sessions() as session:
        rows = session.execute(select(Contact.id, Contact.version, Contact.synced_version))
        return sorted((row[0], row[1], row[2]) for row in rows)


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=20),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=12,
)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    status=st.sampled_from([200, 200, 200, 400, 401, 404, 413, 426, 500]),
    body=st.one_of(
        st.binary(max_size=200),
        json_values.map(lambda v: json.dumps(v).encode()),
        st.builds(
            lambda results: json.dumps({"results": results}).encode(),
            st.lists(
                st.fixed_dictionaries(
                    {
                        "kind": st.sampled_from(["contact", "flag", "x"]),
                        "id": st.text(max_size=40),
                        "version": st.integers(-2, 5),
                        "outcome": st.sampled_from(["accepted", "stale", "nope"]),
                    }
                ),
                max_size=3,
            ),
        ),
    ),
)
def test_hostile_answers_change_nothing_on_the_desk(
    desk: Desk, hostile: HostileHub, quick: None, status: int, body: bytes
) -> None:
    if not desk.settings.get("hub.url"):
        desk.settings.set("hub.url", hostile.url)
        desk.settings.set("desk.id", "00000000-0000-4000-8000-00000000000a")
        from app.sync import credentials

        credentials.save_token(desk.paths.data, run._account(desk), "t" * 43)
        for _ in range(3):
            desk.intake.save(VISIT)
    before = _snapshot(desk)
    hostile.status, hostile.body = status, body
    with pytest.raises(DeskError) as caught:
        run.sync_once(desk)
    assert caught.value.text("fr")
    assert _snapshot(desk) == before


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    body=st.one_of(
        json_values.map(lambda v: json.dumps(v).encode()),
        st.builds(
            lambda changes, cursor, more: json.dumps(
                {"changes": changes, "cursor": cursor, "more": more}
            ).encode(),
            st.lists(
                st.fixed_dictionaries(
                    {
                        "seq": st.integers(-3, 5),
                        "kind": st.sampled_from(["service", "structure", "nomenclature"]),
                        "id": st.text(min_size=1, max_size=30),
                        "deleted": st.booleans(),
                        "payload": st.dictionaries(
                            st.sampled_from(["nom", "id", "list", "code"]),
                            st.text(max_size=10),
                            max_size=3,
                        ),
                    }
                ),
                min_size=1,
                max_size=3,
            ),
            st.integers(-2, 6),
            st.booleans(),
        ),
    )
)
def test_hostile_directory_pages_change_nothing_on_the_desk(
    desk: Desk, hostile: HostileHub, quick: None, body: bytes
) -> None:
    if not desk.settings.get("hub.url"):
        desk.settings.set("hub.url", hostile.url)
        desk.settings.set("desk.id", "00000000-0000-4000-8000-00000000000b")
        from app.sync import credentials

        credentials.save_token(desk.paths.data, run._account(desk), "t" * 43)
    with desk.sessions() as session:
        before = sorted((s.id, s.nom, s.retired_at) for s in session.scalars(select(Service)))
        cursor = session.get(SyncState, "directory")
        session.expunge_all()
    hostile.status, hostile.body = 200, body
    try:
        summary = run.sync_once(desk)
    except DeskError as error:
        assert error.text("fr")
    else:  # only an empty, well-formed page may pass, and it changes nothing
        assert summary.pulled == 0
    with desk.sessions() as session:
        after = sorted((s.id, s.nom, s.retired_at) for s in session.scalars(select(Service)))
        assert after == before
        state = session.get(SyncState, "directory")
        assert (state.cursor if state else None) == (
            cursor.cursor if cursor else None
        ) or summary.pulled == 0
