"""The routine's start screen: each caution once, the pregnancy note only where it can apply.

The plan and `full` gather steps from several routines; each routine's caution used to come whole,
so the same "stop and get advice" line was read once per routine (three times for a plan of morning,
feet and back steps), and the pregnancy note sat inside the back routine's caution, shown to a person
whose assessment said not pregnant. A caution is now one line each (a line two routines share is
shown once), and the pregnancy note (data/pregnancy.toml) joins them for a routine with a step done
lying on the back unless the person said they are not pregnant.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from footback.cli.context import AppContext
from footback.records.db import open_store
from footback.stretch.catalogue import load_all, load_builtin
from footback.stretch.player import Key
from footback.stretch.pregnancy import load_pregnancy_content, pregnancy_note, pregnancy_said
from footback.stretch.routine_file import caution_lines
from tests.support.context import Cli, press
from tests.support.helpers import back_pain_answers
from tests.support.history_seed import add_assessment, at, heel_and_back_answers

STOP = "Stop and get advice if"
NOTE = load_pregnancy_content()


def _assess(home: Path, **answers: object) -> None:
    with open_store(home) as store:
        add_assessment(store, heel_and_back_answers() | answers, at(1))  # type: ignore[operator]


def _start_screen(context: AppContext, args: list[str]) -> list[str]:
    """The lines shown before the routine, at 80 columns, quitting at the ready prompt."""
    press(context, [(0.0, Key.STOP)])
    context.stdout_tty = True
    result = Cli(context).invoke(["stretch", *args])
    assert result.exit_code == 0, result.output
    lines = result.output.rstrip("\n").split("\n")
    assert lines[-1] == "Not started: nothing saved.", result.output
    return lines[:-1]


# ------------------------------------------------------------------ each caution once


def test_every_builtin_routine_warns_to_stop_in_one_shared_line() -> None:
    """The stop line is word for word the same in every routine, so it is shown once together."""
    stops = {line for routine in load_all() for line in routine.cautions if line.startswith(STOP)}
    assert len(stops) == 1
    (stop,) = stops
    for words in ("symptoms get worse", "new pain", "spreads down a leg", "numbness", "tingling", "weakness"):
        assert words in stop
    assert all(any(line.startswith(STOP) for line in routine.cautions) for routine in load_all())


def test_full_shows_each_caution_line_once() -> None:
    full = load_builtin("full").cautions
    assert len(full) == len(set(full))
    assert set(full) == set(load_builtin("feet").cautions) | set(load_builtin("back").cautions)
    assert sum(line.startswith(STOP) for line in full) == 1


def test_a_caution_is_one_line_each_and_blank_lines_are_dropped() -> None:
    assert caution_lines("Go slowly.\n\n  Stop if it hurts.  \n") == ["Go slowly.", "Stop if it hurts."]
    assert caution_lines(None) == []


def test_the_plan_start_screen_says_stop_once_and_fits_80x24(context: AppContext, home: Path) -> None:
    """A plan of morning, feet and back steps: 19 lines and three stop lines before."""
    _assess(home, pregnant=False)
    assert Cli(context).invoke(["plan"]).exit_code == 0
    lines = _start_screen(context, ["--routine", "plan"])
    screen = "\n".join(lines)
    assert screen.count(STOP) == 1, screen
    assert "Numb feet or diabetes" in screen  # numbness may go unnoticed: shown to everyone
    assert "pregnan" not in screen.lower(), screen
    assert lines[-1] == "Press Enter to start (q to quit)."
    assert max(len(line) for line in lines) <= 80
    assert len(lines) <= 16, screen  # 24 rows, with room for the shell line above


# ------------------------------------------------------------------ the pregnancy note


@pytest.mark.parametrize(
    ("option", "answers", "said"),
    [
        (True, None, True),
        (True, {"pregnant": False}, True),  # --pregnant asks for it whatever was answered
        (False, {"pregnant": True}, True),
        (False, {"pregnant": False}, False),
        (False, {}, None),  # the optional question skipped, or an old answers file
        (False, None, None),  # no assessment
    ],
)
def test_who_has_said_pregnant(option: bool, answers: dict[str, bool] | None, said: bool | None) -> None:
    assert pregnancy_said(option, answers) is said  # type: ignore[arg-type]


def test_the_note_is_for_steps_on_the_back_unless_not_pregnant() -> None:
    assert pregnancy_note(True, True) == NOTE.pregnant
    assert pregnancy_note(True, None) == NOTE.unsaid
    assert pregnancy_note(True, False) is None
    assert pregnancy_note(False, True) is None and pregnancy_note(False, None) is None
    assert "16 weeks" in NOTE.pregnant and "16 weeks" in NOTE.unsaid
    assert "--pregnant" in NOTE.unsaid  # how to get the versions off the back


@pytest.mark.parametrize(
    ("answers", "shown"),
    [
        ({"pregnant": True}, NOTE.pregnant),
        ({"pregnant": False}, None),
        ({}, NOTE.unsaid),
        (None, NOTE.unsaid),
    ],
)
def test_the_back_routine_shows_the_note_by_what_the_assessment_said(
    context: AppContext, home: Path, answers: dict[str, bool] | None, shown: str | None
) -> None:
    if answers is not None:
        with open_store(home) as store:
            add_assessment(store, back_pain_answers(**answers), at(1))
    screen = " ".join(" ".join(_start_screen(context, ["--routine", "back"])).split())
    for text in (NOTE.pregnant, NOTE.unsaid):
        assert (text in screen) is (text == shown), screen
    assert screen.count(STOP) == 1


def test_a_routine_without_steps_on_the_back_has_no_pregnancy_note(context: AppContext) -> None:
    screen = " ".join(" ".join(_start_screen(context, ["--routine", "feet", "--pregnant"])).split())
    assert NOTE.pregnant not in screen and NOTE.unsaid not in screen
    assert "pregnan" not in screen.lower()


def test_the_preview_shows_the_note_as_the_start_screen_does(cli: Cli) -> None:
    preview = " ".join(cli.invoke(["stretch", "--routine", "back", "--preview"]).output.split())
    assert NOTE.unsaid in preview


def test_the_plan_shows_the_note_by_what_the_assessment_said_and_never_saves_it(cli: Cli, home: Path) -> None:
    _assess(home)  # pregnant not answered
    data = json.loads(cli.invoke(["plan", "--json"]).stdout)
    assert data["cautions"][-1] == NOTE.unsaid
    assert sum(line.startswith(STOP) for line in data["cautions"]) == 1
    assert "pregnan" not in (home / "plan.toml").read_text(encoding="utf-8").split("[[steps]]")[0].lower()
    _assess(home, pregnant=False)
    data = json.loads(cli.invoke(["plan", "--json", "--no-save"]).stdout)
    assert not any("pregnan" in line.lower() for line in data["cautions"])
    screen = cli.invoke(["plan", "--no-save", "--pregnant"]).output
    assert NOTE.pregnant in " ".join(screen.split())
