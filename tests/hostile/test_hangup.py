"""Closing the terminal window mid-routine: the partial session is saved, then footback stops quietly."""

from __future__ import annotations

import os
import select
import sys
import time
from pathlib import Path

import pytest
from ptyprocess import PtyProcess

from footback.records.db import open_store
from footback.records.stretch_sessions import recent_sessions

pytestmark = pytest.mark.slow

ROUTINE = """
name = "long"
description = "One long hold, so the window is closed in the middle of it."

[[steps]]
name = "Long stretch"
seconds = 60
instructions = "Hold it."
"""


@pytest.mark.parametrize("extra", [[], ["--plain"]], ids=["live screen", "plain"])
def test_a_hangup_mid_routine_saves_the_session(tmp_path: Path, home: Path, extra: list[str]) -> None:
    routine = tmp_path / "long.toml"
    routine.write_text(ROUTINE, encoding="utf-8")
    env = dict(os.environ, FOOTBACK_HOME=str(home), TERM="xterm", COLUMNS="80", LINES="30")
    argv = [sys.executable, "-m", "footback", "stretch", "--file", str(routine), "--quiet", "--lead-in", "0"]
    child = PtyProcess.spawn([*argv, *extra], env=env, dimensions=(30, 80))
    seen = b""
    started = False
    deadline = time.monotonic() + 30
    while b"Long stretch" not in seen.split(b"Press Enter")[-1] and time.monotonic() < deadline:
        ready, _, _ = select.select([child.fd], [], [], 0.2)
        if ready:
            seen += os.read(child.fd, 4096)
        if b"Press Enter" in seen and not started:
            os.write(child.fd, b"\r")  # the ready prompt before the first hold
            started = True
    assert b"Long stretch" in seen, seen
    time.sleep(1.5)  # a moment into the hold, so there is something to save
    os.close(child.fd)  # the window closes: the kernel hangs up the terminal
    child.fd = -1
    _, status = os.waitpid(child.pid, 0)
    code = os.waitstatus_to_exitcode(status)
    assert code == 128 + 1, code  # stopped by SIGHUP, not by a traceback
    with open_store(home) as store:
        (row,) = recent_sessions(store)
    assert row.finished is False and row.routine == "long"
    assert row.actual_seconds >= 1
