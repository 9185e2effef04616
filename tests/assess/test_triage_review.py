"""Worked cases from a second clinical review of issue 10 (ages, each flag with and without back
pain, diabetes combinations, partial answers files, a skipped age)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from footback.assess.content import load_assess_content
from footback.assess.model import AssessmentResult
from footback.assess.service import assess
from footback.content.questions import Condition
from tests.support.context import Cli
from tests.support.helpers import no_problem_answers

CONTENT = load_assess_content()


def run(**answers: object) -> AssessmentResult:
    return assess(CONTENT, no_problem_answers() | answers)  # type: ignore[operator]


def flags(result: AssessmentResult) -> list[str]:
    return [f.id for f in result.red_flags]


def actions(result: AssessmentResult) -> list[str]:
    return [n.id for n in result.recommendations.action_details]


NEW = {"back_pain": "often", "back_pain_weeks": 3}
OLD = {"back_pain": "often", "back_pain_weeks": 10}


# ------------------------------------------------------------------ ages


@pytest.mark.parametrize(
    ("age", "new_pain", "old_pain"),
    [
        (15, "urgent", "self_care"),
        (16, "urgent", "self_care"),
        (19, "urgent", "self_care"),
        (20, "self_care", "self_care"),
        (50, "self_care", "self_care"),
        (51, "urgent", "self_care"),
    ],
)
def test_the_age_rule_at_its_edges(age: int, new_pain: str, old_pain: str) -> None:
    assert run(age=age, **NEW).triage == new_pain
    older = run(age=age, **OLD)
    assert older.triage == old_pain
    # Under 16: made for adults, no STarT Back group, no routine, a GP with a parent or carer.
    child = age < 16
    assert (older.adult_notice is not None) == child
    assert (older.startback is None) == child
    assert (older.recommendations.routines == []) == child
    if child:
        assert "parent or carer" in (older.recommendations.specialist or "")


def test_a_skipped_age_with_new_back_pain_says_the_rule_could_not_be_checked() -> None:
    skipped = run(**NEW)
    assert skipped.triage == "self_care"
    assert actions(skipped)[0] == "age_unknown_new_back_pain"  # first, so the summary shows it
    assert "under 20 or over 50" in skipped.recommendations.actions[0]
    assert "age_unknown_new_back_pain" not in actions(run(age=40, **NEW))
    assert "age_unknown_new_back_pain" not in actions(run(**OLD))
    assert "age_unknown_new_back_pain" not in actions(run())  # no back pain


def test_missing_is_a_condition_on_no_answer_only() -> None:
    missing = Condition(missing=True)
    assert missing.holds(None) and not missing.holds(40) and not missing.holds(False)
    present = Condition(missing=False)
    assert present.holds(40) and present.holds(False) and not present.holds(None)
    assert not Condition(missing=False, above=50).holds(40)
    assert not Condition(above=50).holds(None)


# ------------------------------------------------------------------ each new flag, with and without back pain

EMERGENCY_WITH_BACK_PAIN = ["rf_both_legs", "rf_sexual_dysfunction"]
URGENT_WITH_BACK_PAIN = ["rf_immunosuppressed", "rf_iv_drugs", "rf_thoracic_pain", "rf_back_deformity"]


@pytest.mark.parametrize("flag", EMERGENCY_WITH_BACK_PAIN + URGENT_WITH_BACK_PAIN)
def test_a_back_pain_flag_counts_with_back_pain_and_in_a_file_without_the_answer(flag: str) -> None:
    expected = "emergency" if flag in EMERGENCY_WITH_BACK_PAIN else "urgent"
    assert run(**OLD, **{flag: True}).triage == expected
    # An answers file (or a check-in) that does not say whether the back hurts: it still counts.
    assert assess(CONTENT, {flag: True}).triage == expected


@pytest.mark.parametrize("flag", EMERGENCY_WITH_BACK_PAIN)
def test_both_legs_or_sexual_change_without_back_pain_is_said_not_sent_to_a_and_e(flag: str) -> None:
    # Long-standing numb, tingling legs with diabetes, or a new erection problem, with no back pain,
    # are not cauda equina emergencies: footback says so and names the GP.
    result = run(**{flag: True})
    assert result.triage == "self_care" and flags(result) == []
    assert "GP" in result.recommendations.actions[0] and "no back pain" in result.recommendations.actions[0]


def test_the_sexual_function_question_reads_right_without_back_pain() -> None:
    assert "back pain" not in CONTENT.question("rf_sexual_dysfunction").text


@pytest.mark.parametrize(
    "flag", ["rf_saddle_numbness", "rf_bladder_bowel", "rf_leg_weakness", "rf_sudden_cold_foot"]
)
def test_the_other_emergencies_stay_emergencies_without_back_pain(flag: str) -> None:
    assert run(**{flag: True}).triage == "emergency"


@pytest.mark.parametrize("flag", URGENT_WITH_BACK_PAIN)
def test_a_back_pain_flag_without_back_pain_is_self_care(flag: str) -> None:
    assert run(**{flag: True}).triage == "self_care"


# ------------------------------------------------------------------ answers files with only some keys


@pytest.mark.parametrize(
    ("answers", "triage", "sign"),
    [
        ({"rf_fever": True}, "urgent", "rf_fever"),
        ({"age": 55, "back_pain": "often", "back_pain_weeks": 2}, "urgent", "new_back_pain_age"),
        ({"diabetes": True, "rf_hot_swollen_foot": True}, "emergency", "diabetic_foot_emergency"),
        ({"foot_numbness": True, "rf_cold_pale_foot": True}, "emergency", "diabetic_foot_emergency"),
        ({"rf_both_legs": True}, "emergency", "rf_both_legs"),
    ],
)
def test_a_partial_answers_file_with_a_warning_sign_gets_its_triage(
    cli: Cli, tmp_path: Path, answers: dict[str, object], triage: str, sign: str
) -> None:
    path = tmp_path / "answers.json"
    path.write_text(json.dumps(answers), encoding="utf-8")
    result = cli.invoke(["assess", "--answers", str(path), "--json", "--no-save"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["triage"] == triage and data["red_flags"][0]["id"] == sign
    assert data["urgent"] is True and data["recommendations"]["routines"] == []


def test_a_partial_file_whose_flag_does_not_count_asks_for_the_rest(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "answers.json"
    path.write_text(json.dumps({"back_pain": "none", "rf_both_legs": True}), encoding="utf-8")
    result = cli.invoke(["assess", "--answers", str(path), "--json", "--no-save"])
    assert result.exit_code == 2
    assert "missing answers" in result.output and "foot_pain" in result.output
