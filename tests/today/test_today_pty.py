"""A real terminal: `footback` alone is today's screen (new user, mid-plan, after a warning sign),
and in a pipe the same facts as plain lines."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from footback.cli.app import app
from tests.support.helpers import back_pain_answers
from tests.support.pty_screen import FOOTBACK, Screen, local_hour, plain_env, terminal_env
from tests.support.runner import CliRunner

pytestmark = pytest.mark.slow
runner = CliRunner()


def _run(*args: str) -> None:
    done = runner.invoke(app, list(args))
    assert done.exit_code == 0, done.output


def _mid_plan(tmp_path: Path) -> None:
    answers = tmp_path / "answers.json"
    answers.write_text(json.dumps(back_pain_answers(calf_tight=True)), encoding="utf-8")
    _run("assess", "--answers", str(answers))
    _run("plan")
    _run("log", "morning")
    _run("checkin", "--foot", "4", "--back", "3")


def test_a_new_user_is_shown_the_first_step(home: Path, tmp_path: Path) -> None:
    screen = Screen.spawn([], terminal_env(home, tmp_path / "config.toml"))
    screen.expect(r"footback, \w{3} \d+ \w{3} \d{4}")
    screen.expect(r"Welcome\. footback starts with one assessment")
    screen.expect(r"Next: footback assess")
    screen.expect(r"Start the assessment now \(about 10 minutes\)\? \[Enter: yes, n: not now\]")
    screen.child.send("n")  # one key, as every offer of the day
    screen.expect(r"Not now: footback assess starts it when you are ready\.")
    assert screen.finish() == 0
    assert "Usage:" not in screen.text and not home.exists()


def test_a_new_users_enter_starts_the_assessment(home: Path, tmp_path: Path) -> None:
    screen = Screen.spawn([], terminal_env(home, tmp_path / "config.toml"))
    screen.expect(r"Start the assessment now")
    screen.child.send("\r")
    screen.expect(r"WARNING SIGNS \(part 1 of 4\)")  # the interview's first page, as `footback assess`
    screen.child.sendcontrol("c")  # stopped at once, as `footback assess` stops
    assert screen.finish() == 130


def test_mid_plan_the_screen_shows_the_day_the_last_checkin_and_the_plan(home: Path, tmp_path: Path) -> None:
    # At noon nothing is due (the plan routine is from 18:30), so nothing is offered: the run ends.
    with local_hour(12) as zone:
        _mid_plan(tmp_path)
        screen = Screen.spawn([], terminal_env(home, tmp_path / "config.toml") | {"TZ": zone})
        screen.expect(r"Today: morning routine done, plan routine from 18:30, check-in done\.")
        screen.expect(r"Last check-in [^\n]*: foot 4, back 3;")
        screen.expect(r"Plan: level 1, next review ")
        screen.expect(r"Next: footback ")
        assert screen.finish() == 0


def test_after_a_warning_sign_it_comes_first_and_routines_wait(home: Path, tmp_path: Path) -> None:
    _mid_plan(tmp_path)
    _run("checkin", "--foot", "5", "--back", "6", "--sign", "rf_fever", "--replace")
    screen = Screen.spawn([], terminal_env(home, tmp_path / "config.toml"))
    screen.expect(r"Warning sign from \d{4}-\d\d-\d\d, waiting for a clinician")
    screen.expect(r"plan routine waits for the\s+clinician")
    screen.expect(r"Next: footback report --format html --output for-my-clinician\.html")
    assert screen.finish() == 0


def test_in_a_pipe_the_same_facts_are_plain_lines(home: Path, tmp_path: Path) -> None:
    _mid_plan(tmp_path)
    piped = subprocess.run(
        FOOTBACK, env=plain_env(home), capture_output=True, text=True, timeout=60, check=False
    )
    assert piped.returncode == 0, piped.stderr
    lines = piped.stdout.splitlines()
    assert lines[0].startswith("footback, ") and lines[-1].startswith("Next: footback ")
    assert any(line.startswith("Plan: level 1, next review ") for line in lines)
    assert "\x1b" not in piped.stdout
    helped = subprocess.run(
        [*FOOTBACK, "--help"], env=plain_env(home), capture_output=True, text=True, check=False
    )
    assert helped.returncode == 0 and helped.stdout.startswith("Usage: ")
