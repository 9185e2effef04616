"""`footback history`: everything saved, with trends, the streak and this week's minutes."""

import json
from typing import Annotated

import typer

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
    app = app_context(ctx)
    run_history(app, since=since, as_json=as_json, no_color=app.colour_off(no_color))


def run_history(app: AppContext, *, since: str | None, as_json: bool, no_color: bool) -> None:
    """The command body; days and weeks are counted on the local clock."""
    from footback.core.dates import parse_since
    from footback.history.render import ROWS_READ, render_shown
    from footback.history.service import history_json, read_history

    start = parse_since(since) if since is not None else None
    clock = app.clock.now()
    # The screen shows the newest rows; --json shows every record.
    shown = read_history(
        app.data_dir, app.db_path, now=clock, since=start, limit=None if as_json else ROWS_READ
    )
    if as_json:
        typer.echo(json.dumps(history_json(shown), indent=2))
    elif not shown.stored:
        from footback.history.render import nothing_stored_text

        typer.echo(nothing_stored_text(shown.history, app.columns()))
    else:
        render_shown(app.console(no_color=no_color), shown, clock.tzinfo)
