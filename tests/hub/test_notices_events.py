"""The directory knows time, over real HTTP on PostgreSQL: the coordinator closes a
Mission locale over Christmas and publishes a forum; a desk's next sync brings both down;
the closed service leaves « ouvert maintenant » while the closure runs and its slip says
so; the forum is found « à venir » by date, territory and theme. What cannot be read is
refused in words and changes nothing; withdrawn, both leave the desk; a desk of an older
protocol is sent neither and still moves on."""

from __future__ import annotations

import io
from datetime import date, datetime

import httpx
import pytest
from pypdf import PdfReader
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.desk import Desk
from app.directory.events import EventQuery
from app.directory.search import SearchHit, SearchQuery
from app.referrals.slip import Site, render_slip
from app.sync import run
from core.hours import PARIS
from hub.models import DirectoryChange
from hub.time_models import RegionEvent, TemporaryNotice
from tests.hub.conftest import Hub
from tests.hub.console_kit import SERVICE, STRUCTURE, csrf_of, import_demo, text_of
from tests.hub.test_sync import enrolled

RECORD = f"/console/directory/fiche?type=structure&id={STRUCTURE}"
CHRISTMAS = {"nature": "closed", "debut": "2026-12-24", "fin": "2027-01-03",
             "message": "Fermeture annuelle"}  # fmt: skip
FORUM = {
    "titre": "Forum de l’orientation", "jour": "2027-03-09", "debut": "09:00", "fin": "17:00",
    "code_insee": "13047", "adresse": "Halle polyvalente, boulevard de Vaugrenier",
    "organisateur": "Cité des métiers Ouest Provence", "lien": "https://forum.example.org",
    "publics": "jeunes", "thematiques": "choisir-un-metier",
    "description": "110 participants l’an dernier, 78 partenaires.",
}  # fmt: skip


@pytest.fixture(autouse=True)
def no_keyring(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AIGUILLAGE_NO_KEYRING", "1")


def post_notice(client: httpx.Client, **typed: str) -> httpx.Response:
    page = client.get(RECORD)
    data = {"csrf": csrf_of(page), "type": "structure", "id": STRUCTURE, **typed}
    return client.post("/console/directory/fiche/information", data=data)


def post_event(client: httpx.Client, **typed: str) -> httpx.Response:
    page = client.get("/console/evenements")
    return client.post("/console/evenements", data={"csrf": csrf_of(page), **typed})


def stored(hub: Hub) -> tuple[int, int, int]:
    with Session(hub.engine) as session:
        return (
            session.scalar(select(func.count()).select_from(TemporaryNotice)) or 0,
            session.scalar(select(func.count()).select_from(RegionEvent)) or 0,
            session.scalar(select(func.count()).select_from(DirectoryChange)) or 0,
        )


def open_services(desk: Desk, moment: datetime) -> list[str]:
    query = SearchQuery(text="accompagnement 16-25", open_at=moment, limit=50)
    return [h.service_id for h in desk.directory_search(query)]


def test_a_christmas_closure_and_a_forum_reach_a_desk(
    hub: Hub, desk: Desk, signed_in: httpx.Client
) -> None:
    import_demo(hub)
    enrolled(desk, hub)
    run.sync_once(desk)
    tuesday = datetime(2026, 12, 29, 10, 0, tzinfo=PARIS)
    assert SERVICE in open_services(desk, tuesday)  # before the closure is said

    sent = post_notice(signed_in, **CHRISTMAS)
    assert sent.status_code == 303
    page = text_of(signed_in.get(sent.headers["location"]))
    assert "Information publiée" in page
    said = ("Fermé du 24 décembre 2026 au 3 janvier 2027 inclus (toute la structure)"
            " — Fermeture annuelle — à venir")  # fmt: skip
    assert said in page
    published = post_event(signed_in, **FORUM)
    assert published.status_code == 303
    listed = text_of(signed_in.get(published.headers["location"]))
    assert "Forum de l’orientation" in listed and "mardi 9 mars 2027, 9\u00a0h–17\u00a0h" in listed

    assert run.sync_once(desk).pulled == 2
    assert SERVICE not in open_services(desk, tuesday)
    assert SERVICE in open_services(desk, datetime(2027, 1, 5, 10, 0, tzinfo=PARIS))
    during = datetime(2026, 12, 29, 10, 0, tzinfo=PARIS)
    [hit] = [
        h
        for h in desk.directory_search(
            SearchQuery(text="accompagnement 16-25", limit=50), now=during
        )
        if h.service_id == SERVICE
    ]
    assert (hit.open_now, hit.closed_until) == (False, date(2027, 1, 3))
    detail = desk.service_detail(SERVICE, today=date(2026, 12, 20))
    [line] = detail.notice_lines("fr", date(2026, 12, 20))
    assert (
        line
        == "Fermé du 24 décembre 2026 au 3 janvier 2027 inclus (toute la structure) — Fermeture annuelle"
    )
    pdf = render_slip(detail, Site(name="Cité des métiers"), "K7M-2QX", day=date(2026, 12, 20))
    words = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)
    assert "Fermé du 24" in words and "3 janvier 2027 inclus" in " ".join(words.split())
    after = desk.service_detail(SERVICE, today=date(2027, 1, 4))
    assert after.notice_lines("fr", date(2027, 1, 4)) == []  # past: gone by itself

    found = desk.upcoming_events(EventQuery(now=datetime(2027, 3, 1, 9, 0), days=30))
    assert [e.event.title for e in found] == ["Forum de l’orientation"]
    assert found[0].departement == "13" and found[0].event.commune == "Istres"
    assert desk.upcoming_events(EventQuery(now=datetime(2027, 1, 1, 9, 0), days=30)) == []
    assert (
        desk.upcoming_events(EventQuery(now=datetime(2027, 3, 1, 9, 0), days=30, departement="84"))
        == []
    )


