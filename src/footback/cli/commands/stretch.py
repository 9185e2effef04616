"""`footback stretch`: play a timed stretching routine in the terminal."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from footback.cli.boundary import command_boundary
from footback.cli.commands.options import NoColorOption, SeenClinicianOption, number_between
from footback.cli.context import app_context


def _routine_names(incomplete: str) -> list[str]:
    """Shell completion for --routine: the catalogue's routines and 'plan'."""
    from footback.stretch import catalogue

    return [name for name in catalogue.playable_names() if name.startswith(incomplete)]


def stretch(
    ctx: typer.Context,
    *,
    routine: Annotated[
        str | None,
        typer.Option(
            "--routine",
            "-r",
            autocompletion=_routine_names,
            help="A routine from the catalogue (see --list), or 'plan' for the one `footback plan` "
            "saved. Without it: default_routine from the config, else the one your latest "
            "assessment recommended.",
        ),
    ] = None,
    file: Annotated[
        Path | None,
        typer.Option("--file", "-f", help="Play your own routine file (format: see docs/stretch.md)."),
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
        typer.Option(
            "--speed",
            callback=number_between(0.1, 100.0),
            help="Run time X times faster, to rehearse (0.1-100).",
        ),
    ] = 1.0,
    lead_in: Annotated[
        float | None,
        typer.Option(
            "--lead-in",
            callback=number_between(0.0, 60.0),
            show_default=False,
            help="Seconds to get ready before each step (default: lead_in in the config, else 3).",
        ),
    ] = None,
    sound: Annotated[
        bool | None,
        typer.Option(
            "--sound/--quiet",
            show_default=False,
            help="Ring the bell, or not (default: sound in the config, else on).",
        ),
    ] = None,
    plain: Annotated[
        bool,
        typer.Option("--plain", help="One line per event, no redraws (automatic when piped)."),
    ] = False,
    no_save: Annotated[bool, typer.Option("--no-save", help="Do not save this session.")] = False,
    seen_clinician: SeenClinicianOption = False,
    no_color: NoColorOption = False,
) -> None:
    """Play a timed stretching routine: space pauses, n skips, p goes back, q stops."""
    with command_boundary():
        from footback.daily.checkin_flow import offer_checkin
        from footback.stretch.session import StretchOptions, run

        app = app_context(ctx)
        settings = app.config.settings
        # Options given on the command line win; the config file only changes the defaults.
        options = StretchOptions(
            routine=routine,
            file=file,
            list_routines=list_routines,
            preview=preview,
            speed=speed,
            lead_in=float(settings.lead_in) if lead_in is None else lead_in,
            quiet=not (settings.sound if sound is None else sound),
            plain=plain,
            no_save=no_save,
            no_color=app.colour_off(no_color),
            seen_clinician=seen_clinician,
            default_routine=settings.default_routine,
            config_path=app.config.path,
            after_finish=lambda console: offer_checkin(console, app.read_line, app.clock.now(), app.data_dir),
        )
        code = run(options, app)
    if code:
        raise typer.Exit(code)
