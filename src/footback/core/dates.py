"""The one rule for dates everywhere: options people type (`--since`, `--date`), imported records,
stored rows and what export writes.

A day is written `YYYY-MM-DD` and nothing else (Python's `date.fromisoformat` also takes
`20261206` and `2026-W49-1`, which would make two spellings of one day); a moment is
`YYYY-MM-DDTHH:MM:SS` with optional fractions and a UTC offset (`+01:00` or `Z`). Both lie
between 1900-01-01 and 2999-12-31: outside that a date overflows when moved to another time zone
or a week later, and no real record is there. Import refuses what this rule refuses, the store
never gets it from a command (`check_clock`), and export marks a stored value it refuses as
damaged, so export never writes a record import would refuse.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta

from footback.core.errors import BadInputError, FootbackError
from footback.core.text import excerpt

MIN_YEAR, MAX_YEAR = 1900, 2999
EARLIEST, LATEST = date(MIN_YEAR, 1, 1), date(MAX_YEAR, 12, 31)
# A record's day may be one day past the writer's today: a person a time zone ahead.
FUTURE_GRACE = timedelta(days=1)

_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_STAMP = re.compile(
    r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]{1,6})?"
    # Offsets to +-14:59, whole minutes: what SQLite's date functions read (the aggregates count
    # days in SQL; Python alone would take +23:59 and read +01:60 as +02:00).
    r"(?P<zone>Z|[+-](?:0[0-9]|1[0-4]):[0-5][0-9])?"
)
DAY_FORM = "YYYY-MM-DD"
RANGE = f"from {EARLIEST} to {LATEST}"
# The widest UTC offset a stamp may carry, as `_STAMP` reads it (whole minutes, up to 14:59).
WIDEST_ZONE = timedelta(hours=14, minutes=59)


def read_day(value: object) -> date:
    """A day in the one form and range; ValueError saying what is wrong otherwise."""
    if not isinstance(value, str) or not _DAY.fullmatch(value):
        raise ValueError(f"{excerpt(value)} is not a date ({DAY_FORM})")
    try:
        day = date.fromisoformat(value)
    except ValueError:
        raise ValueError(f"{excerpt(value)} is not a date ({DAY_FORM})") from None
    if not EARLIEST <= day <= LATEST:
        raise ValueError(f"{value} is out of range; use a date {RANGE}")
    return day


def read_stamp(value: object, *, zone_required: bool = True) -> datetime:
    """A moment in the one form and range (aware; a bare one, allowed only when not
    `zone_required`, is read as UTC, as footback's first stores wrote them); ValueError otherwise."""
    found = _STAMP.fullmatch(value) if isinstance(value, str) else None
    if found is None or not isinstance(value, str):
        raise ValueError(f"{excerpt(value)} is not a date and time (YYYY-MM-DDTHH:MM:SS+HH:MM)")
    if found.group("zone") is None and zone_required:
        raise ValueError(f"{excerpt(value)} has no time zone (add +HH:MM or Z)")
    try:
        when = datetime.fromisoformat(value)
    except ValueError:
        raise ValueError(f"{excerpt(value)} is not a date and time (YYYY-MM-DDTHH:MM:SS+HH:MM)") from None
    when = when if when.tzinfo is not None else when.replace(tzinfo=UTC)
    if not EARLIEST <= when.date() <= LATEST:
        raise ValueError(f"{excerpt(value)} is out of range; use a date {RANGE}")
    return when


def parse_date(text: str, option: str, example: date) -> date:
    """A YYYY-MM-DD date from an option, or one `footback: error:` line naming the option."""
    try:
        return read_day(text.strip())
    except ValueError:
        pass
    try:
        day = date.fromisoformat(text.strip())
    except ValueError:
        raise BadInputError(
            f"{option}: {excerpt(text)} is not a date; use {DAY_FORM}, e.g. {example}"
        ) from None
    if _DAY.fullmatch(text.strip()):
        raise BadInputError(f"{option}: {day} is out of range; use a date {RANGE}")
    # 20261206 or 2026-W49-1: a real day, but not in the one form every record uses.
    raise BadInputError(f"{option}: {excerpt(text)} is not in the form {DAY_FORM}; write {day}")


def parse_since(text: str) -> date:
    """`--since` (history, export --format fhir): a calendar date, YYYY-MM-DD."""
    return parse_date(text, "--since", date(2025, 1, 31))


def check_clock(now: datetime) -> datetime:
    """The clock's reading, if a record stamped with it could be stored and exported again; a clock
    set centuries off (1527, 3000) is one error line instead of a record no import would take."""
    if not EARLIEST <= now.date() <= LATEST:
        raise FootbackError(
            f"the computer's clock says {now.date()}; footback keeps records dated {RANGE}: "
            "set the clock and try again (nothing was saved)"
        )
    return now


def check_zone(offset: timedelta) -> None:
    """The local clock's UTC offset, if a record stamped with it could be read back: TZ=UTC-20 or
    a zone with seconds (UTC-5:30:17) wrote check-ins footback itself then called damaged, and an
    offset of a day or more (TZ=UTC+24) was a traceback in every command."""
    if offset % timedelta(minutes=1) or abs(offset) > WIDEST_ZONE:
        sign, size = ("-", -offset) if offset < timedelta(0) else ("+", offset)
        hours, rest = divmod(int(size.total_seconds()), 3600)
        minutes, seconds = divmod(rest, 60)
        shown = f"UTC{sign}{hours:02d}:{minutes:02d}" + (f":{seconds:02d}" if seconds else "")
        raise BadInputError(
            f"the computer's time zone is {shown} (from TZ or the system's setting); footback keeps "
            "times within 14:59 of UTC in whole minutes, as every real time zone is: set TZ to "
            "yours, e.g. TZ=Europe/London, and try again"
        )


def next_due(last: date, today: date, period: timedelta) -> date:
    """The day a periodic task (the plan's weekly review) is next due, last done on `last`.

    A `last` after today was written while the clock ran ahead (a review with the clock in 2038):
    counting from it would strand the task for years once the clock is back, so it is due today."""
    return today if last > today + FUTURE_GRACE else last + period


def day_text(day: date) -> str:
    """A day as screens show it: 'Mon 2 Mar 2026'."""
    return f"{day:%a} {day.day} {day:%b %Y}"


def monday(day: date) -> date:
    """The Monday of `day`'s week (weeks run Monday to Sunday)."""
    return day - timedelta(days=day.weekday())
