"""`footback stretch --preview` without --routine says it is previewing, not playing."""

from __future__ import annotations

from pathlib import Path

from footback.cli.app import app
from footback.records.db import open_store
from tests.support.history_seed import add_assessment, at, heel_and_back_answers
from tests.support.runner import CliRunner

runner = CliRunner()


def test_preview_without_a_routine_says_previewing(home: Path) -> None:
    with open_store(home) as store:
        add_assessment(store, heel_and_back_answers(), at(1))
    result = runner.invoke(app, ["stretch", "--preview"])
    assert result.exit_code == 0, result.output
    assert "recommended by your latest assessment." in result.output
    assert "Previewing '" in result.output and "Playing '" not in result.output


def test_preview_of_the_configured_default_says_previewing(home: Path, tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    config.write_text('default_routine = "back"\n', encoding="utf-8")
    result = runner.invoke(app, ["stretch", "--preview"], env={"FOOTBACK_CONFIG": str(config)})
    assert result.exit_code == 0, result.output
    assert "Previewing 'back', the default_routine in" in " ".join(result.output.split())


def _with_plan(home: Path) -> None:
    with open_store(home) as store:
        add_assessment(store, heel_and_back_answers(), at(1))
    made = runner.invoke(app, ["plan"])
    assert made.exit_code == 0, made.output


def test_with_a_saved_plan_preview_and_play_take_the_plan_and_say_so(home: Path) -> None:
    # It previewed `full`, "recommended by your latest assessment", though a plan was saved.
    _with_plan(home)
    preview = runner.invoke(app, ["stretch", "--preview"])
    assert preview.exit_code == 0, preview.output
    said = " ".join(preview.output.split())
    assert "Previewing your saved plan ('plan', made by `footback plan`)." in said
    assert "recommended by your latest assessment" not in said
    played = runner.invoke(app, ["stretch", "--speed", "100", "--lead-in", "0"])
    assert played.exit_code == 0, played.output
    assert "Playing your saved plan ('plan'" in " ".join(played.output.split())
    history = runner.invoke(app, ["history", "--json"]).stdout
    assert '"routine": "plan"' in history


def test_a_configured_default_routine_still_comes_before_the_plan(home: Path, tmp_path: Path) -> None:
    _with_plan(home)
    config = tmp_path / "config.toml"
    config.write_text('default_routine = "back"\n', encoding="utf-8")
    result = runner.invoke(app, ["stretch", "--preview"], env={"FOOTBACK_CONFIG": str(config)})
    assert "Previewing 'back', the default_routine in" in " ".join(result.output.split())


def test_while_a_warning_sign_waits_preview_does_not_take_the_plan(home: Path) -> None:
    _with_plan(home)
    flagged = runner.invoke(app, ["checkin", "--foot", "5", "--back", "5", "--sign", "rf_fever"])
    assert flagged.exit_code == 0, flagged.output
    # The check-in's warning sign is the latest assessment: it recommends no routine, so the
    # person is asked to name one (no terminal here: one line, exit 2), never shown the plan.
    preview = runner.invoke(app, ["stretch", "--preview"])
    assert preview.exit_code == 2 and "did not recommend a routine" in preview.output
    assert "saved plan" not in preview.output


def test_with_no_assessment_the_question_names_the_assessment(home: Path) -> None:
    """A new user's `footback stretch` asked "Which routine?" with nothing saying how footback
    would pick one: the line before it names `footback assess` (and so does the error without
    a terminal)."""
    result = runner.invoke(app, ["stretch", "--preview"])
    assert result.exit_code == 2
    said = " ".join(result.output.split())
    assert "No saved assessment recommends a routine yet (`footback assess` picks one)" in said
