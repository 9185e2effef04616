"""What people expect of any CLI: --version, -m, help with examples, a light start-up."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
import typer

from footback import __version__
from footback.cli.app import app
from tests.support.runner import CliRunner

runner = CliRunner()


def test_version_flag() -> None:
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0
    assert result.stdout.strip() == f"footback {__version__}"


@pytest.mark.slow  # a child process
def test_python_dash_m_runs_the_cli() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "footback", "--version"], capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == f"footback {__version__}"


def test_every_command_has_help_text_and_an_example() -> None:
    commands = typer.main.get_command(app).commands  # type: ignore[attr-defined]
    assert {"assess", "config"} <= set(commands)
    for name in commands:
        result = runner.invoke(app, [name, "--help"], env={"COLUMNS": "100"})
        assert result.exit_code == 0, name
        assert "Example:" in result.stdout, name
        assert commands[name].help, name


def test_no_arguments_is_todays_screen_and_help_stays_the_help() -> None:
    # `footback` alone used to print the whole help squeezed into one error line, exit 2.
    result = runner.invoke(app, [])
    assert result.exit_code == 0 and "Usage:" not in result.output
    assert result.stdout.splitlines()[-1] == "Next: footback assess  (the first step)"
    helped = runner.invoke(app, ["--help"])
    assert helped.exit_code == 0 and helped.stdout.startswith("Usage: ") and "today" in helped.stdout


@pytest.mark.slow  # a child process
def test_importing_the_cli_stays_light() -> None:
    code = (
        "import sys, json, footback.cli.app; "
        "print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] in "
        "('rich', 'sqlite3', '_sqlite3', 'pydantic', 'footback', 'tomllib'))))"
    )
    # Without coverage's subprocess hook, which itself loads sqlite3 for its data file.
    env = {k: v for k, v in os.environ.items() if not k.startswith("COVERAGE_")}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env)
    loaded = set(json.loads(out.stdout))
    heavy = {"rich.live", "rich.progress", "rich.prompt", "rich.table", "sqlite3", "footback.content.loader"}
    assert not heavy & loaded, heavy & loaded
    assert not any(m.startswith("pydantic") for m in loaded)
    assert not any(m.startswith("footback.") and m.endswith(("_content", "store")) for m in loaded)
