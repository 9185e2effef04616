"""A real 80x24 terminal: the player's first frame is readable from the floor and nothing of the
start screen is left on it. What is on screen is read through a terminal emulator (pyte)."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

import pexpect
import pyte
import pytest

from footback.stretch import bigtype
from footback.stretch.floor import SHADED

pytestmark = pytest.mark.slow

ROWS, COLS = 24, 80


def on_screen(rows: list[str], display: list[str]) -> bool:
    """The big drawing `rows` on the display: one row under another, at one column."""
    rows = [row.rstrip() for row in rows]
    for top in range(len(display) - len(rows) + 1):
        at = display[top].find(rows[0])
        if at >= 0 and all(display[top + k][at:].startswith(row) for k, row in enumerate(rows)):
            return True
    return False


def test_the_first_frame_at_80x24_is_big_and_alone(tmp_path: Path) -> None:
    env = dict(os.environ, FOOTBACK_HOME=str(tmp_path / "home"), FOOTBACK_CONFIG=str(tmp_path / "none.toml"))
    env.update(TERM="xterm-256color", NO_COLOR="1", COLUMNS=str(COLS), LINES=str(ROWS))
    child = pexpect.spawn(
        sys.executable,
        ["-m", "footback", "stretch", "--routine", "feet", "--quiet", "--no-save"],
        env=env,
        encoding="utf-8",
        timeout=20,
        dimensions=(ROWS, COLS),
    )
    screen = pyte.Screen(COLS, ROWS)
    stream = pyte.Stream(screen)
    try:
        child.expect(r"Press Enter to start \(q to quit\)")
        stream.feed(child.before + child.after)
        assert any("Routine: feet" in row for row in screen.display)  # the start screen
        time.sleep(0.3)  # a person's moment, so the Enter is not read before the prompt's wait
        child.send("\r")
        child.expect("q/Esc stop")  # the first frame's last row
        stream.feed(child.before + child.after)
        display = screen.display
        # The first frame: GET READY in big letters, the lead-in's 3 (or 2) in big digits.
        assert on_screen(bigtype.big_word("GET READY", SHADED), display), "\n".join(display)
        counts = [bigtype.big_digits(n, SHADED) for n in ("3", "2")]
        assert any(on_screen(rows, display) for rows in counts), "\n".join(display)
        assert display[0].startswith("Step 1 of 4: Toe lift")
        # Nothing of the start screen is left: not its lines, not the prompt.
        text = "\n".join(display)
        assert "Routine: feet" not in text and "You will need" not in text and "Press Enter" not in text
        child.send("q")
        child.expect(pexpect.EOF)
    finally:
        child.close()
    assert child.exitstatus == 0
