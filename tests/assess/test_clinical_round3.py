"""Issue 20, the dangerous items: symptoms in both legs (new or long-standing, with or without back
pain), pregnancy warning signs, and warning signs never assumed; and an emergency box that shows
only the emergency action."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from footback.assess.content import load_assess_content
from footback.assess.render import box_title
from footback.assess.service import assess, to_ask
from footback.daily.signs import checkin_answers, offered_signs, result_for
from footback.models.assessment import AssessmentResult
from tests.support.context import Cli
from tests.support.helpers import (
    no_problem_answers,
    part_one_keys,
    signs_answered,
    template_signs_answered_no,
)

CONTENT = load_assess_content()
URGENT = CONTENT.advice.urgent


def run(**answers: object) -> AssessmentResult:
    return assess(CONTENT, no_problem_answers() | answers)  # type: ignore[operator]


def ids(result: AssessmentResult) -> list[str]:
    return [f.id for f in result.red_flags]


def one_line(text: str) -> str:
    return " ".join(text.split())


# ------------------------------------------------------------------ 1. both legs


@pytest.mark.parametrize("back_pain", ["none", "often"])
@pytest.mark.parametrize(
    ("since", "triage", "sign"),
    [
        ("new", "emergency", "rf_both_legs"),
        ("unsure", "emergency", "rf_both_legs"),
        ("long_standing", "urgent", "both_legs_long_standing"),
    ],
)
def test_both_legs_new_is_an_emergency_long_standing_a_gp_with_or_without_back_pain(
    back_pain: str, since: str, triage: str, sign: str
) -> None:
    weeks = {"back_pain_weeks": 10} if back_pain != "none" else {}
    result = run(back_pain=back_pain, rf_both_legs=True, both_legs_since=since, **weeks)
    assert result.triage == triage and ids(result) == [sign]
    assert result.recommendations.routines == []


def test_long_standing_legs_get_a_gp_within_days_not_an_ambulance_and_not_today() -> None:
    result = run(rf_both_legs=True, both_legs_since="long_standing")
    assert box_title(result, URGENT) == "URGENT: see your GP within a few days"
    advice = result.red_flags[0].advice
    assert advice.startswith("See your GP within a few days") and "get worse" in advice
    assert result.red_flags[0].standing  # once a GP has seen them, later assessments go on


def test_a_checkin_tick_of_both_legs_is_the_emergency_assess_gives_for_new_symptoms() -> None:
    latest = no_problem_answers()  # no back pain in the latest assessment
    at_checkin = result_for(CONTENT, checkin_answers(CONTENT, ["rf_both_legs"], latest))
    in_assess = run(rf_both_legs=True, both_legs_since="new")
    assert at_checkin.triage == in_assess.triage == "emergency"
    assert ids(at_checkin) == ids(in_assess) == ["rf_both_legs"]


def test_the_interview_asks_new_or_long_standing_before_the_emergency_advice(cli: Cli) -> None:
    keys = part_one_keys()
    legs = keys.index("n") + 2  # the emergency signs one at a time: saddle, bladder, both legs
    # yes to both legs, then "long-standing and unchanged": part 1 goes on, then stops (urgent).
    keys[legs] = "y"
    keys.insert(legs + 1, "2")
    result = cli.invoke(["assess", "--no-save", "--json"], input="\n".join([*keys, ""]) + "\n")
    assert result.exit_code == 0, result.output
    err = one_line(result.stderr)
    assert "new or getting worse, or have you had them for a long time" in err
    assert "EMERGENCY" not in err and "footback stops here" in err
    assert json.loads(result.stdout)["triage"] == "urgent"
    # "new, or getting worse": the emergency advice at once, before the next question.
    keys[legs + 1] = "1"
    new = cli.invoke(["assess", "--no-save", "--json"], input="\n".join([*keys[: legs + 2], ""]) + "\n")
    assert "EMERGENCY: get help now" in new.stderr
    assert CONTENT.question("rf_sexual_dysfunction").text not in new.stderr
    assert json.loads(new.stdout)["triage"] == "emergency"


def test_a_file_with_both_legs_but_not_since_when_is_asked_not_assumed(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "a.json"
    path.write_text(json.dumps({"rf_both_legs": True}), encoding="utf-8")
    result = cli.invoke(["assess", "--answers", str(path), "--json", "--no-save"])
    assert result.exit_code == 2
    assert result.stderr.strip().endswith("no terminal to ask on: both_legs_since")


# ------------------------------------------------------------------ 2. pregnancy


def test_a_pregnancy_sign_sends_to_the_midwife_now_not_to_999() -> None:
    result = run(pregnant=True, back_pain="often", back_pain_weeks=3, rf_pregnancy_signs=True)
    assert result.triage == "urgent" and ids(result) == ["rf_pregnancy_signs"]
    assert box_title(result, URGENT) == "URGENT: contact your midwife, GP or maternity unit now"
    advice = result.red_flags[0].advice
    assert advice.startswith("Contact your midwife, GP or maternity unit now") and "999" not in advice
    text = CONTENT.question("rf_pregnancy_signs").text
    signs = ("bleeding", "fluid leaking", "tightening", "high temperature", "pass urine", "below the ribs")
    assert all(sign in text for sign in signs)


def test_the_pregnancy_title_heads_the_box_over_a_doctor_today() -> None:
    result = run(pregnant=True, rf_pregnancy_signs=True, rf_fever=True)
    assert ids(result)[0] == "rf_pregnancy_signs"
    assert box_title(result, URGENT) == "URGENT: contact your midwife, GP or maternity unit now"
    assert box_title(run(rf_fever=True), URGENT) == URGENT.urgent_title


def test_a_fever_in_pregnancy_sends_to_the_maternity_team_now_in_assess_and_at_a_checkin() -> None:
    # A high temperature is one of the pregnancy signs; ticking only the fever question is the same.
    midwife = "URGENT: contact your midwife, GP or maternity unit now"
    result = run(pregnant=True, rf_fever=True, rf_pregnancy_signs=False)
    assert ids(result) == ["pregnancy_fever", "rf_fever"] and box_title(result, URGENT) == midwife
    assert ids(run(pregnant=False, rf_fever=True)) == ["rf_fever"]
    assert "pregnancy_fever" not in ids(run(pregnant=True, rf_fever=True, rf_pregnancy_signs=True))
    ticked = result_for(CONTENT, checkin_answers(CONTENT, ["rf_fever"], {"pregnant": True}))
    assert ids(ticked) == ["pregnancy_fever", "rf_fever"] and box_title(ticked, URGENT) == midwife


def test_the_pregnancy_signs_are_asked_only_when_pregnant() -> None:
    assert "rf_pregnancy_signs" in to_ask(CONTENT, {"pregnant": True})
    assert "rf_pregnancy_signs" not in to_ask(CONTENT, {"pregnant": False})
    assert "rf_pregnancy_signs" not in to_ask(CONTENT, {})
    # Asked only in pregnancy, but a yes given anyway is never dropped: a file that leaves out the
    # optional `pregnant` (the template does) or contradicts it still gets the advice.
    assert run(rf_pregnancy_signs=True).triage == "urgent"
    assert run(pregnant=False, rf_pregnancy_signs=True).triage == "urgent"
    assert run(pregnant=False, rf_pregnancy_signs=False).triage == "self_care"


def test_pregnancy_brings_the_pelvic_girdle_pain_physio_advice() -> None:
    def actions(result: AssessmentResult) -> list[str]:
        return [n.id for n in result.recommendations.action_details]

    back = {"back_pain": "often", "back_pain_weeks": 10}
    assert "pregnancy_pelvic_girdle" in actions(run(pregnant=True, **back))
    assert "pregnancy_pelvic_girdle" not in actions(run(pregnant=False, **back))
    text = next(a.text for a in CONTENT.advice.actions if a.id == "pregnancy_pelvic_girdle")
    assert "midwife" in text and "physiotherapist" in text


def test_a_checkin_offers_the_pregnancy_signs_only_when_the_latest_assessment_says_pregnant(
    cli: Cli,
) -> None:
    assert "rf_pregnancy_signs" in [s.id for s in offered_signs(CONTENT, {"pregnant": True})]
    assert "rf_pregnancy_signs" not in [s.id for s in offered_signs(CONTENT, {"pregnant": False})]
    result = cli.invoke(["checkin", "--foot", "1", "--back", "5", "--sign", "rf_pregnancy_signs"])
    assert result.exit_code == 2 and "asked only when your latest assessment says so" in result.stderr


# ------------------------------------------------------------------ 3. no assumed answers


def test_a_file_without_warning_sign_answers_is_refused_naming_every_one(cli: Cli, tmp_path: Path) -> None:
    answers = {k: v for k, v in no_problem_answers().items() if k not in CONTENT.red_flag_ids()}
    answers |= {"back_pain": "often", "back_pain_weeks": 10, "foot_pain": "often", "foot_pain_level": 5}
    path = tmp_path / "a.json"
    path.write_text(json.dumps(answers), encoding="utf-8")
    result = cli.invoke(["assess", "--answers", str(path), "--json"])
    assert result.exit_code == 2 and result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("footback: error: ")
    named = lines[0].rsplit("to ask on: ", 1)[1].split(", ")
    # every warning sign that applies (not the pregnancy ones: not pregnant; not the diabetic-foot
    # one: no diabetes and no numb feet, so its answer follows)
    assert named == [i for i in CONTENT.red_flag_ids() if i not in ("rf_pregnancy_signs", "rf_diabetic_foot")]
    assert not (cli.context.data_dir / "footback.sqlite3").exists()


def test_on_a_terminal_the_missing_signs_are_asked(cli: Cli, tmp_path: Path) -> None:
    answers = {k: v for k, v in no_problem_answers().items() if k != "rf_night_pain"}
    path = tmp_path / "a.json"
    path.write_text(json.dumps(answers), encoding="utf-8")
    cli.context.stdin_tty = True
    # the optional age and pregnancy are offered too (Enter skips; pregnancy in its checklist step
    # alone), then the missing sign, alone in its checklist step
    result = cli.invoke(["assess", "--answers", str(path), "--json", "--no-save"], input="\n\n1\n\n")
    assert result.exit_code == 0, result.output
    assert "Is the pain worse at night" in result.stderr
    assert json.loads(result.stdout)["triage"] == "urgent"


def test_an_urgent_sign_in_a_file_still_needs_the_other_signs_but_an_emergency_does_not() -> None:
    urgent = {"rf_fever": True}
    missing = to_ask(CONTENT, urgent)
    first = CONTENT.questions.parts[0].id
    assert "rf_saddle_numbness" in missing and all(CONTENT.question(q).part == first for q in missing)
    assert to_ask(CONTENT, {"rf_saddle_numbness": True}) == []
    assert to_ask(CONTENT, signs_answered(rf_fever=True)) == []


def test_the_template_with_its_signs_answered_is_a_complete_answers_file(cli: Cli, tmp_path: Path) -> None:
    filled = template_signs_answered_no(cli.invoke(["assess", "--template"]).stdout)
    path = tmp_path / "t.toml"
    path.write_text(filled, encoding="utf-8")
    result = cli.invoke(["assess", "--answers", str(path), "--json", "--no-save"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["triage"] == "self_care"
    # ... and a yes to both legs in it, with nothing else changed, errs to the emergency side.
    path.write_text(filled.replace("rf_both_legs = false", "rf_both_legs = true"), encoding="utf-8")
    legs = cli.invoke(["assess", "--answers", str(path), "--json", "--no-save"])
    assert json.loads(legs.stdout)["triage"] == "emergency"


# ---------------------------------------------------- 9. an emergency shows only the emergency action


@pytest.mark.parametrize("command", ["assess", "checkin"])
def test_an_emergency_box_shows_only_the_emergency_action(cli: Cli, tmp_path: Path, command: str) -> None:
    if command == "assess":
        path = tmp_path / "a.json"
        path.write_text(json.dumps({"rf_saddle_numbness": True, "rf_fever": True}), encoding="utf-8")
        result = cli.invoke(["assess", "--answers", str(path), "--no-save"])
    else:
        args = ["--sign", "rf_saddle_numbness", "--sign", "rf_fever"]
        result = cli.invoke(["checkin", "--foot", "1", "--back", "3", *args])
    assert result.exit_code == 0, result.output
    out = one_line(result.stdout)
    assert "EMERGENCY: get help now" in out and "999 in the UK" in out
    assert "See a doctor today" not in out and "health helpline" not in out
    assert "Also tell them about: fever with the pain." in out


# ---------------------------------------------------- every sign's severity, as clinical-facts.md gives it

SEVERITY = {
    "rf_saddle_numbness": "emergency",
    "rf_bladder_bowel": "emergency",
    "rf_both_legs": "emergency",
    "rf_sexual_dysfunction": "emergency",
    "rf_leg_weakness": "emergency",
    "rf_chest_or_breath": "emergency",
    "rf_calf_swelling": "emergency",
    "rf_sudden_cold_foot": "emergency",
    "rf_pregnancy_signs": "urgent",
    "rf_fever": "urgent",
    "rf_cancer_history": "urgent",
    "rf_immunosuppressed": "urgent",
    "rf_iv_drugs": "urgent",
    "rf_thoracic_pain": "urgent",
    "rf_back_deformity": "urgent",
    "rf_weight_loss": "urgent",
    "rf_night_pain": "urgent",
    "rf_injury": "urgent",
    "rf_cannot_bear_weight": "urgent",
    "rf_diabetic_foot": "urgent",
    "rf_hot_swollen_foot": "urgent",
    "rf_cold_pale_foot": "urgent",
    "diabetic_foot_emergency": "emergency",
    "both_legs_long_standing": "urgent",
    "pregnancy_fever": "urgent",
    "new_back_pain_age": "urgent",
}


def test_every_warning_sign_has_the_severity_the_clinical_facts_give() -> None:
    """One sign moved from emergency to urgent (say chest pain or a swollen calf) fails here."""
    found = {rule.id: rule.severity for rule in CONTENT.sign_rules()}
    assert found == SEVERITY
