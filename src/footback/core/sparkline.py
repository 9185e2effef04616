"""Trend drawing that reads without colour: block sparklines and an ASCII fallback."""

from __future__ import annotations

from collections.abc import Sequence

BLOCKS = "▁▂▃▄▅▆▇█"
ASCII = "_.-=+*#@"


def sparkline(values: Sequence[float], *, low: float = 0, high: float = 100, ascii_only: bool = False) -> str:
    """One character per value on a fixed scale, so two sparklines compare at a glance."""
    marks = ASCII if ascii_only else BLOCKS
    span = max(high - low, 1e-9)
    out = []
    for value in values:
        clamped = min(max(value, low), high)
        out.append(marks[min(len(marks) - 1, int((clamped - low) / span * len(marks)))])
    return "".join(out)


def direction(values: Sequence[float]) -> str:
    """'up', 'down' or 'same' from the first value to the last ('' with fewer than two)."""
    if len(values) < 2:
        return ""
    if values[-1] > values[0]:
        return "up"
    if values[-1] < values[0]:
        return "down"
    return "same"
