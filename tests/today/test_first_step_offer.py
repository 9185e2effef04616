"""A new user's `footback` on a terminal offers the assessment with the day's one key (issue:
users item 7): Enter starts it as `footback assess` would; n or q leave the screen, nothing
created; nothing is asked in a pipe (tests/today/test_today.py) or with `--json`."""

from __future__ import annotations

from pathlib import Path

import pytest

from footback.cli.context import AppContext
from footback.records.assessments import latest_assessment
from footback.records.db import read_store
from footback.stretch.player import Key
from footback.today.content import load_today_content
from tests.support.context import Cli, press

DAY = load_today_content().day
# The stopped assessment is continued (Enter), its last question answered (y), Enter past the
# function step; the first run's two offers after it read keys.
LINES = "\ny\n\n"


def test_enter_starts_the_assessment_as_footback_assess_would(
    cli: Cli, context: AppContext, first_run: Path
) -> None:
    press(context, [(0.0, Key.ENTER), (0.0, Key.ENTER), (0.0, Key.SKIP)])  # start; save plan; no file
    context.stdout_tty = True
    done = cli.invoke([], input=LINES)
    assert done.exit_code == 0, done.output
    said = " ".join(done.output.split())
    assert said.index("Next: footback assess") < said.index(DAY.assess.strip()) < said.index("YOUR RESULT")
    assert read_store(context.data_dir, latest_assessment) is not None
    assert "Saved your plan (" in said and (context.data_dir / "plan.toml").is_file()


@pytest.mark.parametrize("leave", [Key.SKIP, Key.STOP])  # n; q, Esc or Ctrl-D
def test_n_or_q_leaves_the_screen_and_creates_nothing(cli: Cli, context: AppContext, leave: Key) -> None:
    press(context, [(0.0, leave)])
    context.stdout_tty = True
    done = cli.invoke([], input=LINES)
    assert done.exit_code == 0, done.output
    lines = [line.rstrip() for line in done.output.splitlines()]
    assert lines[-2:] == [DAY.assess.rstrip(), DAY.assess_later]
    assert not context.data_dir.exists()


def test_with_json_nothing_is_asked(cli: Cli, context: AppContext) -> None:
    press(context, [(0.0, Key.ENTER)])
    context.stdout_tty = True
    done = cli.invoke(["today", "--json"])
    assert done.exit_code == 0 and DAY.assess.strip() not in done.output
    assert '"first_step": true' in done.stdout and not context.data_dir.exists()
