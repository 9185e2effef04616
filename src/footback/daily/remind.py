"""What to remind of and when: the day's slots from data/daily.toml, `--at`/`--routine` overrides,
and what is still due at a given moment (for `footback due`)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import time
from typing import NamedTuple

from footback.core.errors import BadInputError
from footback.core.models import PLAN_NAME
from footback.core.suggest import did_you_mean
from footback.core.text import quoted
from footback.daily.content import RemindRule
from footback.daily.ics import Reminder, parse_at

PLAN_SLOT = "{plan}"


class DaySlot(NamedTuple):
    at: time
    routine: str
    why: str


def day_slots(rule: RemindRule, *, plan_saved: bool) -> list[DaySlot]:
    """The configured slots with `{plan}` resolved: the saved plan, else the fallback routine."""
    resolved = PLAN_NAME if plan_saved else rule.fallback_routine
    return [
        DaySlot(parse_at(s.at), resolved if s.routine == PLAN_SLOT else s.routine, s.why) for s in rule.slots
    ]


def check_routine(name: str, known: Sequence[str]) -> str:
    if name not in known:
        extra = did_you_mean(name, known)
        raise BadInputError(
            f"--routine: no routine named {quoted(name[:40])}{extra} (routines: {', '.join(known)})"
        )
    return name


def chosen_slots(
    rule: RemindRule, *, at: Sequence[str], routine: str | None, plan_saved: bool, known: Sequence[str]
) -> list[DaySlot]:
    """`--at` times (with `--routine`, else the plan or the fallback), or the configured slots."""
    if routine is not None:
        check_routine(routine, known)
    if at:
        name = routine or (PLAN_NAME if plan_saved else rule.fallback_routine)
        times = sorted({parse_at(text) for text in at})
        return [DaySlot(t, name, "your reminder") for t in times]
    slots = day_slots(rule, plan_saved=plan_saved)
    return [DaySlot(s.at, routine, s.why) for s in slots] if routine else slots


def reminders(rule: RemindRule, slots: Sequence[DaySlot], minutes_of: Callable[[str], int]) -> list[Reminder]:
    """One reminder per slot; the last one also asks for the check-in."""
    made = []
    for index, slot in enumerate(slots):
        text = rule.description.format(routine=slot.routine, why=slot.why)
        if index == len(slots) - 1 and rule.checkin_after_last:
            text += "\n" + rule.checkin_line
        made.append(
            Reminder(
                at=slot.at,
                routine=slot.routine,
                summary=rule.summary.format(routine=slot.routine),
                description=text,
                minutes=minutes_of(slot.routine),
            )
        )
    return made


def checkin_time(slots: Sequence[DaySlot], checkin_after_last: bool) -> time:
    """When the day's check-in falls due: from the last slot's time when so configured, else at once."""
    return max((s.at for s in slots), default=time(0)) if checkin_after_last else time(0)


def due_schedule(
    slots: Sequence[DaySlot], done_today: set[str], checked_in: bool, checkin_after_last: bool
) -> list[tuple[time, str]]:
    """Everything still to do today with the time it falls due, in `due`'s order: each slot whose
    routine was not played today, and the check-in (from the last slot's time, when so configured).
    The shell prompt's state file is this list (daily/prompt_state.py)."""
    items = [(s.at, f"{s.routine} routine") for s in slots if s.routine not in done_today]
    if not checked_in:
        items.append((checkin_time(slots, checkin_after_last), "check-in"))
    return items


def due_at(schedule: Sequence[tuple[time, str]], clock: time) -> list[str]:
    """The items of `schedule` due by `clock`, each named once."""
    return list(dict.fromkeys(text for at, text in schedule if at <= clock))
