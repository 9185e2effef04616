"""`assess --schema` and `shoes-check --schema` describe the files footback takes, no narrower: a
script that checks its file against the schema must not refuse one footback would read. A number
with a unit footback converts may be written as text with its unit ("3 months", "5 ft 9"), and
the function score's two keys are allowed beside the questions (the schema has
additionalProperties false)."""

from __future__ import annotations

import json

import pytest

from footback.assess.content import load_assess_content
from footback.content.questions import InvalidAnswer, Question
from footback.content.typed import check_value
from footback.core.units import amount_examples, is_amount_unit
from footback.models.psfs import MAX_ACTIVITIES, MAX_ACTIVITY, RATING_MAX, RATING_MIN
from footback.shoes.content import load_shoe_content
from tests.support.context import Cli

NUMBERS = [
    q
    for q in (*load_assess_content().questions.questions, *load_shoe_content().questions.questions)
    if q.kind in ("int", "number")
]


def _schema(cli: Cli, command: str) -> dict[str, object]:
    result = cli.invoke([command, "--schema"])
    assert result.exit_code == 0, result.stderr
    properties: dict[str, object] = json.loads(result.stdout)["properties"]
    return properties


def _takes_text(q: Question) -> bool:
    """Whether footback reads this question's answer written as text with a unit."""
    written = f"{q.maximum or 1:g} {q.unit}"
    try:
        check_value(q, written)
    except InvalidAnswer:
        return False
    return True


@pytest.mark.parametrize("question", NUMBERS, ids=lambda q: q.id)
def test_a_number_takes_text_in_the_schema_exactly_when_footback_does(cli: Cli, question: Question) -> None:
    command = "assess" if question in load_assess_content().questions.questions else "shoes-check"
    prop = _schema(cli, command)[question.id]
    assert isinstance(prop, dict)
    branches = prop.get("anyOf", [prop])
    text = [b for b in branches if b.get("type") == "string"]
    assert bool(text) == _takes_text(question) == is_amount_unit(question.unit)
    if text and (examples := amount_examples(question.unit or "")):
        assert examples in text[0]["description"]


def test_the_function_scores_keys_are_in_the_assess_schema_with_their_limits(cli: Cli) -> None:
    props = _schema(cli, "assess")
    activities, ratings = props["psfs_activities"], props["psfs_ratings"]
    assert isinstance(activities, dict) and isinstance(ratings, dict)
    assert activities["maxItems"] == ratings["maxItems"] == MAX_ACTIVITIES
    assert activities["items"] == {"type": "string", "minLength": 1, "maxLength": MAX_ACTIVITY}
    assert ratings["items"] == {"type": "integer", "minimum": RATING_MIN, "maximum": RATING_MAX}
    assert "psfs_activities" not in _schema(cli, "shoes-check")
