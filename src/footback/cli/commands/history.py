"""`footback history`: everything saved, with trends, the streak and this week's minutes."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Annotated

import typer

from footback.cli.boundary import command_boundary
from footback.cli.commands.options import NoColorOption


def history(
    *,
    since: Annotated[
        str | None,
        typer.Option("--since", metavar="DATE", help="Only records from this date on (YYYY-MM-DD)."),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print everything as JSON.")] = False,
    no_color: NoColorOption = False,
) -> None:
    """Show saved assessments, stretch sessions and shoe checks, with score trends and your streak."""
    with command_boundary():
        from footback.cli.config import load_settings

        no_color = load_settings().colour_off(no_color)
        run_history(since=since, as_json=as_json, no_color=no_color)


def run_history(*, since: str | None, as_json: bool, no_color: bool, now: datetime | None = None) -> None:
    """The command body; `now` defaults to the local clock (days and weeks are local)."""
    from footback.cli.console import make_console
    from footback.core.paths import db_path
    from footback.history.render import ROWS_READ, render_history
    from footback.records.db import open_existing_store
    from footback.records.history import as_json as to_json
    from footback.records.history import empty_history, load_history, parse_since

    start = parse_since(since) if since is not None else None
    clock = now or datetime.now().astimezone()
    store = open_existing_store()
    if store is None:
        result = empty_history(str(db_path()), start)
    else:
        with store:
            # The screen shows the newest rows; --json shows every record.
            result = load_history(store, now=clock, since=start, limit=None if as_json else ROWS_READ)
    if as_json:
        typer.echo(json.dumps(to_json(result), indent=2))
        return
    render_history(make_console(no_color=no_color), result, clock.tzinfo)
