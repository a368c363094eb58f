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

from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Generic, TypeVar

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

    def line(self, members: Iterable[Cell], rows: bool = True) -> None:
        self.lines.append(list(members))
        self.sides.append(rows)


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
    for r, c in cells:
        by_row[r].append((r, c))
        by_column[c].append((r, c))
    for margins, lines, flip in ((rows, by_row, False), (columns, by_column, True)):
        for code, line in lines.items():
            if margins is not None:
                margin = (MARGIN, code) if flip else (code, MARGIN)
                cells[margin] = margins.get(code, 0)
                table.margins.add(margin)
                line.append(margin)
            table.line(line, rows=not flip)
        if margins is not None:
            table.line([(MARGIN, c) if flip else (c, MARGIN) for c in lines], rows=flip)
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
    cells = table.cells
    ends: dict[Cell, list[int]] = {}
    for number, line in enumerate(table.lines):
        for cell in line:
            ends.setdefault(cell, []).append(number)
    if any(len(held) > 2 for held in ends.values()):
        raise ValueError("a cell lies in more than two lines")
    hidden = {cell for cell, count in cells.items() if 0 < count < min_cell}
    hidden.update(cell for cell, held in table.published.items() if held)
    while True:
        added = _widen(table, hidden, min_cell)
        for cell in _pinned(table, ends, hidden):
            choice = _nearest(table, ends, hidden, cell)
            if choice is not None:
                hidden.add(choice)
                added = True
        if not added:
            return hidden


def _smallest(line: Iterable[Cell], table: Table[Cell], hidden: set[Cell]) -> Cell | None:
    """The shown cell to hide next: the smallest count, a zero last; never one another
    table shows."""
    cells, fixed = table.cells, table.published
    shown = [
        (cells[c] == 0, cells[c], n, c)
        for n, c in enumerate(line)
        if c not in hidden and c not in fixed
    ]
    return min(shown, key=lambda s: s[:3])[3] if shown else None


def _nearest(
    table: Table[Cell], ends: Mapping[Cell, Sequence[int]], hidden: set[Cell], cell: Cell
) -> Cell | None:
    """The shown cell to hide for a pinned one: the smallest of its own lines, else of
    the lines its hidden neighbours reach, nearest first."""
    seen = set(ends[cell])
    layer = list(seen)
    while layer:
        members = [c for n in layer for c in table.lines[n]]
        choice = _smallest(members, table, hidden)
        if choice is not None:
            return choice
        layer = [n for c in members if c in hidden for n in ends[c] if n not in seen]
        seen.update(layer)
    return None


def _widen(table: Table[Cell], hidden: set[Cell], min_cell: int) -> bool:
    """Rule 2, line by line until it holds in every one; whether a cell was added."""
    added, changed = False, True
    while changed:
        changed = False
        for line in table.lines:
            held = [c for c in line if c in hidden]
            amount = sum(table.cells[c] for c in held)
            # A line whose hidden cells are all zeros protects nothing.
            if amount and (len(held) < 2 or amount < min_cell):
                choice = _smallest(line, table, hidden)
                if choice is not None:
                    hidden.add(choice)
                    changed = added = True
    return added


def _pinned(
    table: Table[Cell], ends: Mapping[Cell, Sequence[int]], hidden: set[Cell]
) -> list[Cell]:
    """The hidden counts that cannot move by one while everything shown stays.

    A change of one hidden count is balanced along a cycle of lines, the counts on it
    going up and down in turn; a count may go down only from one. So each hidden cell
    is an arc from its row line to its column line when it may grow (the other way for
    a margin), and the other way when it may shrink (it is not zero); a count can move
    when one of its arcs lies on a directed cycle that does not come back by its own
    other arc. A cell in one line only joins the free node, where nothing need balance."""
    arcs: dict[int, list[tuple[int, Cell]]] = {}
    edges: list[tuple[int, int, Cell]] = []
    # In the table's order, not the set's (which varies from one run to the next with
    # the hash seed): a table asked for twice hides the same counts, or the two answers
    # together would show more than either.
    for cell in (c for c in table.cells if c in hidden):
        held = ends.get(cell, ())
        if not held:
            continue  # a cell in no line is not constrained at all
        if len(held) == 1:
            row, column = (held[0], _FREE) if table.sides[held[0]] else (_FREE, held[0])
        else:
            first, second = held
            row, column = (first, second) if table.sides[first] else (second, first)
        tail, head = (column, row) if cell in table.margins else (row, column)
        arcs.setdefault(tail, []).append((head, cell))
        if table.cells[cell]:
            arcs.setdefault(head, []).append((tail, cell))
        edges.append((tail, head, cell))
    component = _components({node: [n for n, _c in out] for node, out in arcs.items()})
    bridges = _strong_bridges(arcs, component)
    pinned = []
    for tail, head, cell in edges:
        if not table.cells[cell]:
            continue
        if component.get(tail) != component.get(head) or (
            (tail, cell) in bridges and (head, cell) in bridges
        ):
            pinned.append(cell)
    return pinned


