"""The records layer: one repository per record kind, one policy for damaged rows, bounded reads."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from footback.cli.app import app
from footback.core.paths import db_path
from footback.history.render import ROWS_READ
from footback.history.service import load_history
from footback.records.db import open_store
from footback.records.shoes import find_pair
from footback.report.build import build_report
from tests.support.history_seed import NOW, add_check, at, seed_full, seed_years
from tests.support.runner import CliRunner

runner = CliRunner()


def _rows_read_by_history_and_report(home: Path, per_day: int, years: int) -> tuple[int, int, int]:
    with open_store(home) as store:
        seed_years(store, years=years, per_day=per_day)
        store.rows_read = 0
        shown = load_history(store, now=NOW, limit=ROWS_READ)
        history_rows = store.rows_read
        store.rows_read = 0
        build_report(store, now=NOW)
        report_rows = store.rows_read
    return history_rows, report_rows, shown.streak_days


@pytest.mark.parametrize("per_day", [1, 10])
def test_history_and_report_read_a_bounded_number_of_rows(home: Path, per_day: int) -> None:
    history_rows, report_rows, streak = _rows_read_by_history_and_report(home, per_day, years=2)
    # Per kind: the newest ROWS_READ rows and a count; the active days of a 33-day window for the
    # streak (every tenth day is missed, so it ends inside it); one row of sums for this week
    # plus a row per routine played. None of it depends on how many sessions a day there are.
    assert streak == 9
    assert history_rows <= 2 * ROWS_READ + 3 + 33 + 1 + 1
    # Trends, shoe lines, totals, routines, and for the day chart a row per day with sessions and
    # the check-ins of its 28 days (counted in SQL: ten sessions a day still give one row).
    assert report_rows <= 40 + 12 + 1 + 1 + 1 + 28 + 28


def test_ten_times_the_data_reads_no_more_rows(home: Path, tmp_path: Path) -> None:
    small = _rows_read_by_history_and_report(home, 1, years=1)
    big = _rows_read_by_history_and_report(tmp_path / "big", 1, years=10)
    assert big == small


def test_history_still_says_how_many_are_not_shown(home: Path) -> None:
    with open_store(home) as store:
        seed_years(store, years=1)
    result = runner.invoke(app, ["history"])
    assert result.exit_code == 0, result.stderr
    with sqlite3.connect(db_path(home)) as conn:
        stored = [
            conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
            for t in ("assessments", "stretch_sessions")
        ]
    assert stored == [53, 330]  # weekly for a year; daily but every tenth day
    assert "38 earlier assessments not shown" in result.stdout  # 15 shown
    assert "315 earlier sessions not shown" in result.stdout


DAMAGE = {
    "a bad timestamp": ("created_at", "'yesterday-ish'"),
    "a year-9999 timestamp": ("created_at", "'9999-12-31T23:59:59+00:00'"),
    "a non-number": ("foot_score", "'lots'"),
    "invalid JSON": ("result", "'{\"scores\": '"),
}


@pytest.mark.parametrize("damage", list(DAMAGE))
@pytest.mark.parametrize(
    "command", [["history"], ["history", "--json"], ["report"], ["report", "-f", "html"]]
)
def test_a_damaged_assessment_is_skipped_with_one_warning_naming_it(
    home: Path, damage: str, command: list[str]
) -> None:
    seed_full(home)
    column, value = DAMAGE[damage]
    with sqlite3.connect(db_path(home)) as conn:
        conn.execute(f"UPDATE assessments SET {column} = {value} WHERE id = 3")
    result = runner.invoke(app, command)
    assert result.exit_code == 0, (result.stderr, result.exception)
    (line,) = result.stderr.splitlines()
    assert line.startswith("footback: warning: skipped a damaged assessment (3, saved at ")
    assert "\x1b" not in line
    with sqlite3.connect(db_path(home)) as conn:  # left as it was
        assert conn.execute(f"SELECT {column} = {value} FROM assessments WHERE id = 3").fetchone() == (1,)


@pytest.mark.parametrize(
    ("table", "column", "value", "what"),
    [
        ("stretch_sessions", "started_at", "'not a date\x1b[2J'", "stretch session"),
        ("stretch_sessions", "actual_seconds", "'five'", "stretch session"),
        ("stretch_sessions", "detail", "'{'", "stretch session"),
        ("shoe_checks", "created_at", "'0000-00-00'", "shoe check"),
        ("shoe_checks", "result", "'[1, 2'", "shoe check"),
    ],
)
@pytest.mark.parametrize("command", [["history"], ["history", "--json"], ["report"]])
def test_damaged_sessions_and_checks_are_skipped_too(
    home: Path, table: str, column: str, value: str, what: str, command: list[str]
) -> None:
    seed_full(home)
    with sqlite3.connect(db_path(home)) as conn:
        newest = conn.execute(f"SELECT max(id) FROM {table}").fetchone()[0]
        conn.execute(f"UPDATE {table} SET {column} = {value} WHERE id = ?", (newest,))
    result = runner.invoke(app, command)
    assert result.exit_code == 0, (result.stderr, result.exception)
    warnings = result.stderr.splitlines()
    # history reads the newest rows of every kind; report reads sessions only through SQL sums
    # (a damaged one is left out of them) and the latest check of each pair.
    assert len(warnings) <= 1
    for line in warnings:
        assert line.startswith(f"footback: warning: skipped a damaged {what} ({newest}, saved at ")
        assert "\x1b" not in line
    if command[0] == "history":
        assert len(warnings) == 1


def test_find_pair_ignores_case_in_sql_without_reading_every_pair(home: Path) -> None:
    with open_store(home) as store:
        for n in range(30):
            add_check(store, at(n), f"pair {n}")
        add_check(store, at(0), "Trail Runners")
        store.rows_read = 0
        found = find_pair(store, "trail RUNNERS")
        assert found is not None and found.name == "Trail Runners"
        assert store.rows_read == 2  # the pair and its latest check
        assert find_pair(store, "trail") is None


def test_a_long_streak_is_found_in_growing_windows_of_days_not_rows(home: Path) -> None:
    with open_store(home) as store:
        with store.transaction() as conn:  # 100 days in a row, five sessions each
            conn.executemany(
                "INSERT INTO stretch_sessions (started_at, routine, planned_seconds, actual_seconds,"
                " steps_done, steps_skipped, finished) VALUES (?, 'feet', 60, 60, 1, 0, 1)",
                [(at(day, hour=8 + n).isoformat(),) for day in range(100) for n in range(5)],
            )
        store.rows_read = 0
        history = load_history(store, now=NOW, limit=ROWS_READ)
        assert history.streak_days == 100
        store.rows_read -= ROWS_READ  # the newest sessions shown (there is nothing else)
        # Windows of 32, 64 and 128 days, each widening reading only the days it adds: one row per
        # active day, each once, never one per session; then three counts and this week's sums.
        assert store.rows_read <= 100 + 3 + 2 + 1  # and the session summary's trust check (one row)


def test_the_pain_verdicts_history_shows_read_no_sessions(home: Path) -> None:
    from footback.daily.pain import checkin_verdicts

    with open_store(home) as store:
        seed_years(store, years=1)
        store.rows_read = 0
        checkin_verdicts(store, now=NOW)
        assert store.rows_read == 0  # no check-ins stored; the sessions are not read


def test_a_read_that_fails_half_way_is_one_store_error(home: Path) -> None:
    from footback.core.errors import StoreError

    with open_store(home) as store:
        seed_years(store, years=1)
        with pytest.raises(StoreError, match="cannot read"):
            list(store.iter_query("SELECT id FROM no_such_table"))
        with pytest.raises(StoreError, match="cannot read"):
            # An error raised while stepping (integer overflow) surfaces from fetchmany.
            list(store.iter_query("SELECT abs(-9223372036854775807 - 1) FROM stretch_sessions"))


@pytest.mark.parametrize(
    ("check", "value"),
    [
        ("parse_stamp", 20250101),
        ("parse_stamp", "0001-01-01T00:00:00+00:00"),
        ("as_int", True),
        ("as_float", float("inf")),
        ("as_text", 3),
        ("as_object", "[1, 2]"),
        ("as_optional_int", "7"),
    ],
)
def test_every_field_check_refuses_what_footback_never_writes(check: str, value: object) -> None:
    from footback.records import fields

    with pytest.raises(fields.DamagedRow):
        getattr(fields, check)(value)
    assert fields.as_optional_float(None) is None and fields.as_optional_text(None) is None


def test_read_store_without_a_store_reads_nothing_and_creates_nothing(tmp_path: Path) -> None:
    from footback.records.db import read_store

    folder = tmp_path / "data"
    called: list[object] = []
    assert read_store(folder, called.append) is None
    assert called == [] and not folder.exists()


def test_read_store_returns_what_the_reader_read_and_closes_the_store(home: Path) -> None:
    from footback.records.db import Store, read_store

    seed_full(home)
    seen: list[Store] = []

    def count(store: Store) -> int:
        seen.append(store)
        return int(store.query("SELECT count(*) FROM assessments")[0][0])

    assert read_store(home, count) == 3
    with pytest.raises(sqlite3.ProgrammingError, match="closed"):
        seen[0].conn.execute("SELECT 1")
