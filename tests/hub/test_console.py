"""The coordinators' console over real HTTP (the hub under uvicorn, on PostgreSQL):
logging in, sessions, CSRF, and the sites with their desks and codes."""

from __future__ import annotations

import re
import subprocess
import sys
import time
from datetime import timedelta

import httpx
import pytest
from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from hub.console import auth
from hub.models import ConsoleSession, EnrolCode, Site
from hub.service import now
from tests.hub.conftest import Hub
from tests.hub.console_kit import PASSWORD, csrf_of, log_in


def sites_count(hub: Hub) -> int:
    with Session(hub.engine) as session:
        return int(session.scalar(select(func.count()).select_from(Site)) or 0)


PAGES = ["/console", "/console/", "/console/sites", "/console/sites/un-site"]
FORMS = [
    "/console/sites",
    "/console/sites/un-site/codes",
    "/console/sites/un-site/desks/d1/revoke",
    "/console/logout",
]


def test_no_page_and_no_form_without_a_session(browser: httpx.Client, hub: Hub) -> None:
    with Session(hub.engine) as session, session.begin():
        session.add(Site(id="un-site", name="Un site", created_at=now()))
    for path in PAGES:
        answer = browser.get(path)
        assert answer.status_code == 303, path
        assert answer.headers["location"].startswith("/console/login?next=")
    for path in FORMS:
        answer = browser.post(path, data={"name": "Intrus", "csrf": "x"})
        assert answer.status_code == 403, path
        assert "Votre session a pris fin" in answer.text
    # A made-up cookie is no session either.
    browser.cookies.set("aiguillage_console", "devine", path="/console")
    assert browser.get("/console/sites").status_code == 303
    assert sites_count(hub) == 1
    assert [c.code_hash for c in Session(hub.engine).scalars(select(EnrolCode))] == []


def test_a_coordinator_logs_in_adds_a_site_and_makes_a_code(
    browser: httpx.Client, hub: Hub, coordinator: str
) -> None:
    answer = log_in(browser, coordinator)
    assert answer.status_code == 303 and answer.headers["location"] == "/console/sites"
    (cookie,) = [
        c for c in answer.headers.get_list("set-cookie") if c.startswith("aiguillage_console=")
    ]
    assert "HttpOnly" in cookie and "SameSite=strict" in cookie and "Path=/console" in cookie
    assert "Secure" not in cookie  # plain HTTP on loopback: a Secure cookie would never return
    sites = browser.get("/console/sites")
    assert "Claire Martin" in sites.text and "Aucun site pour l’instant" in sites.text
    assert sites.headers["x-frame-options"] == "DENY"
    assert "default-src 'none'" in sites.headers["content-security-policy"]
    added = browser.post(
        "/console/sites", data={"name": "  Cité des  métiers d’Istres ", "csrf": csrf_of(sites)}
    )
    assert added.status_code == 303
    site_page = browser.get(added.headers["location"])
    assert "<h1>Cité des métiers d’Istres</h1>" in site_page.text
    assert "Site créé." in site_page.text and "Aucun poste inscrit." in site_page.text
    code_page = browser.post(
        "/console/sites/cite-des-metiers-d-istres/codes", data={"csrf": csrf_of(site_page)}
    )
    assert code_page.status_code == 200
    code = re.search(r'class="big-code"[^>]*>([A-Z0-9]{4}-[A-Z0-9]{4})<', code_page.text)
    assert code is not None
    assert "data:image/svg+xml;charset=utf-8," in code_page.text
    assert f"code={code.group(1)}" in code_page.text.replace("&amp;", "&")
    listed = browser.get("/console/sites/cite-des-metiers-d-istres")
    assert "en attente" in listed.text and code.group(1) not in listed.text  # shown once


def test_bad_site_names_are_refused_and_nothing_is_added(
    browser: httpx.Client, hub: Hub, coordinator: str
) -> None:
    log_in(browser, coordinator)
    csrf = csrf_of(browser.get("/console/sites"))
    for name, message in [
        ("   ", "Nom du site\u00a0: à renseigner."),
        ("x" * 201, "200 caractères au plus"),
    ]:
        answer = browser.post("/console/sites", data={"name": name, "csrf": csrf})
        assert answer.status_code == 400 and message in answer.text
    unknown = browser.post("/console/sites/nulle-part/codes", data={"csrf": csrf})
    assert unknown.status_code == 404 and "Site inconnu\u00a0: nulle-part" in unknown.text
    assert sites_count(hub) == 0


