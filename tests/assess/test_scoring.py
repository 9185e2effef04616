"""Scoring on worked examples; every expected number is added up by hand in the test."""

from __future__ import annotations

import pytest

from footback.assess.content import load_assess_content
from footback.assess.service import assess
from tests.support.helpers import back_pain_answers, no_problem_answers

CONTENT = load_assess_content()


def test_no_problems_scores_zero_and_suggests_only_the_preventive_feet_routine() -> None:
    result = assess(CONTENT, no_problem_answers())
    assert not result.urgent
    assert (result.scores.foot.score, result.scores.back.score, result.scores.link.score) == (0, 0, 0)
    assert {s.level for s in (result.scores.foot, result.scores.back, result.scores.link)} == {"low"}
    assert result.startback is None
    assert result.recommendations.routines == ["feet"]
    assert result.recommendations.see_specialist is False


def test_heel_pain_with_back_pain_that_builds_on_the_feet() -> None:
    answers = back_pain_answers(
        foot_pain="often",
        foot_pain_areas=["heel"],
        foot_pain_level=6,
        foot_pain_weeks=8,
        first_step_pain=True,
        back_pain_level=5,
        back_pain_weeks=3,
        back_worse_after_standing=True,
        fear_activity=True,
    )
    result = assess(CONTENT, answers)
    # foot: often 18 + level>=4 8 + weeks>=6 8 + heel 8 + first-step pain 12
    assert result.scores.foot.score == 18 + 8 + 8 + 8 + 12 == 54
    assert result.scores.foot.level == "moderate"
    # back: often 18 + level>=4 8 + fear 6; STarT total 1 -> low
    assert result.scores.back.score == 18 + 8 + 6 == 32
    assert result.scores.back.level == "low"
    # link: heel pain 20 (a study) + builds through the day 20 and foot and back pain 10 (the
    # article): the article's 30 may add at most half the study points, so 20 + 10
    assert result.scores.link.score == 20 + 10 == 30
    assert result.scores.link.level == "moderate"
    assert [f.id for f in result.scores.link.factors] == [
        "plantar_heel_pain",
        "back_builds_on_feet",
        "foot_and_back_pain",
    ]
    recs = result.recommendations
    assert recs.routines == ["full", "morning"]
    assert not recs.see_specialist  # 8 weeks of foot pain alone is no longer a referral
    assert any("after about 2 weeks" in a for a in recs.actions)
    assert any(n.id == "orthotics_back_pain" for n in recs.evidence_notes)


def test_every_factor_names_a_reason_and_a_source() -> None:
    answers = back_pain_answers(arch="flat", shoe_wear="inner_edge", footwear="worn_out", calf_tight=True)
    result = assess(CONTENT, answers)
    factors = result.scores.foot.factors + result.scores.back.factors + result.scores.link.factors
    assert factors
    assert all(f.reason and f.citation(CONTENT.sources) and f.points > 0 for f in factors)


@pytest.mark.parametrize(
    ("items", "total", "psychosocial", "group"),
    [
        # 3 items of any kind is still low (total 0-3)
        ({"leg_pain": True, "worry": True, "fear_activity": True}, 3, 2, "low"),
        # 4 items, 1 psychosocial: moderate
        ({"leg_pain": True, "walk_limited": True, "dress_slowly": True, "worry": True}, 4, 1, "medium"),
        # 4 psychosocial items: high
        (
            {"fear_activity": True, "worry": True, "pain_never_better": True, "no_enjoyment": True},
            4,
            4,
            "high",
        ),
        # 'very much' bothersome counts, 'moderately' does not
        (
            {"bothersome": "very_much", "fear_activity": True, "worry": True, "leg_pain": True},
            4,
            3,
            "medium",
        ),
        (
            {"bothersome": "moderately", "fear_activity": True, "worry": True, "leg_pain": True},
            3,
            2,
            "low",
        ),
        (
            {
                "bothersome": "extremely",
                "fear_activity": True,
                "worry": True,
                "no_enjoyment": True,
                "leg_pain": True,
            },
            5,
            4,
            "high",
        ),
    ],
)
def test_startback_groups(items: dict[str, object], total: int, psychosocial: int, group: str) -> None:
    result = assess(CONTENT, back_pain_answers(**items))
    assert result.startback is not None
    assert (result.startback.total, result.startback.psychosocial) == (total, psychosocial)
    assert result.startback.group == group
    assert result.scores.back.level == {"medium": "moderate"}.get(group, group)


