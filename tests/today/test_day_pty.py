"""A real terminal: a normal day from today's screen. `footback` and Enter, then every key a person
presses is sent and counted: the check-in and the plan routine take at most 10 keystrokes besides
the two pain numbers (issue 24, item 6)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest

from footback.cli.app import app
from footback.records.checkins import list_checkins
from footback.records.db import read_store
from tests.support.helpers import TINY_ROUTINE, back_pain_answers
from tests.support.pty_screen import Screen, local_hour, terminal_env
from tests.support.runner import CliRunner

pytestmark = pytest.mark.slow
runner = CliRunner()
MOST_KEYS = 10  # the limit
EVENING = 20  # the local hour the day is tried at: the plan routine and the check-in are due


@pytest.fixture
def evening() -> Iterator[str]:
    """About 20:00 here and in the child: the plan routine and the check-in are due (from 18:30)."""
    with local_hour(EVENING) as zone:
        yield zone


def _run(*args: str) -> None:
    done = runner.invoke(app, list(args))
    assert done.exit_code == 0, done.output


def _with_a_plan(home: Path, tmp_path: Path) -> None:
    """Assessed, a plan saved, the morning routine done today. The saved plan is then a one-step
    routine, so the test plays it in seconds (which routine it is does not change the keys)."""
    answers = tmp_path / "answers.json"
    answers.write_text(json.dumps(back_pain_answers(calf_tight=True)), encoding="utf-8")
    _run("assess", "--answers", str(answers))
    _run("plan")
    (home / "plan.toml").write_text(TINY_ROUTINE.replace('name = "tiny"', 'name = "plan"'), encoding="utf-8")
    _run("log", "morning")


def test_the_checkin_and_the_plan_routine_take_five_keystrokes_from_todays_screen(
    home: Path, tmp_path: Path, evening: str
) -> None:
    assert 18 <= datetime.now().astimezone().hour <= 22, evening
    _with_a_plan(home, tmp_path)
    screen = Screen.spawn([], terminal_env(home, tmp_path / "config.toml") | {"TZ": evening})
    typed: list[str] = []

    def press(prompt: str, keys: str) -> None:
        screen.expect(prompt.replace(" ", r"\s+"))
        typed.append(keys)
        screen.child.send(keys)

    screen.expect(r"Next: footback stretch --routine plan")
    press(r"Check in now, then play your plan routine\? \[Enter: yes, n: not now\]", "\r")
    press(r"Foot pain today, 0 \(none\) to 10 \(worst imaginable\): ", "3\r")
    press(r"Back pain today, 0 \(none\) to 10 \(worst imaginable\): ", "4\r")
    press(r"Anything new since last time[^\n]*", "\r")
    screen.expect(r"Saved your check-in for [^\n]*: foot 3, back 4\.")
    press(r"Press Enter to start", "\r")  # the routine said yes to is not offered again
    screen.expect(r"Toe lift")
    assert screen.finish(timeout=60) == 0
    assert "Traceback" not in screen.text and "Play your plan routine now" not in screen.text
    saved = read_store(home, list_checkins)
    assert saved is not None and [(c.foot, c.back) for c in saved] == [(3, 4)]
    shown = runner.invoke(app, ["today", "--json"])
    states = {item["what"]: item["state"] for item in json.loads(shown.stdout)["items"]}
    assert states == {"morning routine": "done", "plan routine": "done", "check-in": "done"}
    keystrokes = sum(len(keys) for keys in typed) - len("3") - len("4")
    assert keystrokes == 5 and keystrokes <= MOST_KEYS
