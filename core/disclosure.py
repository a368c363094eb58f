"""Disclosure control: which counts of a published table to hide so that none of them
can be worked out from what is shown.

One rule, shared by the desk's exports and the hub's console. A table is a set of
*cells* (counts) and of *lines*: groups of cells whose sum a reader knows, because it
is printed (a total, a margin) or could be guessed. A margin that is itself printed and
may be hidden (a row of the region's table, the count of one public in a table by
public × theme) is a cell of the line it closes. Each cell lies in two lines at most (a
table of two dimensions with its margins), so that the lines and the hidden cells form a
graph: lines are its nodes, each hidden cell an edge between its two lines (or between
its line and a common "free" node when it lies in one line only).

The rule:

1. every count from 1 to ``min_cell`` − 1 is hidden (the *primary* cells);
2. in every line the hidden cells are none, or two at least adding up to ``min_cell``
   at least, so that a hidden count is not narrowed down to a few values;
3. no hidden cell is a *bridge* of that graph: a hidden cell on no cycle is the
   difference of shown sums, whatever the other hidden values; a hidden cell on a cycle
   can move by one up and down along it (every hidden count is at least one), the shown
   cells and every printed sum staying as they are.

A reader holds every table a site publishes for a period: a table of two dimensions
and the table of each dimension alone, asked for separately, are one publication. The
margins of a pair are therefore decided first, each by its own table of one dimension
(:func:`pair`): a margin shown there is shown in the pair, one hidden there stays hidden,
and the pair hides more of its inner counts where needed (always possible: a shown margin
is at least the threshold, or zero).

Secondary cells are taken smallest first, a shown zero last: a zero is hidden only when a
line has no other count to hide with its own (three visits, all of one public). Zeros
otherwise stay shown: that nobody of a kind came tells nothing of anyone.

Multi-valued dimensions (themes, answers, partners: a visit may hold several) do not add
up to the number of visits; they are treated as if they did (a lone hidden count gets a
second one), as most visits hold one value only. The total printed beside them stays the
number of visits.
"""

from __future__ import annotations

import heapq
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from core.graph import components, cycles, strong_bridges

Cell = TypeVar("Cell", bound=Hashable)
_FREE = -1  # the node of the cells that lie in one line only


@dataclass
class Table(Generic[Cell]):
    """Counts and the lines a reader knows the sum of (each cell in two lines at most).

    Lines fall on two sides (rows and columns); a cell joins a line of each side, or one
    line only. A margin is counted against the cells it closes and with the other
    margins: ``margins`` lists them, so that a change of one count can be followed
    around the table."""

    cells: dict[Cell, int] = field(default_factory=dict)
    lines: list[list[Cell]] = field(default_factory=list)
    sides: list[bool] = field(default_factory=list)  # a line of rows (True) or columns
    margins: set[Cell] = field(default_factory=set)
    # Cells another published table already decided: hidden (True) or shown (False).
    published: dict[Cell, bool] = field(default_factory=dict)
    # The lines as the numbers of their cells (in ``cells``' order), when the table was
    # built whole by :func:`two_way`: what :func:`hide` works on, found without looking
    # every cell up again.
    numbered: list[list[int]] | None = None

    def line(self, members: Iterable[Cell], rows: bool = True) -> None:
        self.lines.append(list(members))
        self.sides.append(rows)
        self.numbered = None


def one_way(counts: Mapping[Cell, int]) -> Table[Cell]:
    """A table of one dimension against its total."""
    return Table(dict(counts), [list(counts)], [True])


MARGIN = ""  # the row or column of a two-way table's margins
# Past this many cells, zeros are offered only to the lines that have few counts.
_FULL_GRID = 20_000


