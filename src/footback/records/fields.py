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

from footback.core.dates import EARLIEST, LATEST, check_clock, read_day, read_stamp


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


# `parse_day` and `parse_stamp` said in SQL, on the columns `day` and `created_at` (check-ins and
# function ratings), for aggregates that never parse rows: a damaged record is left out of a sum as
# it is left out of a list. '+0 days' makes SQLite compute the day, so an impossible one (02-30
# becomes 03-02) or one in another form (NULL) is not equal to itself. After the seconds:
# optional fractions of 1 to 6 digits, then no zone, Z or +HH:MM (core.dates); SQLite's own
# reading would take a lower-case z and any number of digits.
READABLE_DAY_SQL = f"date(day, '+0 days') IS day AND day BETWEEN '{EARLIEST}' AND '{LATEST}'"
# A day in core.dates' form, as an SQL GLOB pattern.
DAY_GLOB = "[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]"
_TAIL = "substr(created_at, 20)"
_ZONE = f"ltrim({_TAIL}, '.0123456789')"
_FRACTION = f"substr({_TAIL}, 1, length({_TAIL}) - length({_ZONE}))"
READABLE_STAMP_SQL = (
    f"created_at GLOB '{DAY_GLOB}T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]*'"
    f" AND ({_FRACTION} = '' OR ({_FRACTION} GLOB '.[0-9]*' AND length({_FRACTION}) <= 7"
    f" AND substr({_FRACTION}, 2) NOT GLOB '*[^0-9]*'))"
    f" AND ({_ZONE} IN ('', 'Z') OR {_ZONE} GLOB '[+-][0-9][0-9]:[0-9][0-9]')"
    " AND julianday(created_at) IS NOT NULL"
    " AND date(substr(created_at, 1, 10), '+0 days') IS substr(created_at, 1, 10)"
    f" AND substr(created_at, 1, 10) BETWEEN '{EARLIEST}' AND '{LATEST}'"
)
