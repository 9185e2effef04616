"""`footback stretch` end to end through the CLI, on a fake clock."""

from __future__ import annotations

import os
import signal
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest

from footback.cli.context import AppContext
from footback.core.paths import db_path
from footback.records.db import open_store
from footback.records.stretch_sessions import SavedSession, recent_sessions
from footback.stretch.player import Key
from tests.support.context import Cli, WallClock, press
from tests.support.helpers import no_problem_answers
from tests.support.history_seed import add_assessment
from tests.support.stretch_fakes import FakeClock

START = 1000.0
TWO_STEPS = """
name = "two"
description = "Two quick steps."

[[steps]]
name = "Toe lift"
seconds = 4
instructions = "Lift your toes."

[[steps]]
name = "Calf"
seconds = 3
each_side = true
instructions = "Lean on a wall."
equipment = ["a wall"]
"""


@pytest.fixture
def two(tmp_path: Path) -> Path:
    path = tmp_path / "two.toml"
    path.write_text(TWO_STEPS, encoding="utf-8")
    return path


def fake_terminal(
    context: AppContext,
    *,
    in_tty: bool = False,
    presses: list[tuple[float, Key | BaseException | Callable[[], None]]] | None = None,
) -> FakeClock:
    """Keys pressed at these seconds (stdin a terminal when `in_tty`); the clock to read back."""
    if in_tty:
        press(context, presses or [])
    assert isinstance(context.clock, WallClock)
    return context.clock.ticks


def sessions(home: Path) -> list[SavedSession]:
    with open_store(home) as store:
        return recent_sessions(store)


def test_help_documents_every_option(cli: Cli) -> None:
    result = cli.invoke(["stretch", "--help"])
    assert result.exit_code == 0
    for option in [
        "--routine",
        "--file",
        "--list",
        "--preview",
        "--speed",
        "--lead-in",
        "--quiet",
        "--plain",
        "--no-save",
        "--no-color",
    ]:
        assert option in result.output
    assert "Example: footback stretch" in result.output


def test_list_shows_routines_with_steps_and_time(cli: Cli) -> None:
    result = cli.invoke(["stretch", "--list"])
    assert result.exit_code == 0, result.output
    for name in ["back", "feet", "full", "morning"]:
        assert name in result.output
    assert "steps" in result.output and "time" in result.output
    assert "full    │     8 │" in result.output


def test_preview_shows_doses_sources_and_total_without_playing(
    home: Path, cli: Cli, context: AppContext
) -> None:
    clock = fake_terminal(context)
    result = cli.invoke(["stretch", "--routine", "feet", "--preview"])
    assert result.exit_code == 0, result.output
    out = " ".join(result.output.split())
    assert "hold 10 s x 10, each side (left then right), 3 s rest between" in out
    assert "Radford et al. 2007" in out and "Evidence: expert opinion" in out
    assert "You will need: a tennis ball or a water bottle at room temperature; a wall to lean on" in out
    assert "in all (a 3 s lead-in before each step" in out
    assert clock.now == START and sessions(home) == []


