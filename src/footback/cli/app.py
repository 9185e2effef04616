"""The typer app: parses options and hands over to the command modules.

Kept light on purpose: `footback --help` must not pay for rich live screens, sqlite or
content loading. Each command module imports what it needs inside its function.
"""

from __future__ import annotations

from typing import Annotated

import typer

from footback import __version__
from footback.cli.boundary import OneLineErrors
from footback.cli.commands.assess import assess
from footback.cli.commands.checkin import checkin
from footback.cli.commands.config import config
from footback.cli.commands.data import export, forget, import_
from footback.cli.commands.history import history
from footback.cli.commands.plan import plan
from footback.cli.commands.progress import progress
from footback.cli.commands.report import report
from footback.cli.commands.shoes import shoes_check
from footback.cli.commands.stretch import stretch

app = typer.Typer(
    name="footback",
    cls=OneLineErrors,
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
app.command(
    "shoes-check",
    epilog="Example: footback shoes-check --name trail, then later: --name trail --add-distance 12km",
)(shoes_check)
app.command(
    "stretch",
    epilog="Example: footback stretch --routine feet --lead-in 5 --quiet",
)(stretch)

app.command("checkin", epilog="Example: footback checkin --foot 3 --back 5 --note 'long walk'")(checkin)
app.command("config", epilog="Example: footback config --json")(config)
app.command("history", epilog="Example: footback history --since 2025-01-01")(history)
app.command("plan", epilog="Example: footback plan, then: footback stretch --routine plan")(plan)
app.command("progress", epilog="Example: footback progress --json")(progress)
app.command("report", epilog="Example: footback report --format html --output summary.html")(report)
app.command("export", epilog="Example: footback export --format json --output backup.json")(export)
app.command("import", epilog="Example: footback import backup.json")(import_)
app.command("forget", epilog="Example: footback export --output backup.json && footback forget")(forget)


def main() -> None:
    """Console-script entry point."""
    app()
