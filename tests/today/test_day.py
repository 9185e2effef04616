"""A normal day from today's screen (issue 24, item 6): `footback` on a terminal offers the check-in
and the routine due with one key, then plays the routine after the check-in (its ready prompt is
the chance to stop); at most 10 keystrokes besides `footback` and its Enter and the two pain
numbers. In-process, through the context's injected keys and lines."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, time
from pathlib import Path
from typing import Any

import pytest

from footback.cli.context import AppContext
from footback.records.checkins import list_checkins
from footback.records.db import open_store
from footback.stretch.player import Key
from footback.today.content import load_today_content
from footback.today.day import day_steps
from footback.today.facts import DayItem, PlanBrief, Today, WarningWait
from tests.support.context import Cli, Lines, press, set_wall
from tests.support.helpers import TINY_ROUTINE, back_pain_answers
from tests.support.stretch_fakes import ScriptedKeys

# Tuesday 3 March 2026: the plan was made on Monday.
MONDAY = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
EVENING = datetime(2026, 3, 3, 19, 0, tzinfo=UTC)  # the plan routine and the check-in are due
DAY = load_today_content().day
MOST_KEYS = 10  # the limit


def _with_a_plan(cli: Cli, context: AppContext, tmp_path: Path) -> None:
    """Assessed and a plan saved on Monday; Tuesday's morning routine done. The saved plan is then
    a one-step routine, so the fake clock plays it in a moment (which routine it is does not
    change what is counted)."""
    set_wall(context, MONDAY)
    answers = tmp_path / "answers.json"
    answers.write_text(json.dumps(back_pain_answers(calf_tight=True)), encoding="utf-8")
    assert cli.invoke(["assess", "--answers", str(answers)]).exit_code == 0
    assert cli.invoke(["plan"]).exit_code == 0
    short = TINY_ROUTINE.replace('name = "tiny"', 'name = "plan"')  # a saved plan's name
    (context.data_dir / "plan.toml").write_text(short, encoding="utf-8")
    set_wall(context, EVENING)
    assert cli.invoke(["log", "morning"]).exit_code == 0


def _on_a_terminal(context: AppContext, keys: list[Key], lines: list[str]) -> Lines:
    press(context, [(0.0, key) for key in keys])
    context.stdout_tty = True
    context.line_reader = typed = Lines(list(lines))
    return typed


def _today(cli: Cli) -> dict[str, Any]:
    shown = cli.invoke(["today", "--json"])
    assert shown.exit_code == 0, shown.output
    found: dict[str, Any] = json.loads(shown.stdout)
    return found


def _states(cli: Cli) -> dict[str, str]:
    return {item["what"]: item["state"] for item in _today(cli)["items"]}


def test_a_normal_day_is_five_keystrokes_from_todays_screen(
    cli: Cli, context: AppContext, tmp_path: Path
) -> None:
    """Enter (check in, then the routine), foot 3 Enter, back 4 Enter, Enter (nothing new), Enter
    (the player's ready prompt): the routine is not offered a second time. Counted: every key but
    the pain digits; `footback` and its Enter are typed before and are not counted."""
    _with_a_plan(cli, context, tmp_path)
    keys = [Key.ENTER, Key.ENTER]  # today's offer, the ready prompt
    lines = ["3", "4", ""]  # foot; back; nothing new
    typed = _on_a_terminal(context, keys, lines)
    done = cli.invoke([])
    assert done.exit_code == 0, done.output
    said = " ".join(done.output.split())
    assert DAY.both.format(routine="plan").strip() in said
    assert DAY.after_checkin.format(routine="plan").strip() not in said
    assert typed.queue == [] and "Press Enter to start" in said, done.output
    with context.keys(False) as source:  # every key pressed was read, none left over
        assert isinstance(source, ScriptedKeys) and source.presses == []
    with open_store(context.data_dir) as store:
        (saved,) = list_checkins(store)
    assert (saved.day, saved.foot, saved.back, saved.warning_signs) == (date(2026, 3, 3), 3, 4, [])
    assert _states(cli) == {"morning routine": "done", "plan routine": "done", "check-in": "done"}
    counted = len(keys) + sum(len(line) + 1 for line in lines) - len("3") - len("4")
    assert counted == 5 and counted <= MOST_KEYS


def test_a_new_warning_sign_at_the_checkin_plays_no_routine(
    cli: Cli, context: AppContext, tmp_path: Path
) -> None:
    _with_a_plan(cli, context, tmp_path)
    # Enter; foot 3, back 4; y (something new); sign 1; no note. A second Enter is pressed too:
    # it must not start the routine.
    typed = _on_a_terminal(context, [Key.ENTER, Key.ENTER], ["3", "4", "y", "1", ""])
    done = cli.invoke([])
    said = " ".join(done.output.split())
    assert typed.queue == [] and DAY.after_sign.format(routine="plan") in said, done.output
    assert "Press Enter to start" not in said and "Routine: plan" not in said
    with open_store(context.data_dir) as store:
        (saved,) = list_checkins(store)
    assert saved.warning_signs != []
    assert _states(cli)["plan routine"] == "waiting"


def _jumped(cli: Cli, context: AppContext, tmp_path: Path, keys: list[Key]) -> str:
    """Monday's check-in foot 2; tonight foot 9: severe and 7 points up, so the check-in advises
    a GP (data/daily.toml [jump]) and the routine is asked for again."""
    _with_a_plan(cli, context, tmp_path)
    assert cli.invoke(["checkin", "--foot", "2", "--back", "2", "--date", "2026-03-02"]).exit_code == 0
    typed = _on_a_terminal(context, keys, ["9", "4", ""])
    done = cli.invoke([])
    assert done.exit_code == 0 and typed.queue == [], done.output
    said = " ".join(done.output.split())
    assert (
        "Your foot pain went from 2 to 9" in said and DAY.after_checkin.format(routine="plan").strip() in said
    )
    with context.keys(False) as source:  # every key was read: the second ask took one
        assert isinstance(source, ScriptedKeys) and source.presses == []
    return said


def test_after_advice_on_a_jump_in_pain_enter_still_plays(
    cli: Cli, context: AppContext, tmp_path: Path
) -> None:
    said = _jumped(cli, context, tmp_path, [Key.ENTER, Key.ENTER, Key.ENTER])
    assert "Press Enter to start" in said
    assert _states(cli)["plan routine"] == "done"


def test_after_advice_on_a_jump_in_pain_n_says_how_to_play_later(
    cli: Cli, context: AppContext, tmp_path: Path
) -> None:
    said = _jumped(cli, context, tmp_path, [Key.ENTER, Key.SKIP])
    assert DAY.later.format(routine="plan") in said and "Press Enter to start" not in said
    assert _states(cli) == {"morning routine": "done", "plan routine": "due", "check-in": "done"}


@pytest.mark.parametrize("leave", [Key.SKIP, Key.STOP])  # n; q, Esc or Ctrl-D
def test_n_or_q_just_shows_the_screen(cli: Cli, context: AppContext, tmp_path: Path, leave: Key) -> None:
    _with_a_plan(cli, context, tmp_path)
    typed = _on_a_terminal(context, [leave], ["3", "4", ""])
    done = cli.invoke([])
    assert done.exit_code == 0, done.output
    assert "Next: footback stretch --routine plan" in done.output
    assert typed.queue == ["3", "4", ""]  # nothing was asked
    assert _states(cli) == {"morning routine": "done", "plan routine": "due", "check-in": "due"}


def test_in_the_morning_enter_offers_the_routine_due_and_no_checkin(
    cli: Cli, context: AppContext, tmp_path: Path
) -> None:
    _with_a_plan(cli, context, tmp_path)
    set_wall(context, datetime(2026, 3, 4, 7, 30, tzinfo=UTC))  # Wednesday: the morning routine due
    typed = _on_a_terminal(context, [Key.ENTER, Key.STOP], ["3"])  # q at the player's ready prompt
    done = cli.invoke([])
    assert done.exit_code == 0, done.output
    said = " ".join(done.output.split())
    assert DAY.routine.format(routine="morning").strip() in said and "Routine: morning" in said
    assert "Not started: nothing saved." in said and typed.queue == ["3"]


def test_in_a_pipe_nothing_is_offered(cli: Cli, context: AppContext, tmp_path: Path) -> None:
    _with_a_plan(cli, context, tmp_path)
    typed = _on_a_terminal(context, [Key.ENTER], ["3", "4", ""])
    context.stdout_tty = False
    done = cli.invoke([])
    assert done.exit_code == 0 and done.stdout.splitlines()[-1].startswith("Next: footback stretch")
    assert DAY.both.format(routine="plan").strip() not in done.output and typed.queue == ["3", "4", ""]


def _facts(states: tuple[str, str], *, saved: bool = True, waiting: bool = False) -> Today:
    routine, checkin = states
    items = [
        DayItem(what="plan routine", routine="plan", at=time(18, 30), state=routine),  # type: ignore[arg-type]
        DayItem(what="check-in", routine=None, at=time(18, 30), state=checkin),  # type: ignore[arg-type]
    ]
    wait = WarningWait(since=date(2026, 3, 3), triage="urgent", signs=["fever"]) if waiting else None
    plan = PlanBrief(saved=saved, level=1 if saved else None)
    next_step = {"command": "footback progress", "why": "-"}
    return Today(
        today=date(2026, 3, 3), first_step=False, warning_sign=wait, items=items, plan=plan, next=next_step
    )  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("states", "saved", "waiting", "expected"),
    [
        (("due", "due"), True, False, (True, "plan")),
        (("done", "due"), True, False, (True, None)),
        (("due", "done"), True, False, (False, "plan")),
        (("later", "later"), True, False, (False, None)),
        (("done", "done"), True, False, (False, None)),
        (("due", "due"), False, False, (True, None)),  # no plan yet: `footback plan` comes first
        (("waiting", "due"), True, True, (False, None)),  # the clinician first
    ],
)
def test_what_enter_starts(
    states: tuple[str, str], saved: bool, waiting: bool, expected: tuple[bool, str | None]
) -> None:
    steps = day_steps(_facts(states, saved=saved, waiting=waiting))
    assert (steps.checkin, steps.routine) == expected
