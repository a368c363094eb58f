"""Desk and hub over real HTTP, on a real PostgreSQL: enrolment and push."""

from __future__ import annotations

import shutil
import threading
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path

import httpx
import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import sessionmaker

from app.desk import Desk
from app.intake.contact import ContactDraft
from app.paths import DeskPaths
from app.sync import credentials, run
from app.sync.queue import pending_count, quarantined
from core.errors import DeskError
from core.version import app_version
from db.models import Contact
from hub import service
from hub.models import Record, SiteToken
from tests.conftest import FakeClock
from tests.hub.conftest import Hub

VISIT = ContactDraft(
    "sur-place", "demandeur-emploi", "26-44", "femme", "13004", ["trouver-formation"],
    ["orientation-partenaire"], note="rappeler mardi",
)  # fmt: skip


@pytest.fixture(autouse=True)
def no_keyring(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AIGUILLAGE_NO_KEYRING", "1")


def code_for(hub: Hub, name: str = "CIO d’Arles") -> tuple[str, str]:
    sessions = sessionmaker(hub.engine, expire_on_commit=False)
    with sessions.begin() as session:
        site = service.add_site(session, name)
        code, _expires = service.new_enrol_code(session, site.id)
        return site.id, code


def hub_records(hub: Hub, kind: str | None = None) -> list[Record]:
    sessions = sessionmaker(hub.engine, expire_on_commit=False)
    with sessions() as session:
        query = select(Record).order_by(Record.received_on, Record.id)
        if kind:
            query = query.where(Record.kind == kind)
        return list(session.scalars(query))


def enrolled(desk: Desk, hub: Hub) -> str:
    site_id, code = code_for(hub)
    assert run.enrol(desk, hub.url, code)["site_id"] == site_id
    return site_id


def test_enrolment_gives_the_desk_its_site_and_keeps_only_a_hash(desk: Desk, hub: Hub) -> None:
    site_id = enrolled(desk, hub)
    assert desk.settings.get("site.id") == site_id
    assert desk.settings.get("hub.url") == hub.url
    token = (desk.paths.data / "hub-token").read_text()
    assert (desk.paths.data / "hub-token").stat().st_mode & 0o777 == 0o600
    with sessionmaker(hub.engine)() as session:
        from hub.models import SiteToken

        stored = session.scalars(select(SiteToken.token_hash)).all()
    assert stored == [service.digest(token)] and token not in stored


def test_contacts_referrals_and_flags_go_up_once_and_anonymously(desk: Desk, hub: Hub) -> None:
    enrolled(desk, hub)
    small = desk.intake.save(replace(VISIT, commune="13039"))  # Fos-sur-Mer: large
    tiny = desk.intake.save(replace(VISIT, commune="13006"))  # Aureille: 1,533 inhabitants
    sent = desk.intake.save(replace(VISIT, referrals=["demo-spro-etm--ml-ouest-provence-cej"]))
    with desk.sessions.begin() as session:
        from app.directory import records

        records.flag(session, "demo-spro-etm--ml-ouest-provence-cej", "hours", "Fermé le lundi")
    summary = run.sync_once(desk)
    assert summary.as_dict() == {"pushed": 5, "pending": 0, "pulled": 0, "rejected": 0, "held": 0}
    contacts = {r.id: r for r in hub_records(hub, "contact")}
    assert set(contacts) == {small.id, tiny.id, sent.id}
    payload = contacts[tiny.id].payload
    assert payload["day"] == "2026-11-24"  # the date, never the minute
    assert payload["commune"] == "241300375"  # its EPCI, Vallée des Baux-Alpilles
    assert contacts[small.id].payload["commune"] == "13039"
    assert "note" not in payload and "rappeler" not in str(payload)
    assert len(hub_records(hub, "referral")) == 1 and len(hub_records(hub, "flag")) == 1
    # Nothing twice: a second sync sends nothing, a resent batch is "already had".
    assert run.sync_once(desk).pushed == 0
    with desk.sessions.begin() as session:
        session.query(Contact).update({Contact.synced_version: 0})
    assert run.sync_once(desk).pushed == 3
    assert len(hub_records(hub)) == 5


def test_an_edit_and_a_cancellation_travel_as_new_versions(desk: Desk, hub: Hub) -> None:
    enrolled(desk, hub)
    record = desk.intake.save(VISIT)
    run.sync_once(desk)
    desk.intake.edit(record.id, replace(VISIT, public="salarie"))
    desk.intake.cancel(record.id)
    assert run.sync_once(desk).pushed == 1
    (stored,) = hub_records(hub, "contact")
    assert (stored.version, stored.payload["public"], stored.payload["cancelled"]) == (
        3,
        "salarie",
        True,
    )


def test_refused_records_are_quarantined_with_their_reason_and_block_nothing(
    desk: Desk, hub: Hub
) -> None:
    enrolled(desk, hub)
    first = desk.intake.save(VISIT)
    run.sync_once(desk)
    # The same id and version with another content at the hub: a conflict.
    with sessionmaker(hub.engine).begin() as session:
        row = session.get(Record, first.id)
        row.payload = {**row.payload, "age": "55-plus"}  # type: ignore[union-attr]
        row.content_hash = "0" * 64  # type: ignore[union-attr]
    with desk.sessions.begin() as session:
        session.query(Contact).filter(Contact.id == first.id).update({Contact.synced_version: 0})
    # A record the hub cannot accept: a commune that is no code.
    bad = desk.intake.save(VISIT)
    with desk.sessions.begin() as session:
        session.query(Contact).filter(Contact.id == bad.id).update({Contact.commune: "Arles"})
    good = desk.intake.save(VISIT)
    summary = run.sync_once(desk)
    assert summary.pushed == 1 and summary.rejected == 2 and summary.pending == 0
    held = {q.record_id: (q.outcome, q.reason) for q in _quarantine(desk)}
    assert held[first.id][0] == "conflict"
    assert held[bad.id][0] == "rejected" and "commune" in (held[bad.id][1] or "")
    assert good.id in {r.id for r in hub_records(hub, "contact")}
    # The desk said so: the console shows two records in quarantine, none waiting.
    assert desk_states(hub) == [(app_version(), 0, 2)]
    # An edit makes a new version, sent again.
    desk.intake.edit(bad.id, VISIT)
    assert run.sync_once(desk).pushed == 1
    assert desk_states(hub) == [(app_version(), 0, 1)]


def test_a_record_of_a_period_the_hub_no_longer_keeps_is_settled_not_retried(
    desk: Desk, hub: Hub
) -> None:
    """The hub summarised the visits up to November 2026 (as it would in December 2031,
    keeping five years in detail): the desk's visit of 24 November is refused with why,
    kept in quarantine, and not sent again at each sync."""
    from hub import retention

    enrolled(desk, hub)
    retention.apply(sessionmaker(hub.engine), date(2031, 12, 15))
    late = desk.intake.save(VISIT)
    summary = run.sync_once(desk)
    assert (summary.pushed, summary.rejected, summary.pending) == (0, 1, 0)
    ((outcome, reason),) = [(q.outcome, q.reason) for q in _quarantine(desk)]
    assert outcome == "rejected" and reason == (
        "accueil du 24/11/2026\u00a0: le hub ne garde plus les accueils d’avant le 01/12/2026"
    )
    with desk.sessions() as session:
        assert pending_count(session) == 0
    assert run.sync_once(desk).pushed == 0
    assert late.id not in {r.id for r in hub_records(hub)}


def desk_states(hub: Hub) -> list[tuple[str | None, int | None, int | None]]:
    with sessionmaker(hub.engine)() as session:
        rows = session.scalars(select(SiteToken).where(SiteToken.revoked_at.is_(None)))
        return [(t.desk_version, t.pending, t.quarantined) for t in rows]


def _quarantine(desk: Desk) -> list:  # type: ignore[type-arg]
    with desk.sessions() as session:
        return quarantined(session)


def test_an_older_version_is_stale_and_changes_nothing_at_the_hub(desk: Desk, hub: Hub) -> None:
    enrolled(desk, hub)
    record = desk.intake.save(VISIT)
    desk.intake.edit(record.id, replace(VISIT, age="45-54"))
    run.sync_once(desk)  # version 2 at the hub
    with desk.sessions.begin() as session:
        row = session.get(Contact, record.id)
        row.version, row.synced_version = 1, 0  # type: ignore[union-attr]
    assert run.sync_once(desk).pushed == 1  # answered "stale": the desk moves on
    (stored,) = hub_records(hub, "contact")
    assert (stored.version, stored.payload["age"]) == (2, "45-54")
    with desk.sessions() as session:
        assert pending_count(session) == 0


def test_two_desks_restored_from_one_backup_push_each_record_once(
    desk: Desk, hub: Hub, tmp_path: Path, clock: FakeClock
) -> None:
    enrolled(desk, hub)
    for _ in range(300):
        desk.intake.save(VISIT)
    copy = tmp_path / "copy"
    copy.mkdir()
    shutil.copy(desk.paths.database, copy / "aiguillage.sqlite3")
    shutil.copy(desk.paths.data / "hub-token", copy / "hub-token")
    twin = Desk.open(DeskPaths(data=copy, logs=copy / "logs"), clock=clock)
    results: list[object] = []

    def go(which: Desk) -> None:
        try:
            results.append(run.sync_once(which))
        except DeskError as error:  # pragma: no cover - would fail the test below
            results.append(error)

    threads = [threading.Thread(target=go, args=(d,)) for d in (desk, twin)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    twin.close()
    assert all(isinstance(r, run.SyncSummary) and r.pending == 0 for r in results), results
    assert len(hub_records(hub, "contact")) == 300


def test_enrolment_codes_are_one_time_and_expire(desk: Desk, hub: Hub, tmp_path: Path) -> None:
    _site, code = code_for(hub)
    run.enrol(desk, hub.url, code)
    first = credentials.load_token(desk.paths.data, f"{hub.url}|{desk.settings.get('desk.id')}")
    # The same desk asking again (its answer was lost) gets a new token that works, in
    # place of the one it may never have received.
    run.enrol(desk, hub.url, code.lower().replace("-", ""))
    assert run.sync_once(desk).pending == 0
    refused = httpx.get(f"{hub.url}/api/v1/changes", headers={"Authorization": f"Bearer {first}"})
    assert (refused.status_code, refused.json()["code"]) == (401, "unknown_token")
    other = Desk.open(DeskPaths(data=tmp_path / "other", logs=tmp_path / "other" / "logs"))
    with pytest.raises(DeskError) as caught:
        run.enrol(other, hub.url, code)
    # A used code, an unknown one and an expired one get the same answer: a guesser
    # learns nothing, the agent is told to ask for a new code.
    refusal = "Ce code d’inscription n’est pas ou plus valable\u202f: demandez un nouveau code"
    assert caught.value.text("fr").startswith(refusal)
    with pytest.raises(DeskError) as caught:
        run.enrol(other, hub.url, "ZZZZ-ZZZZ")
    assert caught.value.text("fr").startswith(refusal)
    _site2, expired = code_for(hub, "Espace emploi")
    with sessionmaker(hub.engine).begin() as session:
        from hub.models import EnrolCode

        session.query(EnrolCode).filter(EnrolCode.used_at.is_(None)).update(
            {EnrolCode.expires_at: service.now().replace(year=2020)}
        )
    with pytest.raises(DeskError) as caught:
        run.enrol(other, hub.url, expired)
    assert caught.value.text("fr").startswith(refusal)
    assert other.settings.get("hub.url") == ""
    other.close()


def test_a_revoked_desk_is_told_so_in_plain_words_and_keeps_its_records(
    desk: Desk, hub: Hub
) -> None:
    site_id = enrolled(desk, hub)
    desk.intake.save(VISIT)
    with sessionmaker(hub.engine).begin() as session:
        assert service.revoke(session, site_id) == 1
    with pytest.raises(DeskError) as caught:
        run.sync_once(desk)
    assert caught.value.text("fr").startswith(
        "Ce poste a été révoqué par la coordination régionale"
    )
    with desk.sessions() as session:
        assert pending_count(session) == 1
    assert hub_records(hub) == []


def test_forged_requests_are_refused_and_store_nothing(desk: Desk, hub: Hub) -> None:
    enrolled(desk, hub)
    record = desk.intake.save(VISIT)
    run.sync_once(desk)
    api = f"{hub.url}/api/v1/push"
    body = {"records": [{"kind": "contact", "id": record.id, "version": 9, "payload": {}}]}
    assert httpx.post(api, json=body).status_code == 401
    assert (
        httpx.post(api, json=body, headers={"Authorization": "Bearer forged"}).json()["code"]
        == "unknown_token"
    )
    # Another site's desk may not overwrite this site's record.
    _other, code = code_for(hub, "Mission locale")
    other = httpx.post(
        f"{hub.url}/api/v1/enrol",
        json={"code": code, "desk_id": "00000000-0000-4000-8000-000000000001", "desk_version": "1"},
    ).json()["token"]
    payload = {
        "day": "2026-11-24", "channel": "sur-place", "public": "salarie", "age": "26-44",
        "gender": "homme", "commune": "13004", "themes": ["vae"], "answers": ["information"],
    }  # fmt: skip
    body = {"records": [{"kind": "contact", "id": record.id, "version": 9, "payload": payload}]}
    answer = httpx.post(api, json=body, headers={"Authorization": f"Bearer {other}"}).json()
    assert answer["results"][0]["outcome"] == "rejected"
    huge = {
        "records": [
            {"kind": "contact", "id": record.id, "version": 1, "payload": {"x": "y" * 3_000_000}}
        ]
    }
    response = httpx.post(api, json=huge, headers={"Authorization": f"Bearer {other}"})
    assert (response.status_code, response.json()["code"]) == (413, "too_large")

    def pieces() -> Iterator[bytes]:  # no Content-Length: the size is counted as it comes
        yield b'{"records": [{"kind": "contact", "id": "x", "version": 1, "payload": {"x": "'
        for _ in range(30):
            yield b"y" * 100_000
        yield b'"}}]}'

    response = httpx.post(api, content=pieces(), headers={"Authorization": f"Bearer {other}"})
    assert (response.status_code, response.json()["code"]) == (413, "too_large")
    response = httpx.post(
        api,
        content=b"{not json",
        headers={"Authorization": f"Bearer {other}", "Content-Type": "application/json"},
    )
    assert response.status_code == 422 and response.json()["code"] == "malformed"
    (stored,) = hub_records(hub, "contact")
    assert (stored.version, stored.payload["public"]) == (1, "demandeur-emploi")
    with sessionmaker(hub.engine)() as session:
        assert session.scalar(select(func.count()).select_from(Record)) == 1


def test_hub_stats_count_what_each_site_sent(desk: Desk, hub: Hub) -> None:
    site_id = enrolled(desk, hub)
    first = desk.intake.save(VISIT)
    desk.intake.save(replace(VISIT, referrals=["demo-spro-etm--ml-ouest-provence-cej"]))
    desk.intake.cancel(first.id)
    run.sync_once(desk)
    with sessionmaker(hub.engine)() as session:
        (row,) = service.site_activity(session)
    assert (row["site"], row["contacts"], row["referrals"], row["flags"]) == (site_id, 1, 1, 0)
    assert row["last_sync"] is not None
