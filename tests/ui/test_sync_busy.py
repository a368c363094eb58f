"""A hub that answers 503 Busy with ``Retry-After``: the status bar says it is busy and when
the desk asks again, not that it cannot be reached."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

import app.sync.client
from app.desk import Desk
from ui.main_window import MainWindow


class BusyServer(ThreadingHTTPServer):
    asked: list[str]


class BusyHub(BaseHTTPRequestHandler):
    """Every request answered 503 with ``Retry-After: 30``, as a hub past its places does."""

    server: BusyServer

    def _busy(self) -> None:
        self.server.asked.append(self.path)
        length = int(self.headers.get("Content-Length") or 0)
        self.rfile.read(length)
        body = b'{"detail": "busy"}'
        self.send_response(503)
        self.send_header("Retry-After", "30")
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_GET = do_POST = _busy

    def log_message(self, format: str, *args: object) -> None:
        pass


@contextmanager
def busy_hub() -> Iterator[tuple[str, list[str]]]:
    """A hub on loopback that is always busy: its address, and the paths it was asked."""
    server = BusyServer(("127.0.0.1", 0), BusyHub)
    server.asked = []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", server.asked
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def test_a_busy_hub_is_said_busy_with_the_time_the_desk_asks_again(
    qtbot: QtBot, window: MainWindow, desk: Desk, home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("AIGUILLAGE_NO_KEYRING", "1")
    waits: list[float] = []
    # The client's waits between its tries in place are counted, not slept through.
    monkeypatch.setattr(app.sync.client, "pause", waits.append)
    with busy_hub() as (url, asked):
        desk.settings.set("hub.url", url)
        desk.settings.set("desk.id", "desk-busy")
        (home / "hub-token").write_text("site-token", encoding="utf-8")
        scheduler = window.sync.scheduler
        with qtbot.waitSignal(scheduler.sig_state, timeout=30_000):
            scheduler.sync_now()
    # Asked in place as often as the client does, each time after the wait the hub asked.
    assert len(asked) == app.sync.client.BUSY_TRIES and waits == [30] * (len(asked) - 1)
    # The desk's clock says 10:15:00; the hub asked for 30 seconds.
    assert window.sync_state.text() == "Hub occupé, nouvel essai à 10:15:30"
    assert window.sync_state.toolTip() == (
        "Le hub régional est occupé\u202f; nouvel essai dans 30\u00a0s, rien n’est perdu."
    )
    # And it does ask again then: the retry timer runs for the 30 seconds the hub asked for.
    assert scheduler.timer.isActive() and scheduler.timer.interval() == 30_000
