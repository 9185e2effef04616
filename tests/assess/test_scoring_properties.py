"""Property tests over generated answers: bounds, monotonicity, red flags."""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from footback.assess.content import AssessQuestion, load_assess_content
from footback.assess.service import assess
from footback.content.questions import Answers, Value

CONTENT = load_assess_content()
QUESTIONS = CONTENT.questions.questions
RED_FLAGS = [q.id for q in QUESTIONS if q.red_flag]
SCORED = [q for q in QUESTIONS if not q.red_flag]


def value_for(question: AssessQuestion) -> st.SearchStrategy[Any]:
    if question.kind == "bool":
        return st.booleans()
    if question.kind == "choice":
        return st.sampled_from(question.values)
    if question.kind == "multi":
        return st.lists(st.sampled_from(question.values), unique=True)
    lo, hi = question.minimum or 0, question.maximum or 0
    if question.kind == "int":
        return st.integers(int(lo), int(hi))
    return st.floats(lo, hi, allow_nan=False)


@st.composite
def answers_strategy(draw: st.DrawFn, red_flags: bool = False) -> Answers:
    answers: Answers = {q.id: False for q in QUESTIONS if q.red_flag}
    for q in SCORED:
        if q.optional and draw(st.booleans()):
            continue
        answers[q.id] = draw(value_for(q))
    if red_flags:
        for rf in RED_FLAGS:
            answers[rf] = draw(st.booleans())
    return answers


@st.composite
def worse_pair(draw: st.DrawFn, question: AssessQuestion) -> tuple[Value, Value]:
    """Two answers to one question, the second at least as concerning as the first."""
    if question.kind == "bool":
        good = bool(question.no_problem) if question.no_problem is not None else False
        return good, not good
    if question.kind == "choice":
        a, b = draw(st.sampled_from(question.choices)), draw(st.sampled_from(question.choices))
        if a.concern > b.concern:
            a, b = b, a
        return a.value, b.value
    if question.kind == "multi":
        small = draw(st.lists(st.sampled_from(question.values), unique=True))
        extra = draw(st.lists(st.sampled_from(question.values), unique=True))
        return small, list(dict.fromkeys(small + extra))
    x, y = draw(value_for(question)), draw(value_for(question))
    low, high = min(x, y), max(x, y)
    return (low, high) if question.worse == "higher" else (high, low)


def totals(answers: Answers) -> tuple[int, int, int]:
    s = assess(CONTENT, answers).scores
    return s.foot.score, s.back.score, s.link.score


@settings(max_examples=300, deadline=None)
@given(answers_strategy(red_flags=True))
def test_scores_stay_between_0_and_100(answers: Answers) -> None:
    for score in totals(answers):
        assert 0 <= score <= 100


@settings(max_examples=400, deadline=None)
@given(st.data())
def test_a_more_concerning_answer_never_lowers_a_score(data: st.DataObject) -> None:
    answers = data.draw(answers_strategy())
    question = data.draw(st.sampled_from(SCORED))
    better, worse = data.draw(worse_pair(question))
    before = totals(answers | {question.id: better})
    after = totals(answers | {question.id: worse})
    assert all(a >= b for a, b in zip(after, before, strict=True)), (question.id, better, worse)


DERIVED = {sign.id for sign in CONTENT.safety.signs}


@settings(max_examples=200, deadline=None)
@given(answers_strategy(), st.sampled_from(RED_FLAGS))
def test_every_red_flag_alone_makes_the_result_urgent_with_no_routines(answers: Answers, flag: str) -> None:
    answers = answers | {flag: True}
    # A sign asked only of some people (pregnancy) is drawn for them.
    answers |= {k: c.is_ for k, c in CONTENT.question(flag).ask_if.items() if c.is_ is not None}
    result = assess(CONTENT, answers)
    ids = [f.id for f in result.red_flags]
    red_flag = CONTENT.question(flag).red_flag
    assert red_flag is not None
    if not red_flag.counts(answers):  # a back-pain flag without back pain is only mentioned
        assert flag not in ids
        return
    assert result.urgent and result.triage in ("emergency", "urgent")
    assert flag in ids and set(ids) - {flag} <= DERIVED  # plus any combination or age rule
    assert result.recommendations.routines == []
    assert result.recommendations.actions == []


@settings(max_examples=200, deadline=None)
@given(answers_strategy())
def test_without_warning_signs_every_adult_gets_a_routine(answers: Answers) -> None:
    result = assess(CONTENT, answers)
    if result.red_flags:  # an age rule (new back pain under 20 or over 50)
        assert {f.id for f in result.red_flags} <= DERIVED and result.urgent
        return
    assert not result.urgent and result.triage == "self_care"
    if result.adult_notice is not None:  # under 16
        assert result.recommendations.routines == [] and result.startback is None
        return
    assert result.recommendations.routines
