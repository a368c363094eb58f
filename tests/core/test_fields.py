"""The table of a contact's fields agrees with every place that still writes a field out:
the desk's model, the draft and the record, the wire the hub receives, the lists of the desk
and of the hub, and the statistics of both."""

from __future__ import annotations

from dataclasses import fields as dataclass_fields

from sqlalchemy import Boolean, String, inspect

from app.intake.contact import ContactDraft, ContactRecord
from app.stats import queries as desk_stats
from core.fields import BY_KEY, CONTACT_FIELDS, COUNTED, LIST_OF, LISTED, MULTI_CHOICE
from core.lists import DEFAULT_LISTS
from core.stats import tables as stats_tables
from core.wire import PROTOCOL, ContactWire, fields_of
from db.models import Contact
from hub import stats as hub_stats
from hub.directory import LISTS as HUB_LISTS


def test_the_desks_contact_model_has_a_column_or_a_list_for_each_field() -> None:
    mapper = inspect(Contact)
    for field in CONTACT_FIELDS:
        if field.multiple:
            relation = mapper.relationships[field.name]
            assert relation.uselist, field.name
            assert "code" in relation.mapper.columns, field.name
            continue
        column = mapper.columns[field.name]
        assert column.nullable == (not field.required), field.name
        expected = Boolean if field.wire == "flag" else String
        assert isinstance(column.type, expected), field.name


def test_the_draft_and_the_record_hold_every_field() -> None:
    draft = {f.name for f in dataclass_fields(ContactDraft)}
    record = {f.name for f in dataclass_fields(ContactRecord)}
    for field in CONTACT_FIELDS:
        assert field.name in draft and field.name in record, field.name


def test_the_wire_the_hub_receives_is_the_table() -> None:
    wire = ContactWire.model_fields
    assert list(wire) == ["day", *(f.name for f in CONTACT_FIELDS), "cancelled"]
    for field in CONTACT_FIELDS:
        assert wire[field.name].is_required() == field.required, field.name
    assert fields_of("contact", PROTOCOL) == set(wire)


def test_a_field_added_after_the_first_protocol_has_a_default() -> None:
    # A desk or a hub that does not know it must be able to leave it out.
    for field in CONTACT_FIELDS:
        assert 1 <= field.since <= PROTOCOL, field.name
        if field.since > 1:
            assert not field.required, field.name


def test_the_lists_of_the_desk_and_of_the_hub_are_the_tables() -> None:
    assert set(DEFAULT_LISTS) == set(LISTED)
    assert tuple(HUB_LISTS) == LISTED
    assert {"theme", "answer"} == MULTI_CHOICE
    assert LIST_OF["themes"] == "theme" and "commune" not in LIST_OF


def test_every_counted_field_is_a_dimension_of_both_statistics() -> None:
    for key, name in COUNTED.items():
        assert key in desk_stats.DIMENSIONS, key
        assert hub_stats.FIELDS[key] == name
        assert (key in stats_tables.MULTIPLE) == BY_KEY[key].multiple
