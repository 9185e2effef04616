"""`--output` follows the file name (report .html/.md, export .json/.csv); a contradicting
`--format` is a usage error; help lists flags without a `<bool>` type."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from footback.cli.app import app
from tests.support.history_seed import seed_full
from tests.support.runner import CliRunner

runner = CliRunner()


@pytest.mark.parametrize(
    ("args", "name", "starts"),
    [
        (["report"], "summary.html", "<!DOCTYPE html>"),
        (["report"], "summary.HTM", "<!DOCTYPE html>"),
        (["report"], "summary.md", "# "),
        (["report"], "summary.txt", "# "),  # an unknown extension keeps the default
        (["report", "--format", "html"], "summary.txt", "<!DOCTYPE html>"),
        (["report", "--format", "html"], "summary.html", "<!DOCTYPE html>"),
        (["export"], "data.json", "{"),
        (["export", "--format", "csv"], "data.txt", "table,"),
    ],
)
def test_the_file_name_picks_the_format(
    home: Path, tmp_path: Path, args: list[str], name: str, starts: str
) -> None:
    seed_full(home)
    target = tmp_path / name
    result = runner.invoke(app, [*args, "--output", str(target)])
    assert result.exit_code == 0, result.output
    assert target.read_text(encoding="utf-8").lstrip().upper().startswith(starts.upper())


def test_export_to_a_csv_name_writes_csv(home: Path, tmp_path: Path) -> None:
    seed_full(home)
    target = tmp_path / "data.csv"
    result = runner.invoke(app, ["export", "--output", str(target)])
    assert result.exit_code == 0, result.output
    rows = list(csv.reader(io.StringIO(target.read_text(encoding="utf-8"))))
    assert len(rows) > 2
    with pytest.raises(json.JSONDecodeError):
        json.loads(target.read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    ("args", "name", "message"),
    [
        (["report", "--format", "md"], "summary.html", "--format md contradicts --output"),
        (["export", "--format", "json"], "data.csv", "--format json contradicts --output"),
        (["export", "-f", "csv"], "data.json", "(a json file name); drop --format, or name it data.csv"),
    ],
)
def test_a_format_that_contradicts_the_name_is_an_error(
    home: Path, tmp_path: Path, args: list[str], name: str, message: str
) -> None:
    seed_full(home)
    target = tmp_path / name
    result = runner.invoke(app, [*args, "--output", str(target)])
    assert result.exit_code == 2
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("footback: error: ") and message in lines[0]
    assert not target.exists()


@pytest.mark.parametrize(
    "command", ["assess", "shoes-check", "stretch", "history", "report", "export", "plan", "config"]
)
def test_help_lists_flags_without_a_bool_type(command: str) -> None:
    result = runner.invoke(app, [command, "--help"], env={"COLUMNS": "120"})
    assert result.exit_code == 0
    assert "<bool>" not in result.stdout
    assert "--help" in result.stdout


def test_one_record_is_counted_in_the_singular(home: Path, tmp_path: Path) -> None:
    from footback.records.db import open_store
    from tests.support.helpers import no_problem_answers
    from tests.support.history_seed import add_assessment, at

    with open_store(home) as store:
        add_assessment(store, no_problem_answers(), at(1))
    result = runner.invoke(app, ["export", "--output", str(tmp_path / "one.json")])
    assert result.exit_code == 0, result.output
    said = " ".join(result.stderr.split())  # wrapped at words (tests/cli/test_message_lines.py)
    assert "Exported 1 assessment, 0 stretch sessions, 0 shoe checks to " in said
