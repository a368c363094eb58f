"""What desks push, at the hub's border, over HTTP to the hub under uvicorn on PostgreSQL:
one bad record is rejected with its reason and never blocks the others, a bad request is a
French 4xx (never a 5xx), the hub stores only codes, places and days that can be true and
flag comments free of personal data, and it keeps no record's time of arrival."""

from __future__ import annotations

import uuid
from datetime import date, timedelta
from typing import Any

import httpx
from sqlalchemy import select, text
from sqlalchemy.orm import Session, sessionmaker

from hub import lists
from hub.checks import today
from hub.models import Record
from hub.monthly import month_start
from tests.hub.conftest import Hub
from tests.hub.test_sync import code_for

DAY = "2026-11-18"


def token_for(hub: Hub, name: str = "CIO d’Arles") -> str:
    _site, code = code_for(hub, name)
    body = {"code": code, "desk_id": str(uuid.uuid4()), "desk_version": "1.0"}
    answer = httpx.post(f"{hub.url}/api/v1/enrol", json=body, timeout=30)
    return str(answer.json()["token"])


def contact(**changes: Any) -> dict[str, Any]:
    return {
        "day": DAY, "channel": "sur-place", "public": "salarie", "age": "26-44",
        "gender": "femme", "commune": "13004", "themes": ["trouver-formation"],
        "answers": ["information"], **changes,
    }  # fmt: skip


def flag(**changes: Any) -> dict[str, Any]:
    return {"day": DAY, "service_id": "demo--service", "reason": "hours", **changes}


def push(
    hub: Hub, token: str, *records: tuple[str, dict[str, Any]], **request: Any
) -> httpx.Response:
    body = {
        "records": [
            {"kind": kind, "id": str(uuid.uuid4()), "version": 1, "payload": payload}
            for kind, payload in records
        ],
        **request,
    }
    return httpx.post(
        f"{hub.url}/api/v1/push",
        json=body,
        headers={"Authorization": f"Bearer {token}"},
        timeout=30,
    )


def outcomes(answer: httpx.Response) -> list[tuple[str, str | None]]:
    assert answer.status_code == 200, answer.text
    return [(r["outcome"], r["reason"]) for r in answer.json()["results"]]


def stored(hub: Hub) -> int:
    with sessionmaker(hub.engine)() as session:
        return len(list(session.scalars(select(Record.id))))


def test_a_nul_byte_rejects_its_record_and_the_good_ones_are_stored(hub: Hub) -> None:
    token = token_for(hub)
    answer = push(
        hub,
        token,
        ("contact", contact()),
        ("flag", flag(comment="fermé le lundi\x00")),
        ("flag", flag(service_id="demo--\x00service")),
        ("flag", flag(comment="fermé le lundi,\n\tpas le mardi")),
    )
    results = outcomes(answer)
    assert [o for o, _r in results] == ["accepted", "rejected", "rejected", "accepted"]
    assert results[1][1] == "comment\u00a0: caractères ou forme non admis"
    assert results[2][1] == "service_id\u00a0: caractères ou forme non admis"
    assert stored(hub) == 2


def test_values_out_of_range_get_a_french_4xx_never_a_5xx(hub: Hub) -> None:
    token = token_for(hub)
    bearer = {"Authorization": f"Bearer {token}"}
    too_big = push(hub, token, desk={"version": "1.0", "pending": 2**31, "quarantined": 0})
    far = httpx.get(f"{hub.url}/api/v1/changes?after=1454681418790", headers=bearer)
    enrol = httpx.post(
        f"{hub.url}/api/v1/enrol",
        json={"code": "ABCD-EFGH", "desk_id": str(uuid.uuid4()), "desk_version": "1.0\x00"},
    )
    for answer, where in ((too_big, "body.desk.pending"), (far, "query.after"),
                          (enrol, "body.desk_version")):  # fmt: skip
        assert answer.status_code == 422, answer.text
        assert answer.json() == {
            "code": "malformed",
            "message": f"Requête mal formée ({where}).",
        }
    # The largest count PostgreSQL holds goes in.
    assert outcomes(push(hub, token, desk={"version": "1.0", "pending": 2**31 - 1,
                                           "quarantined": 0})) == []  # fmt: skip


