"""The per-day session summary (records/session_days.py, migration 110) gives what the live SQL over
every session gives (`records.stretch_sessions`, kept here as the oracle), whatever writes the
table and whatever is stored: kept, missing and damaged offsets, damaged stamps and counts, stamps
near local midnight, inserts, updates and deletes."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from footback.records import session_days
from footback.records import stretch_sessions as live
from footback.records.connection import Connection
from footback.records.db import Store
from footback.records.migrations import migrate
from footback.records.session_summary import TABLE, TRIGGERS, create_triggers

INSERT = (
    "INSERT INTO stretch_sessions (started_at, routine, planned_seconds, actual_seconds, steps_done,"
    " steps_skipped, finished, detail, utc_offset) VALUES (?, 'feet', 300, ?, ?, ?, ?, '{}', ?)"
)
FIRST = date(2025, 3, 1)
# Kept offsets a clock can have (the bounds too), none, and damaged ones of every kind.
OFFSETS = st.sampled_from(
    [None, 0, 60, -480, 780, 840, -720, 1080, -1080, 1081, -1081, "60", 60.0, -(2**63), 2**63 - 1, 5000]
)
# Minutes into a UTC day: local midnight falls near these under the offsets above.
MINUTES = st.sampled_from([0, 1, 59, 60, 8 * 60, 11 * 60 + 59, 12 * 60, 16 * 60, 23 * 60 + 30, 23 * 60 + 59])
ZONES = st.sampled_from([UTC, timezone(timedelta(hours=13)), timezone(timedelta(hours=-8)), None])
DAMAGED_STAMPS = st.sampled_from(["garbage", "", "2025-02-30T10:00:00+00:00", "2025-03-04 23:30", " 2025"])


@st.composite
def stamps(draw: st.DrawFn) -> str:
    if draw(st.integers(0, 9)) == 0:
        return draw(DAMAGED_STAMPS)
    moment = datetime(2025, 3, 1, tzinfo=UTC) + timedelta(
        days=draw(st.integers(0, 40)), minutes=draw(MINUTES)
    )
    zone = draw(ZONES)
    if zone is None:
        return moment.replace(tzinfo=None).isoformat()
    return moment.astimezone(zone).isoformat()


COUNTS = st.sampled_from(
    [
        (4, 0, 1),
        (0, 4, 1),
        (0, 0, 1),
        (0, 0, 0),
        (1, 3, 0),
        (0, 2, 0),
        ("x", 0, 0),
        (0, "a", 1),
        (0, 0, "yes"),
    ]
)
SECONDS = st.sampled_from([300.0, 0.0, 1e12, -5.0, "abc"])
ROWS = st.tuples(stamps(), SECONDS, COUNTS, OFFSETS).map(lambda r: (r[0], r[1], *r[2], r[3]))
# columns of ROWS, in order
CHANGED = ("started_at", "actual_seconds", "steps_done", "steps_skipped", "finished", "utc_offset")
# Then: change some columns of a row (each column the summary depends on, alone or together), or delete one.
OPS = st.lists(
    st.tuples(
        st.sampled_from(["update", "delete"]),
        st.integers(0, 200),
        ROWS,
        st.sets(st.sampled_from(CHANGED), min_size=1),
    ),
    max_size=12,
)


def _write(
    conn: Connection, rows: list[tuple[Any, ...]], ops: list[tuple[str, int, tuple[Any, ...], set[str]]]
) -> None:
    conn.executemany(INSERT, rows)
    ids = [r[0] for r in conn.execute("SELECT id FROM stretch_sessions ORDER BY id")]
    for op, pick, row, columns in ops:
        if not ids:
            break
        target = ids[pick % len(ids)]
        if op == "delete":
            conn.execute("DELETE FROM stretch_sessions WHERE id = ?", (target,))
            ids.remove(target)
        else:
            values = {column: value for column, value in zip(CHANGED, row, strict=True) if column in columns}
            assignments = ", ".join(f"{column} = ?" for column in values)
            conn.execute(
                f"UPDATE stretch_sessions SET {assignments} WHERE id = ?", (*values.values(), target)
            )


@pytest.fixture(scope="module")
def scratch() -> Iterator[Store]:
    """One store in memory at the newest schema; each example writes inside a savepoint it rolls back."""
    conn = sqlite3.connect(":memory:", isolation_level=None)
    migrate(conn, Path(":memory:"))
    conn.execute("PRAGMA ignore_check_constraints = ON")
    yield Store(conn, Path(":memory:"))
    conn.close()


@contextmanager
def rolled_back(store: Store) -> Iterator[Connection]:
    store.conn.execute("SAVEPOINT example")
    store.summary_trusted = None
    try:
        yield store.conn
    finally:
        store.conn.execute("ROLLBACK TO example")
        store.conn.execute("RELEASE example")


def _weeks(store: Store, query: tuple[str, tuple[str, ...]]) -> dict[Any, int]:
    return {bucket: int(n) for bucket, n in store.query(*query)}


def _same_as_live(store: Store, last: date, offset: int) -> None:
    first = last - timedelta(days=20)
    assert _weeks(store, session_days.weekly_counts_sql(store, last, offset)) == _weeks(
        store, live.weekly_counts_sql(None, last, offset)
    )
    assert session_days.active_days(store, first, last, offset) == live.active_days(
        store, first, last, offset
    )
    assert session_days.first_active_day(store, last, offset) == live.first_active_day(store, last, offset)


def _summary(conn: Connection) -> list[tuple[Any, ...]]:
    return list(conn.execute(f"SELECT day, counted FROM {TABLE} ORDER BY day"))


def _refilled(conn: Connection) -> list[tuple[Any, ...]]:
    """What migration 110 fills the summary with from the rows stored now."""
    conn.execute("SAVEPOINT refill")
    try:
        for name in TRIGGERS:
            conn.execute(f"DROP TRIGGER {name}")
        conn.execute(f"DELETE FROM {TABLE}")
        create_triggers(conn)
        return _summary(conn)
    finally:
        conn.execute("ROLLBACK TO refill")
        conn.execute("RELEASE refill")


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(ROWS, max_size=60), OPS, st.sampled_from([-600, -480, 0, 60, 780, 840]), st.integers(0, 45))
def test_the_summary_reads_as_the_live_sql_over_every_session(
    scratch: Store,
    rows: list[tuple[Any, ...]],
    ops: list[tuple[str, int, tuple[Any, ...], set[str]]],
    offset: int,
    day: int,
) -> None:
    with rolled_back(scratch) as conn:
        _write(conn, rows, ops)
        assert session_days.trusted(scratch)
        assert _summary(conn) == _refilled(conn)  # the triggers keep what a fill from scratch gives
        _same_as_live(scratch, FIRST + timedelta(days=day), offset)


def test_the_summary_holds_kept_offset_sessions_by_their_own_day(scratch: Store) -> None:
    rows = [
        ("2025-03-01T23:30:00+00:00", 300.0, 4, 0, 1, 60),  # 00:30 on the 2nd at UTC+1
        ("2025-03-01T23:30:00+00:00", 300.0, 4, 0, 1, 0),  # the 1st at UTC
        ("2025-03-01T23:30:00+00:00", 300.0, 0, 4, 1, 60),  # every step skipped: does not count
        ("2025-03-01T23:30:00+00:00", 300.0, 4, 0, 1, None),  # no kept offset: read live
        ("2025-03-01T23:30:00+00:00", 300.0, 4, 0, 1, 1081),  # no clock has it: read live
        ("2025", 300.0, 4, 0, 1, 60),  # SQLite would read a bare number as a Julian day
    ]
    with rolled_back(scratch) as conn:
        _write(conn, rows, [])
        assert _summary(conn) == [("2025-03-01", 1), ("2025-03-02", 1)]


# One column at a time, from a session in the summary (steps done, skipped, finished) to one out of
# it or on another day.
@pytest.mark.parametrize(
    ("counts", "column", "value"),
    [
        ((0, 0, 1), "started_at", "2025-03-05T10:00:00+00:00"),
        ((0, 0, 1), "started_at", "garbage"),
        ((0, 0, 1), "utc_offset", None),
        ((0, 0, 1), "utc_offset", 780),
        ((1, 2, 0), "steps_done", 0),
        ((0, 0, 1), "steps_skipped", 2),
        ((0, 0, 1), "finished", 0),
    ],
)
def test_changing_one_column_moves_the_summary(
    scratch: Store, counts: tuple[int, int, int], column: str, value: object
) -> None:
    with rolled_back(scratch) as conn:
        _write(conn, [("2025-03-01T13:00:00+00:00", 300.0, *counts, 60)], [])
        assert _summary(conn) == [("2025-03-01", 1)]
        conn.execute(f"UPDATE stretch_sessions SET {column} = ?", (value,))
        assert _summary(conn) == _refilled(conn) != [("2025-03-01", 1)]
