"""Export, import and forget: a round trip gives the same file, nothing is duplicated or half-done."""

from __future__ import annotations

import csv
import io
import json
import os
import sys
from pathlib import Path

import pexpect
import pytest

from footback.cli.app import app
from footback.core.paths import db_path, plan_path
from footback.models.psfs import PsfsRating
from footback.records.db import open_store
from footback.records.psfs import save_rating
from footback.records.transfer.layout import TABLES
from tests.support.context import WALL, Cli
from tests.support.history_seed import add_session, at, seed_full
from tests.support.runner import CliRunner

runner = CliRunner()


def export(tmp_path: Path, name: str) -> str:
    out = tmp_path / name
    result = runner.invoke(app, ["export", "--format", "json", "--output", str(out)])
    assert result.exit_code == 0, result.output
    return out.read_text()


def test_export_forget_import_export_is_identical(cli: Cli, home: Path, tmp_path: Path) -> None:
    seed_full(home)
    assert runner.invoke(app, ["plan"]).exit_code == 0
    for args in (["--date", "2025-01-05", "--note", "long walk"], ["--date", "2025-01-06"]):
        assert cli.invoke(["checkin", "--foot", "3", "--back", "4", *args]).exit_code == 0
    with open_store(home) as store:
        save_rating(store, PsfsRating(day=WALL.date(), activities=["Stairs"], ratings=[4], created_at=WALL))
    first = export(tmp_path, "first.json")
    doc = json.loads(first)
    assert [len(doc[t]) for t in TABLES] == [3, 6, 2, 2, 2, 1, 0, 1]
    assert doc["version"] == 4 and doc["checkins"][0]["warning_signs"] == []
    assert doc["plan"].startswith("# footback plan")

    forgot = runner.invoke(app, ["forget", "--yes"])
    assert forgot.exit_code == 0, forgot.output
    assert not home.exists()

    restored = runner.invoke(app, ["import", str(tmp_path / "first.json")])
    assert restored.exit_code == 0, restored.output
    assert "3 assessments" in restored.stdout and "plan was restored" in restored.stdout
    assert export(tmp_path, "second.json") == first


def test_importing_twice_adds_nothing_the_second_time(home: Path, tmp_path: Path) -> None:
    seed_full(home)
    first = export(tmp_path, "first.json")
    again = runner.invoke(app, ["import", str(tmp_path / "first.json")])
    assert again.exit_code == 0
    assert "nothing new" in again.stdout and "13 already stored" in again.stdout
    assert export(tmp_path, "second.json") == first


def test_import_merges_into_an_existing_store(home: Path, tmp_path: Path) -> None:
    seed_full(home)
    export(tmp_path, "backup.json")
    runner.invoke(app, ["forget", "--yes"])
    with open_store(home) as store:  # a new session recorded before the restore
        add_session(store, at(0, hour=21), "back", 120)
    result = runner.invoke(app, ["import", str(tmp_path / "backup.json")])
    assert result.exit_code == 0
    doc = json.loads(export(tmp_path, "after.json"))
    assert len(doc["stretch_sessions"]) == 7
    assert len(doc["assessments"]) == 3


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("not json at all", "not valid JSON"),
        ('{"format": "something-else"}', "not a footback export"),
        ('{"format": "footback-export", "version": 1, "schema": 999}', "newer footback"),
        (
            '{"format": "footback-export", "version": 1, "schema": 3, "assessments": [{"created_at": 5}]}',
            "assessments[0]",
        ),
        ('{"format": "footback-export", "version": 1, "schema": 3, "extra": []}', "unknown field"),
        ('{"format": "footback-export", "version": 1, "schema": 3, "plan": "name = 3"}', "plan"),
    ],
)
def test_a_bad_file_is_exit_2_one_line_and_changes_nothing(
    home: Path, tmp_path: Path, content: str, message: str
) -> None:
    seed_full(home)
    before = export(tmp_path, "before.json")
    bad = tmp_path / "bad.json"
    bad.write_text(content)
    result = runner.invoke(app, ["import", str(bad)])
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and message in result.stderr, result.stderr
    assert export(tmp_path, "after.json") == before


