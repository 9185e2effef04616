"""Local calendar days in SQL: which stored records fall on or after a person's day.

A record counts on the day of the person's calendar when it was written: its stamp keeps the UTC
offset of that moment beside it (`utc_offset`: sessions since migration 70; assessments, shoe
checks, clinician confirmations and plan changes since migration 100). Records stored before
that are read with the offset of now. Check-ins and function ratings keep their day itself.

footback stores ISO 8601 stamps with their UTC offset; SQLite's date functions read that offset,
so `date(stamp, '+60 minutes')` is the local day at UTC+1. Commands read the clock as
`datetime.now().astimezone()` (a fixed offset), so this matches Python's `astimezone(now.tzinfo)`.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

from footback.core.dates import EARLIEST, LATEST
from footback.records.fields import DAY_GLOB

# A text bound this far before (and after) the days lets the index narrow the scan without ever
# dropping a record that belongs: a stamp's text can carry a zone up to a day off UTC, and the
# offset its record kept moves it up to 18 hours more (a stamp written at 00:59+13:00 and kept at
# UTC-12 is on the day before the day before its text's date).
_SLACK = timedelta(days=3)


def offset_of(now: datetime) -> int:
    """now's UTC offset in whole minutes (0 for a naive clock)."""
    offset = now.utcoffset()
    return int(offset.total_seconds() // 60) if offset is not None else 0


# The stamp columns whose records keep the UTC offset they were written with, beside them:
# stretch_sessions.started_at (migration 70); assessments, shoe_checks and plan_changes
# .created_at and clinician_seen.seen_at (migration 100). Days of check-ins and function ratings
# come from their `day` column, never from their created_at.
OFFSET_COLUMN = {"started_at": "utc_offset", "created_at": "utc_offset", "seen_at": "utc_offset"}
MAX_OFFSET = 18 * 60  # minutes; real offsets reach 14 hours


def kept_offset(value: object) -> int | None:
    """A stored `utc_offset` as the rule reads it: None when the record kept none, or one no clock
    has (a damaged value is ignored, as `_shift` ignores it in SQL)."""
    if isinstance(value, bool) or not isinstance(value, int) or abs(value) > MAX_OFFSET:
        return None
    return value


def local_time(stamp: datetime, kept: int | None, now: datetime) -> datetime:
    """A record's moment on the person's clock: the offset it kept when it was written, else now's.

    The rule `_shift` writes in SQL, for a record already read (`kept` from `kept_offset`)."""
    if kept is None:
        return stamp.astimezone(now.tzinfo)
    return stamp.astimezone(timezone(timedelta(minutes=kept)))


def _shift(column: str, offset_minutes: int) -> str:
    """The SQL date modifier moving a stamp to its local time: the record's own offset when it
    kept one (a session: the calendar at the time it was played), else `offset_minutes` (now's)."""
    kept = OFFSET_COLUMN.get(column)
    if kept is None:
        return f"'{offset_minutes:+d} minutes'"
    own = f"CASE WHEN {usable_offset_sql(kept)} THEN {kept} END"
    return f"printf('%+d minutes', coalesce({own}, {offset_minutes:d}))"


def usable_offset_sql(kept: str) -> str:
    """An SQL test that the kept offset column `kept` holds an offset a clock can have.

    Only a whole number of minutes; text or a real (a damaged row) is ignored, as `kept_offset`
    ignores it. Not `abs()`: it overflows on the smallest 64-bit integer, an error for the whole
    read."""
    return f"typeof({kept}) = 'integer' AND {kept} BETWEEN {-MAX_OFFSET} AND {MAX_OFFSET}"


def kept_day_sql(column: str, kept: str) -> str:
    """The local day of a stamp by its own kept offset only, for rows where `usable_offset_sql`
    holds: the same day `local_day_sql` gives them whatever now's offset (NULL for a damaged
    stamp). Such a day never changes, so it can be summed when the row is written."""
    return _dated(column, f"date({column}, printf('%+d minutes', {kept}))")


def _dated(column: str, expression: str) -> str:
    """`expression` (a date of the stamp in `column`) only for a stamp that starts with a day in
    core.dates' form and range, NULL for any other: SQLite would read a bare number as a Julian
    day (year -4707), a day Python cannot hold, and sums would count it."""
    return (
        f"CASE WHEN {column} GLOB '{DAY_GLOB}*'"
        f" AND {column} BETWEEN '{EARLIEST}' AND '{LATEST}~' THEN {expression} END"
    )


def local_day_sql(column: str, offset_minutes: int) -> str:
    """An SQL expression for the local day of a stored stamp (NULL for a damaged one)."""
    return _dated(column, f"date({column}, {_shift(column, offset_minutes)})")


def local_week_sql(column: str, offset_minutes: int) -> str:
    """An SQL expression for the Monday of a stored stamp's local week (NULL for a damaged one)."""
    # 'weekday 0' moves on to the next Sunday (a Sunday stays), six days before it is the Monday.
    return _dated(column, f"date({column}, {_shift(column, offset_minutes)}, 'weekday 0', '-6 days')")


def kept_day_filter(since: date | None) -> tuple[str, tuple[str, ...]]:
    """A WHERE clause (with its parameter) for records that keep their calendar day itself
    (`day`: check-ins, function ratings) on day `since` or after; none without `since`."""
    return ("", ()) if since is None else (" WHERE day >= ?", (since.isoformat(),))


def day_filter(
    column: str, since: date | None, offset_minutes: int, *, until: date | None = None
) -> tuple[str, tuple[str, ...]]:
    """A WHERE clause (with its parameters) for records on local days `since`..`until`."""
    clauses: list[str] = []
    params: list[str] = []
    day = local_day_sql(column, offset_minutes)
    if since is not None:
        clauses += [f"{column} >= ?", f"{day} >= ?"]
        params += [(since - _SLACK).isoformat(), since.isoformat()]
    if until is not None:
        clauses += [f"{column} < ?", f"{day} <= ?"]
        params += [(until + _SLACK).isoformat(), until.isoformat()]
    if not clauses:
        return "", ()
    return " WHERE " + " AND ".join(clauses), tuple(params)
