"""`footback assess` through the CLI: every option and every bad-input case."""

from __future__ import annotations

import json
import stat
import tomllib
from pathlib import Path

import pytest

from footback.assess.content import load_assess_content
from footback.cli.app import app
from footback.core.paths import DB_NAME
from tests.support.helpers import (
    no_problem_answers,
    part_one_keys,
    signs_answered,
    template_signs_answered_no,
)
from tests.support.runner import CliRunner

runner = CliRunner()
CONTENT = load_assess_content()


def write_answers(tmp_path: Path, answers: dict[str, object], name: str = "answers.json") -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(answers), encoding="utf-8")
    return path


def one_error_line(stderr: str) -> str:
    lines = [line for line in stderr.splitlines() if line.strip()]
    assert len(lines) == 1, stderr
    assert "Traceback" not in stderr
    return lines[0]


def test_template_is_valid_toml_with_every_question_and_scores_zero(tmp_path: Path, home: Path) -> None:
    result = runner.invoke(app, ["assess", "--template"])
    assert result.exit_code == 0
    parsed = tomllib.loads(result.stdout)
    assert parsed["foot_pain"] == "none"
    assert "# height_cm = " in result.stdout  # optional ones are commented out
    assert "Allowed: one of: none, sometimes, often, constant" in result.stdout
    path = tmp_path / "template.toml"
    path.write_text(template_signs_answered_no(result.stdout), encoding="utf-8")
    scored = runner.invoke(app, ["assess", "--answers", str(path), "--json", "--no-save"])
    assert scored.exit_code == 0, scored.stderr
    data = json.loads(scored.stdout)
    assert [data["scores"][k]["score"] for k in ("foot", "back", "link")] == [0, 0, 0]
    assert not (home / DB_NAME).exists()


def test_the_template_leaves_every_warning_sign_blank_and_keeps_the_other_defaults() -> None:
    """Copied unread, the template must not answer "no" to a warning sign for the person."""
    text = runner.invoke(app, ["assess", "--template"]).stdout
    signs = CONTENT.red_flag_ids()
    lines = text.splitlines()
    for qid in signs:
        at = lines.index(f"# {qid} = ")  # blank and commented out, like `age`
        assert "# Allowed: true or false" in lines[at - 2 : at], qid
    assert "warning sign" in text.splitlines()[1]  # said at the top, under the title
    defaults = {
        q.id: q.no_problem for q in CONTENT.questions.questions if not q.optional and q.id not in signs
    }
    assert tomllib.loads(text) == defaults


def test_the_unedited_template_is_refused_naming_the_warning_signs(tmp_path: Path, home: Path) -> None:
    path = tmp_path / "answers.toml"
    path.write_text(runner.invoke(app, ["assess", "--template"]).stdout, encoding="utf-8")
    result = runner.invoke(app, ["assess", "--answers", str(path)], input="")
    line = one_error_line(result.stderr)
    assert result.exit_code == 2 and result.stdout == ""
    asked = [q.id for q in map(CONTENT.question, CONTENT.red_flag_ids()) if not (q.ask_if or q.ask_if_any)]
    assert line.startswith(f"footback: error: {path}: missing answers")
    assert all(qid in line for qid in asked), line
    assert not (home / DB_NAME).exists()


def test_schema_describes_every_id() -> None:
    result = runner.invoke(app, ["assess", "--schema"])
    assert result.exit_code == 0
    schema = json.loads(result.stdout)
    assert schema["additionalProperties"] is False
    props = schema["properties"]
    assert props["foot_pain"]["enum"] == ["none", "sometimes", "often", "constant"]
    assert props["foot_pain_areas"]["items"]["enum"][0] == "heel"
    assert props["back_pain_level"] == {
        "description": props["back_pain_level"]["description"],
        "type": "integer",
        "minimum": 0,
        "maximum": 10,
    }
    assert props["rf_calf_swelling"]["type"] == "boolean"


