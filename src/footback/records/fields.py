"""Reading one stored value back: the checks every row-to-model function shares.

SQLite stores what it is given, so a record edited by hand (or written by a buggy tool) can hold
text where a number belongs, invalid JSON or an impossible date, and still pass `quick_check`.
Each helper raises `DamagedRow` (a ValueError) for such a value; `Store.read` turns that into
one warning and skips the record (see `Store.skip_damaged`).
"""

from __future__ import annotations

import json
import math
from datetime import date, datetime
from typing import Any

from footback.core.dates import check_clock, read_day, read_stamp


class DamagedRow(ValueError):
    """A stored value that is not what footback wrote."""


def parse_stamp(value: object) -> datetime:
    """A stored timestamp in the one form and range (core.dates); a bare one is read as UTC."""
    try:
        return read_stamp(value, zone_required=False)
    except ValueError as exc:
        raise DamagedRow(f"timestamp {exc}") from None


def parse_day(value: object) -> date:
    """A stored day (YYYY-MM-DD, core.dates)."""
    try:
        return read_day(value)
    except ValueError as exc:
        raise DamagedRow(f"day {exc}") from None


def as_int(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise DamagedRow(f"{value!r} is not a whole number")
    return value


def as_float(value: object) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise DamagedRow(f"{value!r} is not a number")
    return float(value)


def as_optional_float(value: object) -> float | None:
    return None if value is None else as_float(value)


def as_optional_int(value: object) -> int | None:
    return None if value is None else as_int(value)


def as_text(value: object) -> str:
    if not isinstance(value, str):
        raise DamagedRow(f"{value!r} is not text")
    return value


def as_optional_text(value: object) -> str | None:
    return None if value is None else as_text(value)


def as_object(value: object) -> dict[str, Any]:
    """A JSON column that must hold an object."""
    parsed = json.loads(as_text(value))
    if not isinstance(parsed, dict):
        raise DamagedRow("JSON value is not an object")
    return parsed


def stamp_text(when: datetime) -> str:
    """How footback writes a timestamp; a clock centuries off is refused (core.dates.check_clock)."""
    return check_clock(when).isoformat(timespec="seconds")
