"""`footback history`: everything saved, with trends, the streak and this week's minutes."""

from __future__ import annotations

import json
from typing import Annotated

import typer

from footback.cli.boundary import command_boundary
from footback.cli.commands.options import NoColorOption
from footback.cli.context import AppContext, app_context


def history(
    ctx: typer.Context,
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
        app = app_context(ctx)
        run_history(app, since=since, as_json=as_json, no_color=app.colour_off(no_color))


def run_history(app: AppContext, *, since: str | None, as_json: bool, no_color: bool) -> None:
    """The command body; days and weeks are counted on the local clock."""
    from footback.history.render import ROWS_READ, render_history
    from footback.records.db import open_existing_store
    from footback.records.history import as_json as to_json
    from footback.records.history import empty_history, load_history, parse_since

    start = parse_since(since) if since is not None else None
    clock = app.clock.now()
    store = open_existing_store(app.data_dir)
    if store is None:
        result = empty_history(str(app.db_path), start)
    else:
        with store:
            # The screen shows the newest rows; --json shows every record.
            result = load_history(store, now=clock, since=start, limit=None if as_json else ROWS_READ)
    if as_json:
        typer.echo(json.dumps(to_json(result), indent=2))
        return
    render_history(app.console(no_color=no_color), result, clock.tzinfo)
