"""`footback log`: record a routine done away from the terminal."""

import json
from typing import Annotated

import typer

from footback.cli.context import app_context
from footback.cli.options import whole_number


def log(
    ctx: typer.Context,
    routine: Annotated[
        str, typer.Argument(metavar="ROUTINE", help="The routine you did: feet, back, full, morning or plan.")
    ],
    *,
    day: Annotated[
        str | None,
        typer.Option(
            "--date", metavar="YYYY-MM-DD", help="The day you did it, for a missed day (default: today)."
        ),
    ] = None,
    minutes: Annotated[
        int | None,
        typer.Option(
            "--minutes",
            metavar="N",
            help="How long it took, 1-180 (default: the routine's length).",
            parser=whole_number,
        ),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print what was stored, as JSON.")] = False,
) -> None:
    from footback.daily.logged import LogRequest, log_session

    app = app_context(ctx)
    logged = log_session(app, LogRequest(routine=routine, day=day, minutes=minutes))
    if as_json:
        typer.echo(json.dumps(logged.model_dump(mode="json"), indent=2))
        return
    from footback.daily.content import load_daily_content

    text = load_daily_content().text
    when = "today" if logged.day == app.clock.now().date() else f"{logged.day:%Y-%m-%d}"
    lines = [text.logged.format(routine=logged.routine, when=when, minutes=logged.minutes)]
    if logged.waiting_since is not None:
        signs = "; ".join(logged.waiting_signs)
        lines.append(text.logged_gate.format(date=f"{logged.waiting_since:%Y-%m-%d}", signs=signs))
    from footback.render.console import tell

    console = app.console()
    for line in lines:  # wrapped at words to the terminal, never cut mid-word
        tell(console, line)
