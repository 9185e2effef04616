"""Damaged records (all pass SQLite's quick_check): export always works and carries them, marked."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from pathlib import Path

import pytest

from footback.cli.app import app
from footback.core.paths import db_path
from footback.records.transfer.layout import DAMAGED, TABLES
from tests.support.history_seed import seed_full
from tests.support.runner import CliRunner

runner = CliRunner()
# One kind of damage per record kind and column type: SQLite keeps whatever it was given.
DAMAGE = [
    "UPDATE assessments SET created_at = 'last tuesday' WHERE id = 1",
    "UPDATE assessments SET result = '{not json' WHERE id = 2",
    "UPDATE assessments SET foot_score = 'lots' WHERE id = 3",
    "UPDATE stretch_sessions SET actual_seconds = 'forever' WHERE id = 1",
    "UPDATE stretch_sessions SET detail = x'00ff' WHERE id = 2",
    "UPDATE stretch_sessions SET routine = CAST(x'66ff6565' AS TEXT) WHERE id = 3",
    "UPDATE stretch_sessions SET planned_seconds = 9e999 WHERE id = 4",
    "UPDATE shoe_pairs SET updated_at = 'soon' WHERE name = 'office'",
    "UPDATE shoe_pairs SET distance_km = 'far' WHERE name = 'trail runners'",
    "UPDATE shoe_checks SET answers = '[[[' WHERE id = 1",
    "UPDATE shoe_checks SET score = 'great', created_at = 7 WHERE id = 2",
]


@pytest.fixture
def damaged(home: Path) -> None:
    seed_full(home)
    conn = sqlite3.connect(db_path(home))
    with conn:
        for sql in DAMAGE:
            conn.execute(sql)
    conn.close()


def test_json_export_carries_every_damaged_record_marked(damaged: None, tmp_path: Path) -> None:
    result = runner.invoke(app, ["export", "--output", str(tmp_path / "x.json")])
    assert result.exit_code == 0, result.output
    assert "damaged" in result.stderr
    doc = json.loads((tmp_path / "x.json").read_text(encoding="utf-8"))
    assert [len(doc[t]) for t in TABLES] == [3, 6, 2, 2] + [0] * (len(TABLES) - 4)
    marked = {t: [r[DAMAGED] for r in doc[t] if DAMAGED in r] for t in TABLES}
    assert len(marked["assessments"]) == 3 and len(marked["stretch_sessions"]) == 4
    assert len(marked["shoe_pairs"]) == 2 and len(marked["shoe_checks"]) == 2
    text = json.dumps(marked)
    for words in ("not a date", "not valid JSON", "not integer", "binary data", "not valid UTF-8", "finite"):
        assert words in text, words
    # Kept as it was: the bad JSON text itself, the bytes as hex.
    assert any(r.get("result") == "{not json" for r in doc["assessments"])
    assert any(r.get("detail") == "00ff" for r in doc["stretch_sessions"])


def test_csv_export_works_with_damaged_records(damaged: None) -> None:
    result = runner.invoke(app, ["export", "--format", "csv"])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert len(rows) == 13 and sum(1 for r in rows if r[DAMAGED]) == 11


def test_importing_an_export_with_damaged_records_skips_only_those(damaged: None, tmp_path: Path) -> None:
    backup = tmp_path / "x.json"
    assert runner.invoke(app, ["export", "--output", str(backup)]).exit_code == 0
    assert runner.invoke(app, ["forget", "--yes"]).exit_code == 0
    result = runner.invoke(app, ["import", str(backup)])
    assert result.exit_code == 0, result.output
    assert "11 records marked damaged were skipped" in result.stdout
    assert "Imported 2 stretch sessions into" in result.stdout


@pytest.mark.parametrize("args", [["history"], ["history", "--json"], ["report"], ["shoes-check", "--list"]])
def test_readers_never_show_a_traceback_for_damaged_records(damaged: None, args: list[str]) -> None:
    result = runner.invoke(app, args)
    assert result.exit_code in (0, 1), result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
