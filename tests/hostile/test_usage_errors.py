"""Usage errors are one line like every other error: what, the nearest valid choice, where help is."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from footback.cli.app import app
from tests.support.history_seed import seed_full
from tests.support.runner import CliRunner

runner = CliRunner()

CASES = [
    (["histroy"], "No such command 'histroy'. Did you mean 'history'?", "footback --help"),
    (["report", "--format", "pdf"], "'pdf' is not one of 'md', 'html'", "footback report --help"),
    (["report", "--format", "htm"], "did you mean html?", "footback report --help"),
    (
        ["report", "--fromat", "md"],
        "No such option: --fromat; did you mean --format?",
        "footback report --help",
    ),
    (["stretch", "--speed", "1000"], "1000 is outside 0.1 to 100", "footback stretch --help"),
    (["stretch", "--speed", "nan"], "nan is not a number", "footback stretch --help"),
    (["stretch", "--lead-in", "inf"], "inf is not a number", "footback stretch --help"),
    (["stretch", "--speed", "fast"], "'--speed': not a number; Run time X", "footback stretch --help"),
    (["import"], "Missing argument", "footback import --help"),
    (["export", "--format"], "requires an argument", "footback export --help"),
]


@pytest.mark.parametrize(("args", "words", "pointer"), CASES, ids=[" ".join(c[0]) for c in CASES])
def test_a_usage_error_is_one_line_and_exit_2(args: list[str], words: str, pointer: str) -> None:
    result = runner.invoke(app, args)
    assert result.exit_code == 2, result.output
    assert result.stdout == ""
    assert result.stderr.startswith("footback: error: ") and result.stderr.count("\n") == 1, result.stderr
    assert words in result.stderr and f"(see: {pointer})" in result.stderr, result.stderr
    assert "╭" not in result.stderr and "Usage:" not in result.stderr


@pytest.mark.slow  # a child process
def test_a_real_process_prints_one_line_too() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "footback", "report", "--format", "pdf"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 2 and done.stderr.count("\n") == 1 and done.stdout == ""


def test_help_and_version_still_exit_0() -> None:
    assert runner.invoke(app, ["--help"]).exit_code == 0
    assert runner.invoke(app, ["--version"]).stdout.startswith("footback ")


def test_a_distance_too_small_to_keep_is_explained(home: Path) -> None:
    seed_full(home)
    result = runner.invoke(app, ["shoes-check", "--name", "trail runners", "--add-distance", "0.0000001"])
    assert result.exit_code == 2
    assert "less than a metre" in result.stderr
