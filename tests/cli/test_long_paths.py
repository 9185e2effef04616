"""A line that names a file keeps the path whole, however long, so it can be copied."""

from __future__ import annotations

from pathlib import Path

import pytest

from footback.cli.app import app
from tests.support.runner import CliRunner


def test_the_default_routine_line_keeps_a_long_config_path_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / ("a-folder-with-a-long-name-" * 4)
    folder.mkdir()
    config = folder / "config.toml"
    config.write_text('default_routine = "back"\n', encoding="utf-8")
    monkeypatch.setenv("FOOTBACK_CONFIG", str(config))
    assert len(str(config)) > 100  # longer than the 80-column terminal

    result = CliRunner().invoke(app, ["stretch", "--preview"])

    assert result.exit_code == 0, result.output
    assert f"Previewing 'back', the default_routine in {config}." in result.output.splitlines()
