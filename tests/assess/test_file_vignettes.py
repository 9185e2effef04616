"""Round 4 vignettes, as an outside clinician writes them: answers files run through
`footback assess --answers FILE --json --no-save` (tests/assess/vignettes/*.toml).

Each must get its triage and the warning signs its story has; with a warning sign footback gives
no routine and no advice besides getting care; a file with a warning-sign answer missing or not a
yes or no is refused, naming it, and nothing is stored."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path
from typing import Any

import pytest

from footback.assess.content import load_assess_content
from footback.content.answers_file import check_answers
from footback.content.loader import sources
from tests.support.context import Cli
from tests.support.file_vignettes import (
    OUTCOMES,
    FileVignette,
    Ran,
    answers_for,
    load_file_vignettes,
    run_file_vignette,
    scored_outcomes,
    story_baseline,
    template_answers,
)
from tests.support.vignettes import table

VIGNETTES = load_file_vignettes()
CONTENT = load_assess_content()
DOCS = Path(__file__).resolve().parents[2] / "docs" / "triage.md"


def run(cli: Cli, vignette: FileVignette, tmp_path: Path) -> Ran:
    return run_file_vignette(cli, vignette, story_baseline(), tmp_path)


def check_withheld(result: dict[str, Any]) -> None:
    """A warning sign: no routine, no action, only the clinician the sign needs."""
    recs = result["recommendations"]
    assert recs["routines"] == [] and recs["actions"] == [] and recs["action_details"] == []
    assert recs["see_specialist"] is True


def check_screen_withholds(cli: Cli, path: Path, triage: str) -> None:
    """The same file on screen: the care box and no routine, action or score."""
    out = cli.invoke(["assess", "--answers", str(path), "--no-save"]).stdout
    shown = " ".join(out.replace("\u2502", " ").replace("|", " ").split())  # the box's sides out
    title = CONTENT.advice.urgent.emergency_title if triage == "emergency" else "URGENT"
    assert title in shown and CONTENT.advice.urgent.no_exercise in shown
    assert "footback stretch" not in shown and "YOUR RESULT" not in shown


def check_scored(vignette: FileVignette, result: dict[str, Any]) -> None:
    recs = result["recommendations"]
    given = [n["id"] for n in recs["action_details"]]
    assert set(vignette.actions) <= set(given), given
    assert (result["adult_notice"] is not None) == vignette.adult_notice
    # Self care gives advice: a routine, except under 16 (a GP with a parent or carer instead).
    assert bool(recs["routines"]) != vignette.adult_notice
    if vignette.startback is not None:
        assert result["startback"]["group"] == vignette.startback
    if vignette.foot_level is not None:
        assert result["scores"]["foot"]["level"] == vignette.foot_level


@pytest.mark.parametrize("vignette", VIGNETTES, ids=[v.id for v in VIGNETTES])
def test_each_vignette_gets_its_outcome(cli: Cli, tmp_path: Path, vignette: FileVignette) -> None:
    ran = run(cli, vignette, tmp_path)
    assert not (cli.context.data_dir / "footback.sqlite3").exists()  # --no-save, refused or not
    if vignette.expected == "refused":
        lines = ran.stderr.strip().splitlines()
        assert ran.exit_code == 2 and ran.result is None and len(lines) == 1, ran.stderr
        assert lines[0].startswith("footback: error: ") and all(n in lines[0] for n in vignette.names)
        return
    assert ran.exit_code == 0 and ran.result is not None, ran.stderr
    result = ran.result
    assert result["triage"] == vignette.expected, vignette.story
    if vignette.signs is not None:
        assert sorted(f["id"] for f in result["red_flags"]) == sorted(vignette.signs)
    if vignette.expected == "self_care":
        check_scored(vignette, result)
    else:
        check_withheld(result)
        check_screen_withholds(cli, tmp_path / f"{vignette.id}.json", vignette.expected)


def test_the_vignettes_are_well_formed_cited_and_many(cli: Cli) -> None:
    assert len(VIGNETTES) >= 40
    ids = [v.id for v in VIGNETTES]
    assert len(ids) == len(set(ids))
    known = sources().sources
    printed = cli.invoke(["assess", "--template"])  # what a clinician starts from
    assert printed.exit_code == 0 and tomllib.loads(printed.stdout) == template_answers()
    baseline = story_baseline()  # the template with the signs the story leaves out answered "no"
    assert set(baseline) - set(template_answers()) == set(CONTENT.red_flag_ids())
    for v in VIGNETTES:
        assert v.expected in OUTCOMES and v.source in known and v.fact and v.story, v.id
        assert set(v.drop) <= set(baseline), v.id  # deletes lines the baseline has
        assert (v.expected == "refused") == bool(v.names), v.id
        if v.expected != "refused":
            check_answers(answers_for(v, baseline), CONTENT.questions.questions, f"vignette {v.id}")
    for outcome in OUTCOMES:
        assert sum(v.expected == outcome for v in VIGNETTES) >= 5, outcome


def test_every_sign_every_group_and_every_foot_level_is_met() -> None:
    """Each warning sign is named by some vignette; each STarT Back group and each foot level is
    the expected one of some vignette, on both sides of each boundary."""
    named = {s for v in VIGNETTES for s in v.signs or []}
    alone = {v.signs[0] for v in VIGNETTES if v.signs and len(v.signs) == 1}
    assert set(CONTENT.red_flag_ids()) <= alone  # each question's sign is the only one somewhere
    assert {s.id for s in CONTENT.safety.signs} <= named  # a combination comes with its parts
    assert {v.startback for v in VIGNETTES} >= {"low", "medium", "high"}
    assert {v.foot_level for v in VIGNETTES} >= {"low", "moderate", "high"}
    refused = {n for v in VIGNETTES for n in v.names}
    assert {"rf_pregnancy_signs", "rf_diabetic_foot", "both_legs_since"} <= refused


# ------------------------------------------------------------------ every sign unanswered or unsure


def precondition(sign: str) -> dict[str, Any]:
    """What makes a sign's question apply (pregnancy, diabetes, a yes to both legs)."""
    question = CONTENT.question(sign)
    if question.ask_if_any:
        return dict.fromkeys(question.ask_if_any[0], True)
    return dict.fromkeys(question.ask_if, True)


