"""The plan's dose levels and the weekly review, as pure functions.

On target and pain not worse: up one level. Pain worse by a meaningful amount, or a flare: back
one level. Too little data, or below target: stay. A warning sign stops progression. Within a
week of a level change the same days would be counted again (`plan --review` twice in a row), so
only a new flare or a new warning sign moves the level then.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from statistics import fmean
from typing import TYPE_CHECKING

from footback.core.errors import BadInputError
from footback.core.floats import reaches
from footback.models.plan_change import Action

if TYPE_CHECKING:
    from footback.daily.pain import PainChange
    from footback.models.checkin import CheckIn
    from footback.plan.build import Plan
    from footback.plan.content import Dose, ProgressionReasons

PARTS = ("foot", "back")


@dataclass(frozen=True)
class Flare:
    day: date
    part: str
    score: int
    jump: float


@dataclass(frozen=True)
class ReviewFacts:
    """What a review looks at, gathered by the caller."""

    level: int
    top: int
    recent_checkins: int
    min_checkins: int
    sessions: int
    target: float
    foot: PainChange
    back: PainChange
    flare: Flare | None
    warning_sign: bool
    # When the level was set less than a review period ago: (the day it was set, the first day it
    # may step up or back again for practice or a worse trend).
    held: tuple[date, date] | None = None


def find_flare(checkins: Sequence[CheckIn], after: datetime, points: float) -> Flare | None:
    """The first check-in saved after `after` (the last review) whose pain is `points` above the
    mean of the week before it. A check-in an earlier review has seen is never counted again."""
    ordered = sorted(checkins, key=lambda c: c.day)
    for checkin in ordered:
        if checkin.created_at <= after:
            continue
        week = [c for c in ordered if checkin.day - timedelta(days=7) <= c.day < checkin.day]
        if not week:
            continue
        for part in PARTS:
            before = fmean(getattr(c, part) for c in week)
            score = int(getattr(checkin, part))
            if reaches(score - before, points):
                return Flare(day=checkin.day, part=part, score=score, jump=round(score - before, 1))
    return None


def review(facts: ReviewFacts, reasons: ProgressionReasons) -> tuple[Action, int, str]:
    """The weekly decision: (action, new level, reason)."""
    level = facts.level
    if facts.warning_sign:
        return "stop", level, reasons.warning
    worse = next(
        (p for p, c in zip(PARTS, (facts.foot, facts.back), strict=True) if c.verdict == "worse"), None
    )
    if facts.held is not None and facts.flare is None:
        worse = None  # the trend was already acted on at the last change; only news counts
    if worse is not None or facts.flare is not None:
        if level <= 1:
            return "stay", 1, reasons.bottom
        if facts.flare is not None:
            f = facts.flare
            return (
                "back",
                level - 1,
                reasons.flare.format(level=level - 1, day=f.day, part=f.part, score=f.score, jump=f.jump),
            )
        change = (facts.foot if worse == "foot" else facts.back).change or 0.0
        return "back", level - 1, reasons.worse.format(level=level - 1, part=worse, change=change)
    if facts.recent_checkins < facts.min_checkins:
        return "stay", level, reasons.little_data.format(level=level, needed=facts.min_checkins)
    if not reaches(facts.sessions, facts.target):
        return "stay", level, reasons.below.format(level=level, sessions=facts.sessions, target=facts.target)
    if level >= facts.top:
        return "stay", level, reasons.top.format(level=level)
    if facts.held is not None:
        return "stay", level, reasons.held.format(level=level, day=facts.held[0], next=facts.held[1])
    return "up", level + 1, reasons.up.format(level=level + 1, sessions=facts.sessions, target=facts.target)


def check_level(level: int, top: int) -> int:
    """`--level N` must be one of the person's levels."""
    if not 1 <= level <= top:
        raise BadInputError(f"--level: {level} is not a level; use 1 to {top}")
    return level


def apply_dose(plan: Plan, dose: Dose, steps: Sequence[str]) -> Plan:
    """The plan with the level's hold and repetitions on its progressing stretches."""
    from dataclasses import replace

    changed = []
    for planned in plan.steps:
        step = planned.step
        if step.name in steps:
            cues = [c for c in step.cues if c.at < dose.hold]
            step = step.model_copy(update={"seconds": dose.hold, "reps": dose.reps, "cues": cues})
        changed.append(replace(planned, step=step))
    return replace(plan, steps=changed)
