"""Reading one stored value back: the checks every row-to-model function shares.

SQLite stores what it is given, so a record edited by hand (or written by a buggy tool) can hold
text where a number belongs, invalid JSON or an impossible date, and still pass `quick_check`.
Each helper raises `DamagedRow` (a ValueError) for such a value; `Store.read` turns that into
one warning and skips the record (see `Store.skip_damaged`).
"""

from __future__ import annotations

import json
import math
from datetime import UTC, datetime, timedelta
from typing import Any


class DamagedRow(ValueError):
    """A stored value that is not what footback wrote."""


# A stamp this close to datetime's limits overflows when shown in another time zone.
_MARGIN = timedelta(days=2)


def parse_stamp(value: object) -> datetime:
    """A stored timestamp; footback writes ISO 8601, and a bare one is read as UTC."""
    if not isinstance(value, str):
        raise DamagedRow(f"timestamp {value!r} is not text")
    stamp = datetime.fromisoformat(value)
    stamp = stamp if stamp.tzinfo is not None else stamp.replace(tzinfo=UTC)
    if not datetime.min.replace(tzinfo=UTC) + _MARGIN <= stamp <= datetime.max.replace(tzinfo=UTC) - _MARGIN:
        raise DamagedRow(f"timestamp {value!r} is out of range")
    return stamp


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
    """How footback writes a timestamp."""
    return when.isoformat(timespec="seconds")