def test_high_back_level_recommends_a_clinician() -> None:
    items = {"fear_activity": True, "worry": True, "pain_never_better": True, "no_enjoyment": True}
    result = assess(CONTENT, back_pain_answers(**items))
    # back: often 18 + four psychosocial items 4 x 6 = 42 points, but the level is STarT's 'high'
    assert result.scores.back.score == 18 + 4 * 6 == 42
    assert result.scores.back.level == "high"
    assert result.recommendations.see_specialist
    assert "STarT Back high-risk" in (result.recommendations.why_specialist or "")


def test_no_back_pain_means_no_link_even_with_flat_feet() -> None:
    answers = no_problem_answers() | {"arch": "flat", "footwear": "flip_flops", "foot_pain": "often"}
    result = assess(CONTENT, answers)
    assert result.scores.link.score == 0
    assert result.scores.link.level == "low"
    assert result.scores.link.factors == []
    # foot: often 18 + flat 6 + unsupportive footwear 8 (pain details default to 'not given')
    assert result.scores.foot.score == 18 + 6 + 8 == 32
    assert result.recommendations.routines == ["feet"]


def test_bmi_from_height_and_weight() -> None:
    answers = no_problem_answers() | {"height_cm": 170, "weight_kg": 90}
    result = assess(CONTENT, answers)
    assert result.bmi == round(90 / 1.7**2, 1) == 31.1
    assert result.scores.foot.score == 10 + 5
    assert {f.id for f in result.scores.foot.factors} == {"bmi_over_27", "bmi_over_30"}


def test_scores_are_capped_at_100() -> None:
    worst = back_pain_answers(
        foot_pain="constant",
        foot_pain_areas=["heel", "arch"],
        foot_pain_level=10,
        foot_pain_weeks=52,
        first_step_pain=True,
        arch="flat",
        shoe_wear="inner_edge",
        calf_tight=True,
        past_foot_injury=True,
        footwear="worn_out",
        arch_support=False,
        cushioning=False,
        shoe_fit="tight",
        standing_hours=10,
        height_cm=160,
        weight_kg=100,
    )
    result = assess(CONTENT, worst)
    raw = sum(f.points for f in result.scores.foot.factors)
    assert raw > 100
    assert result.scores.foot.score == 100
    assert result.scores.foot.level == "high"


def test_answers_to_questions_that_do_not_apply_are_ignored() -> None:
    answers = no_problem_answers() | {"foot_pain_level": 9, "first_step_pain": True}
    result = assess(CONTENT, answers)
    assert result.scores.foot.score == 0


def test_one_red_flag_makes_the_result_urgent_without_exercise_advice() -> None:
    result = assess(CONTENT, no_problem_answers() | {"rf_saddle_numbness": True, "foot_pain": "often"})
    assert result.urgent
    assert [f.id for f in result.red_flags] == ["rf_saddle_numbness"]
    assert result.red_flags[0].severity == "emergency"
    assert result.recommendations.routines == []
    assert result.recommendations.actions == []
    assert result.recommendations.see_specialist


def test_emergencies_are_listed_before_urgent_flags() -> None:
    result = assess(CONTENT, no_problem_answers() | {"rf_fever": True, "rf_calf_swelling": True})
    assert [f.severity for f in result.red_flags] == ["emergency", "urgent"]
