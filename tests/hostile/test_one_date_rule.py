"""One form and one range for every date: options, imports, stored rows and exports agree."""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest

from footback.cli.app import app
from footback.core.dates import parse_date, read_day, read_stamp
from footback.core.errors import BadInputError
from footback.core.paths import db_path
from tests.hostile.crafted import seed_daily_export, write
from tests.support.context import Cli, set_wall
from tests.support.hostile import refused
from tests.support.runner import CliRunner

runner = CliRunner()
OTHER_FORMS = ["20261206", "2026-W49-1", "2026-340", "2026-12-06T00:00", " 2026-12-06x", "２０２６-12-06"]


@pytest.mark.parametrize("text", OTHER_FORMS)
def test_only_yyyy_mm_dd_is_a_day(text: str) -> None:
    with pytest.raises(ValueError, match="YYYY-MM-DD"):
        read_day(text)
    with pytest.raises(BadInputError, match="YYYY-MM-DD"):
        parse_date(text, "--date", datetime(2026, 12, 7).date())


def test_the_range_is_1900_to_2999_by_one_day() -> None:
    assert read_day("1900-01-01").year == 1900 and read_day("2999-12-31").year == 2999
    for outside in ("1899-12-31", "3000-01-01", "1527-06-01"):
        with pytest.raises(ValueError, match="out of range"):
            read_day(outside)
    assert read_stamp("2999-12-31T23:59:59+00:00").year == 2999
    with pytest.raises(ValueError, match="out of range"):
        read_stamp("3000-01-01T00:00:00+00:00")
    with pytest.raises(ValueError, match="no time zone"):
        read_stamp("2026-01-01T00:00:00")
    assert read_stamp("2026-01-01T00:00:00", zone_required=False).tzinfo is UTC


@pytest.mark.parametrize("day", ["20261206", "2026-W49-1"])
def test_an_import_of_another_spelling_of_a_day_is_refused(home: Path, tmp_path: Path, day: str) -> None:
    doc = seed_daily_export(tmp_path / "elsewhere")
    doc["checkins"][0]["day"] = day
    refused(
        runner.invoke(app, ["import", str(write(doc, tmp_path / "d.json"))]), "checkins[0]: day", "YYYY-MM-DD"
    )
    assert not db_path(home).exists()


@pytest.mark.parametrize(
    "args",
    [
        ["checkin", "--foot", "1", "--back", "1", "--date", "20261206"],
        ["checkin", "--foot", "1", "--back", "1", "--date", "2026-W49-1"],
        ["history", "--since", "2026-W49-1"],
        ["history", "--since", "20250101"],
    ],
    ids=" ".join,
)
def test_options_take_only_yyyy_mm_dd(home: Path, args: list[str]) -> None:
    refused(runner.invoke(app, args), "YYYY-MM-DD")
    _no_checkins(home)


def _crafted(tmp_path: Path, table: str, field: str, value: object, index: int = 0) -> Path:
    doc = seed_daily_export(tmp_path / "elsewhere")
    doc[table][index][field] = value
    return write(doc, tmp_path / "bad.json")


CASES = [
    ("future check-in", "checkins", "day", "2999-12-31", "checkins[0]: day", "after the day it was written"),
    ("no time zone", "checkins", "created_at", "2025-03-12T21:00:00", "created_at", "no time zone"),
    ("no time zone, assessment", "assessments", "created_at", "2025-03-12T21:00:00", "created_at", "zone"),
    ("date only", "stretch_sessions", "started_at", "2025-03-12", "started_at", "date and time"),
    ("signs twice", "checkins", "warning_signs", ["rf_fever", "rf_fever"], "warning_signs", "twice"),
    ("visit signs twice", "clinician_seen", "signs", ["rf_fever", "rf_fever"], "signs", "twice"),
    ("unknown visit sign", "clinician_seen", "signs", ["rf_wings"], "signs", "not a warning-sign id"),
    (
        "visit of no assessment",
        "clinician_seen",
        "assessment_uid",
        "f" * 32,
        "assessment_uid",
        "not an assessment",
    ),
]


