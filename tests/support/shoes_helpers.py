"""Answers for shoe-check tests."""

from __future__ import annotations

from footback.content.questions import Answers, Value
from footback.shoes.content import load_shoe_content


def good_pair(**changes: Value) -> Answers:
    """Every question answered with its no-problem value (new, supportive running shoes), then changes."""
    content = load_shoe_content()
    answers: Answers = {q.id: q.no_problem for q in content.questions.questions if q.no_problem is not None}
    answers.update(changes)
    return answers


# Typed answers for a guided check of good running shoes, in question order; the third is the distance.
GOOD_RUNNING_TYPED = [
    "1",
    "3",
    "100",
    "firm",
    "1",
    "resists",
    "1",
    "1",
    "n",
    "y",
    "good",
    "even",
    "n",
    "n",
    "2",
]
