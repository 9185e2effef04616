"""A real terminal: a plan taller than the terminal is paged like the assessment's result."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pexpect
import pytest

from tests.support.history_seed import seed_full

pytestmark = pytest.mark.slow


def test_a_plan_taller_than_the_terminal_goes_through_the_pager(home: Path, tmp_path: Path) -> None:
    # At 80x24 a five-step plan pushed "Your plan: ..." and its first steps off the top.
    seed_full(home)
    paged = tmp_path / "paged.txt"
    env = dict(os.environ, FOOTBACK_HOME=str(home), TERM="xterm", NO_COLOR="1", PAGER=f"cat > {paged}")
    env.update(COLUMNS="80", LINES="14")  # the pty's size, whatever the test run's own settings
    child = pexpect.spawn(
        sys.executable, ["-m", "footback", "plan"], env=env, encoding="utf-8", timeout=30, dimensions=(14, 80)
    )
    try:
        child.expect(pexpect.EOF)
    finally:
        child.close()
    assert child.exitstatus == 0, child.before
    text = paged.read_text(encoding="utf-8")
    assert text.startswith("Your plan: ") and "Level 1 of " in text
    screen = child.before or ""
    assert "Your plan: " not in screen and "Saved to " in screen  # after the pager, still in view
