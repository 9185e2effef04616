"""Today's facts, read from the store (never creating it): a warning sign waiting for a clinician,
the day's routines and check-in (done, due or later), the last check-in and the pain trend, the
plan's level, and the one next command.

Each fact comes from the reader that owns it (the gate, the reminder slots, progress), so the
screen never disagrees with `due`, `progress` or `plan`.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, time
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from footback.core.models import StrictModel

if TYPE_CHECKING:
    from footback.assess.gate import OpenGate
    from footback.daily.progress import Progress
    from footback.daily.remind import DaySlot
    from footback.records.db import Store
    from footback.today.content import NextStep, NextSteps

ItemState = Literal["done", "due", "later", "waiting"]
CHECKIN = "check-in"


class DayItem(StrictModel):
    what: str  # "morning routine", "check-in"
    routine: str | None  # the routine's name (None for the check-in)
    at: time  # due from
    state: ItemState


class WarningWait(StrictModel):
    since: date
    triage: str  # emergency or urgent (footback.core.safety)
    signs: list[str]


class LastCheckin(StrictModel):
    day: date
    foot: int
    back: int


class PainTrend(StrictModel):
    foot: str  # a progress verdict: better, worse, no clear change, too little data
    back: str


class PlanBrief(StrictModel):
    saved: bool
    level: int | None = None
    next_review: date | None = None

    def review_due(self, today: date) -> bool:
        """The plan's review falls due on or before `today`."""
        return self.next_review is not None and self.next_review <= today


class NextCommand(StrictModel):
    command: str
    why: str


class Today(StrictModel):
    today: date
    first_step: bool  # nothing assessed yet: the next command is the assessment
    warning_sign: WarningWait | None = None
    items: list[DayItem] = []
    last_checkin: LastCheckin | None = None
    pain_trend: PainTrend | None = None
    streak_days: int = 0
    plan: PlanBrief = PlanBrief(saved=False)
    next: NextCommand


def read_today(folder: Path, now: datetime) -> Today:
    """Today's facts at `now` (local); a first step when nothing is assessed yet."""
    from footback.records.db import open_existing_store
    from footback.today.content import load_today_content

    steps = load_today_content().next
    store = open_existing_store(folder)
    if store is None:
        return _first_step(now, steps)
    with store:
        return _from_store(store, folder, now, steps)


def _first_step(now: datetime, steps: NextSteps) -> Today:
    return Today(today=now.date(), first_step=True, next=_step(steps.assess))


def _from_store(store: Store, folder: Path, now: datetime, steps: NextSteps) -> Today:
    from footback.assess.gate import open_gate
    from footback.core.paths import plan_path
    from footback.daily.practice import routines_done
    from footback.daily.progress_service import read_progress
    from footback.plan.content import review_days
    from footback.records.assessments import count_assessments
    from footback.records.checkins import checkin_on, latest_before

    if count_assessments(store) == 0:
        return _first_step(now, steps)
    today = now.date()
    gate = open_gate(store)
    saved = plan_path(folder).is_file()
    items = day_items(
        _slots(saved), now, routines_done(store, now), checkin_on(store, today) is not None, gate is not None
    )
    progress = read_progress(store, now, review_days=review_days())
    last = latest_before(store, date.fromordinal(today.toordinal() + 1))
    plan = PlanBrief(saved=saved, level=progress.plan.level, next_review=progress.plan.next_review)
    return Today(
        today=today,
        first_step=False,
        warning_sign=_wait(gate, now),
        items=items,
        last_checkin=None if last is None else LastCheckin(day=last.day, foot=last.foot, back=last.back),
        pain_trend=_trend(progress) if last is not None else None,
        streak_days=progress.practice.streak_days,
        plan=plan,
        next=next_command(items, gate is not None, plan, today, steps),
    )


def _slots(plan_saved: bool) -> tuple[list[DaySlot], bool]:
    from footback.daily.content import load_daily_content
    from footback.daily.remind import day_slots

    rule = load_daily_content().remind
    return day_slots(rule, plan_saved=plan_saved), rule.checkin_after_last


def _wait(gate: OpenGate | None, now: datetime) -> WarningWait | None:
    if gate is None:
        return None
    since = gate.reported_at.astimezone(now.tzinfo).date()
    return WarningWait(since=since, triage=gate.triage, signs=[s.name for s in gate.signs])


def _trend(progress: Progress) -> PainTrend:
    return PainTrend(foot=progress.foot_pain.verdict, back=progress.back_pain.verdict)


def day_items(
    slots: tuple[Sequence[DaySlot], bool],
    now: datetime,
    done: set[str],
    checked_in: bool,
    waiting: bool,
) -> list[DayItem]:
    """The day's routines (one per slot) and the check-in, each done, due now, later or waiting.

    The states are `due`'s own list (daily.remind.due_schedule, due_at), so the screen and `due`
    cannot disagree: a routine is due from its slot's time until a session of it counts today."""
    from footback.daily.remind import checkin_time, due_at, due_schedule

    day_slots, checkin_after_last = slots
    schedule = due_schedule(day_slots, done, checked_in, checkin_after_last)
    pending = {what for _, what in schedule}
    due_now = set(due_at(schedule, now.time()))

    def state_of(what: str) -> ItemState:
        return "done" if what not in pending else "due" if what in due_now else "later"

    items: list[DayItem] = []
    for slot in day_slots:
        if any(item.routine == slot.routine for item in items):
            continue
        what = f"{slot.routine} routine"
        state = state_of(what)
        if waiting and state != "done":
            state = "waiting"
        items.append(DayItem(what=what, routine=slot.routine, at=slot.at, state=state))
    at = checkin_time(day_slots, checkin_after_last)
    items.append(DayItem(what=CHECKIN, routine=None, at=at, state=state_of(CHECKIN)))
    return items


def routine_due_now(items: Sequence[DayItem]) -> str | None:
    """The routine to play now: of those due, the one whose slot began last. In the evening the
    plan's routine (18:30) comes before a morning routine that was missed: the day is there now,
    and `due` still lists the missed one."""
    due = [item for item in items if item.state == "due" and item.routine is not None]
    return max(due, key=lambda item: item.at).routine if due else None


def _step(step: NextStep, **values: str) -> NextCommand:
    return NextCommand(command=step.command.format(**values), why=step.why.format(**values))


def next_command(
    items: Sequence[DayItem], waiting: bool, plan: PlanBrief, today: date, steps: NextSteps
) -> NextCommand:
    """The one next command, tried in order: the clinician, the plan, a routine due, the check-in,
    the plan's review, the next routine later today, and when all is done, progress."""
    due = [item for item in items if item.state == "due"]
    if waiting:
        return _step(steps.gate)
    if not plan.saved:
        return _step(steps.plan)
    routine = routine_due_now(items)
    if routine is not None:
        return _step(steps.routine, routine=routine)
    if any(item.routine is None for item in due):
        return _step(steps.checkin)
    if plan.review_due(today):
        return _step(steps.review)
    later = next((item for item in items if item.state == "later" and item.routine is not None), None)
    if later is not None and later.routine is not None:
        return _step(steps.later, routine=later.routine, at=f"{later.at:%H:%M}")
    return _step(steps.done)
