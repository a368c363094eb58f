"""Whatever a client sends to the desk API, the hub answers it without a 5xx: arbitrary JSON
values (text with control characters and lone surrogates, huge integers, floats, NaN,
nested objects) put in place of any field of a sound request, over HTTP to the hub under
uvicorn on PostgreSQL."""

from __future__ import annotations

import json
import uuid
from typing import Any
from urllib.parse import quote

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import delete
from sqlalchemy.orm import Session

from hub.models import EnrolAttempt
from tests.hub.conftest import Hub
from tests.hub.test_border_push import contact, flag, token_for
from tests.hub.test_sync import code_for

ODD = ["\x00", "\x01", "\x1b", "\x7f", "\ud800", "\udfff", "\n", "\t", "é", "\u202e", "’", "-"]
TEXT = st.one_of(st.text(max_size=40), st.text(st.sampled_from(ODD), max_size=10))
SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.sampled_from([2**31, 2**31 - 1, -(2**31) - 1, 2**63, 1454681418790]),
    st.floats(allow_nan=True, allow_infinity=True),
    TEXT,
)
# What breaks a database or an encoder, tried often.
HOSTILE = st.sampled_from(
    ["\x00", "fermé\x00", "\ud800", "a\x1b[31m", 2**31, 2**63, -(2**31) - 1, 10**30, 1e308,
     float("nan"), -1, 0, True, [], {}]
)  # fmt: skip
VALUES = st.recursive(
    SCALARS,
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(TEXT, inner, max_size=4)),
    max_leaves=12,
)
# A query string is percent-encoded bytes: any text but lone surrogates, and raw escapes.
QUERY = st.one_of(
    st.integers(min_value=-(2**70), max_value=2**70).map(str),
    st.text(st.characters(exclude_categories=["Cs"]), max_size=20).map(quote),
    st.sampled_from(["%00", "%ff%fe", "1e9", "0x10", "+5", "%207", "NaN", "", "1.5"]),
)
EXAMPLES = settings(
    max_examples=90,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every place in a JSON value where another value may be put (the root included)."""
    found = [prefix]
    if isinstance(value, dict):
        for key, inner in value.items():
            found += paths(inner, (*prefix, key))
    elif isinstance(value, list):
        for index, inner in enumerate(value):
            found += paths(inner, (*prefix, index))
    return found


def replaced(value: Any, path: tuple[Any, ...], new: Any) -> Any:
    if not path:
        return new
    copy: Any = dict(value) if isinstance(value, dict) else list(value)
    copy[path[0]] = replaced(copy[path[0]], path[1:], new)
    return copy


def mutant(data: st.DataObject, sound: dict[str, Any]) -> str:
    """A sound body with one place (or a new key) holding an arbitrary value, as JSON that
    Python reads (lone surrogates escaped, NaN written as such)."""
    where = data.draw(st.sampled_from(paths(sound)))
    new = data.draw(st.one_of(HOSTILE, VALUES))
    if data.draw(st.integers(0, 3)):
        body = replaced(sound, where, new)
    else:
        holder = sound
        for step in where:
            holder = holder[step]
        body = (
            replaced(sound, where, {**holder, data.draw(TEXT): new})
            if isinstance(holder, dict)
            else replaced(sound, where, new)
        )
    return json.dumps(body)


def answered_in_words(answer: httpx.Response) -> None:
    assert answer.status_code < 500, answer.text
    if answer.status_code >= 400:
        problem = answer.json()
        assert set(problem) == {"code", "message"} and problem["message"], problem


@pytest.fixture
def bearer(hub: Hub) -> dict[str, str]:
    return {"Authorization": f"Bearer {token_for(hub)}", "Content-Type": "application/json"}


@EXAMPLES
@given(data=st.data())
def test_push_never_answers_5xx(hub: Hub, bearer: dict[str, str], data: st.DataObject) -> None:
    sound = {
        "protocol": 1,
        "records": [
            {"kind": "contact", "id": str(uuid.uuid4()), "version": 1, "payload": contact()},
            {
                "kind": "flag",
                "id": str(uuid.uuid4()),
                "version": 2,
                "payload": flag(comment="fermé", structure_id="demo--structure"),
            },
        ],
        "desk": {"version": "1.0", "pending": 3, "quarantined": 0},
    }
    with httpx.Client(base_url=hub.url, timeout=30) as client:
        answered_in_words(client.post("/api/v1/push", content=mutant(data, sound), headers=bearer))


@EXAMPLES
@given(data=st.data())
def test_enrol_never_answers_5xx(hub: Hub, data: st.DataObject) -> None:
    # A fresh, good code each time, and the address's refusals forgotten: every example
    # reaches as far into enrolment as its body lets it.
    _site, code = code_for(hub, "Cité des métiers")
    with Session(hub.engine) as session, session.begin():
        session.execute(delete(EnrolAttempt))
    sound = {"code": code, "desk_id": str(uuid.uuid4()), "desk_version": "1.0", "protocol": 1}
    with httpx.Client(base_url=hub.url, timeout=30) as client:
        answer = client.post(
            "/api/v1/enrol",
            content=mutant(data, sound),
            headers={"Content-Type": "application/json"},
        )
    answered_in_words(answer)


@settings(max_examples=50, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])  # fmt: skip
@given(after=QUERY, limit=QUERY)
def test_changes_never_answers_5xx(
    hub: Hub, bearer: dict[str, str], after: str, limit: str
) -> None:
    with httpx.Client(base_url=hub.url, timeout=30) as client:
        answer = client.get(f"/api/v1/changes?after={after}&limit={limit}", headers=bearer)
    answered_in_words(answer)
