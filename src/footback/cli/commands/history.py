"""`footback history`: everything saved, with trends, the streak and this week's minutes."""

from typing import Annotated

import typer

from footback.cli.context import AppContext, app_context
from footback.cli.options import NoColorOption


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
    from footback.history.render import ROWS_READ, shown_page
    from footback.history.service import read_history

    start = parse_since(since) if since is not None else None
    clock = app.clock.now()
    if as_json:
        from footback.history.stream import write_history_json

        # Every record, written one at a time: memory does not grow with the store.
        write_history_json(app.data_dir, app.db_path, now=clock, since=start, out=app.out)
        return
    # The screen shows the newest rows.
    shown = read_history(app.data_dir, app.db_path, now=clock, since=start, limit=ROWS_READ)
    if not shown.stored:
        from footback.history.render import nothing_stored_text

        typer.echo(nothing_stored_text(shown.history, app.columns()))
    else:
        # Four lists and the trends: taller than 80x24 within days, so paged on a terminal.
        app.show_page(lambda width: shown_page(shown, width), no_color=no_color)
