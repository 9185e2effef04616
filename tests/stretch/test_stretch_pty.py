"""A real terminal: play a short routine, pause, skip, stop; the terminal must come back intact."""

from __future__ import annotations

import io
import os
import re
import sys
from pathlib import Path

import pexpect
import pytest

from footback.records.db import open_store
from footback.records.stretch_sessions import recent_sessions
from tests.support.pty_screen import Screen, terminal_env

pytestmark = pytest.mark.slow

ROUTINE = """
name = "pty"
description = "Two short steps."

[[steps]]
name = "First stretch"
seconds = 3
instructions = "Hold it."

[[steps]]
name = "Second stretch"
seconds = 2
instructions = "Hold this one too."
"""
ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")


def spawn(tmp_path: Path, home: Path, *extra: str) -> tuple[pexpect.spawn, Path, Path]:
    """Run the command under bash so the terminal settings can be read before and after."""
    routine = tmp_path / "pty.toml"
    routine.write_text(ROUTINE, encoding="utf-8")
    before, after = tmp_path / "stty-before", tmp_path / "stty-after"
    command = " ".join(
        [sys.executable, "-m", "footback", "stretch", "--file", str(routine), "--quiet", *extra]
    )
    script = f'stty -g > {before}; {command}; echo "EXIT=$?"; stty -g > {after}'
    env = dict(os.environ, FOOTBACK_HOME=str(home), TERM="xterm", COLUMNS="80", LINES="30")
    child = pexpect.spawn(
        "bash",
        ["--norc", "--noprofile", "-c", script],
        env=env,
        encoding="utf-8",
        timeout=20,
        dimensions=(30, 80),
    )
    child.logfile_read = io.StringIO()  # everything the terminal showed
    return child, before, after


def test_pause_skip_and_a_restored_terminal(tmp_path: Path, home: Path) -> None:
    child, before, after = spawn(tmp_path, home, "--lead-in", "0", "--no-wait")
    child.expect("Step 1 of 2: First stretch")
    child.send(" ")
    child.expect("PAUSED")
    child.expect(pexpect.TIMEOUT, timeout=0.8)  # stay paused for a moment
    child.send(" ")
    child.expect("space pause")
    child.send("n")
    child.expect("Step 2 of 2: Second stretch")
    child.expect(r"Check in now .*\[Enter: yes, n: skip\]")  # the one-key check-in offer after a routine
    child.send("n")
    child.expect(r"EXIT=(\d+)")
    assert child.match.group(1) == "0"
    raw = child.logfile_read.getvalue()
    assert raw.rfind("\x1b[?25h") > raw.rfind("\x1b[?25l") >= 0  # the cursor is shown again
    assert "1 of 2 steps done, 1 skipped. Saved" in " ".join(ANSI.sub("", raw).split())
    child.expect(pexpect.EOF)
    assert before.read_text() == after.read_text()
    with open_store(home) as store:
        (row,) = recent_sessions(store)
    assert row.steps_skipped == 1 and row.steps_done == 1 and row.finished is True
    assert row.detail["paused_seconds"] >= 0.7


def test_ctrl_c_exits_130_and_restores_the_terminal(tmp_path: Path, home: Path) -> None:
    child, before, after = spawn(tmp_path, home, "--lead-in", "1")
    child.expect(r"Press Enter to start \(q to quit\)")
    child.send("\r")
    child.expect("Step 1 of 2: First stretch")
    child.sendintr()
    child.expect(r"EXIT=(\d+)")
    assert child.match.group(1) == "130"
    child.expect(pexpect.EOF)
    assert before.read_text() == after.read_text()
    with open_store(home) as store:
        (row,) = recent_sessions(store)
    assert row.finished is False and row.detail["ended_by"] == "interrupt"


def test_the_ready_prompt_shows_what_is_needed_and_q_quits_without_saving(tmp_path: Path, home: Path) -> None:
    child, before, after = spawn(tmp_path, home, "--lead-in", "0")
    child.expect("You will need: nothing")
    child.expect(r"Press Enter to start \(q to quit\)")
    child.expect(pexpect.TIMEOUT, timeout=1.5)  # it waits: no step starts on its own
    assert "Step 1 of 2" not in child.logfile_read.getvalue()
    child.send("q")
    child.expect("Not started: nothing saved.")
    child.expect(r"EXIT=(\d+)")
    assert child.match.group(1) == "0"
    child.expect(pexpect.EOF)
    assert before.read_text() == after.read_text()
    with open_store(home) as store:
        assert recent_sessions(store) == []


SIDED = """
name = "sided"
description = "One two-sided step."

[[steps]]
name = "Calf stretch"
seconds = 2
each_side = true
limb = "leg"
side_text = { left = "Left leg back", right = "Right leg back" }
instructions = "Lean on a wall."
"""


def test_side_right_plays_only_the_right_side(tmp_path: Path, home: Path) -> None:
    routine = tmp_path / "sided.toml"
    routine.write_text(SIDED, encoding="utf-8")
    env = terminal_env(home, tmp_path / "config.toml")
    screen = Screen.spawn(
        ["stretch", "--file", str(routine), "--quiet", "--lead-in", "0", "--side", "right"], env
    )
    screen.expect(r"Press Enter to start")
    screen.child.send("\r")
    screen.expect("HOLD · RIGHT LEG")
    screen.expect("Right leg back")
    screen.expect(r"Finished 'sided' in 0:0\d: 1 of 1 step done")
    screen.expect(r"Check in now")
    screen.child.send("n")
    assert screen.finish() == 0
    assert "LEFT LEG" not in screen.text and "SWITCH SIDES" not in screen.text
    with open_store(home) as store:
        (row,) = recent_sessions(store)
    assert row.detail["side"] == "right" and row.planned_seconds == 2


def test_enter_at_the_offer_after_a_routine_checks_in(tmp_path: Path, home: Path) -> None:
    """The check-in offer after a routine reads one raw key, as every offer: Enter alone checks in
    (no "y" typed), and the check-in's own questions read typed lines again."""
    from footback.records.checkins import list_checkins

    routine = tmp_path / "sided.toml"
    routine.write_text(SIDED, encoding="utf-8")
    env = terminal_env(home, tmp_path / "config.toml")
    screen = Screen.spawn(["stretch", "--file", str(routine), "--quiet", "--lead-in", "0", "--no-wait"], env)
    screen.expect(r"Check in now .*\[Enter: yes, n: skip\]")
    screen.child.send("\r")
    for question, reply in [
        (r"Foot pain today.*: ", "3"),
        (r"Back pain today.*: ", "4"),
        (r"Anything new", ""),
    ]:
        screen.expect(question)
        screen.child.sendline(reply)
    screen.expect(r"Saved your check-in")
    assert screen.finish() == 0
    with open_store(home) as store:
        assert [(c.foot, c.back) for c in list_checkins(store)] == [(3, 4)]