def _strong_bridges(
    arcs: Mapping[int, list[tuple[int, Cell]]], component: Mapping[int, int]
) -> set[tuple[int, Cell]]:
    """The arcs (their tail and cell) inside a strongly connected component whose removal
    breaks it: a count whose two arcs are both such cannot move, since the only way back
    from one end of either arc to its other end is the count's other arc.

    An arc is a strong bridge when it is a bridge of the flow graph from any node of its
    component, or of the reversed one (Italiano, Laura and Santaroni, 2012); a bridge of a
    flow graph is an arc that dominates its head, found with each arc made a node of its
    own. Linear in the arcs where searching again for each count was quadratic (seconds
    on the region's table of 1,200 sites)."""
    members: dict[int, list[int]] = {}
    for node, root in component.items():
        members.setdefault(root, []).append(node)
    found: set[tuple[int, Cell]] = set()
    for nodes in members.values():
        if len(nodes) < 2:
            continue
        inside = set(nodes)
        links = [
            (tail, head, cell)
            for tail in nodes
            for head, cell in arcs.get(tail, ())
            if head in inside
        ]
        for reverse in (False, True):
            # Node numbers: the component's nodes first, then one per arc.
            number = {node: n for n, node in enumerate(nodes)}
            succ: list[list[int]] = [[] for _ in range(len(nodes) + len(links))]
            for k, (tail, head, _cell) in enumerate(links):
                start, end = (
                    (number[head], number[tail]) if reverse else (number[tail], number[head])
                )
                middle = len(nodes) + k
                succ[start].append(middle)
                succ[middle].append(end)
            idom = _dominators(succ, 0)
            for k, (tail, head, cell) in enumerate(links):
                end = number[tail] if reverse else number[head]
                if idom[end] == len(nodes) + k:
                    found.add((tail, cell))
    return found


def _dominators(succ: Sequence[Sequence[int]], root: int) -> list[int]:
    """The immediate dominator of each node reached from ``root`` (Cooper, Harvey and
    Kennedy's iterative algorithm); -1 for a node not reached."""
    order: list[int] = []
    seen = [False] * len(succ)
    seen[root] = True
    stack = [(root, 0)]
    while stack:
        node, at = stack[-1]
        if at < len(succ[node]):
            stack[-1] = (node, at + 1)
            following = succ[node][at]
            if not seen[following]:
                seen[following] = True
                stack.append((following, 0))
            continue
        stack.pop()
        order.append(node)
    order.reverse()
    rank = [-1] * len(succ)
    for n, node in enumerate(order):
        rank[node] = n
    preds: list[list[int]] = [[] for _ in succ]
    for node in order:
        for following in succ[node]:
            preds[following].append(node)
    idom = [-1] * len(succ)
    idom[root] = root
    changed = True
    while changed:
        changed = False
        for node in order[1:]:
            new = -1
            for other in preds[node]:
                if idom[other] == -1:
                    continue
                if new == -1:
                    new = other
                    continue
                a, b = other, new
                while a != b:
                    while rank[a] > rank[b]:
                        a = idom[a]
                    while rank[b] > rank[a]:
                        b = idom[b]
                new = a
            if idom[node] != new:
                idom[node] = new
                changed = True
    return idom


def _components(arcs: Mapping[int, list[int]]) -> dict[int, int]:
    """The strongly connected component of each node (Tarjan's, iterative)."""
    order: dict[int, int] = {}
    low: dict[int, int] = {}
    component: dict[int, int] = {}
    path: list[int] = []
    on_path: set[int] = set()
    for root in list(arcs):
        if root in order:
            continue
        stack: list[tuple[int, int]] = [(root, 0)]
        order[root] = low[root] = len(order)
        path.append(root)
        on_path.add(root)
        while stack:
            node, at = stack[-1]
            following = arcs.get(node, [])
            if at < len(following):
                stack[-1] = (node, at + 1)
                other = following[at]
                if other not in order:
                    order[other] = low[other] = len(order)
                    path.append(other)
                    on_path.add(other)
                    stack.append((other, 0))
                elif other in on_path:
                    low[node] = min(low[node], order[other])
                continue
            stack.pop()
            if stack:
                parent = stack[-1][0]
                low[parent] = min(low[parent], low[node])
            if low[node] == order[node]:
                while True:
                    member = path.pop()
                    on_path.discard(member)
                    component[member] = node
                    if member == node:
                        break
    return component
