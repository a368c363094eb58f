"""The hub's body limit counts a request body as it arrives: a body sent in pieces,
without a Content-Length, is cut off at the limit, never read whole."""

from __future__ import annotations

import asyncio
import json

from starlette.types import Message, Receive, Scope, Send

from core.wire import MAX_BODY_BYTES
from hub.api import UPLOAD_BYTES, BodyLimit

CHUNK = 100_000


def test_a_body_in_pieces_is_cut_off_at_the_limit_with_a_413() -> None:
    pieces = 3 * MAX_BODY_BYTES // CHUNK
    sent: list[Message] = []
    read = {"bytes": 0, "pieces_asked": 0}

    async def client() -> Message:
        read["pieces_asked"] += 1
        return {"type": "http.request", "body": b"y" * CHUNK, "more_body": True}

    async def reply(message: Message) -> None:
        sent.append(message)

    async def app(_scope: Scope, receive: Receive, send: Send) -> None:
        while True:  # reads as a route would, until the body ends or the client leaves
            message = await receive()
            if message["type"] == "http.disconnect":
                break
            read["bytes"] += len(message["body"])
        await send({"type": "http.response.start", "status": 400, "headers": []})
        await send({"type": "http.response.body", "body": b"too late"})

    scope: Scope = {"type": "http", "method": "POST", "path": "/api/v1/push", "headers": []}
    asyncio.run(BodyLimit(app)(scope, client, reply))

    assert read["pieces_asked"] <= MAX_BODY_BYTES // CHUNK + 1 < pieces
    assert read["bytes"] <= MAX_BODY_BYTES
    assert sent[0]["status"] == 413
    body = b"".join(m.get("body", b"") for m in sent[1:])
    assert json.loads(body)["code"] == "too_large"  # and the app's late answer dropped


def declared(path: str, length: int) -> tuple[int, bytes]:
    """What the limit answers a body that says it is ``length`` bytes long."""
    sent: list[Message] = []

    async def client() -> Message:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def reply(message: Message) -> None:
        sent.append(message)

    async def app(_scope: Scope, _receive: Receive, send: Send) -> None:
        await send({"type": "http.response.start", "status": 200, "headers": []})
        await send({"type": "http.response.body", "body": b"read"})

    headers = [(b"content-length", str(length).encode())]
    scope: Scope = {"type": "http", "method": "POST", "path": path, "headers": headers}
    asyncio.run(BodyLimit(app)(scope, client, reply))
    return int(sent[0]["status"]), b"".join(m.get("body", b"") for m in sent[1:])


def test_the_console_s_uploads_may_be_as_large_as_a_directory_file() -> None:
    large = 10 * 2**20
    assert declared("/console/directory/import", large)[0] == 200
    assert declared("/console/listes/import", large)[0] == 200
    status, body = declared("/console/sites", large)  # any other console form: 2 MB
    assert status == 413 and "2\u00a0Mo au plus" in body.decode()
    status, body = declared("/console/directory/import", UPLOAD_BYTES + 1)
    assert status == 413 and "Envoi trop volumineux\u00a0: 51\u00a0Mo au plus" in body.decode()
    assert declared("/api/v1/push", large)[0] == 413
