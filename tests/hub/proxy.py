"""A proxy between desk and hub that breaks things on purpose, one fault per request."""

from __future__ import annotations

import contextlib
import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import httpx

FAULTS = ("ok", "cut_before", "cut_after", "error502", "error503", "busy503", "twice", "stall")
BUSY_S = 3  # the Retry-After of a "busy503"


class _Handler(BaseHTTPRequestHandler):
    """Forwards one request to the proxy's target, with the proxy's next fault."""

    protocol_version = "HTTP/1.1"
    proxy: FaultyProxy  # set on the subclass each proxy serves with

    def log_message(self, *_args: object) -> None:
        pass

    def do_GET(self) -> None:
        # What the hub speaks is read untouched (every read when the proxy forwards
        # reads); the faults are the pushes'.
        if not (self.path.endswith("/protocol") or self.proxy.forward_reads):
            self.send_error(501)
            return
        headers = {k: v for k, v in self.headers.items() if k.lower() == "authorization"}
        answer = httpx.get(self.proxy.target + self.path, headers=headers)
        self._answer(answer.status_code, answer.content)

    def do_POST(self) -> None:
        proxy = self.proxy
        length = int(self.headers.get("Content-Length", "0"))
        body = self.rfile.read(length)
        fault = proxy.next_fault()
        headers = {
            k: v
            for k, v in self.headers.items()
            if k.lower() in ("content-type", "authorization", "aiguillage-protocol")
        }
        if fault == "cut_before":
            self._cut()
            return
        if fault == "busy503":  # the hub's own answer when it is too busy to store a push
            problem = b'{"code": "busy", "message": "Le hub est occup\\u00e9"}'
            self._answer(503, problem, {"Retry-After": str(BUSY_S)})
            return
        if fault in ("error502", "error503"):
            self._answer(int(fault[-3:]), b'{"detail": "proxy"}')
            return
        answer = httpx.post(proxy.target + self.path, content=body, headers=headers)
        if fault == "twice":
            answer = httpx.post(proxy.target + self.path, content=body, headers=headers)
        if fault == "cut_after":
            self._cut()
            return
        if fault == "stall":
            time.sleep(proxy.stall_s)
            self._cut()
            return
        self._answer(answer.status_code, answer.content)

    def _answer(self, status: int, content: bytes, headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(content)))
        self.end_headers()
        self.wfile.write(content)

    def _cut(self) -> None:
        with contextlib.suppress(OSError):
            self.connection.shutdown(socket.SHUT_RDWR)
        self.close_connection = True


class FaultyProxy:
    """Forwards to ``target``; each request takes the next fault of ``schedule`` (then
    "ok" once the schedule is used up)."""

    def __init__(self, target: str, stall_s: float = 1.5) -> None:
        self.target = target.rstrip("/")
        self.schedule: list[str] = []
        self.seen: list[str] = []
        self.stall_s = stall_s
        self.forward_reads = False
        self._lock = threading.Lock()
        handler = type("Handler", (_Handler,), {"proxy": self})
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def next_fault(self) -> str:
        with self._lock:
            fault = self.schedule.pop(0) if self.schedule else "ok"
            self.seen.append(fault)
            return fault

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()