def two_way(
    counts: Mapping[tuple[str, str], int],
    rows: Mapping[str, int] | None = None,
    columns: Mapping[str, int] | None = None,
    domain: tuple[Iterable[str], Iterable[str]] = ((), ()),
) -> Table[tuple[str, str]]:
    """A table of two dimensions, cells ``(row, column)``; each row's and each column's
    sum is known. ``rows`` (``columns``): the row (column) margins when they are printed
    themselves and may be hidden, as cells ``(row, MARGIN)`` (``(MARGIN, column)``)
    whose own sum, the total, is known; when absent, those sums are printed whole.
    Missing cells are zeros, offered as a last resort; ``domain``: more row and column
    codes a reader knows of (their counts zero)."""
    row_codes = sorted({r for r, _c in counts} | set(rows or ()) | set(domain[0]))
    column_codes = sorted({c for _r, c in counts} | set(columns or ()) | set(domain[1]))
    cells = dict(counts)
    positive: dict[str, int] = {}
    for (r, _c), n in counts.items():
        positive[r] = positive.get(r, 0) + (n > 0)
    big = sorted(column_codes, key=lambda c: -(columns or {}).get(c, 0))[:2]
    full = len(row_codes) * len(column_codes) <= _FULL_GRID
    for r in row_codes:
        if full or positive.get(r, 0) < 3:
            for c in column_codes if full else big:
                cells.setdefault((r, c), 0)
    table: Table[tuple[str, str]] = Table(cells)
    by_row: dict[str, list[tuple[str, str]]] = {r: [] for r in row_codes}
    by_column: dict[str, list[tuple[str, str]]] = {c: [] for c in column_codes}
    row_at: dict[str, list[int]] = {r: [] for r in row_codes}
    column_at: dict[str, list[int]] = {c: [] for c in column_codes}
    for k, cell in enumerate(cells):
        r, c = cell
        by_row[r].append(cell)
        by_column[c].append(cell)
        row_at[r].append(k)
        column_at[c].append(k)
    numbered: list[list[int]] = []
    for margins, lines, at, flip in (
        (rows, by_row, row_at, False), (columns, by_column, column_at, True)
    ):  # fmt: skip
        closing: list[int] = []
        for code, line in lines.items():
            if margins is not None:
                margin = (MARGIN, code) if flip else (code, MARGIN)
                closing.append(len(cells))
                at[code].append(len(cells))
                cells[margin] = margins.get(code, 0)
                table.margins.add(margin)
                line.append(margin)
            table.line(line, rows=not flip)
            numbered.append(at[code])
        if margins is not None:
            table.line([(MARGIN, c) if flip else (c, MARGIN) for c in lines], rows=flip)
            numbered.append(closing)
    if table.margins.isdisjoint(counts):  # each margin numbered where it was added
        table.numbered = numbered
    return table


def pair(
    counts: Mapping[tuple[str, str], int],
    rows: Mapping[str, int],
    columns: Mapping[str, int],
    min_cell: int | None,
    domain: tuple[Iterable[str], Iterable[str]] = ((), ()),
) -> set[tuple[str, str]]:
    """The cells to hide in a table of two dimensions published with the tables of each
    dimension alone (``rows``, ``columns``: their counts, every code a reader knows of
    listed, in the order they are hidden in when asked for alone): the cells
    ``(row, column)`` and the margins ``(row, MARGIN)``, ``(MARGIN, column)``, which are
    hidden exactly as those tables hide them, so that no count of the three can be
    worked out from the others."""
    if min_cell is None or min_cell <= 1:
        return set()
    table = two_way(counts, rows, columns, domain)
    row_alone = hide(one_way(rows), min_cell)
    column_alone = hide(one_way(columns), min_cell)
    for row, column in table.margins:
        table.published[row, column] = column in column_alone if row == MARGIN else row in row_alone
    return hide(table, min_cell)


def hide(table: Table[Cell], min_cell: int | None) -> set[Cell]:
    """The cells of ``table`` to hide under the threshold ``min_cell`` (none below 2)."""
    if min_cell is None or min_cell <= 1:
        return set()
    sheet = _Sheet.of(table)
    counts = sheet.counts
    hidden = {k for k, count in enumerate(counts) if 0 < count < min_cell}
    hidden.update(sheet.number[cell] for cell, held in table.published.items() if held)
    touched: Iterable[int] = range(len(sheet.lines))
    while True:
        _widen(sheet, hidden, min_cell, touched)
        chosen = []
        for cell in _pinned(sheet, hidden):
            choice = _nearest(sheet, hidden, cell)
            if choice is not None:
                hidden.add(choice)
                chosen.append(choice)
        if not chosen:  # rule 2 held before the search, and nothing moved since
            return {sheet.cells[k] for k in hidden}
        touched = {n for cell in chosen for n in sheet.ends[cell]}


@dataclass
class _Sheet(Generic[Cell]):
    """A table in numbers: its cells numbered in the table's order (so that a table
    asked for twice hides the same counts, whatever the hash seed), each line a list of
    cell numbers, and the lines each cell lies in."""

    cells: list[Cell]
    number: dict[Cell, int]
    counts: list[int]
    lines: list[list[int]]
    ends: list[list[int]]
    sides: list[bool]
    margins: set[int]
    fixed: set[int]  # decided by another published table: never chosen here

    @classmethod
    def of(cls, table: Table[Cell]) -> _Sheet[Cell]:
        cells = list(table.cells)
        number = dict(zip(cells, range(len(cells)), strict=True))
        lines = table.numbered
        if lines is None:
            lines = [list(map(number.__getitem__, line)) for line in table.lines]
        ends: list[list[int]] = [[] for _ in cells]
        for n, line in enumerate(lines):
            for k in line:
                ends[k].append(n)
        if any(len(held) > 2 for held in ends):
            raise ValueError("a cell lies in more than two lines")
        return cls(
            cells, number, list(table.cells.values()), lines, ends, table.sides,
            {number[c] for c in table.margins}, {number[c] for c in table.published},
        )  # fmt: skip


