"""Distances as people type them ("12km", "7.5 mi", "3 miles"); footback stores kilometres."""

from __future__ import annotations

import math
import re
from typing import Literal, NamedTuple

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


class Distance(NamedTuple):
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
    return f"{plain_number(from_km(km, unit))} {unit}"


# Body measures and durations as people type them ("170cm", "5 ft 9", "185 lb", "3 months").
# Each unit belongs to a dimension and has a factor to that dimension's base (cm, kg, days, hours).
class _Unit(NamedTuple):
    dimension: str
    factor: float
    short: str


_AMOUNT_UNITS: dict[str, _Unit] = {}


def _add(dimension: str, factor: float, short: str, *aliases: str) -> None:
    for name in (short, *aliases):
        _AMOUNT_UNITS[name] = _Unit(dimension, factor, short)


_add("length", 1.0, "cm", "cms", "centimetre", "centimetres", "centimeter", "centimeters")
_add("length", 100.0, "m", "metre", "metres", "meter", "meters")
_add("length", 2.54, "in", "ins", "inch", "inches", '"', "''")
_add("length", 30.48, "ft", "foot", "feet", "'")
_add("mass", 1.0, "kg", "kgs", "kilo", "kilos", "kilogram", "kilograms")
_add("mass", 0.45359237, "lb", "lbs", "pound", "pounds")
_add("mass", 6.35029318, "st", "stone", "stones")
_add("time", 1.0, "days", "day", "d")
_add("time", 7.0, "weeks", "week", "wk", "wks", "w")
_add("time", 365.25 / 12, "months", "month", "mo", "mos", "mth", "mths")
_add("time", 365.25, "years", "year", "yr", "yrs", "y")
_add("hours", 1.0, "hours", "hour", "h", "hr", "hrs")
_add("hours", 1 / 60, "minutes", "minute", "min", "mins")

# After feet a bare number is inches ("5 ft 9"); after stone it is pounds ("12 st 4").
_SMALLER = {"ft": "in", "st": "lb"}
_PAIR = re.compile(r"([+-]?(?:\d+(?:\.\d*)?|\.\d+))\s*([a-z]+|''|'|\")?\s*")
_EXAMPLES = {
    "cm": "170 cm or 5 ft 9",
    "in": "5 ft 9 or 175 cm",
    "kg": "80 kg or 185 lb",
    "lb": "185 lb or 80 kg",
    "weeks": "12 weeks, 3 months or 1.5 years",
    "months": "8 months or 2 years",
    "hours": "7.5 hours",
}


class AmountError(ValueError):
    """Text that is not an amount in the asked-for unit; the message says what would be."""


# "6/10": a score written out of its scale.
_SCALE = re.compile(r"^\s*([+-]?(?:\d+(?:\.\d*)?|\.\d+))\s*/\s*(\d+(?:\.\d*)?)\s*$")


_WHOLE = re.compile(r"[+-]?[0-9]+")


def read_whole(text: str) -> int | None:
    """A whole number as a person types it (an option, a pain score at a prompt): ASCII digits
    with a sign at most, spaces around; None otherwise. Python's int() also takes '1_0', as 10."""
    stripped = text.strip()
    return int(stripped) if _WHOLE.fullmatch(stripped) else None


def split_scale(text: str) -> tuple[float, float] | None:
    """'6/10' (spaces allowed) as (6.0, 10.0); None when the text is not a score out of a scale."""
    found = _SCALE.match(text)
    return None if found is None else (float(found.group(1)), float(found.group(2)))


def is_amount_unit(unit: str | None) -> bool:
    """Whether `unit` is one footback converts typed amounts into (cm, kg, weeks, ...)."""
    return unit is not None and unit in _AMOUNT_UNITS


def amount_examples(unit: str) -> str | None:
    """A few ways of typing an amount whose bare number is in `unit`, for hints."""
    return _EXAMPLES.get(unit)


def parse_amount(text: str, unit: str | None, bare: str | None = None) -> tuple[float, bool]:
    """The amount in `unit`, and whether the text named a unit.

    A bare number is in `bare` (default: `unit`). Units of the same dimension convert
    ("3 months" as weeks); "5 ft 9" and "12 st 4" add up. Without a known `unit` only a plain
    number is read.
    """
    cleaned = (
        text.lower().replace("\u2032", "'").replace("\u2033", '"').replace("\u2019", "'").replace(",", " ")
    )
    cleaned = re.sub(r"\band\b", " ", cleaned).strip()
    pairs: list[tuple[float, str | None]] = []
    position = 0
    while position < len(cleaned):
        found = _PAIR.match(cleaned, position)
        if found is None or found.end() == position:
            raise AmountError(f"{_shown(text)} is not a number")
        pairs.append((float(found.group(1)), found.group(2)))
        position = found.end()
    if not pairs or any(not math.isfinite(n) for n, _ in pairs):
        raise AmountError(f"{_shown(text)} is not a number")
    if len(pairs) == 1 and pairs[0][1] is None:
        if unit is None or not is_amount_unit(unit) or bare in (None, unit):
            return pairs[0][0], False
        return convert_amount(pairs[0][0], bare or unit, unit), False
    if not is_amount_unit(unit) or unit is None:
        raise AmountError(f"{_shown(text)}: write just the number")
    dimension = _AMOUNT_UNITS[unit].dimension
    base = 0.0
    previous: str | None = None
    for index, (number, name) in enumerate(pairs):
        if name is None and index == len(pairs) - 1 and previous in _SMALLER:
            name = _SMALLER[previous]
        found_unit = _AMOUNT_UNITS.get(name or "")
        if found_unit is None or found_unit.dimension != dimension:
            example = amount_examples(bare or unit)
            hint = f"; write it like {example}" if example else f"; write a number of {unit}"
            raise AmountError(f"{_shown(text)} is not understood{hint}")
        if number < 0 and len(pairs) > 1:
            raise AmountError(f"{_shown(text)} is not understood; it must be 0 or more")
        base += number * found_unit.factor
        previous = found_unit.short
    return base / _AMOUNT_UNITS[unit].factor, True


def convert_amount(value: float, from_unit: str, to_unit: str) -> float:
    """`value` in `from_unit` expressed in `to_unit` (both of one dimension)."""
    return value * _AMOUNT_UNITS[from_unit].factor / _AMOUNT_UNITS[to_unit].factor


def format_amount(value: float, unit: str | None, shown: str | None = None) -> str:
    """`value` (in `unit`) for people: in `shown` (default `unit`); inches as feet and inches."""
    if unit is None or not is_amount_unit(unit):
        return plain_number(value)
    shown = shown or unit
    converted = convert_amount(value, unit, shown)
    if shown == "in":
        inches = round(converted)
        return f"{inches // 12} ft {inches % 12}" if inches >= 12 else f"{inches} in"
    if shown != unit:
        converted = round(converted)
    return f"{plain_number(converted)} {shown}"


def plain_number(value: float) -> str:
    """A number to one decimal, without ".0" when whole: 7.25 -> "7.2", 100.0 -> "100"."""
    rounded = round(float(value), 1)
    return str(int(rounded)) if rounded.is_integer() else f"{rounded:.1f}"
