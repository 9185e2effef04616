"""Ctrl-C in a real pseudo-terminal: at a prompt and during a playing routine.

Each run happens under bash in the same pty, which prints `stty -g` before and after, so the
terminal settings footback leaves behind are compared exactly (bash, not sh: dash exits as
soon as its child handles SIGINT, and the second `stty -g` would never run). TERM=xterm makes
rich emit its cursor codes, so the test can see that the cursor is shown again.
`test_assess_pty.py` covers Ctrl-C at an assess prompt; `test_stretch_pty.py` covers Ctrl-C
in the first step's lead-in.
"""

from __future__ import annotations

import re
import shlex
import sqlite3
import stat
from pathlib import Path

import pytest

from footback.core.paths import DB_NAME
from tests.support.history_seed import seed_full
from tests.support.pty_screen import FOOTBACK, Screen, interrupt_at_prompt, terminal_env

pytestmark = pytest.mark.slow

HIDE_CURSOR, SHOW_CURSOR = "\x1b[?25l", "\x1b[?25h"
ENTER_ALT_SCREEN, LEAVE_ALT_SCREEN = "\x1b[?1049h", "\x1b[?1049l"
STTY = re.compile(r"^([0-9a-f]+(?::[0-9a-f]+){10,})$", re.MULTILINE)

ROUTINE = """
name = "interrupt me"
description = "A short step, then a long one to be interrupted in."

[[steps]]
name = "Quick one"
seconds = 1
instructions = "Just a second."

[[steps]]
name = "Long hold"
seconds = 60
reps = 2
rest = 5
instructions = "Hold it while the test presses Ctrl-C."
"""


def in_bash(args: list[str], env: dict[str, str], cwd: Path) -> Screen:
    """`footback ARGS` between two `stty -g`, all in one pty."""
    command = shlex.join([*FOOTBACK, *args])
    script = f"stty -g; {command}; echo EXIT=$?; stty -g"
    return Screen.spawn(["--norc", "--noprofile", "-c", script], env, cwd=cwd, program="/bin/bash")


def stty_pair(screen: Screen) -> tuple[str, str]:
    settings = STTY.findall(screen.text)
    assert len(settings) == 2, screen.text[-2000:]
    return settings[0], settings[1]


def exit_code(screen: Screen) -> int:
    return int(screen.expect(r"EXIT=(\d+)").group(1))


def cursor_shown_at_end(raw: str) -> bool:
    """Never hidden, or shown again after the last time it was hidden."""
    return raw.rfind(HIDE_CURSOR) < raw.rfind(SHOW_CURSOR) or HIDE_CURSOR not in raw


# ------------------------------------------------------------------ at a prompt


@pytest.mark.parametrize("term", ["xterm", "dumb"])
def test_ctrl_c_at_a_shoes_check_prompt(tmp_path: Path, home: Path, term: str) -> None:
    env = terminal_env(home, tmp_path / "config.toml", term=term)
    screen = in_bash(["shoes-check", "--name", "road"], env, tmp_path)
    screen.answer("What kind of shoes are they", "running")
    screen.expect("How old is this pair")
    screen.expect("> ")
    interrupt_at_prompt(screen.child)
    assert exit_code(screen) == 130
    assert screen.finish() == 0
    before, after = stty_pair(screen)
    assert after == before
    assert cursor_shown_at_end(screen.raw)
    assert "footback: interrupted" in screen.text
    assert "Traceback" not in screen.text
    assert not (home / DB_NAME).exists()  # nothing saved, not even an empty store


def test_ctrl_c_at_the_which_routine_prompt(tmp_path: Path, home: Path) -> None:
    # No assessment yet: `footback stretch` asks which routine (rich's prompt, not the interview's).
    env = terminal_env(home, tmp_path / "config.toml", term="xterm")
    screen = in_bash(["stretch"], env, tmp_path)
    screen.expect("Which routine?")
    interrupt_at_prompt(screen.child)
    assert exit_code(screen) == 130
    assert screen.finish() == 0
    before, after = stty_pair(screen)
    assert after == before
    assert cursor_shown_at_end(screen.raw)
    assert "Traceback" not in screen.text
    assert not (home / DB_NAME).exists() or sessions(home) == []  # no session was started


