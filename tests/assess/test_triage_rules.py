"""Every triage rule of issue 10 as a worked case: answers in, what a clinician would expect out."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from footback.assess.content import load_assess_content
from footback.assess.scoring import capped_points
from footback.assess.service import assess
from footback.cli.app import app
from footback.content.loader import sources
from footback.content.questions import Answers
from footback.core.cited import citing
from footback.core.safety import SignRule, evaluate, needs_clinician, triage_of
from footback.models.assessment import AssessmentResult, FactorHit
from tests.support.helpers import back_pain_answers, no_problem_answers, signs_answered
from tests.support.runner import CliRunner

CONTENT = load_assess_content()
runner = CliRunner()


def run(**answers: object) -> AssessmentResult:
    return assess(CONTENT, no_problem_answers() | answers)  # type: ignore[operator]


def flag_ids(result: AssessmentResult) -> list[str]:
    return [f.id for f in result.red_flags]


def foot_pain(**more: object) -> dict[str, object]:
    return {
        "foot_pain": "often",
        "foot_pain_areas": ["heel"],
        "foot_pain_level": 4,
        "foot_pain_weeks": 3,
    } | more


def back_pain(weeks: int = 10, **more: object) -> dict[str, object]:
    return {"back_pain": "often", "back_pain_level": 4, "back_pain_weeks": weeks} | more


# ------------------------------------------------------------------ the rule itself (core.safety)


def test_the_rule_orders_emergencies_first_and_takes_the_most_serious() -> None:
    rules = [
        SignRule("a", "urgent", lambda f: f.get("a") is True),
        SignRule("b", "emergency", lambda f: f.get("b") is True),
    ]
    signs = evaluate(rules, {"a": True, "b": True})
    assert [s.id for s in signs] == ["b", "a"]
    assert triage_of(s.severity for s in signs) == "emergency"
    assert triage_of([]) == "self_care" and not needs_clinician("self_care")
    assert needs_clinician("urgent") and needs_clinician("emergency")


# ------------------------------------------------------------------ 1. a sudden cold foot


def test_a_sudden_cold_pale_foot_is_an_emergency() -> None:
    result = run(rf_sudden_cold_foot=True)
    assert result.triage == "emergency" and result.urgent
    assert flag_ids(result) == ["rf_sudden_cold_foot"]


def test_slow_rest_pain_or_a_chronically_pale_foot_is_urgent() -> None:
    result = run(rf_cold_pale_foot=True)
    assert result.triage == "urgent" and result.urgent
    text = CONTENT.question("rf_cold_pale_foot").text
    assert "at rest" in text and "for a while" in text


# ------------------------------------------------------------------ 2. combinations (NICE NG19)


@pytest.mark.parametrize(
    "other", ["rf_fever", "rf_hot_swollen_foot", "rf_cold_pale_foot", "rf_sudden_cold_foot"]
)
def test_a_diabetic_foot_with_infection_or_ischaemia_signs_is_an_emergency(other: str) -> None:
    result = run(rf_diabetic_foot=True, **{other: True})
    assert result.triage == "emergency"
    assert {"diabetic_foot_emergency", "rf_diabetic_foot", other} <= set(flag_ids(result))
    combo = next(f for f in result.red_flags if f.id == "diabetic_foot_emergency")
    assert "999" in combo.advice and "NICE NG19" in combo.citation(CONTENT.sources)


@pytest.mark.parametrize(
    "alone", ["rf_diabetic_foot", "rf_fever", "rf_hot_swollen_foot", "rf_cold_pale_foot"]
)
def test_each_part_of_the_combination_alone_stays_urgent(alone: str) -> None:
    result = run(**{alone: True})
    assert result.triage == "urgent"
    assert "diabetic_foot_emergency" not in flag_ids(result)


def test_combinations_are_data_not_code() -> None:
    combo = next(s for s in CONTENT.safety.signs if s.id == "diabetic_foot_emergency")
    assert combo.severity == "emergency" and len(combo.any) == 10
    assert all(len(group) == 2 for group in combo.any)  # each a pair of answers, both needed


@pytest.mark.parametrize("person", ["diabetes", "foot_numbness"])
@pytest.mark.parametrize("foot", ["rf_hot_swollen_foot", "rf_cold_pale_foot", "rf_sudden_cold_foot"])
def test_diabetes_or_numb_feet_with_an_infected_or_ischaemic_foot_is_an_emergency(
    person: str, foot: str
) -> None:
    # Said no to the diabetic-foot question: the hot swollen or cold foot is the diabetic foot problem.
    result = run(rf_diabetic_foot=False, **{person: True, foot: True})
    assert result.triage == "emergency"
    assert "diabetic_foot_emergency" in flag_ids(result)


@pytest.mark.parametrize("person", ["diabetes", "foot_numbness"])
def test_diabetes_or_numb_feet_with_fever_but_no_foot_problem_stays_urgent(person: str) -> None:
    result = run(**{person: True, "rf_fever": True})
    assert result.triage == "urgent" and flag_ids(result) == ["rf_fever"]


@pytest.mark.parametrize("person", [{}, {"diabetes": True}, {"foot_numbness": True}])
def test_diabetes_or_numb_feet_alone_is_self_care_with_foot_advice(person: dict[str, bool]) -> None:
    result = run(**person)
    assert result.triage == "self_care"
    ids = {n.id for n in result.recommendations.action_details}
    assert ("diabetes_foot_checks" in ids) == bool(person)


# ------------------------------------------------------------------ 3. cauda equina signs


@pytest.mark.parametrize("flag", ["rf_both_legs", "rf_sexual_dysfunction"])
def test_cauda_equina_signs_are_emergencies_alone(flag: str) -> None:
    result = run(**back_pain(), **{flag: True})
    assert result.triage == "emergency" and flag_ids(result) == [flag]
    assert result.recommendations.routines == []


def test_pain_down_both_legs_at_8_of_10_gets_no_knee_to_chest() -> None:
    result = run(**back_pain(back_pain_level=8), rf_both_legs=True)
    assert result.triage == "emergency"
    assert result.recommendations.routines == [] and result.recommendations.actions == []


# ------------------------------------------------------------------ 4. the missing back-pain flags


@pytest.mark.parametrize(
    "flag",
    ["rf_immunosuppressed", "rf_iv_drugs", "rf_thoracic_pain", "rf_back_deformity", "rf_cancer_history"],
)
def test_each_back_pain_flag_alone_is_urgent_with_back_pain(flag: str) -> None:
    result = run(**back_pain(), **{flag: True})
    assert result.triage == "urgent" and flag_ids(result) == [flag]


@pytest.mark.parametrize(
    "flag",
    ["rf_immunosuppressed", "rf_iv_drugs", "rf_thoracic_pain", "rf_back_deformity", "rf_cancer_history"],
)
def test_back_pain_flags_in_a_file_without_the_back_pain_answer_still_count(flag: str) -> None:
    # Unknown back pain is treated as possible back pain: never less safe than before.
    answers: Answers = {flag: True}
    result = assess(CONTENT, answers)
    assert result.triage == "urgent"


@pytest.mark.parametrize(
    ("age", "weeks", "triage"),
    [
        (15, 3, "urgent"),
        (19, 3, "urgent"),
        (20, 3, "self_care"),
        (50, 3, "self_care"),
        (51, 3, "urgent"),
        (51, 6, "self_care"),  # not new: 6 weeks or more
        (19, 10, "self_care"),
    ],
)
def test_new_back_pain_under_20_or_over_50_goes_to_a_doctor(age: int, weeks: int, triage: str) -> None:
    result = run(age=age, **back_pain(weeks=weeks))
    assert result.triage == triage
    if triage == "urgent":
        assert flag_ids(result) == ["new_back_pain_age"]
        assert "doctor" in result.red_flags[0].advice


def test_age_rules_need_back_pain() -> None:
    assert run(age=70, **foot_pain()).triage == "self_care"


@pytest.mark.parametrize("age", [15, 10])
def test_under_16_footback_says_it_is_for_adults(age: int) -> None:
    result = run(age=age, **back_pain(weeks=20), **foot_pain())
    assert result.triage == "self_care"
    assert result.adult_notice is not None and "made for adults" in result.adult_notice
    assert result.startback is None
    recs = result.recommendations
    assert recs.routines == [] and recs.specialist == "GP, with a parent or carer"


def test_16_and_over_is_an_adult() -> None:
    result = run(age=16, **back_pain(weeks=20))
    assert result.adult_notice is None and result.startback is not None and result.recommendations.routines


def test_age_is_asked_in_part_1_and_optional_in_files() -> None:
    age = CONTENT.question("age")
    assert age.part == CONTENT.questions.parts[0].id and age.optional


# ------------------------------------------------------------------ 5. over-triage fixes


def test_a_cancer_history_with_foot_pain_only_is_mentioned_not_urgent() -> None:
    result = run(rf_cancer_history=True, **foot_pain())
    assert result.triage == "self_care" and not result.urgent
    assert result.recommendations.routines
    assert any("had cancer" in a for a in result.recommendations.actions)


def test_injury_names_what_counts_and_lifting_strain_does_not() -> None:
    question = CONTENT.question("rf_injury")
    for words in ("fall from a height", "road accident", "blow", "osteoporosis", "steroid"):
        assert words in question.text
    assert "lifting alone does not count" in question.why


def test_the_ottawa_question_has_no_double_negative_and_warns_about_numb_feet() -> None:
    question = CONTENT.question("rf_cannot_bear_weight")
    assert "can you not" not in question.text and "too painful to take four steps" in question.text
    assert "numb" in question.why and question.help is not None and "numb" in question.help


# ------------------------------------------------------------------ 7. an honest link


def hit(points: int, source: str) -> FactorHit:
    return FactorHit(id=source, points=points, reason="", source_ids=[source])


def test_article_and_opinion_factors_add_at_most_a_third() -> None:
    src = sources()
    assert capped_points([hit(45, "article_sweeney")], src) == 0
    assert capped_points([hit(20, "heel_pain_lbp_2018"), hit(45, "article_sweeney")], src) == 30
    assert capped_points([hit(20, "heel_pain_lbp_2018"), hit(6, "article_sweeney")], src) == 26
    assert capped_points([hit(20, "heel_pain_lbp_2018"), hit(10, "article_sweeney")], src) == 30  # a third
    assert capped_points([hit(20, "heel_pain_lbp_2018"), hit(11, "article_sweeney")], src) == 30


@pytest.mark.parametrize(
    "ids", [["heel_pain_lbp_2018", "article_sweeney"], ["article_sweeney", "heel_pain_lbp_2018"]]
)
def test_a_factor_with_a_study_among_its_sources_counts_as_from_a_study(ids: list[str]) -> None:
    """One study source is enough, whatever its place (issue 20, tests that were missing)."""
    both = FactorHit(id="both", points=20, reason="", source_ids=ids)
    assert capped_points([both], sources()) == 20


def test_the_link_is_zero_without_a_published_factor() -> None:
    result = run(
        **back_pain(back_worse_after_standing=True),
        **foot_pain(foot_pain_areas=["toes"]),
        footwear="worn_out",
    )
    link = result.scores.link
    assert {f.id for f in link.factors} == {
        "back_builds_on_feet",
        "foot_and_back_pain",
        "unsupportive_footwear",
    }
    assert link.score == 0 and link.level == "low" and link.associations == 0


def test_the_link_counts_known_associations_with_their_evidence() -> None:
    result = run(**back_pain(), **foot_pain(), first_step_pain=True, arch="flat", shoe_wear="inner_edge")
    link = result.scores.link
    assert (link.associations, link.known_associations) == (3, 3)
    studied = {f.id for f in link.factors if f.evidence == "association"}
    assert studied == {"plantar_heel_pain", "flat_feet", "pronation_wear"}
    assert link.level != "high" or any(f.evidence in ("published", "association") for f in link.factors)


def test_flat_feet_carry_menz_2013_and_nothing_states_cause() -> None:
    flat = next(f for f in CONTENT.scoring.scores["link"].factors if f.id == "flat_feet")
    assert "menz_2013" in flat.source_ids and "not linked" in flat.reason
    wear = next(f for f in CONTENT.scoring.scores["link"].factors if f.id == "pronation_wear")
    assert "women only" in wear.reason
    builds = next(f for f in CONTENT.scoring.scores["link"].factors if f.id == "back_builds_on_feet")
    assert "spinal stenosis" in builds.reason
    for q in CONTENT.questions.questions:
        assert "chain starts" not in q.why


# ------------------------------------------------------------------ 8. orthotics


def test_orthotics_for_heel_pain_say_what_whittaker_2018_found() -> None:
    result = run(**foot_pain())
    note = next(n for n in result.recommendations.evidence_notes if n.id == "orthotics_heel_pain")
    assert "whittaker_2018" in note.source_ids and "custom-made orthoses did no better" in note.text
    assert "Br J Sports Med 52(5):322" in sources().cite("whittaker_2018")


# ------------------------------------------------------------------ 9. who to see and when


def test_back_pain_only_goes_to_a_gp_or_physiotherapist_not_a_podiatrist() -> None:
    result = run(**back_pain(back_pain_level=8), tried_shoes_and_stretches=True)
    recs = result.recommendations
    assert recs.see_specialist and recs.specialist == "GP or physiotherapist"
    assert "podiatrist" not in (recs.specialist or "")


def test_foot_pain_goes_to_a_podiatrist_after_2_weeks_of_self_care() -> None:
    recs = run(**foot_pain(), tried_shoes_and_stretches=True).recommendations
    assert recs.specialist == "podiatrist (or your GP)"
    assert any("2 weeks" in n.text for n in recs.specialist_reasons)


def test_long_pain_alone_is_not_a_referral_but_the_2_week_rule_is_said() -> None:
    recs = run(**foot_pain(foot_pain_weeks=8)).recommendations
    assert not recs.see_specialist
    assert any("not improved after about 2 weeks" in a for a in recs.actions)


def test_stay_active_is_said_and_said_plainly_with_fear_of_activity() -> None:
    calm = run(**back_pain(), fear_activity=False).recommendations.actions
    afraid = run(**back_pain(), fear_activity=True).recommendations.actions
    assert any(a.startswith("Keep moving") for a in calm)
    assert any("moving is safe" in a for a in afraid) and not any(a.startswith("Keep moving") for a in afraid)


# ------------------------------------------------------------------ 10. diabetes and numb feet


@pytest.mark.parametrize("answer", ["diabetes", "foot_numbness"])
def test_diabetes_or_numb_feet_bring_foot_checks_and_a_gentler_roll(answer: str) -> None:
    result = run(**foot_pain(), **{answer: True})
    ids = {n.id for n in result.recommendations.action_details}
    assert {"diabetes_foot_checks", "numb_feet_roll"} <= ids
    roll = next(n.text for n in result.recommendations.action_details if n.id == "numb_feet_roll")
    assert "never frozen" in roll and "check the skin" in roll
    assert "diabetes_foot_pain" in {n.id for n in result.recommendations.specialist_reasons}
    assert result.triage == "self_care"  # not red flags on their own


# ------------------------------------------------------------------ 11. pregnancy


def test_pregnancy_brings_the_positions_advice() -> None:
    result = run(**back_pain(), pregnant=True)
    assert any("16 weeks" in a and "lying flat" in a for a in result.recommendations.actions)
    assert CONTENT.question("pregnant").optional


# ------------------------------------------------------------------ 12. STarT Back names and words


def test_startback_uses_keeles_names_words_and_notice() -> None:
    answers = back_pain_answers(leg_pain=True, walk_limited=True, dress_slowly=True, worry=True)
    sb = assess(CONTENT, answers).startback
    assert sb is not None and sb.group == "medium"
    assert (
        sb.summary is not None and "medium risk of the pain becoming long-lasting and disabling" in sb.summary
    )
    assert "worry and mood" not in sb.summary
    assert sb.notice is not None and "copyright (c) 2007 Keele University" in sb.notice
    assert "Arthritis Research UK" in sb.notice


def test_startback_items_8_and_9_keep_keeles_meaning_without_revealing_scoring() -> None:
    assert "not enjoyed" in CONTENT.question("no_enjoyment").text
    assert "count" not in CONTENT.question("bothersome").why


def test_an_old_stored_moderate_group_reads_as_medium() -> None:
    data = run(**back_pain()).model_dump(mode="json", context=citing(CONTENT.sources))
    data.pop("triage")
    data["startback"]["group"] = "moderate"
    old = AssessmentResult.model_validate(data)
    assert old.startback is not None and old.startback.group == "medium" and old.triage == "self_care"


# ------------------------------------------------------------------ 13. emergency numbers


def test_every_emergency_says_999_911_and_112() -> None:
    advice = [
        q.red_flag.advice
        for q in CONTENT.questions.questions
        if q.red_flag and q.red_flag.severity == "emergency"
    ]
    advice += [s.advice for s in CONTENT.safety.signs if s.severity == "emergency"]
    assert advice
    for text in advice:
        assert "999 in the UK" in text and "911 in the US" in text and "112 in the EU" in text


# ------------------------------------------------------------------ contract: JSON, template, old files


def test_json_triage_and_urgent(tmp_path: Path) -> None:
    cases = {
        "emergency": {"rf_both_legs": True, "both_legs_since": "new"},
        "urgent": signs_answered(rf_fever=True),
        "self_care": no_problem_answers(),
    }
    for triage, answers in cases.items():
        path = tmp_path / f"{triage}.json"
        path.write_text(json.dumps(answers), encoding="utf-8")
        result = runner.invoke(app, ["assess", "-a", str(path), "--json", "--no-save"])
        assert result.exit_code == 0, result.stderr
        data = json.loads(result.stdout)
        assert data["triage"] == triage and data["urgent"] is (triage != "self_care")


NEW_IDS = [
    "rf_sudden_cold_foot",
    "rf_both_legs",
    "rf_sexual_dysfunction",
    "rf_immunosuppressed",
    "rf_iv_drugs",
    "rf_thoracic_pain",
    "rf_back_deformity",
    "diabetes",
    "foot_numbness",
    "pregnant",
]


def test_new_ids_are_in_the_template_and_the_schema() -> None:
    template = runner.invoke(app, ["assess", "--template"]).stdout
    schema = json.loads(runner.invoke(app, ["assess", "--schema"]).stdout)
    for qid in NEW_IDS:
        assert f"{qid} = " in template
        assert qid in schema["properties"]


def test_an_old_answers_file_without_the_new_ids_is_refused_naming_them(tmp_path: Path) -> None:
    """A warning sign the file does not answer is never taken as "no" (issue 20, item 3)."""
    old = {k: v for k, v in no_problem_answers().items() if k not in NEW_IDS}
    path = tmp_path / "old.json"
    path.write_text(json.dumps(old), encoding="utf-8")
    result = runner.invoke(app, ["assess", "-a", str(path), "--json", "--no-save"])
    assert result.exit_code == 2 and result.stdout == ""
    line = result.stderr.strip()
    assert "\n" not in line and line.startswith("footback: error: ") and "no terminal" in line
    named = line.rsplit(": ", 1)[1].split(", ")
    assert sorted(named) == sorted(i for i in NEW_IDS if i != "pregnant")  # pregnant is optional


# ------------------------------------------------------------------ 11. exercise safety in every routine


def test_every_routine_says_when_to_stop_and_get_advice() -> None:
    from footback.stretch import catalogue

    for name in catalogue.names():
        routine = catalogue.load_builtin(name)
        caution = " ".join(" ".join(routine.cautions).split())
        assert "pain spreads down a leg" in caution and "numbness, tingling or weakness" in caution, name


def test_the_back_routine_caution_matches_its_steps_and_its_variants() -> None:
    from footback.stretch import catalogue

    back = catalogue.load_builtin("back")
    caution = " ".join(" ".join(back.cautions).split())
    assert "about 5 repetitions" not in caution  # its steps start with 1 to 5, not 5 each
    # The 16-week rule is said to the pregnant and to whoever has not said (data/pregnancy.toml),
    # no longer among the cautions everyone reads.
    from footback.stretch.pregnancy import pregnancy_note

    assert "16 weeks" not in caution and pregnancy_note(True, False) is None
    assert all("16 weeks" in (pregnancy_note(True, said) or "") for said in (True, None))
    steps = {s.name: s for s in back.steps}
    assert "behind the thigh" in " ".join(steps["Knee to chest"].instructions.split())
    for name in ("Knee to chest", "Knee rolls", "Pelvic tilt"):
        # Played in pregnancy as its own version (tests/stretch/test_pregnancy.py), and the note says so.
        assert steps[name].lying_on_back and steps[name].pregnancy is not None, name
        assert "Pregnant" in (steps[name].note or ""), name
    standing = steps["Pelvic tilt"].pregnancy
    assert standing is not None and "back and bottom against a wall" in standing.instructions


def test_the_crossed_leg_stretch_has_a_variant_for_people_who_cannot_cross_their_legs() -> None:
    from footback.stretch import catalogue

    for name in ("feet", "morning"):
        step = next(
            s for s in catalogue.load_builtin(name).steps if s.name == "Plantar fascia-specific stretch"
        )
        assert "hip replacement" in (step.note or "") and "towel or strap" in (step.note or ""), name
