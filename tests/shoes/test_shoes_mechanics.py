"""How a shoe check adds up, on the small test content tree (tests/support/content/).

Its weights are round numbers chosen for hand-checked sums, so a clinician who edits the weights
in data/ never breaks these tests; the shipped weights have their own worked examples in
test_shoes_scoring.py.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from footback.content.questions import Answers, Value
from footback.shoes.check import check_shoes
from footback.shoes.content import ShoeContent, load_shoe_content

TEST_CONTENT = Path(__file__).resolve().parents[1] / "support" / "content"


@pytest.fixture(scope="module")
def content() -> ShoeContent:
    return load_shoe_content(TEST_CONTENT)


def pair(**changes: Value) -> Answers:
    return {"shoe_type": "running", "distance_km": 0, "soft": False, "tight": False, **changes}


def test_nothing_found_is_100_and_good(content: ShoeContent) -> None:
    result = check_shoes(content, pair())
    assert (result.score, result.verdict, result.summary) == (100, "good", "good summary")
    assert (result.problems, result.notes) == ([], [])
    assert (result.weights_note, result.disclaimer) == ("test weights", "test disclaimer")


def test_points_add_up_and_the_score_sets_the_verdict(content: ShoeContent) -> None:
    result = check_shoes(content, pair(soft=True, tight=True))
    assert result.score == 100 - 15 - 20 == 65
    assert result.verdict == "needs_attention"  # 60-89
    assert [p.id for p in result.problems] == ["tight", "soft"]  # most points first


def test_a_score_on_a_line_gets_that_line(content: ShoeContent) -> None:
    result = check_shoes(content, pair(soft=True, tight=True, distance_km=150))
    assert (result.score, result.verdict) == (100 - 15 - 20 - 5, "needs_attention")


def test_a_floor_holds_the_verdict_whatever_the_score(content: ShoeContent) -> None:
    result = check_shoes(content, pair(distance_km=150))
    assert result.score == 95  # good by score ...
    assert result.verdict == "needs_attention"  # ... held by `far`'s at_least


def test_a_worse_problem_supersedes_the_milder_one(content: ShoeContent) -> None:
    result = check_shoes(content, pair(distance_km=250))
    assert [p.id for p in result.problems] == ["very_far"]  # `far` is hidden, its 5 points too
    assert (result.score, result.verdict) == (70, "replace")
    assert [n.id for n in result.notes] == ["when_replace"]  # notes may test the verdict


def test_the_distance_lines_are_exclusive(content: ShoeContent) -> None:
    assert check_shoes(content, pair(distance_km=100)).problems == []
    assert [p.id for p in check_shoes(content, pair(distance_km=100.5)).problems] == ["far"]


def test_milestones_come_from_the_distance_problems(content: ShoeContent) -> None:
    result = check_shoes(content, pair(distance_km=10))
    assert [(m.km, m.verdict) for m in result.milestones] == [(100, "needs_attention"), (200, "replace")]


def test_answers_that_do_not_apply_are_ignored(content: ShoeContent) -> None:
    result = check_shoes(content, pair(shoe_type="heels", distance_km=500))
    assert (result.score, result.problems, result.distance_km, result.milestones) == (100, [], None, [])


def test_a_problem_cites_every_source_with_its_evidence(content: ShoeContent) -> None:
    hit = check_shoes(content, pair(distance_km=250)).problems[0]
    assert hit.source_ids == ["test_trial", "test_opinion"]
    assert hit.citation(content.sources) == "Test trial, 2020; Test panel's opinion"
    assert hit.evidence == "published; expert opinion"


def test_the_wear_pattern_is_passed_on_to_assess(content: ShoeContent) -> None:
    result = check_shoes(content, {**pair(), "outsole_wear": "inner_edge"})
    assert result.wear_pattern is not None
    assert (result.wear_pattern.text, result.wear_pattern.citation(content.sources)) == (
        "inner text",
        "Test trial, 2020",
    )
    assert result.assess_shoe_wear == "inner_edge"
