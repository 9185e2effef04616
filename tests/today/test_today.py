"""Today's screen (`footback` alone, `footback today`): the facts, the one next command, the JSON."""

from __future__ import annotations

import json
from datetime import UTC, datetime, time, timedelta
from pathlib import Path
from typing import Any

import pytest

from footback.cli.context import AppContext
from footback.today.content import load_today_content
from footback.today.facts import DayItem, PlanBrief, next_command
from tests.support.context import Cli, set_wall
from tests.support.helpers import back_pain_answers

# Monday 2 March 2026: the day of the first assessment and plan.
MONDAY = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
STEPS = load_today_content().next


def _today(cli: Cli) -> dict[str, Any]:
    done = cli.invoke(["today", "--json"])
    assert done.exit_code == 0, done.output
    found: dict[str, Any] = json.loads(done.stdout)
    return found


def _states(facts: dict[str, Any]) -> list[tuple[str, str, str]]:
    return [(i["what"], i["at"][:5], i["state"]) for i in facts["items"]]


def _assessed(cli: Cli, tmp_path: Path, **answers: object) -> None:
    path = tmp_path / "answers.json"
    path.write_text(json.dumps(back_pain_answers(calf_tight=True, **answers)), encoding="utf-8")
    done = cli.invoke(["assess", "--answers", str(path)])
    assert done.exit_code in (0, 1), done.output  # 1: a warning sign was found


def test_a_new_user_sees_the_first_step_and_nothing_is_created(cli: Cli, context: AppContext) -> None:
    bare = cli.invoke([])
    assert bare.exit_code == 0, bare.output
    assert bare.stdout.splitlines() == [
        "footback, Tue 4 Mar 2025",
        load_today_content().text.welcome,
        "Next: footback assess  (the first step)",
    ]
    assert _today(cli)["first_step"] is True and _today(cli)["next"]["command"] == "footback assess"
    assert not context.data_dir.exists()


def test_help_stays_the_help(cli: Cli) -> None:
    shown = cli.invoke(["--help"])
    assert shown.exit_code == 0 and shown.stdout.startswith("Usage: footback")
    assert "today" in shown.stdout


def test_bare_footback_prints_what_footback_today_prints(
    cli: Cli, context: AppContext, tmp_path: Path
) -> None:
    set_wall(context, MONDAY)
    _assessed(cli, tmp_path)
    bare, named = cli.invoke([]), cli.invoke(["today"])
    assert bare.exit_code == named.exit_code == 0
    assert bare.stdout == named.stdout and "Next: footback plan" in bare.stdout


def test_the_day_mid_plan_step_by_step(cli: Cli, context: AppContext, tmp_path: Path) -> None:
    set_wall(context, MONDAY)
    _assessed(cli, tmp_path)
    assert cli.invoke(["plan"]).exit_code == 0
    tuesday = MONDAY + timedelta(days=1)
    set_wall(context, tuesday.replace(hour=6))
    early = _today(cli)
    assert _states(early) == [
        ("morning routine", "07:00", "later"),
        ("plan routine", "18:30", "later"),
        ("check-in", "18:30", "later"),
    ]
    assert early["next"] == {"command": "footback stretch --routine morning", "why": "due from 07:00"}
    set_wall(context, tuesday.replace(hour=7))  # due from the slot's minute on
    assert _today(cli)["next"]["command"] == "footback stretch --routine morning"
    assert cli.invoke(["log", "morning"]).exit_code == 0
    assert _today(cli)["next"]["command"] == "footback stretch --routine plan"  # later, from 18:30
    set_wall(context, tuesday.replace(hour=19))
    evening = _today(cli)
    assert _states(evening) == [
        ("morning routine", "07:00", "done"),
        ("plan routine", "18:30", "due"),
        ("check-in", "18:30", "due"),
    ]
    assert evening["next"]["command"] == "footback stretch --routine plan"
    assert cli.invoke(["log", "plan"]).exit_code == 0
    assert _today(cli)["next"]["command"] == "footback checkin"
    assert cli.invoke(["checkin", "--foot", "4", "--back", "3"]).exit_code == 0
    done = _today(cli)
    assert {i["state"] for i in done["items"]} == {"done"}
    assert done["next"]["command"] == "footback progress"
    assert done["last_checkin"] == {"day": "2026-03-03", "foot": 4, "back": 3}
    assert done["pain_trend"] == {"foot": "too little data", "back": "too little data"}
    assert (done["plan"], done["streak_days"]) == (
        {"saved": True, "level": 1, "next_review": "2026-03-09"},
        1,
    )
    screen = cli.invoke([]).stdout
    assert "Today: morning routine done, plan routine done, check-in done." in screen
    assert "Last check-in Tue 3 Mar 2026: foot 4, back 3; a pain trend needs" in " ".join(screen.split())
    assert "Plan: level 1, next review Mon 9 Mar 2026; streak 1 day." in screen


def test_the_weekly_review_comes_after_what_is_due(cli: Cli, context: AppContext, tmp_path: Path) -> None:
    set_wall(context, MONDAY)
    _assessed(cli, tmp_path)
    assert cli.invoke(["plan"]).exit_code == 0
    set_wall(context, MONDAY + timedelta(days=7, hours=-3))  # Monday 9 March, 06:00: nothing due yet
    assert _today(cli)["next"]["command"] == "footback plan"
    set_wall(context, MONDAY + timedelta(days=6, hours=-3))  # Sunday 06:00: the review is not due
    assert _today(cli)["next"]["command"] == "footback stretch --routine morning"


