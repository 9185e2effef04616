"""`footback log`: a routine done away from the terminal, recorded so that it counts.

A logged session is stored like a finished one (every step done), so history, progress, the plan's
review, `due`, the streak and the report count it with no rule of their own; its `logged` mark says
the minutes were told, not timed.
"""

from __future__ import annotations

from datetime import date, datetime, time
from pathlib import Path
from typing import TYPE_CHECKING

from pydantic import Field

from footback.core.errors import BadInputError
from footback.core.models import PLAN_NAME, StrictModel

if TYPE_CHECKING:
    from footback.core.runtime import Runtime
    from footback.stretch.routine_file import Routine

MIN_MINUTES = 1
# Longer than any routine played twice over: a typo (90 for 9 is fine; 900 is not) is refused.
MAX_MINUTES = 180
# A past day's session is stored at its local noon: a clock change since then moves it an hour,
# never onto another day.
NOON = time(12, 0)


class LogRequest(StrictModel):
    """What `footback log` was given."""

    routine: str
    day: str | None = None
    minutes: int | None = None


class LoggedSession(StrictModel):
    """What was stored."""

    routine: str
    day: date
    minutes: int
    steps: int
    logged: bool = True
    # A warning sign that still waits for a clinician: when it was reported, and its names.
    waiting_since: date | None = Field(default=None, exclude=True)
    waiting_signs: list[str] = Field(default=[], exclude=True)


def check_minutes(minutes: int | None, routine: Routine) -> int:
    """--minutes as given (1-180), else the routine's own length in whole minutes."""
    if minutes is None:
        return max(MIN_MINUTES, round(routine.total_seconds() / 60))
    if not MIN_MINUTES <= minutes <= MAX_MINUTES:
        raise BadInputError(
            f"--minutes: {minutes} is out of range; use a whole number from {MIN_MINUTES} to {MAX_MINUTES}"
        )
    return minutes


def _routine(folder: Path, name: str) -> Routine:
    """A catalogue routine or the saved plan, by the name `stretch --routine` takes."""
    from footback.core.paths import plan_path
    from footback.stretch import catalogue

    if name != PLAN_NAME:
        known = [*catalogue.names(), PLAN_NAME]
        if name not in known:
            from footback.core.suggest import did_you_mean
            from footback.core.text import quoted

            raise BadInputError(
                f"unknown routine {quoted(name)}{did_you_mean(name, known)} (routines: {', '.join(known)})"
            )
        return catalogue.load_builtin(name)
    path = plan_path(folder)
    if not path.is_file():
        raise BadInputError(
            "there is no saved plan yet: run `footback plan` to make one, or log a routine by name"
        )
    # Read as a file, not through the player's gate: a record of what was done is not advice.
    return catalogue.load_file(path)


def stamp_for(day: date, now: datetime) -> datetime:
    """When a session logged for `day` is stored: now for today, else that day's local noon."""
    return now if day == now.date() else datetime.combine(day, NOON, tzinfo=now.tzinfo)


def log_session(env: Runtime, request: LogRequest) -> LoggedSession:
    """Check the request (nothing is stored when any part is wrong), then store the session."""
    from footback.assess.gate import open_gate
    from footback.daily.checkin import parse_day
    from footback.records.db import open_store
    from footback.records.stretch_sessions import save_logged

    now = env.clock.now()
    day = parse_day(request.day, now.date(), "a logged session")
    routine = _routine(env.data_dir, request.routine)
    minutes = check_minutes(request.minutes, routine)
    with open_store(env.data_dir) as store:
        save_logged(
            store,
            routine.name,
            stamp_for(day, now),
            routine.total_seconds(),
            minutes * 60.0,
            len(routine.steps),
        )
        gate = open_gate(store)
    since = None if gate is None else gate.reported_at.astimezone(now.tzinfo).date()
    signs = [] if gate is None else [sign.name for sign in gate.signs]
    return LoggedSession(
        routine=request.routine,
        day=day,
        minutes=minutes,
        steps=len(routine.steps),
        waiting_since=since,
        waiting_signs=signs,
    )
