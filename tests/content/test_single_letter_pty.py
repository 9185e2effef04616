"""A real terminal: a stray letter on a choice question is not taken as an answer (the choices are
shown again); the number shown as its key is."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from footback.records.assessments import latest_assessment
from footback.records.db import read_store
from tests.support.helpers import stopped_assessment
from tests.support.pty_screen import Screen, terminal_env

pytestmark = pytest.mark.slow


def test_a_stray_n_on_how_often_do_your_feet_hurt_is_not_never(home: Path, tmp_path: Path) -> None:
    # `n` was taken as "never" and the whole foot part was skipped.
    stopped_assessment(home, datetime.now().astimezone(), left="foot_pain")
    env = terminal_env(home, tmp_path / "config.toml") | {"PAGER": "cat"}
    screen = Screen.spawn(["assess"], env, cwd=tmp_path)
    screen.expect(r"Continue it\?\s+\[Y/n\]")
    screen.child.sendline("")
    screen.answer(r"How often do your feet hurt\?", "n")
    screen.expect(r"Not understood: 'n' is not one of the keys shown")
    screen.expect(r"1\) never\s+\[none\][\s\S]*4\) all the time\s+\[constant\]")
    screen.expect(r"> ")
    screen.child.sendline("3")
    screen.expect(r"Activity 1:")  # the function score's step: Enter on its own skips it
    screen.child.sendline("")
    screen.expect(r"Save your plan now\?")
    screen.child.send("n")  # one key: no Enter after it
    screen.expect(r"Write the daily reminders")
    screen.child.send("n")  # one key: no Enter after it
    assert screen.finish() == 0
    saved = read_store(home, latest_assessment)
    assert saved is not None and saved.answers["foot_pain"] == "often"