def _smallest(line: Sequence[int], sheet: _Sheet[Any], hidden: set[int]) -> int | None:
    """The shown cell to hide next: the smallest count, a zero last; never one another
    table shows."""
    counts, fixed = sheet.counts, sheet.fixed
    shown = [
        (counts[k] == 0, counts[k], n, k)
        for n, k in enumerate(line)
        if k not in hidden and k not in fixed
    ]
    return min(shown)[3] if shown else None


def _nearest(sheet: _Sheet[Any], hidden: set[int], cell: int) -> int | None:
    """The shown cell to hide for a pinned one: the smallest of its own lines, else of
    the lines its hidden neighbours reach, nearest first."""
    seen = set(sheet.ends[cell])
    layer = list(seen)
    while layer:
        members = [k for n in layer for k in sheet.lines[n]]
        choice = _smallest(members, sheet, hidden)
        if choice is not None:
            return choice
        layer = [n for k in members if k in hidden for n in sheet.ends[k] if n not in seen]
        seen.update(layer)
    return None


def _widen(sheet: _Sheet[Any], hidden: set[int], min_cell: int, touched: Iterable[int]) -> None:
    """Rule 2, line by line until it holds in every one.

    Line after line in their order, each adding one cell at most, over and over until
    none adds one; only the lines a new hidden cell lies in (``touched`` at first) are
    looked at again, a line further on in the same round, one before in the next."""
    counts = sheet.counts
    waiting = set(touched)
    while waiting:
        heap = sorted(waiting)
        queued, waiting = set(heap), set()
        while heap:
            number = heapq.heappop(heap)
            line = sheet.lines[number]
            held = hidden.intersection(line)
            amount = sum(map(counts.__getitem__, held))
            # A line whose hidden cells are all zeros protects nothing.
            if not amount or (len(held) >= 2 and amount >= min_cell):
                continue
            choice = _smallest(line, sheet, hidden)
            if choice is None:
                continue
            hidden.add(choice)
            for other in (number, *sheet.ends[choice]):
                if other > number and other not in queued:
                    heapq.heappush(heap, other)
                    queued.add(other)
                elif other <= number:
                    waiting.add(other)


def _pinned(sheet: _Sheet[Any], hidden: set[int]) -> list[int]:
    """The hidden counts that cannot move by one while everything shown stays.

    A change of one hidden count is balanced along a cycle of lines, the counts on it
    going up and down in turn; a count may go down only from one. So each hidden cell
    is an arc from its row line to its column line when it may grow (the other way for
    a margin), and the other way when it may shrink (it is not zero); a count can move
    when one of its arcs lies on a directed cycle that does not come back by its own
    other arc. A cell in one line only joins the free node, where nothing need balance.

    Most hidden counts are not zeros, so they may go either way: one on a cycle of such
    counts moves, whatever the zeros do. Those are found first, in the undirected graph
    of the counts that are not zeros (its bridges, :func:`core.graph.cycles`); the lines each such
    cycle joins then move as one node, and the directed search
    (:func:`core.graph.strong_bridges`) runs on what is left, the bridges and the zeros: a few
    hundred arcs where a region's table of sites by partners has a hundred thousand."""
    counts, ends, sides, margins = sheet.counts, sheet.ends, sheet.sides, sheet.margins
    edges: list[tuple[int, int, int]] = []
    for cell in sorted(hidden):  # the table's order: the same answer every time
        held = ends[cell]
        if not held:
            continue  # a cell in no line is not constrained at all
        if len(held) == 1:
            row, column = (held[0], _FREE) if sides[held[0]] else (_FREE, held[0])
        else:
            first, second = held
            row, column = (first, second) if sides[first] else (second, first)
        edges.append((column, row, cell) if cell in margins else (row, column, cell))
    both_ways = [k for k, edge in enumerate(edges) if counts[edge[2]]]
    bridges, part = cycles(edges, both_ways)
    arcs: dict[int, list[tuple[int, int]]] = {}
    left: list[tuple[int, int, int]] = []
    for k in sorted(bridges.union(k for k, edge in enumerate(edges) if not counts[edge[2]])):
        tail, head, cell = edges[k]
        tail, head = part.get(tail, tail), part.get(head, head)
        if tail == head:
            continue  # a zero inside a cycle of counts that go either way: it can grow
        arcs.setdefault(tail, []).append((head, cell))
        if counts[cell]:
            arcs.setdefault(head, []).append((tail, cell))
        left.append((tail, head, cell))
    component = components({node: [n for n, _c in out] for node, out in arcs.items()})
    strong = strong_bridges(arcs, component)
    return [
        cell
        for tail, head, cell in left
        if counts[cell]
        and (
            component.get(tail) != component.get(head)
            or ((tail, cell) in strong and (head, cell) in strong)
        )
    ]