@pytest.mark.parametrize(
    ("what", "table", "field", "value", "where", "words"), CASES, ids=[c[0] for c in CASES]
)
def test_import_refuses_what_the_commands_refuse(
    home: Path, tmp_path: Path, what: str, table: str, field: str, value: object, where: str, words: str
) -> None:
    result = runner.invoke(app, ["import", str(_crafted(tmp_path, table, field, value))])
    refused(result, where, words)
    assert not db_path(home).exists(), what


@pytest.mark.parametrize("year", [1527, 3000])
def test_a_clock_centuries_off_stores_nothing(cli: Cli, home: Path, year: int) -> None:
    set_wall(cli.context, datetime(year, 1, 1, 12, 0, tzinfo=UTC))
    result = cli.invoke(["checkin", "--foot", "2", "--back", "3"])
    assert result.exit_code == 1, result.output
    assert "clock" in result.stderr and result.stderr.count("\n") == 1, result.stderr
    _no_checkins(home)


def _no_checkins(home: Path) -> None:
    if db_path(home).exists():
        conn = sqlite3.connect(db_path(home))
        assert conn.execute("SELECT count(*) FROM checkins").fetchone()[0] == 0
        conn.close()


@pytest.mark.parametrize(
    ("table", "column", "value"),
    [
        ("checkins", "day", "20250312"),
        ("checkins", "day", "1527-03-12"),
        ("checkins", "day", "2999-12-31"),
        ("stretch_sessions", "started_at", "1527-03-12T08:00:00+00:00"),
        ("assessments", "created_at", "3000-01-01T00:00:00+00:00"),
        ("plan_changes", "created_at", "2025-03-12"),
        # Not dates, but the same promise: text import refuses is exported marked damaged.
        ("stretch_sessions", "routine", "feet\x1b]0;pwned\x07"),
        ("checkins", "note", "fine\u202eenif"),
        ("plan_changes", "reason", ""),
    ],
)
def test_export_never_writes_what_import_refuses(
    home: Path, tmp_path: Path, table: str, column: str, value: str
) -> None:
    """A stored value outside the rule (edited by hand, or from an older footback) is exported
    marked damaged; the export then imports into a new store, skipping just that record."""
    seed_daily_export(home)
    conn = sqlite3.connect(db_path(home))
    conn.execute(f"UPDATE {table} SET {column} = ? WHERE rowid = (SELECT min(rowid) FROM {table})", (value,))
    conn.commit()
    conn.close()
    exported = runner.invoke(app, ["export"])
    assert exported.exit_code == 0, exported.output
    doc = json.loads(exported.stdout)
    marked = [r for r in doc[table] if "damaged" in r]
    assert len(marked) == 1 and marked[0][column] == value and column in marked[0]["damaged"]
    other = tmp_path / "other"
    result = runner.invoke(
        app, ["import", str(write(doc, tmp_path / "x.json"))], env={"FOOTBACK_HOME": str(other)}
    )
    assert result.exit_code == 0, result.output
    assert "1 record marked damaged was skipped" in result.stdout


def test_a_stamp_without_zone_from_an_old_store_is_exported_as_utc_and_imports(
    home: Path, tmp_path: Path
) -> None:
    seed_daily_export(home)
    conn = sqlite3.connect(db_path(home))
    conn.execute("UPDATE stretch_sessions SET started_at = '2025-03-01T08:00:00' WHERE rowid = 1")
    conn.commit()
    conn.close()
    doc = json.loads(runner.invoke(app, ["export"]).stdout)
    assert "2025-03-01T08:00:00+00:00" in [r["started_at"] for r in doc["stretch_sessions"]]
    other = tmp_path / "other"
    env = {"FOOTBACK_HOME": str(other)}
    assert runner.invoke(app, ["import", str(write(doc, tmp_path / "x.json"))], env=env).exit_code == 0
    assert json.loads(runner.invoke(app, ["export"], env=env).stdout) == doc
