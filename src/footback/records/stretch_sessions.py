"""The stretch-sessions repository: the only SQL for table `stretch_sessions`, one row-to-model function."""

from __future__ import annotations

import json
from collections.abc import Generator, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Any

from footback.records.fields import (
    DamagedRow,
    as_float,
    as_int,
    as_object,
    as_text,
    parse_stamp,
    stamp_text,
)
from footback.records.session_summary import counts_sql
from footback.records.window import (
    day_filter,
    kept_offset,
    local_day_sql,
    local_time,
    local_week_sql,
    offset_of,
)

if TYPE_CHECKING:
    from footback.models.stretch_session import SessionSummary
    from footback.records.db import Row, Store

WHAT = "stretch session"
# Key and timestamp first (Store.skip_damaged names a damaged record by them).
_COLUMNS = (
    "id, started_at, routine, planned_seconds, actual_seconds, steps_done, steps_skipped, finished, detail,"
    " utc_offset"
)
_NEWEST_FIRST = " ORDER BY started_at DESC, id DESC"


def counts_as_practice(steps_done: int, steps_skipped: int, finished: bool) -> bool:
    """A session counts towards the streak when it did at least one step, or finished with none
    skipped (every step skipped to the end is no practice): `_COUNTS_SQL` in SQL."""
    return steps_done > 0 or (finished and steps_skipped == 0)


# Whether a session counts towards the streak (records/session_summary.py says the rule).
_COUNTS_SQL = counts_sql()
# A session's seconds beyond a week are damage (a hand-edited store): such a row is damaged in a
# list (`from_row`) and adds nothing to a sum (`SECONDS_SQL`); import refuses it by the same bound.
MAX_SECONDS = 7 * 24 * 3600
# Text and blobs sort above every number in SQLite, so BETWEEN leaves them out too.
SECONDS_SQL = f"CASE WHEN actual_seconds BETWEEN 0 AND {MAX_SECONDS} THEN actual_seconds END"
# The detail key (and `ended_by` value) of a session logged with `footback log`, not played.
LOGGED = "logged"
# 1 for a logged session's row; NULL for a damaged detail (json_extract would fail the whole query).
_LOGGED_SQL = f"CASE WHEN json_valid(detail) THEN json_extract(detail, '$.{LOGGED}') = 1 END"


@dataclass(frozen=True)
class SavedSession:
    id: int
    started_at: datetime
    routine: str
    planned_seconds: float
    actual_seconds: float
    steps_done: int
    steps_skipped: int
    finished: bool
    detail: dict[str, Any]
    # The UTC offset of the clock it was played by (None before migration 70): its local day.
    utc_offset: int | None = None

    def local_time(self, now: datetime) -> datetime:
        """When it started, on the person's clock at the time (records/window.py)."""
        return local_time(self.started_at, self.utc_offset, now)

    @property
    def counts(self) -> bool:
        """`counts_as_practice` for this row."""
        return counts_as_practice(self.steps_done, self.steps_skipped, self.finished)

    @property
    def logged(self) -> bool:
        """Done away from the terminal and logged (`footback log`), not timed by the player."""
        return self.detail.get(LOGGED) is True

    @property
    def steps_total(self) -> int:
        """The routine's step count (kept in `detail`); older or damaged rows fall back to done + skipped."""
        total = self.detail.get("steps_total")
        counted = self.steps_done + self.steps_skipped
        if isinstance(total, int) and not isinstance(total, bool) and total >= counted:
            return total
        return counted


@dataclass(frozen=True)
class SessionTotals:
    """Aggregates over a span of local days, computed in SQL."""

    sessions: int
    seconds: float
    finished: int
    days: int  # local days with at least one session that counts
    by_routine: list[tuple[str, int]]  # most played first
    logged: int = 0  # of the sessions, how many were logged (`footback log`), not timed


def _seconds(value: object) -> float:
    seconds = as_float(value)
    if not 0 <= seconds <= MAX_SECONDS:
        raise DamagedRow(f"{seconds:.3g} seconds is outside 0 to {MAX_SECONDS}")
    return seconds


def from_row(row: Row) -> SavedSession:
    """The one way a stretch_sessions row becomes a model; raises a ValueError for a damaged one."""
    return SavedSession(
        id=as_int(row[0]),
        started_at=parse_stamp(row[1]),
        routine=as_text(row[2]),
        planned_seconds=_seconds(row[3]),
        actual_seconds=_seconds(row[4]),
        steps_done=as_int(row[5]),
        steps_skipped=as_int(row[6]),
        finished=bool(as_int(row[7])),
        detail=as_object(row[8]),
        utc_offset=kept_offset(row[9]),
    )


