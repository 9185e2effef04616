"""The scaling benchmark's generator (tests/support/scale_seed.py) makes records footback itself
would write and accept: what bench/scaling.py measures is real data."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

from footback.cli.app import app
from footback.daily.practice import current_streak
from footback.records.db import open_store
from footback.records.stretch_sessions import newest_sessions, save_logged
from footback.records.transfer.layout import TABLES
from tests.support.history_seed import NOW
from tests.support.runner import CliRunner
from tests.support.scale_seed import checkin_span, seed_daily_use

runner = CliRunner()
KINDS = {
    "stretch_sessions": ("played sessions", "logged sessions"),
    "assessments": ("assessments",),
    "checkins": ("check-ins",),
    "plan_changes": ("plan changes",),
    "psfs_ratings": ("function ratings",),
}


def _export(home: Path, out: Path) -> str:
    result = runner.invoke(
        app, ["export", "--format", "json", "--output", str(out)], env={"FOOTBACK_HOME": str(home)}
    )
    assert result.exit_code == 0, result.output
    return out.read_text()


def test_every_generated_record_is_exported_and_imported_again_unchanged(home: Path, tmp_path: Path) -> None:
    with open_store(home) as store:
        counts = seed_daily_use(store, years=1, scale=2, end=NOW)
    first = _export(home, tmp_path / "first.json")
    doc = json.loads(first)
    for table, kinds in KINDS.items():
        assert len(doc[table]) == sum(counts[kind] for kind in kinds), table
    assert set(KINDS) <= set(TABLES)
    other = tmp_path / "other"
    imported = runner.invoke(app, ["import", str(tmp_path / "first.json")], env={"FOOTBACK_HOME": str(other)})
    assert imported.exit_code == 0, imported.output
    # Import checks every record with footback's own rules: one it refused would be missing here.
    assert _export(other, tmp_path / "second.json") == first


def test_the_kinds_come_in_the_documented_numbers(home: Path) -> None:
    with open_store(home) as store:
        counts = seed_daily_use(store, years=1, scale=2, end=NOW, session_scale=3)
    # 366 days (0-365 ago): every tenth missed for played, two in ten logged; weeks for the rest.
    assert counts["played sessions"] == 3 * (366 - 36)
    assert counts["logged sessions"] == 3 * 73
    assert counts["assessments"] == 2 * 53
    assert counts["plan changes"] == 2 * 52
    assert counts["function ratings"] == 2 * 14
    # Check-ins: 2 years of days (731), every seventh missed (104), one a day.
    assert counts["check-ins"] == 731 - 104


def test_a_generated_logged_session_is_stored_as_footback_log_stores_one(home: Path) -> None:
    with open_store(home) as store:
        seed_daily_use(store, years=1, end=NOW)
        generated = next(s for s in newest_sessions(store) if s.logged)
        save_logged(store, "feet", NOW, 300.0, 600.0, 4)
        written = next(newest_sessions(store))
    assert written.logged and written.started_at == NOW
    assert generated.detail == written.detail
    same = ("routine", "planned_seconds", "steps_done", "steps_skipped", "finished", "steps_total", "counts")
    assert [getattr(generated, f) for f in same] == [getattr(written, f) for f in same]


def test_check_ins_span_ten_times_the_years_at_10x_and_stop_at_the_date_range() -> None:
    end = date(2026, 12, 7)
    assert checkin_span(5, 1, end) == (end - timedelta(days=1825), 1825)
    assert checkin_span(5, 10, end) == (end - timedelta(days=18250), 18250)
    # 500 years would start in 1527: the one date range (from 1900-01-01) stops it the day after.
    assert checkin_span(5, 100, end) == (date(1900, 1, 2), (end - date(1900, 1, 2)).days)


def test_every_tenth_day_is_missed_so_the_streak_stays_short(home: Path) -> None:
    """A realistic streak: a generated store whose every day counted would be one five-year streak."""
    with open_store(home) as store:
        seed_daily_use(store, years=1, scale=2, end=NOW)
        # NOW's day is day 0; day 9 before it had no routine, so the streak is days 0-8.
        assert current_streak(store, NOW) == 9
