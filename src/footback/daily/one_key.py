"""One-key offers (Enter accepts, n skips): one raw key through the run's key reader on a
terminal, a typed line when the output is not a terminal (the answer would not be seen there).

The keys are the player's (`footback.stretch.keys`): Enter accepts; n, q, Esc and Ctrl-D skip;
any other key is ignored, so a stray letter is never taken as an answer.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from footback.core.runtime import Runtime

if TYPE_CHECKING:
    from rich.console import Console

    from footback.stretch.player import KeySource

# Seconds without a key before an offer is left as skipped: a terminal whose input has ended
# never keeps footback waiting for ever. Keys are read in waits of POLL seconds.
GIVE_UP = 600.0
POLL = 1.0
# An Enter this soon after n (or q) ends an "n" typed out of habit as a line: it is dropped, so it
# never accepts the offer that comes next.
HABIT_ENTER = 0.5


def offer_one_key(env: Runtime, console: Console, prompt: str, say_again: Callable[[], None]) -> bool:
    """`prompt` shown, then True for Enter, False for n (or q, Esc, Ctrl-D, no key in GIVE_UP);
    `say_again` is said when a typed line is neither."""
    if not (env.stdin_tty and env.stdout_tty):
        from footback.render.console import plain_input

        return _yes_or_skip(lambda: plain_input(console, prompt), say_again)
    console.print(prompt, end="", markup=False, highlight=False)
    accepted = _one_key(env)
    console.print()  # the key is not echoed: the next line starts under the prompt
    return accepted


def _one_key(env: Runtime) -> bool:
    from footback.stretch.player import Key

    clock = env.clock
    until = clock.monotonic() + GIVE_UP
    with env.open_keys(False) as keys:
        while clock.monotonic() < until:
            key = keys.read(POLL)
            if key is Key.ENTER:
                return True
            if key in (Key.SKIP, Key.STOP):
                _drop_habit_enter(env, keys)
                return False
    return False


def _drop_habit_enter(env: Runtime, keys: KeySource) -> None:
    """Waits up to HABIT_ENTER for the Enter of "n⏎" and drops it (a key read in that moment,
    whatever it is, ends the wait and is dropped)."""
    clock = env.clock
    until = clock.monotonic() + HABIT_ENTER
    while (left := until - clock.monotonic()) > 0:
        if keys.read(left) is not None:
            return


def _yes_or_skip(ask: Callable[[], str], say_again: Callable[[], None]) -> bool:
    """A typed line: Enter (or y/yes) accepts, n/no skips; input ending (Ctrl-D) skips; anything
    else asks again."""
    from footback.content.questions import NO, YES

    while True:
        try:
            reply = ask().strip().lower()
        except EOFError:
            return False
        if reply == "" or reply in YES:
            return True
        if reply in NO:
            return False
        say_again()
