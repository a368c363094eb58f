"""How the benches turn timings into figures: a percentile, the ratio to the raw cost of
the same work without our code, and the lines that print them beside their goals."""

from __future__ import annotations

from typing import Any

from core.i18n import N_, gettext


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def ratio(value: float, raw: float) -> float | None:
    return round(value / raw, 1) if raw else None


def plain_lines(figures: dict[str, Any], lang: str = "fr") -> list[str]:
    """``key: value`` lines (a group of figures indented under its key); a figure with a
    goal says it and whether it is met."""
    goals: dict[str, float] = figures.get("goals", {})
    met: dict[str, bool] = figures.get("goals_met", {})
    lines = []
    for key, value in figures.items():
        if key in ("goals", "goals_met"):
            continue
        if isinstance(value, dict):
            lines.append(f"{key}:")
            lines.extend(f"  {name}: {figure}" for name, figure in value.items())
            continue
        line = f"{key}: {value}"
        if key in goals:
            verdict = gettext(N_("atteint") if met[key] else N_("MANQUÉ"), lang)
            goal = gettext("(objectif ≤ {goal}\u00a0: {verdict})", lang)
            line += "  " + goal.format(goal=f"{goals[key]:g}", verdict=verdict)
        lines.append(line)
    return lines
