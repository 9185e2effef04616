"""The function score's answers in an answers file: `psfs_activities` (up to 3 names) and
`psfs_ratings` (one whole number 0-10 each), both optional. The same activities are rated every
time: once named, `psfs_activities` may be left out, and different ones are refused."""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from typing import Any

from pydantic import Field

from footback.core.errors import BadInputError
from footback.core.models import StrictModel
from footback.core.text import excerpt
from footback.models.psfs import MAX_ACTIVITIES, MAX_ACTIVITY, RATING_MAX, RATING_MIN, activity_problem

ACTIVITIES = "psfs_activities"
RATINGS = "psfs_ratings"
KEYS = frozenset({ACTIVITIES, RATINGS})


class FunctionRule(StrictModel):
    """The function score (PSFS): when a change in its mean is real, and how often to re-rate."""

    meaningful_points: float = Field(gt=0, le=10)
    recheck_days: int = Field(ge=7, le=365)
    sources: list[str]
    title: str  # the step's name in its progress line ("Your activities · question 35 of about 35")
    activities_question: str
    activity_prompt: str
    offer: str
    rating_question: str
    not_understood: str
    saved: str
    rule: str


@cache
def load_function_rule() -> FunctionRule:
    """data/daily.toml's `[function]`: the rule and the wording (daily's loader checks its sources)."""
    from footback.content.loader import from_cache, read_toml

    if (kept := from_cache("function", FunctionRule)) is not None:
        return kept
    return FunctionRule.model_validate(read_toml("daily.toml")["function"])


def schema_properties() -> dict[str, Any]:
    """The two keys' JSON Schema, for `assess --schema` (they are not questions)."""
    return {
        ACTIVITIES: {
            "description": "Up to 3 activities your pain makes hard (optional; the same ones every time)",
            "type": "array",
            "items": {"type": "string", "minLength": 1, "maxLength": MAX_ACTIVITY},
            "minItems": 1,
            "maxItems": MAX_ACTIVITIES,
        },
        RATINGS: {
            "description": "One rating per activity, in the same order: 0 unable, 10 as before",
            "type": "array",
            "items": {"type": "integer", "minimum": RATING_MIN, "maximum": RATING_MAX},
            "minItems": 1,
            "maxItems": MAX_ACTIVITIES,
        },
    }


def function_step_words() -> str:
    """What the first rating's step shows before its first answer: its progress line's title,
    the question and the first activity's prompt (the interview's time estimate reads them)."""
    rule = load_function_rule()
    return f"{rule.title} {rule.activities_question} {rule.activity_prompt.format(number=1)}"


def ask_function(ask: Callable[[str], str], say: Callable[[str], None]) -> tuple[list[str], list[int]] | None:
    """The first rating: up to 3 activities (Enter ends the list; Enter first skips), then a
    rating of each. None when skipped."""
    rule = load_function_rule()
    say(rule.activities_question)
    names: list[str] = []
    while len(names) < MAX_ACTIVITIES:
        name = ask(rule.activity_prompt.format(number=len(names) + 1)).strip()
        if not name:
            break
        problem = activity_problem(name)
        if problem is None and name.casefold() in {n.casefold() for n in names}:
            problem = "is already named"
        if problem is not None:
            say(f"  Not understood: the name {problem}. Try again.")
            continue
        names.append(name)
    if not names:
        return None
    return names, [ask_rating(ask, say, rule, name) for name in names]


def ask_rating(ask: Callable[[str], str], say: Callable[[str], None], rule: FunctionRule, name: str) -> int:
    """One activity's rating, 0-10, asked again until it is one."""
    from footback.core.text import safe_line

    while True:
        raw = ask(rule.rating_question.format(activity=safe_line(name))).strip()
        if raw.isdigit() and RATING_MIN <= int(raw) <= RATING_MAX:
            return int(raw)
        say(rule.not_understood)


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