def test_json_result_has_the_documented_shape(tmp_path: Path) -> None:
    answers = no_problem_answers() | {"back_pain": "often", "arch": "flat"}
    answers |= dict.fromkeys(("leg_pain", "neck_shoulder_pain", "walk_limited", "dress_slowly"), False)
    answers |= dict.fromkeys(("fear_activity", "worry", "pain_never_better", "no_enjoyment"), False)
    answers |= {"bothersome": "slightly", "back_pain_level": 3, "back_pain_weeks": 2}
    answers["back_worse_after_standing"] = True
    path = write_answers(tmp_path, answers)
    result = runner.invoke(app, ["assess", "-a", str(path), "--json", "--no-save"])
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert set(data) >= {"urgent", "red_flags", "scores", "startback", "recommendations"}
    assert data["urgent"] is False
    assert {k: data["startback"][k] for k in ("total", "psychosocial", "group")} == {
        "total": 0,
        "psychosocial": 0,
        "group": "low",
    }
    assert "Keele University" in data["startback"]["notice"]
    assert data["triage"] == "self_care"
    link = data["scores"]["link"]
    # flat feet 10 (a study) + back pain builds on the feet 20 (the article), which may add
    # at most half the study points: 10 + 5
    assert link["score"] == 15
    assert link["level"] == "low"
    assert (link["associations"], link["known_associations"]) == (1, 3)
    assert {f["id"] for f in link["factors"]} == {"flat_feet", "back_builds_on_feet"}
    assert all(set(f) >= {"id", "points", "reason", "source"} for f in link["factors"])
    recs = data["recommendations"]
    assert set(recs) >= {"routines", "actions", "see_specialist", "why_specialist"}
    assert recs["routines"] == ["back"]  # the link alone no longer adds the feet routine


def test_urgent_json_lists_flags_with_severity_and_no_routines(tmp_path: Path) -> None:
    path = write_answers(tmp_path, {"rf_bladder_bowel": True, "rf_fever": True})
    result = runner.invoke(app, ["assess", "-a", str(path), "--json", "--no-save"])
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["urgent"] is True
    assert [(f["id"], f["severity"]) for f in data["red_flags"]] == [
        ("rf_bladder_bowel", "emergency"),
        ("rf_fever", "urgent"),
    ]
    assert all(f["advice"] for f in data["red_flags"])
    assert data["recommendations"]["routines"] == []


def test_urgent_screen_shows_the_emergency_panel(tmp_path: Path) -> None:
    path = write_answers(tmp_path, {"rf_leg_weakness": True})
    result = runner.invoke(app, ["assess", "-a", str(path), "--no-save"])
    assert result.exit_code == 0
    assert "EMERGENCY: get help now" in result.stdout
    assert "no stretches" in result.stdout
    assert "footback stretch --routine" not in result.stdout


def test_urgent_only_flag_gets_urgent_wording(tmp_path: Path) -> None:
    path = write_answers(tmp_path, signs_answered(rf_night_pain=True))
    result = runner.invoke(app, ["assess", "-a", str(path), "--no-save"])
    assert "URGENT: see a doctor today" in result.stdout
    assert "EMERGENCY" not in result.stdout


@pytest.mark.parametrize(
    ("content", "name", "expected"),
    [
        ('fot_pain = "none"\n', "a.toml", "unknown question id 'fot_pain'; did you mean 'foot_pain'?"),
        (
            'foot_pain = "sometime"\n',
            "a.toml",
            "foot_pain: 'sometime' is not allowed; expected one of: none,",
        ),
        ("foot_pain_level = 11\n", "a.toml", "foot_pain_level: 11 is more than 10"),
        ('rf_fever = "yes"\n', "a.toml", "rf_fever: 'yes' is not allowed; expected true or false"),
        ('foot_pain_areas = ["heel", "knee"]\n', "a.toml", "expected a list of: heel, arch"),
        ("standing_hours = nan\n", "a.toml", "standing_hours: expected a number from 0 to 24"),
        ("\n\nfoot_pain = \n", "a.toml", "a.toml:3: invalid TOML"),
        ('{\n "foot_pain": "none",\n}\n', "a.json", "a.json:3: invalid JSON"),
        ('["not", "a", "mapping"]', "a.json", "expected a JSON object"),
        ("\xff\xfe", "a.toml", "not valid UTF-8"),
    ],
)
def test_bad_answers_files_exit_2_with_one_line_and_save_nothing(
    tmp_path: Path, home: Path, content: str, name: str, expected: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content.encode("latin-1") if content.startswith("\xff") else content.encode())
    result = runner.invoke(app, ["assess", "--answers", str(path)])
    assert result.exit_code == 2
    line = one_error_line(result.stderr)
    assert expected in line
    assert str(name) in line
    assert not (home / DB_NAME).exists()


