"""The disclosure rule itself: on random tables, no hidden count can be worked out."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from core import disclosure
from core.disclosure import MARGIN
from tests.disclosure_audit import exposed, one_way_constraints, two_way_constraints

counts = st.integers(0, 14)


def positive(values: Mapping[Any, int], found: Mapping[Any, object]) -> dict[Any, object]:
    """The exposed cells that hold visits (a hidden zero pinned to zero tells nothing)."""
    return {cell: interval for cell, interval in found.items() if values[cell]}


@settings(max_examples=150, deadline=None)
@given(st.dictionaries(st.sampled_from("abcdefg"), counts, min_size=2), st.sampled_from([3, 5, 10]))
def test_one_way_tables_hide_no_count_that_subtraction_finds(
    table: dict[str, int], min_cell: int
) -> None:
    hidden = disclosure.hide(disclosure.one_way(table), min_cell)
    assert {c for c, n in table.items() if 0 < n < min_cell} <= hidden
    assert not positive(
        table, exposed(table, hidden, one_way_constraints(table, sum(table.values())))
    )


@settings(max_examples=150, deadline=None)
@given(
    st.dictionaries(
        st.tuples(st.sampled_from("pqrs"), st.sampled_from("wxyz")), counts, min_size=1
    ),
    st.booleans(),
)
def test_two_way_tables_with_their_margins_hide_no_count_that_can_be_worked_out(
    inner: dict[tuple[str, str], int], rows_printed: bool
) -> None:
    rows: dict[str, int] = {}
    columns: dict[str, int] = {}
    for (r, c), n in inner.items():
        rows[r] = rows.get(r, 0) + n
        columns[c] = columns.get(c, 0) + n
    domain = ("pqrs", "wxyz")  # the lists' codes: a reader knows the missing ones are zeros
    table = disclosure.two_way(inner, rows if rows_printed else None, columns, domain)
    hidden = disclosure.hide(table, 5)
    cells = table.cells
    assert {k for k, n in cells.items() if 0 < n < 5} <= hidden
    total = sum(inner.values())
    found = exposed(cells, hidden, two_way_constraints(cells, MARGIN, rows_printed, total))
    assert not positive(cells, found)


@settings(max_examples=200, deadline=None)
@given(
    st.dictionaries(
        st.tuples(st.sampled_from("pqrs"), st.sampled_from("wxyz")), counts, min_size=1
    ),
    st.sampled_from([3, 5]),
)
def test_a_pair_and_its_two_tables_of_one_dimension_hide_no_count_that_can_be_worked_out(
    inner: dict[tuple[str, str], int], min_cell: int
) -> None:
    """What one reader sees of a period: the pair with its margins, and the table of each
    dimension asked for alone (every code of the lists, zeros included)."""
    rows = dict.fromkeys("pqrs", 0)
    columns = dict.fromkeys("wxyz", 0)
    for (r, c), n in inner.items():
        rows[r] += n
        columns[c] += n
    row_alone = disclosure.hide(disclosure.one_way(rows), min_cell)
    column_alone = disclosure.hide(disclosure.one_way(columns), min_cell)
    held = disclosure.pair(inner, rows, columns, min_cell, ("pqrs", "wxyz"))
    cells: dict[tuple[str, str], int] = {
        (r, c): inner.get((r, c), 0) for r in rows for c in columns
    }
    cells.update({(r, MARGIN): n for r, n in rows.items()})
    cells.update({(MARGIN, c): n for c, n in columns.items()})
    # A margin is hidden from the reader only when both its tables hide it.
    hidden = {k for k in held if MARGIN not in k}
    hidden |= {(r, MARGIN) for r in row_alone if (r, MARGIN) in held}
    hidden |= {(MARGIN, c) for c in column_alone if (MARGIN, c) in held}
    assert {k for k, n in cells.items() if 0 < n < min_cell} <= hidden
    total = sum(inner.values())
    found = exposed(cells, hidden, two_way_constraints(cells, MARGIN, True, total))
    assert not positive(cells, found)
    # And the pair's margins read as each table alone shows them.
    assert {r for r, c in held if c == MARGIN} == row_alone
    assert {c for r, c in held if r == MARGIN} == column_alone
