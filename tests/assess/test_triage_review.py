"""Worked cases from a second clinical review of issue 10 (ages, each flag with and without back
pain, diabetes combinations, partial answers files, a skipped age)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from footback.assess.content import load_assess_content
from footback.assess.service import assess
from footback.content.questions import Condition
from footback.models.assessment import AssessmentResult
from tests.support.context import Cli
from tests.support.helpers import no_problem_answers, signs_answered

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

EMERGENCY_WITH_BACK_PAIN = ["rf_sexual_dysfunction"]
URGENT_WITH_BACK_PAIN = ["rf_immunosuppressed", "rf_iv_drugs", "rf_back_deformity"]


@pytest.mark.parametrize("flag", EMERGENCY_WITH_BACK_PAIN + URGENT_WITH_BACK_PAIN)
def test_a_back_pain_flag_counts_with_back_pain_and_in_a_file_without_the_answer(flag: str) -> None:
    expected = "emergency" if flag in EMERGENCY_WITH_BACK_PAIN else "urgent"
    assert run(**OLD, **{flag: True}).triage == expected
    # An answers file (or a check-in) that does not say whether the back hurts: it still counts.
    assert assess(CONTENT, {flag: True}).triage == expected


@pytest.mark.parametrize("flag", EMERGENCY_WITH_BACK_PAIN)
def test_a_sexual_change_without_back_pain_is_said_not_sent_to_a_and_e(flag: str) -> None:
    # A new erection problem with no back pain is not a cauda equina emergency: footback says so
    # and names the GP. (Both legs without back pain is an emergency: test_clinical_round3.)
    result = run(**{flag: True})
    assert result.triage == "self_care" and flags(result) == []
    assert "GP" in result.recommendations.actions[0] and "no back pain" in result.recommendations.actions[0]


def test_the_sexual_function_question_reads_right_without_back_pain() -> None:
    assert "back pain" not in CONTENT.question("rf_sexual_dysfunction").text


@pytest.mark.parametrize(
    "flag",
    ["rf_saddle_numbness", "rf_bladder_bowel", "rf_leg_weakness", "rf_sudden_cold_foot", "rf_both_legs"],
)
def test_the_other_emergencies_stay_emergencies_without_back_pain(flag: str) -> None:
    assert run(**{flag: True}).triage == "emergency"


@pytest.mark.parametrize("flag", URGENT_WITH_BACK_PAIN)
def test_a_back_pain_flag_without_back_pain_is_self_care(flag: str) -> None:
    assert run(**{flag: True}).triage == "self_care"


def test_pain_between_the_shoulder_blades_is_back_pain_and_counts_without_low_back_pain() -> None:
    assert run(**OLD, rf_thoracic_pain=True).triage == "urgent"
    assert run(rf_thoracic_pain=True).triage == "urgent"  # no low back pain: still back pain


# ------------------------------------------------------------------ answers files with only some keys


@pytest.mark.parametrize(
    ("answers", "triage", "sign"),
    [
        # An urgent sign needs the rest of the warning signs (one may be an emergency) ...
        (signs_answered(rf_fever=True), "urgent", "rf_fever"),
        (signs_answered(age=55, back_pain="often", back_pain_weeks=2), "urgent", "new_back_pain_age"),
        # ... an emergency does not.
        ({"diabetes": True, "rf_hot_swollen_foot": True}, "emergency", "diabetic_foot_emergency"),
        ({"foot_numbness": True, "rf_cold_pale_foot": True}, "emergency", "diabetic_foot_emergency"),
        ({"rf_both_legs": True, "both_legs_since": "new"}, "emergency", "rf_both_legs"),
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
    answers = signs_answered(back_pain="none", rf_sexual_dysfunction=True)
    path.write_text(json.dumps(answers), encoding="utf-8")
    result = cli.invoke(["assess", "--answers", str(path), "--json", "--no-save"])
    assert result.exit_code == 2
    assert "missing answers" in result.output and "foot_pain" in result.output


# ------------------------------------------------------------------ the interview stops at a combination


def test_a_combination_emergency_stops_the_interview_at_once_and_b_changes_it(home: Path) -> None:
    from footback.cli.app import app
    from tests.support.helpers import part_one_keys
    from tests.support.runner import CliRunner

    keys = part_one_keys()  # age, back pain never, situations, 8 emergency signs, 2 urgent steps
    keys[2] = "2"  # situations: diabetes
    # the foot signs' step with diabetes: cannot bear weight, diabetic foot, hot swollen, cold pale
    keys[-1] = "3"
    result = CliRunner().invoke(app, ["assess", "--no-save"], input="\n".join([*keys, ""]) + "\n")
    assert result.exit_code == 0, result.output
    err = " ".join(result.stderr.split())
    assert "EMERGENCY: get help now" in err and "Keep your weight off the foot" in err
    assert "How often do your feet hurt" not in err  # no further question
    # `b` changes the answer: with no hot swollen foot the interview goes on (here the input ends).
    again = CliRunner().invoke(app, ["assess", "--no-save"], input="\n".join([*keys, "b", "none"]) + "\n")
    assert "How often do your feet hurt" in again.stderr


# ------------------------------------------------------------------ plan and stretch after a warning sign


def _fever_yesterday(home: Path) -> None:
    from datetime import timedelta

    from footback.records.db import open_store
    from tests.support.context import WALL
    from tests.support.history_seed import add_assessment

    with open_store(home) as store:
        add_assessment(store, no_problem_answers() | {"rf_fever": True}, WALL - timedelta(days=1))


def _seen(home: Path) -> list[object]:
    from footback.records.clinician import read_seen
    from footback.records.db import open_store

    with open_store(home) as store:
        return list(read_seen(store))


def test_plan_after_an_urgent_result_without_a_terminal_exits_2_and_records_nothing(
    home: Path, cli: Cli
) -> None:
    _fever_yesterday(home)
    result = cli.invoke(["plan"])
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and "--seen-clinician" in result.stderr
    assert "fever with the pain" in result.stderr and "2025-03-03" in result.stderr
    assert _seen(home) == []


def test_plan_with_seen_clinician_records_it_but_makes_no_plan_from_a_stopped_assessment(
    home: Path, cli: Cli
) -> None:
    from footback.core.paths import plan_path

    _fever_yesterday(home)
    result = cli.invoke(["plan", "--seen-clinician"])
    assert result.exit_code == 1
    assert "Noted on 2025-03-04: a clinician has seen you." in result.output
    assert "run `footback assess` again" in " ".join(result.output.split())
    assert len(_seen(home)) == 1 and not plan_path(home).exists()
    # The visit is on record: stretch plays without asking (no terminal, no option).
    played = cli.invoke(["stretch", "--routine", "feet", "--lead-in", "0", "--no-save"])
    assert played.exit_code == 0, played.output


def test_stretch_on_a_terminal_answered_no_repeats_the_advice_and_exits_1(home: Path, cli: Cli) -> None:
    from tests.support.context import press

    press(cli.context, [])
    _fever_yesterday(home)
    result = cli.invoke(["stretch", "--routine", "feet", "--lead-in", "0"], input="n\n")
    assert result.exit_code == 1
    assert "See a doctor today" in result.output
    assert _seen(home) == []


def test_a_sign_ticked_at_a_checkin_stops_stretch_and_shows_in_the_report_with_its_date(
    home: Path, cli: Cli
) -> None:
    ticked = cli.invoke(["checkin", "--foot", "3", "--back", "5", "--sign", "rf_thoracic_pain"])
    assert ticked.exit_code == 0, ticked.output
    stopped = cli.invoke(["stretch", "--routine", "morning", "--lead-in", "0"])
    assert stopped.exit_code == 2 and "pain between the shoulder blades" in stopped.stderr
    report = cli.invoke(["report"]).stdout
    assert "2025-03-04" in report and "pain between the shoulder blades" in report
    assert "no clinician visit recorded since" in report
