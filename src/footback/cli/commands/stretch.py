"""`footback stretch`: play a timed stretching routine in the terminal."""

from dataclasses import dataclass
from typing import Annotated

import typer

from footback.cli.context import AppContext
from footback.cli.options import NoColorOption, PregnantOption, SeenClinicianOption
from footback.cli.stretch_options import (
    FileOption,
    LeadInOption,
    ListRoutinesOption,
    PlainOption,
    PreviewOption,
    RoutineOption,
    SideOption,
    SoundOption,
    SpeedOption,
    VoiceOption,
    WaitOption,
    saved_plan,
)


def _speech_command() -> str | None:
    # Only a run with voice on needs the voice module (and the player it speaks for).
    import os

    from footback.stretch.voice import find_speech_command

    return find_speech_command(os.environ.get("PATH"))


@dataclass(frozen=True)
class StretchArgs:
    """`footback stretch`'s options, as typed (the config fills in what is left out)."""

    routine: RoutineOption = None
    file: FileOption = None
    list_routines: ListRoutinesOption = False
    preview: PreviewOption = False
    speed: SpeedOption = 1.0
    lead_in: LeadInOption = None
    sound: SoundOption = None
    plain: PlainOption = False
    side: SideOption = None
    wait: WaitOption = None
    voice: VoiceOption = None
    no_save: Annotated[bool, typer.Option("--no-save", help="Do not save this session.")] = False
    seen_clinician: SeenClinicianOption = False
    pregnant: PregnantOption = False
    no_color: NoColorOption = False


def stretch(app: AppContext, request: StretchArgs) -> None:
    from footback.stretch.options import StretchOptions
    from footback.stretch.session import run

    settings = app.config.settings
    use_voice = settings.voice if request.voice is None else request.voice
    no_color = app.colour_off(request.no_color)

    def offer() -> None:
        from footback.daily.checkin_flow import CheckinRequest, offer_checkin

        offer_checkin(app, CheckinRequest(no_color=no_color))

    # Options given on the command line win; the config file only changes the defaults.
    options = StretchOptions(
        routine=request.routine,
        file=request.file,
        list_routines=request.list_routines,
        preview=request.preview,
        speed=request.speed,
        lead_in=float(settings.lead_in) if request.lead_in is None else request.lead_in,
        quiet=not (settings.sound if request.sound is None else request.sound),
        plain=request.plain,
        no_save=request.no_save,
        no_color=no_color,
        side=request.side.value if request.side is not None else None,
        wait=settings.wait_for_enter if request.wait is None else request.wait,
        voice=use_voice,
        voice_command=_speech_command() if use_voice else None,
        seen_clinician=request.seen_clinician,
        pregnant=request.pregnant,
        default_routine=settings.default_routine,
        config_path=app.config.path,
        after_finish=offer,
        saved_plan=saved_plan,
    )
    code = run(options, app)
    if code:
        raise typer.Exit(code)
