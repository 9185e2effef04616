"""One way to hand a command its inputs: the run's context and one request of its options."""

import importlib
import inspect
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated

import typer
from typer.testing import CliRunner

from footback.cli.app import COMMANDS, app
from footback.cli.context import AppContext
from footback.cli.wiring import request_type, with_request

# A command takes its context and one request; a few options may still be typer parameters.
MAX_PARAMETERS = 6


@dataclass(frozen=True)
class Greeting:
    name: Annotated[str, typer.Argument(help="Who.")]
    loud: Annotated[bool, typer.Option("--loud", help="Shout.")] = False
    times: Annotated[int, typer.Option("--times", help="How often.")] = 1


seen: list[tuple[AppContext, Greeting]] = []


def greet(app: AppContext, request: Greeting) -> None:
    seen.append((app, request))


def test_a_command_taking_a_request_gets_its_fields_as_options(tmp_path: Path) -> None:
    small = typer.Typer()
    small.command("greet")(with_request(greet))
    small.command("other")(lambda: None)
    context = AppContext(tmp_path, tmp_path / "config.toml")
    result = CliRunner().invoke(small, ["greet", "Ann", "--loud", "--times", "3"], obj=context)
    assert result.exit_code == 0, result.output
    assert seen[-1] == (context, Greeting("Ann", loud=True, times=3))
    shown = CliRunner().invoke(small, ["greet", "--help"]).output
    assert "--loud" in shown and "--times" in shown and "How often." in shown


def test_a_command_taking_typer_parameters_is_passed_on_as_it_is() -> None:
    def plain(ctx: typer.Context, *, loud: bool = False) -> None:
        """Not a request."""

    assert request_type(plain) is None
    assert with_request(plain) is plain


def test_no_command_takes_more_than_six_parameters_besides_its_context() -> None:
    counts = {}
    for entry in COMMANDS.values():
        command = getattr(importlib.import_module(f"footback.cli.commands.{entry.module}"), entry.function)
        params = [p for p in inspect.signature(command).parameters if p not in ("ctx", "app", "request")]
        counts[entry.function] = len(params)
    assert {name: n for name, n in counts.items() if n > MAX_PARAMETERS} == {}


def test_the_interactive_flows_take_a_context_and_one_request() -> None:
    registered = {info.name: info.callback for info in app.registered_commands}
    for name in ("assess", "shoes-check", "stretch", "checkin", "plan"):
        command = registered[name].command  # type: ignore[union-attr]
        assert request_type(command.__wrapped__) is not None, name
