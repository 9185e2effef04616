"""`footback stretch`: play a timed stretching routine in the terminal."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from footback.cli.boundary import command_boundary
from footback.cli.commands.options import NoColorOption, SeenClinicianOption, number_between
from footback.cli.context import app_context


class Side(StrEnum):
    LEFT = "left"
    RIGHT = "right"


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
    side: Annotated[
        Side | None,
        typer.Option("--side", help="Play one side only (left or right) of every two-sided step."),
    ] = None,
    wait: Annotated[
        bool | None,
        typer.Option(
            "--wait/--no-wait",
            show_default=False,
            help="On a terminal, wait for Enter before the first step (default: wait_for_enter "
            "in the config, else wait).",
        ),
    ] = None,
    voice: Annotated[
        bool | None,
        typer.Option(
            "--voice/--no-voice",
            show_default=False,
            help="Speak the cues with espeak-ng, spd-say or say when installed (default: voice "
            "in the config, else off).",
        ),
    ] = None,
    no_save: Annotated[bool, typer.Option("--no-save", help="Do not save this session.")] = False,
    seen_clinician: SeenClinicianOption = False,
    no_color: NoColorOption = False,
) -> None:
    """Play a timed stretching routine: space pauses, n skips, p goes back, q stops."""
    with command_boundary():
        import os

        from footback.stretch.session import StretchOptions, run
        from footback.stretch.voice import find_speech_command

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
            side=side.value if side is not None else None,
            wait=settings.wait_for_enter if wait is None else wait,
            voice=(use_voice := settings.voice if voice is None else voice),
            voice_command=find_speech_command(os.environ.get("PATH")) if use_voice else None,
            seen_clinician=seen_clinician,
            default_routine=settings.default_routine,
            config_path=app.config.path,
        )
        code = run(options, app)
    if code:
        raise typer.Exit(code)