def test_a_bad_row_late_in_the_file_adds_nothing(home: Path, tmp_path: Path) -> None:
    seed_full(home)
    doc = json.loads(export(tmp_path, "backup.json"))
    runner.invoke(app, ["forget", "--yes"])
    doc["shoe_checks"][-1]["result"]["verdict"] = "splendid"
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(doc))
    result = runner.invoke(app, ["import", str(bad)])
    assert result.exit_code == 2
    assert "shoe_checks[1]: result.verdict" in result.stderr
    assert not db_path(home).exists()


def test_a_missing_file_is_exit_2(home: Path, tmp_path: Path) -> None:
    result = runner.invoke(app, ["import", str(tmp_path / "nope.json")])
    assert result.exit_code == 2
    assert "no such file" in result.stderr


def test_csv_has_every_record_with_a_table_column(home: Path) -> None:
    seed_full(home)
    result = runner.invoke(app, ["export", "--format", "csv"])
    assert result.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    counts = {t: sum(1 for r in rows if r["table"] == t) for t in TABLES}
    assert counts == {
        "assessments": 3,
        "stretch_sessions": 6,
        "shoe_pairs": 2,
        "shoe_checks": 2,
        "checkins": 0,
        "plan_changes": 0,
        "clinician_seen": 0,
        "psfs_ratings": 0,
    }
    assessment = next(r for r in rows if r["table"] == "assessments")
    assert json.loads(assessment["result"])["scores"]["foot"]["score"] == int(assessment["foot_score"])


def test_export_with_nothing_stored_is_empty_and_creates_nothing(home: Path) -> None:
    result = runner.invoke(app, ["export"])
    assert result.exit_code == 0
    doc = json.loads(result.stdout)
    assert all(doc[t] == [] for t in TABLES) and doc["plan"] is None
    assert not home.exists()


def test_forget_without_a_terminal_or_yes_refuses(home: Path) -> None:
    seed_full(home)
    result = runner.invoke(app, ["forget"])
    assert result.exit_code == 2
    assert "--yes" in result.stderr and result.stderr.count("\n") == 1
    assert db_path(home).exists()


def test_forget_deletes_store_journals_and_plan_but_not_other_files(home: Path) -> None:
    seed_full(home)
    runner.invoke(app, ["plan"])
    mine = home / "notes.txt"
    mine.write_text("keep me")
    result = runner.invoke(app, ["forget", "--yes"])
    assert result.exit_code == 0
    assert "3 assessments" in result.stdout
    assert sorted(p.name for p in home.iterdir()) == ["notes.txt"]
    assert not plan_path(home).exists()


def test_forget_names_only_the_kinds_of_record_stored(home: Path) -> None:
    # One session and nothing else: "0 shoe pairs, 0 shoe checks, ..." would only be noise.
    with open_store(home) as store:
        add_session(store, at(1))
    result = runner.invoke(app, ["forget", "--yes"])
    assert result.exit_code == 0, result.output
    said = " ".join(result.stdout.split())  # wrapped at words (tests/cli/test_message_lines.py)
    assert said.startswith(f"Deleted 1 stretch session from {home} (")
    assert " 0 " not in result.stdout


def test_forget_with_nothing_stored(home: Path) -> None:
    result = runner.invoke(app, ["forget"])
    assert result.exit_code == 0
    assert "Nothing is stored" in result.stdout


@pytest.mark.slow
@pytest.mark.parametrize(("answer", "deleted"), [("y", True), ("n", False)])
def test_forget_asks_in_a_real_terminal(home: Path, answer: str, deleted: bool) -> None:
    seed_full(home)
    env = dict(os.environ, TERM="dumb")
    child = pexpect.spawn(sys.executable, ["-m", "footback", "forget"], env=env, encoding="utf-8", timeout=30)
    child.expect(r"Delete it all\? \[y/N\]")
    child.sendline(answer)
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    assert db_path(home).exists() is not deleted
