"""A damaged check-in row is left out of the aggregates (SQL: progress' weekly pain sums, counts)
exactly when it is left out of the lists (Python's `from_row`): never counted in an average the
rows shown do not hold."""

from __future__ import annotations

import sqlite3

import pytest

from footback.core.dates import read_stamp
from footback.records.checkins import _READ_COLUMNS, READABLE_SQL, from_row

GOOD = {
    "day": "'2026-12-01'",
    "foot": "3",
    "back": "4",
    "note": "NULL",
    "warning_signs": "'[]'",
    "created_at": "'2026-12-01T08:00:00+00:00'",
}
# One damaged (or edge) value at a time, as SQL literals.
CASES = [
    ("created_at", "'2026-12-01T08:00:00.123456789+00:00'"),
    ("created_at", "'2026-12-01T08:00:00.123456+00:00'"),
    ("created_at", "'2026-12-01T08:00:00.1234567+00:00'"),
    ("created_at", "'2026-12-01T08:00:00.+00:00'"),
    ("created_at", "'2026-12-01T08:00:00..1+00:00'"),
    ("created_at", "'2026-12-01T08:00:00z'"),
    ("created_at", "'2026-12-01T08:00:00Z'"),
    ("created_at", "'2026-12-01T08:00:00'"),
    ("created_at", "'2026-12-01T08:00:00+14:59'"),
    ("created_at", "'2026-12-01T08:00:00-14:59'"),
    ("created_at", "'2026-12-01T08:00:00+15:00'"),
    ("created_at", "'2026-12-01T08:00:00+23:59'"),
    ("created_at", "'2026-12-01T08:00:00+01:60'"),
    ("created_at", "'2026-12-01T08:00:00+0100'"),
    ("created_at", "'2026-12-01T08:00:00 +00:00'"),
    ("created_at", "'2026-12-01T08:00:00+00:00 '"),
    ("created_at", "'2026-12-01T08:00:60+00:00'"),
    ("created_at", "'2026-12-01 08:00:00+00:00'"),
    ("day", "'2026-12-1'"),
    ("day", "'20261201'"),
    ("day", "'2026-02-29'"),
    ("day", "'3000-01-01'"),
    ("foot", "'3'"),
    ("foot", "3.0"),
    ("foot", "11"),
    ("foot", "'abc'"),
    ("note", "x'41'"),
    ("warning_signs", "'[1]'"),
    ("warning_signs", "'{}'"),
]


def _checkins_table(conn: sqlite3.Connection) -> None:
    # The real table's column types (their affinity turns '3' into 3), without its checks.
    conn.execute(
        "CREATE TABLE checkins (id INTEGER PRIMARY KEY, day TEXT, foot INTEGER, back INTEGER,"
        " note TEXT, warning_signs TEXT, created_at TEXT)"
    )


@pytest.mark.parametrize(("column", "literal"), CASES, ids=[f"{c}={v}" for c, v in CASES])
def test_sql_skips_a_row_exactly_when_python_does(column: str, literal: str) -> None:
    row = {**GOOD, column: literal}
    conn = sqlite3.connect(":memory:")
    try:
        _checkins_table(conn)
        names = ", ".join(row)
        conn.execute(f"INSERT INTO checkins ({names}) VALUES ({', '.join(row.values())})")
        in_sql = conn.execute(f"SELECT {READABLE_SQL} FROM checkins").fetchone()[0]
        stored = conn.execute(f"SELECT {_READ_COLUMNS} FROM checkins").fetchone()
    finally:
        conn.close()
    try:
        from_row(stored)
        in_python = True
    except ValueError:
        in_python = False
    assert bool(in_sql) == in_python, (stored, in_sql, in_python)


@pytest.mark.parametrize(
    ("stamp", "kept"),
    [
        ("2026-12-01T08:00:00+14:59", True),
        ("2026-12-01T08:00:00+15:00", False),
        ("2026-12-01T08:00:00-14:59", True),
        ("2026-12-01T08:00:00-15:00", False),
        ("2026-12-01T08:00:00+01:59", True),
        ("2026-12-01T08:00:00+01:60", False),
    ],
)
def test_a_stamps_offset_is_what_sqlite_reads(stamp: str, kept: bool) -> None:
    conn = sqlite3.connect(":memory:")
    try:
        assert (conn.execute("SELECT julianday(?)", (stamp,)).fetchone()[0] is not None) == kept
    finally:
        conn.close()
    if kept:
        read_stamp(stamp)
    else:
        with pytest.raises(ValueError, match="is not a date and time"):
            read_stamp(stamp)
