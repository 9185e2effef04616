"""The session summary's rule for a store it cannot trust (records/session_days.py, docs/data.md):
an upgrade fills it, import keeps it, and a store whose summary is missing, stale or tampered with
is read from the sessions themselves, giving what an intact store gives."""

from __future__ import annotations

import contextlib
import sqlite3
from datetime import timedelta
from pathlib import Path

import pytest

from footback.core.errors import StoreError
from footback.daily.progress import Progress
from footback.daily.progress_service import read_progress
from footback.records import session_days
from footback.records.db import Store, _open_read_only, open_store
from footback.records.migrations import APPLICATION_ID, MIGRATIONS
from footback.records.session_summary import INDEX, TABLE, TRIGGERS
from tests.support.history_seed import NOW, at, seed_years
from tests.support.hostile import invoke

MORE = (
    "INSERT INTO stretch_sessions (started_at, routine, planned_seconds, actual_seconds, steps_done,"
    " steps_skipped, finished, utc_offset) VALUES (?, 'feet', 300, 300, 1, 0, 1, ?)"
)


def _sessions(conn: sqlite3.Connection) -> None:
    """A year of routines, most with a kept offset, some without (stored before migration 70)."""
    rows = [(at(day, 23).isoformat(), 60 if day % 5 else None) for day in range(0, 365) if day % 9 != 4]
    conn.executemany(MORE, rows)


def _progress(store: Store) -> Progress:
    return read_progress(store, NOW, review_days=7)


def _build_at(path: Path, version: int) -> None:
    conn = sqlite3.connect(path, isolation_level=None)
    for migration in MIGRATIONS:
        if migration.version > version:
            break
        conn.executescript(migration.sql)
        if migration.then is not None:
            migration.then(conn)
    _sessions(conn)
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.execute(f"PRAGMA user_version = {version}")
    conn.close()


@pytest.fixture
def intact(tmp_path: Path) -> Progress:
    """What progress reads from the sessions `_sessions` stores, at the newest schema."""
    with open_store(tmp_path / "intact") as store:
        with store.transaction() as conn:
            _sessions(conn)
        assert session_days.trusted(store)
        return _progress(store)


def test_the_upgrade_to_110_fills_the_summary_from_the_sessions_stored(home: Path, intact: Progress) -> None:
    home.mkdir(mode=0o700)
    _build_at(home / "footback.sqlite3", 100)
    with open_store(home) as store:
        days = store.query(f"SELECT count(*), total(counted) FROM {TABLE}")[0]
        # One row a day with a kept offset (every fifth day has none, every ninth is missed).
        assert days == (len([d for d in range(365) if d % 9 != 4 and d % 5]),) * 2
        assert session_days.trusted(store)
        assert _progress(store) == intact


def test_a_store_at_100_on_a_read_only_disk_is_read_without_the_summary(home: Path, intact: Progress) -> None:
    home.mkdir(mode=0o700)
    _build_at(home / "footback.sqlite3", 100)
    with _open_read_only(home / "footback.sqlite3", False) as store:
        assert not session_days.trusted(store)
        assert _progress(store) == intact
    # A store that lacks more than derived data still needs its upgrade.
    _build_at(home.parent / "older.sqlite3", 90)
    with pytest.raises(StoreError, match="needs upgrading"):
        _open_read_only(home.parent / "older.sqlite3", False)


