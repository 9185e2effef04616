"""`footback plan`: steps picked from the latest assessment, each with its reason, saved as a routine."""

from __future__ import annotations

import json
import stat
import tomllib
from pathlib import Path

import pytest

from footback.assess.content import load_assess_content
from footback.assess.service import assess as score_answers
from footback.cli.app import app
from footback.core.errors import BadInputError, FootbackError
from footback.core.paths import plan_path
from footback.plan.build import build_plan, plan_toml
from footback.plan.content import load_plan_content
from footback.records.db import open_store
from footback.stretch.catalogue import load_builtin, load_file, load_saved_plan
from tests.support.helpers import back_pain_answers, no_problem_answers
from tests.support.history_seed import NOW, add_assessment, at, heel_and_back_answers
from tests.support.runner import CliRunner

runner = CliRunner()


def _plan_for(answers: dict[str, object]) -> list[tuple[str, str, list[str]]]:
    result = score_answers(load_assess_content(), answers)  # type: ignore[arg-type]
    made = build_plan(result, NOW, load_plan_content(), load_builtin)
    return [(p.step.name, p.routine, p.reasons) for p in made.steps]


def test_heel_calf_and_high_back_pick_the_matching_steps_in_order() -> None:
    steps = _plan_for(heel_and_back_answers())
    names = [name for name, _, _ in steps]
    # Morning stretch first (before standing), then foot work, then the whole back routine.
    assert names[0] == "Plantar fascia-specific stretch"
    assert steps[0][1] == "morning"
    assert "Calf stretch at a wall" in names
    back = [s.name for s in load_builtin("back").steps]
    assert names[-len(back) :] == back
    assert names.count("Plantar fascia-specific stretch") == 1  # picked twice, listed once
    reasons = {name: " ".join(why) for name, _, why in steps}
    assert "first steps" in reasons["Plantar fascia-specific stretch"]
    assert "heel pain" in reasons["Plantar fascia-specific stretch"]  # both reasons kept
    assert "Radford" in reasons["Calf stretch at a wall"]
    assert "back level is high" in reasons["Knee to chest"]


def test_low_back_level_gets_two_gentle_back_steps_not_the_routine() -> None:
    names = [name for name, _, _ in _plan_for(back_pain_answers())]
    assert names == ["Knee rolls", "Pelvic tilt"]


def test_no_problem_gets_the_fallback_with_its_reason() -> None:
    steps = _plan_for(no_problem_answers())
    assert [name for name, _, _ in steps] == list(load_plan_content().fallback.steps)
    assert all("Nothing in your answers" in " ".join(why) for _, _, why in steps)


def test_every_pick_names_real_catalogue_steps() -> None:
    content = load_plan_content()
    for pick in [*content.picks, content.fallback]:
        known = {step.name for step in load_builtin(pick.routine).steps}
        assert set(pick.steps) <= known, pick.id


def test_saved_plan_is_a_valid_routine_file_with_reasons(home: Path) -> None:
    with open_store(home) as store:
        add_assessment(store, heel_and_back_answers(), at(1))
    result = runner.invoke(app, ["plan"])
    assert result.exit_code == 0, result.output
    assert "footback stretch --routine plan" in result.stdout
    assert "Radford" in result.stdout  # the reason is on screen
    path = plan_path(home)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    routine = load_file(path)
    assert routine.name == "plan"
    assert routine.steps[0].note is not None and routine.steps[0].note.startswith("Why: ")
    assert "# Why:" in path.read_text()
    played = load_saved_plan(home)
    assert played.source == "plan"
    assert [s.name for s in played.steps] == [s.name for s in routine.steps]


def test_toml_writer_survives_quotes_backslashes_and_control_text() -> None:
    result = score_answers(load_assess_content(), no_problem_answers())
    made = build_plan(result, NOW, load_plan_content(), load_builtin)
    tricky = made.steps[0].step.model_copy(update={"instructions": 'Say "hi" \\ then\ttab\x7f and ünïcode'})
    made.steps[0].step = tricky
    text = plan_toml(made, NOW)
    assert tomllib.loads(text)["steps"][0]["instructions"] == 'Say "hi" \\ then\ttab\x7f and ünïcode'


def test_no_assessment_says_how_to_get_one(home: Path) -> None:
    result = runner.invoke(app, ["plan"])
    assert result.exit_code == 1
    assert "footback assess" in result.stdout
    assert not home.exists()


def test_urgent_latest_assessment_without_a_terminal_is_one_line_and_exit_2(home: Path) -> None:
    urgent = no_problem_answers() | {"rf_fever": True}
    with open_store(home) as store:
        add_assessment(store, heel_and_back_answers(), at(3))
        add_assessment(store, urgent, at(1))
    result = runner.invoke(app, ["plan"], env={"COLUMNS": "200"})
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and "--seen-clinician" in result.stderr
    assert "fever with the pain" in result.stderr
    assert not plan_path(home).exists()


def test_seen_clinician_is_recorded_and_a_plan_waits_for_a_new_assessment(home: Path) -> None:
    urgent = no_problem_answers() | {"rf_fever": True}
    with open_store(home) as store:
        add_assessment(store, heel_and_back_answers(), at(3))
        add_assessment(store, urgent, at(1))
    result = runner.invoke(app, ["plan", "--seen-clinician"], env={"COLUMNS": "200"})
    assert result.exit_code == 1
    assert "a clinician has seen you" in result.stdout
    assert "run `footback assess` again" in result.stdout
    assert not plan_path(home).exists()
    with open_store(home) as store:
        assert store.query("SELECT count(*) FROM clinician_seen")[0][0] == 1
    # Asked once: the next run goes straight to the same advice, without asking again.
    again = runner.invoke(app, ["plan"], env={"COLUMNS": "200"})
    assert again.exit_code == 1 and "run `footback assess` again" in again.stdout


def test_saved_plan_is_refused_after_an_urgent_assessment(home: Path) -> None:
    with pytest.raises(BadInputError, match="footback plan"):
        load_saved_plan(home)
    with open_store(home) as store:
        add_assessment(store, heel_and_back_answers(), at(3))
    assert runner.invoke(app, ["plan"]).exit_code == 0
    with open_store(home) as store:
        add_assessment(store, no_problem_answers() | {"rf_fever": True}, at(1))
    with pytest.raises(FootbackError, match="warning sign"):
        load_saved_plan(home)


def test_no_save_and_json(home: Path) -> None:
    with open_store(home) as store:
        add_assessment(store, heel_and_back_answers(), at(1))
    result = runner.invoke(app, ["plan", "--json", "--no-save"])
    assert result.exit_code == 0
    doc = json.loads(result.stdout)
    assert doc["saved_to"] is None
    assert doc["steps"][0]["reasons"]
    assert not plan_path(home).exists()