def test_playing_a_file_in_plain_mode_saves_the_session(
    cli: Cli, context: AppContext, home: Path, two: Path
) -> None:
    clock = fake_terminal(context)
    result = cli.invoke(["stretch", "--file", str(two), "--lead-in", "2"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == "Routine: two, 2 steps, 0:19"
    assert "Switch sides: right side next, in 5 s" in lines
    assert lines[-3] == "Routine done: two"
    assert lines[-2] == "Finished 'two' in 0:19: 2 of 2 steps done. Saved to your history."
    assert lines[-1] == f"Data file: {db_path(home)}"
    assert clock.now - START == 19
    (row,) = sessions(home)
    assert row.routine == "two" and row.finished is True
    assert (row.planned_seconds, row.actual_seconds, row.steps_done, row.steps_skipped) == (
        19,
        19,
        2,
        0,
    )
    assert row.started_at.isoformat() == "2025-03-04T07:30:00+00:00"
    assert row.detail == {
        "ended_by": "end",
        "lead_in": 2.0,
        "paused_seconds": 0.0,
        "source": "file",
        "speed": 1.0,
        "steps": ["done", "done"],
        "steps_total": 2,
    }


def test_no_save_and_lead_in_zero(home: Path, cli: Cli, context: AppContext, two: Path) -> None:
    fake_terminal(context)
    result = cli.invoke(["stretch", "-f", str(two), "--lead-in", "0", "--no-save", "--plain"])
    assert result.exit_code == 0, result.output
    assert "Get ready" not in result.output
    assert "Not saved (--no-save)" in result.output
    assert sessions(home) == []


def test_speed_runs_the_routine_faster(home: Path, cli: Cli, context: AppContext, two: Path) -> None:
    clock = fake_terminal(context)
    result = cli.invoke(["stretch", "-f", str(two), "--speed", "10", "--lead-in", "0"])
    assert result.exit_code == 0, result.output
    assert clock.now - START == pytest.approx(1.5)
    assert sessions(home)[0].detail["speed"] == 10


def test_q_stops_with_exit_0_and_saves_the_partial_session(
    home: Path, cli: Cli, context: AppContext, two: Path
) -> None:
    fake_terminal(context, in_tty=True, presses=[(1, Key.SKIP), (5, Key.STOP)])
    result = cli.invoke(["stretch", "-f", str(two), "--lead-in", "1"])
    assert result.exit_code == 0, result.output
    said = " ".join(result.output.split())  # wrapped at words
    assert "Stopped 'two' after 0:05: 0 of 2 steps done, 1 skipped. Saved to your history;" in said
    (row,) = sessions(home)
    assert row.finished is False and row.steps_skipped == 1 and row.actual_seconds == 5


def test_ctrl_c_exits_130_and_saves_the_partial_session(
    home: Path, cli: Cli, context: AppContext, two: Path
) -> None:
    fake_terminal(context, in_tty=True, presses=[(6, KeyboardInterrupt())])
    result = cli.invoke(["stretch", "-f", str(two), "--lead-in", "1"])
    assert result.exit_code == 130
    (row,) = sessions(home)
    assert row.finished is False and row.steps_done == 1 and row.actual_seconds == 6
    assert row.detail["ended_by"] == "interrupt"


def test_sigterm_restores_saves_and_exits_143(home: Path, cli: Cli, context: AppContext, two: Path) -> None:
    before = signal.getsignal(signal.SIGTERM)
    kill = lambda: os.kill(os.getpid(), signal.SIGTERM)  # noqa: E731
    fake_terminal(context, in_tty=True, presses=[(3, kill)])
    result = cli.invoke(["stretch", "-f", str(two), "--lead-in", "1"])
    assert result.exit_code == 143
    (row,) = sessions(home)
    assert row.finished is False and row.actual_seconds == 3
    assert signal.getsignal(signal.SIGTERM) == before


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--routine", "../../etc/passwd"], "--routine takes a routine name"),
        (["--routine", "fet"], "unknown routine 'fet'; did you mean 'feet'"),
        (["--routine", "feet", "--file", "x.toml"], "use either --routine NAME or --file PATH"),
        (["--file", "missing.toml"], "missing.toml: no such file"),
    ],
)
def test_bad_choices_exit_2_with_one_line(cli: Cli, args: list[str], message: str) -> None:
    result = cli.invoke(["stretch", *args])
    assert result.exit_code == 2
    assert message in result.stderr
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr


