"""The daily loop's rules and wording, loaded from data/daily.toml."""

from __future__ import annotations

from functools import cache

from pydantic import Field

from footback.assess.function_input import FunctionRule
from footback.core.models import StrictModel


class PainRule(StrictModel):
    meaningful_points: float = Field(gt=0, le=10)
    meaningful_percent: float = Field(gt=0, le=100)
    # Below this starting average the percentage alone is noise: the change must also reach
    # `low_start_points` points.
    low_start_below: float = Field(ge=0, le=10)
    low_start_points: float = Field(gt=0, le=10)
    sources: list[str]
    window_days: int = Field(ge=1, le=60)
    min_checkins: int = Field(ge=1, le=60)


class PracticeRule(StrictModel):
    target_sessions: int = Field(ge=1, le=100)
    target_days: int = Field(ge=1, le=60)
    sources: list[str]
    chart_days: int = Field(ge=7, le=120)

    @property
    def per_week(self) -> float:
        """The target as sessions per 7 days (6 in 14 days is 3 a week)."""
        return self.target_sessions * 7 / self.target_days


class DailyText(StrictModel):
    checkin_title: str
    last: str
    first: str
    foot_question: str
    back_question: str
    note_question: str
    # One question instead of the sign list and the note: the list (and the note) only on yes.
    new_question: str
    new_again: str
    signs_question: str
    replace_question: str
    kept: str
    saved: str
    replaced: str
    sign_saved: str
    offer: str
    offer_skipped: str
    association: str
    target_note: str
    change_rule: str
    logged: str
    logged_gate: str


class JumpRule(StrictModel):
    """A check-in whose pain is severe and well above the one before: advice to see a GP."""

    severe_at: int = Field(ge=1, le=10)
    jump_points: int = Field(ge=1, le=10)
    advice: str
    sources: list[str]

    def jumped(self, before: int, now: int) -> bool:
        return now >= self.severe_at and now - before >= self.jump_points


class Slot(StrictModel):
    at: str = Field(pattern=r"^([01][0-9]|2[0-3]):[0-5][0-9]$")
    routine: str = Field(min_length=1, max_length=40)
    why: str


class RemindRule(StrictModel):
    fallback_routine: str
    checkin_after_last: bool
    slots: list[Slot] = Field(min_length=1)
    summary: str
    description: str
    checkin_line: str
    due_gate: str


class DailyContent(StrictModel):
    pain: PainRule
    practice: PracticeRule
    function: FunctionRule
    jump: JumpRule
    text: DailyText
    remind: RemindRule


@cache
def load_daily_content() -> DailyContent:
    """data/daily.toml, validated, with every source id checked; every problem reported at once."""
    from footback.content.loader import ContentProblems, kept_or_loaded, sources

    def check(content: DailyContent) -> None:
        found = ContentProblems()
        for part in ("pain", "practice", "jump", "function"):
            cited = getattr(content, part).sources
            found.add(sources().missing(cited, f"data/daily.toml: {part}.sources"))
        found.raise_if_any()

    return kept_or_loaded("daily", DailyContent, "daily.toml", check)
