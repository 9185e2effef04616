"""`footback stretch` behind the option parsing: pick a routine, preview or play it, save it.

Everything with a side effect (clocks, streams, the terminal, the data folder) comes in through
the run's context (`footback.core.runtime.Runtime`), so tests hand in a fake clock instead of sleeping.
"""

from __future__ import annotations

import errno
import signal
import threading
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext, suppress
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING, TypeVar

from footback.core.errors import BadInputError, ExitCode, StoreError
from footback.core.models import PLAN_NAME
from footback.core.runtime import Runtime
from footback.core.text import safe_line

if TYPE_CHECKING:
    from rich.console import Console

    from footback.assess.model import AssessmentResult
    from footback.stretch.player import KeySource, Listener, SessionSummary
    from footback.stretch.pregnancy import Swap
    from footback.stretch.routine_file import Routine
    from footback.stretch.timeline import Timeline


T = TypeVar("T")


class Terminated(Exception):
    """SIGTERM or SIGHUP during play: stop like Ctrl-C, exit with 128 + the signal number."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


def _raise_terminated(signum: int, frame: FrameType | None) -> None:
    raise Terminated(signum)


@contextmanager
def _stop_on_signals() -> Iterator[None]:
    """A `kill` or a closed terminal still restores the terminal and saves the session."""
    if threading.current_thread() is not threading.main_thread():
        yield  # only the main thread may install signal handlers
        return
    caught = (signal.SIGTERM, signal.SIGHUP)
    previous = {sig: signal.signal(sig, _raise_terminated) for sig in caught}
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


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
    after_finish: Callable[[Console], None] | None = None


# What writing to (or restoring) a terminal raises once its window was closed.
TERMINAL_GONE = frozenset({errno.EIO, errno.ENXIO, errno.EBADF, errno.EPIPE, errno.ENOTTY})


def _terminal_gone(exc: BaseException) -> bool:
    """An OSError, or a termios.error (not an OSError), saying the terminal is no longer there."""
    if isinstance(exc, OSError):
        return exc.errno in TERMINAL_GONE
    code = exc.args[0] if exc.args else None
    return type(exc).__module__ == "termios" and code in TERMINAL_GONE


@contextmanager
def _quiet_if_gone(cm: AbstractContextManager[T]) -> Iterator[T]:
    """Enter `cm`; if leaving it fails because the terminal is gone, give up on it quietly.

    Closing the window mid-routine makes rich's `Live.stop` and restoring the key settings raise
    `OSError(EIO)`: that must never stop the session from being saved.
    """
    value = cm.__enter__()
    try:
        yield value
    except BaseException as exc:
        try:
            if cm.__exit__(type(exc), exc, exc.__traceback__):
                return
        except Exception as gone:
            if not _terminal_gone(gone):
                raise
        raise
    try:
        cm.__exit__(None, None, None)
    except Exception as gone:
        if not _terminal_gone(gone):
            raise


def _say(console: Console, line: str, *, whole: bool = False) -> None:
    """One line to the person; `whole` keeps a line that holds a path unwrapped, so it can be copied."""
    from rich.text import Text

    with suppress(OSError):  # after a hangup there is no one to tell; the session is saved
        console.print(Text(line), soft_wrap=whole)


def _say_where(console: Console, path: Path) -> None:
    from rich.text import Text

    # soft_wrap: the path stays whole on one line, so it can be copied.
    with suppress(OSError):
        console.print(Text(f"Data file: {safe_line(str(path))}"), soft_wrap=True)


def _ask_routine(console: Console, env: Runtime, why: str) -> Routine:
    from footback.stretch import catalogue

    known = catalogue.names()
    if not env.stdin_tty:
        raise BadInputError(f"{why}; choose a routine with --routine NAME (routines: {', '.join(known)})")
    from rich.prompt import Prompt

    _say(console, f"{why}.")
    try:
        name = Prompt.ask("Which routine?", choices=known, default=known[0], console=console)
    except EOFError:
        raise BadInputError("no routine chosen") from None
    return catalogue.load_builtin(name)


def _latest_result(folder: Path) -> AssessmentResult | None:
    """The latest saved assessment's result; reading never creates the store."""
    from footback.records.assessments import latest_result
    from footback.records.db import open_existing_store

    store = open_existing_store(folder)
    if store is None:
        return None
    with store:
        return latest_result(store)


