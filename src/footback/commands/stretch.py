"""`footback stretch`: play a timed stretching routine in the terminal."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from footback.boundary import command_boundary


def stretch(
    *,
    routine: Annotated[
        str | None,
        typer.Option(
            "--routine",
            "-r",
            help="A routine from the catalogue (see --list), or 'plan' for the one `footback plan` "
            "saved. Without it: the one your latest assessment recommended.",
        ),
    ] = None,
    file: Annotated[
        Path | None,
        typer.Option("--file", "-f", help="Play your own routine file (format: see the README)."),
    ] = None,
    list_routines: Annotated[
        bool, typer.Option("--list", help="List the routines with their steps and time, and exit.")
    ] = False,
    preview: Annotated[
        bool,
        typer.Option("--preview", help="Show the steps, doses, equipment and sources without playing."),
    ] = False,
    speed: Annotated[
        float,
        typer.Option("--speed", min=0.1, max=100.0, help="Run time X times faster, to rehearse."),
    ] = 1.0,
    lead_in: Annotated[
        float,
        typer.Option("--lead-in", min=0.0, max=60.0, help="Seconds to get ready before each step."),
    ] = 3.0,
    quiet: Annotated[bool, typer.Option("--quiet", help="No bell.")] = False,
    plain: Annotated[
        bool,
        typer.Option("--plain", help="One line per event, no redraws (automatic when piped)."),
    ] = False,
    no_save: Annotated[bool, typer.Option("--no-save", help="Do not save this session.")] = False,
    no_color: Annotated[bool, typer.Option("--no-color", help="Turn colour off (also: NO_COLOR).")] = False,
) -> None:
    """Play a timed stretching routine: space pauses, n skips, p goes back, q stops."""
    from footback.stretch_session import StretchOptions, real_env, run

    options = StretchOptions(
        routine=routine,
        file=file,
        list_routines=list_routines,
        preview=preview,
        speed=speed,
        lead_in=lead_in,
        quiet=quiet,
        plain=plain,
        no_save=no_save,
        no_color=no_color,
    )
    with command_boundary():
        code = run(options, real_env())
    if code:
        raise typer.Exit(code)
