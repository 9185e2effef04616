"""The function score (Patient-Specific Functional Scale) as pure functions: the first rating set
against the latest, judged by the minimal important difference in data/daily.toml."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from footback.assess.function_input import FunctionRule
from footback.core.floats import reaches
from footback.core.models import ChangeVerdict, StrictModel
from footback.models.psfs import PsfsRating


class FunctionChange(StrictModel):
    """The function score at the start and now, its change and verdict, and the sentence that
    says how it is judged (with its citations)."""

    activities: list[str]
    start: float | None
    start_day: date | None
    now: float | None
    now_day: date | None
    change: float | None
    verdict: ChangeVerdict
    ratings: int
    next_due: date | None
    rule: str


def judge_function(start: float, now: float, rule: FunctionRule) -> ChangeVerdict:
    """Better or worse only when the mean moved by at least the minimal important difference;
    a higher score is better function."""
    change = now - start
    if not reaches(abs(change), rule.meaningful_points) or change == 0:
        return "no clear change"
    return "better" if change > 0 else "worse"


def function_change(
    ratings: Sequence[PsfsRating], rule: FunctionRule, sentence: str
) -> FunctionChange | None:
    """The first rating set against the latest (None when nothing is rated yet).

    The start is the first set; later sets count when they rate the same activities."""
    if not ratings:
        return None
    first = ratings[0]
    same = [r for r in ratings if r.activities == first.activities]
    return function_span(first, same[-1], len(same), rule, sentence)


def function_span(
    first: PsfsRating, latest: PsfsRating, sets: int, rule: FunctionRule, sentence: str
) -> FunctionChange:
    """`function_change` from what it needs of the sets (`records.psfs.rating_span`): the first,
    the latest rating the same activities, and how many rate them (the first included)."""
    enough = sets > 1
    return FunctionChange(
        activities=first.activities,
        start=first.mean,
        start_day=first.day,
        now=latest.mean if enough else None,
        now_day=latest.day if enough else None,
        change=latest.mean - first.mean if enough else None,
        verdict=judge_function(first.mean, latest.mean, rule) if enough else "too little data",
        ratings=sets,
        next_due=latest.day + timedelta(days=rule.recheck_days),
        rule=sentence,
    )


def recheck_due(ratings: Sequence[PsfsRating], today: date, rule: FunctionRule) -> bool:
    """Whether the activities are due to be rated again: `recheck_days` or more since the last set."""
    return bool(ratings) and (today - ratings[-1].day).days >= rule.recheck_days
