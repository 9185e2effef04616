"""Piped output has no trailing spaces on any line: rich pads tables and panels to the width,
and the console for a pipe or file drops that padding (issue 14 requirement 10)."""

from __future__ import annotations

from pathlib import Path

import pytest

from footback.cli.app import app
from tests.support.history_seed import seed_typical
from tests.support.runner import CliRunner


@pytest.mark.parametrize("columns", [40, 80, 120])
@pytest.mark.parametrize("command", [["history"], ["progress"], ["plan", "--no-save"], ["stretch", "--list"]])
def test_piped_screens_have_no_trailing_spaces(home: Path, command: list[str], columns: int) -> None:
    seed_typical(home)
    result = CliRunner().invoke(app, command, env={"COLUMNS": str(columns)})
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) > 3
    assert [line for line in lines if line != line.rstrip()] == []
