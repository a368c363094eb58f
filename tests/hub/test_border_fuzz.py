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

from tests.hub.conftest import Hub
from tests.hub.test_border_push import contact, flag, token_for

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
VALUES = st.recursive(
    SCALARS,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4), st.dictionaries(TEXT, inner, max_size=4)
    ),
    max_leaves=12,
)
# A query string is percent-encoded bytes: any text but lone surrogates, and raw escapes.
QUERY = st.one_of(
    st.integers(min_value=-(2**70), max_value=2**70).map(str),
    st.text(st.characters(exclude_categories=("Cs",)), max_size=20).map(quote),
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
    new = data.draw(VALUES)
    if data.draw(st.booleans()):
        body = replaced(sound, where, new)
    else:
        holder = sound
        for step in where:
            holder = holder[step]
        body = replaced(sound, where, {**holder, data.draw(TEXT): new}) if isinstance(
            holder, dict
        ) else replaced(sound, where, new)
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
            {"kind": "flag", "id": str(uuid.uuid4()), "version": 2,
             "payload": flag(comment="fermé", structure_id="demo--structure")},
        ],  # fmt: skip
        "desk": {"version": "1.0", "pending": 3, "quarantined": 0},
    }
    with httpx.Client(base_url=hub.url, timeout=30) as client:
        answered_in_words(client.post("/api/v1/push", content=mutant(data, sound), headers=bearer))


@EXAMPLES
@given(data=st.data())
def test_enrol_never_answers_5xx(hub: Hub, data: st.DataObject) -> None:
    sound = {"code": "ABCD-EFGH", "desk_id": str(uuid.uuid4()), "desk_version": "1.0",
             "protocol": 1}  # fmt: skip
    with httpx.Client(base_url=hub.url, timeout=30) as client:
        answer = client.post(
            "/api/v1/enrol",
            content=mutant(data, sound),
            headers={"Content-Type": "application/json"},
        )
    # Refusals are counted per address: 429 once enough wrong codes came, never a 5xx.
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
