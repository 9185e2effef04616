"""`footback stretch` behind the option parsing: pick a routine, preview or play it, save it.

Everything with a side effect (clocks, streams, the terminal, the data folder) comes in through
the run's context (`footback.core.runtime.Runtime`), so tests hand in a fake clock instead of sleeping.
"""

from __future__ import annotations

import signal
from contextlib import AbstractContextManager, nullcontext
from datetime import datetime
from typing import TYPE_CHECKING

from footback.core.errors import ExitCode, StoreError
from footback.core.runtime import Runtime
from footback.core.signals import Terminated, stop_on_signals
from footback.render.console import quiet_if_gone, say, terminal_gone
from footback.stretch.choice import after_warning_sign, choose
from footback.stretch.options import StretchOptions

if TYPE_CHECKING:
    from collections.abc import Callable

    from rich.console import Console

    from footback.models.stretch_session import SessionSummary
    from footback.stretch.player import KeySource, Listener, Player
    from footback.stretch.pregnancy import Swap
    from footback.stretch.render import LiveScreen
    from footback.stretch.routine_file import Routine
    from footback.stretch.timeline import Timeline
    from footback.stretch.words import PlainLog


def run(options: StretchOptions, env: Runtime) -> int:
    """The whole command; returns the exit code (Ctrl-C propagates after saving)."""
    from functools import cache

    from footback.stretch import catalogue
    from footback.stretch.timeline import build

    # Made on first use: a preview is plain text, and rich is imported only if something else is said.
    console = cache(lambda: env.console(no_color=options.no_color, file=env.out))
    if options.list_routines:
        from footback.stretch.preview import print_list

        print_list(console(), catalogue.load_all(), options.lead_in)
        return ExitCode.OK
    if not options.preview and not after_warning_sign(options, env):
        return ExitCode.FAILURE
    routine, swaps = _for_pregnancy(options, console, env, choose(options, console, env))
    timeline = build(routine, options.lead_in, options.side)
    if options.preview:
        from footback.stretch.preview import print_preview

        print_preview(env.out, env.columns(), timeline, figures=not options.plain)
        return ExitCode.OK
    return _play(options, env, console(), timeline, swaps)


def _for_pregnancy(
    options: StretchOptions, console: Callable[[], Console], env: Runtime, routine: Routine
) -> tuple[Routine, list[Swap] | None]:
    """In pregnancy, steps done lying on the back are swapped (one line says so); else unchanged.
    The pregnancy note joins the cautions unless the person said they are not pregnant."""
    from footback.stretch.pregnancy import for_pregnancy, latest_pregnancy, pregnancy_lines, pregnancy_note

    latest = latest_pregnancy(env.data_dir, options.pregnant, env.clock.now())
    note = pregnancy_note(any(step.lying_on_back for step in routine.steps), latest.said)
    if note is not None:
        routine = routine.model_copy(update={"cautions": [*routine.cautions, note]})
    if latest.swap is None:
        return routine, None
    swapped, swaps = for_pregnancy(routine)
    for line in pregnancy_lines(swaps, latest.swap):
        say(console(), line)
    return swapped, swaps


def _play(
    options: StretchOptions, env: Runtime, console: Console, timeline: Timeline, swaps: list[Swap] | None
) -> int:
    from footback.stretch.player import Player

    view, listener, plain = _view(options, env, console, timeline)
    keys_cm: AbstractContextManager[KeySource | None] = (
        env.open_keys(not plain) if env.stdin_tty else nullcontext(None)
    )
    with stop_on_signals(), quiet_if_gone(keys_cm) as keys:
        if options.wait and keys is not None and env.stdout_tty:
            try:
                ready = _ready(console, keys)
            except Terminated as exc:  # the window closed at the prompt: nothing to save
                return 128 + exc.signum
            if not ready:
                say(console, "Not started: nothing saved.")
                return ExitCode.OK
        started_at = env.clock.now()  # local: the store keeps its UTC offset (migration 70)
        player = Player(
            timeline,
            listener,
            clock=env.clock.monotonic,
            sleep=env.clock.sleep,
            keys=keys,
            speed=options.speed,
            frames=not plain,
        )
        summary, stopped = _run(player, view)
    # The terminal is back to normal here: report, save, then pass the interrupt on.
    _wrap_up(options, env, console, timeline, summary, started_at, swaps, interrupted=stopped is not None)
    finished = stopped is None and summary.finished and not options.no_save
    if finished and env.stdin_tty and env.stdout_tty and options.after_finish is not None:
        options.after_finish()
    if isinstance(stopped, Terminated):
        return 128 + stopped.signum
    if stopped is not None:
        raise KeyboardInterrupt
    return ExitCode.OK


