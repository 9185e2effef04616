"""`footback stretch --preview` without --routine says it is previewing, not playing."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from footback.cli.app import app
from footback.records.db import open_store
from tests.support.history_seed import add_assessment, at, heel_and_back_answers

runner = CliRunner()


def test_preview_without_a_routine_says_previewing(home: Path) -> None:
    with open_store(home) as store:
        add_assessment(store, heel_and_back_answers(), at(1))
    result = runner.invoke(app, ["stretch", "--preview"])
    assert result.exit_code == 0, result.output
    assert "recommended by your latest assessment." in result.output
    assert "Previewing '" in result.output and "Playing '" not in result.output


def test_preview_of_the_configured_default_says_previewing(home: Path, tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    config.write_text('default_routine = "back"\n', encoding="utf-8")
    result = runner.invoke(app, ["stretch", "--preview"], env={"FOOTBACK_CONFIG": str(config)})
    assert result.exit_code == 0, result.output
    assert "Previewing 'back', the default_routine in" in " ".join(result.output.split())