def test_codes_places_and_days_that_cannot_be_true_are_rejected(hub: Hub) -> None:
    token = token_for(hub)
    tomorrow = today() + timedelta(days=1)
    with Session(hub.engine) as session, session.begin():
        lists.set_active(session, hub.engine, "public", "proche", False)  # retired
        lists.publish_item(
            session, hub.engine, "public", "saisonnier", "Saisonnier", "Seasonal", None, True
        )
    cases: list[tuple[str, dict[str, Any], str | None]] = [
        ("contact", contact(public="zzz"),
         "public\u00a0: code «\u00a0zzz\u00a0» absent des listes de la région"),
        ("contact", contact(themes=["trouver-formation", "astrologie"]),
         "themes\u00a0: code «\u00a0astrologie\u00a0» absent des listes de la région"),
        ("contact", contact(duration="une-semaine"),
         "duration\u00a0: code «\u00a0une-semaine\u00a0» absent des listes de la région"),
        ("contact", contact(commune="99999"),
         "commune\u00a0: «\u00a099999\u00a0» n’est ni une commune, ni un EPCI,"
         " ni un département connus"),
        ("contact", contact(commune="96"),
         "commune\u00a0: «\u00a096\u00a0» n’est ni une commune, ni un EPCI,"
         " ni un département connus"),
        ("contact", contact(commune="13006"),  # Aureille, 1,533 inhabitants, as itself
         "commune\u00a0: «\u00a013006\u00a0» compte moins de 2\u202f000 habitants\u00a0;"
         " elle doit être envoyée par son EPCI ou son département (mettez Aiguillage à jour)"),
        ("contact", contact(day="1999-12-31"),
         f"date\u00a0: 31/12/1999 hors de la période possible (du 01/01/2000 au"
         f" {tomorrow:%d/%m/%Y})"),
        ("contact", contact(day=(tomorrow + timedelta(days=1)).isoformat()), "date"),
        ("referral", {"day": "1970-01-01", "contact_id": str(uuid.uuid4()),
                      "service_id": "demo--service"}, "date"),
        ("flag", flag(day="2126-01-01"), "date"),
        # What can be true goes in.
        ("contact", contact(day=tomorrow.isoformat()), None),
        # A retired code, on the first day the hub keeps by default (hub/retention.py).
        ("contact", contact(day=f"{month_start(today(), 60)}", public="proche"), None),
        ("contact", contact(public="saisonnier"), None),  # the region's own code
        ("contact", contact(commune="241300417"), None),  # an EPCI (Arles’s)
        ("contact", contact(commune="29"), None),  # a département (Finistère)
        ("contact", contact(commune="2A"), None),
        ("contact", contact(commune="975"), None),  # Saint-Pierre-et-Miquelon
        ("contact", contact(commune="hors-region", duration=None), None),
    ]  # fmt: skip
    results = outcomes(push(hub, token, *[(kind, payload) for kind, payload, _r in cases]))
    for (kind, payload, reason), (outcome, said) in zip(cases, results, strict=True):
        if reason is None:
            assert (outcome, said) == ("accepted", None), (kind, payload)
        else:
            assert outcome == "rejected" and said is not None and said.startswith(reason), said
    assert stored(hub) == sum(1 for c in cases if c[2] is None)


