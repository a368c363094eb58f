"""The attacker's side of disclosure control: how far each hidden count can be narrowed
down by linear programming, given everything a table shows."""

from __future__ import annotations

from collections.abc import Hashable, Mapping, Sequence
from typing import TypeVar

from scipy.optimize import linprog

# A cell of a table: a code, or a (row, column) pair of codes.
K = TypeVar("K", bound=Hashable)
# A constraint: (coefficient per cell, the sum a reader knows).
Constraint = tuple[Mapping[K, int], int]


def exposed(
    values: Mapping[K, int],
    hidden: set[K],
    constraints: Sequence[Constraint[K]],
    upper: Mapping[K, int] | None = None,
) -> dict[K, tuple[float, float]]:
    """The hidden cells whose interval (min, max over every table that agrees with what
    is shown, cells ≥ 0, each under its ``upper`` bound) is narrower than one: a
    protected count can take two integer values at least."""
    order = sorted(hidden, key=repr)
    if not order:
        return {}
    where = {cell: n for n, cell in enumerate(order)}
    rows, rhs = [], []
    for coefficients, known in constraints:
        row = [0.0] * len(order)
        rest = known
        touched = False
        for cell, k in coefficients.items():
            if cell in where:
                row[where[cell]] += k
                touched = True
            else:
                rest -= k * values[cell]
        if touched:
            rows.append(row)
            rhs.append(rest)
    bounds = [(0, (upper or {}).get(cell)) for cell in order]
    found: dict[K, tuple[float, float]] = {}
    for cell, n in where.items():
        goal = [0.0] * len(order)
        goal[n] = 1.0
        low = linprog(goal, A_eq=rows or None, b_eq=rhs or None, bounds=bounds)
        goal[n] = -1.0
        high = linprog(goal, A_eq=rows or None, b_eq=rhs or None, bounds=bounds)
        assert low.status == 0 and high.status in (0, 3), (low, high)
        top = float("inf") if high.status == 3 else -high.fun
        if top - low.fun < 1 - 1e-6:
            found[cell] = (low.fun, top)
    return found


def one_way_constraints(values: Mapping[K, int], total: int) -> list[Constraint[K]]:
    return [({cell: 1 for cell in values}, total)]


def two_way_constraints(
    cells: Mapping[tuple[str, str], int], margin: str, rows_printed: bool, total: int
) -> list[Constraint[tuple[str, str]]]:
    """A table of (row, column) with its column margins (row ``margin``) and row margins
    (column ``margin``; known sums when ``rows_printed`` is false); the total known."""
    inner = {k: n for k, n in cells.items() if margin not in k}
    constraints: list[Constraint[tuple[str, str]]] = []
    for r in {r for r, _c in inner}:
        line = {k: 1 for k in inner if k[0] == r}
        if rows_printed:
            constraints.append(({**line, (r, margin): -1}, 0))
        else:
            constraints.append((line, sum(inner[k] for k in line)))
    for c in {c for _r, c in inner}:
        line = {k: 1 for k in inner if k[1] == c}
        constraints.append(({**line, (margin, c): -1}, 0))
    constraints.append(({k: 1 for k in cells if k[0] == margin}, total))
    if rows_printed:
        constraints.append(({k: 1 for k in cells if k[1] == margin}, total))
    return constraints


# A line a reader knows the sum of: its cells, each with its coefficient.
Line = Mapping[K, int]


def worked_out(
    shown: Mapping[K, int | None], truth: Mapping[K, int], lines: Sequence[Line[K]]
) -> dict[K, tuple[float, float]]:
    """The hidden counts (``None`` in ``shown``, as read back from a published table) that
    hold visits and can be narrowed down to one value, for the strongest reader: one who
    knows every line's true sum (how many themes the visits hold in all, not only how
    many visits there were). ``truth``: the true counts, a cell absent counting zero."""
    hidden = {cell for cell, value in shown.items() if value is None}
    values = {cell: truth.get(cell, 0) for cell in shown}
    constraints = [
        (line, sum(k * truth.get(cell, 0) for cell, k in line.items())) for line in lines
    ]
    found = exposed(values, hidden, constraints)
    return {cell: interval for cell, interval in found.items() if truth.get(cell, 0)}


def margin_lines(cells: Sequence[tuple[str, str]], margin: str) -> list[Line[tuple[str, str]]]:
    """The lines of a two-way table of ``(row, column)`` cells printed with its margins
    (``(row, margin)``, ``(margin, column)``): each row and column against its margin,
    and each set of margins against the total."""
    inner = [k for k in cells if margin not in k]
    lines: list[Line[tuple[str, str]]] = []
    for side in (0, 1):
        for code in {k[side] for k in inner}:
            end = (code, margin) if side == 0 else (margin, code)
            lines.append({**{k: 1 for k in inner if k[side] == code}, end: -1})
        lines.append({k: 1 for k in cells if k[1 - side] == margin and k[side] != margin})
    return lines
