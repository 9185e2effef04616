"""Small helpers shared by the test modules."""

from __future__ import annotations

from footback.assess.content import load_assess_content
from footback.content.questions import Answers


def no_problem_answers() -> Answers:
    """Every required assessment question answered with its no-problem value."""
    content = load_assess_content()
    return {q.id: q.no_problem for q in content.questions.questions if q.no_problem is not None}


def back_pain_answers(**items: object) -> Answers:
    """No-problem answers plus back pain 'often' and the given STarT Back items."""
    answers = no_problem_answers() | {"back_pain": "often"}
    answers.update(items)  # type: ignore[arg-type]
    return answers


# A one-step, one-second routine file for tests that only need something playable.
TINY_ROUTINE = """
name = "tiny"
description = "One short step."

[[steps]]
name = "Toe lift"
seconds = 1
instructions = "Lift your toes."
"""
