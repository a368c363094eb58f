"""The coordinators' accounts over real HTTP (the hub under uvicorn, on PostgreSQL) and
through the ``aiguillage-hub user`` commands: a login flood that leaves desks served, the
slowing of a login guessed from many addresses, and accounts listed, disabled, enabled and
given a new password, whose open sessions end."""

from __future__ import annotations

import io
import json
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from datetime import date
from typing import Literal

import httpx
import pytest
from argon2 import PasswordHasher
from sqlalchemy import Engine, delete, func, select
from sqlalchemy.orm import Session

from hub import cli, service
from hub.config import make_engine
from hub.console import accounts as console_accounts
from hub.console import auth
from hub.models import Coordinator, LoginAttempt
from tests.hub.conftest import Hub
from tests.hub.console_kit import PASSWORD, log_in

WRONG = "Identifiant ou mot de passe incorrect."
Run = Callable[..., tuple[int, str, str]]  # argv, stdin= -> exit code, stdout, stderr


def attempts(engine: Engine) -> int:
    with Session(engine) as session:
        return int(session.scalar(select(func.count()).select_from(LoginAttempt)) or 0)


class Held(PasswordHasher):
    """Argon2 whose checks wait until the test lets them go."""

    def __init__(self) -> None:
        super().__init__()
        self.release = threading.Event()

    def verify(self, hash: str | bytes, password: str | bytes) -> Literal[True]:
        assert self.release.wait(60), "never released"
        return super().verify(hash, password)