def test_every_form_needs_the_session_s_own_csrf_token(
    hub: Hub, coordinator: str, browser: httpx.Client
) -> None:
    log_in(browser, coordinator)
    mine = csrf_of(browser.get("/console/sites"))
    with httpx.Client(base_url=hub.url, follow_redirects=False) as other:
        log_in(other, coordinator)
        theirs = csrf_of(other.get("/console/sites"))
    assert mine != theirs
    for data in ({"name": "Sans jeton"}, {"name": "Jeton d’une autre session", "csrf": theirs},
                 {"name": "Jeton vide", "csrf": ""}):  # fmt: skip
        answer = browser.post("/console/sites", data=data)
        assert answer.status_code == 403
        assert "Ce formulaire a expiré ou ne vient pas de la console" in answer.text
    assert browser.post("/console/logout", data={}).status_code == 403
    assert sites_count(hub) == 0
    # The login form has its own token, bound to its cookie.
    fresh = httpx.Client(base_url=hub.url, follow_redirects=False)
    forged = fresh.post(
        "/console/login", data={"login": coordinator, "password": PASSWORD, "form_token": "x"}
    )
    assert forged.status_code == 403 and "Le formulaire a expiré" in forged.text
    assert "aiguillage_console" not in forged.cookies


def test_a_wrong_password_is_refused_and_slowed_then_the_login_locked(
    browser: httpx.Client, coordinator: str
) -> None:
    begin = time.monotonic()
    wrong = log_in(browser, coordinator, "pas le bon mot de passe")
    assert time.monotonic() - begin >= 1.0  # a deliberate pause, not a speed figure
    assert wrong.status_code == 401 and "Identifiant ou mot de passe incorrect." in wrong.text
    assert "aiguillage_console" not in wrong.cookies
    unknown = log_in(browser, "personne", "pas le bon mot de passe")
    assert unknown.status_code == 401 and "Identifiant ou mot de passe incorrect." in unknown.text
    for _ in range(4):
        log_in(browser, coordinator, "toujours pas")
    # Five failures of this login from this address: even the right password now waits a
    # quarter of an hour (the login is written with other capitals and spaces, too).
    locked = log_in(browser, " Claire.M ")
    assert locked.status_code == 429 and "bloquée un quart d’heure" in locked.text
    assert browser.get("/console/sites").status_code == 303


def test_a_session_cannot_be_used_after_logout_or_once_expired(
    hub: Hub, coordinator: str, browser: httpx.Client
) -> None:
    log_in(browser, coordinator)
    cookie = browser.cookies.get("aiguillage_console")
    assert cookie is not None
    sites = browser.get("/console/sites")
    assert sites.status_code == 200
    out = browser.post("/console/logout", data={"csrf": csrf_of(sites)})
    assert out.status_code == 303 and out.headers["location"] == "/console/login"
    with httpx.Client(base_url=hub.url, follow_redirects=False) as replay:
        replay.cookies.set("aiguillage_console", cookie, path="/console")
        assert replay.get("/console/sites").status_code == 303
        assert replay.post("/console/sites", data={"name": "Rejoué"}).status_code == 403
    # A session idle for longer than IDLE ends too.
    log_in(browser, coordinator)
    assert browser.get("/console/sites").status_code == 200
    with Session(hub.engine) as session, session.begin():
        session.execute(
            update(ConsoleSession)
            .where(ConsoleSession.ended_at.is_(None))
            .values(seen_at=now() - auth.IDLE - timedelta(minutes=1))
        )
    answer = browser.get("/console/sites")
    assert answer.status_code == 303 and "next=%2Fconsole%2Fsites" in answer.headers["location"]
    assert sites_count(hub) == 0


def test_the_login_only_sends_back_to_console_pages(
    browser: httpx.Client, coordinator: str
) -> None:
    form = browser.get("/console/login?next=https://ailleurs.example/piege")
    token = re.search(r'name="form_token" value="([^"]+)"', form.text)
    assert token is not None and 'name="next" value=""' in form.text
    answer = browser.post(
        "/console/login",
        data={"login": coordinator, "password": PASSWORD, "form_token": token.group(1),
              "next": "//ailleurs.example/piege"},
    )  # fmt: skip
    assert answer.headers["location"] == "/console/sites"


def test_an_account_is_made_from_the_command_line(hub_url_db: str) -> None:
    import os

    env = dict(os.environ, AIGUILLAGE_HUB_DATABASE_URL=hub_url_db)

    def user_add(login: str, password: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "hub.cli", "user", "add", login, "--name", "Lou",
             "--password-stdin"],
            input=password + "\n", capture_output=True, text=True, env=env, check=False,
        )  # fmt: skip

    made = user_add("lou.b", PASSWORD)
    assert made.returncode == 0, made.stderr
    assert "Compte créé\u00a0: lou.b" in made.stdout
    for login, password, message in [
        ("lou.b", PASSWORD, "L’identifiant «\u00a0lou.b\u00a0» existe déjà."),
        ("lou.c", "court", "Mot de passe trop court\u00a0: 12 caractères au moins."),
        ("Lou C!", PASSWORD, "Identifiant\u00a0: de 2 à 64 lettres minuscules"),
    ]:
        refused = user_add(login, password)
        assert refused.returncode == 1 and message in refused.stderr, refused.stderr


