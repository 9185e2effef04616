"""Property tests over generated shoe answers: bounds and 'a worse answer never raises the score'."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from footback.content.questions import Answers, Question, Value
from footback.core.units import DistanceError, DistanceUnit, format_distance, parse_distance
from footback.models.shoe_check import VERDICTS
from footback.shoes.check import check_shoes
from footback.shoes.content import load_shoe_content

CONTENT = load_shoe_content()
QUESTIONS = CONTENT.questions.questions
TYPES = CONTENT.questions.question("shoe_type").values
# The kind of shoe is not better or worse in itself (it decides which rules apply), so it is held
# fixed within each example rather than ordered.
ORDERED = [q for q in QUESTIONS if q.id != "shoe_type"]


def value_for(question: Question) -> st.SearchStrategy[Any]:
    if question.kind == "bool":
        return st.booleans()
    if question.kind == "choice":
        return st.sampled_from(question.values)
    lo, hi = question.minimum or 0, question.maximum or 0
    if question.kind == "int":
        return st.integers(int(lo), int(hi))
    return st.floats(lo, hi, allow_nan=False)


@st.composite
def answers_strategy(draw: st.DrawFn) -> Answers:
    answers: Answers = {"shoe_type": draw(st.sampled_from(TYPES))}
    for q in ORDERED:
        answers[q.id] = draw(value_for(q))
    return answers


@st.composite
def worse_pair(draw: st.DrawFn, question: Question) -> tuple[Value, Value]:
    """Two answers to one question, the second at least as concerning as the first."""
    if question.kind == "bool":
        good = bool(question.no_problem)
        return good, not good
    if question.kind == "choice":
        a, b = draw(st.sampled_from(question.choices)), draw(st.sampled_from(question.choices))
        if a.concern > b.concern:
            a, b = b, a
        return a.value, b.value
    x, y = draw(value_for(question)), draw(value_for(question))
    low, high = min(x, y), max(x, y)
    return (low, high) if question.worse == "higher" else (high, low)


@settings(max_examples=300, deadline=None)
@given(answers_strategy())
def test_score_stays_between_0_and_100_and_matches_the_verdict_lines(answers: Answers) -> None:
    result = check_shoes(CONTENT, answers)
    assert 0 <= result.score <= 100
    assert result.score == max(0, 100 - sum(p.points for p in result.problems))
    banded = CONTENT.checks.verdict.for_score(result.score)
    assert VERDICTS.index(result.verdict) >= VERDICTS.index(banded)


@settings(max_examples=500, deadline=None)
@given(st.data())
def test_a_worse_answer_never_raises_the_score_or_improves_the_verdict(data: st.DataObject) -> None:
    answers = data.draw(answers_strategy())
    question = data.draw(st.sampled_from(ORDERED))
    better, worse = data.draw(worse_pair(question))
    first = check_shoes(CONTENT, answers | {question.id: better})
    second = check_shoes(CONTENT, answers | {question.id: worse})
    assert second.score <= first.score, (question.id, better, worse)
    assert VERDICTS.index(second.verdict) >= VERDICTS.index(first.verdict), (question.id, better, worse)


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(TYPES), st.floats(0, 20000, allow_nan=False), st.floats(0, 20000, allow_nan=False))
def test_more_distance_never_helps_any_kind_of_shoe(shoe_type: str, a: float, b: float) -> None:
    low, high = sorted((a, b))
    base: Answers = {q.id: q.no_problem for q in QUESTIONS if q.no_problem is not None} | {
        "shoe_type": shoe_type
    }
    assert (
        check_shoes(CONTENT, base | {"distance_km": high}).score
        <= check_shoes(CONTENT, base | {"distance_km": low}).score
    )


@pytest.mark.parametrize(
    ("typed", "km", "unit"),
    [
        ("12km", 12, "km"),
        ("12 KM", 12, "km"),
        ("7.5 mi", 12.07, "mi"),
        ("3 miles", 4.828, "mi"),
        ("1 mile", 1.609, "mi"),
        ("420", 420, "km"),
        (" 0.5 kilometres ", 0.5, "km"),
    ],
)
def test_distances_as_people_type_them(typed: str, km: float, unit: str) -> None:
    parsed = parse_distance(typed)
    assert parsed.km == pytest.approx(km, abs=0.001)
    assert parsed.unit == unit


@pytest.mark.parametrize("typed", ["", "far", "12 furlongs", "-3km", "1e999", "nan", "12 km 3"])
def test_text_that_is_not_a_distance_is_refused(typed: str) -> None:
    with pytest.raises(DistanceError):
        parse_distance(typed)


@given(st.floats(0, 20000, allow_nan=False), st.sampled_from(["km", "mi"]))
def test_a_shown_distance_reads_back_within_rounding(km: float, unit: DistanceUnit) -> None:
    shown = format_distance(km, unit)
    assert parse_distance(shown).km == pytest.approx(km, abs=0.1)