def test_what_cannot_be_read_is_refused_in_words_and_changes_nothing(
    hub: Hub, signed_in: httpx.Client
) -> None:
    import_demo(hub)
    before = stored(hub)
    cases = [
        ({**CHRISTMAS, "fin": "2026-12-01"}, "la fin précède le début"),
        ({**CHRISTMAS, "fin": "2028-06-01"}, "plus d’un an"),
        ({**CHRISTMAS, "debut": "le 24"}, "Début\u00a0: une date attendue"),
        ({**CHRISTMAS, "nature": "hours", "horaires": "le matin"}, "horaires illisibles"),
        ({**CHRISTMAS, "nature": "message", "message": "  "}, "message vide"),
        ({**CHRISTMAS, "nature": "vacances"}, "choisissez fermé, horaires ou message"),
        ({**CHRISTMAS, "message": "salle B\u202e"}, "caractères refusés"),
    ]
    for typed, reason in cases:
        refused = post_notice(signed_in, **typed)
        assert refused.status_code == 400, reason
        assert reason in text_of(refused), (reason, text_of(refused)[:300])
        assert f'value="{typed["debut"]}"' in refused.text  # what was typed stays
    events = [
        ({**FORUM, "fin": "08:00"}, "la fin doit suivre le début"),
        ({**FORUM, "code_insee": "99999"}, "commune inconnue\u00a0: 99999"),
        ({**FORUM, "lien": "javascript:alert(1)"}, "le lien doit commencer par https://"),
        ({**FORUM, "thematiques": "cuisine"}, "codes inconnus\u00a0: cuisine"),
        ({**FORUM, "titre": " "}, "le titre manque"),
        ({**FORUM, "jour_fin": "2027-05-01"}, "plus de 31 jours"),
    ]
    for typed, reason in events:
        refused = post_event(signed_in, **typed)
        assert refused.status_code == 400, reason
        assert reason in text_of(refused), (reason, text_of(refused)[:300])
    gone = signed_in.post(
        "/console/directory/fiche/information",
        data={"csrf": csrf_of(signed_in.get(RECORD)), "type": "structure", "id": "inconnue",
              **CHRISTMAS},
    )  # fmt: skip
    assert gone.status_code == 404
    assert stored(hub) == before


