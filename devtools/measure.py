"""How the bench turns timings into figures: a percentile, and the ratio to the raw cost of
the same work without the desk's code."""

from __future__ import annotations


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def ratio(value: float, raw: float) -> float | None:
    return round(value / raw, 1) if raw else None