def test_a_bad_routine_file_names_file_step_and_field(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "bad.toml"
    path.write_text(TWO_STEPS.replace("seconds = 3", "seconds = 900"), encoding="utf-8")
    result = cli.invoke(["stretch", "--file", str(path)])
    assert result.exit_code == 2
    assert f"{path}: step 2 ('Calf'): seconds: Input should be less than or equal to 600" in result.stderr


@pytest.mark.parametrize("args", [["--speed", "0"], ["--speed", "101"], ["--lead-in", "-1"]])
def test_out_of_range_options_are_usage_errors(cli: Cli, args: list[str]) -> None:
    assert cli.invoke(["stretch", "--routine", "feet", *args]).exit_code == 2


def save_recommending(home: Path, routines: list[str]) -> None:
    """A saved assessment (no warning sign) whose advice recommends `routines`."""
    from footback.assess.content import load_assess_content
    from footback.assess.service import assess
    from footback.records.assessments import save_assessment

    content = load_assess_content()
    result = assess(content, no_problem_answers())
    recs = result.recommendations.model_copy(update={"routines": routines})
    with open_store(home) as store:
        saved = result.model_copy(update={"recommendations": recs})
        save_assessment(
            store, no_problem_answers(), saved, datetime(2025, 3, 1, tzinfo=UTC), citer=content.sources
        )


def test_without_a_routine_it_plays_what_the_assessment_recommended(
    home: Path, cli: Cli, context: AppContext
) -> None:
    fake_terminal(context)
    save_recommending(home, ["morning", "back"])
    result = cli.invoke(["stretch"])
    assert result.exit_code == 0, result.output
    assert "Playing 'morning', recommended by your latest assessment." in result.output
    assert "Also recommended: footback stretch --routine back" in result.output
    assert "Routine done: morning" in result.output
    assert sessions(home)[0].routine == "morning"


def test_an_urgent_assessment_plays_nothing_until_a_clinician_has_been_seen(
    home: Path, cli: Cli, context: AppContext
) -> None:
    clock = fake_terminal(context, in_tty=True)
    with open_store(home) as store:
        add_assessment(store, no_problem_answers() | {"rf_fever": True}, datetime(2025, 3, 1, tzinfo=UTC))
    result = cli.invoke(["stretch", "--routine", "feet"], input="n\n")
    assert result.exit_code == 1
    said = " ".join(result.output.split())
    assert "Your assessment of 2025-03-01 reported a warning sign: fever with the pain." in said
    assert "Has a clinician" in said and "Please get the care advised above" in said
    assert clock.now == START and sessions(home) == []


def test_no_assessment_and_no_terminal_is_a_clear_error(cli: Cli, context: AppContext) -> None:
    fake_terminal(context)
    result = cli.invoke(["stretch"])
    assert result.exit_code == 2
    assert "choose a routine with --routine NAME (routines: back, feet, full, morning)" in result.stderr


def test_no_assessment_on_a_terminal_asks_which_routine(cli: Cli, context: AppContext) -> None:
    fake_terminal(context, in_tty=True)
    result = cli.invoke(["stretch", "--lead-in", "0"], input="nope\nmorning\n")
    assert result.exit_code == 0, result.output
    assert "Which routine?" in result.output
    assert "Please select one of the available options" in result.output
    assert "Routine done: morning" in result.output


def test_routine_plan_plays_the_saved_plan(home: Path, cli: Cli, context: AppContext) -> None:
    from footback.stretch.catalogue import load_saved_plan
    from tests.support.history_seed import heel_and_back_answers

    fake_terminal(context)
    with open_store(home) as store:
        add_assessment(store, heel_and_back_answers(), datetime(2025, 3, 1, tzinfo=UTC))
    assert cli.invoke(["plan"]).exit_code == 0  # saves the plan in the context's data folder
    planned = load_saved_plan(home)
    result = cli.invoke(["stretch", "--routine", "plan", "--lead-in", "0"])
    assert result.exit_code == 0, result.output
    assert f"Routine done: {planned.name}" in result.output
    assert sessions(home)[0].steps_done == len(planned.steps)
    assert sessions(home)[0].detail["source"] == "plan"


def test_the_plan_plays_only_through_the_loader_the_command_hands_down(context: AppContext) -> None:
    from footback.core.errors import BadInputError
    from footback.stretch.options import StretchOptions
    from footback.stretch.session import run

    fake_terminal(context)
    with pytest.raises(BadInputError, match="saved plan cannot be played here"):
        run(StretchOptions(routine="plan", plain=True, wait=False), context)