def test_guesses_sent_at_once_do_not_slip_under_the_limit(hub: Hub, coordinator: str) -> None:
    from concurrent.futures import ThreadPoolExecutor

    def guess(_n: int) -> int:
        with httpx.Client(base_url=hub.url, follow_redirects=False, timeout=60) as client:
            return log_in(client, coordinator, "une devinette").status_code

    with ThreadPoolExecutor(max_workers=12) as pool:
        codes = list(pool.map(guess, range(12)))
    assert codes.count(401) <= auth.FAILURES_ALLOWED  # only these had their password checked
    assert codes.count(429) >= 12 - auth.FAILURES_ALLOWED


def test_a_locked_login_stays_open_from_another_address(
    hub: Hub, coordinator: str, browser: httpx.Client
) -> None:
    # The hub behind its reverse proxy on loopback: the proxy names the client's address.
    browser.headers["X-Forwarded-For"] = "203.0.113.5"
    for _ in range(auth.FAILURES_ALLOWED):
        log_in(browser, coordinator, "devinette")
    assert log_in(browser, coordinator).status_code == 429
    with httpx.Client(
        base_url=hub.url, follow_redirects=False, headers={"X-Forwarded-For": "198.51.100.7"}
    ) as office:
        assert log_in(office, coordinator).status_code == 303


def test_a_session_ends_ten_hours_after_login_even_in_use(
    hub: Hub, coordinator: str, browser: httpx.Client
) -> None:
    log_in(browser, coordinator)
    with Session(hub.engine) as session, session.begin():
        session.execute(
            update(ConsoleSession).values(
                created_at=now() - auth.LIFETIME - timedelta(minutes=1), seen_at=now()
            )
        )
    assert browser.get("/console/sites").status_code == 303


def test_the_enrolment_string_names_the_hub_s_public_address(
    hub: Hub, coordinator: str, browser: httpx.Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("AIGUILLAGE_HUB_PUBLIC_URL", "https://hub.orientation.example.org/")
    with Session(hub.engine) as session, session.begin():
        session.add(Site(id="cio-arles", name="CIO d’Arles", created_at=now()))

    def secure_cookie(answer: httpx.Response, name: str) -> str:
        """A Secure cookie, which httpx keeps from this test's plain HTTP: read by hand."""
        (cookie,) = [c for c in answer.headers.get_list("set-cookie") if c.startswith(name)]
        assert "Secure" in cookie  # reached over HTTPS through the proxy
        return cookie.split(";")[0].split("=", 1)[1]

    form = browser.get("/console/login")
    login_cookie = secure_cookie(form, "aiguillage_login=")
    browser.cookies.set("aiguillage_login", login_cookie, path="/console")
    token = re.search(r'name="form_token" value="([^"]+)"', form.text)
    assert token is not None
    answer = browser.post(
        "/console/login",
        data={"login": coordinator, "password": PASSWORD, "form_token": token.group(1)},
    )
    session_token = secure_cookie(answer, "aiguillage_console=")
    browser.cookies.set("aiguillage_console", session_token, path="/console")
    site = browser.get("/console/sites/cio-arles")
    assert site.headers["strict-transport-security"] == "max-age=31536000"
    page = browser.post("/console/sites/cio-arles/codes", data={"csrf": csrf_of(site)})
    assert "Adresse du hub&nbsp;: <code>https://hub.orientation.example.org</code>" in page.text
    assert "hub=https%3A%2F%2Fhub.orientation.example.org&amp;code=" in page.text


def test_a_control_character_in_the_login_form_is_refused_in_words(
    hub: Hub, coordinator: str, browser: httpx.Client
) -> None:
    from hub.models import LoginAttempt

    for login, password in [("claire\x00.m", "devinette"), (coordinator, "mot\x00de passe")]:
        answer = log_in(browser, login, password)
        assert answer.status_code == 400, login
        assert "Caractère de contrôle refusé dans la demande\u00a0: rien n’a changé." in (
            answer.text.replace("&nbsp;", "\u00a0")
        )
        assert "aiguillage_console" not in answer.cookies
    with Session(hub.engine) as session:
        assert session.scalar(select(func.count()).select_from(LoginAttempt)) == 0
    assert log_in(browser, coordinator).status_code == 303