def test_missing_answers_without_a_terminal_list_the_missing_ids(tmp_path: Path, home: Path) -> None:
    answers = no_problem_answers()
    for key in ("arch", "back_pain_level", "bothersome"):
        del answers[key]
    answers["back_pain"] = "often"
    path = write_answers(tmp_path, answers)
    result = runner.invoke(app, ["assess", "-a", str(path)])
    assert result.exit_code == 2
    line = one_error_line(result.stderr)
    assert "missing answers and no terminal to ask on: arch, back_pain_level," in line
    assert line.endswith("bothersome")
    assert not (home / DB_NAME).exists()


def test_a_missing_file_is_a_usage_error(tmp_path: Path) -> None:
    result = runner.invoke(app, ["assess", "-a", str(tmp_path / "nope.toml")])
    assert result.exit_code == 2
    assert "nope.toml: no such file" in one_error_line(result.stderr)


def test_saved_assessments_are_private_and_compared_next_time(tmp_path: Path, home: Path) -> None:
    path = write_answers(tmp_path, no_problem_answers())
    first = runner.invoke(app, ["assess", "-a", str(path)])
    assert first.exit_code == 0, first.stderr
    db = home / DB_NAME
    assert stat.S_IMODE(home.stat().st_mode) == 0o700
    assert stat.S_IMODE(db.stat().st_mode) == 0o600
    assert f"Saved to {db}" in first.stdout.replace("\n", "")
    worse = write_answers(tmp_path, no_problem_answers() | {"foot_pain": "often"}, "worse.json")
    second = runner.invoke(app, ["assess", "-a", str(worse)])
    assert second.exit_code == 0
    assert "(+18 since last time)" in second.stdout
    assert "compared with" in second.stdout


def test_no_save_stores_nothing(tmp_path: Path, home: Path) -> None:
    path = write_answers(tmp_path, no_problem_answers())
    result = runner.invoke(app, ["assess", "-a", str(path), "--no-save"])
    assert result.exit_code == 0
    assert not home.exists() or not (home / DB_NAME).exists()


def typed_session(*extra: str) -> str:
    """Keyboard input for a full interview: no red flags, foot pain, no back pain."""
    lines = part_one_keys()  # age and pregnancy skipped, back pain never, no warning sign
    lines += ["3", "heel 2", "6", "10", "y", "flat", "inner edge", "y", "n"]  # feet; back details skipped
    # footwear worn out; those shoes: cushioning only (no arch support, orthotics or earlier tries);
    # fit, hours on your feet, stretch days, height and weight skipped
    lines += ["4", "2", "1", "8", "1", "", ""]
    return "\n".join([*extra, *lines]) + "\n"


def test_typed_interview_scores_and_saves(home: Path) -> None:
    result = runner.invoke(app, ["assess"], input=typed_session())
    assert result.exit_code == 0, result.output
    out = result.stdout
    # The questions go to the terminal (stderr); stdout holds only the result.
    assert "WARNING SIGNS" in result.stderr and "YOUR FEET" in result.stderr
    assert "WARNING SIGNS" not in out and "Why:" not in out
    assert "How bad is the back pain" not in result.stderr  # skipped: no back pain
    # foot: often 18 + level>=4 8 + weeks>=6 8 + heel 8 + first step 12 + flat 6 + inner-edge wear 5
    # + tight calf 8 + on feet 8 h 8 + worn-out shoes 8 + no arch support 4
    assert "Foot risk" in out and " 93/100 high" in out
    assert "footback stretch --routine feet" in out
    assert "footback stretch --routine morning" in out
    assert (home / DB_NAME).exists()


