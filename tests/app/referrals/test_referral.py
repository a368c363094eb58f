"""Referrals recorded with a visit, their slip codes, and the services suggested."""

from __future__ import annotations

import random
import re
from dataclasses import replace

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import select

from app.desk import Desk
from app.directory.search import SearchQuery, search
from app.first_screen import read_first_screen
from app.intake.contact import ContactDraft
from app.referrals.codes import SLIP_ALPHABET, new_slip_code
from core.errors import ValidationFailed
from db.models import Referral
from tests.conftest import stored_contacts

CEJ = "demo-spro-etm--ml-ouest-provence-cej"
SLIP = re.compile(r"^[A-HJ-NP-Z2-9]{3}-[A-HJ-NP-Z2-9]{3}$")


def visit(**changes: object) -> ContactDraft:
    draft = ContactDraft(
        "sur-place",
        "jeune-non-scolarise",
        "16-25",
        "homme",
        "13047",
        ["trouver-emploi", "alternance"],
        ["orientation-partenaire"],
    )
    return replace(draft, **changes)  # type: ignore[arg-type]


@given(st.randoms(use_true_random=False))
def test_slip_codes_have_no_ambiguous_characters(rng: random.Random) -> None:
    code = new_slip_code(rng.choice)
    assert SLIP.match(code)
    assert not set(code) & set("O0I1")
    assert set(code) - {"-"} <= set(SLIP_ALPHABET)


def test_suggestions_rank_the_visitors_themes_public_and_commune_first(desk: Desk) -> None:
    with desk.sessions() as session:
        found = search(
            session,
            SearchQuery(themes=["alternance"], public="jeune-non-scolarise", commune="13047"),
        )
    assert found
    best = found[0]
    assert best.themes_matched == 1 and best.public_fits  # the visit asked one theme
    assert [s.themes_matched for s in found] == sorted(
        (s.themes_matched for s in found), reverse=True
    )
    # Arles' Mission locale does not serve Istres.
    assert all("Mission locale d’Arles" not in s.structure_name for s in found)


def test_referrals_are_stored_with_the_visit_each_with_its_own_slip_code(desk: Desk) -> None:
    with desk.sessions() as session:
        others = [
            s.service_id
            for s in search(
                session,
                SearchQuery(themes=["alternance"], public="jeune-non-scolarise", commune="13047"),
            )
        ][:2]
    record = desk.intake.save(visit(referrals=[CEJ, *others]))
    assert [r.service_id for r in record.referrals] == [CEJ, *others]
    codes = [r.slip_code for r in record.referrals]
    assert len(set(codes)) == 3 and all(SLIP.match(c) for c in codes)
    cej = record.referrals[0]
    assert cej.service_name == "Contrat d’engagement jeune (CEJ)"
    assert cej.structure_name == "Mission locale Ouest Provence"


def test_a_visit_s_referrals_come_back_in_the_order_the_agent_chose_them(
    desk: Desk, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Ids that sort against the order they are made in: the order shown must not follow them.
    ids = (f"{n:08d}-0000-4000-8000-000000000000" for n in range(99, 0, -1))
    monkeypatch.setattr("app.referrals.codes.uuid.uuid4", lambda: next(ids))
    with desk.sessions() as session:
        others = [
            s.service_id
            for s in search(session, SearchQuery(themes=["alternance"], commune="13047"))
            if s.service_id != CEJ
        ][:3]
    chosen = [others[1], CEJ, others[2], others[0]]
    record = desk.intake.save(visit(referrals=chosen))
    assert [r.service_id for r in desk.intake.get(record.id).referrals] == chosen
    screen = read_first_screen(desk.paths.database, desk.intake.today())
    assert screen is not None
    (shown,) = screen.contacts  # the first screen reads the day's visits the same way
    assert [line.service_id for line in shown.referrals] == chosen


def test_a_correction_can_drop_a_referral_which_is_kept_as_cancelled(desk: Desk) -> None:
    record = desk.intake.save(visit(referrals=[CEJ]))
    edited = desk.intake.edit(record.id, visit(referrals=[]))
    assert edited.referrals == ()
    with desk.sessions() as session:
        referral = session.scalars(select(Referral)).one()
        assert (referral.status, referral.version) == ("cancelled", 2)


def test_an_unknown_service_is_refused_and_nothing_is_written(desk: Desk) -> None:
    with pytest.raises(ValidationFailed) as caught:
        desk.intake.save(visit(referrals=["nowhere--42"]))
    assert caught.value.text("fr") == (
        "Orientation\u00a0: le service «\u00a0nowhere--42\u00a0» n’est pas (ou plus) dans l’annuaire."
    )
    assert stored_contacts(desk) == 0
