"""`footback remind` and `footback due`: reminders in your own calendar, and what is due today."""

from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path
from typing import Annotated

import typer

from footback.cli.boundary import command_boundary


def remind(
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
    """Write daily reminders as an iCalendar file that any calendar app can import."""
    with command_boundary():
        from footback.daily.service import write_reminders

        made = write_reminders(ics, at=at or [], routine=routine, now=datetime.now().astimezone())
        for reminder in made:
            typer.echo(f"{reminder.at:%H:%M} daily: {reminder.summary}")
        typer.echo(
            f"Written to {ics}. Import it into your calendar; importing a new one updates these events."
        )


def due() -> None:
    """One line of what is still due today, nothing when nothing is (exit 0: something due, 1: nothing)."""
    with command_boundary():
        from footback.daily.service import due_now

        items = due_now(datetime.now().astimezone())
    if not items:
        raise typer.Exit(1)
    sys.stdout.write("footback due: " + ", ".join(items) + "\n")
