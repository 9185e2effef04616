"""Which routine plays: --routine, --file, the config's default, or the latest assessment's choice,
and the question after an unseen warning sign."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from footback.core.errors import BadInputError
from footback.core.models import PLAN_NAME
from footback.core.runtime import Runtime
from footback.render.console import say
from footback.stretch.options import StretchOptions

if TYPE_CHECKING:
    from collections.abc import Callable

    from rich.console import Console

    # The console is made when a line is said: a preview of a named routine draws nothing with rich.
    MakeConsole = Callable[[], Console]

    from footback.models.assessment import AssessmentResult
    from footback.stretch.routine_file import Routine


def _ask_routine(console: MakeConsole, env: Runtime, why: str) -> Routine:
    from footback.stretch import catalogue

    known = catalogue.names()
    if not env.stdin_tty:
        raise BadInputError(f"{why}; choose a routine with --routine NAME (routines: {', '.join(known)})")
    from rich.prompt import Prompt

    say(console(), f"{why}.")
    try:
        name = Prompt.ask("Which routine?", choices=known, default=known[0], console=console())
    except EOFError:
        raise BadInputError("no routine chosen") from None
    return catalogue.load_builtin(name)


def _latest_result(folder: Path) -> AssessmentResult | None:
    """The latest saved assessment's result; reading never creates the store."""
    from footback.records.assessments import latest_result
    from footback.records.db import read_store

    return read_store(folder, latest_result)


def _recommended(
    console: MakeConsole, env: Runtime, result: AssessmentResult | None, verb: str = "Playing"
) -> Routine:
    """The latest assessment's first routine, or the person's choice when it has none."""
    from footback.stretch import catalogue

    if result is None:
        # A new user's next step, said here too: this question is not a dead end.
        return _ask_routine(
            console, env, "No saved assessment recommends a routine yet (`footback assess` picks one)"
        )
    names = result.recommendations.routines
    if not names:
        return _ask_routine(console, env, "Your latest assessment did not recommend a routine")
    say(console(), f"{verb} '{names[0]}', recommended by your latest assessment.")
    if len(names) > 1:
        others = ", ".join(f"footback stretch --routine {name}" for name in names[1:])
        say(console(), f"Also recommended: {others}")
    return catalogue.load_builtin(names[0])


def _named(name: str, options: StretchOptions, folder: Path) -> Routine:
    from footback.stretch import catalogue

    if name == PLAN_NAME:
        if options.saved_plan is None:
            raise BadInputError("the saved plan cannot be played here; play it with `footback stretch`")
        return options.saved_plan(folder)
    return catalogue.load_builtin(name)


def _unasked(options: StretchOptions, console: MakeConsole, env: Runtime) -> Routine:
    """No --routine or --file: the config's default_routine, else the saved plan, else the
    assessment's choice.

    A warning sign was dealt with before this (see `after_warning_sign`).
    """
    from footback.stretch import catalogue

    configured = None
    if options.config_path is not None:
        configured = catalogue.check_default_routine(options.default_routine, options.config_path)
    # --preview shows a routine without playing it, and says so.
    verb = "Previewing" if options.preview else "Playing"
    if configured is not None:
        say(console(), f"{verb} '{configured}', the default_routine in {options.config_path}.", whole=True)
        return _named(configured, options, env.data_dir)
    if _plan_playable(options, env.data_dir):
        say(console(), f"{verb} your saved plan ('{PLAN_NAME}', made by `footback plan`).", whole=True)
        return _named(PLAN_NAME, options, env.data_dir)
    return _recommended(console, env, _latest_result(env.data_dir), verb)


def _plan_playable(options: StretchOptions, folder: Path) -> bool:
    """A plan is saved and may be played: no warning sign waits (a preview skips the question
    that play asks first, so a waiting sign leaves it to the recommended routine)."""
    from footback.core.paths import plan_path

    if options.saved_plan is None or not plan_path(folder).is_file():
        return False
    if not options.preview:
        return True  # play passed the warning-sign question before choosing
    from footback.assess.gate import open_gate
    from footback.records.db import read_store

    return read_store(folder, open_gate) is None


def after_warning_sign(options: StretchOptions, env: Runtime) -> bool:
    """Before any routine plays: True to go on; after an unseen warning sign, ask first."""
    from footback.assess.gate import ClinicianQuestion, open_gate, pass_gate
    from footback.records.db import read_store

    gate = read_store(env.data_dir, open_gate)
    if gate is None:
        return True
    return pass_gate(env, ClinicianQuestion(gate, options.seen_clinician, options.no_color))


def choose(options: StretchOptions, console: MakeConsole, env: Runtime) -> Routine:
    from footback.stretch import catalogue

    if options.routine is not None and options.file is not None:
        raise BadInputError("use either --routine NAME or --file PATH, not both")
    if options.file is not None:
        return catalogue.load_file(options.file)
    if options.routine is not None:
        return _named(options.routine, options, env.data_dir)
    return _unasked(options, console, env)