def test_a_file_of_events_is_taken_whole_or_refused_whole(
    hub: Hub, signed_in: httpx.Client
) -> None:
    page = signed_in.get("/console/evenements")
    good = (
        "titre;debut;fin;code_insee;adresse;thematiques\n"
        "Journée des métiers;2027-02-02 09:00;2027-02-02 12:30;06029;Palais des festivals;"
        "choisir-un-metier\n"
        "Bus de l’orientation;2027-03-12 09:00;2027-03-12 12:00;06023;Place de la mairie;\n"
    )
    bad = good + "Atelier CV;demain;2027-03-13 12:00;06088;;\n"
    refused = signed_in.post(
        "/console/evenements/import", data={"csrf": csrf_of(page)},
        files={"fichier": ("evenements.csv", bad.encode("cp1252"), "text/csv")},
    )  # fmt: skip
    assert refused.status_code == 400
    assert "ligne 3\u00a0: Début\u00a0: une date et une heure attendues" in text_of(refused)
    assert stored(hub)[1] == 0
    taken = signed_in.post(
        "/console/evenements/import", data={"csrf": csrf_of(page)},
        files={"fichier": ("evenements.csv", good.encode("cp1252"), "text/csv")},
    )  # fmt: skip
    assert taken.status_code == 303  # a refresh does not publish the file again
    shown = text_of(signed_in.get(taken.headers["location"]))
    assert "2 événements publiés depuis le fichier" in shown
    assert "Cannes" in shown and "Breil-sur-Roya" in shown


def test_withdrawn_they_leave_the_desk_and_an_older_desk_is_sent_neither(
    hub: Hub, desk: Desk, signed_in: httpx.Client
) -> None:
    import_demo(hub)
    enrolled(desk, hub)
    run.sync_once(desk)
    assert post_notice(signed_in, **CHRISTMAS).status_code == 303
    assert post_event(signed_in, **FORUM).status_code == 303
    token = (desk.paths.data / "hub-token").read_text()
    old = httpx.get(
        f"{hub.url}/api/v1/changes?after=0",
        headers={"Authorization": f"Bearer {token}", "Aiguillage-Protocol": "4"},
    ).json()
    assert {c["kind"] for c in old["changes"]} <= {"structure", "service", "nomenclature"}
    tail = httpx.get(
        f"{hub.url}/api/v1/changes?after={old['cursor']}",
        headers={"Authorization": f"Bearer {token}", "Aiguillage-Protocol": "4"},
    ).json()
    assert tail["changes"] == [] and tail["more"] is False  # passed over, not stuck
    assert run.sync_once(desk).pulled == 2

    record = signed_in.get(RECORD)
    with Session(hub.engine) as session:
        notice_id = session.scalars(select(TemporaryNotice.id)).one()
        event_id = session.scalars(select(RegionEvent.id)).one()
    withdrawn = signed_in.post(
        "/console/directory/fiche/information/retirer",
        data={"csrf": csrf_of(record), "type": "structure", "id": STRUCTURE,
              "information": str(notice_id)},
    )  # fmt: skip
    assert withdrawn.status_code == 303
    events_page = signed_in.get("/console/evenements")
    assert (
        signed_in.post(
            "/console/evenements/retirer",
            data={"csrf": csrf_of(events_page), "evenement": str(event_id)},
        ).status_code
        == 303
    )
    assert "Aucun événement à venir" in text_of(signed_in.get("/console/evenements"))
    assert run.sync_once(desk).pulled == 2
    tuesday = datetime(2026, 12, 29, 10, 0, tzinfo=PARIS)
    assert SERVICE in open_services(desk, tuesday)
    assert desk.upcoming_events(EventQuery(now=datetime(2027, 3, 1, 9, 0), days=30)) == []
    again = signed_in.post(
        "/console/evenements/retirer",
        data={"csrf": csrf_of(events_page), "evenement": str(event_id)},
    )
    assert again.status_code == 404


TOUR = (
    "06023 ; place de la Mairie ; 2027 Mar 12 09:00-12:00\n"
    "06163 ; parking de la gare ; 2027 Mar 12 14:00-17:00\n"
    "06132 ; salle des fêtes ; 2027 Mar 13 09:00-12:00\n"
)
SERVICE_PAGE = f"/console/directory/fiche?type=service&id={SERVICE}"


def post_stops(client: httpx.Client, text: str) -> httpx.Response:
    page = client.get(SERVICE_PAGE)
    return client.post(
        "/console/directory/fiche/arrets",
        data={"csrf": csrf_of(page), "id": SERVICE, "arrets": text},
    )


