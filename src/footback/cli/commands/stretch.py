"""`footback stretch`: play a timed stretching routine in the terminal."""

from typing import TYPE_CHECKING, Annotated

import typer

from footback.cli.commands.options import NoColorOption, PregnantOption, SeenClinicianOption
from footback.cli.context import app_context
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

if TYPE_CHECKING:
    pass


def _speech_command() -> str | None:
    # Only a run with voice on needs the voice module (and the player it speaks for).
    import os

    from footback.stretch.voice import find_speech_command

    return find_speech_command(os.environ.get("PATH"))


def stretch(
    ctx: typer.Context,
    *,
    routine: RoutineOption = None,
    file: FileOption = None,
    list_routines: ListRoutinesOption = False,
    preview: PreviewOption = False,
    speed: SpeedOption = 1.0,
    lead_in: LeadInOption = None,
    sound: SoundOption = None,
    plain: PlainOption = False,
    side: SideOption = None,
    wait: WaitOption = None,
    voice: VoiceOption = None,
    no_save: Annotated[bool, typer.Option("--no-save", help="Do not save this session.")] = False,
    seen_clinician: SeenClinicianOption = False,
    pregnant: PregnantOption = False,
    no_color: NoColorOption = False,
) -> None:
    from footback.stretch.options import StretchOptions
    from footback.stretch.session import run

    app = app_context(ctx)
    settings = app.config.settings
    use_voice = settings.voice if voice is None else voice

    def offer() -> None:
        from footback.daily.checkin_flow import CheckinRequest, offer_checkin

        offer_checkin(app, CheckinRequest(no_color=app.colour_off(no_color)))

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
        voice=use_voice,
        voice_command=_speech_command() if use_voice else None,
        seen_clinician=seen_clinician,
        pregnant=pregnant,
        default_routine=settings.default_routine,
        config_path=app.config.path,
        after_finish=offer,
        saved_plan=saved_plan,
    )
    code = run(options, app)
    if code:
        raise typer.Exit(code)
