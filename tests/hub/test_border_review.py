"""A second look at the hub's border, over HTTP to the hub under uvicorn on PostgreSQL: what
an attacker or a privacy reviewer tried after the border was built, each hole found closed."""

from __future__ import annotations

import csv
import io
import threading
import unicodedata
import uuid
from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest
from openpyxl import load_workbook
from sqlalchemy import select
from sqlalchemy.orm import sessionmaker

from app.desk import Desk
from app.directory import records
from app.sync import run
from app.sync.client import Transient
from core.errors import DeskError
from hub import service
from hub.api import RATE_LIMIT
from hub.cli import main as hub_cli
from hub.models import Record, SiteToken
from tests.hub.conftest import Hub
from tests.hub.console_kit import push as kit_push
from tests.hub.console_kit import visit
from tests.hub.test_border_push import contact as contact_payload
from tests.hub.test_border_push import flag, outcomes, push, stored, token_for
from tests.hub.test_sync import code_for


@pytest.fixture(autouse=True)
def no_keyring(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AIGUILLAGE_NO_KEYRING", "1")


def enrol_from(hub: Hub, code: str, forwarded: str) -> int:
    """The status of an enrolment with ``code`` by a new desk, from the address(es) a proxy
    forwards."""
    body = {"code": code, "desk_id": str(uuid.uuid4()), "desk_version": "1.0"}
    headers = {"X-Forwarded-For": forwarded}
    return httpx.post(f"{hub.url}/api/v1/enrol", json=body, headers=headers).status_code


def test_a_desk_slowed_at_enrolment_is_told_to_wait_a_quarter_of_an_hour(
    desk: Desk, hub: Hub
) -> None:
    _site_id, code = code_for(hub)
    for n in range(10):  # a neighbour's wrong guesses, from the same address
        body = {"code": f"GUES-S{n:03d}", "desk_id": str(uuid.uuid4()), "desk_version": "1.0"}
        assert httpx.post(f"{hub.url}/api/v1/enrol", json=body).status_code == 403
    with pytest.raises(DeskError) as refused:
        run.enrol(desk, hub.url, code)
    french, english = refused.value.text("fr"), refused.value.text("en")
    assert "HTTP" not in french and "indisponible" not in french
    assert "Trop d’essais d’inscription" in french and "quart d’heure" in french
    assert "\u00a0:" in french
    assert "Too many enrolment attempts" in english and "quarter of an hour" in english
    assert desk.settings.get("hub.url") == "" and desk.settings.get("site.id") == "local"


def test_a_desk_over_the_hubs_rate_limit_is_told_so_and_tries_again_later(
    desk: Desk, hub: Hub
) -> None:
    run.enrol(desk, hub.url, code_for(hub)[1])
    token = (desk.paths.data / "hub-token").read_text()
    with httpx.Client(headers={"Authorization": f"Bearer {token}"}) as loop:
        # A runaway loop with this desk's token, until the hub turns it away (the limit is a
        # sliding minute: a loop slowed across a minute's turn needs a few more).
        for _ in range(2 * RATE_LIMIT):
            if loop.get(f"{hub.url}/api/v1/changes").status_code == 429:
                break
        else:
            pytest.fail("the hub never turned the loop away")
    with pytest.raises(Transient) as later:
        run.sync_once(desk)
    french = later.value.text("fr")
    assert "trop de requêtes" in french and "HTTP" not in french, french
    assert "too many requests" in later.value.text("en")


# Text whose personal data a reader sees whole but the guard read in pieces: accents typed
# as separate marks (as a Mac pastes them), a mark on a digit, and a run whose display order
# invisible controls reverse (it reads « 06 12 34 56 78 » in the console and the window).
DISGUISED = [
    ("la conseillère " + unicodedata.normalize("NFD", "Hélène DUPRÉ") + " dit fermé", "name"),
    ("rappeler au 0\u03016 12 34 56 78 pour les horaires", "phone"),
    ("rappeler au 0\u03326\u0332 1\u03322 34 56 78", "phone"),
    ("rappeler au \u202e87 65 43 21 60\u202c pour les horaires", "reordered"),
    ("rappeler au \u202b78 56 34 12 06\u202c pour les horaires", "reordered"),
    ("rappeler au \u206778 56 34 12 06\u2069 pour les horaires", "reordered"),
    # No control at all: a right-to-left letter before the groups turns them round on screen.
    ("fermé, rappeler \u05d0 78 56 34 12 06", "phone"),
    ("rappeler \u0645\u0631\u062d\u0628\u0627 78 56 34 12 06 pour les horaires", "phone"),
]


def test_a_flag_comment_disguised_with_marks_or_reordering_is_refused_at_the_hub(
    hub: Hub,
) -> None:
    token = token_for(hub)
    comments = [comment for comment, _kind in DISGUISED]
    results = outcomes(push(hub, token, *[("flag", flag(comment=c)) for c in comments]))
    for comment, (outcome, reason) in zip(comments, results, strict=True):
        assert outcome == "rejected", comment
        assert "données personnelles" in str(reason)
        assert "reordered" not in str(reason) and "name" not in str(reason)
    assert stored(hub) == 0


@pytest.mark.parametrize(("comment", "kind"), DISGUISED)
def test_the_desk_refuses_the_same_disguised_comments_before_they_leave(
    desk: Desk, comment: str, kind: str
) -> None:
    with pytest.raises(DeskError) as caught, desk.sessions.begin() as session:
        records.flag(session, "demo-spro-etm--ml-ouest-provence-cej", "other", comment)
    assert caught.value.params["kind"] == kind
    french = caught.value.text("fr")
    assert french.startswith("Commentaire refusé\u00a0: il semble contenir ")
    # The message itself is never turned round by the controls it quotes.
    assert not any(unicodedata.category(c) == "Cf" for c in french)


def test_guesses_sent_all_at_once_are_limited_as_those_sent_one_by_one(hub: Hub) -> None:
    _site_id, code = code_for(hub)
    together = threading.Barrier(30)

    def guess(n: int) -> int:
        body = {"code": f"GUES-{n:04d}", "desk_id": str(uuid.uuid4()), "desk_version": "1.0"}
        with httpx.Client(base_url=hub.url, timeout=60) as client:
            client.get("/api/v1/health")  # connected beforehand: the guesses leave together
            together.wait()
            return client.post("/api/v1/enrol", json=body).status_code

    with ThreadPoolExecutor(max_workers=30) as pool:
        statuses = list(pool.map(guess, range(30)))
    assert sorted(set(statuses)) == [403, 429]
    assert statuses.count(403) <= 10, statuses  # no more guesses than the limit allows
    # The right code then waits once ten guesses were spent (a guess turned away tried none).
    body = {"code": code, "desk_id": str(uuid.uuid4()), "desk_version": "1.0"}
    expected = 429 if statuses.count(403) == 10 else 200
    assert httpx.post(f"{hub.url}/api/v1/enrol", json=body).status_code == expected


def test_a_desk_can_neither_overwrite_nor_read_another_sites_record(hub: Hub) -> None:
    mine, theirs = token_for(hub, "CIO d’Arles"), token_for(hub, "Mission locale d’Istres")
    record_id = str(uuid.uuid4())
    original = contact_payload()

    def send(token: str, kind: str, version: int, payload: dict[str, object]) -> httpx.Response:
        body = {
            "records": [{"kind": kind, "id": record_id, "version": version, "payload": payload}]
        }
        headers = {"Authorization": f"Bearer {token}"}
        return httpx.post(f"{hub.url}/api/v1/push", json=body, headers=headers, timeout=30)

    assert outcomes(send(mine, "contact", 1, original)) == [("accepted", None)]
    taken = ("rejected", "identifiant déjà pris par un autre envoi")
    for kind, version, payload in [
        ("contact", 1, original),  # the same content: still not told it is there
        ("contact", 2, contact_payload(public="retraite")),  # a newer version
        ("flag", 3, flag(comment="fermé")),  # another kind
    ]:
        answer = send(theirs, kind, version, payload)
        assert outcomes(answer) == [taken]
        assert "salarie" not in answer.text and "13004" not in answer.text
    # Nor may the record's own site turn it into another kind.
    assert outcomes(send(mine, "flag", 2, flag(comment="fermé"))) == [taken]
    with sessionmaker(hub.engine)() as session:
        row = session.get(Record, record_id)
        assert row is not None
        assert (row.version, row.kind, row.payload["public"]) == (1, "contact", "salarie")


def test_a_revoked_desk_is_refused_on_every_route_and_stores_nothing(hub: Hub) -> None:
    site_id, code = code_for(hub)
    body = {"code": code, "desk_id": str(uuid.uuid4()), "desk_version": "1.0"}
    token = httpx.post(f"{hub.url}/api/v1/enrol", json=body).json()["token"]
    with sessionmaker(hub.engine).begin() as session:
        service.revoke(session, site_id)
    headers = {"Authorization": f"Bearer {token}"}
    for answer in (
        push(hub, token, ("contact", contact_payload())),
        httpx.get(f"{hub.url}/api/v1/changes", headers=headers),
        httpx.get(f"{hub.url}/api/v1/changes?after=0&limit=1", headers=headers),
    ):
        assert answer.status_code == 401 and answer.json()["code"] == "revoked"
    assert stored(hub) == 0


def test_the_enrolment_limit_follows_the_address_a_proxy_adds_not_one_a_client_makes_up(
    hub: Hub,
) -> None:
    _site_id, code = code_for(hub)
    # The client writes a new address each time; the proxy appends the real one.
    for n in range(10):
        assert enrol_from(hub, f"GUES-{n:04d}", f"198.51.100.{n}, 203.0.113.7") == 403
    assert enrol_from(hub, code, "192.0.2.99, 203.0.113.7") == 429


def test_a_flag_s_service_id_and_comment_reach_the_console_as_inert_text(
    hub: Hub, signed_in: httpx.Client
) -> None:
    token = token_for(hub)
    lure = '<b style="color:red">URGENT</b><script>alert(1)</script>'
    results = outcomes(
        push(hub, token, ("flag", flag(service_id=f"x--{lure}", comment=f"fermé {lure}")))
    )
    assert results == [("accepted", None)]
    page = signed_in.get("/console/directory/signalements?etat=tous")
    assert page.status_code == 200
    assert "<script>alert(1)" not in page.text and '<b style="color:red">' not in page.text
    assert page.text.count("&lt;script&gt;alert(1)&lt;/script&gt;") >= 2  # shown, as text


SITE_NAMES = ['@SUM(1+1)*cmd|" /C calc"!A0', "  =1+1 Cité des métiers", "-2+3 CIO", "+33 Espace"]


def test_site_names_typed_like_formulas_are_exported_as_text(
    signed_in: httpx.Client, hub: Hub
) -> None:
    for name in SITE_NAMES:
        kit_push(hub, name, "contact", [visit("salarie", "13047", ["trouver-emploi"])])
    by_site = {"du": "2026-11-01", "au": "2026-11-30", "par": "site"}
    got = signed_in.get("/console/activite/export.csv", params=by_site)
    assert got.status_code == 200
    rows = list(csv.reader(io.StringIO(got.content.decode("utf-8-sig")), delimiter=";"))
    firsts = {row[0] for row in rows}
    for name in SITE_NAMES:
        assert "'" + name.strip() in firsts, (name, firsts)
    book = signed_in.get("/console/activite/export.xlsx", params=by_site)
    sheets = load_workbook(io.BytesIO(book.content), data_only=False)
    cells = [c for sheet in sheets.worksheets for row in sheet.iter_rows() for c in row]
    assert not [c.coordinate for c in cells if c.data_type == "f"]
    shown = {c.value for c in cells if c.data_type == "s" and c.quotePrefix}
    assert {name.strip() for name in SITE_NAMES} <= shown


def test_revoking_a_site_voids_the_codes_it_had_not_used_yet(
    hub: Hub, hub_url_db: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("AIGUILLAGE_HUB_DATABASE_URL", hub_url_db)
    site_id, used = code_for(hub)
    with sessionmaker(hub.engine).begin() as session:
        spare, _expires = service.new_enrol_code(session, site_id)  # e.g. printed, then stolen
    desk = {"desk_id": str(uuid.uuid4()), "desk_version": "1.0"}
    assert httpx.post(f"{hub.url}/api/v1/enrol", json={"code": used, **desk}).status_code == 200
    assert hub_cli(["revoke", site_id]) == 0  # the coordination revokes the whole site
    thief = {"code": spare, "desk_id": str(uuid.uuid4()), "desk_version": "1.0"}
    answer = httpx.post(f"{hub.url}/api/v1/enrol", json=thief)
    assert answer.status_code == 403 and answer.json()["code"] == "bad_code"
    with sessionmaker(hub.engine)() as session:
        assert session.scalars(select(SiteToken).where(SiteToken.revoked_at.is_(None))).all() == []
    # A code made after the revocation enrols the site's new desk.
    with sessionmaker(hub.engine).begin() as session:
        fresh, _expires = service.new_enrol_code(session, site_id)
    desk = {"code": fresh, "desk_id": str(uuid.uuid4()), "desk_version": "1.0"}
    assert httpx.post(f"{hub.url}/api/v1/enrol", json=desk).status_code == 200


@pytest.mark.parametrize(
    "comment",
    [
        "accueil en arabe (\u0645\u0631\u062d\u0628\u0627), revenir le 12/12 à 14 h",
        "le panneau dit \u05e9\u05dc\u05d5\u05dd\u202f; fermé du 3 au 17 mars, 35 h par semaine",
    ],
)
def test_a_comment_with_right_to_left_words_and_no_personal_data_is_queued(
    desk: Desk, comment: str
) -> None:
    with desk.sessions.begin() as session:
        assert records.flag(session, "demo-spro-etm--ml-ouest-provence-cej", "other", comment)


def test_ids_and_versions_that_would_turn_round_on_a_console_page_are_refused(hub: Hub) -> None:
    token = token_for(hub)
    results = outcomes(
        push(
            hub,
            token,
            ("flag", flag(service_id="demo--\u202eecivres")),
            ("flag", flag(structure_id="demo--\u2067erutcurts\u2069")),
            ("flag", flag()),
        )
    )
    assert results == [
        ("rejected", "service_id\u00a0: caractères ou forme non admis"),
        ("rejected", "structure_id\u00a0: caractères ou forme non admis"),
        ("accepted", None),
    ]
    state = {"version": "\u202e0.1.2", "pending": 0, "quarantined": 0}
    answer = push(hub, token, desk=state)
    assert answer.status_code == 422 and answer.json()["code"] == "malformed"
    with sessionmaker(hub.engine)() as session:
        versions = session.scalars(select(SiteToken.desk_version)).all()
    assert not any("\u202e" in (v or "") for v in versions)


def test_the_retry_of_a_lost_answer_cannot_unseat_a_desk_that_got_its_token(hub: Hub) -> None:
    _site_id, code = code_for(hub)
    desk_id = str(uuid.uuid4())
    body = {"code": code, "desk_id": desk_id, "desk_version": "1.0"}
    token = httpx.post(f"{hub.url}/api/v1/enrol", json=body).json()["token"]
    headers = {"Authorization": f"Bearer {token}"}
    assert httpx.get(f"{hub.url}/api/v1/changes", headers=headers).status_code == 200
    # Someone who read the code and the desk's id sends them again within the quarter of an
    # hour: the desk has used its token, so its answer was not lost.
    again = httpx.post(f"{hub.url}/api/v1/enrol", json=body)
    assert again.status_code == 403 and again.json()["code"] == "bad_code"
    assert httpx.get(f"{hub.url}/api/v1/changes", headers=headers).status_code == 200


def test_guessing_from_many_addresses_of_one_ipv6_network_is_slowed_as_from_one(
    hub: Hub,
) -> None:
    _site_id, code = code_for(hub)
    for n in range(10):  # one home connection hands out 2⁶⁴ such addresses
        assert enrol_from(hub, f"GUES-{n:04d}", f"2001:db8:5:7:{n:x}::1") == 403
    assert enrol_from(hub, code, "2001:db8:5:7:ffff:ffff:ffff:ffff") == 429
    # Another network is not held back by that one.
    assert enrol_from(hub, code, "2001:db8:5:8::1") == 200