def test_a_bus_tour_serves_each_village_it_stops_in_and_shows_the_next_stop_near_the_visitor(
    hub: Hub, desk: Desk, signed_in: httpx.Client
) -> None:
    import_demo(hub)
    enrolled(desk, hub)
    run.sync_once(desk)
    before = stored(hub)
    for bad, reason in (
        (
            TOUR + "99999 ; nulle part ; 2027 Mar 14 09:00-12:00",
            "ligne 4\u00a0: commune inconnue (99999)",
        ),
        ("06023 ; place ; le matin", "ligne 1\u00a0: horaires illisibles"),
        ("06023 ; place ; 2020 Jan 02 09:00-12:00", "ligne 1\u00a0: aucune date à venir"),
        ("06023 place 2027 Mar 12", "ligne 1\u00a0: trois parties attendues"),
    ):
        refused = post_stops(signed_in, bad)
        assert refused.status_code == 400 and reason in text_of(refused), reason
    assert stored(hub) == before
    sent = post_stops(signed_in, TOUR)
    assert sent.status_code == 303
    page = text_of(signed_in.get(sent.headers["location"]))
    assert "Arrêts publiés" in page
    assert page.index("Breil-sur-Roya") < page.index("Tende") < page.index("Saorge")
    assert "vendredi 12 mars 2027, 14\u00a0h–17\u00a0h" in page
    assert run.sync_once(desk).pulled == 3

    def found(commune: str, moment: datetime | None = None) -> list[SearchHit]:
        query = SearchQuery(text="accompagnement 16-25", commune=commune, open_at=moment, limit=50)
        return [h for h in desk.directory_search(query, now=datetime(2027, 3, 1, 9, 0, tzinfo=PARIS))
                if h.service_id == SERVICE]  # fmt: skip

    [tende] = found("06163")  # served by its stop: the Mission locale's area is far away
    assert tende.next_stop is not None and tende.next_stop.commune == "Tende"
    assert (tende.next_stop.starts_at.day, tende.next_stop.starts_at.hour) == (12, 14)
    [saorge] = found("06132")
    assert saorge.next_stop is not None and saorge.next_stop.commune == "Saorge"
    assert found("06157") == []  # Vence: no stop there nor in its EPCI
    assert found("06163", datetime(2027, 3, 12, 15, 0, tzinfo=PARIS))  # open at Tende's stop
    assert not found("06163", datetime(2027, 3, 12, 13, 0, tzinfo=PARIS))  # between stops
    detail = desk.service_detail(SERVICE, today=date(2027, 3, 1))
    assert [w.split(",")[0] for w in detail.stops_words()] == [
        "Breil-sur-Roya", "Tende", "Saorge",
    ]  # fmt: skip
    with desk.sessions() as session:
        from app.directory import records

        near = records.detail(session, SERVICE, today=date(2027, 3, 1), near="06132")
    assert near.stops_words()[0].startswith("Saorge, salle des fêtes\u00a0: samedi 13 mars 2027")
    pdf = render_slip(near, Site(name="Cité des métiers"), "K7M-2QX", day=date(2027, 3, 1))
    words = " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages).split())
    assert "Prochains arrêts" in words and "Saorge, salle des fêtes" in words

    # The bus will not come back after the 13th: from the 14th, no village is served by it.
    after = [h for h in desk.directory_search(
        SearchQuery(text="accompagnement 16-25", commune="06163", limit=50),
        now=datetime(2027, 3, 14, 9, 0, tzinfo=PARIS)) if h.service_id == SERVICE]  # fmt: skip
    assert after == []


