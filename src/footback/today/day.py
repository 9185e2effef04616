"""The day from today's screen, one key away (issue 24: a normal day in at most 10 keystrokes).

On a terminal, after the screen is drawn: Enter starts the check-in when it is due, and then
plays the routine due now (`_still_play`: not after a new warning sign; asked again after advice
on a jump in pain); n, q or Esc leave the screen as it is. A new user is offered the assessment
the same way. Nothing is offered in a pipe, with `--json`, or while a warning sign waits for a
clinician (the screen's first line is the clinician then).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from footback.core.runtime import Runtime
from footback.today.facts import Today, routine_due_now

if TYPE_CHECKING:
    from rich.console import Console

    from footback.daily.checkin_flow import CheckinOutcome
    from footback.today.content import DayText


@dataclass(frozen=True)
class DaySteps:
    """What Enter on today's screen starts: the check-in, then a routine (None: none due)."""

    checkin: bool
    routine: str | None

    @property
    def any(self) -> bool:
        return self.checkin or self.routine is not None


def day_steps(today: Today) -> DaySteps:
    """The check-in when it is due, and the routine due now that the Next line names
    (`facts.routine_due_now`, once a plan is saved: `facts.next_command`'s order)."""
    if today.first_step or today.warning_sign is not None:
        return DaySteps(checkin=False, routine=None)
    due = [item for item in today.items if item.state == "due"]
    routine = routine_due_now(today.items)
    return DaySteps(
        checkin=any(item.routine is None for item in due),
        routine=routine if today.plan.saved else None,
    )


@dataclass(frozen=True)
class DayRequest:
    """How today's screen was asked for, how a routine is played (`footback stretch --routine
    NAME` with the person's settings) and the assessment started (`footback assess`): the command
    line builds both."""

    play: Callable[[str], None]
    assess: Callable[[], None]
    no_color: bool = False


def offer_day(env: Runtime, today: Today, request: DayRequest) -> None:
    """On a terminal: the day's steps offered with one key, then done in order."""
    from footback.today.content import load_today_content

    if not (env.stdin_tty and env.stdout_tty):
        return
    text = load_today_content().day
    console = env.console(no_color=request.no_color)
    if today.first_step:
        _offer_assessment(env, console, text, request)
        return
    steps = day_steps(today)
    if not steps.any:
        return
    routine = steps.routine
    if steps.checkin and routine is not None:
        prompt = text.both.format(routine=routine)
    elif steps.checkin:
        prompt = text.checkin
    else:
        prompt = text.routine.format(routine=routine)
    console.print()
    if not _one_key(env, console, prompt):
        return
    if steps.checkin:
        said = _check_in(env, request)
        if routine is None or not _still_play(env, console, text, said, routine):
            return
    if routine is not None:
        request.play(routine)


def _offer_assessment(env: Runtime, console: Console, text: DayText, request: DayRequest) -> None:
    """A new user's first step, offered as the day's steps are."""
    console.print()
    if _one_key(env, console, text.assess):
        request.assess()
    else:
        console.print(text.assess_later, markup=False, highlight=False)


def _still_play(env: Runtime, console: Console, text: DayText, said: CheckinOutcome, routine: str) -> bool:
    """After the check-in, the routine the person said yes to plays without a second ask (its start
    screen is the chance to stop), except after a new warning sign (the routines wait for a
    clinician: not played) or advice on a jump in pain (asked again: the yes came before it)."""
    if said.urgent is not None:
        console.print(text.after_sign.format(routine=routine), markup=False, highlight=False)
        return False
    if said.jump is not None and not _one_key(env, console, text.after_checkin.format(routine=routine)):
        console.print(text.later.format(routine=routine), markup=False, highlight=False)
        return False
    return True


def _one_key(env: Runtime, console: Console, prompt: str) -> bool:
    from footback.daily.one_key import offer_one_key

    # Only ever asked on a terminal, so a key is read, never a line to say "again" after.
    return offer_one_key(env, console, prompt, lambda: None)


def _check_in(env: Runtime, request: DayRequest) -> CheckinOutcome:
    """`footback checkin` as typed on its own: asked, stored, and the saved line said."""
    from footback.daily.checkin_flow import CheckinRequest, checkin_console, render_outcome, run_checkin

    asked = CheckinRequest(no_color=request.no_color)
    outcome = run_checkin(env, asked)
    render_outcome(checkin_console(env, asked), outcome)
    return outcome