def test_typed_interview_reasks_on_bad_input_shows_help_and_goes_back() -> None:
    text = typed_session()
    # After part 1: a bad choice, a help request, an answer, then back, then the real answer.
    lines = text.splitlines()
    first = len(part_one_keys())
    lines[first : first + 1] = ["7", "?", "2", "b", "3"]
    result = runner.invoke(app, ["assess", "--no-save", "--json"], input="\n".join(lines) + "\n")
    assert result.exit_code == 0, result.output
    assert "Not understood: choose 1-4 or one of: never, sometimes, often, all the time" in result.stderr
    assert "Foot pain, heel pain in particular, goes together with low back pain" in result.stderr
    data = json.loads(result.stdout)
    assert data["scores"]["foot"]["score"] == 93


def test_an_emergency_yes_shows_the_advice_before_any_further_question(home: Path) -> None:
    lines = ["", "1", "", "y", ""]  # age skipped; back pain never; no situation; saddle numbness: yes
    result = runner.invoke(app, ["assess"], input="\n".join(lines) + "\n")
    assert result.exit_code == 0, result.output
    err = result.stderr  # the questions and the advice at once go to the terminal
    advice = err.index("999 in the UK, 911 in the US, 112 in the EU")
    assert err.index("EMERGENCY: get help now") < advice
    assert "b to change an answer" in err
    assert "trouble passing urine" not in err  # the next question was never asked
    assert "YOUR FEET" not in err
    assert "EMERGENCY: get help now" in result.stdout  # and the result panel
    assert (home / DB_NAME).exists()


def test_b_after_the_emergency_advice_changes_the_answer(home: Path) -> None:
    lines = ["", "1", "", "y", "b", "n", *part_one_keys()[4:]]
    # feet never hurt: arch, wear, calf, old injury; footwear, those shoes (arch support and
    # cushioning), fit, hours on your feet, stretch days, height and weight skipped
    lines += ["1", "normal", "even", "n", "n", "1", "1 2", "good", "2", "7", "", ""]
    result = runner.invoke(app, ["assess", "--json", "--no-save"], input="\n".join(lines) + "\n")
    assert result.exit_code == 0, result.output
    assert "999 in the UK" in result.stderr
    data = json.loads(result.stdout)
    assert data["triage"] == "self_care" and data["red_flags"] == []


def test_an_urgent_yes_finishes_part_one_then_stops(home: Path) -> None:
    keys = part_one_keys()
    # after saddle, bladder, both legs, sexual, weakness, chest, calf, sudden cold: the urgent
    # back signs as one checklist step, fever first
    fever = keys.index("n", 3) + 8
    keys[fever] = "1"
    result = runner.invoke(app, ["assess", "--json", "--no-save"], input="\n".join([*keys, ""]) + "\n")
    assert result.exit_code == 0, result.output
    assert "footback stops here" in result.stderr
    assert "And these, about your feet?" in result.stderr  # part 1 was finished first
    assert "How often do your feet hurt" not in result.stderr
    data = json.loads(result.stdout)
    assert data["triage"] == "urgent" and [f["id"] for f in data["red_flags"]] == ["rf_fever"]


def test_input_ending_early_saves_nothing(home: Path) -> None:
    result = runner.invoke(app, ["assess"], input="n\nn\n")
    assert result.exit_code == 1
    # Ctrl-D's message starts on its own line, not after the "> " prompt.
    assert "\n> \nfootback: error: input ended before the assessment was finished" in result.stderr
    assert result.stdout == ""
    assert not (home / DB_NAME).exists()