def _view(
    options: StretchOptions, env: Runtime, console: Console, timeline: Timeline
) -> tuple[LiveScreen | PlainLog, Listener, bool]:
    """The screen (redrawn in place, or plain lines), what listens to the player (the screen, or
    the screen with a voice), and whether the lines are plain; the intro is shown."""
    from footback.stretch.render import LiveScreen
    from footback.stretch.words import PlainLog

    # rich cannot redraw in place on a dumb terminal: plain lines are the readable choice there.
    plain = options.plain or not env.stdout_tty or console.is_dumb_terminal
    bell = not options.quiet and env.stdout_tty
    view: LiveScreen | PlainLog
    if plain:
        view = PlainLog(timeline, env.out, bell=bell)
    else:
        view = LiveScreen(timeline, console, bell=bell, keys=env.stdin_tty)
    view.intro()
    listener: Listener = view
    if options.voice:
        listener = _with_voice(options, console, timeline, view)
    return view, listener, plain


def _run(player: Player, view: LiveScreen | PlainLog) -> tuple[SessionSummary, BaseException | None]:
    """Play to the end or until stopped; the summary, and what stopped it (None: nothing did)."""
    from footback.stretch.render import LiveScreen

    try:
        with quiet_if_gone(view if isinstance(view, LiveScreen) else nullcontext()):
            return player.run(), None
    except (KeyboardInterrupt, Terminated) as exc:
        return player.summary(), exc
    except OSError as exc:
        if not terminal_gone(exc):
            raise
        # The window was closed (the write failed before SIGHUP arrived): stop as on a hangup.
        return player.summary(), Terminated(signal.SIGHUP)


READY_PROMPT = "Press Enter to start (q to quit)."
READY_WAIT = 3600.0  # seconds per wait for the key
READY_WAITS = 12  # after 12 hours at the prompt nobody is about to start: quit as if q


def _ready(console: Console, keys: KeySource) -> bool:
    """Wait at the ready prompt: True on Enter, False on q or Esc; other keys are ignored."""
    from footback.stretch.player import Key

    say(console, READY_PROMPT)
    for _ in range(READY_WAITS):
        key = keys.read(READY_WAIT)
        if key is Key.ENTER:
            return True
        if key is Key.STOP:
            return False
    return False


def _with_voice(options: StretchOptions, console: Console, timeline: Timeline, view: Listener) -> Listener:
    """Speak cues when a speech command is installed; otherwise say why there is no voice."""
    from footback.stretch.voice import SPEECH_COMMANDS, Voiced

    if options.voice_command is None:
        say(console, f"No speech command found ({', '.join(SPEECH_COMMANDS)}): cues are shown, not spoken.")
        return view
    return Voiced(view, timeline, options.voice_command)


def _wrap_up(
    options: StretchOptions,
    env: Runtime,
    console: Console,
    timeline: Timeline,
    summary: SessionSummary,
    started_at: datetime,
    swaps: list[Swap] | None,
    *,
    interrupted: bool,
) -> None:
    """Report and save the session; on Ctrl-C a store problem must not hide the interrupt."""
    from footback.core.text import fmt_clock, plural, safe_line

    done = f"{summary.steps_done} of {plural(summary.steps_total, 'step')} done"
    if summary.steps_skipped:
        done += f", {summary.steps_skipped} skipped"
    took = fmt_clock(summary.actual_seconds, up=False)
    if summary.finished:
        line = f"Finished '{summary.routine}' in {took}: {done}."
    else:
        line = f"Stopped '{summary.routine}' after {took}: {done}."
    if options.no_save:
        say(console, line + " Not saved (--no-save).")
        return
    from footback.core.paths import db_path
    from footback.records.db import open_store
    from footback.records.stretch_sessions import counts_as_practice, save_session

    extra: dict[str, object] = {"source": timeline.routine.source, "lead_in": timeline.lead_in}
    if options.side is not None:
        extra["side"] = options.side
    if swaps is not None:
        extra["pregnancy_swaps"] = [swap.as_json() for swap in swaps]
    try:
        with open_store(env.data_dir) as store:
            save_session(store, summary, started_at, extra)
    except StoreError as exc:
        if not interrupted:
            raise
        env.print_error(exc.message)
        return
    if not counts_as_practice(summary.steps_done, summary.steps_skipped, summary.finished):
        # Saved, but neither the streak nor progress moves: say so, and how to practise now.
        again = f"footback stretch --routine {summary.routine}" if timeline.routine.source != "file" else ""
        line += " Saved to your history; with no step done it does not count as practice"
        line += f" ({again} plays it again)." if again else "."
    else:
        line += " Saved to your history."
    say(console, line)
    say(console, f"Data file: {safe_line(str(db_path(env.data_dir)))}", whole=True)