DAMAGE = [
    f"DROP TABLE {TABLE}",
    f"DROP INDEX {INDEX}",
    *(f"DROP TRIGGER {name}" for name in TRIGGERS),
    f"DROP TRIGGER {TABLE}_insert;"
    f" CREATE TRIGGER {TABLE}_insert AFTER INSERT ON stretch_sessions BEGIN SELECT 1; END",
    f"UPDATE {TABLE} SET counted = 'many' WHERE day = (SELECT max(day) FROM {TABLE})",
    f"UPDATE {TABLE} SET counted = 0 WHERE day = (SELECT max(day) FROM {TABLE})",
    f"UPDATE {TABLE} SET counted = 1.5 WHERE day = (SELECT max(day) FROM {TABLE})",
    f"UPDATE {TABLE} SET day = '2025-02-30' WHERE day = (SELECT max(day) FROM {TABLE})",
    f"UPDATE {TABLE} SET day = 'garbage' WHERE day = (SELECT max(day) FROM {TABLE})",
    f"UPDATE {TABLE} SET day = NULL WHERE day = (SELECT max(day) FROM {TABLE})",
    # Another kind of object under one of its names (hostile5): DROP TABLE refuses a view, so the
    # repair failed and every later session (`stretch` too) was "cannot write ... is a view".
    f"DROP TABLE {TABLE}; CREATE VIEW {TABLE} AS SELECT '2025-01-01' AS day, 1 AS counted",
    f"DROP TABLE {TABLE}; CREATE INDEX {TABLE} ON checkins (day)",
    f"DROP INDEX {INDEX}; CREATE VIEW {INDEX} AS SELECT 1",
    f"DROP TRIGGER {TABLE}_insert; CREATE TABLE {TABLE}_insert (x)",
]


@pytest.mark.parametrize("damage", DAMAGE)
def test_a_summary_footback_did_not_keep_is_not_read_and_is_made_again(
    home: Path, intact: Progress, damage: str
) -> None:
    with open_store(home) as store, store.transaction() as conn:
        _sessions(conn)
    path = home / "footback.sqlite3"
    conn = sqlite3.connect(path, isolation_level=None)
    conn.executescript(damage)
    # Sessions stored while a trigger is missing leave the summary behind: it must not be read.
    with contextlib.suppress(sqlite3.OperationalError):  # the triggers of a dropped table fail
        conn.execute("DELETE FROM stretch_sessions WHERE started_at = ?", (at(2, 23).isoformat(),))
        conn.execute(MORE, (at(2, 23).isoformat(), 60))
    conn.close()
    # Read as it is (a read-only disk): not trusted, so the sessions themselves are counted.
    with _open_read_only(path, False) as store:
        assert not session_days.trusted(store)
        assert _progress(store) == intact
    # An open that can write makes it again: trusted, and what a fill from the sessions gives.
    with open_store(home) as store:
        assert session_days.trusted(store)
        assert _progress(store) == intact
    for args in (["progress"], ["today"], ["history"], ["report"], ["plan", "--review", "--no-save"]):
        result = invoke(args)
        assert result.exit_code in (0, 1) and "Traceback" not in result.output, (args, result.output)


def test_import_fills_the_summary_through_the_triggers(home: Path, tmp_path: Path) -> None:
    with open_store(home) as store:
        seed_years(store, years=1, utc_offset=60)
        expected = store.query(f"SELECT day, counted FROM {TABLE} ORDER BY day")
    exported = tmp_path / "export.json"
    assert invoke(["export", "--output", str(exported)]).exit_code == 0
    fresh = tmp_path / "fresh"
    assert invoke(["import", str(exported)], env={"FOOTBACK_HOME": str(fresh)}).exit_code == 0
    with open_store(fresh) as store:
        assert session_days.trusted(store)
        assert store.query(f"SELECT day, counted FROM {TABLE} ORDER BY day") == expected != []
    assert "session_days" not in exported.read_text()  # derived: never exported


def test_a_day_without_a_kept_offset_moves_with_the_clock(home: Path) -> None:
    with open_store(home) as store:
        with store.transaction() as conn:
            conn.execute(MORE, ("2025-03-12T23:30:00+00:00", None))
            conn.execute(MORE, ("2025-03-10T12:00:00+00:00", 60))
        utc = session_days.active_days(store, NOW.date() - timedelta(days=7), NOW.date(), 0)
        east = session_days.active_days(store, NOW.date() - timedelta(days=7), NOW.date(), 60)
    assert sorted(map(str, utc)) == ["2025-03-10", "2025-03-12"]
    assert sorted(map(str, east)) == ["2025-03-10", "2025-03-13"]