def test_a_login_flood_leaves_desks_served(
    hub: Hub, hub_url_db: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    held = Held()
    monkeypatch.setattr(auth, "_hasher", held)
    monkeypatch.setattr(auth, "pause", _no_pause, raising=False)
    with Session(hub.engine) as session, session.begin():
        site = service.add_site(session, "CIO d’Arles")
        code, _expires = service.new_enrol_code(session, site.id)
    token = httpx.post(
        f"{hub.url}/api/v1/enrol",
        json={"code": code, "desk_id": "00000000-0000-4000-8000-000000000017",
              "desk_version": "1"},
    ).json()["token"]  # fmt: skip

    flood = 60  # more than the 40 threads FastAPI's sync routes share

    def guess(n: int) -> int:
        # Each from its own address (behind the proxy) and for its own login, so that no
        # lock or backoff spares the password check: every one of them waits in it.
        address = f"198.51.100.{n + 1}"
        with httpx.Client(
            base_url=hub.url, timeout=90, headers={"X-Forwarded-For": address}
        ) as client:
            return log_in(client, f"devine{n}", "une devinette").status_code

    pool = ThreadPoolExecutor(max_workers=flood)
    watcher = make_engine(hub_url_db)  # the test's own connections, not the hub's
    try:
        logins: list[Future[int]] = [pool.submit(guess, n) for n in range(flood)]
        deadline = time.monotonic() + 10
        while attempts(watcher) < flood and time.monotonic() < deadline:
            time.sleep(0.05)
        record = {
            "kind": "contact", "id": "5b1e0f4e-3c55-4d8e-9a55-2f0c0a1b1717", "version": 1,
            "payload": {"day": date.today().isoformat(), "channel": "sur-place",
                        "public": "salarie", "age": "26-44", "gender": "homme",
                        "commune": "13004", "themes": ["vae"], "answers": ["information"]},
        }  # fmt: skip
        headers = {"Authorization": f"Bearer {token}"}
        health = httpx.get(f"{hub.url}/api/v1/health", timeout=10)
        pushed = httpx.post(
            f"{hub.url}/api/v1/push", json={"records": [record]}, headers=headers, timeout=10
        )
        waiting = sum(not f.done() for f in logins)
        assert health.status_code == 200 and health.json()["status"] == "ok"
        assert pushed.status_code == 200
        assert [r["outcome"] for r in pushed.json()["results"]] == ["accepted"]
        assert waiting == flood  # the desk was served while every login still waited
        assert attempts(watcher) == flood
    finally:
        held.release.set()
        codes = [f.result(timeout=60) for f in logins]
        pool.shutdown()
        watcher.dispose()
    assert codes == [401] * flood


async def _no_pause(_seconds: float) -> None:
    return None


@pytest.fixture
def waits(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[float]]:
    """The login's pauses, recorded instead of slept."""
    seen: list[float] = []

    async def record(seconds: float) -> None:
        seen.append(seconds)

    monkeypatch.setattr(auth, "pause", record, raising=False)
    yield seen


def test_a_login_guessed_from_many_addresses_slows_down_but_stays_open(
    hub: Hub, coordinator: str, waits: list[float]
) -> None:
    def attempt(address: str, password: str) -> tuple[int, list[float]]:
        waits.clear()
        with httpx.Client(
            base_url=hub.url, headers={"X-Forwarded-For": address}, timeout=30
        ) as client:
            return log_in(client, coordinator, password).status_code, list(waits)

    # Under the per-address lock (3 failures from each address), and yet the account
    # adds them up: past 10 failures, every attempt waits before its check, the
    # wait doubling up to its cap.
    before_check: list[float] = []
    for n in range(18):
        status, seen = attempt(f"203.0.113.{n // 3 + 1}", f"devinette {n}")
        assert status == 401
        refusal = 1.0 + 0.25 * (n % 3)  # the pause before « incorrect »
        if n < 10:
            assert seen in ([refusal], []), n  # no wait before the check yet
        else:
            assert len(seen) == 2 and seen[1] == refusal, n
            before_check.append(seen[0])
    assert before_check == [1.0, 2.0, 4.0, 8.0, 16.0, 30.0, 30.0, 30.0]
    # The coordinator, from the office: waits as long, but gets in (no lock for good).
    status, seen = attempt("192.0.2.10", PASSWORD)
    assert (status, seen) == (303, [30.0])
    # Their success does not clear what the guesses from elsewhere counted.
    status, seen = attempt("203.0.113.50", "encore une")
    assert status == 401 and seen[0] == 30.0
    # Another account is not slowed by them.
    with Session(hub.engine) as session, session.begin():
        console_accounts.add_coordinator(session, "paul.r", "Paul Roux", PASSWORD)
    waits.clear()
    with httpx.Client(base_url=hub.url, headers={"X-Forwarded-For": "192.0.2.11"}) as c:
        assert log_in(c, "paul.r").status_code == 303
    assert waits == []


# --- the user commands ----------------------------------------------------------------


@pytest.fixture
def hub_cli(
    hub: Hub, hub_url_db: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> Iterator[Run]:
    monkeypatch.setenv("AIGUILLAGE_HUB_DATABASE_URL", hub_url_db)

    def run(*argv: str, stdin: str = "") -> tuple[int, str, str]:
        capsys.readouterr()
        monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
        code = cli.main(list(argv))
        out, err = capsys.readouterr()
        return code, out, err

    yield run


def accounts(hub: Hub) -> list[tuple[str, str, str, bool]]:
    with Session(hub.engine) as session:
        return [
            (c.login, c.name, c.password_hash, c.disabled_at is None)
            for c in session.scalars(select(Coordinator).order_by(Coordinator.login))
        ]


def test_accounts_are_listed_with_their_state_and_last_login(
    hub: Hub, coordinator: str, browser: httpx.Client, hub_cli: Run
) -> None:
    run = hub_cli
    code, out, _err = run("user", "list", "--json")
    assert code == 0
    (row,) = json.loads(out)["users"]
    assert (row["login"], row["name"], row["state"], row["last_login"]) == (
        "claire.m", "Claire Martin", "actif", None,
    )  # fmt: skip
    assert row["created"][:10] == date.today().isoformat()
    assert log_in(browser, coordinator).status_code == 303
    assert run("user", "disable", "claire.m")[0] == 0
    code, out, _err = run("user", "list", "--json")
    (row,) = json.loads(out)["users"]
    assert row["state"] == "désactivé" and row["last_login"] is not None
    code, out, _err = run("user", "list")
    assert code == 0 and "claire.m" in out and "Claire Martin" in out and "désactivé" in out
    assert "dernière connexion le " in out
    # Kept with the account, not read off sessions, which go 30 hours after they began.
    from hub.models import ConsoleSession

    with Session(hub.engine) as session, session.begin():
        session.execute(delete(ConsoleSession))
    (row,) = json.loads(run("user", "list", "--json")[1])["users"]
    assert row["last_login"] is not None


def test_a_disabled_account_is_shut_out_and_its_sessions_end(
    hub: Hub, coordinator: str, browser: httpx.Client, hub_cli: Run, waits: list[float]
) -> None:
    run = hub_cli
    assert log_in(browser, coordinator).status_code == 303
    assert browser.get("/console/sites").status_code == 200
    code, out, _err = run("user", "disable", "claire.m")
    assert code == 0 and "Compte désactivé\u00a0: claire.m" in out
    assert out.count("\n") == 1 and "1 session" in out
    answer = browser.get("/console/sites")
    assert answer.status_code == 303 and answer.headers["location"].startswith("/console/login")
    # The right password is refused as a wrong one: it says nothing of the account.
    with httpx.Client(base_url=hub.url) as other:
        refused = log_in(other, coordinator)
    assert refused.status_code == 401 and WRONG in refused.text
    # Enabled again: a new login works, and the session the disabling ended stays ended.
    code, out, _err = run("user", "enable", "claire.m", "--json")
    assert code == 0 and json.loads(out) == {"login": "claire.m", "state": "actif"}
    assert browser.get("/console/sites").status_code == 303
    with httpx.Client(base_url=hub.url, follow_redirects=False) as again:
        assert log_in(again, coordinator).status_code == 303
        assert again.get("/console/sites").status_code == 200


def test_a_new_password_ends_the_sessions_and_the_old_one_stops_working(
    hub: Hub, coordinator: str, browser: httpx.Client, hub_cli: Run, waits: list[float]
) -> None:
    run = hub_cli
    assert log_in(browser, coordinator).status_code == 303
    new = "un tout autre mot de passe"
    code, out, err = run(
        "user", "password", "claire.m", "--password-stdin", "--json", stdin=new + "\n"
    )
    assert code == 0, err
    assert json.loads(out) == {"login": "claire.m", "sessions_ended": 1}
    assert browser.get("/console/sites").status_code == 303
    with httpx.Client(base_url=hub.url, follow_redirects=False) as other:
        assert log_in(other, coordinator).status_code == 401
        assert log_in(other, coordinator, new).status_code == 303


def test_every_bad_user_command_says_why_and_changes_nothing(
    hub: Hub, coordinator: str, hub_cli: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    run = hub_cli
    before = accounts(hub)
    for argv, stdin, message in [
        (("user", "disable", "personne"), "", "Compte inconnu\u00a0: personne."),
        (("user", "enable", "personne"), "", "Compte inconnu\u00a0: personne."),
        (("user", "enable", "claire.m"), "", "Le compte «\u00a0claire.m\u00a0» est déjà actif."),
        (("user", "password", "personne", "--password-stdin"), PASSWORD + "\n",
         "Compte inconnu\u00a0: personne."),
        (("user", "password", "claire.m", "--password-stdin"), "court\n",
         "Mot de passe trop court\u00a0: 12 caractères au moins."),
        (("user", "password", "claire.m", "--password-stdin"), " " + PASSWORD + "\n",
         "Mot de passe refusé\u00a0: espaces au bord, ou égal à l’identifiant."),
        (("user", "password", "claire.m", "--password-stdin"), "", "Mot de passe trop court"),
    ]:  # fmt: skip
        code, out, err = run(*argv, stdin=stdin)
        assert (code, out) == (1, ""), argv
        assert err.count("\n") == 1 and message in err, (argv, err)
        assert accounts(hub) == before, argv
    # Typed at the prompt: the two must agree.
    typed = iter(["un mot de passe long", "un autre mot de passe"])
    monkeypatch.setattr("getpass.getpass", lambda _prompt="": next(typed))
    code, _out, err = run("user", "password", "claire.m")
    assert code == 1 and "Les deux mots de passe diffèrent." in err
    assert run("user", "disable", "claire.m")[0] == 0
    code, _out, err = run("user", "disable", "claire.m")
    assert code == 1 and "Le compte «\u00a0claire.m\u00a0» est déjà désactivé." in err