def _recommended(
    console: Console, env: Runtime, result: AssessmentResult | None, verb: str = "Playing"
) -> Routine:
    """The latest assessment's first routine, or the person's choice when it has none."""
    from footback.stretch import catalogue

    if result is None:
        return _ask_routine(console, env, "No saved assessment recommends a routine yet")
    names = result.recommendations.routines
    if not names:
        return _ask_routine(console, env, "Your latest assessment did not recommend a routine")
    _say(console, f"{verb} '{names[0]}', recommended by your latest assessment.")
    if len(names) > 1:
        others = ", ".join(f"footback stretch --routine {name}" for name in names[1:])
        _say(console, f"Also recommended: {others}")
    return catalogue.load_builtin(names[0])


def _named(name: str, folder: Path) -> Routine:
    from footback.stretch import catalogue

    if name == PLAN_NAME:
        from footback.plan.build import load_saved_plan

        return load_saved_plan(folder)
    return catalogue.load_builtin(name)


def _unasked(options: StretchOptions, console: Console, env: Runtime) -> Routine:
    """No --routine or --file: the config's default_routine, else the assessment's choice.

    A warning sign was dealt with before this (see `_after_warning_sign`).
    """
    from footback.stretch import catalogue

    configured = None
    if options.config_path is not None:
        configured = catalogue.check_default_routine(options.default_routine, options.config_path)
    result = _latest_result(env.data_dir)
    # --preview shows a routine without playing it, and says so.
    verb = "Previewing" if options.preview else "Playing"
    if configured is not None:
        _say(console, f"{verb} '{configured}', the default_routine in {options.config_path}.", whole=True)
        return _named(configured, env.data_dir)
    return _recommended(console, env, result, verb)


def _after_warning_sign(options: StretchOptions, console: Console, env: Runtime) -> bool:
    """Before any routine plays: True to go on; after an unseen warning sign, ask first."""
    from footback.assess.gate import open_gate, pass_gate
    from footback.records.db import open_existing_store, open_store

    store = open_existing_store(env.data_dir)
    if store is None:
        return True
    with store:
        gate = open_gate(store)
    if gate is None:
        return True

    def confirm(question: str) -> bool:
        from rich.prompt import Confirm

        try:
            return Confirm.ask(question, console=console)
        except EOFError:
            return False

    return pass_gate(
        lambda: open_store(env.data_dir),
        gate,
        now=env.clock.now(),
        seen_option=options.seen_clinician,
        confirm=confirm if env.stdin_tty else None,
        say=lambda line: _say(console, line),
    )


def _choose(options: StretchOptions, console: Console, env: Runtime) -> Routine:
    from footback.stretch import catalogue

    if options.routine is not None and options.file is not None:
        raise BadInputError("use either --routine NAME or --file PATH, not both")
    if options.file is not None:
        return catalogue.load_file(options.file)
    if options.routine is not None:
        return _named(options.routine, env.data_dir)
    return _unasked(options, console, env)


def run(options: StretchOptions, env: Runtime) -> int:
    """The whole command; returns the exit code (Ctrl-C propagates after saving)."""
    from footback.stretch import catalogue
    from footback.stretch.timeline import build

    console = env.console(no_color=options.no_color, file=env.out)
    if options.list_routines:
        from footback.stretch.preview import print_list

        print_list(console, catalogue.load_all(), options.lead_in)
        return ExitCode.OK
    if not options.preview and not _after_warning_sign(options, console, env):
        return ExitCode.FAILURE
    routine, swaps = _for_pregnancy(options, console, env, _choose(options, console, env))
    timeline = build(routine, options.lead_in, options.side)
    if options.preview:
        from footback.stretch.preview import print_preview

        print_preview(console, timeline, figures=not options.plain)
        return ExitCode.OK
    return _play(options, env, console, timeline, swaps)


