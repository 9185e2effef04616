"""The function score's answers in an answers file: `psfs_activities` (up to 3 names) and
`psfs_ratings` (one whole number 0-10 each), both optional. The same activities are rated every
time: once named, `psfs_activities` may be left out, and different ones are refused."""

from __future__ import annotations

from typing import Any

from footback.core.errors import BadInputError
from footback.core.text import excerpt
from footback.models.psfs import MAX_ACTIVITIES, RATING_MAX, RATING_MIN, activity_problem

ACTIVITIES = "psfs_activities"
RATINGS = "psfs_ratings"
KEYS = frozenset({ACTIVITIES, RATINGS})


def without_function(raw: dict[str, Any]) -> dict[str, Any]:
    """The file's question answers: everything but the function score's keys."""
    return {k: v for k, v in raw.items() if k not in KEYS}


def function_input(
    raw: dict[str, Any], source: str, known: list[str] | None
) -> tuple[list[str], list[int]] | None:
    """The activities and ratings a file gives (None when it gives none); `known`: the activities
    already rated, which a file must rate again, not replace."""
    names, ratings = raw.get(ACTIVITIES), raw.get(RATINGS)
    if names is None and ratings is None:
        return None
    if names is None:
        if known is None:
            raise BadInputError(
                f"{source}: {RATINGS}: name the activities first ({ACTIVITIES} = [...], up to 3)"
            )
        names = known
    activities = _activities(names, source)
    if known is not None and activities != known:
        shown = ", ".join(excerpt(a) for a in known)
        raise BadInputError(
            f"{source}: {ACTIVITIES}: rate the same activities as before ({shown}), in that order"
        )
    if not isinstance(ratings, list) or len(ratings) != len(activities):
        raise BadInputError(
            f"{source}: {RATINGS}: give one rating for each of the {len(activities)} activities"
        )
    for rating in ratings:
        if isinstance(rating, bool) or not isinstance(rating, int) or not RATING_MIN <= rating <= RATING_MAX:
            allowed = f"a whole number from {RATING_MIN} to {RATING_MAX}"
            raise BadInputError(f"{source}: {RATINGS}: {excerpt(rating)} is not {allowed}")
    return activities, ratings


def _activities(names: object, source: str) -> list[str]:
    if not isinstance(names, list) or not 1 <= len(names) <= MAX_ACTIVITIES:
        raise BadInputError(f"{source}: {ACTIVITIES}: a list of 1 to {MAX_ACTIVITIES} activity names")
    for name in names:
        problem = activity_problem(name) if isinstance(name, str) else "is not text"
        if problem is not None:
            raise BadInputError(f"{source}: {ACTIVITIES}: {excerpt(name)} {problem}")
    if len({n.casefold() for n in names}) != len(names):
        raise BadInputError(f"{source}: {ACTIVITIES}: an activity is named twice")
    return list(names)
