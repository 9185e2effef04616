"""Colour, NO_COLOR, a 40-column terminal, pipes and shell completion, for every command."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import typer
from rich.cells import cell_len

from footback.cli.app import app
from tests.support.cli_matrix import (
    ANY_ESCAPE,
    COLOUR_ALLOWED,
    COMMANDS,
    IDS,
    RICH,
    Command,
    Seeded,
    colour_codes,
    seed,
)
from tests.support.context import context_for
from tests.support.runner import CliRunner

runner = CliRunner()


@pytest.fixture
def seeded(tmp_path: Path, home: Path) -> Seeded:
    return seed(tmp_path, home)


def invoke(seeded: Seeded, command: Command, *extra: str, env: dict[str, str | None]) -> tuple[str, str]:
    result = runner.invoke(app, [*seeded.args(command), *extra], env=env, obj=context_for(env))
    assert result.exit_code == 0, (command.name, result.output)
    assert result.exception is None or isinstance(result.exception, SystemExit)
    return result.stdout, result.stderr


def test_colour_codes_are_recognised() -> None:
    assert colour_codes("\x1b[1;31mred\x1b[0m \x1b[38;5;2mx\x1b[0m") == ["\x1b[1;31m", "\x1b[38;5;2m"]
    assert colour_codes("\x1b[1m\x1b[2m\x1b[4mbold dim underline\x1b[0m") == []


@pytest.mark.parametrize("command", [c for c in COMMANDS if c.colours], ids=lambda c: c.name)
def test_control_colour_shows_when_allowed(seeded: Seeded, command: Command) -> None:
    # Without this, the tests below could pass because colour never reaches the output at all.
    out, _ = invoke(seeded, command, env=COLOUR_ALLOWED)
    assert colour_codes(out), command.name


@pytest.mark.parametrize("command", RICH, ids=lambda c: c.name)
def test_no_color_option_removes_colour(seeded: Seeded, command: Command) -> None:
    out, err = invoke(seeded, command, "--no-color", env=COLOUR_ALLOWED)
    assert colour_codes(out + err) == []


@pytest.mark.parametrize("command", COMMANDS, ids=IDS)
def test_no_color_environment_removes_colour(seeded: Seeded, command: Command) -> None:
    out, err = invoke(seeded, command, env=COLOUR_ALLOWED | {"NO_COLOR": "1"})
    assert colour_codes(out + err) == []


@pytest.mark.parametrize("command", COMMANDS, ids=IDS)
def test_color_false_in_the_config_removes_colour(
    seeded: Seeded, command: Command, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "config.toml").write_text("color = false\n", encoding="utf-8")
    out, err = invoke(seeded, command, env=COLOUR_ALLOWED)
    assert colour_codes(out + err) == []


@pytest.mark.parametrize("command", COMMANDS, ids=IDS)
def test_forty_columns(seeded: Seeded, command: Command, home: Path, tmp_path: Path) -> None:
    """Rich screens fit 40 columns; a file path is never broken (so it can be copied), and
    plain data (Markdown report, JSON, CSV) and plain play lines are left for the terminal to wrap."""
    out, err = invoke(seeded, command, env={"COLUMNS": "40"})
    assert out.strip()
    if not command.rich or command.name == "stretch play":
        return
    paths = (str(home), str(tmp_path / "config.toml"))
    too_wide = [
        line for line in (out + err).splitlines() if cell_len(line) > 40 and not any(p in line for p in paths)
    ]
    assert too_wide == [], command.name


def test_forty_columns_really_narrows_the_screens(seeded: Seeded) -> None:
    wide, _ = invoke(seeded, COMMANDS[0], env={"COLUMNS": "100"})
    assert max(cell_len(line) for line in wide.splitlines()) > 40


PIPED = [
    ["assess", "--answers", "{answers}", "--no-save"],
    ["shoes-check", "--answers", "{shoes}", "--no-save"],
    ["shoes-check", "--list"],
    ["stretch", "--preview", "--routine", "feet"],
    ["stretch", "--list"],
    ["stretch", "--file", "{routine}", "--speed", "100", "--no-save"],
    ["history"],
    ["plan", "--no-save"],
    ["config"],
    ["report"],
    ["export"],
    ["export", "--output", "{backup}"],
    ["forget", "--yes"],
    ["import", "{backup}"],
]
TINY_ROUTINE = """
name = "tiny"
description = "One short step."

[[steps]]
name = "Toe lift"
seconds = 5
instructions = "Lift your toes."
"""


@pytest.mark.slow  # every command as a child process: the largest share of the fast loop
def test_a_real_pipe_gets_no_escape_sequences(seeded: Seeded, tmp_path: Path) -> None:
    routine = tmp_path / "tiny.toml"
    routine.write_text(TINY_ROUTINE, encoding="utf-8")
    backup = tmp_path / "backup.json"
    env = {k: v for k, v in os.environ.items() if k != "NO_COLOR"}
    env |= {"TERM": "xterm-256color", "COLORTERM": "truecolor", "COLUMNS": "60"}
    for args in PIPED:
        files = {"answers": seeded.answers, "shoes": seeded.shoes, "routine": routine, "backup": backup}
        filled = [a.format(**files) for a in args]
        done = subprocess.run(
            [sys.executable, "-m", "footback", *filled],
            capture_output=True,
            text=True,
            env=env,
            stdin=subprocess.DEVNULL,
            timeout=60,
            check=False,
        )
        assert done.returncode == 0, (args, done.stderr)
        assert (done.stdout + done.stderr).strip(), args
        assert not ANY_ESCAPE.search(done.stdout + done.stderr), args


# These write data or a line of text with typer.echo, never through rich, so have no colour to remove.
PLAIN_COMMANDS = {"export", "import", "forget", "report", "remind", "due", "log", "prompt"}


def test_every_command_that_draws_with_rich_has_no_color() -> None:
    commands = typer.main.get_command(app).commands  # type: ignore[attr-defined]
    assert set(commands) > PLAIN_COMMANDS
    for name, command in commands.items():
        has_option = any("--no-color" in param.opts for param in command.params)
        assert has_option is (name not in PLAIN_COMMANDS), name


def test_show_completion_prints_a_bash_script(monkeypatch: pytest.MonkeyPatch) -> None:
    # typer guesses the shell from the parent processes, so under `sh` (some CI runners) the
    # bare option says "Shell sh not supported"; typer's own switch makes the shell an argument.
    monkeypatch.setenv("_TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION", "1")
    result = runner.invoke(app, ["--show-completion", "bash"], prog_name="footback")
    assert result.exit_code == 0
    assert "_footback_completion" in result.stdout
    assert "complete -o default -F _footback_completion footback" in result.stdout


def test_install_completion_is_offered() -> None:
    result = runner.invoke(app, ["--help"], env={"COLUMNS": "120"})
    assert "--install-completion" in result.stdout and "--show-completion" in result.stdout


@pytest.mark.parametrize(
    ("words", "expected"),
    [("footback sh", ["shoes-check"]), ("footback stretch --routine f", ["feet", "full"])],
)
def test_completion_completes_commands_and_routine_names(words: str, expected: list[str]) -> None:
    env = {
        "_FOOTBACK_COMPLETE": "complete_bash",
        "COMP_WORDS": words,
        "COMP_CWORD": str(len(words.split()) - 1),
    }
    result = runner.invoke(app, [], prog_name="footback", env=env)
    assert result.stdout.split() == expected
