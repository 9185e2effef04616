"""The plan's content (data/plan.toml): the picks and how the dose steps up and back.

Its own module, apart from the builder: `progress` and the plan's review read the review period
without importing the builder and the routine and pregnancy models it needs (start-up).
"""

from __future__ import annotations

from functools import cache

from pydantic import Field

from footback.core.models import StrictModel

Levels = dict[str, list[str]]


class Pick(StrictModel):
    id: str
    routine: str
    steps: list[str] = []
    factors: list[str] = []
    levels: Levels = {}
    require: Levels = {}
    reason: str

    def applies(self, factor_ids: set[str], levels: dict[str, str]) -> bool:
        hit = bool(factor_ids & set(self.factors)) or any(
            levels.get(name) in allowed for name, allowed in self.levels.items()
        )
        return hit and all(levels.get(name) in allowed for name, allowed in self.require.items())


class Dose(StrictModel):
    hold: int = Field(ge=5, le=120)
    reps: int = Field(ge=1, le=10)


class ProgressionReasons(StrictModel):
    start: str
    up: str
    top: str
    worse: str
    flare: str
    bottom: str
    little_data: str
    below: str
    warning: str
    manual: str
    held: str


class Progression(StrictModel):
    """How the plan's dose steps up and back (data/plan.toml [progression])."""

    sources: list[str]
    review_days: int = Field(ge=1, le=60)
    older_age: int = Field(ge=18, le=120)
    flare_points: float = Field(gt=0, le=10)
    steps: list[str]
    levels: list[Dose] = Field(min_length=1)
    older_levels: list[Dose] = Field(min_length=1)
    reasons: ProgressionReasons

    def ladder(self, age: int | None) -> list[Dose]:
        """The levels for this person: longer holds for older adults, `older_age` and over (ACSM)."""
        return self.older_levels if age is not None and age >= self.older_age else self.levels


class PlanContent(StrictModel):
    order: list[str]
    description: str
    no_assessment: str
    declined: str
    saved: str
    not_saved: str
    rerun: str
    picks: list[Pick]
    fallback: Pick
    progression: Progression


@cache
def load_plan_content() -> PlanContent:
    from footback.content.loader import kept_or_loaded, sources

    def check(content: PlanContent) -> None:
        sources().check(content.progression.sources, "data/plan.toml: progression.sources")

    return kept_or_loaded("plan", PlanContent, "plan.toml", check)


def review_days() -> int:
    """The plan's review period in days (data/plan.toml), for whoever shows the next review."""
    return load_plan_content().progression.review_days
