"""Every command that stores something says where; with --json, stdout stays pure JSON."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from footback.cli.app import app
from footback.core.paths import DB_NAME
from tests.support.cli_matrix import Seeded, seed
from tests.support.context import context_for
from tests.support.runner import CliRunner

runner = CliRunner()


@pytest.fixture
def seeded(tmp_path: Path, home: Path) -> Seeded:
    return seed(tmp_path, home)


def invoke(*args: str) -> tuple[str, str]:
    env = {"COLUMNS": "200"}
    result = runner.invoke(app, list(args), env=env, obj=context_for(env))
    assert result.exit_code == 0, result.output
    return result.stdout, result.stderr


@pytest.mark.parametrize(
    "args",
    [
        ["assess", "--answers", "{answers}"],
        ["shoes-check", "--answers", "{shoes}", "--name", "trail"],
        ["shoes-check", "--name", "trail runners", "--add-distance", "5km"],
    ],
    ids=["assess", "shoes-check", "add-distance"],
)
def test_saving_says_where_and_json_keeps_stdout_pure(seeded: Seeded, home: Path, args: list[str]) -> None:
    filled = [a.format(answers=seeded.answers, shoes=seeded.shoes) for a in args]
    where = f"Saved to {home / DB_NAME}"
    out, err = invoke(*filled)
    # --add-distance prints one line; where it saved goes to stderr.
    assert where in (err if "--add-distance" in filled else out)
    out, err = invoke(*filled, "--json")
    json.loads(out)  # nothing else on stdout
    assert where in err


@pytest.mark.parametrize("command", ["assess", "shoes-check"])
def test_no_save_says_nothing_was_saved(seeded: Seeded, command: str) -> None:
    answers = seeded.answers if command == "assess" else seeded.shoes
    out, _ = invoke(command, "--answers", str(answers), "--no-save")
    assert "Not saved (--no-save)." in out and "Saved to" not in out
    out, err = invoke(command, "--answers", str(answers), "--no-save", "--json")
    json.loads(out)
    assert "Not saved (--no-save)." in err


def test_plan_says_where_the_plan_is(seeded: Seeded, home: Path) -> None:
    out, _ = invoke("plan")
    assert f"Saved to {home / 'plan.toml'}." in out
    out, err = invoke("plan", "--json")
    assert json.loads(out)["saved_to"] == str(home / "plan.toml")
    assert f"Saved to {home / 'plan.toml'}." in err


def test_stretch_says_where_the_session_went(seeded: Seeded, home: Path) -> None:
    out, _ = invoke("stretch", "--routine", "morning", "--speed", "100")
    assert "Saved to your history." in out
    assert out.splitlines()[-1] == f"Data file: {home / DB_NAME}"


def test_history_shows_the_data_file(seeded: Seeded, home: Path) -> None:
    out, _ = invoke("history")
    assert f"Data file: {home / DB_NAME}" in out
    out, _ = invoke("history", "--json")
    assert json.loads(out)["data_file"] == str(home / DB_NAME)


def test_export_report_import_and_forget_say_where(seeded: Seeded, home: Path, tmp_path: Path) -> None:
    backup = tmp_path / "backup.json"
    out, err = invoke("export", "--output", str(backup))
    assert out == "" and f"to {backup}" in err
    report = tmp_path / "report.html"
    out, err = invoke("report", "--format", "html", "--output", str(report))
    assert out == "" and f"Report written to {report}" in err
    out, _ = invoke("forget", "--yes")
    assert out.startswith("Deleted 3 assessments, 6 stretch sessions, 2 shoe pairs, 2 shoe checks")
    assert f"from {home} ({DB_NAME}" in out
    out, _ = invoke("import", str(backup))
    assert f"into {home / DB_NAME}." in out
