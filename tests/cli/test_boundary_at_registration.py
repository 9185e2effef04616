"""The error boundary is applied once, where commands are registered, to every command."""

from __future__ import annotations

import inspect
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from footback.cli.app import COMMANDS, app, build_app
from footback.cli.boundary import Bounded
from footback.cli.context import AppContext
from footback.core.errors import BadInputError


def test_every_registered_command_runs_inside_the_boundary() -> None:
    registered = {info.name: info.callback for info in app.registered_commands}
    assert set(registered) == set(COMMANDS)
    assert [name for name, callback in registered.items() if not isinstance(callback, Bounded)] == []


def test_a_command_built_alone_runs_inside_the_boundary_too() -> None:
    [info] = build_app("due").registered_commands
    assert isinstance(info.callback, Bounded)


def test_typer_reads_the_command_own_signature_through_the_boundary() -> None:
    for info in app.registered_commands:
        assert isinstance(info.callback, Bounded)
        assert inspect.signature(info.callback) == inspect.signature(info.callback.command)
        assert info.callback.__name__ == info.callback.command.__name__


def _refuses(ctx: typer.Context, *, count: int = 1) -> None:
    raise BadInputError(f"count {count} is not allowed")


def _interrupted() -> None:
    raise KeyboardInterrupt


@pytest.mark.parametrize(
    ("command", "args", "code", "said"),
    [
        (_refuses, ["--count", "3"], 2, "footback: error: count 3 is not allowed\n"),
        (_interrupted, [], 130, "\nfootback: interrupted\n"),
    ],
)
def test_a_bounded_command_turns_errors_into_one_line_and_an_exit_code(
    tmp_path: Path, command: object, args: list[str], code: int, said: str
) -> None:
    small = typer.Typer()
    small.command("it")(Bounded(command))  # type: ignore[arg-type]
    small.command("other")(lambda: None)
    result = CliRunner().invoke(small, ["it", *args])
    assert result.exit_code == code
    assert result.stderr == said
    assert "Traceback" not in result.output


def test_without_the_boundary_the_error_would_escape() -> None:
    # The test above proves something: the same command, unbounded, does not exit with 2.
    small = typer.Typer()
    small.command("it")(_refuses)
    small.command("other")(lambda: None)
    result = CliRunner().invoke(small, ["it"], obj=AppContext(Path("."), Path(".")))
    assert isinstance(result.exception, BadInputError)
