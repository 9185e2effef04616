"""Distances as people type them ("12km", "7.5 mi", "3 miles"); footback stores kilometres."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Literal

DistanceUnit = Literal["km", "mi"]
KM_PER_MILE = 1.609344
_UNITS: dict[str, DistanceUnit] = {
    "km": "km",
    "kms": "km",
    "k": "km",
    "kilometre": "km",
    "kilometres": "km",
    "kilometer": "km",
    "kilometers": "km",
    "mi": "mi",
    "mile": "mi",
    "miles": "mi",
}
_DISTANCE = re.compile(r"^\s*([+-]?(?:\d+(?:\.\d*)?|\.\d+))\s*([a-z]*)\s*$")


class DistanceError(ValueError):
    """Text that is not a distance; the message says what would be."""


@dataclass(frozen=True)
class Distance:
    km: float
    unit: DistanceUnit


def parse_distance(text: str, default_unit: DistanceUnit = "km") -> Distance:
    """Read a distance; a bare number is in `default_unit`. Negative values are refused."""
    found = _DISTANCE.match(text.lower())
    if found is None or (found.group(2) and found.group(2) not in _UNITS):
        raise DistanceError(f"{_shown(text)} is not a distance; write it like 12km or 7.5 mi")
    value = float(found.group(1))
    if value < 0 or not math.isfinite(value):
        raise DistanceError(f"{_shown(text)} is not a distance; it must be 0 or more")
    unit = _UNITS[found.group(2)] if found.group(2) else default_unit
    return Distance(km=to_km(value, unit), unit=unit)


def _shown(text: str) -> str:
    return repr(text) if len(text) <= 30 else repr(text[:27] + "...")


def to_km(value: float, unit: DistanceUnit) -> float:
    # Rounded to metres so that miles typed in and shown back do not drift by float noise.
    return round(value * KM_PER_MILE if unit == "mi" else value, 3)


def from_km(km: float, unit: DistanceUnit) -> float:
    return km / KM_PER_MILE if unit == "mi" else km


def format_distance(km: float, unit: DistanceUnit) -> str:
    """'612 km' or '380.3 mi': whole numbers without a decimal point."""
    value = round(from_km(km, unit), 1)
    text = str(int(value)) if value.is_integer() else f"{value:.1f}"
    return f"{text} {unit}"