def test_a_review_day_passed_says_the_review_is_due_not_a_past_next_review(
    cli: Cli, context: AppContext, tmp_path: Path
) -> None:
    """Seen on the walk: on Mon 21 Dec the screen said "next review Mon 14 Dec 2026" while the
    Next line named the routine. From the review's day on, the line says it is due and how."""
    set_wall(context, MONDAY)
    _assessed(cli, tmp_path)
    assert cli.invoke(["plan"]).exit_code == 0
    set_wall(context, MONDAY + timedelta(days=6, hours=-3))  # Sunday 06:00: the day before
    assert "Plan: level 1, next review Mon 9 Mar 2026;" in cli.invoke([]).stdout
    for days in (7, 14):  # the review's day, and a week after it
        set_wall(context, MONDAY + timedelta(days=days, hours=10))
        screen = " ".join(cli.invoke([]).stdout.split())
        assert "Plan: level 1, review due since Mon 9 Mar 2026 (footback plan);" in screen, screen


def test_a_warning_sign_at_a_checkin_comes_first_and_routines_wait(
    cli: Cli, context: AppContext, tmp_path: Path
) -> None:
    set_wall(context, MONDAY.replace(hour=19))
    _assessed(cli, tmp_path)
    assert cli.invoke(["plan"]).exit_code == 0
    flagged = cli.invoke(["checkin", "--foot", "5", "--back", "6", "--sign", "rf_fever"])
    assert flagged.exit_code == 0, flagged.output
    facts = _today(cli)
    assert facts["warning_sign"]["since"] == "2026-03-02" and facts["warning_sign"]["triage"] == "urgent"
    assert _states(facts) == [
        ("morning routine", "07:00", "waiting"),
        ("plan routine", "18:30", "waiting"),
        ("check-in", "18:30", "done"),
    ]
    assert facts["next"]["command"] == STEPS.gate.command
    lines = cli.invoke([]).stdout.splitlines()
    assert lines[1].startswith("Warning sign from 2026-03-02, waiting for a clinician: ")
    assert "morning routine waits for the clinician" in lines[2]


def test_an_emergency_sign_says_to_call_for_help(cli: Cli, context: AppContext, tmp_path: Path) -> None:
    set_wall(context, MONDAY)
    _assessed(cli, tmp_path, rf_saddle_numbness=True)
    facts = _today(cli)
    assert facts["warning_sign"]["triage"] == "emergency"
    assert "call your local emergency number now" in " ".join(cli.invoke([]).stdout.split())


def test_without_a_plan_the_next_step_is_the_plan_before_any_routine(
    cli: Cli, context: AppContext, tmp_path: Path
) -> None:
    set_wall(context, MONDAY.replace(hour=19))
    _assessed(cli, tmp_path)
    facts = _today(cli)
    assert [i["what"] for i in facts["items"]] == ["morning routine", "feet routine", "check-in"]
    assert facts["plan"] == {"saved": False, "level": None, "next_review": None}
    assert facts["next"]["command"] == "footback plan"


def _item(what: str, state: str, routine: str | None = None) -> DayItem:
    return DayItem(what=what, routine=routine, at=time(7), state=state)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("items", "waiting", "saved", "expected"),
    [
        ([_item("plan routine", "due", "plan")], True, True, STEPS.gate.command),
        ([_item("plan routine", "due", "plan")], False, False, "footback plan"),
        (
            [_item("check-in", "due"), _item("plan routine", "due", "plan")],
            False,
            True,
            "footback stretch --routine plan",
        ),
        ([_item("plan routine", "done", "plan"), _item("check-in", "due")], False, True, "footback checkin"),
        ([_item("plan routine", "later", "plan"), _item("check-in", "later")], False, True, "footback plan"),
        ([_item("plan routine", "done", "plan"), _item("check-in", "done")], False, True, "footback plan"),
    ],
)
def test_the_one_next_command_in_order(
    items: list[DayItem], waiting: bool, saved: bool, expected: str
) -> None:
    today = MONDAY.date()
    # A review due today comes after a routine or check-in due now, before anything later.
    plan = PlanBrief(saved=saved, level=1, next_review=today)
    assert next_command(items, waiting, plan, today, STEPS).command == expected
    if expected == "footback plan" and saved:
        later = PlanBrief(saved=True, level=1, next_review=today + timedelta(days=1))
        assert next_command(items, waiting, later, today, STEPS).command != "footback plan"


def test_on_a_terminal_the_same_lines_are_drawn(cli: Cli, context: AppContext) -> None:
    plain = cli.invoke([]).stdout
    context.stdout_tty = True
    drawn = cli.invoke([]).stdout
    # Wrapped to the terminal's 80 columns; the same words in the same order.
    assert drawn.split() == plain.split() and max(len(line.rstrip()) for line in drawn.splitlines()) <= 80
    assert len(drawn.splitlines()) > len(plain.splitlines())


def test_in_the_evening_the_plan_routine_comes_before_a_missed_morning(
    cli: Cli, context: AppContext, tmp_path: Path
) -> None:
    set_wall(context, MONDAY)
    _assessed(cli, tmp_path)
    assert cli.invoke(["plan"]).exit_code == 0
    tuesday = MONDAY + timedelta(days=1)
    set_wall(context, tuesday.replace(hour=12))  # only the morning slot has begun
    assert _today(cli)["next"]["command"] == "footback stretch --routine morning"
    set_wall(context, tuesday.replace(hour=18, minute=30))  # the plan's slot begins: it is the one now
    evening = _today(cli)
    assert _states(evening) == [
        ("morning routine", "07:00", "due"),  # still listed as due, as `due` says
        ("plan routine", "18:30", "due"),
        ("check-in", "18:30", "due"),
    ]
    assert evening["next"]["command"] == "footback stretch --routine plan"
    assert cli.invoke(["log", "plan"]).exit_code == 0
    assert _today(cli)["next"]["command"] == "footback stretch --routine morning"
