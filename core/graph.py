"""Searches of a graph whose nodes are numbers, for disclosure control
(:mod:`core.disclosure`): its bridges (undirected), its strongly connected components and
strong bridges (directed)."""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping, Sequence
from typing import TypeVar

Label = TypeVar("Label", bound=Hashable)  # what an arc carries (a cell)


def cycles(
    edges: Sequence[tuple[int, int, object]], chosen: Sequence[int]
) -> tuple[set[int], dict[int, int]]:
    """The ``chosen`` edges (their index) that are bridges of the undirected graph those
    edges make (on no cycle; parallel edges make one), and the node each node moves
    with: the first node reached of the part it shares with no bridge between.

    A bridge lies in every spanning forest; and a second forest, of the edges the first
    left out, keeps a cycle around each edge of the first that lies on one (the sparse
    certificate of Nishizeki and Poljak). Tarjan's search then runs on those two forests,
    twice the lines at most, where a region's table has a hundred thousand counts."""
    nodes = {edges[k][0] for k in chosen} | {edges[k][1] for k in chosen}
    # A spanning tree of one piece is whole at one edge less than the nodes: the rest of
    # the edges, most of a dense table's, need no search.
    first, rest = forest(edges, chosen, len(nodes) - 1)
    second, _rest = forest(edges, rest, len(first))
    return bridges(edges, first + second)


def forest(
    edges: Sequence[tuple[int, int, object]], chosen: Sequence[int], most: int | None = None
) -> tuple[list[int], list[int]]:
    """A spanning forest of the ``chosen`` edges (union–find), and the edges left out;
    ``most``: the size of a spanning forest of those lines, where it stops."""
    parent: dict[int, int] = {}
    tree: list[int] = []
    rest: list[int] = []
    for at, k in enumerate(chosen):
        one, other, _cell = edges[k]
        roots = []
        for node in (one, other):
            root = node
            while root in parent:
                root = parent[root]
            if root != node:
                parent[node] = root
            roots.append(root)
        if roots[0] == roots[1]:
            rest.append(k)
            continue
        parent[roots[0]] = roots[1]
        tree.append(k)
        if len(tree) == most:
            rest.extend(chosen[at + 1 :])
            break
    return tree, rest


def bridges(
    edges: Sequence[tuple[int, int, object]], chosen: Iterable[int]
) -> tuple[set[int], dict[int, int]]:
    """The bridges among the ``chosen`` edges, and each node's part (Tarjan's, iterative,
    one pass)."""
    adjacency: dict[int, list[tuple[int, int]]] = {}
    for k in chosen:
        one, other, _cell = edges[k]
        adjacency.setdefault(one, []).append((other, k))
        adjacency.setdefault(other, []).append((one, k))
    order: dict[int, int] = {}
    low: dict[int, int] = {}
    bridges: set[int] = set()
    part: dict[int, int] = {}
    path: list[int] = []
    for root in adjacency:
        if root in order:
            continue
        order[root] = low[root] = len(order)
        path.append(root)
        stack: list[tuple[int, int, int]] = [(root, -1, 0)]  # node, edge it came by, next
        while stack:
            node, via, at = stack[-1]
            neighbours = adjacency[node]
            if at < len(neighbours):
                stack[-1] = (node, via, at + 1)
                other, k = neighbours[at]
                if k == via:
                    continue
                if other in order:
                    low[node] = min(low[node], order[other])
                else:
                    order[other] = low[other] = len(order)
                    path.append(other)
                    stack.append((other, k, 0))
                continue
            stack.pop()
            if low[node] == order[node]:  # the edge it came by is a bridge, or it is a root
                if via >= 0:
                    bridges.add(via)
                while True:
                    member = path.pop()
                    part[member] = node
                    if member == node:
                        break
            if stack:
                parent = stack[-1][0]
                low[parent] = min(low[parent], low[node])
    return bridges, part


def strong_bridges(
    arcs: Mapping[int, list[tuple[int, Label]]], component: Mapping[int, int]
) -> set[tuple[int, Label]]:
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
    found: set[tuple[int, Label]] = set()
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
            idom = dominators(succ, 0)
            for k, (tail, head, cell) in enumerate(links):
                end = number[tail] if reverse else number[head]
                if idom[end] == len(nodes) + k:
                    found.add((tail, cell))
    return found


def dominators(succ: Sequence[Sequence[int]], root: int) -> list[int]:
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


def components(arcs: Mapping[int, list[int]]) -> dict[int, int]:
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
