"""What `footback stretch` was asked to do, as plain values (cli/ parses the options)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from footback.stretch.routine_file import Routine


@dataclass(frozen=True)
class StretchOptions:
    routine: str | None = None
    file: Path | None = None
    list_routines: bool = False
    preview: bool = False
    speed: float = 1.0
    lead_in: float = 3.0
    quiet: bool = False
    plain: bool = False
    no_save: bool = False
    no_color: bool = False
    side: str | None = None  # "left" or "right": one side of every two-sided step
    wait: bool = True  # on a terminal, wait for Enter before the first step
    voice: bool = False
    voice_command: str | None = None  # the speech command found on PATH (cli/ looks it up)
    # After a warning sign: the person's word, given as an option, that a clinician has seen them.
    seen_clinician: bool = False
    # Play the pregnancy versions of steps done lying on the back (also when the latest assessment
    # says pregnant).
    pregnant: bool = False
    # The config file's `default_routine` and where it was set (to name it in messages).
    default_routine: str | None = None
    config_path: Path | None = None
    # After a finished, saved routine on a terminal (the command offers the day's check-in here;
    # stretch itself knows nothing of check-ins).
    after_finish: Callable[[], None] | None = None
    # `--routine plan`: the saved plan from the data folder (the command passes plan's loader;
    # stretch does not import plan, which builds on the stretch catalogue).
    saved_plan: Callable[[Path], Routine] | None = None
