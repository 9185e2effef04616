"""`footback stretch`'s options, declared here so the command module stays a short read, and the
saved-plan loader the command hands to stretch."""

from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from footback.cli.options import number_between

if TYPE_CHECKING:
    from footback.stretch.routine_file import Routine


class Side(StrEnum):
    LEFT = "left"
    RIGHT = "right"


def _routine_names(incomplete: str) -> list[str]:
    """Shell completion for --routine: the catalogue's routines and 'plan'."""
    from footback.stretch import catalogue

    return [name for name in catalogue.playable_names() if name.startswith(incomplete)]


RoutineOption = Annotated[
    str | None,
    typer.Option(
        "--routine",
        "-r",
        autocompletion=_routine_names,
        help="A routine from the catalogue (see --list), or 'plan' for the one `footback plan` "
        "saved. Without it: default_routine from the config, else the one your latest "
        "assessment recommended.",
    ),
]
FileOption = Annotated[
    Path | None,
    typer.Option("--file", "-f", help="Play your own routine file (format: see docs/stretch.md)."),
]
ListRoutinesOption = Annotated[
    bool, typer.Option("--list", help="List the routines with their steps and time, and exit.")
]
PreviewOption = Annotated[
    bool,
    typer.Option("--preview", help="Show the steps, doses, equipment and sources without playing."),
]
SpeedOption = Annotated[
    float,
    typer.Option(
        "--speed",
        callback=number_between(0.1, 100.0),
        help="Run time X times faster, to rehearse (0.1-100).",
    ),
]
LeadInOption = Annotated[
    float | None,
    typer.Option(
        "--lead-in",
        callback=number_between(0.0, 60.0),
        show_default=False,
        help="Seconds to get ready before each step (default: lead_in in the config, else 3).",
    ),
]
SoundOption = Annotated[
    bool | None,
    typer.Option(
        "--sound/--quiet",
        show_default=False,
        help="Ring the bell, or not (default: sound in the config, else on).",
    ),
]
PlainOption = Annotated[
    bool,
    typer.Option("--plain", help="One line per event, no redraws (automatic when piped)."),
]
SideOption = Annotated[
    Side | None,
    typer.Option("--side", help="Play one side only (left or right) of every two-sided step."),
]
WaitOption = Annotated[
    bool | None,
    typer.Option(
        "--wait/--no-wait",
        show_default=False,
        help="On a terminal, wait for Enter before the first step (default: wait_for_enter "
        "in the config, else wait).",
    ),
]
VoiceOption = Annotated[
    bool | None,
    typer.Option(
        "--voice/--no-voice",
        show_default=False,
        help="Speak the cues with espeak-ng, spd-say or say when installed (default: voice "
        "in the config, else off).",
    ),
]


def saved_plan(folder: Path) -> "Routine":
    """`--routine plan`: the saved plan, read as a routine file (plan.toml in the data folder)."""
    from footback.stretch.catalogue import load_saved_plan  # only when the plan is played

    return load_saved_plan(folder)
