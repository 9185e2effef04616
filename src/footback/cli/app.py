"""The typer app: parses options and hands over to the command modules.

Kept light on purpose: `footback --help` must not pay for rich live screens, sqlite or
content loading. Each command module imports what it needs inside its function.
"""

from __future__ import annotations

import importlib
import os
import sys
from typing import Annotated, Any

import typer
import typer.core

from footback import __version__
from footback.cli.boundary import OneLineErrors
from footback.cli.context import AppContext


def _flag_type_hidden() -> None:
    """Help lists flags bare (`--no-save`), not `--no-save <bool>`: typer shows a type for every
    option, and for an on/off flag that type is noise."""
    option = typer.core.TyperOption
    shown = option.display_type_rich

    def display_type_rich(self: typer.core.TyperOption, ctx: Any) -> str | None:
        return None if self.is_flag else shown(self, ctx)

    option.display_type_rich = display_type_rich  # type: ignore[method-assign]


_flag_type_hidden()

HELP = (
    "A private terminal companion for people whose foot problems may feed their back pain. "
    "A self-care helper, not a diagnosis. Everything stays in one local folder."
)
# name: (module in footback.cli.commands, function, epilog). Listed in the order --help shows them.
COMMANDS: dict[str, tuple[str, str, str]] = {
    "assess": ("assess", "assess", "Example: footback assess --answers my-answers.toml --json --no-save"),
    "shoes-check": (
        "shoes",
        "shoes_check",
        "Example: footback shoes-check --name trail, then later: --name trail --add-distance 12km",
    ),
    "stretch": ("stretch", "stretch", "Example: footback stretch --routine feet --lead-in 5 --quiet"),
    "checkin": ("checkin", "checkin", "Example: footback checkin --foot 3 --back 5 --note 'long walk'"),
    "config": ("config", "config", "Example: footback config --json"),
    "history": ("history", "history", "Example: footback history --since 2025-01-01"),
    "plan": ("plan", "plan", "Example: footback plan, then: footback stretch --routine plan"),
    "progress": ("progress", "progress", "Example: footback progress --json"),
    "remind": ("remind", "remind", "Example: footback remind --ics footback.ics --at 07:00 --at 18:30"),
    "due": ("remind", "due", "Example: footback due"),
    "report": ("report", "report", "Example: footback report --format html --output summary.html"),
    "export": ("data", "export", "Example: footback export --format json --output backup.json"),
    "import": ("data", "import_", "Example: footback import backup.json"),
    "forget": ("forget", "forget", "Example: footback export --output backup.json && footback forget"),
}


def _version(value: bool) -> None:
    if value:
        typer.echo(f"footback {__version__}")
        raise typer.Exit()


def _root(
    ctx: typer.Context,
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit."),
    ] = False,
) -> None:
    """footback: foot-driven back pain, looked after in the terminal."""
    # The one place the outside world is read; a test hands in its own with `invoke(obj=...)`.
    if ctx.obj is None:
        ctx.obj = AppContext.from_environ(os.environ)


def build_app(only: str | None = None) -> typer.Typer:
    """The typer app with every command, or with only `only` (start-up: typer builds the options
    of every registered command on each run, so a run registers just the one it invokes)."""
    built = typer.Typer(
        name="footback",
        cls=OneLineErrors,
        help=HELP,
        no_args_is_help=True,
        add_completion=True,
        context_settings={"help_option_names": ["-h", "--help"]},
    )
    built.callback()(_root)
    for name, (module, function, epilog) in COMMANDS.items():
        if only is None or name == only:
            command = getattr(importlib.import_module(f"footback.cli.commands.{module}"), function)
            built.command(name, epilog=epilog)(command)
    return built


def __getattr__(name: str) -> typer.Typer:
    """`footback.cli.app.app`, the whole tree (tests, docs), built on first use only."""
    if name != "app":
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    built = build_app()
    globals()["app"] = built
    return built


def main() -> None:
    """Console-script entry point: only the invoked command is built (all of them for --help,
    a mistyped name or shell completion)."""
    # footback uses no pydantic plugins; skipping their entry-point scan saves a few ms a run.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    first = sys.argv[1] if len(sys.argv) > 1 else None
    build_app(first if first in COMMANDS else None)()
