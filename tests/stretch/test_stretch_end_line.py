"""The end line of `footback stretch` counts steps with the project's plural rule: "0 of 1 step
done" for a one-step routine (walk item 7), "2 steps" otherwise."""

from __future__ import annotations

from pathlib import Path

from footback.cli.context import AppContext
from footback.stretch.player import Key
from tests.stretch.test_stretch_cli import fake_terminal
from tests.support.context import Cli

ONE_STEP = """
name = "one"
description = "One quick step."

[[steps]]
name = "Toe lift"
seconds = 4
instructions = "Lift your toes."
"""


def test_a_one_step_routine_stopped_says_0_of_1_step(cli: Cli, context: AppContext, tmp_path: Path) -> None:
    path = tmp_path / "one.toml"
    path.write_text(ONE_STEP, encoding="utf-8")
    fake_terminal(context, in_tty=True, presses=[(1, Key.STOP)])
    result = cli.invoke(["stretch", "-f", str(path), "--lead-in", "1"])
    assert result.exit_code == 0, result.output
    said = " ".join(result.output.split())  # wrapped at words
    assert "Stopped 'one' after 0:01: 0 of 1 step done. Saved to your history;" in said


def test_a_one_step_routine_played_through_says_1_of_1_step(
    cli: Cli, context: AppContext, tmp_path: Path
) -> None:
    path = tmp_path / "one.toml"
    path.write_text(ONE_STEP, encoding="utf-8")
    fake_terminal(context)
    result = cli.invoke(["stretch", "-f", str(path), "--lead-in", "0", "--no-save"])
    assert result.exit_code == 0, result.output
    assert "Finished 'one' in 0:04: 1 of 1 step done. Not saved (--no-save)." in result.output