def test_ctrl_c_at_the_forget_question_deletes_nothing(tmp_path: Path, home: Path) -> None:
    seed_full(home)
    before_files = sorted(p.name for p in home.iterdir())
    env = terminal_env(home, tmp_path / "config.toml", term="xterm")
    screen = in_bash(["forget"], env, tmp_path)
    screen.expect(r"Delete it all\?")
    interrupt_at_prompt(screen.child)
    code = exit_code(screen)
    assert screen.finish() == 0
    before, after = stty_pair(screen)
    assert after == before
    assert "Deleted" not in screen.text
    assert sorted(p.name for p in home.iterdir()) == before_files
    conn = sqlite3.connect(home / DB_NAME)
    try:
        assert conn.execute("SELECT count(*) FROM assessments").fetchone()[0] > 0
    finally:
        conn.close()
    assert code == 130  # last, so the checks above still run while this is a known bug


# ------------------------------------------------------------------ during a routine


def sessions(home: Path) -> list[sqlite3.Row]:
    conn = sqlite3.connect(home / DB_NAME)
    conn.row_factory = sqlite3.Row
    try:
        return conn.execute("SELECT * FROM stretch_sessions").fetchall()
    finally:
        conn.close()


@pytest.mark.parametrize("paused", [False, True], ids=["holding", "paused"])
def test_ctrl_c_during_a_live_routine(tmp_path: Path, home: Path, paused: bool) -> None:
    routine = tmp_path / "routine.toml"
    routine.write_text(ROUTINE, encoding="utf-8")
    env = terminal_env(home, tmp_path / "config.toml", term="xterm")
    screen = in_bash(
        ["stretch", "--file", str(routine), "--quiet", "--lead-in", "0", "--no-wait"], env, tmp_path
    )
    # The player's first row: the step title, then the routine's name in a rule.
    screen.expect(r"(?m)^Step 1 of 2: Quick one ── footback stretch: interrupt me ─")
    # Only changed lines are redrawn, so the key hint shows once, with the first frame.
    screen.expect(r"space pause")
    # The title line, not "Next: Step 2 ...": the first step is done, so this is a partial session.
    screen.expect(r"(?m)^Step 2 of 2: Long hold ── footback stretch: interrupt me ─")
    if paused:
        screen.child.send(" ")
        screen.expect("PAUSED")
    screen.child.sendintr()
    assert exit_code(screen) == 130
    assert screen.finish() == 0

    raw = screen.raw
    assert HIDE_CURSOR in raw, "the live screen hides the cursor while playing"
    assert cursor_shown_at_end(raw)
    # The show-cursor code is the last thing footback wrote: nothing re-hides it later.
    assert SHOW_CURSOR in raw[raw.rfind(HIDE_CURSOR) :]
    # The player plays on a screen of its own and gives the normal screen back.
    assert ENTER_ALT_SCREEN in raw
    assert LEAVE_ALT_SCREEN in raw[raw.rfind(ENTER_ALT_SCREEN) :]
    before, after = stty_pair(screen)
    assert after == before
    text = " ".join(screen.text.split())
    assert "Stopped 'interrupt me' after" in text, text[-1500:]
    assert "1 of 2 steps done. Saved to your history." in text, text[-1500:]
    assert "Traceback" not in text

    (row,) = sessions(home)
    assert row["finished"] == 0
    assert row["steps_done"] == 1
    assert row["routine"] == "interrupt me"
    assert '"ended_by": "interrupt"' in row["detail"]
    assert stat.S_IMODE((home / DB_NAME).stat().st_mode) == 0o600
