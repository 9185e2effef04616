"""Crafted exports: each bad field is one line naming record and field, exit 2, nothing stored.

Afterwards every reading command still works and nothing raw reaches the terminal.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from footback.cli.app import app
from footback.core.paths import db_path
from footback.records.db import open_store
from tests.hostile.crafted import seed_export, write
from tests.support.history_seed import seed_full
from tests.support.runner import CliRunner

runner = CliRunner()
READERS = [["history"], ["shoes-check", "--list"], ["export"], ["export", "--format", "csv"]]
ESC_NAME = "\x1b]0;pwned\x07\x1b[2J"

# (what, table, index, field, value, words the message must hold)
CASES: list[tuple[str, str, int, str, Any, str]] = [
    ("year 9999", "assessments", 0, "created_at", "9999-12-31T23:59:59+00:00", "assessments[0]: created_at"),
    (
        "year 0001",
        "stretch_sessions",
        0,
        "started_at",
        "0001-01-01T00:00:00",
        "stretch_sessions[0]: started_at",
    ),
    ("not a date", "shoe_checks", 0, "created_at", "yesterday", "shoe_checks[0]: created_at"),
    ("null pair name", "shoe_pairs", 0, "name", None, "shoe_pairs[0]: name"),
    ("blank pair name", "shoe_pairs", 0, "name", "   ", "shoe_pairs[0]: name"),
    ("escape in pair name", "shoe_pairs", 0, "name", ESC_NAME, "shoe_pairs[0]: name: contains control"),
    ("escape in routine", "stretch_sessions", 1, "routine", ESC_NAME, "stretch_sessions[1]: routine"),
    ("escape deep in detail", "stretch_sessions", 0, "detail", {"x": ESC_NAME}, "detail.x: contains control"),
    ("bidi override", "stretch_sessions", 0, "routine", "feet\u202egnp", "stretch_sessions[0]: routine"),
    ("lone surrogate", "stretch_sessions", 0, "routine", "LONE", "stretch_sessions[0]: routine"),
    ("long routine name", "stretch_sessions", 0, "routine", "r" * 61, "longer than 60"),
    ("answers a list", "assessments", 1, "answers", [1, 2], "assessments[1]: answers"),
    (
        "answer wrong type",
        "assessments",
        0,
        "answers",
        {"back_pain": 12},
        "assessments[0]: answers: back_pain",
    ),
    ("unknown question", "shoe_checks", 1, "answers", {"wings": True}, "shoe_checks[1]: answers"),
    (
        "negative minutes",
        "stretch_sessions",
        2,
        "actual_seconds",
        -60.0,
        "stretch_sessions[2]: actual_seconds",
    ),
    (
        "infinite minutes",
        "stretch_sessions",
        0,
        "planned_seconds",
        "INF",
        "planned_seconds: inf is not a finite",
    ),
    ("NaN minutes", "stretch_sessions", 0, "planned_seconds", "NAN", "NaN is not a number"),
    ("negative distance", "shoe_pairs", 1, "distance_km", -1.0, "shoe_pairs[1]: distance_km"),
    ("infinite distance", "shoe_pairs", 1, "distance_km", "HUGE", "shoe_pairs[1]: distance_km"),
    ("unknown shoe type", "shoe_pairs", 0, "shoe_type", "rocket", "shoe_pairs[0]: shoe_type"),
    ("score beyond SQLite", "assessments", 2, "foot_score", 2**64, "assessments[2]: foot_score"),
    ("integer beyond SQLite in JSON", "stretch_sessions", 0, "detail", {"n": 2**70}, "detail.n"),
    ("score out of range", "shoe_checks", 0, "score", 101, "shoe_checks[0]: score"),
    ("urgent not 0/1", "assessments", 0, "urgent", 7, "assessments[0]: urgent"),
    ("bad verdict", "shoe_checks", 0, "verdict", "splendid", "shoe_checks[0]: verdict"),
    ("result wrong shape", "assessments", 0, "result", {"scores": 1}, "assessments[0]: result"),
    ("steps negative", "stretch_sessions", 0, "steps_done", -1, "stretch_sessions[0]: steps_done"),
]
RAW = {"LONE": '"\\ud800"', "INF": "1e999", "NAN": "NaN", "HUGE": "1e400"}


@pytest.mark.parametrize(
    ("what", "table", "index", "field", "value", "words"), CASES, ids=[c[0] for c in CASES]
)
def test_each_bad_field_is_refused_and_nothing_is_stored(
    home: Path, tmp_path: Path, what: str, table: str, index: int, field: str, value: Any, words: str
) -> None:
    doc = seed_export(tmp_path / "elsewhere")
    doc[table][index][field] = value
    result = runner.invoke(app, ["import", str(write(doc, tmp_path / "bad.json", raw=RAW))])

    assert result.exit_code == 2, (what, result.output)
    assert result.stderr.startswith("footback: error: ") and result.stderr.count("\n") == 1, result.stderr
    assert words in result.stderr, result.stderr
    assert len(result.stderr) < 300 and b"\x1b" not in result.stderr_bytes
    assert not db_path(home).exists()
    for args in READERS:
        after = runner.invoke(app, args)
        assert after.exit_code == 0, (args, after.output)
        assert b"\x1b" not in after.stdout_bytes + after.stderr_bytes
        assert b"Traceback" not in after.stdout_bytes + after.stderr_bytes


def test_a_huge_bad_value_is_quoted_only_in_part(home: Path, tmp_path: Path) -> None:
    doc = seed_export(tmp_path / "elsewhere")
    doc["stretch_sessions"][0]["routine"] = "\x1b" + "A" * 100_000
    result = runner.invoke(app, ["import", str(write(doc, tmp_path / "bad.json"))])
    assert result.exit_code == 2
    assert "\\x1bAAAA" in result.stderr and len(result.stderr) < 200


def test_pair_names_that_differ_only_in_case_are_refused(home: Path, tmp_path: Path) -> None:
    doc = seed_export(tmp_path / "elsewhere")
    doc["shoe_pairs"][1]["name"] = doc["shoe_pairs"][0]["name"].upper()
    result = runner.invoke(app, ["import", str(write(doc, tmp_path / "bad.json"))])
    assert result.exit_code == 2
    assert "shoe_pairs[1]: name" in result.stderr and "only in case" in result.stderr


def test_a_case_duplicate_of_a_stored_pair_is_refused_and_the_store_unchanged(
    home: Path, tmp_path: Path
) -> None:
    seed_full(home)
    before = runner.invoke(app, ["export"]).stdout
    doc = seed_export(tmp_path / "elsewhere")
    doc["shoe_pairs"] = [dict(doc["shoe_pairs"][1], name="OFFICE")]
    doc["shoe_checks"] = []
    result = runner.invoke(app, ["import", str(write(doc, tmp_path / "bad.json"))])
    assert result.exit_code == 2
    assert "'OFFICE' differs only in case from the pair 'office'" in result.stderr
    assert runner.invoke(app, ["export"]).stdout == before


def test_a_refused_import_into_a_store_leaves_it_exactly_as_it_was(home: Path, tmp_path: Path) -> None:
    seed_full(home)
    with open_store(home) as store:
        before = store.conn.execute("SELECT count(*) FROM stretch_sessions").fetchone()[0]
    doc = seed_export(tmp_path / "elsewhere")
    for row in doc["stretch_sessions"]:
        row["uid"] = None
        row["started_at"] = "2025-01-01T00:00:00+00:00"
    doc["shoe_checks"][-1]["score"] = -4  # the last record of the file
    result = runner.invoke(app, ["import", str(write(doc, tmp_path / "bad.json"))])
    assert result.exit_code == 2
    with open_store(home) as store:
        assert store.conn.execute("SELECT count(*) FROM stretch_sessions").fetchone()[0] == before


def test_a_shoe_check_whose_result_names_an_unknown_shoe_type_is_refused(home: Path, tmp_path: Path) -> None:
    # The shoes feature's import check (shoes/import_checks.py): every screen looks the type up.
    doc = seed_export(tmp_path / "elsewhere")
    doc["shoe_checks"][0]["result"]["shoe_type"] = "rocket"
    result = runner.invoke(app, ["import", str(write(doc, tmp_path / "bad.json"))])
    assert result.exit_code == 2, result.output
    assert "shoe_checks[0]: shoe_type: 'rocket' is not one of running" in result.stderr, result.stderr
    assert not db_path(home).exists()
