"""Settling the plan's level: the first level, a hand-set one, or the weekly review's decision."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from footback.core.dates import next_due
from footback.core.text import safe_line
from footback.models.plan_change import PlanChange
from footback.plan.progression import ReviewFacts, check_level, find_flare, review

if TYPE_CHECKING:
    from collections.abc import Collection

    from footback.plan.build import Plan
    from footback.plan.content import Dose, Progression
    from footback.records.db import Store


@dataclass(frozen=True)
class LevelState:
    level: int
    dose: Dose
    top: int
    next_review: date
    reason: str
    changed: PlanChange | None  # the change made now, if any


def _facts(
    store: Store, now: datetime, level: int, top: int, after: datetime, rule: Progression
) -> ReviewFacts:
    """What the review looks at; check-ins saved after `after` (the last review) are the news."""
    from footback.daily.content import load_daily_content
    from footback.daily.progress_service import read_progress
    from footback.records.checkins import checkins_saved_after

    daily = load_daily_content()
    # The news and the week before each piece of it: all `find_flare` looks at.
    checkins = checkins_saved_after(store, after, days_before=7)
    result = read_progress(store, now, review_days=rule.review_days)
    return ReviewFacts(
        level=level,
        top=top,
        recent_checkins=result.foot_pain.now_checkins,
        min_checkins=daily.pain.min_checkins,
        sessions=result.practice.sessions_per_week,
        target=result.practice.target_per_week,
        foot=result.foot_pain,
        back=result.back_pain,
        flare=find_flare(checkins, after, rule.flare_points),
        warning_sign=any(c.warning_signs for c in checkins if c.created_at > after),
        held=_held(store, now, rule.review_days),
    )


def _day(change: PlanChange, now: datetime) -> date:
    from footback.records.plan_changes import change_day

    return change_day(change, now)


def _held(store: Store, now: datetime, review_days: int) -> tuple[date, date] | None:
    """(the day the level was set, the first day it may move again) within a review period of it."""
    from footback.records.plan_changes import newest_changes

    moves = newest_changes(store, 1, actions=("start", "up", "back", "manual"))
    if not moves:
        return None
    set_on = _day(moves[-1], now)
    free = next_due(set_on, now.date(), timedelta(days=review_days))
    return (set_on, free) if now.date() < free else None


def settle_level(
    store: Store, rule: Progression, *, now: datetime, age: int | None, review_now: bool, manual: int | None
) -> LevelState:
    """The level to build the plan at; stores a change when one is made (reviews that stay too)."""
    from footback.records.plan_changes import latest_change, save_change

    ladder = rule.ladder(age)
    top = len(ladder)
    latest = latest_change(store, now.date())
    change: PlanChange | None = None
    if manual is not None:
        level = check_level(manual, top)
        previous = latest.level if latest else None
        change = PlanChange(now, "manual", level, previous, rule.reasons.manual.format(level=level))
    elif latest is None:
        change = PlanChange(now, "start", 1, None, rule.reasons.start)
    else:
        current = min(latest.level, top)  # an older person's ladder is shorter
        due = next_due(_day(latest, now), now.date(), timedelta(days=rule.review_days))
        if review_now or now.date() >= due:
            action, level, reason = review(
                _facts(store, now, current, top, latest.created_at, rule), rule.reasons
            )
            change = PlanChange(now, action, level, current, reason)
    if change is not None:
        save_change(store, change)
    state = change or latest
    assert state is not None  # a change was made, or there was one before
    level = min(max(state.level, 1), top)
    return LevelState(
        level=level,
        dose=ladder[level - 1],
        top=top,
        next_review=next_due(_day(state, now), now.date(), timedelta(days=rule.review_days)),
        reason=state.reason,
        changed=change,
    )


def level_for_plan(
    folder: Path,
    rule: Progression,
    *,
    now: datetime,
    age: int | None,
    review_now: bool,
    manual: int | None,
    save: bool,
) -> LevelState | None:
    """The level `footback plan` builds at. With --no-save nothing is reviewed or stored: a level
    given by hand is checked and shown as it would be set, the stored level otherwise."""
    from footback.records.db import open_store, read_store

    if save:
        with open_store(folder) as writable:
            return settle_level(writable, rule, now=now, age=age, review_now=review_now, manual=manual)
    ladder = rule.ladder(age)
    if manual is not None:
        level = check_level(manual, len(ladder))
        due = now.date() + timedelta(days=rule.review_days)
        reason = rule.reasons.manual.format(level=level)
        return LevelState(level, ladder[level - 1], len(ladder), due, reason, None)
    from footback.records.plan_changes import latest_change

    latest = read_store(folder, lambda store: latest_change(store, now.date()))
    if latest is None:
        return None
    level = min(max(latest.level, 1), len(ladder))
    due = next_due(_day(latest, now), now.date(), timedelta(days=rule.review_days))
    return LevelState(level, ladder[level - 1], len(ladder), due, latest.reason, None)


def progressing_in(made: Plan, progressing: Collection[str]) -> list[str]:
    """The plan's own steps whose dose the level sets, in the plan's order (for `level_line`)."""
    return [planned.step.name for planned in made.steps if planned.step.name in progressing]


def level_line(state: LevelState, steps: list[str]) -> str:
    """One line for the screen: the level, its dose, and when it is next reviewed.

    `steps` are the plan's own steps whose dose the level sets: naming a progressing stretch
    the plan does not have would send the person looking for it."""
    dose = f"{state.dose.hold} s x {state.dose.reps}"
    names = ", ".join(steps[:-1]) + f" and {steps[-1]}" if len(steps) > 1 else "".join(steps)
    what = f": {dose} for {names}" if steps else " (no step of this plan changes with the level)"
    return (
        f"Level {state.level} of {state.top}{what}. {safe_line(state.reason)} "
        f"Next review: {state.next_review} (or `footback plan --review`)."
    )
