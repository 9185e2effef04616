"""Measured numbers against thresholds: float noise (0.1 + 0.2) must not move a value that sits
exactly on a threshold or a whole second, so every such comparison allows the same tiny slack."""

from __future__ import annotations

import math

FLOAT_SLACK = 1e-9


def reaches(value: float, threshold: float) -> bool:
    """value >= threshold, counting a value a rounding error below it as on it (2.0 is real)."""
    return value + FLOAT_SLACK >= threshold


def whole_up(value: float) -> int:
    """The next whole number up, a value a rounding error above a whole number staying on it."""
    return math.ceil(value - FLOAT_SLACK)
