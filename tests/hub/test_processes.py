"""Several hub processes on one database: ``serve --workers N`` forks them, and two hubs
behind Debian's nginx share what must be shared (login locks, rate limits, sessions)
through PostgreSQL, whichever process a request reaches."""

from __future__ import annotations

import re
import time
from collections.abc import Iterator

import httpx
import pytest
from sqlalchemy.orm import Session

from hub import service
from hub.api import RATE_LIMIT
from hub.config import make_engine
from hub.console import accounts, auth
from tests.hub.console_kit import PASSWORD, csrf_of, log_in
from tests.hub.processes import children, command_line, hub_process, nginx


def test_serve_with_two_workers_runs_two_processes_that_answer(hub_url_db: str) -> None:
    with hub_process(hub_url_db, workers=2) as (url, pid):
        deadline = time.monotonic() + 30
        workers: list[int] = []
        while len(workers) < 2 and time.monotonic() < deadline:
            workers = [p for p in children(pid) if "spawn_main" in command_line(p)]
            time.sleep(0.05)  # the second worker starting
        assert len(workers) == 2
        answers = [httpx.get(f"{url}/api/v1/health").json()["status"] for _ in range(6)]
        assert answers == ["ok"] * 6


def post_login(browser: httpx.Client, form: httpx.Response, password: str) -> httpx.Response:
    token = re.search(r'name="form_token" value="([^"]+)"', form.text)
    assert token is not None
    sent = {"login": "claire.m", "password": password, "form_token": token.group(1)}
    return browser.post("/console/login", data=sent)


@pytest.fixture
def two_hubs(hub_url_db: str) -> Iterator[tuple[str, str, str]]:
    """Two hub processes on one database, and nginx in front of them: the addresses of
    nginx and of each hub."""
    engine = make_engine(hub_url_db)
    with Session(engine) as session, session.begin():
        accounts.add_coordinator(session, "claire.m", "Claire Martin", PASSWORD)
    engine.dispose()
    with (
        hub_process(hub_url_db) as (first, _),
        hub_process(hub_url_db) as (second, _),
        nginx([first, second]) as proxy,
    ):
        yield proxy, first, second


def test_wrong_passwords_sent_to_both_processes_lock_the_login(
    two_hubs: tuple[str, str, str],
) -> None:
    proxy, first, second = two_hubs
    served = set()
    with httpx.Client(base_url=proxy, follow_redirects=False, timeout=30) as browser:
        form = browser.get("/console/login")
        for _ in range(auth.FAILURES_ALLOWED):
            # Each refusal's page holds the next form: the posts go to each hub in turn.
            form = post_login(browser, form, "pas le bon mot de passe")
            assert form.status_code == 401
            served.add(form.headers["X-Upstream"])
        # Each process saw only some of the failures; together they lock the login, even
        # to the right password.
        locked = post_login(browser, form, PASSWORD)
    assert served == {first.removeprefix("http://"), second.removeprefix("http://")}
    assert locked.status_code == 429 and "bloquée un quart d’heure" in locked.text
    assert "aiguillage_console" not in locked.cookies


def test_a_session_opened_by_one_process_is_good_on_the_other(
    two_hubs: tuple[str, str, str],
) -> None:
    _proxy, first, second = two_hubs
    with httpx.Client(base_url=first, follow_redirects=False, timeout=30) as browser:
        assert log_in(browser, "claire.m").status_code == 303
        cookie = browser.cookies["aiguillage_console"]
    jar = {"aiguillage_console": cookie}
    with httpx.Client(base_url=second, follow_redirects=False, timeout=30, cookies=jar) as other:
        page = other.get("/console/sites")
        assert page.status_code == 200 and "Claire Martin" in page.text
        assert other.post("/console/logout", data={"csrf": csrf_of(page)}).status_code == 303
    with httpx.Client(base_url=first, follow_redirects=False, timeout=30, cookies=jar) as browser:
        assert browser.get("/console/sites").status_code == 303  # out on one, out on both


def test_a_tokens_rate_limit_is_reached_through_both_processes(
    two_hubs: tuple[str, str, str], hub_url_db: str
) -> None:
    proxy, first, second = two_hubs
    engine = make_engine(hub_url_db)
    with Session(engine) as session, session.begin():
        site = service.add_site(session, "Mission locale d’Istres")
        code, _ = service.new_enrol_code(session, site.id)
        _site, token = service.enrol(session, code, "desk-1", "test")
    engine.dispose()
    served = set()
    with httpx.Client(
        base_url=proxy, headers={"Authorization": f"Bearer {token}"}, timeout=30
    ) as desk:
        # Until turned away: the limit is a sliding minute, so a loop slowed across a
        # minute's turn needs a few more than the limit (never twice as many).
        answered = 0
        for _ in range(2 * RATE_LIMIT):
            answer = desk.get("/api/v1/changes")
            if answer.status_code != 200:
                break
            answered += 1
            served.add(answer.headers["X-Upstream"])
    assert served == {first.removeprefix("http://"), second.removeprefix("http://")}
    assert answered >= RATE_LIMIT  # not turned away before the limit
    assert answer.status_code == 429 and answer.json()["code"] == "too_many"