# Every warning-sign question and the follow-up that settles one, each left out (None) or given
# something other than its answers ('unsure' is an answer of both_legs_since: the test below).
UNANSWERED = [
    (sign, answer)
    for sign in [*CONTENT.red_flag_ids(), "both_legs_since"]
    for answer in (None, "not sure", "unsure", 1)
    if (sign, answer) != ("both_legs_since", "unsure")
]


@pytest.mark.parametrize(("sign", "answer"), UNANSWERED)
def test_a_sign_left_out_or_not_yes_or_no_is_refused_never_taken_as_no(
    cli: Cli, tmp_path: Path, sign: str, answer: object
) -> None:
    drop = [sign] if answer is None else []
    given = precondition(sign) | ({} if answer is None else {sign: answer})
    vignette = FileVignette(
        id=f"{sign}_{answer}", story="", fact="", source="", expected="refused", answers=given, drop=drop
    )
    ran = run(cli, vignette, tmp_path)
    assert ran.exit_code == 2 and ran.result is None
    assert ran.stderr.startswith("footback: error: ") and sign in ran.stderr


def test_not_sure_whether_both_legs_are_new_is_the_emergency(cli: Cli, tmp_path: Path) -> None:
    vignette = FileVignette(
        id="legs", story="", fact="", source="", expected="emergency",
        answers={"rf_both_legs": True, "both_legs_since": "unsure"},
    )  # fmt: skip
    ran = run(cli, vignette, tmp_path)
    assert ran.result is not None and ran.result["triage"] == "emergency"


def test_docs_publish_todays_round_4_table() -> None:
    docs = DOCS.read_text(encoding="utf-8")
    assert table(scored_outcomes()) in docs
    assert f"holds {len(VIGNETTES)} more cases" in " ".join(docs.split())


def test_the_screen_says_the_scores_are_footbacks_own_weighting(cli: Cli, tmp_path: Path) -> None:
    """Where evidence is weak footback says so: the 0-100 scores are its own weighting."""
    vignette = next(v for v in VIGNETTES if v.id == "r4_classic_plantar_fasciitis")
    path = tmp_path / "a.json"
    path.write_text(json.dumps(answers_for(vignette, story_baseline())), encoding="utf-8")
    shown = " ".join(cli.invoke(["assess", "--answers", str(path), "--no-save"]).stdout.split())
    for name in ("foot", "back"):
        note = CONTENT.scoring.scores[name].level_note
        assert note is not None and "footback's own weighting" in note and note in shown, name
    assert "not a validated score" in shown


@pytest.mark.parametrize(
    ("given", "said"),
    [
        ({"rf_fever": None}, "rf_fever: null is not"),
        ({"rf_both_legs": True, "both_legs_since": True}, "both_legs_since: true is not"),
    ],
)
def test_a_refusal_shows_the_value_as_the_file_wrote_it(
    cli: Cli, tmp_path: Path, given: dict[str, Any], said: str
) -> None:
    path = tmp_path / "a.json"
    path.write_text(json.dumps(story_baseline() | given), encoding="utf-8")
    result = cli.invoke(["assess", "--answers", str(path), "--json", "--no-save"])
    assert result.exit_code == 2 and said in result.stderr and "None" not in result.stderr
