"""`footback history`: everything saved, with trends, the streak and this week's minutes."""

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
    with command_boundary():
        app = app_context(ctx)
        run_history(app, since=since, as_json=as_json, no_color=app.colour_off(no_color))


def run_history(app: AppContext, *, since: str | None, as_json: bool, no_color: bool) -> None:
    """The command body; days and weeks are counted on the local clock."""
    from footback.history.render import MAX_ROWS, ROWS_READ, render_history
    from footback.records.db import open_existing_store
    from footback.records.history import as_json as to_json
    from footback.records.history import empty_history, load_history, parse_since

    start = parse_since(since) if since is not None else None
    clock = app.clock.now()
    store = open_existing_store(app.data_dir)
    daily = None
    if store is None:
        result = empty_history(str(app.db_path), start)
    else:
        from footback.daily.service import daily_for_history

        with store:
            # The screen shows the newest rows; --json shows every record.
            result = load_history(store, now=clock, since=start, limit=None if as_json else ROWS_READ)
            daily = daily_for_history(store, since=start, now=clock)
    checkins, verdicts = daily if daily is not None else ([], None)
    if as_json:
        doc = to_json(result)
        doc["checkins"] = [c.model_dump(mode="json") for c in checkins]
        doc["progress"] = (
            None if verdicts is None else verdicts.model_dump(mode="json", include={"foot_pain", "back_pain"})
        )
        typer.echo(json.dumps(doc, indent=2))
        return
    if store is None:
        from footback.history.render import nothing_stored_text

        typer.echo(nothing_stored_text(result, app.columns()))
        return
    console = app.console(no_color=no_color)
    render_history(console, result, clock.tzinfo)
    from footback.daily.render import render_checkins

    render_checkins(console, checkins, verdicts, MAX_ROWS)
