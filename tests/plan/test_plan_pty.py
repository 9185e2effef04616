"""A real terminal: a plan taller than the terminal is paged like the assessment's result."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.history_seed import seed_full
from tests.support.pty_screen import paged_env, run_to_end

pytestmark = pytest.mark.slow


def test_a_plan_taller_than_the_terminal_goes_through_the_pager(home: Path, tmp_path: Path) -> None:
    # At 80x24 a five-step plan pushed "Your plan: ..." and its first steps off the top.
    seed_full(home)
    paged = tmp_path / "paged.txt"
    screen = run_to_end(["plan"], paged_env(home, paged))
    text = paged.read_text(encoding="utf-8")
    assert text.startswith("Your plan: ") and "Level 1 of " in text
    assert "Your plan: " not in screen and "Saved to " in screen  # after the pager, still in view