def _for_pregnancy(
    options: StretchOptions, console: Console, env: Runtime, routine: Routine
) -> tuple[Routine, list[Swap] | None]:
    """In pregnancy, steps done lying on the back are swapped (one line says so); else unchanged."""
    from footback.stretch.pregnancy import for_pregnancy, latest_pregnancy, pregnancy_lines

    why = latest_pregnancy(env.data_dir, options.pregnant, env.clock.now().tzinfo)
    if why is None:
        return routine, None
    swapped, swaps = for_pregnancy(routine)
    for line in pregnancy_lines(swaps, why):
        _say(console, line)
    return swapped, swaps


def _play(
    options: StretchOptions, env: Runtime, console: Console, timeline: Timeline, swaps: list[Swap] | None
) -> int:
    from footback.stretch.player import Player
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
    keys_cm: AbstractContextManager[KeySource | None] = (
        env.open_keys(not plain) if env.stdin_tty else nullcontext(None)
    )
    stopped: BaseException | None = None
    with _stop_on_signals(), _quiet_if_gone(keys_cm) as keys:
        if options.wait and keys is not None and env.stdout_tty:
            try:
                ready = _ready(console, keys)
            except Terminated as exc:  # the window closed at the prompt: nothing to save
                return 128 + exc.signum
            if not ready:
                _say(console, "Not started: nothing saved.")
                return ExitCode.OK
        started_at = env.clock.now().astimezone(UTC)
        player = Player(
            timeline,
            listener,
            clock=env.clock.monotonic,
            sleep=env.clock.sleep,
            keys=keys,
            speed=options.speed,
            frames=not plain,
        )
        try:
            with _quiet_if_gone(view if isinstance(view, LiveScreen) else nullcontext()):
                summary = player.run()
        except (KeyboardInterrupt, Terminated) as exc:
            stopped = exc
            summary = player.summary()
        except OSError as exc:
            if not _terminal_gone(exc):
                raise
            # The window was closed (the write failed before SIGHUP arrived): stop as on a hangup.
            stopped = Terminated(signal.SIGHUP)
            summary = player.summary()
    # The terminal is back to normal here: report, save, then pass the interrupt on.
    _wrap_up(options, env, console, timeline, summary, started_at, swaps, interrupted=stopped is not None)
    finished = stopped is None and summary.finished and not options.no_save
    if finished and env.stdin_tty and env.stdout_tty and options.after_finish is not None:
        options.after_finish(console)
    if isinstance(stopped, Terminated):
        return 128 + stopped.signum
    if stopped is not None:
        raise KeyboardInterrupt
    return ExitCode.OK


READY_PROMPT = "Press Enter to start (q to quit)."
READY_WAIT = 3600.0  # seconds per wait for the key
READY_WAITS = 12  # after 12 hours at the prompt nobody is about to start: quit as if q


def _ready(console: Console, keys: KeySource) -> bool:
    """Wait at the ready prompt: True on Enter, False on q or Esc; other keys are ignored."""
    from footback.stretch.player import Key

    _say(console, READY_PROMPT)
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
        _say(console, f"No speech command found ({', '.join(SPEECH_COMMANDS)}): cues are shown, not spoken.")
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
    from footback.core.text import fmt_clock

    done = f"{summary.steps_done} of {summary.steps_total} steps done"
    if summary.steps_skipped:
        done += f", {summary.steps_skipped} skipped"
    took = fmt_clock(summary.actual_seconds, up=False)
    if summary.finished:
        line = f"Finished '{summary.routine}' in {took}: {done}."
    else:
        line = f"Stopped '{summary.routine}' after {took}: {done}."
    if options.no_save:
        _say(console, line + " Not saved (--no-save).")
        return
    from footback.core.paths import db_path
    from footback.records.db import open_store
    from footback.records.stretch_sessions import save_session

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
    _say(console, line + " Saved to your history.")
    _say_where(console, db_path(env.data_dir))
