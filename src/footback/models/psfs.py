"""One Patient-Specific Functional Scale rating set as the store keeps it (table `psfs_ratings`).

The person names up to 3 activities their pain makes hard and rates each from 0 (unable) to 10
(as before the problem); the score is the mean (Stratford 1995). A later set rates the same
activities again.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

from pydantic import Field, model_validator

from footback.core.models import StrictModel
from footback.core.text import text_problem

RATING_MIN = 0
RATING_MAX = 10
MAX_ACTIVITIES = 3
MAX_ACTIVITY = 80  # characters in one activity's name


def activity_problem(name: str) -> str | None:
    """Why `name` cannot be an activity's name (None when it can): the rule for saving and import."""
    problem = text_problem(name, max_length=MAX_ACTIVITY)
    if problem is None and name != name.strip():
        return "has spaces at the start or end"
    return problem


class PsfsRating(StrictModel):
    """One rating set: the activities, each one's rating, the day it was rated."""

    day: date
    activities: list[str] = Field(min_length=1, max_length=MAX_ACTIVITIES)
    ratings: list[int] = Field(min_length=1, max_length=MAX_ACTIVITIES)
    created_at: datetime

    @model_validator(mode="after")
    def _fits(self) -> PsfsRating:
        if len(self.ratings) != len(self.activities):
            raise ValueError("needs one rating per activity")
        for rating in self.ratings:
            if not RATING_MIN <= rating <= RATING_MAX:
                raise ValueError(f"a rating is a whole number from {RATING_MIN} to {RATING_MAX}")
        for name in self.activities:
            if (problem := activity_problem(name)) is not None:
                raise ValueError(f"activity {problem}")
        if len({a.casefold() for a in self.activities}) != len(self.activities):
            raise ValueError("names an activity twice")
        return self

    @classmethod
    def rated_now(cls, now: datetime, activities: list[str], ratings: list[int]) -> PsfsRating:
        """A set rated at `now`: its day is now's local day, its stamp now in UTC."""
        return cls(day=now.date(), activities=activities, ratings=ratings, created_at=now.astimezone(UTC))

    @property
    def mean(self) -> float:
        """The score: the mean of the ratings, 0-10."""
        return sum(self.ratings) / len(self.ratings)