def save_session(
    store: Store, summary: SessionSummary, started_at: datetime, extra: dict[str, Any] | None = None
) -> int:
    """Insert one played session's row; returns its id."""
    detail = {
        "ended_by": summary.ended_by,
        "paused_seconds": round(summary.paused_seconds, 3),
        "speed": summary.speed,
        "steps_total": summary.steps_total,
        "steps": summary.steps,
        **(extra or {}),
    }
    counts = (summary.steps_done, summary.steps_skipped, summary.finished)
    return _insert(
        store, summary.routine, started_at, (summary.planned_seconds, summary.actual_seconds), counts, detail
    )


def save_logged(
    store: Store, routine: str, started_at: datetime, planned_seconds: float, seconds: float, steps: int
) -> int:
    """Insert a session done away from the terminal (`footback log`): every step done, not timed.

    `detail.logged` is the mark history, export and import carry; it counts like a finished session."""
    detail = {LOGGED: True, "ended_by": LOGGED, "steps_total": steps}
    return _insert(store, routine, started_at, (planned_seconds, seconds), (steps, 0, True), detail)


def _insert(
    store: Store,
    routine: str,
    started_at: datetime,
    seconds: tuple[float, float],
    counts: tuple[int, int, bool],
    detail: dict[str, Any],
) -> int:
    """The one INSERT into stretch_sessions.

    `seconds` is (planned, actual), `counts` (done, skipped, finished). `started_at` is the
    clock's local time: the stamp is stored in UTC with that moment's UTC offset beside it, so the
    session counts on the person's calendar day at the time (records/window.py)."""
    with store.transaction() as conn:
        cursor = conn.execute(
            """
            INSERT INTO stretch_sessions (started_at, routine, planned_seconds, actual_seconds,
                steps_done, steps_skipped, finished, detail, utc_offset)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            (
                stamp_text(started_at.astimezone(UTC)),
                routine,
                round(seconds[0], 3),
                round(seconds[1], 3),
                counts[0],
                counts[1],
                int(counts[2]),
                json.dumps(detail, sort_keys=True),
                offset_of(started_at),
            ),
        )
        row_id = cursor.lastrowid
    return int(row_id or 0)


def newest_sessions(
    store: Store, *, since: date | None = None, offset_minutes: int = 0
) -> Iterator[SavedSession]:
    """Readable sessions newest first, read lazily: a caller that stops early reads little."""
    where, params = day_filter("started_at", since, offset_minutes)
    return store.iter_read(
        f"SELECT {_COLUMNS} FROM stretch_sessions{where}{_NEWEST_FIRST}", params, from_row, WHAT
    )


def oldest_sessions(
    store: Store, *, since: date | None = None, offset_minutes: int = 0
) -> Generator[SavedSession, None, None]:
    """Readable sessions oldest first, read lazily (`history --json` streams them)."""
    where, params = day_filter("started_at", since, offset_minutes)
    order = " ORDER BY started_at, id"
    return store.iter_read(f"SELECT {_COLUMNS} FROM stretch_sessions{where}{order}", params, from_row, WHAT)


def recent_sessions(
    store: Store, limit: int | None = 20, *, since: date | None = None, offset_minutes: int = 0
) -> list[SavedSession]:
    """The newest `limit` readable sessions (all without a limit), newest first."""
    found: list[SavedSession] = []
    for session in newest_sessions(store, since=since, offset_minutes=offset_minutes):
        found.append(session)
        if limit is not None and len(found) >= limit:
            break
    return found


def count_sessions(store: Store, *, since: date | None = None, offset_minutes: int = 0) -> int:
    """How many sessions are stored from local day `since` (damaged ones included)."""
    where, params = day_filter("started_at", since, offset_minutes)
    row = store.query_one(f"SELECT count(*) FROM stretch_sessions{where}", params)
    return int(row[0]) if row else 0


def _counting(only: str) -> str:
    """`_COUNTS_SQL`, and the SQL condition `only` too when given."""
    return f"{_COUNTS_SQL} AND {only}" if only else _COUNTS_SQL


def active_days(store: Store, first: date, last: date, offset_minutes: int, *, only: str = "") -> set[date]:
    """The local days first..last with at least one session that counts, found in SQL (of the
    sessions `only` also holds for, when given: an SQL condition)."""
    where, params = day_filter("started_at", first, offset_minutes, until=last)
    day = local_day_sql("started_at", offset_minutes)
    rows = store.query(f"SELECT DISTINCT {day} FROM stretch_sessions{where} AND {_counting(only)}", params)
    return {date.fromisoformat(r[0]) for r in rows if isinstance(r[0], str)}


def _counted_sql(
    bucket: str, first: date | None, last: date, offset_minutes: int, only: str = ""
) -> tuple[str, tuple[str, ...]]:
    """A query (with its parameters) of sessions that count on local days first..last (and that
    `only` holds for, when given), grouped by the date `bucket` gives a row: columns `bucket` and
    `sessions`."""
    where, params = day_filter("started_at", first, offset_minutes, until=last)
    return (
        f"SELECT {bucket} AS bucket, count(*) AS sessions FROM stretch_sessions{where} AND {_counting(only)}"
        " GROUP BY 1",
        params,
    )


def _counted_by(store: Store, bucket: str, first: date, last: date, offset_minutes: int) -> dict[date, int]:
    """Sessions that count on local days first..last, grouped by the date `bucket` gives a row."""
    rows = store.query(*_counted_sql(bucket, first, last, offset_minutes))
    return {date.fromisoformat(r[0]): int(r[1]) for r in rows if isinstance(r[0], str)}


def weekly_counts_sql(
    first: date | None, last: date, offset_minutes: int, *, only: str = ""
) -> tuple[str, tuple[str, ...]]:
    """Sessions that count in each local week on days first..last (from the first without
    `first`), as a query to join with (columns `bucket`: the week's Monday, and `sessions`); of
    the sessions `only` holds for, when given. Every session is read: `session_days` reads this
    only for the few its summary leaves out."""
    return _counted_sql(local_week_sql("started_at", offset_minutes), first, last, offset_minutes, only)


def sessions_per_day(store: Store, first: date, last: date, offset_minutes: int) -> dict[date, int]:
    """Sessions that count on each local day first..last, counted in SQL (one row a day)."""
    return _counted_by(store, local_day_sql("started_at", offset_minutes), first, last, offset_minutes)


def first_active_day(store: Store, last: date, offset_minutes: int, *, only: str = "") -> date | None:
    """The first local day up to `last` with a session that counts, found in SQL on the index:
    the earliest such stamp, then the least local day among the sessions before the fourth day
    after its date (offsets reach 18 hours, in the stored offset and in the record's own: a
    session stamped later cannot be on an earlier local day). Of the sessions `only` holds for,
    when given (an SQL condition)."""
    where, params = day_filter("started_at", None, offset_minutes, until=last)
    day = local_day_sql("started_at", offset_minutes)
    counted = f"FROM stretch_sessions{where} AND {_counting(only)}"
    row = store.query_one(
        f"SELECT min({day}) {counted} AND started_at < (SELECT date(started_at, '+4 days') {counted}"
        " ORDER BY started_at LIMIT 1)",
        (*params, *params),
    )
    return date.fromisoformat(row[0]) if row and isinstance(row[0], str) else None


def counted_totals(store: Store, first: date, last: date, offset_minutes: int) -> tuple[int, float]:
    """Sessions that count on local days first..last and their seconds, summed in SQL (one row)."""
    where, params = day_filter("started_at", first, offset_minutes, until=last)
    row = store.query_one(
        f"SELECT count(*), total({SECONDS_SQL}) FROM stretch_sessions{where} AND {_COUNTS_SQL}", params
    )
    return (int(row[0]), float(row[1])) if row else (0, 0.0)


def session_totals(store: Store, first: date, last: date, offset_minutes: int) -> SessionTotals:
    """Sessions, seconds, finished sessions, active days and routines on local days first..last."""
    where, params = day_filter("started_at", first, offset_minutes, until=last)
    day = local_day_sql("started_at", offset_minutes)
    # total() is 0.0 over no rows and skips text it cannot read as a number.
    row = store.query_one(
        f"SELECT count(*), total({SECONDS_SQL}), total(finished != 0),"
        f" count(DISTINCT CASE WHEN {_COUNTS_SQL} THEN {day} END), total({_LOGGED_SQL})"
        f" FROM stretch_sessions{where}",
        params,
    )
    routines = store.query(
        f"SELECT routine, count(*) AS n FROM stretch_sessions{where}"
        " GROUP BY routine ORDER BY n DESC, routine",
        params,
    )
    sessions, seconds, finished, days, logged = row if row else (0, 0.0, 0, 0, 0)
    return SessionTotals(
        sessions=int(sessions),
        seconds=float(seconds),
        finished=int(finished),
        days=int(days),
        logged=int(logged),
        by_routine=[(str(name), int(n)) for name, n in routines],
    )
