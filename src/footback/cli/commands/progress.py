"""`footback progress`: is this helping? Pain, practice and the two side by side."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

import typer

from footback.cli.boundary import command_boundary
from footback.cli.commands.options import NoColorOption


def progress(
    *,
    as_json: Annotated[bool, typer.Option("--json", help="Print the verdicts and series as JSON.")] = False,
    no_color: NoColorOption = False,
) -> None:
    """Pain at the start against the last 7 days, practice against the target, and both side by side."""
    with command_boundary():
        from footback.cli.config import load_settings
        from footback.cli.console import make_console
        from footback.daily.render import render_progress
        from footback.daily.service import load_progress

        no_color = load_settings().colour_off(no_color)
        result = load_progress(datetime.now().astimezone())
        if as_json:
            typer.echo(result.model_dump_json(indent=2))
            return
        render_progress(make_console(no_color=no_color), result)
