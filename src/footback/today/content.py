"""The today screen's wording, loaded from data/today.toml."""

from __future__ import annotations

from functools import cache

from footback.core.models import StrictModel


class TodayText(StrictModel):
    title: str
    welcome: str
    gate: str
    emergency: str
    today: str
    done: str
    due: str
    later: str
    waiting: str
    nothing: str
    last: str
    trend: str
    no_trend: str
    no_checkin: str
    plan: str
    plan_review_due: str
    plan_unsaved: str
    streak: str
    next: str


class NextStep(StrictModel):
    command: str
    why: str


class NextSteps(StrictModel):
    assess: NextStep
    gate: NextStep
    plan: NextStep
    routine: NextStep
    checkin: NextStep
    review: NextStep
    later: NextStep
    done: NextStep


class FirstRunText(StrictModel):
    heading: str
    steps: list[str]
    keys: str
    again: str
    plan_question: str
    plan_saved: str
    plan_skipped: str
    remind_question: str
    remind_written: str
    remind_skipped: str
    after: str


class DayText(StrictModel):
    """Today's screen's one-key offer of the day's steps (`today.day`)."""

    assess: str
    assess_later: str
    both: str
    checkin: str
    routine: str
    after_checkin: str
    after_sign: str
    later: str


class TodayContent(StrictModel):
    text: TodayText
    next: NextSteps
    first_run: FirstRunText
    day: DayText


@cache
def load_today_content() -> TodayContent:
    """data/today.toml, validated; every problem reported at once."""
    from footback.content.loader import kept_or_loaded

    return kept_or_loaded("today", TodayContent, "today.toml")