def test_the_bus_s_visits_are_counted_by_village_and_event_with_small_counts_hidden(
    hub: Hub, signed_in: httpx.Client
) -> None:
    from hub import events as hub_events
    from tests.hub.console_kit import push, visit

    with Session(hub.engine) as session, session.begin():
        forum = hub_events.checked({**FORUM, "title": FORUM["titre"], "code_insee": "06023",
                                    "starts_at": "2026-11-18 09:00",
                                    "ends_at": "2026-11-18 17:00"})  # fmt: skip
        event_id = hub_events.record_id(hub_events.add(session, hub.engine, forum, "claire").id)
    bus = [visit("scolaire", "06023", ["vae"], place="06023", event=event_id) for _ in range(7)]
    # Saorge (430 inhabitants) goes up as its EPCI, as a residence does.
    bus += [visit("scolaire", "240600551", ["vae"], place="240600551") for _ in range(6)]
    bus += [visit("salarie", "13047", ["vae"], place="13047") for _ in range(2)]
    push(hub, "Bus du SPRO", "contact", bus)
    november = {"du": "2026-11-01", "au": "2026-11-30"}
    place = text_of(signed_in.get("/console/activite", params={**november, "par": "place"}))
    assert "Lieu d’accueil" in place
    assert "Breil-sur-Roya 7" in place
    # Two at Istres, hidden; and the village's 6 with them, or 15 − 7 − 6 would give the 2.
    assert "Istres secret" in place and "CA de la Riviera Française secret" in place
    event = text_of(signed_in.get("/console/activite", params={**november, "par": "event"}))
    assert "Forum de l’orientation secret" not in event
    assert "Forum de l’orientation 7" in event and "Hors événement 8" in event
    # A small commune sent as itself is refused at the border, as a residence is.
    from core.wire import PushRecord
    from hub import push_store, service
    from hub.models import Site

    with Session(hub.engine) as session, session.begin():
        site = session.get(Site, service.slugify("Bus du SPRO"))
        assert site is not None
        record = PushRecord(kind="contact", id="0d0d0d0d-0000-4000-8000-00000000aaaa",
                            version=1, payload=visit("scolaire", "13047", ["vae"],
                                                     place="06132"))  # fmt: skip
        [result] = push_store.store_push(session, hub.engine, site, [record], desk="d")
    assert result.outcome == "rejected" and "06132" in (result.reason or "")


def test_malformed_requests_get_an_answer_not_a_server_error(
    hub: Hub, desk: Desk, signed_in: httpx.Client
) -> None:
    import_demo(hub)
    record, events_page = signed_in.get(RECORD), signed_in.get("/console/evenements")
    for typed in ("²", "9" * 5000, "-1", "1e3", ""):
        for route, field, page in (
            ("/console/directory/fiche/information/retirer", "information", record),
            ("/console/directory/fiche/arrets/retirer", "arret", record),
            ("/console/evenements/retirer", "evenement", events_page),
        ):
            answer = signed_in.post(route, data={"csrf": csrf_of(page), field: typed})
            assert answer.status_code == 404, (route, typed[:10])
    enrolled(desk, hub)
    token = (desk.paths.data / "hub-token").read_text()
    for said in ("²".encode("latin-1"), b"9" * 5000, b"five"):
        answer = httpx.get(
            f"{hub.url}/api/v1/changes",
            headers=[
                (b"Authorization", f"Bearer {token}".encode()),
                (b"Aiguillage-Protocol", said),
            ],
        )
        assert answer.status_code == 200  # read as protocol 1: nothing it cannot read
        assert {c["kind"] for c in answer.json()["changes"]} <= {"structure", "service",
                                                               "nomenclature"}  # fmt: skip
    files = {
        "profond.json": ("[" * 100_000).encode(),
        "enorme.json": ('[{"title": ' + "9" * 5000 + "}]").encode(),
        "cellule.csv": (
            "titre;debut;fin;code_insee\n" + '"' + "x" * 200_000 + '";a;b;c\n'
        ).encode(),
    }
    for name, content in files.items():
        refused = signed_in.post(
            "/console/evenements/import", data={"csrf": csrf_of(events_page)},
            files={"fichier": (name, content, "application/octet-stream")},
        )  # fmt: skip
        assert refused.status_code == 400, name
        assert "Fichier refusé, rien n’a changé" in text_of(refused), name
    mac = "titre;debut;fin;code_insee\rForum;2027-03-09 09:00;2027-03-09 17:00;13047\r"
    taken = signed_in.post(
        "/console/evenements/import", data={"csrf": csrf_of(events_page)},
        files={"fichier": ("mac.csv", mac.encode("cp1252"), "text/csv")},
    )  # fmt: skip
    assert taken.status_code == 303  # « CSV (Macintosh) »: lines ended by CR alone
    assert stored(hub)[1] == 1
