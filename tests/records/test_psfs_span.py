"""What progress shows of the function ratings (`records.psfs.rating_span`: the first set, the latest
rating the same activities, how many do) equals what every set read and parsed gives (`list_ratings`,
kept here as the oracle), whatever is stored: damaged days, stamps, JSON and ratings, activities
written in other JSON spellings of the same names."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from footback.records.db import Store
from footback.records.migrations import migrate
from footback.records.psfs import list_ratings, rating_span

INSERT = "INSERT INTO psfs_ratings (day, activities, ratings, created_at) VALUES (?, ?, ?, ?)"
DAYS = st.sampled_from(
    ["2025-03-01", "2025-03-02", "2025-03-02", "2025-03-09", "2025-02-30", "garbage", "1899-12-31"]
)
ACTIVITIES = st.sampled_from(
    [
        '["stairs", "walking"]',
        '["stairs","walking"]',  # the same names, spelled without spaces
        '["st\\u0061irs", "walking"]',  # the same names, one letter escaped
        '["walking", "stairs"]',
        '["stairs"]',
        '["stairs", "walking", "running"]',
        '["stairs", ["walking"]]',
        '["stairs", 5]',
        '["stairs", "stairs"]',  # an activity named twice: damaged
        '{"a": 1}',
        "not json",
        '["Stairs", "walking"]',
    ]
)
RATINGS = st.sampled_from(
    [
        "[4, 6]",
        "[0, 10]",
        "[4]",
        "[4, 6, 8]",
        "[4, 11]",
        "[-1, 4]",
        "[4.0, 6]",
        '["4", 6]',
        "[true, 6]",
        "x",
        "[]",
    ]
)
STAMPS = st.sampled_from(
    [
        "2025-03-01T20:00:00+00:00",
        "2025-03-01T08:00:00+00:00",
        "2025-03-02T20:00:00.5Z",
        "garbage",
        "2025-03-01",
    ]
)
ROWS = st.lists(st.tuples(DAYS, ACTIVITIES, RATINGS, STAMPS), max_size=25)


@pytest.fixture(scope="module")
def scratch() -> Iterator[Store]:
    conn = sqlite3.connect(":memory:", isolation_level=None)
    migrate(conn, Path(":memory:"))
    yield Store(conn, Path(":memory:"), warn=lambda message: None)
    conn.close()


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(ROWS)
def test_the_span_read_in_sql_is_what_every_set_gives(scratch: Store, rows: list[tuple[Any, ...]]) -> None:
    scratch.conn.execute("SAVEPOINT example")
    try:
        scratch.conn.executemany(INSERT, rows)
        every = list_ratings(scratch)
        if not every:
            assert rating_span(scratch) is None
            return
        same = [r for r in every if r.activities == every[0].activities]
        assert rating_span(scratch) == (every[0], same[-1], len(same))
    finally:
        scratch.conn.execute("ROLLBACK TO example")
        scratch.conn.execute("RELEASE example")


def test_a_set_with_one_activity_more_is_not_the_same_activities(scratch: Store) -> None:
    scratch.conn.execute("SAVEPOINT example")
    try:
        first = ("2025-03-01", '["stairs", "walking"]', "[4, 6]", "2025-03-01T20:00:00+00:00")
        more = ("2025-03-02", '["stairs", "walking", "running"]', "[5, 7, 9]", "2025-03-02T20:00:00+00:00")
        # Damaged (a rating short): it must not pass as a set of the first's two activities.
        short = ("2025-03-03", '["stairs", "walking", "running"]', "[5, 7]", "2025-03-03T20:00:00+00:00")
        scratch.conn.executemany(INSERT, [first, more, short])
        span = rating_span(scratch)
        assert span is not None and span[0] == span[1] and span[2] == 1
    finally:
        scratch.conn.execute("ROLLBACK TO example")
        scratch.conn.execute("RELEASE example")
