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
    child, before, after = spawn(tmp_path, home, "--lead-in", "0")
    child.expect("Step 1 of 2: First stretch")
    child.send(" ")
    child.expect("PAUSED")
    child.expect(pexpect.TIMEOUT, timeout=0.8)  # stay paused for a moment
    child.send(" ")
    child.expect("space pause")
    child.send("n")
    child.expect("Step 2 of 2: Second stretch")
    child.expect(r"Check in now .*Enter skips")  # the one-line check-in offer after a routine
    child.send("\r")
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
    child.expect("Step 1 of 2: First stretch")
    child.sendintr()
    child.expect(r"EXIT=(\d+)")
    assert child.match.group(1) == "130"
    child.expect(pexpect.EOF)
    assert before.read_text() == after.read_text()
    with open_store(home) as store:
        (row,) = recent_sessions(store)
    assert row.finished is False and row.detail["ended_by"] == "interrupt"
