"""What the console's tests share: logging in, reading a page as a reader does, the demo
directory on the hub, and records pushed as desks push them."""

from __future__ import annotations

import html
import re
import uuid
from pathlib import Path
from typing import Any

import httpx
from sqlalchemy.orm import Session

from core.resources import resource
from core.wire import PushRecord
from hub import directory, push_store, service
from hub.models import Site
from tests.hub.conftest import Hub

PASSWORD = "le comptoir d’Istres 2026"
DEMO = Path(resource("demo"))
SERVICE = "demo-spro-etm--ml-ouest-provence-accompagnement-16-25"
STRUCTURE = "demo-spro-etm--ml-ouest-provence"


def log_in(client: httpx.Client, login: str, password: str = PASSWORD) -> httpx.Response:
    form = client.get("/console/login")
    token = re.search(r'name="form_token" value="([^"]+)"', form.text)
    assert token is not None
    return client.post(
        "/console/login",
        data={"login": login, "password": password, "form_token": token.group(1), "next": ""},
    )


def csrf_of(page: httpx.Response) -> str:
    found = re.search(r'name="csrf" value="([^"]+)"', page.text)
    assert found is not None
    return found.group(1)


def text_of(page: httpx.Response) -> str:
    """The page's words as a reader sees them: no tags, entities read, spaces collapsed
    (a no-break space stays one)."""
    plain = html.unescape(re.sub(r"<[^>]+>", " ", page.text))
    return re.sub(r"[ \t\r\n]+", " ", plain).strip()


def import_demo(hub: Hub) -> None:
    with Session(hub.engine) as session, session.begin():
        directory.import_directory(session, hub.engine, DEMO)


DESK = "0d0d0d0d-0000-4000-8000-000000000001"


def push(
    hub: Hub, site_name: str, kind: str, payloads: list[dict[str, Any]], desk: str = DESK,
    ids: list[str] | None = None, version: int = 1,
) -> list[str]:  # fmt: skip
    """Records pushed by ``desk`` of ``site_name`` (the site made if need be); their ids
    (new ones, unless ``ids`` names records to push again at ``version``)."""
    ids = ids or [str(uuid.uuid4()) for _ in payloads]
    with Session(hub.engine) as session, session.begin():
        site_id = service.slugify(site_name)
        site = session.get(Site, site_id) or service.add_site(session, site_name)
        session.flush()
        records = [
            PushRecord(kind=kind, id=i, version=version, payload=p)  # type: ignore[arg-type]
            for i, p in zip(ids, payloads, strict=True)
        ]
        results = push_store.store_push(session, hub.engine, site, records, desk=desk)
        assert {r.outcome for r in results} == {"accepted"}
    return ids


def visit(
    public: str, commune: str, themes: list[str], day: str = "2026-11-18", **more: Any
) -> dict[str, Any]:
    return {"day": day, "channel": "sur-place", "public": public, "age": "16-25",
            "gender": "femme", "commune": commune, "themes": themes,
            "answers": ["information"], **more}  # fmt: skip
