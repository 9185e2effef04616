"""The typer app: parses options and hands over to the command modules.

Kept light on purpose: `footback --help` must not pay for rich live screens, sqlite or
content loading. Each command module imports what it needs inside its function.
"""

from __future__ import annotations

from typing import Annotated

import typer

from footback import __version__
from footback.commands.assess import assess
from footback.commands.config import config

app = typer.Typer(
    name="footback",
    help=(
        "A private terminal companion for people whose foot problems may feed their back pain. "
        "A self-care helper, not a diagnosis. Everything stays in one local folder."
    ),
    no_args_is_help=True,
    add_completion=True,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"footback {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit."),
    ] = False,
) -> None:
    """footback: foot-driven back pain, looked after in the terminal."""


app.command(
    "assess",
    epilog="Example: footback assess --answers my-answers.toml --json --no-save",
)(assess)

app.command("config", epilog="Example: footback config --json")(config)


def main() -> None:
    """Console-script entry point."""
    app()
