"""`footback remind` and `footback due`: reminders in your own calendar, and what is due today."""

from pathlib import Path
from typing import Annotated

import typer

from footback.cli.context import app_context


def remind(
    ctx: typer.Context,
    *,
    ics: Annotated[
        Path, typer.Option("--ics", metavar="FILE", help="Write the reminders to this .ics file.")
    ],
    at: Annotated[
        list[str] | None,
        typer.Option("--at", metavar="HH:MM", help="A daily time (repeatable; default: the plan's times)."),
    ] = None,
    routine: Annotated[
        str | None, typer.Option("--routine", metavar="NAME", help="The routine to remind of.")
    ] = None,
) -> None:
    from footback.core.text import safe_line
    from footback.daily.reminders import write_reminders
    from footback.render.console import tell

    app = app_context(ctx)
    made = write_reminders(app.data_dir, ics, at=at or [], routine=routine, now=app.clock.now())
    if str(ics) == "-":  # the calendar itself went to stdout: nothing else may join it
        return
    console = app.console()
    for reminder in made:
        tell(console, safe_line(f"{reminder.at:%H:%M} daily: {reminder.summary}"))
    shown = safe_line(str(ics))
    tell(console, f"Written to {shown}. Import it into your calendar; a newer file updates these events.")


def due(ctx: typer.Context) -> None:
    from footback.core.errors import BadInputError, FootbackError
    from footback.daily.due import due_now

    app = app_context(ctx)
    try:
        items = due_now(app.data_dir, app.clock.now())
    except FootbackError as exc:
        # Exit 1 means "nothing is due" here: a store that cannot be read must not look like a
        # done day in a prompt that hides stderr. Every problem is exit 2, as documented.
        raise BadInputError(exc.message, exc.details) from None
    except OSError as exc:
        raise BadInputError(f"cannot use {exc.filename or app.data_dir}: {exc.strerror}") from None
    if not items:
        raise typer.Exit(1)
    app.out.write("footback due: " + ", ".join(items) + "\n")
