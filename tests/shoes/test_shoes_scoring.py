"""Content contract: worked examples on the SHIPPED weights in data/shoes/, each added up by hand.

If a clinician changes a weight in data/, these are the tests to update (with the new sums);
the mechanics are tested on a fixed test tree in test_shoes_mechanics.py.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from footback.content.questions import Answers
from footback.shoes.check import check_shoes
from footback.shoes.content import load_shoe_content
from tests.support.shoes_helpers import good_pair

CONTENT = load_shoe_content()


def ids(answers: Answers) -> list[str]:
    return [p.id for p in check_shoes(CONTENT, answers).problems]


def test_new_supportive_running_shoes_pass() -> None:
    result = check_shoes(CONTENT, good_pair(shoe_type="running", age_months=1, distance_km=100))
    assert (result.verdict, result.score, result.problems) == ("good", 100, [])
    assert result.assess_shoe_wear == "even"
    assert [(m.km, m.verdict) for m in result.milestones] == [(560, "needs_attention"), (800, "replace")]


def test_900_km_running_shoes_are_replace() -> None:
    result = check_shoes(CONTENT, good_pair(distance_km=900))
    # past 800 km: 60 points, and it hides the milder 'due soon' problem
    assert result.score == 100 - 60 == 40
    assert result.verdict == "replace"
    assert [p.id for p in result.problems] == ["running_past_limit"]
    assert any(n.id == "buying_next_pair" for n in result.notes)


@pytest.mark.parametrize(
    ("km", "score", "verdict", "found"),
    [
        (560, 100, "good", []),  # at 560 km exactly: not yet past it
        (560.5, 100 - 25, "needs_attention", ["running_due_soon"]),
        (800, 100 - 25, "needs_attention", ["running_due_soon"]),
        (800.5, 100 - 60, "replace", ["running_past_limit"]),
    ],
)
def test_running_distance_lines_at_560_and_800_km(
    km: float, score: int, verdict: str, found: list[str]
) -> None:
    result = check_shoes(CONTENT, good_pair(distance_km=km))
    assert (result.score, result.verdict, [p.id for p in result.problems]) == (score, verdict, found)


def test_walking_shoes_get_no_running_distance_points_but_a_note() -> None:
    result = check_shoes(CONTENT, good_pair(shoe_type="walking", distance_km=900))
    assert (result.score, result.verdict) == (100, "good")
    assert {n.id for n in result.notes} == {"walking_distance", "no_interval_everyday"}


def test_daily_8cm_heels_are_not_good() -> None:
    answers = good_pair(shoe_type="heels", heel_height_cm=8, hours_per_day=8, bend_point="does_not_bend")
    del answers["distance_km"]
    result = check_shoes(CONTENT, answers)
    # heel over 5 cm 20 + does not bend 10
    assert result.score == 100 - 20 - 10 == 70
    assert result.verdict == "needs_attention"
    assert [p.id for p in result.problems] == ["heel_too_high", "does_not_bend"]


def test_heel_over_5cm_alone_is_held_at_needs_attention() -> None:
    result = check_shoes(CONTENT, good_pair(shoe_type="heels", heel_height_cm=5.5))
    # 100 - 20 = 80 would be below 'good' anyway; the floor holds it there even if weights change
    assert (result.score, result.verdict) == (80, "needs_attention")
    assert check_shoes(CONTENT, good_pair(shoe_type="heels", heel_height_cm=5)).verdict == "good"


def test_daily_flip_flops_are_not_good() -> None:
    answers = good_pair(
        shoe_type="flip_flops", hours_per_day=8, arch_support=False, cushioning="none", heel_height_cm=1
    )
    result = check_shoes(CONTENT, answers)
    # flip-flops most of the day 25 + no arch support 20 + no cushioning 20
    assert result.score == 100 - 25 - 20 - 20 == 35
    assert result.verdict == "replace"
    assert {p.id for p in result.problems} == {"flip_flops_most_of_day", "no_arch_support", "no_cushioning"}
    # flip-flops have no heel counter: those questions are not asked, their answers dropped
    assert "heel_counter_soft" not in ids(answers | {"heel_counter": "soft"})


def test_flip_flops_for_a_short_spell_pass_but_carry_the_apma_note() -> None:
    result = check_shoes(CONTENT, good_pair(shoe_type="flip_flops", hours_per_day=5.5))
    assert (result.score, result.verdict) == (100, "good")
    assert "flip_flops_use" in {n.id for n in result.notes}
    at_cutoff = check_shoes(CONTENT, good_pair(shoe_type="flip_flops", hours_per_day=6))
    assert (at_cutoff.score, at_cutoff.verdict) == (75, "needs_attention")


def test_a_shoe_that_folds_and_twists_loses_its_support_points() -> None:
    result = check_shoes(CONTENT, good_pair(bend_point="midsole", twist="twists_easily", arch_support=True))
    # folds 20 + support undone 20 + twists 15
    assert result.score == 100 - 20 - 20 - 15 == 45
    assert result.verdict == "replace"
    assert [p.id for p in result.problems] == ["folds_in_middle", "support_undone", "twists_easily"]


def test_twisting_alone_also_cancels_arch_support_and_says_it_is_expert_opinion() -> None:
    result = check_shoes(CONTENT, good_pair(twist="twists_easily"))
    # twists 15 + support undone 20
    assert (result.score, result.verdict) == (65, "needs_attention")
    twist = next(p for p in result.problems if p.id == "twists_easily")
    assert twist.evidence == "expert opinion"
    assert "could not confirm" in twist.reason


def test_poorly_fitting_everyday_shoes() -> None:
    answers = good_pair(shoe_type="everyday", toe_room="less", width="pinches", heel_slip=True)
    result = check_shoes(CONTENT, answers)
    # toes cramped 20 + pinches 15 + heel slips 10
    assert (result.score, result.verdict) == (100 - 20 - 15 - 10, "needs_attention")  # 55: 50-84
    assert result.distance_km is None  # distance is not asked for everyday shoes


def test_worn_through_sole_is_replace_and_gives_no_assess_answer() -> None:
    result = check_shoes(CONTENT, good_pair(outsole_wear="worn_through"))
    assert (result.score, result.verdict) == (55, "replace")
    assert result.assess_shoe_wear is None
    assert result.wear_pattern is not None


@pytest.mark.parametrize("edge", ["inner_edge", "outer_edge"])
def test_edge_wear_is_explained_and_offered_to_assess(edge: str) -> None:
    result = check_shoes(CONTENT, good_pair(outsole_wear=edge))
    assert (result.score, result.verdict) == (90, "good")
    assert result.assess_shoe_wear == edge
    assert result.wear_pattern is not None
    word = "over-pronation" if edge == "inner_edge" else "supination"
    assert word in result.wear_pattern.text


def test_wear_answers_offered_to_assess_are_valid_assess_answers() -> None:
    from footback.assess.content import load_assess_content

    allowed = load_assess_content().question("shoe_wear").values
    offered = {p.assess_shoe_wear for p in CONTENT.checks.wear_patterns.values()} - {None}
    assert offered <= set(allowed)


def test_orthotics_show_the_evidence_and_cost_nothing() -> None:
    result = check_shoes(CONTENT, good_pair(orthotics=True))
    assert result.score == 100
    note = next(n for n in result.notes if n.id == "orthotics_evidence")
    cited = note.citation(CONTENT.sources)
    assert "NICE" in cited and "Whittaker et al. 2018" in cited and "Rasenberg et al. 2018" in cited
    # Never oversold (issue 20, item 6): small against sham, custom no better than ready-made.
    assert "do reduce pain" not in note.text
    assert "small" in note.text and "sham" in note.text and "no better than ready-made" in note.text


def test_everyday_shoes_note_that_no_replacement_interval_exists() -> None:
    result = check_shoes(CONTENT, good_pair(shoe_type="everyday", age_months=120))
    assert (result.score, result.verdict) == (100, "good")
    note = next(n for n in result.notes if n.id == "no_interval_everyday")
    assert note.evidence == "expert opinion"


def test_every_problem_has_reason_fix_and_source() -> None:
    answers = good_pair(
        distance_km=700,
        heel_counter="soft",
        bend_point="midsole",
        twist="twists_easily",
        toe_room="less",
        width="pinches",
        heel_slip=True,
        cushioning="compressed",
        midsole_creased=True,
    )
    result = check_shoes(CONTENT, answers)
    assert result.score == 0  # more than 100 points lost is floored at 0
    assert all(p.reason and p.fix and p.citation(CONTENT.sources) and p.evidence for p in result.problems)


def test_distance_line_adds_up_in_miles_and_round_trips() -> None:
    """At 400 mi: "replace after about 500 mi, 100 mi to go" (not 97.1, from the exact 800 km)."""
    from footback.core.units import parse_distance
    from footback.shoes.render import distance_line

    answers = good_pair(shoe_type="running", distance_km=parse_distance("400 mi").km)
    result = check_shoes(CONTENT, answers, "mi")
    line = distance_line(result)
    assert line == "Distance: 400 mi: past about 350 mi (due soon); replace after about 500 mi, 100 mi to go."
    km = check_shoes(CONTENT, good_pair(shoe_type="running", distance_km=612), "km")
    expected = "Distance: 612 km: past 560 km (due soon); replace after 800 km, 188 km to go."
    assert distance_line(km) == expected


@given(st.integers(min_value=0, max_value=124270))
def test_a_distance_typed_in_miles_is_shown_back_the_same(tenths: int) -> None:
    from footback.core.units import format_distance, parse_distance

    typed = f"{tenths / 10:g} mi"
    assert format_distance(parse_distance(typed).km, "mi") == typed