def test_a_flag_comment_holding_personal_data_is_refused_at_the_hub(hub: Hub) -> None:
    token = token_for(hub)
    results = outcomes(
        push(
            hub,
            token,
            ("flag", flag(comment="la dame (jeanne.dupont@gmail.com) dit que c’est fermé")),
            ("flag", flag(comment="rappeler le 06 12 34 56 78 pour les horaires")),
            ("flag", flag(comment="fermé le mardi après-midi depuis le 3 novembre")),
        )
    )
    assert results[0] == (
        "rejected",
        "commentaire\u00a0: il semble contenir des données personnelles (une adresse électronique)"
        "\u00a0; retirez-les et signalez à nouveau",
    )
    assert results[1][0] == "rejected" and "un numéro de téléphone" in str(results[1][1])
    assert results[2] == ("accepted", None)
    with sessionmaker(hub.engine)() as session:
        comments = [r.payload.get("comment") for r in session.scalars(select(Record))]
    assert comments == ["fermé le mardi après-midi depuis le 3 novembre"]


def test_the_hub_keeps_no_time_of_arrival_of_a_record(hub: Hub) -> None:
    token = token_for(hub)
    assert outcomes(push(hub, token, ("contact", contact()))) == [("accepted", None)]
    with sessionmaker(hub.engine)() as session:
        types: dict[str, str] = dict(
            session.execute(
                text(
                    "SELECT column_name, data_type FROM information_schema.columns"
                    " WHERE table_name = 'record'"
                )
            ).all()
        )
        record = session.scalars(select(Record)).one()
    assert not [c for c, kind in types.items() if "time" in kind], types
    assert isinstance(record.received_on, date) and record.received_on == record.updated_on


def test_the_migration_keeps_only_the_day_of_records_already_stored(hub_url_db: str) -> None:
    from alembic import command

    from hub.config import make_engine
    from hub.migrate import alembic_config, upgrade

    engine = make_engine(hub_url_db)
    try:
        command.downgrade(alembic_config(engine), "h0004")
        with engine.begin() as connection:
            connection.execute(
                text(
                    "INSERT INTO site (id, name, created_at) VALUES ('s', 'S', now());"
                    " INSERT INTO record (id, kind, site_id, version, content_hash, day,"
                    " payload, received_at, updated_at) VALUES ('r', 'contact', 's', 1, 'h',"
                    " '2026-11-18', '{}', '2026-11-18 09:47:13', '2026-11-19 23:59:59')"
                )
            )
        upgrade(engine)
        with engine.connect() as connection:
            row = connection.execute(text("SELECT received_on, updated_on FROM record")).one()
    finally:
        engine.dispose()
    assert tuple(row) == (date(2026, 11, 18), date(2026, 11, 19))


def test_a_body_that_cannot_be_read_gets_a_french_problem(hub: Hub) -> None:
    token = token_for(hub)
    json_headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}
    for path, body, status, what in (
        ("/api/v1/push", "[" * 100_000 + "]" * 100_000, 400, "corps illisible"),  # too deep
        ("/api/v1/enrol", "\x00", 422, "corps illisible"),
        ("/api/v1/push", '{"records": [}', 422, "corps illisible"),
    ):
        answer = httpx.post(hub.url + path, content=body, headers=json_headers, timeout=30)
        assert (answer.status_code, answer.json()) == (
            status,
            {"code": "malformed", "message": f"Requête mal formée ({what})."},
        )
    unknown = httpx.get(f"{hub.url}/api/v1/nothing-here", headers=json_headers)
    assert (unknown.status_code, unknown.json()["message"]) == (
        404,
        "Requête mal formée (adresse inconnue).",
    )
    assert stored(hub) == 0


def test_a_departement_sent_for_a_small_commune_reads_by_its_name_in_the_region_s_figures(
    hub: Hub, signed_in: httpx.Client
) -> None:
    from tests.hub.console_kit import text_of

    token = token_for(hub)
    visits = [("contact", contact(commune="29"))] * 6 + [("contact", contact())] * 7
    assert {o for o, _r in outcomes(push(hub, token, *visits))} == {"accepted"}
    page = signed_in.get(
        "/console/activite", params={"du": "2026-11-01", "au": "2026-11-30", "par": "epci"}
    )
    words = text_of(page)
    assert page.status_code == 200
    assert "Finistère 6" in words and "CA d'Arles-Crau-Camargue-Montagnette 7" in words, words
