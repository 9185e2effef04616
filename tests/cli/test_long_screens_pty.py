"""`progress` and `history` are taller than an 80x24 terminal once there is a little data: on a
terminal they go through the pager (as `assess` and `plan` do), so their first lines are not
scrolled away; in a pipe nothing is paged (tests/cli/test_terminal_conventions.py)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from tests.support.history_seed import seed_full
from tests.support.pty_screen import Screen, paged_env, run_to_end

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    ("command", "first", "later"),
    [("progress", "Is it helping?", "Practice"), ("history", "Data file: ", "Check-ins")],
)
def test_a_screen_taller_than_the_terminal_goes_through_the_pager(
    home: Path, tmp_path: Path, command: str, first: str, later: str
) -> None:
    seed_full(home)
    paged = tmp_path / "paged.txt"
    screen = run_to_end([command], paged_env(home, paged, rows=24))
    text = paged.read_text(encoding="utf-8")
    assert text.startswith(first) and later in text
    assert first not in screen  # drawn by the pager, not straight onto the terminal


@pytest.mark.skipif(shutil.which("less") is None, reason="needs less")
def test_the_pager_says_its_keys(home: Path) -> None:
    """less's own prompt is a bare ':' (seen on the walk at 80x24: nothing says space pages on
    and q leaves); without a LESS of the person's own, the prompt names the keys, and its end."""
    seed_full(home)
    env = {k: v for k, v in os.environ.items() if k not in ("PAGER", "MANPAGER", "LESS")}
    env.update(FOOTBACK_HOME=str(home), TERM="xterm", NO_COLOR="1", COLUMNS="80", LINES="24")
    screen = Screen.spawn(["progress"], env)
    screen.child.setwinsize(24, 80)
    screen.expect(r"space: next page, b: back, q: quit")
    screen.child.send("G")  # to the end
    screen.expect(r"\(END\) q: quit")
    screen.child.send("q")
    assert screen.finish() == 0
